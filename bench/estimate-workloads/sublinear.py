"""Sub-linear: a vocabulary of heavy-tailed keys (Heaps' law). New keys get rarer as the input grows, so the
vocabulary, and the memory, grow about as rows^0.6."""
import csv
import sys

vocab = {}
with open(sys.argv[1], newline="") as f:
    reader = csv.reader(f)
    next(reader)
    for row in reader:
        # A deterministic, uniform u in (0, 1) from the request id; u^-1/0.7 is Pareto-distributed.
        u = ((int(row[0]) * 2654435761) % 4294967296 + 0.5) / 4294967296
        key = int(u ** (-1 / 0.7))
        if key not in vocab:
            vocab[key] = bytearray(8192)  # per-key state (counters, a sketch…)
print(len(vocab), "distinct keys")
