"""Generate the example inputs (nothing large is committed).

    python3 make_data.py [--rows N] [--out-dir data]

Writes data/requests.csv (a request log: path, duration_ms, status, timestamp)
and data/app.log (a plain-text application log).
"""
import argparse
import os
import random

PATHS = ["/api/users", "/api/orders", "/api/search", "/static/app.js", "/health", "/api/reports/daily"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--out-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)

    csv_path = os.path.join(args.out_dir, "requests.csv")
    with open(csv_path, "w", newline="") as out:
        out.write("path,duration_ms,status,timestamp\n")
        for i in range(args.rows):
            duration = rng.lognormvariate(3.0, 0.8)
            status = 500 if rng.random() < 0.01 else 200
            out.write(f"{rng.choice(PATHS)},{duration:.3f},{status},{1700000000 + i}\n")

    log_path = os.path.join(args.out_dir, "app.log")
    with open(log_path, "w") as out:
        for i in range(args.rows):
            level = "ERROR" if rng.random() < 0.02 else "INFO"
            out.write(f"2026-11-21T10:{i // 60 % 60:02d}:{i % 60:02d} {level} request {rng.choice(PATHS)} done\n")

    print(f"wrote {args.rows} rows to {csv_path} and {log_path}")


if __name__ == "__main__":
    main()
