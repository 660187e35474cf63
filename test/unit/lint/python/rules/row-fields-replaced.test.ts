// Fields of csv rows converted in place (facts/rowFieldStores.ts): `for row in rows: row[-1] = int(row[-1])` or
// `rows[i][0] = float(rows[i][0])`, then that position read as a number in a later statement. Found by the
// round-12 review of public code (data-analysis course notebooks: 18 MW103/MW104 findings at error on converted
// columns). Valid cases fail on 11b4611; the invalid ones are look-alikes that must keep their finding: another
// position of the same rows, a field replaced by its own text, a comparison before the conversion.
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  "valid": [
    {
      "name": "a row's last field converted in place by a loop over the rows, compared in another method",
      "code": "import csv\nimport sys\n\n\nclass Inventory:\n    def __init__(self, path):\n        with open(path) as f:\n            rows = list(csv.reader(f))\n        self.rows = rows[1:]\n        for row in self.rows:\n            row[-1] = int(row[-1])\n\n    def first_over(self, target):\n        for r in sorted(self.rows, key=lambda r: r[-1]):\n            if r[-1] > target:\n                return r\n        return None\n\n\nprint(Inventory(sys.argv[1]).first_over(100))\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    },
    {
      "name": "a field converted in place by index (`rows[i][0] = float(rows[i][0])`), compared in a later loop",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    data = list(csv.reader(f))\nrows = data[1:]\nfor i in range(len(rows)):\n    rows[i][0] = float(rows[i][0])\n    rows[i][1] = rows[i][1] == \"TRUE\"\nfor i in range(len(rows)):\n    if rows[i][0] < 5:\n        print(\"junior\", rows[i][2])\nyears = []\nfor i in range(len(rows)):\n    years.append(rows[i][0])\nprint(min(years), max(years), sum(years) / len(years))\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    }
  ],
  "invalid": [
    {
      "name": "another field of the same rows, replaced only by its own stripped text, is still text",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))[1:]\nfor i in range(len(rows)):\n    rows[i][0] = float(rows[i][0])\n    rows[i][3] = rows[i][3].strip()\npay = []\nfor i in range(len(rows)):\n    if rows[i][3] > 1000:\n        pay.append(rows[i][3])\nprint(sum(pay))\n",
      "today": "found before too: look-alike kept",
      "errors": [
        {
          "messageId": "MW103",
          "line": 11,
          "column": 8,
          "endLine": 11,
          "endColumn": 25
        }
      ],
      "output": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))[1:]\nfor i in range(len(rows)):\n    rows[i][0] = float(rows[i][0])\n    rows[i][3] = rows[i][3].strip()\npay = []\nfor i in range(len(rows)):\n    if float(rows[i][3]) > 1000:\n        pay.append(rows[i][3])\nprint(sum(pay))\n",
      "safety": "unsafe"
    },
    {
      "name": "compared before the loop that converts the field in place",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))\nfor r in rows:\n    if r[1] > 5:\n        print(r)\nfor row in rows:\n    row[1] = int(row[1])\n",
      "today": "found before too: look-alike kept",
      "errors": [
        {
          "messageId": "MW103",
          "line": 7,
          "column": 8,
          "endLine": 7,
          "endColumn": 16
        }
      ],
      "output": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))\nfor r in rows:\n    if float(r[1]) > 5:\n        print(r)\nfor row in rows:\n    row[1] = int(row[1])\n",
      "safety": "unsafe"
    }
  ]
});

ruleTester('MW104', {
  "valid": [
    {
      "name": "min/max/sum over a column gathered after the field was converted in place by index",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    data = list(csv.reader(f))\nrows = data[1:]\nfor i in range(len(rows)):\n    rows[i][0] = float(rows[i][0])\n    rows[i][1] = rows[i][1] == \"TRUE\"\nfor i in range(len(rows)):\n    if rows[i][0] < 5:\n        print(\"junior\", rows[i][2])\nyears = []\nfor i in range(len(rows)):\n    years.append(rows[i][0])\nprint(min(years), max(years), sum(years) / len(years))\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    }
  ],
  "invalid": [
    {
      "name": "sum over a column gathered from a field that was not converted",
      "code": "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))[1:]\nfor i in range(len(rows)):\n    rows[i][0] = float(rows[i][0])\n    rows[i][3] = rows[i][3].strip()\npay = []\nfor i in range(len(rows)):\n    if rows[i][3] > 1000:\n        pay.append(rows[i][3])\nprint(sum(pay))\n",
      "today": "found before too: look-alike kept",
      "errors": [
        {
          "messageId": "MW104",
          "line": 13,
          "column": 7,
          "endLine": 13,
          "endColumn": 15
        }
      ]
    },
    {
      "name": "a store of a parameter's value at a column named by a variable says nothing about the field: mean() over the column is still over text",
      "code": "import csv\nimport statistics\nimport sys\n\n\nclass Table:\n    def __init__(self, path):\n        with open(path) as f:\n            self.data = list(csv.reader(f))\n\n    def fill(self, col, value):\n        for row in self.data[1:]:\n            row[col] = value\n\n    def mean(self, col):\n        return statistics.mean([row[col] for row in self.data[1:]])\n\n\nt = Table(sys.argv[1])\nprint(t.mean(2))\n",
      "today": "found before too: look-alike kept (the first cut of this fix lost it)",
      "errors": [
        {
          "messageId": "MW104",
          "line": 16,
          "column": 16,
          "endLine": 16,
          "endColumn": 68
        }
      ]
    }
  ]
});
