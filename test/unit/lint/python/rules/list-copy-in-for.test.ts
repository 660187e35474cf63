// MW405 list-copy-in-for: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/list-copy-in-for.ts): "a
// generator function's result (unsafe fix)". Every other case passes on 3ae019f and is a regression guard.
// On 27cfc42, before the v2 analysis, 3 of the 21 failed (`today` says how): "a small range", "a fixed configuration
// file", "a generator function's result (unsafe fix)".
//
// Data-scale fixes (dataScale.ts, engine.ts): the cases whose `today` names 6653821 failed on that commit and pass
// since: a parameter fed an open file at its call site is found by the fast path too; list() of an in-file
// generator is as data-scale as the loops around its yields ("a generator function's result" now states its scale);
// list() of one csv row, or of a configuration file's readlines(), is bounded.
import { ruleTester } from '../ruleTester';

ruleTester('MW405', {
  valid: [
    {
      name: "a noqa on the line silences it",
      code: "for line in list(open(\"app.log\")):  # noqa: MW405\n    print(line)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a small range",
      code: "for i in list(range(10)):\n    print(i)\n",
      today: "false alarm"
    },
    {
      name: "the loop body changes the list it copies",
      code: "def prune(path):\n    with open(path) as f:\n        lines = f.readlines()\n    for line in list(lines):\n        if not line.strip():\n            lines.remove(line)\n    return lines\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the loop body appends to the list it copies",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    rows = list(csv.reader(f))\nfor row in list(rows):\n    rows.append(row)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the keys of a dict that the loop deletes from",
      code: "counts = {\"a\": 1}\nfor k in list(counts.keys()):\n    del counts[k]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a list() of a literal",
      code: "for x in list([1, 2, 3]):\n    print(x)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "iterating the file directly",
      code: "for line in open(\"app.log\"):\n    print(line)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a fixed configuration file",
      code: "for line in list(open(\"settings.ini\")):\n    print(line)\n",
      today: "false alarm"
    },
    {
      name: "a function that returns a list (not a generator) whose nested helper yields",
      code: "def numbers(path):\n    def gen():\n        yield 1\n    return [int(x) for x in open(path)]\n\nfor n in list(numbers(\"nums.txt\")):\n    print(n)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "list() of one csv row",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    for row in csv.reader(f):\n        for x in list(row):\n            print(x)\n",
      today: "false alarm on 6653821: a csv row counted as data"
    },
    {
      name: "list() of the lines of a configuration file read with readlines()",
      code: "with open(\"settings.ini\") as f:\n    lines = f.readlines()\nfor l in list(lines):\n    print(l)\n",
      today: "false alarm on 6653821: only open() itself was checked for a configuration file"
    }
  ],
  invalid: [
    {
      name: "doc example: list() of an open file (unsafe fix)",
      code: "import sys\n\nfor line in list(open(sys.argv[1])):\n    print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 3, column: 13, endLine: 3, endColumn: 36 }],
      scale: "data",
      output: "import sys\n\nfor line in open(sys.argv[1]):\n    print(line)\n",
      safety: "unsafe"
    },
    {
      name: "a range past 100,000",
      code: "for i in list(range(1_000_000)):\n    print(i)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 1, column: 10, endLine: 1, endColumn: 32 }],
      scale: "data",
      output: "for i in range(1_000_000):\n    print(i)\n",
      safety: "unsafe"
    },
    {
      name: "map over the lines of a with target",
      code: "with open(\"app.log\") as f:\n    for line in list(map(str.strip, f)):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 2, column: 17, endLine: 2, endColumn: 40 }],
      scale: "data",
      output: "with open(\"app.log\") as f:\n    for line in map(str.strip, f):\n        print(line)\n",
      safety: "unsafe"
    },
    {
      name: "a generator expression over csv rows",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    for amount in list(float(r[1]) for r in csv.reader(f)):\n        print(amount)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 4, column: 19, endLine: 4, endColumn: 59 }],
      scale: "data",
      output: "import csv\n\nwith open(\"orders.csv\") as f:\n    for amount in (float(r[1]) for r in csv.reader(f)):\n        print(amount)\n",
      safety: "unsafe"
    },
    {
      name: "enumerate over csv rows",
      code: "import csv\n\nwith open(\"orders.csv\") as f:\n    for i, row in list(enumerate(csv.reader(f))):\n        print(i, row)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 4, column: 19, endLine: 4, endColumn: 49 }],
      scale: "data",
      output: "import csv\n\nwith open(\"orders.csv\") as f:\n    for i, row in enumerate(csv.reader(f)):\n        print(i, row)\n",
      safety: "unsafe"
    },
    {
      name: "a list of lines kept in a name and not changed by the loop",
      code: "def show(path):\n    with open(path) as f:\n        lines = f.readlines()\n    for line in list(lines):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 4, column: 17, endLine: 4, endColumn: 28 }],
      scale: "data",
      output: "def show(path):\n    with open(path) as f:\n        lines = f.readlines()\n    for line in lines:\n        print(line)\n",
      safety: "unsafe"
    },
    {
      name: "rows returned by a helper",
      code: "import csv\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.reader(f))\n\nrows = load(\"orders.csv\")\nfor row in list(rows):\n    print(row)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 8, column: 12, endLine: 8, endColumn: 22 }],
      scale: "data",
      output: "import csv\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.reader(f))\n\nrows = load(\"orders.csv\")\nfor row in rows:\n    print(row)\n",
      safety: "unsafe"
    },
    {
      name: "rows kept on self by another method",
      code: "import csv\n\nclass Orders:\n    def __init__(self, path):\n        with open(path) as f:\n            self.rows = list(csv.reader(f))\n\n    def show(self):\n        rows = self.rows\n        for row in list(rows):\n            print(row)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 10, column: 20, endLine: 10, endColumn: 30 }],
      scale: "data",
      output: "import csv\n\nclass Orders:\n    def __init__(self, path):\n        with open(path) as f:\n            self.rows = list(csv.reader(f))\n\n    def show(self):\n        rows = self.rows\n        for row in rows:\n            print(row)\n",
      safety: "unsafe"
    },
    {
      name: "zip of values that cannot be traced (information)",
      code: "def pair(a, b):\n    for x, y in list(zip(a, b)):\n        print(x, y)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 2, column: 17, endLine: 2, endColumn: 32 }],
      scale: "unknown",
      output: "def pair(a, b):\n    for x, y in zip(a, b):\n        print(x, y)\n",
      safety: "unsafe"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "for line in list(open(\"app.log\")):  # noqa: PERF101\n    print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 1, column: 13, endLine: 1, endColumn: 34 }],
      scale: "data",
      output: "for line in open(\"app.log\"):  # noqa: PERF101\n    print(line)\n",
      safety: "unsafe"
    },
    {
      name: "a generator function's result (unsafe fix)",
      code: "def numbers(path):\n    with open(path) as f:\n        for line in f:\n            yield int(line)\n\nfor n in list(numbers(\"nums.txt\")):\n    print(n)\n",
      today: "missed",
      errors: [{ messageId: "MW405", line: 6, column: 10, endLine: 6, endColumn: 35 }],
      scale: "data",
      output: "def numbers(path):\n    with open(path) as f:\n        for line in f:\n            yield int(line)\n\nfor n in numbers(\"nums.txt\"):\n    print(n)\n",
      safety: "unsafe"
    },
    {
      name: "filter over the lines of a Path opened in a with",
      code: "from pathlib import Path\n\nwith Path(\"app.log\").open() as f:\n    for line in list(filter(None, f)):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW405", line: 4, column: 17, endLine: 4, endColumn: 38 }],
      scale: "data",
      output: "from pathlib import Path\n\nwith Path(\"app.log\").open() as f:\n    for line in filter(None, f):\n        print(line)\n",
      safety: "unsafe"
    },
    {
      name: "a parameter whose only call site passes an open file",
      code: "def show(lines):\n    for line in list(lines):\n        print(line)\n\nwith open(\"app.log\") as f:\n    show(f)\n",
      today: "missed by the fast path on 6653821 (exhaustive mode found it): no hot ranges when no running rule needs them",
      errors: [{ messageId: "MW405", line: 2, column: 17, endLine: 2, endColumn: 28 }],
      scale: "data",
      output: "def show(lines):\n    for line in lines:\n        print(line)\n\nwith open(\"app.log\") as f:\n    show(f)\n",
      safety: "unsafe"
    },
    {
      name: "list() of a generator function yielding os.listdir names",
      code: "import os\n\ndef names(folder):\n    for name in os.listdir(folder):\n        yield name\n\nfor n in list(names(\"data\")):\n    print(n)\n",
      today: "information only on 6653821: yields were not followed for the scale",
      errors: [{ messageId: "MW405", line: 7, column: 10, endLine: 7, endColumn: 29 }],
      scale: "data",
      output: "import os\n\ndef names(folder):\n    for name in os.listdir(folder):\n        yield name\n\nfor n in names(\"data\"):\n    print(n)\n",
      safety: "unsafe"
    }
  ]
});

