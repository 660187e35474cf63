"""Summarise request durations from a request-log CSV, in constant memory.

The fixed version of request_log.py: convert `duration_ms` with float() as it is read,
and aggregate while streaming instead of keeping every row.
"""
import csv
import sys
from collections import defaultdict


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/requests.csv"
    print(f"loading {path}")
    total_us = defaultdict(float)
    count = defaultdict(int)
    with open(path, newline="") as csv_file:
        for record in csv.DictReader(csv_file):
            duration_us = float(record["duration_ms"]) * 1000
            total_us[record["path"]] += duration_us
            count[record["path"]] += 1
    for endpoint in sorted(total_us):
        print(f"{endpoint}: {count[endpoint]} requests, mean {total_us[endpoint] / count[endpoint]:.0f} us")


if __name__ == "__main__":
    main()
