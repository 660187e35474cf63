// MW403 cache-on-method: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/cache-on-method.ts): "instances
// made in a list comprehension over csv rows", "instances made by map over the lines of a file", "instances made in a
// generator expression over a directory listing", "one instance made in the iterable of a for loop over csv rows".
// Every other case passes on 3ae019f and is a regression guard.
// On 27cfc42, before the v2 analysis, 7 of the 19 failed (`today` says how): "a bounded cache (maxsize=128)", "bare
// @lru_cache keeps 128 entries", "no loop makes instances from data", "instances made in a small range", "another
// class is made per row", "one instance made in the iterable of a for loop over csv rows", "one instance made in the
// iterable of a comprehension over csv rows".
import { ruleTester } from '../ruleTester';

ruleTester('MW403', {
  valid: [
    {
      name: "a noqa on the decorator silences it",
      code: "import csv\nfrom functools import cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @cache  # noqa: MW403\n    def total(self):\n        return float(self.row[1])\n\nfor row in csv.reader(open(\"orders.csv\")):\n    Order(row).total()\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a bounded cache (maxsize=128)",
      code: "import csv\nfrom functools import lru_cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @lru_cache(maxsize=128)\n    def total(self):\n        return float(self.row[1])\n\nfor row in csv.reader(open(\"orders.csv\")):\n    Order(row).total()\n",
      today: "false alarm"
    },
    {
      name: "bare @lru_cache keeps 128 entries",
      code: "import csv\nfrom functools import lru_cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @lru_cache\n    def total(self):\n        return float(self.row[1])\n\nfor row in csv.reader(open(\"orders.csv\")):\n    Order(row).total()\n",
      today: "false alarm"
    },
    {
      name: "no loop makes instances from data",
      code: "from functools import cache\n\nclass Config:\n    def __init__(self, path):\n        self.path = path\n\n    @cache\n    def values(self):\n        return open(self.path).read()\n\ncfg = Config(\"app.cfg\")\nprint(cfg.values())\n",
      today: "false alarm"
    },
    {
      name: "instances made in a small range",
      code: "from functools import cache\n\nclass Worker:\n    def __init__(self, i):\n        self.i = i\n\n    @cache\n    def name(self):\n        return f\"w{self.i}\"\n\nfor i in range(4):\n    Worker(i).name()\n",
      today: "false alarm"
    },
    {
      name: "a module-level function",
      code: "import csv\nfrom functools import cache\n\n@cache\ndef parse(text):\n    return float(text)\n\nfor row in csv.reader(open(\"orders.csv\")):\n    parse(row[1])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a staticmethod has no self",
      code: "import csv\nfrom functools import cache\n\nclass Money:\n    @staticmethod\n    @cache\n    def parse(text):\n        return float(text)\n\nfor row in csv.reader(open(\"orders.csv\")):\n    Money.parse(row[1])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "another class is made per row",
      code: "import csv\nfrom functools import cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\nclass Catalog:\n    @cache\n    def lookup(self, key):\n        return key.upper()\n\ncat = Catalog()\nfor row in csv.reader(open(\"orders.csv\")):\n    Order(row)\n    cat.lookup(row[0])\n",
      today: "false alarm"
    },
    {
      name: "one instance made in the iterable of a for loop over csv rows",
      code: "import csv\nfrom functools import cache\n\nclass Store:\n    def __init__(self, path):\n        self.path = path\n\n    @cache\n    def handle(self):\n        return open(self.path)\n\nfor row in csv.reader(Store(\"orders.csv\").handle()):\n    print(row)\n",
      today: "false alarm"
    },
    {
      name: "one instance made in the iterable of a comprehension over csv rows",
      code: "import csv\nfrom functools import cache\n\nclass Store:\n    def __init__(self, path):\n        self.path = path\n\n    @cache\n    def handle(self):\n        return open(self.path)\n\nrows = [r[0] for r in csv.reader(Store(\"orders.csv\").handle())]\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      name: "doc example: instances made per csv row",
      code: "import csv\nimport sys\nfrom functools import lru_cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @lru_cache(maxsize=None)\n    def total(self, tax):\n        return float(self.row[1]) * (1 + tax)\n\nfor row in csv.reader(open(sys.argv[1])):\n    print(Order(row).total(0.2))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 9, column: 5, endLine: 9, endColumn: 29 }],
      scale: "data"
    },
    {
      name: "functools.cache, instances made per line inside a function",
      code: "import functools\n\nclass Line:\n    def __init__(self, text):\n        self.text = text\n\n    @functools.cache\n    def words(self):\n        return self.text.split()\n\ndef main(path):\n    with open(path) as f:\n        for raw in f:\n            print(Line(raw).words())\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 7, column: 5, endLine: 7, endColumn: 21 }],
      scale: "data"
    },
    {
      name: "lru_cache(None) given positionally",
      code: "from functools import lru_cache\n\nclass Entry:\n    def __init__(self, name):\n        self.name = name\n\n    @lru_cache(None)\n    def size(self):\n        return len(self.name)\n\nimport os\nfor name in os.listdir(\".\"):\n    Entry(name).size()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 7, column: 5, endLine: 7, endColumn: 21 }],
      scale: "data"
    },
    {
      name: "instances made per element of a generator of lines",
      code: "from functools import cache\n\nclass Rec:\n    def __init__(self, line):\n        self.line = line\n\n    @cache\n    def parsed(self):\n        return self.line.split(\",\")\n\ndef lines(path):\n    with open(path) as f:\n        yield from f\n\nfor l in lines(\"data.csv\"):\n    Rec(l).parsed()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 7, column: 5, endLine: 7, endColumn: 11 }],
      scale: "data"
    },
    {
      name: "instances made per DataFrame row",
      code: "import pandas as pd\nfrom functools import cache\n\nclass Row:\n    def __init__(self, values):\n        self.values = values\n\n    @cache\n    def total(self):\n        return sum(self.values)\n\ndf = pd.read_csv(\"data.csv\")\nfor values in df.values:\n    Row(values).total()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 8, column: 5, endLine: 8, endColumn: 11 }],
      scale: "data"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import csv\nfrom functools import cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @cache  # noqa: B019\n    def total(self):\n        return float(self.row[1])\n\nfor row in csv.reader(open(\"orders.csv\")):\n    Order(row).total()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 8, column: 5, endLine: 8, endColumn: 25 }],
      scale: "data"
    },
    {
      name: "instances made in a list comprehension over csv rows",
      code: "import csv\nfrom functools import cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @cache\n    def total(self):\n        return float(self.row[1])\n\nwith open(\"orders.csv\") as f:\n    orders = [Order(r) for r in csv.reader(f)]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 8, column: 5, endLine: 8, endColumn: 11 }],
      scale: "data"
    },
    {
      name: "instances made by map over the lines of a file",
      code: "from functools import cache\n\nclass Line:\n    def __init__(self, text):\n        self.text = text\n\n    @cache\n    def words(self):\n        return self.text.split()\n\nwith open(\"app.log\") as f:\n    for line in map(Line, f):\n        line.words()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 7, column: 5, endLine: 7, endColumn: 11 }],
      scale: "data"
    },
    {
      name: "instances made in a generator expression over a directory listing",
      code: "import os\nfrom functools import cache\n\nclass Entry:\n    def __init__(self, name):\n        self.name = name\n\n    @cache\n    def size(self):\n        return os.path.getsize(self.name)\n\ntotal = sum(Entry(n).size() for n in os.listdir(\".\"))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW403", line: 8, column: 5, endLine: 8, endColumn: 11 }],
      scale: "data"
    }
  ]
});