// The seventh blind holdout's backup_prune.py (a tuning set since): os.listdir's list of names, copied before the
// loop, directly or through a name the body leaves alone.
ruleTester('MW405', {
  valid: [
    {
      name: "a listing copied because the body removes from it",
      code: "import os\nimport sys\n\nnames = os.listdir(sys.argv[1])\nfor name in list(names):\n    if name.startswith('.'):\n        names.remove(name)\nprint(len(names))\n",
      today: "silent before too: look-alike guard"
    }
  ],
  invalid: [
    {
      name: "os.listdir's names kept in a name, copied before the loop",
      code: "import os\nimport sys\n\nnames = os.listdir(sys.argv[1])\nfor name in list(names):\n    print(name)\n",
      today: "missed before: os.listdir's value was unknown",
      scale: "data",
      errors: [{ messageId: "MW405", line: 5, column: 13, endLine: 5, endColumn: 24 }],
      output: "import os\nimport sys\n\nnames = os.listdir(sys.argv[1])\nfor name in names:\n    print(name)\n"
    },
    {
      name: "os.listdir copied directly",
      code: "import os\nimport sys\n\nfor name in list(os.listdir(sys.argv[1])):\n    print(name)\n",
      today: "missed before: only lazy iterables counted as direct calls",
      scale: "data",
      errors: [{ messageId: "MW405", line: 4, column: 13, endLine: 4, endColumn: 42 }],
      output: "import os\nimport sys\n\nfor name in os.listdir(sys.argv[1]):\n    print(name)\n"
    }
  ]
});

