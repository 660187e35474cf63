// MW401 list-comprehension-in-aggregate: RuleTester cases (see ../ruleTester.ts for `today`).
// Every case passes on the engine these tests were written against (3ae019f): all are regression guards.
// On 27cfc42, before the v2 analysis, 6 of the 23 failed (`today` says how): "over a literal list", "over a small
// range", "over an iterable that cannot be traced", "over a fixed configuration file", "over one split line", "over
// one DictReader record's values".
//
// Data-scale fixes (dataScale.ts, engine.ts): the cases whose `today` names 6653821 failed on that commit and pass
// since: one csv row (fresh, or one of a list of rows) is bounded; sys.argv and a configuration file read with
// readlines() are bounded; a list filled in a loop over itself no longer overflows the stack; a parameter fed csv
// rows at its call site is found by the fast path too (no hot ranges were computed when only MW4xx rules ran, so
// every call site counted as cold); names yielded by an in-file generator over os.listdir are data.
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
    },
    {
      name: "over one csv row's fields",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    for row in csv.reader(f):\n        print(sum([float(x) for x in row]))\n",
      today: "false alarm on 6653821: a csv row counted as data"
    },
    {
      name: "over one row of a list of csv rows",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    rows = list(csv.reader(f))\nfor row in rows:\n    print(sum([float(x) for x in row]))\n",
      today: "false alarm on 6653821: a csv row counted as data"
    },
    {
      name: "over the command-line arguments",
      code: "import sys\n\nprint(sum([len(a) for a in sys.argv]))\n",
      today: "false alarm on 6653821: sys.argv counted as data"
    },
    {
      name: "over the lines of a configuration file read with readlines()",
      code: "with open(\"settings.ini\") as f:\n    lines = f.readlines()\nprint(sum([len(l) for l in lines]))\n",
      today: "false alarm on 6653821: only open() itself was checked for a configuration file"
    },
    {
      name: "over a list filled in a loop over itself (a cycle ends in unknown)",
      code: "paths = []\nfor p in paths:\n    paths.append(p)\nprint(sum([len(x) for x in paths]))\n",
      today: "crashed on 6653821: the fill and the loop traced each other until the stack overflowed"
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
    },
    {
      name: "a parameter whose only call site passes csv rows",
      code: "import csv\ndef total(rows):\n    return sum([float(r[1]) for r in rows])\nwith open(\"orders.csv\") as f:\n    print(total(csv.reader(f)))\n",
      today: "missed by the fast path on 6653821 (exhaustive mode found it): no hot ranges when no running rule needs them",
      errors: [{ messageId: "MW401", line: 3, column: 16, endLine: 3, endColumn: 43 }],
      scale: "data",
      output: "import csv\ndef total(rows):\n    return sum(float(r[1]) for r in rows)\nwith open(\"orders.csv\") as f:\n    print(total(csv.reader(f)))\n",
      safety: "safe"
    },
    {
      name: "a column of fields taken from a list of csv rows",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    rows = list(csv.reader(f))\nprices = [r[1] for r in rows]\nprint(sum([float(p) for p in prices]))\n",
      today: "found before too: kept as a guard that one row being bounded leaves a column data-scale",
      errors: [{ messageId: "MW401", line: 6, column: 11, endLine: 6, endColumn: 37 }],
      scale: "data",
      output: "import csv\n\nwith open(\"orders.csv\") as f:\n    rows = list(csv.reader(f))\nprices = [r[1] for r in rows]\nprint(sum(float(p) for p in prices))\n",
      safety: "safe"
    },
    {
      name: "all() over the names a generator yields from os.listdir",
      code: "import os\n\ndef names(folder):\n    for name in os.listdir(folder):\n        yield name\n\nok = all([n.endswith(\".csv\") for n in names(\"data\")])\n",
      today: "missed on 6653821: yields were not followed (unknown scale, silent for MW401)",
      errors: [{ messageId: "MW401", line: 7, column: 10, endLine: 7, endColumn: 53 }],
      scale: "data",
      output: "import os\n\ndef names(folder):\n    for name in os.listdir(folder):\n        yield name\n\nok = all(n.endswith(\".csv\") for n in names(\"data\"))\n",
      safety: "unsafe"
    },
    {
      name: "over lines read by input() (the command line is bounded, standard input is not)",
      code: "n = int(input())\nlines = [input() for _ in range(n)]\nprint(sum([len(l) for l in lines]))\n",
      today: "found before too: kept as a guard that only sys.argv counts as bounded input",
      errors: [{ messageId: "MW401", line: 3, column: 11, endLine: 3, endColumn: 34 }],
      scale: "data",
      output: "n = int(input())\nlines = [input() for _ in range(n)]\nprint(sum(len(l) for l in lines))\n",
      safety: "safe"
    }
  ]
});

