// MW103 text-number-comparison: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  valid: [
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
