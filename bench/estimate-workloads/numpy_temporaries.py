"""numpy: one column as an array, then a few whole-array temporaries (Debian's python3-numpy)."""
import csv
import sys

import numpy as np

with open(sys.argv[1], newline="") as f:
    reader = csv.reader(f)
    next(reader)
    durations = np.fromiter((int(r[1]) for r in reader), dtype=np.float64)
scaled = (durations - durations.mean()) / durations.std()
order = np.argsort(scaled)
print(len(durations), float(scaled[order[-1]]))
