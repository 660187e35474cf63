"""Count errors per endpoint in an application log, one line at a time."""
import sys
from collections import Counter, deque


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/app.log"
    errors = Counter()
    with open(path) as log:
        for line in log:
            parts = line.split()
            if len(parts) >= 4 and parts[1] == "ERROR":
                errors[parts[3]] += 1
    with open(path) as log:
        last = deque(log, maxlen=1)[0]
    print(f"last line: {last.strip()}")
    for endpoint, n in errors.most_common():
        print(f"{endpoint}: {n} errors")


if __name__ == "__main__":
    main()
