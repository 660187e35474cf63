"""Allocate SIZE_MB (touched, so it is resident), hold it HOLD_S seconds, free it, idle a moment."""
import sys
import time

size = int(sys.argv[1]) * 1024 * 1024
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
time.sleep(0.1)
block = bytearray(size)
for i in range(0, size, 4096):
    block[i] = 1
time.sleep(hold)
del block
time.sleep(0.2)
