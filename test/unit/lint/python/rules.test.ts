// Table-driven rule tests in the spirit of typescript-eslint's RuleTester: real parses, exact ranges.
// Positions in the tables are 1-based (line, column, endLine, endColumn) for readability.
import * as assert from 'assert';
import { lintPython } from './lintHelpers';

interface Invalid {
  code: string;
  errors: [number, number, number, number][];
  /** What every finding's message must say (the memory terms a user reads). */
  message?: RegExp;
}
interface RuleCases {
  rule: string;
  valid: string[];
  invalid: Invalid[];
}

const CSV_LOOP = 'import csv\nwith open("a.csv") as f:\n    for row in csv.reader(f):\n';

const cases: RuleCases[] = [
  {
    rule: 'MW101',
    valid: [
      'print("=" * 80)\n',
      'def f(indent):\n    return " " * indent\n',
      CSV_LOOP + '        x = float(row[1]) * 1000\n',
      'import sys\nn = int(sys.argv[1])\nprint("-" * n)\n',
      'parts = ["a", "b"]\nprint(parts * 2)\n',
      'def f(s, k):\n    return s * k\n',
      'line = input()\nx = line\nx = float(x)\nprint(x * 3)\n',
      // in-place conversion of a row's fields
      CSV_LOOP + '        row[1] = float(row[1])\n        x = row[1] * 1000\n',
      // QUOTE_NONNUMERIC readers give floats for unquoted fields
      'import csv\nwith open("a.csv") as f:\n    for row in csv.reader(f, quoting=csv.QUOTE_NONNUMERIC):\n        x = row[1] * 1000\n',
    ],
    invalid: [
      { code: CSV_LOOP + '        x = row[1] * 1000\n', errors: [[4, 13, 4, 26]] },
      // a record built from the header and a row
      {
        code: 'import csv\nwith open("a.csv") as f:\n    reader = csv.reader(f)\n    header = next(reader)\n    for row in reader:\n        rec = dict(zip(header, row))\n        print(rec["ms"] * 1000)\n',
        errors: [[7, 15, 7, 31]],
      },
      { code: 'import sys\nscale = 60\nprint(sys.argv[1] * scale)\n', errors: [[3, 7, 3, 26]] },
      { code: 'with open("x") as f:\n    for line in f:\n        a, b = line.split(",")\n        y = 2 * b\n', errors: [[4, 13, 4, 18]] },
      { code: 'import os\nv = os.environ["N"]\nv *= 10\n', errors: [[3, 1, 3, 8]] },
      // the incident: rows kept in a list by a helper, repeated in a comprehension
      {
        code: 'from csv import reader\n\ndef load(p):\n    rows = []\n    with open(p) as fh:\n        for row in reader(fh):\n            rows.append(row)\n    return rows\n\nrows = load("t.csv")\nrows = [(row[0], row[1] * 1000) for row in rows]\n',
        errors: [[11, 18, 11, 31]],
      },
      { code: 'class A:\n    def __init__(self):\n        self.v = input()\n    def g(self):\n        return self.v * 4\n', errors: [[5, 16, 5, 26]] },
      // data text or a str default: a str either way
      { code: 'import sys\nn = sys.argv[1] if len(sys.argv) > 1 else "10"\nprint(n * 3)\n', errors: [[3, 7, 3, 12]] },
      // the engine's text scan steps over strings and comments: an f-string's braces are still code...
      { code: CSV_LOOP + '        print(f"{row[1] * 1000} ms")\n', errors: [[4, 18, 4, 31]] },
      // ...and quotes, `#` and `.split(` inside a docstring or comment do not derail the code after them
      {
        code: 'def f(path):\n    """It\'s a # test: "quoted", \'\'\' and .split( in text."""\n    # a stray """ in a comment\'s text\n    for line in open(path):\n        parts = line.split(",")\n        total = parts[1] * 3\n\n\ndef g():\n    """Doc."""\n',
        errors: [[6, 17, 6, 29]],
      },
    ],
  },
  {
    rule: 'MW102',
    valid: [
      CSV_LOOP + '        name = row[0] + "!"\n',
      'total = 0\nfor line in open("x"):\n    total += int(line)\n',
      'def f(a):\n    return a + 1\n',
      // bytes, not text: binary and write modes, and another module's open()
      'total = 0\nfor line in open("x", "rb"):\n    total += line\n',
      'import os\ntotal = 0\nfd = os.open("x", os.O_RDONLY)\ntotal += fd\n',
    ],
    invalid: [
      { code: 'total = 0\nfor line in open("x"):\n    total += line\n', errors: [[3, 5, 3, 18]] },
      // `open(` counts as a source only when it opens text for reading, read from the call's text
      { code: 'total = 0\nfor line in open("x", "r", encoding="utf-8"):\n    total += line\n', errors: [[3, 5, 3, 18]] },
      { code: 'import codecs\ntotal = 0\nfor line in codecs.open("x", mode="rt"):\n    total += line\n', errors: [[4, 5, 4, 18]] },
      { code: 'import gzip\ntotal = 0\nfor line in gzip.open(\n    "x.gz",\n    "rt",\n):\n    total += line\n', errors: [[7, 5, 7, 18]] },
      { code: 'from pathlib import Path\ntotal = 0\nfor line in Path("x").open():\n    total += line\n', errors: [[4, 5, 4, 18]] },
      { code: 'import re\nm = re.match(r"(\\d+)", "12")\nprint(m.group(1) - 1)\n', errors: [[3, 7, 3, 21]] },
      { code: 'import csv\nfrom collections import defaultdict\ntot = defaultdict(int)\nfor rec in csv.DictReader(open("a")):\n    tot[rec["u"]] += rec["n"]\n', errors: [[5, 5, 5, 30]] },
      // str has no `-`: whatever the other side is
      { code: 'from datetime import date\nyear = input("Year: ")\nprint(date.today().year - year)\n', errors: [[3, 7, 3, 31]] },
    ],
  },
  {
    rule: 'MW103',
    valid: [
      'for line in open("x"):\n    if line.split()[1] == "ERROR":\n        pass\n',
      'import sys\nif len(sys.argv) > 2:\n    pass\n',
      'import os\nLIMIT = int(os.environ.get("LIMIT", "50"))\n\ndef too_big(items):\n    return len(items) > LIMIT\n',
    ],
    invalid: [
      { code: 'import sys\nfor line in sys.stdin:\n    if line.split()[2] >= 500:\n        print(line)\n', errors: [[3, 8, 3, 30]] },
      // a helper that may `return None`: its other return still says what it gives
      {
        code: 'def last_state(path):\n    if not path:\n        return None\n    stamp, size = open(path).readline().split()\n    return stamp, size\n\n\ndef check(path):\n    state = last_state(path)\n    if state is None:\n        return False\n    stamp, size = state\n    return size > 100\n',
        errors: [[13, 12, 13, 22]],
      },
      // a module-level limit read by an in-file helper that returns file text (or its str default)
      {
        code: 'def read_limit(path, default):\n    for line in open(path):\n        key, _, value = line.partition("=")\n        if key == "max":\n            return value\n    return default\n\n\nLIMIT = read_limit("limits.txt", "4")\n\n\ndef too_many(items):\n    return len(items) > LIMIT\n',
        errors: [[13, 12, 13, 30]],
      },
      // a module-level setting read from the environment, used in a function with no source of its own
      { code: 'import os\nLIMIT = os.environ.get("LIMIT", "50")\n\ndef too_big(items):\n    return len(items) > LIMIT\n', errors: [[5, 12, 5, 30]] },
      { code: 'import pandas as pd\ndf = pd.read_csv("a", dtype=str)\nslow = df[df["ms"] > 100]\n', errors: [[3, 11, 3, 25]] },
    ],
  },
  {
    rule: 'MW104',
    valid: [
      'xs = [float(l) for l in open("x")]\nprint(max(xs), sum(xs))\n',
      'words = "a b".split()\nprint(max(words, key=len))\n',
      // `a + 1.5` on a text array is MW105's finding; what it yields is not flagged again
      'import numpy as np\na = np.loadtxt("a", dtype=str)\nb = a + 1.5\nprint(b.max())\n',
    ],
    invalid: [
      { code: 'vals = [l.strip() for l in open("x")]\nprint(sum(vals))\n', errors: [[2, 7, 2, 16]] },
      // lists made empty together, filled in a loop
      { code: 'xs, ys = [], []\nfor line in open("x"):\n    a, b = line.split()\n    ys.append(b)\nprint(max(ys))\n', errors: [[5, 7, 5, 14]] },
      { code: 'import statistics\nvals = [l.strip() for l in open("x")]\nprint(statistics.quantiles(vals, n=4))\n', errors: [[3, 7, 3, 38]] },
      // `self.values = []` in __init__, replaced whole by a method: the list that method stores counts
      {
        code: 'class C:\n    def __init__(self):\n        self.values = []\n\n    def scan(self, path):\n        fresh = [line.split("=")[1] for line in open(path)]\n        self.values = fresh\n\n    def worst(self):\n        return max(self.values)\n',
        errors: [[10, 16, 10, 32]],
      },
      { code: 'import csv\nrows = list(csv.reader(open("a")))\nbest = max(rows, key=lambda r: r[1])\n', errors: [[3, 8, 3, 37]] },
      { code: 'import pandas as pd\ndf = pd.read_csv("a", dtype=str)\nprint(df["n"].sum())\n', errors: [[3, 7, 3, 20]] },
    ],
  },
  {
    rule: 'MW105',
    valid: [
      'import pandas as pd\ndf = pd.read_csv("a", dtype=str)\ndf["n"] = pd.to_numeric(df["n"])\ndf["m"] = df["n"] * 2\n',
      'import pandas as pd\ndf = pd.read_csv("a")\ndf["x"] = df["y"] * 2\n', 'import pandas as pd\ndf = pd.read_csv("a", dtype=str)\nfull = df["first"] + " " + df["last"]\n',
      // joining columns of unknown dtype with a column made text on purpose is string code
      'import pandas as pd\ndf = pd.read_csv("a")\ndf["label"] = df["host"] + ":" + df["port"].astype(str)\n',
    ],
    invalid: [
      { code: 'import pandas as pd\ndf = pd.read_csv("a", dtype=str)\ndf["x"] = df["y"] * 2\n', errors: [[3, 11, 3, 22]] },
      { code: 'import numpy as np\na = np.loadtxt("a", dtype=str)\nb = a / 2\n', errors: [[3, 5, 3, 10]] },
      // `self.samples = None` in __init__ does not hide what load() stores there
      {
        code: 'import numpy as np\n\nclass Series:\n    def __init__(self, path):\n        self.path = path\n        self.samples = None\n\n    def load(self):\n        rows = [l.split(",") for l in open(self.path)]\n        self.samples = np.array([r[1] for r in rows])\n\n    def scaled(self):\n        return self.samples * 10\n',
        errors: [[13, 16, 13, 33]],
      },
      // a column read by attribute
      { code: 'import pandas as pd\npeople = pd.read_csv("a", dtype=str)\ncm = people.height_m * 100\n', errors: [[3, 6, 3, 27]] },
    ],
  },
  {
    rule: 'MW201',
    valid: [
      'import csv\nrows = []\nfor row in csv.reader(open("a")):\n    rows.append((row[0], float(row[1])))\n',
      'import csv\nrows = list(csv.reader(open("a")))\nprint(rows[0][0])\n',
      'import csv\nfor row in csv.reader(open("a")):\n    print(float(row[1]))\n',
      // one field kept, not the rows: MW104 reports its numeric use
      'import csv\nprices = []\nfor day, price in csv.reader(open("a")):\n    prices.append(price)\nprint(max(prices))\n',
    ],
    invalid: [
      { code: 'import csv\nrows = []\nfor row in csv.reader(open("a")):\n    rows.append(row)\nprint(sum(float(r[1]) for r in rows))\n', errors: [[3, 12, 3, 33]] },
      { code: 'import csv\nrecs = [r for r in csv.DictReader(open("a"))]\nbig = [r for r in recs if r["n"] > 5]\n', errors: [[2, 20, 2, 45]] },
    ],
  },
  {
    rule: 'MW202',
    valid: ['import pandas as pd\ndf = pd.read_csv("a", dtype=str)\nprint(df["id"].str.len())\n'],
    invalid: [
      { code: 'import pandas as pd\ndf = pd.read_csv("a", dtype=object)\nn = df["n"].astype(float)\n', errors: [[2, 6, 2, 36]] },
      // rows picked by a mask are the same text frame
      { code: 'import pandas as pd\ndf = pd.read_csv("a", dtype=object)\ndf = df[df["n"] != "n/a"]\nn = df["n"].astype(int)\n', errors: [[2, 6, 2, 36]] },
    ],
  },
  {
    rule: 'MW203',
    valid: ['import pandas as pd\ndf = pd.read_csv("a", usecols=["x"])\ndf = df[["x"]]\n', 'import pandas as pd\ndf = pd.read_csv("a")\nprint(df.shape)\nsmall = df[["x"]]\n'],
    invalid: [
      { code: 'import pandas as pd\ndf = pd.read_csv("a")\ndf = df[["x", "y"]]\n', errors: [[2, 6, 2, 22]] },
      { code: 'import pandas as pd\nsmall = pd.read_csv("a", sep=";")[["x"]]\n', errors: [[2, 9, 2, 34]] },
      { code: 'import pandas as pd\ndf = pd.read_csv("a")\ndf = df[["x", "y"]].copy()\n', errors: [[2, 6, 2, 22]] },
    ],
  },
  {
    rule: 'MW301',
    valid: ['with open("a") as f:\n    for line in f:\n        pass\n', 'with open("a") as f:\n    lines = f.readlines()\nprint(lines[2], len(lines))\n'],
    invalid: [
      { code: 'with open("a") as f:\n    for line in f.readlines():\n        pass\n', errors: [[2, 17, 2, 30]] },
      { code: 'lines = open("a").readlines()\nfor l in lines:\n    print(l)\n', errors: [[1, 9, 1, 30]] },
    ],
  },
  {
    rule: 'MW302',
    valid: [
      'import json\nwith open("a") as f:\n    data = json.loads(f.read())\n',
      'text = open("a").read()\nprint(len(text))\n',
      // the text is used again besides the split
      'with open("a") as f:\n    content = f.read()\nfor ln in content.split("\\n"):\n    print(ln)\nprint(len(content))\n',
    ],
    invalid: [
      { code: 'from pathlib import Path\nfor l in Path("a").read_text().splitlines():\n    print(l)\n', errors: [[2, 10, 2, 44]] },
      { code: 'with open("a") as f:\n    for l in f.read().split("\\n"):\n        print(l)\n', errors: [[2, 14, 2, 34]] },
      { code: 'def heads(path):\n    with open(path) as f:\n        content = f.read()\n    return [ln[:5] for ln in content.split("\\n")]\n', errors: [[3, 19, 3, 27]] },
    ],
  },
  {
    rule: 'MW303',
    valid: ['xs = list(range(3))\n', 'import csv\nfor r in csv.reader(open("a")):\n    print(r)\n'],
    invalid: [
      { code: 'import csv\nwith open("a") as f:\n    rows = list(csv.reader(f))\n', errors: [[3, 12, 3, 31]], message: /as lists of strings/ },
      { code: 'import sys\nlines = list(sys.stdin)\n', errors: [[2, 9, 2, 24]], message: /every line of the file/ },
      { code: 'import csv\nwith open("a") as f:\n    for row in list(csv.DictReader(f)):\n        print(row)\n', errors: [[3, 16, 3, 39]], message: /as dicts of strings/ },
    ],
  },
  {
    rule: 'MW304',
    valid: ['from collections import deque\nwith open("a") as f:\n    last = deque(f, maxlen=1)[-1]\n', 'with open("a") as f:\n    first = f.readlines()[0]\n'],
    invalid: [
      { code: 'with open("a") as f:\n    last = f.readlines()[-1]\n', errors: [[2, 12, 2, 29]] },
      { code: 'with open("a") as f:\n    tail = f.readlines()[-10:]\n', errors: [[2, 12, 2, 31]] },
      { code: 'def tail(path, n):\n    return open(path).readlines()[-n:]\n', errors: [[2, 12, 2, 39]] },
    ],
  },
  {
    rule: 'MW406',
    valid: [
      'import json\nwith open("a.json") as f:\n    data = json.load(f)\nfor e in data["events"]:\n    print(e)\nprint(data["meta"])\n',
      'import json\nwith open("a.json") as f:\n    data = json.load(f)\nprint(len(data["events"]))\n',
      'import json\nwith open("a.json") as f:\n    data = json.load(f)\nfor e in data["events"]:\n    print(e)\nsave(data)\n',
      'import json\nfor line in open("a.jsonl"):\n    print(json.loads(line)["user"])\n',
    ],
    invalid: [
      { code: 'import json\n\ndef users(path):\n    with open(path) as f:\n        doc = json.load(f)\n    return [e["user"] for e in doc.get("events", [])]\n', errors: [[5, 15, 5, 27]] },
      { code: 'import json\nwith open("a.json") as f:\n    for e in json.load(f)["events"]:\n        print(e)\n', errors: [[3, 14, 3, 26]] },
    ],
  },
  {
    rule: 'MW401',
    // Bounded iterables (a small range, a literal) are not data-scale: silent.
    valid: ['print(sum(x for x in range(3)))\n', 'print(sum([1, 2]))\n', 'print(any([x > 1 for x in range(3)]))\n'],
    invalid: [{ code: 'import sys\nprint(any([len(x) > 1 for x in open(sys.argv[1])]))\n', errors: [[2, 11, 2, 50]], message: /lines of the file opened at line 2 from `sys.argv\[1\]`/ }],
  },
  {
    rule: 'MW402',
    valid: ['s = ""\nfor x in "ab":\n    pass\ns += "x"\n', 'n = 0\nfor x in range(3):\n    n += x\n', 's = ""\nfor x in ["a"]:\n    s += x\n'],
    invalid: [{ code: 'import csv, sys\ns = ""\nfor row in csv.reader(open(sys.argv[1])):\n    s += row[0]\n', errors: [[4, 5, 4, 16]], message: /csv\.reader/ }],
  },
  {
    rule: 'MW403',
    // Without a data loop that makes instances, the cache holds a few objects: silent (Ruff's B019 covers the style).
    valid: ['from functools import lru_cache\n@lru_cache(maxsize=32)\ndef f(x):\n    return x\n', 'import functools\nclass A:\n    @functools.cache\n    def f(self, x):\n        return x\n'],
    invalid: [{ code: 'import functools, sys\nclass A:\n    @functools.cache\n    def f(self, x):\n        return x\nfor line in open(sys.argv[1]):\n    A().f(line)\n', errors: [[3, 5, 3, 21]], message: /a `A` is made per element of lines of the file opened at line 6/ }],
  },
  {
    rule: 'MW404',
    valid: ['import pandas as pd\nparts = []\nfor p in "ab":\n    parts.append(pd.read_csv(p))\ndf = pd.concat(parts)\n', 'import pandas as pd\ndf = pd.DataFrame()\nfor p in "ab":\n    df = pd.concat([df, pd.read_csv(p)])\n'],
    invalid: [{ code: 'import os\nimport pandas as pd\ndf = pd.DataFrame()\nfor p in os.listdir("in"):\n    df = pd.concat([df, pd.read_csv(p)])\n', errors: [[5, 10, 5, 41]], message: /directory listing/ }],
  },
  {
    rule: 'MW405',
    valid: ['d = {1: 2}\nfor k in list(d):\n    del d[k]\n', 'xs = [1]\nfor x in list(xs):\n    xs.append(x)\n', 'for i in list(range(5)):\n    print(i)\n'],
    invalid: [
      { code: 'for i in list(range(5_000_000)):\n    print(i)\n', errors: [[1, 10, 1, 32]] },
      // an in-file generator is an iterator whatever it yields
      { code: 'def records(db):\n    for row in db.query("select 1"):\n        yield row\n\nrows = records(conn)\nfor r in list(rows):\n    print(r)\n', errors: [[6, 10, 6, 20]] },
    ],
  },
  {
    rule: 'MW407',
    valid: ['import numpy as np\na = np.load("a.npz")\n', 'import numpy as np\na = np.load("a.npy", mmap_mode="r")\n'],
    invalid: [{ code: 'import numpy as np\na = np.load("a.npy")\n', errors: [[2, 5, 2, 21]] }],
  },
];

describe('python rules (table-driven)', function () {
  this.timeout(30000);
  for (const c of cases) {
    describe(c.rule, () => {
      c.valid.forEach((code, i) => {
        it(`valid #${i + 1}`, async () => {
          const found = (await lintPython(code, c.rule)).map((f) => `${f.rule}@${f.range.startLine + 1}:${f.range.startColumn + 1}`);
          assert.deepStrictEqual(found, [], `unexpected findings in:\n${code}`);
        });
      });
      c.invalid.forEach((inv, i) => {
        it(`invalid #${i + 1}`, async () => {
          const findings = await lintPython(inv.code, c.rule);
          const found = findings.map((f) => [f.range.startLine + 1, f.range.startColumn + 1, f.range.endLine + 1, f.range.endColumn + 1]);
          assert.deepStrictEqual(found, inv.errors, `ranges for:\n${inv.code}`);
          if (inv.message) for (const f of findings) assert.match(f.message, inv.message);
        });
      });
    });
  }
});
