"""Writes a request-log CSV for the estimate examples: `python3 make_input.py ROWS OUT.csv[.gz]`.

Rows look like `request_id,duration_ms,path,status`. Deterministic (seeded), streamed to disk, so large
inputs never sit in memory and every run of the bench sees the same bytes.
"""
import gzip
import random
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: make_input.py ROWS OUT.csv[.gz]")
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(42)
    paths = ["/api/items", "/api/users", "/api/orders", "/health", "/api/search"]
    opener = gzip.open if out.endswith(".gz") else open
    with opener(out, "wt", newline="") as f:
        f.write("request_id,duration_ms,path,status\n")
        batch = []
        for i in range(rows):
            # Fixed-width id and duration keep bytes per row constant, so bytes and rows grow together.
            batch.append(f"{i:09d},{rnd.randint(1, 99999):05d},{paths[i % 5]:<11},200\n")
            if len(batch) == 10000:
                f.write("".join(batch))
                batch.clear()
        f.write("".join(batch))


if __name__ == "__main__":
    main()
