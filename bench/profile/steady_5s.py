# Five seconds of steady work that grows memory a little: the sampler should see ~100 samples a second.
import time

keep = []
end = time.monotonic() + 5
while time.monotonic() < end:
    keep.append(bytearray(64 * 1024))
    time.sleep(0.005)
