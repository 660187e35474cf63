// MW103 text-number-comparison: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  valid: [
    {
      name: "a tuple read from its end (`pair[- 1]`) whose last position holds a converted number",
      code: "import sys\n\nfor line in sys.stdin:\n    f = line.split()\n    pair = (f[0], int(f[1]))\n    if pair[- 1] > 5:\n        print(line)\n",
      today: "silent before too: guard for the position read from the end"
    },
    {
      name: "a record field given an empty deque, filled with converted numbers by appendleft, compared",
      code: "import sys\nfrom collections import deque\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Box:\n    items: deque\n\n\nst = Box(items=deque())\nst.items.appendleft(float(sys.argv[1]))\nfor x in st.items:\n    if x > 5:\n        print(x)\n",
      today: "silent before too: guard, the appendleft store holds numbers"
    },
    {
      name: "the field is filled with converted numbers",
      code: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\ndef load(path):\n    students = {}\n    with open(path) as f:\n        for r in csv.DictReader(f):\n            st = students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = float(r[\"score\"])\n    return students\n\n\ndef failing(students):\n    return [s for s in students.values() if s.scores.get(\"final\", 0) < 50]\n\n\nfailing(load(\"x.csv\"))\n",
      today: "silent before too: guard for the in-place field stores"
    },
    {
      name: "one store into a field of that name has an unknown receiver (it may be one of these instances)",
      code: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\ndef load(path, lookup):\n    students = {}\n    with open(path) as f:\n        for r in csv.DictReader(f):\n            st = students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = r[\"score\"]\n            other = lookup(r[\"sid\"])\n            other.scores[r[\"component\"]] = float(r[\"score\"])\n    return students\n\n\ndef failing(students):\n    return [s for s in students.values() if s.scores.get(\"final\", \"0\") < 50]\n\n\nfailing(load(\"x.csv\", dict))\n",
      today: "silent before too: guard, an unknown receiver makes the field unknown"
    },
    {
      name: "the compared key is converted in place first",
      code: "import sys\n\n\ndef read_people(path):\n    with open(path) as f:\n        for line in f:\n            parts = line.split(\",\")\n            yield {\"id\": parts[0], \"age\": parts[1]}\n\n\ndef band(age):\n    if age < 25:\n        return \"young\"\n    return \"older\"\n\n\nfor person in read_people(sys.argv[1]):\n    person[\"age\"] = int(person[\"age\"])\n    person[\"band\"] = band(person[\"age\"])\n",
      today: "silent before too: guard, an overwritten key is unknown"
    },
    {
      "name": "cells of a column read without a dtype are not known numbers (pandas infers each column)",
      "code": "import pandas as pd\n\nsel = input(\"country: \")\ndf = pd.read_csv(\"ranking.csv\")\nfor c in df[\"Country\"]:\n    if c == sel:\n        print(c)\nif df[\"Country\"][0] != sel:\n    print(0)\n",
      "today": "false alarm (found on a public repository by hand review (2026-12-06): fired before this fix)"
    },
    {
      name: "mutual recursion with no base value ends in unknown",
      code: "def ping(x):\n    return pong(x)\n\n\ndef pong(x):\n    return ping(x)\n\n\ndef main(path):\n    for line in open(path):\n        if ping(line) > 3:\n            print(line)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a function also handed to an unknown higher-order call",
      code: "import csv\nimport threading\n\n\ndef expensive(row):\n    return row[2] > 100\n\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    threading.Thread(target=expensive).start()\n    return list(map(expensive, rows))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a method's parameter whose every call passes a converted value",
      code: "class Report:\n    def __init__(self):\n        self.errors = []\n\n    def add(self, status):\n        if status >= 500:\n            self.errors.append(status)\n\n\ndef build(path):\n    report = Report()\n    for line in open(path):\n        report.add(int(line.split()[8]))\n    return report\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "an argparse argument with type=float",
      code: "import argparse\nimport sys\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"--threshold\", type=float, default=1.0)\nargs = parser.parse_args()\n\nfor line in sys.stdin:\n    value = float(line.split()[2])\n    if value > args.threshold:\n        print(line, end=\"\")\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a dict filled with converted values",
      code: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = int(v)\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if limit > 5:\n        print(\"big\")\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a tuple read from its end with a space after the minus (`pair[- 1]`) is that position's value",
      code: "import sys\n\nfor line in sys.stdin:\n    f = line.split()\n    pair = (int(f[0]), f[1])\n    if pair[- 1] > 5:\n        print(line)\n",
      today: "missed (the tuple index was read with parseInt, which gives NaN for `- 1`)",
      errors: [
        {
          messageId: "MW103",
          line: 6,
          column: 8,
          endLine: 6,
          endColumn: 21
        }
      ],
      output: "import sys\n\nfor line in sys.stdin:\n    f = line.split()\n    pair = (int(f[0]), f[1])\n    if float(pair[- 1]) > 5:\n        print(line)\n"
    },
    {
      name: "a record field given an empty deque, filled with text by appendleft (a one-element fill of the library model), compared",
      code: "import sys\nfrom collections import deque\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Box:\n    items: deque\n\n\nst = Box(items=deque())\nst.items.appendleft(sys.argv[1])\nfor x in st.items:\n    if x > 5:\n        print(x)\n",
      today: "missed (the field-store scan knew append and add only, not the model's appendleft)",
      errors: [
        {
          messageId: "MW103",
          line: 14,
          column: 8,
          endLine: 14,
          endColumn: 13
        }
      ],
      output: "import sys\nfrom collections import deque\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Box:\n    items: deque\n\n\nst = Box(items=deque())\nst.items.appendleft(sys.argv[1])\nfor x in st.items:\n    if float(x) > 5:\n        print(x)\n"
    },
    {
      name: "a dataclass dict field (default_factory=dict) filled in place through the instance setdefault returns, read with .get() elsewhere",
      code: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\ndef load(path):\n    students = {}\n    with open(path) as f:\n        for r in csv.DictReader(f):\n            st = students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = r[\"score\"]\n    return students\n\n\ndef failing(students):\n    return [s for s in students.values() if s.scores.get(\"final\", \"0\") < 50]\n\n\nfailing(load(\"x.csv\"))\n",
      today: "missed (holdout5 f05: setdefault(k, v) neither stored v nor returned it, and a field left to its default_factory was unknown)",
      errors: [
        {
          messageId: "MW103",
          line: 21,
          column: 45,
          endLine: 21,
          endColumn: 76
        }
      ],
      output: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\ndef load(path):\n    students = {}\n    with open(path) as f:\n        for r in csv.DictReader(f):\n            st = students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = r[\"score\"]\n    return students\n\n\ndef failing(students):\n    return [s for s in students.values() if float(s.scores.get(\"final\", \"0\")) < 50]\n\n\nfailing(load(\"x.csv\"))\n"
    },
    {
      name: "a dict yielded by a generator, given a new key, one of its other keys compared in a helper",
      code: "import sys\n\n\ndef read_people(path):\n    with open(path) as f:\n        for line in f:\n            parts = line.split(\",\")\n            yield {\"id\": parts[0], \"age\": parts[1]}\n\n\ndef band(age):\n    if age < 25:\n        return \"young\"\n    return \"older\"\n\n\nfor person in read_people(sys.argv[1]):\n    person[\"band\"] = band(person[\"age\"])\n    print(person[\"band\"])\n",
      today: "found before too: kept as a guard (a `{k: v}` display joins what is stored into it later; the holdout5 f12 miss was the dict comprehension)",
      errors: [
        {
          messageId: "MW103",
          line: 12,
          column: 8,
          endLine: 12,
          endColumn: 16
        }
      ],
      output: "import sys\n\n\ndef read_people(path):\n    with open(path) as f:\n        for line in f:\n            parts = line.split(\",\")\n            yield {\"id\": parts[0], \"age\": parts[1]}\n\n\ndef band(age):\n    if float(age) < 25:\n        return \"young\"\n    return \"older\"\n\n\nfor person in read_people(sys.argv[1]):\n    person[\"band\"] = band(person[\"age\"])\n    print(person[\"band\"])\n"
    },
    {
      "name": "cells of a column converted with pd.to_numeric are numbers",
      "code": "import pandas as pd\n\nsel = input(\"limit: \")\ndf = pd.read_csv(\"ranking.csv\")\nfor v in pd.to_numeric(df[\"score\"]):\n    if v > sel:\n        print(v)\n",
      "today": "found before too: kept as a guard for this flow",
      "errors": [
        {
          "messageId": "MW103",
          "line": 6,
          "column": 8,
          "endLine": 6,
          "endColumn": 15
        }
      ],
      "output": "import pandas as pd\n\nsel = input(\"limit: \")\ndf = pd.read_csv(\"ranking.csv\")\nfor v in pd.to_numeric(df[\"score\"]):\n    if v > float(sel):\n        print(v)\n",
      "safety": "unsafe"
    },
    {
      name: "a recursive helper: its summary is a fixpoint (the parameter and the return both reach text)",
      code: "def field(parts, i):\n    if i <= 0:\n        return parts[0]\n    return field(parts[1:], i - 1)\n\n\ndef main(path):\n    for line in open(path):\n        if field(line.split(\",\"), 2) > 10:\n            print(line)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 42
        }
      ],
      output: "def field(parts, i):\n    if i <= 0:\n        return parts[0]\n    return field(parts[1:], i - 1)\n\n\ndef main(path):\n    for line in open(path):\n        if float(field(line.split(\",\"), 2)) > 10:\n            print(line)\n"
    },
    {
      name: "a module-level function passed to map() compares its parameter (an element of the rows)",
      code: "import csv\n\n\ndef expensive(row):\n    return row[2] > 100\n\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    return list(filter(None, map(expensive, rows)))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 24
        }
      ],
      output: "import csv\n\n\ndef expensive(row):\n    return float(row[2]) > 100\n\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    return list(filter(None, map(expensive, rows)))\n"
    },
    {
      name: "a dataclass built by a classmethod factory (`cls(...)`), compared by a caller",
      code: "from dataclasses import dataclass\n\n\n@dataclass\nclass Reading:\n    sensor: str\n    value: float\n\n    @classmethod\n    def from_line(cls, line):\n        sensor, value = line.strip().split(\",\")\n        return cls(sensor, value)\n\n\ndef hot(path):\n    with open(path) as f:\n        readings = [Reading.from_line(line) for line in f]\n    return [r for r in readings if r.value > 30]\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 18,
          column: 36,
          endLine: 18,
          endColumn: 48
        }
      ],
      output: "from dataclasses import dataclass\n\n\n@dataclass\nclass Reading:\n    sensor: str\n    value: float\n\n    @classmethod\n    def from_line(cls, line):\n        sensor, value = line.strip().split(\",\")\n        return cls(sensor, value)\n\n\ndef hot(path):\n    with open(path) as f:\n        readings = [Reading.from_line(line) for line in f]\n    return [r for r in readings if float(r.value) > 30]\n"
    },
    {
      name: "the same name used for the dict in the helper and in the caller",
      code: "import sys\n\n\ndef read_config(path):\n    cfg = {}\n    for line in open(path):\n        k, v = line.strip().split(\"=\", 1)\n        cfg[k] = v\n    return cfg\n\n\ndef main():\n    cfg = read_config(sys.argv[1])\n    if cfg.get(\"timeout\", 30) > 10:\n        print(\"slow\")\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 14,
          column: 8,
          endLine: 14,
          endColumn: 35
        }
      ],
      output: "import sys\n\n\ndef read_config(path):\n    cfg = {}\n    for line in open(path):\n        k, v = line.strip().split(\"=\", 1)\n        cfg[k] = v\n    return cfg\n\n\ndef main():\n    cfg = read_config(sys.argv[1])\n    if float(cfg.get(\"timeout\", 30)) > 10:\n        print(\"slow\")\n"
    },
    {
      name: "a method's parameter from a call on an instance (`report.add(line.split())`)",
      code: "class Report:\n    def __init__(self):\n        self.errors = []\n\n    def add(self, fields):\n        status = fields[8]\n        if status >= 500:\n            self.errors.append(fields)\n\n\ndef build(path):\n    report = Report()\n    for line in open(path):\n        report.add(line.split())\n    return report\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 25
        }
      ],
      output: "class Report:\n    def __init__(self):\n        self.errors = []\n\n    def add(self, fields):\n        status = fields[8]\n        if float(status) >= 500:\n            self.errors.append(fields)\n\n\ndef build(path):\n    report = Report()\n    for line in open(path):\n        report.add(line.split())\n    return report\n"
    },
    {
      name: "a `path: Path` parameter opened with `.open()`, lines returned to a caller, a default from a module global",
      code: "from pathlib import Path\n\nSLO_MS = 250\n\n\ndef recent(path: Path, n: int = 200) -> list[str]:\n    with path.open() as f:\n        return f.readlines()[-n:]\n\n\ndef slow(lines: list[str], slo_ms: int = SLO_MS) -> list[str]:\n    out = []\n    for line in lines:\n        latency = line.split()[3]\n        if latency > slo_ms:\n            out.append(line)\n    return out\n\n\ndef check(base: Path):\n    return slow(recent(base / \"api.log\"))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 15,
          column: 12,
          endLine: 15,
          endColumn: 28
        }
      ],
      output: "from pathlib import Path\n\nSLO_MS = 250\n\n\ndef recent(path: Path, n: int = 200) -> list[str]:\n    with path.open() as f:\n        return f.readlines()[-n:]\n\n\ndef slow(lines: list[str], slo_ms: int = SLO_MS) -> list[str]:\n    out = []\n    for line in lines:\n        latency = line.split()[3]\n        if float(latency) > slo_ms:\n            out.append(line)\n    return out\n\n\ndef check(base: Path):\n    return slow(recent(base / \"api.log\"))\n"
    },
    {
      name: "an argparse argument without type= compared with a number",
      code: "import argparse\nimport sys\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"threshold\", help=\"keep rows above this\")\nargs = parser.parse_args()\n\nfor line in sys.stdin:\n    value = float(line.split()[2])\n    if value > args.threshold:\n        print(line, end=\"\")\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 30
        }
      ],
      output: "import argparse\nimport sys\n\nparser = argparse.ArgumentParser()\nparser.add_argument(\"threshold\", help=\"keep rows above this\")\nargs = parser.parse_args()\n\nfor line in sys.stdin:\n    value = float(line.split()[2])\n    if value > float(args.threshold):\n        print(line, end=\"\")\n"
    },
    {
      name: "starred unpacking into a dict display filled later, read by a filter lambda",
      code: "def parse(line):\n    ts, *pairs = line.split()\n    run = {\"ts\": ts}\n    for pair in pairs:\n        key, _, value = pair.partition(\"=\")\n        run[key] = value\n    return run\n\n\ndef load(path):\n    with open(path) as f:\n        return [parse(line) for line in f]\n\n\ndef retried(path):\n    return list(filter(lambda r: r[\"attempt\"] > 1, load(path)))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 16,
          column: 34,
          endLine: 16,
          endColumn: 50
        }
      ],
      output: "def parse(line):\n    ts, *pairs = line.split()\n    run = {\"ts\": ts}\n    for pair in pairs:\n        key, _, value = pair.partition(\"=\")\n        run[key] = value\n    return run\n\n\ndef load(path):\n    with open(path) as f:\n        return [parse(line) for line in f]\n\n\ndef retried(path):\n    return list(filter(lambda r: float(r[\"attempt\"]) > 1, load(path)))\n"
    },
    {
      name: "csv.DictReader rows through typed parameters (`rows: list[dict]`) into a dataclass field",
      code: "import csv\nfrom dataclasses import dataclass\nfrom pathlib import Path\n\n\n@dataclass\nclass Order:\n    order_id: str\n    unit_price: float\n\n\ndef load(path: Path) -> list[dict]:\n    with path.open(newline=\"\") as f:\n        return list(csv.DictReader(f))\n\n\ndef to_orders(rows: list[dict]) -> list[Order]:\n    return [Order(r[\"id\"], r[\"unit_price\"]) for r in rows]\n\n\ndef suspicious(orders: list[Order]) -> list[Order]:\n    return [o for o in orders if o.unit_price > 5000]\n\n\ndef run(data: Path) -> None:\n    suspicious(to_orders(load(data / \"orders.csv\")))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 22,
          column: 34,
          endLine: 22,
          endColumn: 53
        }
      ],
      output: "import csv\nfrom dataclasses import dataclass\nfrom pathlib import Path\n\n\n@dataclass\nclass Order:\n    order_id: str\n    unit_price: float\n\n\ndef load(path: Path) -> list[dict]:\n    with path.open(newline=\"\") as f:\n        return list(csv.DictReader(f))\n\n\ndef to_orders(rows: list[dict]) -> list[Order]:\n    return [Order(r[\"id\"], r[\"unit_price\"]) for r in rows]\n\n\ndef suspicious(orders: list[Order]) -> list[Order]:\n    return [o for o in orders if float(o.unit_price) > 5000]\n\n\ndef run(data: Path) -> None:\n    suspicious(to_orders(load(data / \"orders.csv\")))\n"
    },
    {
      name: "a dict filled by d[k] = v in a helper, read with .get(k, default)",
      code: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = v\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if limit > 5:\n        print(\"big\")\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 17
        }
      ],
      output: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = v\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if float(limit) > 5:\n        print(\"big\")\n"
    },
    {
      name: ".items() of a dict filled by d[k] = v, compared",
      code: "def main(path):\n    totals = {}\n    for line in open(path):\n        host, size = line.split()\n        totals[host] = size\n    biggest = max(totals.values())\n    for host, size in totals.items():\n        if size > 1000:\n            print(host)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 23
        }
      ],
      output: "def main(path):\n    totals = {}\n    for line in open(path):\n        host, size = line.split()\n        totals[host] = size\n    biggest = max(totals.values())\n    for host, size in totals.items():\n        if float(size) > 1000:\n            print(host)\n"
    }
  ]
});