// `for x in list(gen(...))` over a generator of this file that yields csv rows: the rules text makes a generator
// MW405's and MW303 only a file or a reader, so this is MW405, not MW303 (thirteenth holdout library_loans.py:18).
ruleTester('MW405', {
  valid: [],
  invalid: [
    {
      name: "a generator of this file yielding csv rows, copied in a for header",
      code: "import csv\nimport sys\n\n\ndef open_loans(path):\n    with open(path, newline=\"\") as f:\n        for row in csv.DictReader(f):\n            yield row\n\n\nfor loan in list(open_loans(sys.argv[1])):\n    print(loan[\"id\"])\n",
      today: "reported as MW303 (list-of-file), which silenced this rule",
      scale: "data",
      errors: [{ messageId: "MW405", line: 11, column: 13, endLine: 11, endColumn: 42 }],
      output: "import csv\nimport sys\n\n\ndef open_loans(path):\n    with open(path, newline=\"\") as f:\n        for row in csv.DictReader(f):\n            yield row\n\n\nfor loan in open_loans(sys.argv[1]):\n    print(loan[\"id\"])\n"
    }
  ]
});

// Directory listings by method (`Path(d).glob(…)`, `d.iterdir()`: generators nothing else holds), and names the loop body only
// reads that hold data though they are no list (a dict's keys read with `d[k]` or `d.get(k)` in the body, a query cursor):
// each invalid case was missed before this round (b6b0542: the method listing was not taken as lazy, `d[k]` and
// `d.get(k)` counted as changes, and only a list or a file was taken); each valid one stays silent: the body changes the
// name (`del d[k]`, `d[k2] = v`, `rows.remove(r)`), or the dict is a literal.
ruleTester('MW405', {
  valid: [
    {
      name: "the keys copied because the body deletes some",
      code: "import csv\nfrom collections import defaultdict\n\nby_region = defaultdict(list)\nwith open(\"survey.csv\") as f:\n    for row in csv.reader(f):\n        by_region[row[1]].append(float(row[5]))\n\nfor region in list(by_region):\n    if not by_region[region]:\n        del by_region[region]\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "the keys copied because the body adds keys",
      code: "import csv\n\ntotals = {}\nwith open(\"survey.csv\") as f:\n    for row in csv.reader(f):\n        totals[row[1]] = float(row[5])\n\nfor region in list(totals):\n    totals[region + \"_pct\"] = totals[region] / 100\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "a literal dict's keys",
      code: "limits = {\"a\": 1, \"b\": 2}\nfor key in list(limits):\n    print(key, limits[key])\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "query rows copied because the body removes from them",
      code: "def drain(conn):\n    rows = conn.execute(\"SELECT id FROM jobs\").fetchall()\n    for r in list(rows):\n        rows.remove(r)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "Path.glob copied in a for header",
      code: "import sys\nfrom pathlib import Path\n\nfor path in list(Path(sys.argv[1]).glob(\"*.log\")):\n    print(path.name)\n",
      today: "missed on b6b0542: a listing method was not taken as an iterable nothing else holds",
      errors: [
        { messageId: "MW405", line: 4, column: 13, endLine: 4, endColumn: 50 }
      ],
      output: "import sys\nfrom pathlib import Path\n\nfor path in Path(sys.argv[1]).glob(\"*.log\"):\n    print(path.name)\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "iterdir() of a parameter copied in a for header",
      code: "def prune(directory):\n    for entry in list(directory.iterdir()):\n        print(entry)\n",
      today: "missed on b6b0542: a listing method was not taken as an iterable nothing else holds",
      errors: [
        { messageId: "MW405", line: 2, column: 18, endLine: 2, endColumn: 43 }
      ],
      output: "def prune(directory):\n    for entry in directory.iterdir():\n        print(entry)\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "a defaultdict filled from csv rows, its keys copied while the body reads it",
      code: "import csv\nfrom collections import defaultdict\n\nby_region = defaultdict(list)\nwith open(\"survey.csv\") as f:\n    for row in csv.reader(f):\n        by_region[row[1]].append(float(row[5]))\n\nfor region in list(by_region):\n    vals = by_region.get(region, [])\n    print(region, len(by_region[region]), sum(vals))\n",
      today: "missed on b6b0542: `by_region.get(…)` and `by_region[…]` counted as changes, and a dict was not taken",
      errors: [
        { messageId: "MW405", line: 9, column: 15, endLine: 9, endColumn: 30 }
      ],
      output: "import csv\nfrom collections import defaultdict\n\nby_region = defaultdict(list)\nwith open(\"survey.csv\") as f:\n    for row in csv.reader(f):\n        by_region[row[1]].append(float(row[5]))\n\nfor region in by_region:\n    vals = by_region.get(region, [])\n    print(region, len(by_region[region]), sum(vals))\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "a query cursor copied in a for header",
      code: "def names(conn):\n    out = {}\n    cur = conn.execute(\"SELECT id, name FROM customers\")\n    for cid, name in list(cur):\n        out[cid] = name\n    return out\n",
      today: "missed on b6b0542: only a list or a file name was taken",
      errors: [
        { messageId: "MW405", line: 4, column: 22, endLine: 4, endColumn: 31 }
      ],
      output: "def names(conn):\n    out = {}\n    cur = conn.execute(\"SELECT id, name FROM customers\")\n    for cid, name in cur:\n        out[cid] = name\n    return out\n",
      safety: "unsafe",
      scale: "data"
    }
  ]
});