// Found on public code (realrepos10, python-mini-projects' textfile_analysis.py): a Counter has an entry per distinct
// element of what it counts, so its pairs are as large as that (library model: `counts-arg`). Fails on 518ada3.
const WORDS = "import sys\n\nwith open(sys.argv[1]) as fh:\n    text = fh.read()\n";
ruleTester('MW401', {
  valid: [
    {
      name: "a Counter of a literal list",
      code: "from collections import Counter\n\ncounts = Counter([\"a\", \"b\", \"a\"])\nprint(sum([n for _, n in counts.most_common()]))\n",
      today: "silent before too: a look-alike of the Counter flow"
    },
    {
      name: "a Counter of one line's fields",
      code: "import csv\nfrom collections import Counter\n\nwith open(\"rows.csv\") as f:\n    for row in csv.reader(f):\n        print(max([n for _, n in Counter(row).items()]))\n",
      today: "silent before too: a look-alike of the Counter flow"
    },
  ],
  invalid: [
    {
      name: "collections.Counter of a file's words, through most_common() kept in a name",
      code: "import collections\n" + WORDS + "counts = collections.Counter(text.split())\npairs = counts.most_common()\nprint(sum([n for _, n in pairs]))\n",
      today: "missed",
      errors: [{ messageId: "MW401", line: 8, column: 11, endLine: 8, endColumn: 32 }],
      scale: "data",
      output: "import collections\n" + WORDS + "counts = collections.Counter(text.split())\npairs = counts.most_common()\nprint(sum(n for _, n in pairs))\n",
    },
    {
      name: "a bare Counter (from collections import Counter) kept in a name, most_common() walked directly",
      code: "from collections import Counter\n" + WORDS + "counts = Counter(text.split())\nprint(sum([n for _, n in counts.most_common()]))\n",
      today: "missed",
      errors: [{ messageId: "MW401", line: 7, column: 11, endLine: 7, endColumn: 47 }],
      scale: "data",
      output: "from collections import Counter\n" + WORDS + "counts = Counter(text.split())\nprint(sum(n for _, n in counts.most_common()))\n",
    },
  ],
});

// The eighteenth holdout's miss (f08_stone_quarry_trucks.py:65): a list rebound from itself under an `if`
// (`rows = [r for r in rows if …]`) reads the binding before it, which data scale now follows.
ruleTester('MW401', {
  valid: [
    {
      name: "look-alike: a literal list rebound from itself stays a few slots",
      code: "names = [\"ada\", \"bob\", \"\"]\nnames = [n for n in names if n]\nprint(sum([len(n) for n in names]))\n",
      today: "silent before too: look-alike guard"
    }
  ],
  invalid: [
    {
      name: "a list read from a file, rebound from itself under an if, then summed through a list comprehension",
      code: "import sys\n\n\ndef read(path):\n    rows = []\n    for line in open(path):\n        rows.append(line.split(\",\"))\n    return rows\n\n\ndef main():\n    rows = read(sys.argv[1])\n    if len(sys.argv) > 2:\n        rows = [r for r in rows if r[0] == sys.argv[2]]\n    print(sum([1 for r in rows if r[1] == \"x\"]))\n\n\nmain()\n",
      today: "missed (python-holdout18-multi f08_stone_quarry_trucks.py:65): the rebinding was taken as its own source, a cycle",
      errors: [{ messageId: "MW401", line: 15, column: 15, endLine: 15, endColumn: 47 }],
      scale: "data",
      output: "import sys\n\n\ndef read(path):\n    rows = []\n    for line in open(path):\n        rows.append(line.split(\",\"))\n    return rows\n\n\ndef main():\n    rows = read(sys.argv[1])\n    if len(sys.argv) > 2:\n        rows = [r for r in rows if r[0] == sys.argv[2]]\n    print(sum(1 for r in rows if r[1] == \"x\"))\n\n\nmain()\n",
      safety: "safe"
    }
  ]
});

