"""pandas: read the whole CSV into a DataFrame and group it (Debian's python3-pandas)."""
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1])
df["slow"] = df["duration_ms"] > 90000
summary = df.groupby("path")["duration_ms"].describe()
print(len(df), "rows;", summary.shape)
