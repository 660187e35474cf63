"""json.loads of a ~60 MB document of small records."""
import json
import time

text = json.dumps([{"id": i, "name": "item%d" % i, "tags": ["a", "b"]} for i in range(400_000)])
time.sleep(0.05)
data = json.loads(text)  # TOP
count = len(data)
time.sleep(0.1)
print(count)