// Instances made per element of an instance of an in-file class, walked through its `__iter__` (a generator over a
// file): missed before this round (b6b0542: a call of a class of the file was not traced for data scale). The valid
// look-alike's `__iter__` walks a literal list.
ruleTester('MW403', {
  valid: [
    {
      name: "instances per element of a class whose __iter__ walks a literal list",
      code: "from functools import lru_cache\n\n\nclass Palette:\n    def __iter__(self):\n        for name in [\"red\", \"green\", \"blue\"]:\n            yield name\n\n\nclass Swatch:\n    def __init__(self, name):\n        self.name = name\n\n    @lru_cache(maxsize=None)\n    def hex(self):\n        return hash(self.name)\n\n\nfor colour in Palette():\n    print(Swatch(colour).hex())\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "a Patron per row of a Ledger whose __iter__ reads a file, through a generator",
      code: "import sys\nfrom functools import lru_cache\n\n\nclass Ledger:\n    def __init__(self, path):\n        self.path = path\n\n    def __iter__(self):\n        with open(self.path) as fh:\n            for line in fh:\n                yield line.rstrip(\"\\n\").split(\"\\t\")\n\n\nclass Patron:\n    def __init__(self, pid):\n        self.pid = pid\n\n    @lru_cache(maxsize=None)\n    def cap(self):\n        return len(self.pid) * 100\n\n\ndef overdue(ledger):\n    for pid, days in ledger:\n        yield Patron(pid), days\n\n\nfor patron, days in overdue(Ledger(sys.argv[1])):\n    print(patron.cap(), days)\n",
      today: "missed on b6b0542: iterating an instance did not run its __iter__",
      errors: [
        { messageId: "MW403", line: 19, column: 5, endLine: 19, endColumn: 29 }
      ],
      scale: "data"
    }
  ]
});
