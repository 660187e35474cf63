# Prints argv[1] MiB of output as 1 KiB lines (every 64th looks like a log record), as fast as Python can.
import sys

mib = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
plain = "x" * 1023 + "\n"
logline = "2026-12-06 04:00:00 INFO processed a batch" + " " * 981 + "\n"
block = "".join(logline if i % 64 == 0 else plain for i in range(64))
w = sys.stdout.write
for _ in range(mib * 16):
    w(block)
