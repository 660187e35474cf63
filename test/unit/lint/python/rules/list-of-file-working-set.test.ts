// MW303 list-of-file: a list of a file used as a working data set (workingSet.ts) is needed whole: read at a
// position (`rows[10472]`), edited in place (`del rows[i]`, `rows[i][0] = float(…)`, `row.append(…)` in a walk), or
// kept on `self` where a method of the class sorts it or edits its rows. Found by the round-12 review of public code
// (18 MW303 findings in course notebooks and small table classes). Valid cases fail on 11b4611; the invalid case
// holds the look-alikes that stay one pass and keep their finding.
import { ruleTester } from '../ruleTester';

ruleTester('MW303', {
  "valid": [
    {
      "name": "rows read at a literal position and deleted from before a walk (a notebook cleaning its table)",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    apps = list(csv.reader(f))\nheader = apps[0]\napps = apps[1:]\nprint(apps[10472])\ndel apps[10472]\nfor app in apps:\n    print(app[0])\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    },
    {
      "name": "rows converted and extended in place by index, then walked twice",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    data = list(csv.reader(f))\nresponses = data[1:]\nfor i in range(len(responses)):\n    responses[i][0] = float(responses[i][0])\n    responses[i].append(\"<5\" if responses[i][0] < 5 else \"5+\")\ntotal = sum(r[0] for r in responses)\nprint(total / len(responses), [r[-1] for r in responses].count(\"<5\"))\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    },
    {
      "name": "rows kept on self: sorted by one class, rows extended through enumerate() by another",
      "code": "import csv\nimport sys\n\n\nclass Inventory:\n    def __init__(self, path):\n        with open(path) as f:\n            rows = list(csv.reader(f))\n        self.header = rows[0]\n        self.rows = rows[1:]\n        self.by_price = sorted(self.rows, key=lambda r: float(r[-1]))\n\n    def cheapest(self):\n        return self.by_price[0]\n\n\nclass Frame:\n    def __init__(self, path):\n        with open(path) as f:\n            self.data = list(csv.reader(f))\n\n    def new_column(self, name):\n        for pos, row in enumerate(self.data):\n            row.append(name if pos == 0 else \"NA\")\n\n    def count(self):\n        return sum(1 for _ in self.data)\n\n\nprint(Inventory(sys.argv[1]).cheapest(), Frame(sys.argv[1]).count())\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    }
  ],
  "invalid": [
    {
      "name": "look-alikes that are still one pass: an attribute only walked by a method, the header taken by pop(0), the first rows printed by range(5), another function's list of the same name edited by index",
      "code": "import csv\nimport sys\n\n\nclass Expenses:\n    def __init__(self, path):\n        with open(path) as f:\n            self.records = list(csv.DictReader(f))\n\n    def total(self):\n        return sum(float(r[\"amount\"]) for r in self.records)\n\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))\nheader = rows.pop(0)\nfor i in range(5):\n    print(rows[i])\nfor row in rows:\n    print(row[0])\n\n\ndef other():\n    rows = [[1, 2], [3, 4]]\n    rows[1][1] = 3\n    print(rows)\n\n\nprint(Expenses(sys.argv[1]).total())\nother()\n",
      "today": "found before too: look-alikes kept",
      "errors": [
        {
          "messageId": "MW303",
          "line": 8,
          "column": 28,
          "endLine": 8,
          "endColumn": 51
        },
        {
          "messageId": "MW303",
          "line": 15,
          "column": 12,
          "endLine": 15,
          "endColumn": 31
        }
      ]
    }
  ]
});

// A nested function's own local of the same name is another list (readsAfter, localNames.ts): sorting or indexing
// it says nothing about the list of the file. A nested function that reads the enclosing list (a closure) does use
// that list: indexed there, it is a working set. The invalid cases fail on cdbbe2a (the nested local counted).
ruleTester('MW303', {
  valid: [
    {
      name: "look-alike: a closure reads the list of the file at a position: a working set",
      code: "import csv\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        rows = list(csv.reader(f))\n\n    def pick(i):\n        return rows[i]\n\n    for row in rows:\n        print(row[0])\n    return pick\n",
      today: "reported before: reads in nested functions were left out of the working-set check"
    }
  ],
  invalid: [
    {
      name: "walked once; a nested function sorts its own local of the same name",
      code: "import csv\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        rows = list(csv.reader(f))\n    for row in rows:\n        print(row[0])\n\n    def ranked(items):\n        rows = [r for r in items if r]\n        return sorted(rows)\n\n    return ranked\n",
      today: "missed before: the nested function's `rows` counted as a read of the list",
      errors: [{ messageId: "MW303", line: 6, column: 16, endLine: 6, endColumn: 35 }]
    },
    {
      name: "walked once; a nested function indexes its own local of the same name",
      code: "import csv\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        rows = list(csv.reader(f))\n\n    def pick(i):\n        rows = [1, 2, 3]\n        return rows[i]\n\n    for row in rows:\n        print(row[0])\n    return pick\n",
      today: "found before too (the working-set check skipped nested reads)",
      errors: [{ messageId: "MW303", line: 6, column: 16, endLine: 6, endColumn: 35 }]
    }
  ]
});
