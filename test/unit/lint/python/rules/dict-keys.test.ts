// Dict keys (issue 12's "dicts with key and value", `.keys()`): a dict that starts empty and is filled in place
// (`d[k] = v`, `d[k] += 1`, `d[k].append(v)`, `d.setdefault(k, …)`, `Counter(xs)`) has the join of those keys as its
// keys (facts/dictKeys.ts); iterating it, `sorted(d)`, `d.keys()` and the first of `d.items()` yield them. Keys stay
// unknown when the dict is passed to in-file code, aliased or merged. Invalid cases fail on 518ada3; valid ones
// are guards.
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  "valid": [
    {
      "name": "the same keys converted with int() before counting",
      "code": "import sys\nfrom collections import defaultdict\n\n\ndef by_hour(path):\n    counts = defaultdict(int)\n    for line in open(path):\n        counts[int(line[11:13])] += 1\n    return counts\n\n\ndef busy(path):\n    for hour, n in sorted(by_hour(path).items()):\n        if hour >= 9 and n > 100:\n            print(hour, n)\n\n\nbusy(sys.argv[1])\n",
      "today": "silent before too: guard"
    },
    {
      "name": "the same dict passed to an in-file function that stores other keys",
      "code": "import csv\nimport sys\nfrom collections import defaultdict\n\n\ndef add_defaults(d):\n    d[2021] = []\n\n\ngroups = defaultdict(list)\nwith open(sys.argv[1], newline=\"\") as f:\n    for row in csv.DictReader(f):\n        groups[row[\"year\"]].append(float(row[\"amount\"]))\nadd_defaults(groups)\nfor year in groups:\n    if year > 2020:\n        print(year, sum(groups[year]))\n",
      "today": "silent before too: guard (its keys are unknown)"
    }
  ],
  "invalid": [
    {
      "name": "keys of a defaultdict(int) counted by a slice of each line, unpacked from sorted(items()) in another function",
      "code": "import sys\nfrom collections import defaultdict\n\n\ndef by_hour(path):\n    counts = defaultdict(int)\n    for line in open(path):\n        counts[line[11:13]] += 1\n    return counts\n\n\ndef busy(path):\n    for hour, n in sorted(by_hour(path).items()):\n        if hour >= 9 and n > 100:\n            print(hour, n)\n\n\nbusy(sys.argv[1])\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 14,
          "column": 12,
          "endLine": 14,
          "endColumn": 21
        }
      ],
      "output": "import sys\nfrom collections import defaultdict\n\n\ndef by_hour(path):\n    counts = defaultdict(int)\n    for line in open(path):\n        counts[line[11:13]] += 1\n    return counts\n\n\ndef busy(path):\n    for hour, n in sorted(by_hour(path).items()):\n        if float(hour) >= 9 and n > 100:\n            print(hour, n)\n\n\nbusy(sys.argv[1])\n"
    },
    {
      "name": "keys of a defaultdict(list) grouping DictReader rows by a field, iterated directly",
      "code": "import csv\nimport sys\nfrom collections import defaultdict\n\ngroups = defaultdict(list)\nwith open(sys.argv[1], newline=\"\") as f:\n    for row in csv.DictReader(f):\n        groups[row[\"year\"]].append(float(row[\"amount\"]))\nfor year in groups:\n    if year > 2020:\n        print(year, sum(groups[year]))\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 10,
          "column": 8,
          "endLine": 10,
          "endColumn": 19
        }
      ],
      "output": "import csv\nimport sys\nfrom collections import defaultdict\n\ngroups = defaultdict(list)\nwith open(sys.argv[1], newline=\"\") as f:\n    for row in csv.DictReader(f):\n        groups[row[\"year\"]].append(float(row[\"amount\"]))\nfor year in groups:\n    if float(year) > 2020:\n        print(year, sum(groups[year]))\n"
    }
  ]
});

ruleTester('MW101', {
  "valid": [
    {
      "name": "max(d, key=d.get) over text names with number values, and a dict merged by update() (its keys unknown)",
      "code": "import sys\n\nscores = {}\nfor line in open(sys.argv[1]):\n    name, score = line.split(\",\")\n    scores[name] = float(score)\nbest = max(scores, key=scores.get)\nmerged = {}\nmerged.update(scores)\nfor name in merged:\n    print(name, merged[name] * 2)\nprint(best, scores[best] * 2)\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "keys of a dict filled by d[text] = v, read through keys()",
      "code": "import sys\n\nlimits = {}\nfor line in open(sys.argv[1]):\n    name, _, value = line.partition(\"=\")\n    limits[value.strip()] = name\nfor v in limits.keys():\n    print(v * 2)\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW101",
          "line": 8,
          "column": 11,
          "endLine": 8,
          "endColumn": 16
        }
      ],
      "output": "import sys\n\nlimits = {}\nfor line in open(sys.argv[1]):\n    name, _, value = line.partition(\"=\")\n    limits[value.strip()] = name\nfor v in limits.keys():\n    print(float(v) * 2)\n"
    }
  ]
});

ruleTester('MW104', {
  "valid": [],
  "invalid": [
    {
      "name": "sum() over a Counter of split text (its keys)",
      "code": "import sys\nfrom collections import Counter\n\nsizes = Counter(line.split(\",\")[2] for line in open(sys.argv[1]))\nprint(sum(sizes))\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW104",
          "line": 5,
          "column": 7,
          "endLine": 5,
          "endColumn": 17
        }
      ]
    }
  ]
});

ruleTester('MW103', {
  "valid": [
    {
      "name": "the same keys converted, and one more key stored from outside the class (the join is unknown)",
      "code": "import sys\nfrom collections import defaultdict\n\n\nclass Tally:\n    def __init__(self):\n        self.by_code = defaultdict(int)\n\n    def feed(self, line):\n        self.by_code[int(line.split()[8])] += 1\n\n    def errors(self):\n        return sum(n for code, n in self.by_code.items() if code >= 500)\n\n\nt = Tally()\nfor line in open(sys.argv[1]):\n    t.feed(line)\nt.by_code[\"x\"] = 0\nprint(t.errors())\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "keys of a self.<attr> defaultdict(int) counted in one method, compared in another",
      "code": "import sys\nfrom collections import defaultdict\n\n\nclass Tally:\n    def __init__(self):\n        self.by_code = defaultdict(int)\n\n    def feed(self, line):\n        self.by_code[line.split()[8]] += 1\n\n    def errors(self):\n        return sum(n for code, n in self.by_code.items() if code >= 500)\n\n\nt = Tally()\nfor line in open(sys.argv[1]):\n    t.feed(line)\nprint(t.errors())\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 13,
          "column": 61,
          "endLine": 13,
          "endColumn": 72
        }
      ],
      "output": "import sys\nfrom collections import defaultdict\n\n\nclass Tally:\n    def __init__(self):\n        self.by_code = defaultdict(int)\n\n    def feed(self, line):\n        self.by_code[line.split()[8]] += 1\n\n    def errors(self):\n        return sum(n for code, n in self.by_code.items() if float(code) >= 500)\n\n\nt = Tally()\nfor line in open(sys.argv[1]):\n    t.feed(line)\nprint(t.errors())\n"
    }
  ]
});
