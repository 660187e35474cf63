"""Daily latency report with pandas: typed columns, only the columns used."""
import sys

import pandas as pd


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/requests.csv"
    df = pd.read_csv(path, usecols=["path", "duration_ms"], dtype={"path": "category", "duration_ms": "float64"})
    df["duration_us"] = df["duration_ms"] * 1000
    print(df.groupby("path", observed=True)["duration_us"].mean())


if __name__ == "__main__":
    main()
