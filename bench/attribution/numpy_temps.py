"""numpy temporaries: `a * b + a * 2.0` builds two 160 MB temporaries before np.sum runs on the next line."""
import time

import numpy as np

a = np.ones(20_000_000)
b = np.ones(20_000_000)
time.sleep(0.05)
c = a * b + a * 2.0  # TOP
total = float(np.sum(c))
time.sleep(0.1)
print(total)
