"""json.loads of a ~20 MB document of 400k small records (the text itself is one cheap string)."""
import json
import time

text = "[" + '{"id": 1, "name": "item", "tags": ["a", "b"]},' * 400_000 + '{"id": 0}]'
time.sleep(0.05)
data = json.loads(text)  # TOP
count = len(data)
time.sleep(0.1)
print(count)
