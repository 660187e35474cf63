// MW104 aggregate-over-text: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW104', {
  valid: [
    {
      name: "setdefault lists of converted values",
      code: "class Stats:\n    def __init__(self):\n        self.by_host = {}\n\n    def load(self, path):\n        with open(path) as f:\n            for line in f:\n                host, ms = line.split()\n                self.by_host.setdefault(host, []).append(float(ms))\n\n    def report(self):\n        for host, values in self.by_host.items():\n            print(host, max(values))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a bare mean() that is not the statistics one",
      code: "def mean(xs):\n    return 0\n\ndef main(p):\n    parts = open(p).read().split(',')\n    print(mean(parts))\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "self.attr filled by setdefault(k, []).append(v) in one method, aggregated in another",
      code: "class Stats:\n    def __init__(self):\n        self.by_host = {}\n\n    def load(self, path):\n        with open(path) as f:\n            for line in f:\n                host, ms = line.split()\n                self.by_host.setdefault(host, []).append(ms)\n\n    def report(self):\n        for host, values in self.by_host.items():\n            print(host, max(values))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW104",
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 36
        }
      ]
    },
    {
      name: "self.x[k] = v in one method, sum(self.x.values()) in another",
      code: "class Table:\n    def __init__(self):\n        self.cells = {}\n\n    def load(self, path):\n        for line in open(path):\n            key, value = line.split(\":\")\n            self.cells[key] = value\n\n    def total(self):\n        return sum(self.cells.values())\n",
      today: "missed",
      errors: [
        {
          messageId: "MW104",
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 40
        }
      ]
    },
    {
      name: "a key= lambda comparing a text field",
      code: "import csv\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    best = max(rows, key=lambda r: r[3])\n    print(best)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW104",
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 41
        }
      ]
    },
    {
      name: "namedtuple fields built from split text",
      code: "from collections import namedtuple\n\nRow = namedtuple(\"Row\", [\"name\", \"price\"])\n\ndef main(path):\n    rows = [Row(*line.split(\",\")) for line in open(path)]\n    print(sum(r.price for r in rows))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW104",
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 37
        }
      ]
    },
    {
      name: "a statistics function imported bare (pstdev)",
      code: "import csv\nfrom statistics import pstdev\n\nrows = []\nwith open(\"t.csv\") as f:\n    for row in csv.reader(f):\n        rows.append(row)\nprint(pstdev([r[1] for r in rows]))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW104",
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 35
        }
      ]
    },
    {
      name: "max over .values() of a dict filled by d[k] = v",
      code: "def main(path):\n    totals = {}\n    for line in open(path):\n        host, size = line.split()\n        totals[host] = size\n    biggest = max(totals.values())\n    for host, size in totals.items():\n        if size > 1000:\n            print(host)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW104",
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 35
        }
      ]
    }
  ]
});