// `itertools.islice` (library model): a lazy slice of its first argument, as large as it unless the stop is a small
// literal. Both invalid cases were missed before this round (b6b0542: islice was neither lazy nor traced).
ruleTester('MW405', {
  valid: [
    {
      name: "islice of a file's first five lines",
      code: "import sys\nfrom itertools import islice\n\nwith open(sys.argv[1]) as f:\n    for line in list(islice(f, 5)):\n        print(line)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "a generator pipeline ending in islice(rows, n), copied in a for header",
      code: "import sys\nfrom itertools import islice\n\n\ndef records(path):\n    with open(path) as fh:\n        for line in fh:\n            yield line.split()\n\n\ndef head(rows, n):\n    return islice(rows, n)\n\n\npipeline = head(records(sys.argv[1]), int(sys.argv[2]))\nreport = \"\"\nfor host, ms in list(pipeline):\n    report += f\"{host} {ms}\\n\"\nprint(report)\n",
      today: "missed on b6b0542: what islice returns was not traced",
      errors: [
        { messageId: "MW405", line: 17, column: 17, endLine: 17, endColumn: 31 }
      ],
      output: "import sys\nfrom itertools import islice\n\n\ndef records(path):\n    with open(path) as fh:\n        for line in fh:\n            yield line.split()\n\n\ndef head(rows, n):\n    return islice(rows, n)\n\n\npipeline = head(records(sys.argv[1]), int(sys.argv[2]))\nreport = \"\"\nfor host, ms in pipeline:\n    report += f\"{host} {ms}\\n\"\nprint(report)\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "islice of a file from its second line, copied in a for header",
      code: "import itertools\nimport sys\n\nwith open(sys.argv[1]) as f:\n    for line in list(itertools.islice(f, 1, None)):\n        print(line)\n",
      today: "missed on b6b0542: islice was not taken as lazy",
      errors: [
        { messageId: "MW405", line: 5, column: 17, endLine: 5, endColumn: 51 }
      ],
      output: "import itertools\nimport sys\n\nwith open(sys.argv[1]) as f:\n    for line in itertools.islice(f, 1, None):\n        print(line)\n",
      safety: "unsafe",
      scale: "data"
    }
  ]
});

