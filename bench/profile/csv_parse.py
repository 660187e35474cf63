"""Parse a generated request-log CSV with csv.reader and keep the rows (allocation-heavy, GC-heavy)."""
import csv
import io
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
buf = io.StringIO()
w = csv.writer(buf)
for i in range(n):
    w.writerow(["/api/%d" % (i % 50), "%.3f" % (i % 997 / 7), "200", str(1700000000 + i)])
rows = list(csv.reader(io.StringIO(buf.getvalue())))
total = sum(float(r[1]) for r in rows)
print(len(rows), round(total))
