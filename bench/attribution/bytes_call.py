"""bytes repetition: one long C operation with no signal check inside; the next line is sampled first."""
import time

time.sleep(0.05)
big = b"a" * (200 * 1024 * 1024)  # TOP
size = len(big)
time.sleep(0.1)
print(size)