// A defaultdict(float) filled by `d[k] += x` in a loop over csv rows and returned: missed before this round (b6b0542: read
// as one record); a defaultdict(int) filled over a small range stays silent.
ruleTester('MW401', {
  valid: [
    {
      name: "a defaultdict filled by += over a small range",
      code: "from collections import defaultdict\n\nbuckets = defaultdict(int)\nfor i in range(10):\n    buckets[i % 3] += i\nprint(sum([v for v in buckets.values()]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "the values of a defaultdict filled by += over csv rows, through a return",
      code: "import csv\nfrom collections import defaultdict\n\n\ndef totals(path):\n    by_user = defaultdict(float)\n    with open(path) as f:\n        for row in csv.DictReader(f):\n            by_user[row[\"user\"]] += float(row[\"amount\"])\n    return by_user\n\n\ndef grand(path):\n    t = totals(path)\n    return sum([v for v in t.values()])\n",
      today: "missed on b6b0542: `t` read as one record (a fixed set of fields)",
      errors: [
        { messageId: "MW401", line: 15, column: 16, endLine: 15, endColumn: 39 }
      ],
      output: "import csv\nfrom collections import defaultdict\n\n\ndef totals(path):\n    by_user = defaultdict(float)\n    with open(path) as f:\n        for row in csv.DictReader(f):\n            by_user[row[\"user\"]] += float(row[\"amount\"])\n    return by_user\n\n\ndef grand(path):\n    t = totals(path)\n    return sum(v for v in t.values())\n",
      safety: "safe",
      scale: "data"
    }
  ]
});

// One list of a dict of lists: a dict whose lists grow by `d[k].append(x)` or `d.setdefault(k, []).append(x)` in a data
// loop holds a group of the data in each list, taken by `d.items()`, `d.values()` or `d[k]` (the nineteenth holdout's
// miss). Both invalid cases were missed before this round (b6b0542); the valid look-alikes hold one row per key, one
// split line per key, or groups of a literal list.
ruleTester('MW401', {
  valid: [
    {
      name: "a dict of csv rows: each value is one row",
      code: "import csv\n\nwith open(\"prices.csv\") as f:\n    rows = {r[0]: r for r in csv.reader(f)}\n\nfor key, row in rows.items():\n    print(key, sum([len(x) for x in row]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "a dict of split lines: each value is one line's fields",
      code: "import sys\n\nfields = {}\nfor line in open(sys.argv[1]):\n    key, rest = line.split(\":\", 1)\n    fields[key] = rest.split(\",\")\n\nfor key, parts in fields.items():\n    print(key, sum([len(p) for p in parts]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "one split line's fields by subscript",
      code: "import sys\n\nparts = {}\nfor line in open(sys.argv[1]):\n    key, rest = line.split(\":\", 1)\n    parts[key] = rest.split(\",\")\n\nprint(sum([len(p) for p in parts[\"header\"]]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "groups of a literal list",
      code: "from collections import defaultdict\n\ngroups = defaultdict(list)\nfor name in [\"ann\", \"bob\", \"cid\"]:\n    groups[name[0]].append(name)\n\nfor first, names in groups.items():\n    print(first, sum([len(n) for n in names]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "the lists of a defaultdict(list) from a file, through a return, taken by items()",
      code: "import sys\nfrom collections import defaultdict\n\n\ndef by_tour(path):\n    groups = defaultdict(list)\n    for line in open(path):\n        tour, fee = line.rstrip(\"\\n\").split(\",\")\n        groups[tour].append(float(fee))\n    return groups\n\n\ndef takings(groups):\n    return {tour: sum([fee for fee in fees]) for tour, fees in groups.items()}\n\n\nprint(takings(by_tour(sys.argv[1])))\n",
      today: "missed on b6b0542: a value of the dict's items() was not traced",
      errors: [
        { messageId: "MW401", line: 14, column: 23, endLine: 14, endColumn: 44 }
      ],
      output: "import sys\nfrom collections import defaultdict\n\n\ndef by_tour(path):\n    groups = defaultdict(list)\n    for line in open(path):\n        tour, fee = line.rstrip(\"\\n\").split(\",\")\n        groups[tour].append(float(fee))\n    return groups\n\n\ndef takings(groups):\n    return {tour: sum(fee for fee in fees) for tour, fees in groups.items()}\n\n\nprint(takings(by_tour(sys.argv[1])))\n",
      safety: "safe",
      scale: "data"
    },
    {
      name: "one list of a defaultdict(list) filled with split fields of every line, by subscript",
      code: "import sys\nfrom collections import defaultdict\n\nconv = defaultdict(list)\nfor line in open(sys.argv[1]):\n    user, variant, converted = line.rstrip(\"\\n\").split(\",\")\n    conv[variant].append(converted)\n\nfor name in [\"control\", \"variant\"]:\n    hits = sum([c == \"1\" for c in conv[name]])\n    print(name, hits)\n",
      today: "missed on b6b0542: read as the parts of one split string",
      errors: [
        { messageId: "MW401", line: 10, column: 16, endLine: 10, endColumn: 46 }
      ],
      output: "import sys\nfrom collections import defaultdict\n\nconv = defaultdict(list)\nfor line in open(sys.argv[1]):\n    user, variant, converted = line.rstrip(\"\\n\").split(\",\")\n    conv[variant].append(converted)\n\nfor name in [\"control\", \"variant\"]:\n    hits = sum(c == \"1\" for c in conv[name])\n    print(name, hits)\n",
      safety: "safe",
      scale: "data"
    }
  ]
});

