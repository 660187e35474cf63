"""Near-constant memory: streams the rows and keeps only per-path totals.

Usage: python3 streaming.py requests.csv
Peak memory stays flat however large the input gets.
"""
import csv
import sys
from collections import defaultdict


def main(path: str) -> None:
    totals = defaultdict(int)
    counts = defaultdict(int)
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            totals[row[2].strip()] += int(row[1])
            counts[row[2].strip()] += 1
    for p in sorted(totals):
        print(f"{p}: {counts[p]} requests, mean {totals[p] / counts[p]:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
