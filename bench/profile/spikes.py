"""20 short 64 MiB spikes (allocate, touch, free at once) with 50 ms gaps: a sampler that only reads current
RSS sees a spike only if a sample happens to land inside it."""
import time

for _ in range(20):
    block = bytearray(64 * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    del block
    time.sleep(0.05)
