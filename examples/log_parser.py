"""Count errors per endpoint in an application log.

Memwise example: `readlines()` materialises the whole log as a list of strings
only to walk it once.
"""
import sys
from collections import Counter


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/app.log"
    errors = Counter()
    with open(path) as log:
        lines = log.readlines()
    for line in lines:
        parts = line.split()
        if len(parts) >= 4 and parts[1] == "ERROR":
            errors[parts[3]] += 1
    with open(path) as log:
        last = log.readlines()[-1]
    print(f"last line: {last.strip()}")
    for endpoint, n in errors.most_common():
        print(f"{endpoint}: {n} errors")


if __name__ == "__main__":
    main()