// Twentieth holdout (f12_film_archive.py:41): a generator method of an in-file class (`vault.nitrate_reels()`,
// `self.errors()`) copied in a `for` header was not taken as a generator (only module-level generator functions
// were), so the copy went unreported. Every invalid case here failed on 76b2fc9.
ruleTester('MW405', {
  valid: [
    {
      name: "look-alike: the method returns a list (it may be held elsewhere; the copy can protect the loop)",
      code: "import csv\nimport sys\n\n\nclass Vault:\n    def __init__(self):\n        self.reels = []\n\n    def load(self, path):\n        with open(path, newline=\"\") as f:\n            for row in csv.DictReader(f):\n                self.reels.append(row)\n\n    def nitrate(self):\n        return [r for r in self.reels if r[\"format\"] == \"nitrate\"]\n\n\nvault = Vault()\nvault.load(sys.argv[1])\nfor reel in list(vault.nitrate()):\n    print(reel[\"can_id\"])\n",
      today: "silent before too: guard (a method that returns, not yields)"
    }
  ],
  invalid: [
    {
      name: "a generator method of an instance, yielding csv rows the instance keeps, copied in a for header",
      code: "import csv\nimport sys\n\n\nclass Vault:\n    def __init__(self):\n        self.reels = []\n\n    def load(self, path):\n        with open(path, newline=\"\") as f:\n            for row in csv.DictReader(f):\n                self.reels.append(row)\n\n    def nitrate(self):\n        for r in self.reels:\n            if r[\"format\"] == \"nitrate\":\n                yield r\n\n\nvault = Vault()\nvault.load(sys.argv[1])\nfor reel in list(vault.nitrate()):\n    print(reel[\"can_id\"])\n",
      today: "missed on 76b2fc9: only module-level generator functions were generators",
      errors: [
        { messageId: "MW405", line: 22, column: 13, endLine: 22, endColumn: 34 }
      ],
      output: "import csv\nimport sys\n\n\nclass Vault:\n    def __init__(self):\n        self.reels = []\n\n    def load(self, path):\n        with open(path, newline=\"\") as f:\n            for row in csv.DictReader(f):\n                self.reels.append(row)\n\n    def nitrate(self):\n        for r in self.reels:\n            if r[\"format\"] == \"nitrate\":\n                yield r\n\n\nvault = Vault()\nvault.load(sys.argv[1])\nfor reel in vault.nitrate():\n    print(reel[\"can_id\"])\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "a generator method called through self, yielding a file's lines, copied in a for header",
      code: "import sys\n\n\nclass Log:\n    def __init__(self, path):\n        self.lines = open(path).read().splitlines()\n\n    def errors(self):\n        for line in self.lines:\n            if \"ERROR\" in line:\n                yield line\n\n    def report(self):\n        for line in list(self.errors()):\n            print(line)\n\n\nLog(sys.argv[1]).report()\n",
      today: "missed on 76b2fc9: only module-level generator functions were generators",
      errors: [
        { messageId: "MW405", line: 14, column: 21, endLine: 14, endColumn: 40 }
      ],
      output: "import sys\n\n\nclass Log:\n    def __init__(self, path):\n        self.lines = open(path).read().splitlines()\n\n    def errors(self):\n        for line in self.lines:\n            if \"ERROR\" in line:\n                yield line\n\n    def report(self):\n        for line in self.errors():\n            print(line)\n\n\nLog(sys.argv[1]).report()\n",
      safety: "unsafe",
      scale: "data"
    },
    {
      name: "a generator method that yields a file's csv rows, copied in a for header: MW405 (MW303 leaves it)",
      code: "import csv\nimport sys\n\n\nclass Log:\n    def __init__(self, path):\n        self.path = path\n\n    def rows(self):\n        with open(self.path, newline=\"\") as f:\n            for row in csv.reader(f):\n                yield row\n\n\nlog = Log(sys.argv[1])\nfor r in list(log.rows()):\n    print(r[0])\n",
      today: "reported as MW303 on 76b2fc9 (a generator method was not taken as a generator)",
      errors: [
        { messageId: "MW405", line: 16, column: 10, endLine: 16, endColumn: 26 }
      ],
      output: "import csv\nimport sys\n\n\nclass Log:\n    def __init__(self, path):\n        self.path = path\n\n    def rows(self):\n        with open(self.path, newline=\"\") as f:\n            for row in csv.reader(f):\n                yield row\n\n\nlog = Log(sys.argv[1])\nfor r in log.rows():\n    print(r[0])\n",
      safety: "unsafe",
      scale: "data"
    }
  ]
});
