"""Summarise request durations from a request-log CSV.

Memwise example: this is the incident. `duration` stays text, and "converting" it with
`row[1] * 1000` repeats the string 1000 times: memory grows ~1000x per row.
Run `python3 make_data.py` first, then `python3 request_log.py data/requests.csv`.
"""
import sys
from csv import reader


def load_rows(path):
    rows = []
    with open(path, newline="") as csv_file:
        csv_reader = reader(csv_file)
        next(csv_reader)
        for row in csv_reader:
            rows.append(row)
    return rows


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/requests.csv"
    print(f"loading {path}")
    rows = load_rows(path)
    print(f"loaded {len(rows)} rows")
    # milliseconds -> microseconds
    rows = [(row[0], row[1] * 1000) for row in rows]
    print("converted durations")
    slowest = max(rows, key=lambda r: len(r[1]))
    print(f"done: {len(rows)} requests, longest duration field {len(slowest[1])} chars")


if __name__ == "__main__":
    main()
