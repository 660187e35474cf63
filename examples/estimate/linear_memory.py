"""Linear memory: keeps every parsed row (as text) in a list, like the request-log incident.

Usage: python3 linear_memory.py requests.csv
Peak memory grows in proportion to the number of rows.
"""
import csv
import sys


def main(path: str) -> None:
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)  # every row stays in memory until the end
    slow = sum(1 for r in rows if int(r[1]) > 90000)
    print(f"{len(rows)} rows ({', '.join(header)}), {slow} slow requests")


if __name__ == "__main__":
    main(sys.argv[1])
