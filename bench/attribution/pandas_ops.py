"""pandas: a derived column and a filtered copy of a 3M-row frame."""
import time

import numpy as np
import pandas as pd

df = pd.DataFrame({"a": np.arange(3_000_000, dtype="float64"), "b": np.ones(3_000_000)})
time.sleep(0.05)
wide = pd.concat([df] * 8, ignore_index=True)  # TOP
n = len(wide)
time.sleep(0.1)
print(n)
