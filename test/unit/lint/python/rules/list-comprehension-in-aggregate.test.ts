// MW401 list-comprehension-in-aggregate: RuleTester cases (see ../ruleTester.ts for `today`).
// Every case passes on the engine these tests were written against (3ae019f): all are regression guards.
// On 27cfc42, before the v2 analysis, 6 of the 23 failed (`today` says how): "over a literal list", "over a small
// range", "over an iterable that cannot be traced", "over a fixed configuration file", "over one split line", "over
// one DictReader record's values".
//
// Not covered (handed on):
// - a parameter whose in-file call site passes data (`def total(rows): return sum([float(r[1]) for r in rows])` with
//   `total(csv.reader(f))`): exhaustive mode reports 4:16-4:43, the fast path says nothing (a fast-path loss in the
//   engine/facts, not this rule). 27cfc42 reported it.
// - a false alarm: `for row in csv.reader(f): sum([float(x) for x in row])` is reported, though one row is a record's
//   fields (dataScale.ts counts a csv row, seq of csv text, as data; one split line and a DictReader record are
//   correctly bounded).
import { ruleTester } from '../ruleTester';

ruleTester('MW401', {
  valid: [
    {
      name: "a noqa on the line silences it",
      code: "total = sum([len(line) for line in open(\"app.log\")])  # noqa: MW401\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "over a literal list",
      code: "total = sum([x * 2 for x in [1, 2, 3]])\n",
      today: "false alarm"
    },
    {
      name: "over a small range",
      code: "total = sum([i * i for i in range(10)])\n",
      today: "false alarm"
    },
    {
      name: "over an iterable that cannot be traced",
      code: "def total(items):\n    return sum([x.price for x in items])\n",
      today: "false alarm"
    },
    {
      name: "a generator expression already",
      code: "total = sum(len(line) for line in open(\"app.log\"))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a start value as a second argument",
      code: "total = sum([[len(line)] for line in open(\"app.log\")], [])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "max() with a key= argument",
      code: "longest = max([line for line in open(\"app.log\")], key=len)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a method called sum, not the builtin",
      code: "total = df.sum([c for c in open(\"cols.txt\")])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "over a fixed configuration file",
      code: "keys = sum([1 for line in open(\"settings.ini\")])\n",
      today: "false alarm"
    },
    {
      name: "over one split line",
      code: "with open(\"orders.txt\") as f:\n    for line in f:\n        print(sum([float(x) for x in line.split(\",\")]))\n",
      today: "false alarm"
    },
    {
      name: "over one DictReader record's values",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    for rec in csv.DictReader(f):\n        print(sum([float(v) for v in rec.values()]))\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      name: "doc example: sum over the lines of a file (safe fix)",
      code: "total = sum([len(line) for line in open(\"app.log\")])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 1, column: 13, endLine: 1, endColumn: 52 }],
      scale: "data",
      output: "total = sum(len(line) for line in open(\"app.log\"))\n",
      safety: "safe"
    },
    {
      name: "any() over csv rows (unsafe fix)",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    late = any([row[3] == \"late\" for row in csv.reader(f)])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 4, column: 16, endLine: 4, endColumn: 59 }],
      scale: "data",
      output: "import csv\n\nwith open(\"orders.csv\") as f:\n    late = any(row[3] == \"late\" for row in csv.reader(f))\n",
      safety: "unsafe"
    },
    {
      name: "max() over a DataFrame column",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"orders.csv\")\ntop = max([v for v in df[\"amount\"]])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 4, column: 11, endLine: 4, endColumn: 36 }],
      scale: "data",
      output: "import pandas as pd\n\ndf = pd.read_csv(\"orders.csv\")\ntop = max(v for v in df[\"amount\"])\n",
      safety: "safe"
    },
    {
      name: "min() over the lines of a with target",
      code: "with open(\"app.log\") as f:\n    shortest = min([len(line) for line in f])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 2, column: 20, endLine: 2, endColumn: 45 }],
      scale: "data",
      output: "with open(\"app.log\") as f:\n    shortest = min(len(line) for line in f)\n",
      safety: "safe"
    },
    {
      name: "all() over a directory listing",
      code: "import os\n\nok = all([name.endswith(\".csv\") for name in os.listdir(\"data\")])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 3, column: 10, endLine: 3, endColumn: 64 }],
      scale: "data",
      output: "import os\n\nok = all(name.endswith(\".csv\") for name in os.listdir(\"data\"))\n",
      safety: "unsafe"
    },
    {
      name: "over a list filled in a loop over a file",
      code: "def main(path):\n    values = []\n    for line in open(path):\n        values.append(float(line))\n    return sum([v * 2 for v in values])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 5, column: 16, endLine: 5, endColumn: 39 }],
      scale: "data",
      output: "def main(path):\n    values = []\n    for line in open(path):\n        values.append(float(line))\n    return sum(v * 2 for v in values)\n",
      safety: "safe"
    },
    {
      name: "over a list returned by a helper that reads a file",
      code: "def load(path):\n    with open(path) as f:\n        return f.readlines()\n\ndef main():\n    return sum([len(line) for line in load(\"app.log\")])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 6, column: 16, endLine: 6, endColumn: 55 }],
      scale: "data",
      output: "def load(path):\n    with open(path) as f:\n        return f.readlines()\n\ndef main():\n    return sum(len(line) for line in load(\"app.log\"))\n",
      safety: "safe"
    },
    {
      name: "over rows kept on self by another method",
      code: "import csv\n\nclass Orders:\n    def __init__(self, path):\n        with open(path) as f:\n            self.rows = list(csv.reader(f))\n\n    def total(self):\n        return sum([float(r[1]) for r in self.rows])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 9, column: 20, endLine: 9, endColumn: 52 }],
      scale: "data",
      output: "import csv\n\nclass Orders:\n    def __init__(self, path):\n        with open(path) as f:\n            self.rows = list(csv.reader(f))\n\n    def total(self):\n        return sum(float(r[1]) for r in self.rows)\n",
      safety: "safe"
    },
    {
      name: "over a generator that yields the lines of a file",
      code: "def lines(path):\n    with open(path) as f:\n        for line in f:\n            yield line\n\ntotal = sum([len(l) for l in lines(\"app.log\")])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 6, column: 13, endLine: 6, endColumn: 47 }],
      scale: "data",
      output: "def lines(path):\n    with open(path) as f:\n        for line in f:\n            yield line\n\ntotal = sum(len(l) for l in lines(\"app.log\"))\n",
      safety: "safe"
    },
    {
      name: "over the lines of a Path opened in a with",
      code: "from pathlib import Path\n\nwith Path(\"app.log\").open() as f:\n    total = sum([len(l) for l in f])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 4, column: 17, endLine: 4, endColumn: 36 }],
      scale: "data",
      output: "from pathlib import Path\n\nwith Path(\"app.log\").open() as f:\n    total = sum(len(l) for l in f)\n",
      safety: "safe"
    },
    {
      name: "over query results",
      code: "def count(cursor):\n    rows = cursor.fetchall()\n    return sum([r[0] for r in rows])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 3, column: 16, endLine: 3, endColumn: 36 }],
      scale: "data",
      output: "def count(cursor):\n    rows = cursor.fetchall()\n    return sum(r[0] for r in rows)\n",
      safety: "safe"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "total = sum([len(line) for line in open(\"app.log\")])  # noqa: C419\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW401", line: 1, column: 13, endLine: 1, endColumn: 52 }],
      scale: "data",
      output: "total = sum(len(line) for line in open(\"app.log\"))  # noqa: C419\n",
      safety: "safe"
    }
  ]
});