// A list comprehension beside keyword arguments (`max([…], default=0)`, `key=len`): both invalid cases were missed
// before this round (b6b0542: only a call with the comprehension alone was read); the fix puts the generator in its own
// parentheses. Look-alikes: over a literal list, and max() of two lists (which compares the lists). The third invalid case
// was a valid one (a guard of the old behaviour) until this round: the rule text never excluded keywords.
ruleTester('MW401', {
  valid: [
    {
      name: "max([...], default=0) over a literal list",
      code: "print(max([n * 2 for n in [1, 2, 3]], default=0))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "max() of two lists compares the lists",
      code: "import sys\n\nprint(max([line for line in open(sys.argv[1])], [\"x\"]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "max([...], default=0) over a query cursor",
      code: "def largest(conn):\n    cur = conn.execute(\"SELECT total FROM orders\")\n    return max([row[0] for row in cur], default=0)\n",
      today: "missed on b6b0542: a keyword beside the comprehension",
      errors: [
        { messageId: "MW401", line: 3, column: 16, endLine: 3, endColumn: 39 }
      ],
      output: "def largest(conn):\n    cur = conn.execute(\"SELECT total FROM orders\")\n    return max((row[0] for row in cur), default=0)\n",
      safety: "safe",
      scale: "data"
    },
    {
      name: "min([...], key=len, default=\"\") over a file's lines",
      code: "import sys\n\nlongest = min([line.rstrip() for line in open(sys.argv[1])], key=len, default=\"\")\nprint(longest)\n",
      today: "missed on b6b0542: keywords beside the comprehension",
      errors: [
        { messageId: "MW401", line: 3, column: 15, endLine: 3, endColumn: 60 }
      ],
      output: "import sys\n\nlongest = min((line.rstrip() for line in open(sys.argv[1])), key=len, default=\"\")\nprint(longest)\n",
      safety: "safe",
      scale: "data"
    },
    {
      name: "max() with a key= argument (a valid case until this round)",
      code: "longest = max([line for line in open(\"app.log\")], key=len)\n",
      today: "silent on b6b0542 (kept then as a guard of that behaviour, which the rule text never stated): a keyword beside the comprehension",
      errors: [{ messageId: "MW401", line: 1, column: 15, endLine: 1, endColumn: 49 }],
      output: "longest = max((line for line in open(\"app.log\")), key=len)\n",
      safety: "safe",
      scale: "data"
    }
  ]
});