// Flow classes of the fourth holdout's misses (a tuning set since): every `invalid` case here was missed by the
// engine before this round (1dbc2e0) and every `valid` one is a look-alike that must stay silent.
ruleTester('MW103', {
  valid: [
    {
      name: "the same dataclass built from converted fields",
      code: "import sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Trade:\n    symbol: str\n    qty: int\n    price: float\n\n    @classmethod\n    def from_line(cls, line):\n        s, q, p = line.split(\",\")\n        return cls(s, int(q), float(p))\n\n    def is_big(self):\n        return self.price > 100\n\n\ndef load(path):\n    with open(path) as f:\n        return [Trade.from_line(l) for l in f]\n\n\nprint([t for t in load(sys.argv[1]) if t.is_big()])\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "the same argument converted",
      code: "import sys\n\n\ndef main():\n    args = sys.argv[1:]\n    limit = int(args.pop(0))\n    if limit > 10:\n        print(\"over\")\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "an in-file class's own get() returning converted values",
      code: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = float(v)\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if timeout > 60:\n        print(\"long\")\n    print(cfg.values[\"retries\"] * 2)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "the same fallback, converted before the call",
      code: "import sys\n\nDEFAULT_LIMIT = 90\n\n\nclass Report:\n    def __init__(self):\n        self.mounts = [(\"/\", 50), (\"/home\", 95)]\n\n    def over(self, limit):\n        return [m for m, pct in self.mounts if pct >= limit]\n\n\ndef main():\n    limit = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LIMIT\n    print(Report().over(limit))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "a dataclass field read through self in its own method, built from split text by a classmethod",
      code: "import sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Trade:\n    symbol: str\n    qty: int\n    price: float\n\n    @classmethod\n    def from_line(cls, line):\n        s, q, p = line.split(\",\")\n        return cls(s, q, p)\n\n    def is_big(self):\n        return self.price > 100\n\n\ndef load(path):\n    with open(path) as f:\n        return [Trade.from_line(l) for l in f]\n\n\nprint([t for t in load(sys.argv[1]) if t.is_big()])\n",
      today: "missed by the v2 engine before this round (a flow class found by probing beyond the holdout)",
      errors: [{ messageId: "MW103", line: 17, column: 16, endLine: 17, endColumn: 32 }],
      output: "import sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Trade:\n    symbol: str\n    qty: int\n    price: float\n\n    @classmethod\n    def from_line(cls, line):\n        s, q, p = line.split(\",\")\n        return cls(s, q, p)\n\n    def is_big(self):\n        return float(self.price) > 100\n\n\ndef load(path):\n    with open(path) as f:\n        return [Trade.from_line(l) for l in f]\n\n\nprint([t for t in load(sys.argv[1]) if t.is_big()])\n"
    },
    {
      name: "an argument taken off sys.argv with list.pop(0), compared with a number",
      code: "import sys\n\n\ndef main():\n    args = sys.argv[1:]\n    limit = args.pop(0)\n    if limit > 10:\n        print(\"over\")\n",
      today: "missed by the v2 engine before this round (a flow class found by probing beyond the holdout)",
      errors: [{ messageId: "MW103", line: 7, column: 8, endLine: 7, endColumn: 18 }],
      output: "import sys\n\n\ndef main():\n    args = sys.argv[1:]\n    limit = args.pop(0)\n    if float(limit) > 10:\n        print(\"over\")\n"
    },
    {
      name: "an in-file class's own get() (not dict.get) returning parsed text",
      code: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = v.strip()\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if timeout > 60:\n        print(\"long\")\n    print(cfg.values[\"retries\"] * 2)\n",
      today: "missed by the v2 engine before this round (a flow class found by probing beyond the holdout)",
      errors: [{ messageId: "MW103", line: 20, column: 8, endLine: 20, endColumn: 20 }],
      output: "import sys\n\n\nclass Config:\n    def __init__(self, path):\n        self.values = {}\n        with open(path) as f:\n            for line in f:\n                k, _, v = line.partition(\"=\")\n                self.values[k.strip()] = v.strip()\n\n\n    def get(self, key, default=None):\n        return self.values.get(key, default)\n\n\ndef main():\n    cfg = Config(sys.argv[1])\n    timeout = cfg.get(\"timeout\", 30)\n    if float(timeout) > 60:\n        print(\"long\")\n    print(cfg.values[\"retries\"] * 2)\n"
    },
    {
      name: "a method parameter given sys.argv text or a constant default, compared with numbers",
      code: "import sys\n\nDEFAULT_LIMIT = 90\n\n\nclass Report:\n    def __init__(self):\n        self.mounts = [(\"/\", 50), (\"/home\", 95)]\n\n    def over(self, limit):\n        return [m for m, pct in self.mounts if pct >= limit]\n\n\ndef main():\n    limit = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_LIMIT\n    print(Report().over(limit))\n",
      today: "missed by the v2 engine before this round (holdout4-multi flow class)",
      errors: [{ messageId: "MW103", line: 11, column: 48, endLine: 11, endColumn: 60 }],
      output: "import sys\n\nDEFAULT_LIMIT = 90\n\n\nclass Report:\n    def __init__(self):\n        self.mounts = [(\"/\", 50), (\"/home\", 95)]\n\n    def over(self, limit):\n        return [m for m, pct in self.mounts if pct >= float(limit)]\n\n\ndef main():\n    limit = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_LIMIT\n    print(Report().over(limit))\n"
    }
  ]
});

// Seventh blind holdout (events_by_type.py, a tuning set since): a Counter holds counts, so the pairs of
// `most_common()` (like `items()`) are (key, number), and argv text compared with a count is MW103.
ruleTester('MW103', {
  valid: [
    {
      name: "a converted limit compared with a Counter's counts",
      code: "import sys\nfrom collections import Counter\n\nlimit = int(sys.argv[2])\ncounts = Counter(open(sys.argv[1]).read().split())\nfor word, n in counts.most_common(10):\n    if n >= limit:\n        print(word)\n",
      today: "silent before too: look-alike guard"
    },
    {
      name: "a Counter built from a mapping copies its values, which may be text",
      code: "import sys\nfrom collections import Counter\n\nlimit = sys.argv[2]\ncounts = Counter({\"a\": sys.argv[3]})\nfor word, n in counts.most_common():\n    if n >= limit:\n        print(word)\n",
      today: "silent before too: text against unknown is not reported"
    }
  ],
  invalid: [
    {
      name: "argv text (unpacked from a tuple) compared with the counts of most_common()",
      code: "import sys\nfrom collections import Counter\n\npath, limit = sys.argv[1], sys.argv[2]\ncounts = Counter()\nfor line in open(path):\n    counts[line.split()[0]] += 1\nfor kind, n in counts.most_common():\n    if n >= limit:\n        print(kind)\n",
      today: "missed before: most_common() was not modelled",
      errors: [{ messageId: "MW103", line: 9, column: 8, endLine: 9, endColumn: 18 }],
      output: "import sys\nfrom collections import Counter\n\npath, limit = sys.argv[1], sys.argv[2]\ncounts = Counter()\nfor line in open(path):\n    counts[line.split()[0]] += 1\nfor kind, n in counts.most_common():\n    if n >= float(limit):\n        print(kind)\n"
    },
    {
      name: "argv text compared with a count of Counter(iterable)",
      code: "import sys\nfrom collections import Counter\n\nlimit = sys.argv[2]\ncounts = Counter(open(sys.argv[1]).read().split())\nif counts[\"x\"] >= limit:\n    print(\"x\")\n",
      today: "missed before: only an empty Counter() was known to hold counts",
      errors: [{ messageId: "MW103", line: 6, column: 4, endLine: 6, endColumn: 24 }],
      output: "import sys\nfrom collections import Counter\n\nlimit = sys.argv[2]\ncounts = Counter(open(sys.argv[1]).read().split())\nif counts[\"x\"] >= float(limit):\n    print(\"x\")\n"
    }
  ]
});

// The previous turn's value of a name set to None before its loop (holdout8 f08_git_churn), and a number against
// an operand of unknown type under an operator str does not have (`(now - p.stat().st_mtime) / 86400`, holdout8
// f10_backup_prune): both tuning sets by now.
ruleTester('MW103', {
  valid: [
    {
      name: "the previous turn's value is converted",
      code: "import sys\n\n\ndef spikes(path):\n    prev = None\n    for line in open(path):\n        reading = float(line.split(\",\")[1])\n        if prev is not None and prev > 100:\n            print(\"spike after\", prev)\n        prev = reading\n\n\nspikes(sys.argv[1])\n",
      today: "silent before too: look-alike guard"
    },
    {
      name: "a text binding after the loop does not reach the comparison inside it",
      code: "import sys\n\n\ndef spikes(path):\n    prev = None\n    line = \"\"\n    for line in open(path):\n        if prev is not None and prev > 100:\n            print(\"spike after\", prev)\n        prev = float(line.split(\",\")[1])\n    prev = line.split(\",\")[0]\n    print(prev)\n\n\nspikes(sys.argv[1])\n",
      today: "silent before too: guard, only bindings in a loop around the read carry over"
    },
    {
      name: "None set again at the top of every turn: the later binding never reaches the read",
      code: "import sys\n\n\ndef spikes(path):\n    for line in open(path):\n        prev = None\n        if prev is not None and prev > 100:\n            print(\"never\", prev)\n        prev = line.split(\",\")[1]\n        print(prev)\n\n\nspikes(sys.argv[1])\n",
      today: "silent before too: guard (fired on a first version of the loop-carried value)"
    },
    {
      name: "the limit read from the environment is converted",
      code: "import os\nimport time\nfrom pathlib import Path\n\nMAX_AGE = float(os.environ.get(\"MAX_AGE_DAYS\", \"30\"))\n\n\ndef age_days(path, now):\n    return (now - path.stat().st_mtime) / 86400\n\n\ndef stale(folder):\n    now = time.time()\n    return [p for p in Path(folder).iterdir() if age_days(p, now) > MAX_AGE]\n",
      today: "silent before too: look-alike guard"
    },
    {
      name: "an unknown operand repeated by a number may be a str (`*` is not a numeric-only operator)",
      code: "import os\n\nLABEL = os.environ.get(\"LABEL\", \"-\")\n\n\ndef wider(sep):\n    return sep * 3 > LABEL\n",
      today: "silent before too: guard"
    }
  ],
  invalid: [
    {
      name: "data text compared with the previous turn's value of a name set to None before the loop",
      code: "import sys\n\n\ndef spikes(path):\n    prev = None\n    for line in open(path):\n        reading = line.split(\",\")[1]\n        if prev is not None and prev > 100:\n            print(\"spike after\", prev)\n        prev = reading\n\n\nspikes(sys.argv[1])\n",
      today: "missed before: the read before the rebinding saw only `prev = None`",
      errors: [{ messageId: "MW103", line: 8, column: 33, endLine: 8, endColumn: 43 }],
      output: "import sys\n\n\ndef spikes(path):\n    prev = None\n    for line in open(path):\n        reading = line.split(\",\")[1]\n        if prev is not None and float(prev) > 100:\n            print(\"spike after\", prev)\n        prev = reading\n\n\nspikes(sys.argv[1])\n"
    },
    {
      name: "an environment value compared with a helper's `(now - path.stat().st_mtime) / 86400`",
      code: "import os\nimport time\nfrom pathlib import Path\n\nMAX_AGE = os.environ.get(\"MAX_AGE_DAYS\", \"30\")\n\n\ndef age_days(path, now):\n    return (now - path.stat().st_mtime) / 86400\n\n\ndef stale(folder):\n    now = time.time()\n    return [p for p in Path(folder).iterdir() if age_days(p, now) > MAX_AGE]\n",
      today: "missed before: a number minus an attribute of unknown type was unknown",
      errors: [{ messageId: "MW103", line: 14, column: 50, endLine: 14, endColumn: 76 }],
      output: "import os\nimport time\nfrom pathlib import Path\n\nMAX_AGE = os.environ.get(\"MAX_AGE_DAYS\", \"30\")\n\n\ndef age_days(path, now):\n    return (now - path.stat().st_mtime) / 86400\n\n\ndef stale(folder):\n    now = time.time()\n    return [p for p in Path(folder).iterdir() if age_days(p, now) > float(MAX_AGE)]\n"
    }
  ]
});

// Flow classes found by an adversarial probe audit (sets, dict displays reached by unpacking, setdefault(k, {})[j],
// cls(...) factories, list repetition/concatenation, **mapping records, subclasses, keyword-only parameters,
// whole text returned by a helper): each invalid case was silent on the engine before it.
ruleTester('MW103', {
  valid: [
    {
      name: "a dataclass built from ** of a dict of converted values",
      code: "import re\nfrom dataclasses import dataclass\n\nPAT = re.compile(r\"(?P<host>\\S+) (?P<size>\\d+)\")\n\n\n@dataclass\nclass Hit:\n    host: str\n    size: int\n\n\ndef parse(path):\n    hits = []\n    with open(path) as f:\n        for line in f:\n            m = PAT.match(line)\n            if m:\n                hits.append(Hit(**{\"host\": m[\"host\"], \"size\": int(m[\"size\"])}))\n    return hits\n\n\ndef big(hits):\n    return [h for h in hits if h.size > 10_000]\n\n\nprint(big(parse(\"access.log\")))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a keyword-only parameter given converted text; a positional one after * is never bound by position",
      code: "import sys\n\n\ndef over(value, *, limit):\n    return value > limit\n\n\ndef capped(value, *, limit=10):\n    return limit > 5\n\n\ndef main(path):\n    with open(path) as f:\n        for line in f:\n            print(over(3.5, limit=float(line.split()[1])), capped(line.split()[0]))\n\n\nmain(sys.argv[1])\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a dataclass built from **match.groupdict(), its field compared with a number",
      code: "import re\nfrom dataclasses import dataclass\n\nPAT = re.compile(r\"(?P<host>\\S+) (?P<size>\\d+)\")\n\n\n@dataclass\nclass Hit:\n    host: str\n    size: int\n\n\ndef parse(path):\n    hits = []\n    with open(path) as f:\n        for line in f:\n            m = PAT.match(line)\n            if m:\n                hits.append(Hit(**m.groupdict()))\n    return hits\n\n\ndef big(hits):\n    return [h for h in hits if h.size > 10_000]\n\n\nprint(big(parse(\"access.log\")))\n",
      today: "missed (also by the engine before the flow-class audit)",
      errors: [{ messageId: "MW103", line: 24, column: 32, endLine: 24, endColumn: 47 }],
      output: "import re\nfrom dataclasses import dataclass\n\nPAT = re.compile(r\"(?P<host>\\S+) (?P<size>\\d+)\")\n\n\n@dataclass\nclass Hit:\n    host: str\n    size: int\n\n\ndef parse(path):\n    hits = []\n    with open(path) as f:\n        for line in f:\n            m = PAT.match(line)\n            if m:\n                hits.append(Hit(**m.groupdict()))\n    return hits\n\n\ndef big(hits):\n    return [h for h in hits if float(h.size) > 10_000]\n\n\nprint(big(parse(\"access.log\")))\n"
    },
    {
      name: "a keyword-only parameter (after a bare *) given split text at its call site",
      code: "import sys\n\n\ndef over(value, *, limit):\n    return value > limit\n\n\ndef main(path):\n    with open(path) as f:\n        for line in f:\n            print(over(3.5, limit=line.split()[1]))\n\n\nmain(sys.argv[1])\n",
      today: "missed (also by the engine before the flow-class audit)",
      errors: [{ messageId: "MW103", line: 5, column: 12, endLine: 5, endColumn: 25 }],
      output: "import sys\n\n\ndef over(value, *, limit):\n    return value > float(limit)\n\n\ndef main(path):\n    with open(path) as f:\n        for line in f:\n            print(over(3.5, limit=line.split()[1]))\n\n\nmain(sys.argv[1])\n"
    }
  ]
});

// Names declared `global`/`nonlocal` and functions nested in functions (probe audit): each invalid case was silent on the
// engine before, and the valid global case was a false alarm there.
ruleTester('MW103', {
  valid: [
    {
      name: "a module-level environment value converted in place by a function that declares it global",
      code: "import os\n\nLIMIT = os.environ.get(\"LIMIT\", \"10\")\n\n\ndef setup():\n    global LIMIT\n    LIMIT = int(LIMIT)\n\n\ndef over(n):\n    return n > LIMIT\n\n\nsetup()\nprint([i for i in range(20) if over(i)])\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      name: "a module-level value set from the environment by a function that declares it global, compared elsewhere",
      code: "import os\n\nLIMIT = None\n\n\ndef setup():\n    global LIMIT\n    LIMIT = os.environ.get(\"LIMIT\", \"10\")\n\n\ndef over(n):\n    return n > LIMIT\n\n\nsetup()\nprint([i for i in range(20) if over(i)])\n",
      today: "missed (also by the engine before the flow-class audit)",
      errors: [{ messageId: "MW103", line: 12, column: 12, endLine: 12, endColumn: 21 }],
      output: "import os\n\nLIMIT = None\n\n\ndef setup():\n    global LIMIT\n    LIMIT = os.environ.get(\"LIMIT\", \"10\")\n\n\ndef over(n):\n    return n > float(LIMIT)\n\n\nsetup()\nprint([i for i in range(20) if over(i)])\n"
    }
  ]
});

// A helper returning `m.group(1) if m else None`: the None branch does not decide the type, as `return None` does
// not (ninth holdout f02, scored blind before this fix).
ruleTester("MW103", {
  valid: [
    {
      name: "the regex group converted inside the conditional expression",
      code: "import re\nimport sys\n\nYEAR_RE = re.compile(r\"(\\d{4})\")\n\n\ndef earliest_year(dated):\n    m = YEAR_RE.search(dated)\n    return int(m.group(1)) if m else None\n\n\ndef old_lines(lines):\n    for line in lines:\n        year = earliest_year(line)\n        if year is not None and year < 1900:\n            print(line)\n\n\nold_lines(open(sys.argv[1]))\n",
      today: "silent before too"
    }
  ],
  invalid: [
    {
      name: "a regex group or None returned by a helper, compared with a number by the caller",
      code: "import re\nimport sys\n\nYEAR_RE = re.compile(r\"(\\d{4})\")\n\n\ndef earliest_year(dated):\n    m = YEAR_RE.search(dated)\n    return m.group(1) if m else None\n\n\ndef old_lines(lines):\n    for line in lines:\n        year = earliest_year(line)\n        if year is not None and year < 1900:\n            print(line)\n\n\nold_lines(open(sys.argv[1]))\n",
      today: "missed: the join of text and None was unknown",
      errors: [{ messageId: "MW103", line: 15, column: 33, endLine: 15, endColumn: 44 }],
      output: "import re\nimport sys\n\nYEAR_RE = re.compile(r\"(\\d{4})\")\n\n\ndef earliest_year(dated):\n    m = YEAR_RE.search(dated)\n    return m.group(1) if m else None\n\n\ndef old_lines(lines):\n    for line in lines:\n        year = earliest_year(line)\n        if year is not None and float(year) < 1900:\n            print(line)\n\n\nold_lines(open(sys.argv[1]))\n"
    }
  ]
});

// One value compared several times (public repositories, round 10: `flag = input()` then `if flag == 1: …
// elif flag == 2: … elif flag == 3:` gave three findings for one mistake). Reported once, at the first
// comparison, whose message lists the others; other values, and the same name in another function, still
// get their own finding.
ruleTester("MW103", {
  valid: [],
  invalid: [
    {
      name: "one input() value compared with 1, 2 and 3 in an if/elif chain: one finding, at the first",
      code: "def main():\n    flag = input(\"which? \")\n    if flag == 1:\n        print(\"one\")\n    elif flag == 2:\n        print(\"two\")\n    elif flag == 3:\n        print(\"three\")\n\n\nmain()\n",
      today: "reported three times on 6afeb35 (lines 3, 5 and 7)",
      errors: [{ messageId: "MW103", line: 3, column: 8, endLine: 3, endColumn: 17 }],
      output: "def main():\n    flag = input(\"which? \")\n    if float(flag) == 1:\n        print(\"one\")\n    elif flag == 2:\n        print(\"two\")\n    elif flag == 3:\n        print(\"three\")\n\n\nmain()\n"
    },
    {
      name: "the same field compared twice per line of a log, at module level: one finding",
      code: "import sys\n\nfor line in open(sys.argv[1]):\n    parts = line.split()\n    if parts[8] >= 500:\n        print(\"error\", line)\n    elif parts[8] >= 400:\n        print(\"client\", line)\n",
      today: "reported twice on 6afeb35 (lines 5 and 7)",
      errors: [{ messageId: "MW103", line: 5, column: 8, endLine: 5, endColumn: 23 }],
      output: "import sys\n\nfor line in open(sys.argv[1]):\n    parts = line.split()\n    if float(parts[8]) >= 500:\n        print(\"error\", line)\n    elif parts[8] >= 400:\n        print(\"client\", line)\n"
    },
    {
      name: "look-alike: two different values, each compared once, stay two findings",
      code: "def main():\n    a = input(\"a? \")\n    b = input(\"b? \")\n    if a == 1:\n        print(\"a\")\n    if b == 1:\n        print(\"b\")\n\n\nmain()\n",
      today: "found before too: guard (two values, two mistakes)",
      errors: [
        { messageId: "MW103", line: 4, column: 8, endLine: 4, endColumn: 14 },
        { messageId: "MW103", line: 6, column: 8, endLine: 6, endColumn: 14 }
      ],
      output: "def main():\n    a = input(\"a? \")\n    b = input(\"b? \")\n    if float(a) == 1:\n        print(\"a\")\n    if float(b) == 1:\n        print(\"b\")\n\n\nmain()\n"
    },
    {
      name: "look-alike: the same name read by input() in two functions is two values: two findings",
      code: "def full():\n    kind = input(\"1 or 2? \")\n    if kind == 1:\n        print(\"full\")\n\n\ndef short():\n    kind = input(\"1 or 2? \")\n    if kind == 1:\n        print(\"short\")\n\n\nfull()\nshort()\n",
      today: "found before too: guard (WikipediaModule.py in geekcomputers/Python, round 11)",
      errors: [
        { messageId: "MW103", line: 3, column: 8, endLine: 3, endColumn: 17 },
        { messageId: "MW103", line: 9, column: 8, endLine: 9, endColumn: 17 }
      ],
      output: "def full():\n    kind = input(\"1 or 2? \")\n    if float(kind) == 1:\n        print(\"full\")\n\n\ndef short():\n    kind = input(\"1 or 2? \")\n    if float(kind) == 1:\n        print(\"short\")\n\n\nfull()\nshort()\n"
    }
  ]
});

// Twentieth holdout (f03_post_office.py:62): a dict whose entries are in-file class instances, updated through a
// method whose name is also a container fill (`days[k].add(txn, rate)`, `d[k].append(x)`), was taken for a dict of
// sets/lists, so its entries, what the method's parameters receive and the fields it fills were all unknown.
ruleTester('MW103', {
  valid: [
    {
      name: "look-alike: the entries' method keeps the text and the limit is text too (text compared with text)",
      code: "import argparse\nimport sys\n\n\nclass Day:\n    def __init__(self, name):\n        self.name = name\n        self.waits = []\n\n    def add(self, wait):\n        self.waits.append(wait)\n\n\ndef build(lines):\n    days = {}\n    for line in lines:\n        name, wait = line.split(\",\")\n        if name not in days:\n            days[name] = Day(name)\n        days[name].add(wait)\n    return days\n\n\ndef main():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--limit\", default=\"10\")\n    args = ap.parse_args()\n    for day in build(sys.stdin).values():\n        worst = max(day.waits)\n        if worst > args.limit:\n            print(day.name)\n\n\nmain()\n",
      today: "silent before too: guard (now MW104 sees max() over the stored text)"
    },
    {
      name: "look-alike: entries that are real sets, filled by set.add with converted numbers",
      code: "import sys\n\n\ndef build(lines):\n    days = {}\n    for line in lines:\n        name, wait = line.split(\",\")\n        if name not in days:\n            days[name] = set()\n        days[name].add(float(wait))\n    return days\n\n\nlimit = float(input(\"limit? \"))\nfor name, waits in build(sys.stdin).items():\n    if max(waits) > limit:\n        print(name)\n",
      today: "silent before too: guard (a real fill of numbers)"
    }
  ],
  invalid: [
    {
      name: "entries are instances whose `add(value, note)` method appends the converted value; the max is compared with an argparse option without type=",
      code: "import argparse\nimport sys\n\n\nclass Day:\n    def __init__(self, name):\n        self.name = name\n        self.waits = []\n\n    def add(self, wait, note):\n        self.waits.append(wait)\n\n\ndef build(lines):\n    days = {}\n    for line in lines:\n        name, wait = line.split(\",\")\n        if name not in days:\n            days[name] = Day(name)\n        days[name].add(float(wait), \"x\")\n    return days\n\n\ndef main():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--limit\", default=10)\n    args = ap.parse_args()\n    for day in build(sys.stdin).values():\n        worst = max(day.waits)\n        if worst > args.limit:\n            print(day.name)\n\n\nmain()\n",
      today: "missed on 76b2fc9 (the entries' method call was read as set.add)",
      errors: [{ messageId: "MW103", line: 30, column: 12, endLine: 30, endColumn: 30 }],
      output: "import argparse\nimport sys\n\n\nclass Day:\n    def __init__(self, name):\n        self.name = name\n        self.waits = []\n\n    def add(self, wait, note):\n        self.waits.append(wait)\n\n\ndef build(lines):\n    days = {}\n    for line in lines:\n        name, wait = line.split(\",\")\n        if name not in days:\n            days[name] = Day(name)\n        days[name].add(float(wait), \"x\")\n    return days\n\n\ndef main():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--limit\", default=10)\n    args = ap.parse_args()\n    for day in build(sys.stdin).values():\n        worst = max(day.waits)\n        if worst > float(args.limit):\n            print(day.name)\n\n\nmain()\n"
    },
    {
      name: "entries are instances whose one-argument `append` method converts and stores; their max is compared with input()",
      code: "import sys\n\n\nclass Tally:\n    def __init__(self):\n        self.amounts = []\n\n    def append(self, amount):\n        self.amounts.append(float(amount))\n\n\ndef tally(lines):\n    by_shop = {}\n    for line in lines:\n        shop, amount = line.split(\",\")\n        if shop not in by_shop:\n            by_shop[shop] = Tally()\n        by_shop[shop].append(amount)\n    return by_shop\n\n\nlimit = input(\"limit? \")\nfor shop, t in tally(sys.stdin).items():\n    biggest = max(t.amounts)\n    if biggest > limit:\n        print(shop)\n",
      today: "missed on 76b2fc9 (the entries' method call was read as list.append)",
      errors: [{ messageId: "MW103", line: 25, column: 8, endLine: 25, endColumn: 23 }],
      output: "import sys\n\n\nclass Tally:\n    def __init__(self):\n        self.amounts = []\n\n    def append(self, amount):\n        self.amounts.append(float(amount))\n\n\ndef tally(lines):\n    by_shop = {}\n    for line in lines:\n        shop, amount = line.split(\",\")\n        if shop not in by_shop:\n            by_shop[shop] = Tally()\n        by_shop[shop].append(amount)\n    return by_shop\n\n\nlimit = input(\"limit? \")\nfor shop, t in tally(sys.stdin).items():\n    biggest = max(t.amounts)\n    if biggest > float(limit):\n        print(shop)\n"
    }
  ]
});
