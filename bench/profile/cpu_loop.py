"""CPU-bound pure-Python loop (no allocation growth): the profiler's time overhead shows here."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000_000
total = 0
for i in range(n):
    total += (i * i) % 7
print(total)
