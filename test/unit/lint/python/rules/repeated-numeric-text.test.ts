// MW101 repeated-numeric-text: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW101', {
  valid: [
    {
      name: "a loop reads the parameter and later rebinds it converted: a later turn reads the number",
      code: "def scaled(values):\n    out = 0\n    for _ in range(3):\n        out = values * 3\n        values = float(values)\n    return out\n\n\nfor line in open(\"data.txt\"):\n    print(scaled(line.split(\",\")[1]))\n",
      today: "silent before too: guard, a loop-carried rebinding keeps the read unknown"
    },
    {
      name: "the parameter is rebound converted",
      code: "def scaled(value):\n    value = float(value.strip())\n    return value * 3\n\n\nfor line in open(\"data.txt\"):\n    print(scaled(line.split(\",\")[1]))\n",
      today: "silent before too: guard"
    },
    {
      name: "the key read is the one converted in place",
      code: "LAYOUT = {\"age\": (0, 3), \"income\": (3, 11)}\n\n\ndef read_people(path):\n    with open(path) as f:\n        for record in f:\n            yield {name: record[a:b].strip() for name, (a, b) in LAYOUT.items()}\n\n\ndef scaled(path, scale: int):\n    out = []\n    for person in read_people(path):\n        person[\"income\"] = float(person[\"income\"])\n        out.append(person[\"income\"] * scale)\n    return out\n\n\nscaled(\"people.txt\", 3)\n",
      today: "silent before too: guard, a key stored again is unknown"
    },
    {
      name: "every key converted in place through a variable key",
      code: "LAYOUT = {\"age\": (0, 3), \"income\": (3, 11)}\n\n\ndef read_people(path):\n    with open(path) as f:\n        for record in f:\n            yield {name: record[a:b].strip() for name, (a, b) in LAYOUT.items()}\n\n\ndef scaled(path, scale: int):\n    out = []\n    for person in read_people(path):\n        for key in LAYOUT:\n            person[key] = int(person[key])\n        out.append(person[\"income\"] * scale)\n    return out\n\n\nscaled(\"people.txt\", 3)\n",
      today: "silent before too: guard, a store under a non-literal key makes the whole dict unknown"
    },
    {
      name: "a dataclass field converted when built",
      code: "from dataclasses import dataclass\n\n@dataclass\nclass Reading:\n    name: str\n    value: float\n\ndef load(path):\n    out = []\n    for line in open(path):\n        name, value = line.split(\",\")\n        out.append(Reading(name, float(value)))\n    return out\n\ndef main(path):\n    for r in load(path):\n        print(r.value * 1.5)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a parameter whose call sites pass numbers",
      code: "import sys\n\ndef scale(value, factor=3):\n    return value * factor\n\nscale(float(sys.argv[1]))\nscale(2)\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a parameter rebound from itself (value = value.strip()) then repeated",
      code: "def scaled(value):\n    value = value.strip()\n    return value * 3\n\n\nfor line in open(\"data.txt\"):\n    print(scaled(line.split(\",\")[1]))\n",
      today: "missed (before its first rebinding a parameter read as unknown)",
      errors: [
        {
          messageId: "MW101",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 21
        }
      ],
      output: "def scaled(value):\n    value = value.strip()\n    return float(value) * 3\n\n\nfor line in open(\"data.txt\"):\n    print(scaled(line.split(\",\")[1]))\n"
    },
    {
      name: "a generator yields a dict comprehension of line slices; the caller adds a new key and repeats another",
      code: "LAYOUT = {\"age\": (0, 3), \"income\": (3, 11)}\n\n\ndef read_people(path):\n    with open(path) as f:\n        for record in f:\n            yield {name: record[a:b].strip() for name, (a, b) in LAYOUT.items()}\n\n\ndef scaled(path, scale: int):\n    out = []\n    for person in read_people(path):\n        person[\"kind\"] = \"adult\"\n        out.append(person[\"income\"] * scale)\n    return out\n\n\nscaled(\"people.txt\", 3)\n",
      today: "missed (holdout5 f12: dict comprehensions were unknown, and any `d[k] = v` made the whole dict unknown)",
      errors: [
        {
          messageId: "MW101",
          line: 14,
          column: 20,
          endLine: 14,
          endColumn: 44
        }
      ],
      output: "LAYOUT = {\"age\": (0, 3), \"income\": (3, 11)}\n\n\ndef read_people(path):\n    with open(path) as f:\n        for record in f:\n            yield {name: record[a:b].strip() for name, (a, b) in LAYOUT.items()}\n\n\ndef scaled(path, scale: int):\n    out = []\n    for person in read_people(path):\n        person[\"kind\"] = \"adult\"\n        out.append(float(person[\"income\"]) * scale)\n    return out\n\n\nscaled(\"people.txt\", 3)\n"
    },
    {
      name: "an attribute set in __init__ from a constructor argument, multiplied in another method",
      code: "class Item:\n    def __init__(self, name, price):\n        self.name = name\n        self.price = price\n\n    def total(self, qty):\n        return self.price * qty\n\n\ndef parse(path):\n    items = []\n    for line in open(path):\n        name, price = line.split(\",\")\n        items.append(Item(name, price))\n    return [it.total(3) for it in items]\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 32
        }
      ],
      output: "class Item:\n    def __init__(self, name, price):\n        self.name = name\n        self.price = price\n\n    def total(self, qty):\n        return float(self.price) * qty\n\n\ndef parse(path):\n    items = []\n    for line in open(path):\n        name, price = line.split(\",\")\n        items.append(Item(name, price))\n    return [it.total(3) for it in items]\n"
    },
    {
      name: "a NamedTuple field built from split text, yielded by one generator and multiplied in another",
      code: "from typing import Iterable, Iterator, NamedTuple\n\n\nclass Reading(NamedTuple):\n    sensor: str\n    value: float\n\n\ndef readings(path: str) -> Iterator[Reading]:\n    with open(path) as fh:\n        for line in fh:\n            sensor, value = line.strip().split(\";\")\n            yield Reading(sensor, value)\n\n\ndef percent(rows: Iterable[Reading]) -> Iterator[Reading]:\n    for r in rows:\n        yield r._replace(value=r.value * 100)\n\n\ndef main(path: str) -> None:\n    print(list(percent(readings(path))))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 18,
          column: 32,
          endLine: 18,
          endColumn: 45
        }
      ],
      output: "from typing import Iterable, Iterator, NamedTuple\n\n\nclass Reading(NamedTuple):\n    sensor: str\n    value: float\n\n\ndef readings(path: str) -> Iterator[Reading]:\n    with open(path) as fh:\n        for line in fh:\n            sensor, value = line.strip().split(\";\")\n            yield Reading(sensor, value)\n\n\ndef percent(rows: Iterable[Reading]) -> Iterator[Reading]:\n    for r in rows:\n        yield r._replace(value=float(r.value) * 100)\n\n\ndef main(path: str) -> None:\n    print(list(percent(readings(path))))\n"
    },
    {
      name: "text returned from a helper, used as a number by the caller",
      code: "def load(path):\n    with open(path) as f:\n        return f.read().split(\",\")\n\ndef main(path):\n    parts = load(path)\n    print(parts[1] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW101",
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 23
        }
      ],
      output: "def load(path):\n    with open(path) as f:\n        return f.read().split(\",\")\n\ndef main(path):\n    parts = load(path)\n    print(float(parts[1]) * 2)\n"
    },
    {
      name: "a parameter whose in-file call sites all pass data text",
      code: "import sys\n\ndef scale(value, factor=3):\n    return value * factor\n\nscale(sys.argv[1])\nscale(input())\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW101",
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 26
        }
      ],
      output: "import sys\n\ndef scale(value, factor=3):\n    return float(value) * factor\n\nscale(sys.argv[1])\nscale(input())\n"
    },
    {
      name: "tuples stored in a list and unpacked later",
      code: "def main(path):\n    pairs = []\n    for line in open(path):\n        name, size = line.split()\n        pairs.append((name, size))\n    for name, size in pairs:\n        print(name, size * 1024)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW101",
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 32
        }
      ],
      output: "def main(path):\n    pairs = []\n    for line in open(path):\n        name, size = line.split()\n        pairs.append((name, size))\n    for name, size in pairs:\n        print(name, float(size) * 1024)\n"
    },
    {
      name: "values a generator yields, received by a for in another function",
      code: "def values(path):\n    for line in open(path):\n        yield line.split(\",\")[1]\n\ndef main(path):\n    for v in values(path):\n        print(v * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW101",
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 20
        }
      ],
      output: "def values(path):\n    for line in open(path):\n        yield line.split(\",\")[1]\n\ndef main(path):\n    for v in values(path):\n        print(float(v) * 2)\n"
    },
    {
      name: "a default argument that is data text",
      code: "import os\n\ndef budget(limit=os.environ.get(\"LIMIT\", \"10\")):\n    return limit * 2\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 21
        }
      ],
      output: "import os\n\ndef budget(limit=os.environ.get(\"LIMIT\", \"10\")):\n    return float(limit) * 2\n"
    },
    {
      name: "a dataclass field declared float but built from split text",
      code: "from dataclasses import dataclass\n\n@dataclass\nclass Reading:\n    name: str\n    value: float\n\ndef load(path):\n    out = []\n    for line in open(path):\n        name, value = line.split(\",\")\n        out.append(Reading(name, value))\n    return out\n\ndef main(path):\n    for r in load(path):\n        print(r.value * 1.5)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 17,
          column: 15,
          endLine: 17,
          endColumn: 28
        }
      ],
      output: "from dataclasses import dataclass\n\n@dataclass\nclass Reading:\n    name: str\n    value: float\n\ndef load(path):\n    out = []\n    for line in open(path):\n        name, value = line.split(\",\")\n        out.append(Reading(name, value))\n    return out\n\ndef main(path):\n    for r in load(path):\n        print(float(r.value) * 1.5)\n"
    },
    {
      name: "a Python 3.12 f-string reusing its quote before the operation",
      code: "import sys\n\ndef main():\n    for line in open(sys.argv[1]):\n        parts = line.split(\",\")\n        print(f\"{\"-\" * 3} {parts[2] * 2}\")\n        print(f'{'x'} {parts[1] > 3}')\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 40
        }
      ],
      output: "import sys\n\ndef main():\n    for line in open(sys.argv[1]):\n        parts = line.split(\",\")\n        print(f\"{\"-\" * 3} {float(parts[2]) * 2}\")\n        print(f'{'x'} {parts[1] > 3}')\n"
    },
    {
      name: "a parameter passed by keyword at every call site",
      code: "import csv\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.DictReader(f))\n\ndef summarize(rows, factor):\n    for row in rows:\n        print(row.get(\"price\") * factor)\n\ndef main(path):\n    summarize(rows=load(path), factor=2)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW101",
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 40
        }
      ],
      output: "import csv\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.DictReader(f))\n\ndef summarize(rows, factor):\n    for row in rows:\n        print(float(row.get(\"price\")) * factor)\n\ndef main(path):\n    summarize(rows=load(path), factor=2)\n"
    },
    {
      name: "tuples yielded by a generator, unpacked by a for in another function",
      code: "def parse(path):\n    for line in open(path):\n        name, value = line.split(\",\")\n        yield name, value\n\ndef main(path):\n    for name, value in parse(path):\n        print(value * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW101",
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 24
        }
      ],
      output: "def parse(path):\n    for line in open(path):\n        name, value = line.split(\",\")\n        yield name, value\n\ndef main(path):\n    for name, value in parse(path):\n        print(float(value) * 2)\n"
    }
  ]
});

