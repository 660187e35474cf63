"""Step-wise: rows go into fixed 2 MiB blocks, so memory grows in steps of one block per 10,000 rows."""
import sys

BLOCK = 2 * 1024 * 1024
ROWS_PER_BLOCK = 10000
blocks = []
with open(sys.argv[1]) as f:
    next(f)
    for i, line in enumerate(f):
        if i % ROWS_PER_BLOCK == 0:
            blocks.append(bytearray(BLOCK))
            blocks[-1][::4096] = b"\x01" * (BLOCK // 4096)
print(len(blocks), "blocks")