// The twenty-first holdout's miss (f09_crematorium_schedule.py:57): the lines of a file's whole text that a function of
// the file returns (`load(path).splitlines()` after `return fh.read()`) are data, like a read kept in a name. Both
// invalid cases were missed on 5c69e31. A read given a size (`fh.read(64)`) is one piece of the file, and a
// configuration file's text split into lines is a few slots: the two kept-in-a-name cases were false alarms there.
ruleTester('MW401', {
  valid: [
    {
      name: "look-alike: a helper returns a sized read (`read(64)`), one piece of the file",
      code: "import sys\n\n\ndef read_header(path):\n    with open(path, encoding=\"utf-8\") as handle:\n        return handle.read(64)\n\n\nprint(sum([len(col) for col in read_header(sys.argv[1]).split(\",\")]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "look-alike: a helper returns a configuration file's text, split into lines",
      code: "def load_settings():\n    with open(\"settings.ini\") as handle:\n        return handle.read()\n\n\nprint(sum([1 for line in load_settings().splitlines() if \"=\" in line]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "look-alike: a helper returns one line (`readline()`), split into fields",
      code: "import sys\n\n\ndef first_line(path):\n    with open(path) as handle:\n        return handle.readline()\n\n\nprint(sum([len(col) for col in first_line(sys.argv[1]).split(\",\")]))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "a sized read (`read(64)`) kept in a name, split into fields",
      code: "import sys\n\nwith open(sys.argv[1]) as handle:\n    head = handle.read(64)\nprint(sum([len(col) for col in head.split(\",\")]))\n",
      today: "false alarm on 5c69e31: any `.read(` was taken for the whole file"
    },
    {
      name: "a configuration file's text kept in a name, split into lines",
      code: "text = open(\"settings.ini\").read()\nprint(sum([1 for line in text.splitlines() if \"=\" in line]))\n",
      today: "false alarm on 5c69e31: the configuration file was not looked for behind a split"
    }
  ],
  invalid: [
    {
      name: "a list filled in a loop over the lines a helper's `read()` returns, passed to a function that sums it (the holdout's shape, afresh)",
      code: "\"\"\"Hive scale log: mean weight per reading.\"\"\"\nimport sys\nfrom collections import namedtuple\n\nReading = namedtuple(\"Reading\", \"hive day grams\")\n\n\ndef load_log(path):\n    with open(path, encoding=\"utf-8\") as handle:\n        return handle.read()\n\n\ndef readings(path):\n    rows = []\n    for line in load_log(path).splitlines():\n        if not line.strip():\n            continue\n        hive, day, grams = line.split(\";\")\n        rows.append(Reading(hive, day, grams))\n    return rows\n\n\ndef mean_weight(rows):\n    total = sum([int(r.grams) for r in rows])\n    return total / len(rows) if rows else 0\n\n\ndef main(argv):\n    rows = readings(argv[1])\n    print(mean_weight(rows))\n\n\nif __name__ == \"__main__\":\n    main(sys.argv)\n",
      today: "missed on 5c69e31 (python-holdout21-multi f09_crematorium_schedule.py:57): the split of a helper's returned text was read as the parts of one string",
      errors: [
        { messageId: "MW401", line: 24, column: 17, endLine: 24, endColumn: 45 }
      ],
      output: "\"\"\"Hive scale log: mean weight per reading.\"\"\"\nimport sys\nfrom collections import namedtuple\n\nReading = namedtuple(\"Reading\", \"hive day grams\")\n\n\ndef load_log(path):\n    with open(path, encoding=\"utf-8\") as handle:\n        return handle.read()\n\n\ndef readings(path):\n    rows = []\n    for line in load_log(path).splitlines():\n        if not line.strip():\n            continue\n        hive, day, grams = line.split(\";\")\n        rows.append(Reading(hive, day, grams))\n    return rows\n\n\ndef mean_weight(rows):\n    total = sum(int(r.grams) for r in rows)\n    return total / len(rows) if rows else 0\n\n\ndef main(argv):\n    rows = readings(argv[1])\n    print(mean_weight(rows))\n\n\nif __name__ == \"__main__\":\n    main(sys.argv)\n",
      safety: "safe",
      scale: "data"
    },
    {
      name: "the words of the text a helper's `read_text()` returns, split right at the call",
      code: "import sys\nfrom pathlib import Path\n\n\ndef slurp(name):\n    return Path(name).read_text(encoding=\"utf-8\")\n\n\nprint(max([len(word) for word in slurp(sys.argv[1]).split()]))\n",
      today: "missed on 5c69e31: the split of a helper's returned text was read as the parts of one string",
      errors: [
        { messageId: "MW401", line: 9, column: 11, endLine: 9, endColumn: 61 }
      ],
      output: "import sys\nfrom pathlib import Path\n\n\ndef slurp(name):\n    return Path(name).read_text(encoding=\"utf-8\")\n\n\nprint(max(len(word) for word in slurp(sys.argv[1]).split()))\n",
      safety: "safe",
      scale: "data"
    }
  ]
});