// Flow classes found beyond the fourth holdout: every `invalid` case here was missed by the engine before this
// round (1dbc2e0) and every `valid` one is a look-alike that must stay silent.
ruleTester('MW101', {
  valid: [
    {
      name: "an instance attribute named `values` holding converted numbers",
      code: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = float(v)\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if timeout > 60:\n        print(\"long\")\n    print(cfg.values[\"retries\"] * 2)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "an instance attribute named `values` (not a DataFrame's) holding parsed text",
      code: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = v.strip()\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if timeout > 60:\n        print(\"long\")\n    print(cfg.values[\"retries\"] * 2)\n",
      today: "missed by the v2 engine before this round (a flow class found by probing beyond the holdout)",
      errors: [{ messageId: "MW101", line: 22, column: 11, endLine: 22, endColumn: 36 }],
      output: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = v.strip()\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if timeout > 60:\n        print(\"long\")\n    print(float(cfg.values[\"retries\"]) * 2)\n"
    }
  ]
});

// Flow classes found by an adversarial probe audit (sets, dict displays reached by unpacking, setdefault(k, {})[j],
// cls(...) factories, list repetition/concatenation, **mapping records, subclasses, keyword-only parameters,
// whole text returned by a helper): each invalid case was silent on the engine before it.
ruleTester('MW101', {
  valid: [
    {
      name: "a classmethod factory that converts the field before cls(...)",
      code: "import csv\n\n\nclass Order:\n    def __init__(self, oid, amount):\n        self.oid = oid\n        self.amount = amount\n\n    @classmethod\n    def from_row(cls, row):\n        return cls(row[0], float(row[1]))\n\n    def with_tax(self):\n        return self.amount * 1.2\n\n\ndef load(path):\n    with open(path) as f:\n        return [Order.from_row(r) for r in csv.reader(f)]\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a class built only by cls(...) in a classmethod from csv rows, its attribute scaled in another method",
      code: "import csv\n\n\nclass Order:\n    def __init__(self, oid, amount):\n        self.oid = oid\n        self.amount = amount\n\n    @classmethod\n    def from_row(cls, row):\n        return cls(row[0], row[1])\n\n    def with_tax(self):\n        return self.amount * 1.2\n\n\ndef load(path):\n    with open(path) as f:\n        return [Order.from_row(r) for r in csv.reader(f)]\n",
      today: "missed (also by the engine before the flow-class audit)",
      errors: [{ messageId: "MW101", line: 14, column: 16, endLine: 14, endColumn: 33 }],
      output: "import csv\n\n\nclass Order:\n    def __init__(self, oid, amount):\n        self.oid = oid\n        self.amount = amount\n\n    @classmethod\n    def from_row(cls, row):\n        return cls(row[0], row[1])\n\n    def with_tax(self):\n        return float(self.amount) * 1.2\n\n\ndef load(path):\n    with open(path) as f:\n        return [Order.from_row(r) for r in csv.reader(f)]\n"
    }
  ]
});

// list.insert(0, x) (issue 12's container methods): no case covered it; a guard.
ruleTester('MW101', {
  "valid": [
    {
      "name": "the same with the field converted before insert",
      "code": "import sys\n\nrecent = []\nfor line in open(sys.argv[1]):\n    recent.insert(0, int(line.split(\",\")[1]))\nlatest = recent.pop(0)\nprint(latest * 3)\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "split text inserted at the front of a list, popped and repeated",
      "code": "import sys\n\nrecent = []\nfor line in open(sys.argv[1]):\n    recent.insert(0, line.split(\",\")[1])\nlatest = recent.pop(0)\nprint(latest * 3)\n",
      "today": "found before too: guard for insert(0, x), which no case covered",
      "errors": [
        {
          "messageId": "MW101",
          "line": 7,
          "column": 7,
          "endLine": 7,
          "endColumn": 17
        }
      ],
      "output": "import sys\n\nrecent = []\nfor line in open(sys.argv[1]):\n    recent.insert(0, line.split(\",\")[1])\nlatest = recent.pop(0)\nprint(float(latest) * 3)\n"
    }
  ]
});

// One mistake, one finding: what a reported repetition yields is not followed further (`shares = lots * LOT`, then
// `beta * limit * shares`), nor is a chained `C * 1024 * 1024` reported twice (eleventh holdout, f11:55; a tuning
// set since). Each case fails on 042983c, which gave a second finding.
ruleTester('MW101', {
  valid: [],
  invalid: [
    {
      name: "the repeated text kept in a name and multiplied again later: one finding, at the repetition",
      code: "import sys\n\nLOT = 100\nfor line in sys.stdin:\n    lots, limit = line.split(\",\")\n    shares = lots * LOT\n    exposure = float(limit) * shares\n    print(exposure)\n",
      today: "two findings on 042983c (also line 7)",
      errors: [{ messageId: "MW101", line: 6, column: 14, endLine: 6, endColumn: 24 }],
      output: "import sys\n\nLOT = 100\nfor line in sys.stdin:\n    lots, limit = line.split(\",\")\n    shares = float(lots) * LOT\n    exposure = float(limit) * shares\n    print(exposure)\n"
    },
    {
      name: "a chained repetition (C * 1024 * 1024) is one finding",
      code: "import os\n\nC = os.environ[\"CACHE_MB\"]\nN = C * 1024 * 1024\n",
      today: "two findings on 042983c (the inner and the outer product)",
      errors: [{ messageId: "MW101", line: 4, column: 5, endLine: 4, endColumn: 13 }],
      output: "import os\n\nC = os.environ[\"CACHE_MB\"]\nN = float(C) * 1024 * 1024\n"
    }
  ]
});

// Twelfth holdout (f04_variants.py:49; a tuning set since): a dict display whose every key is a string literal keeps
// each key's value, so a record mixing text and numbers (`{"chrom": chrom, "pos": int(pos), "depth": depth}`) still
// answers `rec["depth"]`, also through a dict of lists filled from it elsewhere. Each invalid case is silent on 11b4611.
ruleTester('MW101', {
  valid: [
    {
      name: "the int() field of the same display, the text field reassigned as int(), and a dict of lists of the int field",
      code: "import sys\nfrom collections import defaultdict\n\n\ndef records(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        yield {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n\n\ndef fixed(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        rec = {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n        rec[\"depth\"] = int(rec[\"depth\"])\n        yield rec\n\n\ndef coverage(recs):\n    cov = defaultdict(list)\n    for rec in recs:\n        cov[rec[\"chrom\"]].append(rec[\"pos\"])\n    return cov\n\n\nfor rec in records(sys.argv[1]):\n    print(rec[\"pos\"] * 2)\nfor rec in fixed(sys.argv[1]):\n    print(rec[\"depth\"] * 2)\nfor chrom, positions in coverage(records(sys.argv[1])).items():\n    print(chrom, positions[0] * 2)\n",
      today: "silent on 11b4611 too: look-alike guard for per-key record fields"
    },
    {
      name: "a display with a computed key keeps only the join of its values (unknown here)",
      code: "import sys\n\nKEY = \"depth\"\nfor line in open(sys.argv[1]):\n    chrom, pos, depth = line.split(\"\\t\")\n    rec = {KEY: int(depth), \"chrom\": chrom, \"pos\": pos}\n    print(rec[KEY] * 2)\n",
      today: "silent on 11b4611 too: look-alike guard (a computed key may be any of them)"
    }
  ],
  invalid: [
    {
      name: "a yielded dict display mixing a split field and an int(): its text field repeated",
      code: "import sys\n\n\ndef records(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        yield {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n\n\nfor rec in records(sys.argv[1]):\n    print(rec[\"depth\"] * 2)\n",
      today: "missed on 11b4611 (the display joined text and number into unknown)",
      errors: [{ messageId: "MW101", line: 11, column: 11, endLine: 11, endColumn: 27 }],
      output: "import sys\n\n\ndef records(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        yield {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n\n\nfor rec in records(sys.argv[1]):\n    print(float(rec[\"depth\"]) * 2)\n"
    },
    {
      name: "the text field appended to a defaultdict(list) in one function and indexed out of it in another",
      code: "import sys\nfrom collections import defaultdict\n\n\ndef records(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        yield {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n\n\ndef coverage(recs):\n    cov = defaultdict(list)\n    for rec in recs:\n        cov[rec[\"chrom\"]].append(rec[\"depth\"])\n    return cov\n\n\ndef summarise(cov):\n    for chrom in sorted(cov):\n        depths = cov[chrom]\n        print(chrom, depths[0] * 2)\n\n\nsummarise(coverage(records(sys.argv[1])))\n",
      today: "missed on 11b4611 (f04_variants.py:49)",
      errors: [{ messageId: "MW101", line: 21, column: 22, endLine: 21, endColumn: 35 }],
      output: "import sys\nfrom collections import defaultdict\n\n\ndef records(path):\n    for line in open(path):\n        chrom, pos, depth = line.split(\"\\t\")\n        yield {\"chrom\": chrom, \"pos\": int(pos), \"depth\": depth}\n\n\ndef coverage(recs):\n    cov = defaultdict(list)\n    for rec in recs:\n        cov[rec[\"chrom\"]].append(rec[\"depth\"])\n    return cov\n\n\ndef summarise(cov):\n    for chrom in sorted(cov):\n        depths = cov[chrom]\n        print(chrom, float(depths[0]) * 2)\n\n\nsummarise(coverage(records(sys.argv[1])))\n"
    }
  ]
});
