// MW201 csv-rows-kept-as-text: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW201', {
  valid: [
    {
      name: "a record of an in-file class built field by field, even from unconverted fields, is a new value (the rule text)",
      code: "import csv\nimport sys\nfrom collections import namedtuple\n\nJob = namedtuple(\"Job\", \"name fee\")\n\n\ndef load(path):\n    jobs = []\n    with open(path) as f:\n        for row in csv.reader(f):\n            jobs.append(Job(row[0], row[3]))\n    return jobs\n\n\ndef total(jobs):\n    t = 0\n    for name, fee in jobs:\n        t += fee\n    return t\n\n\nprint(total(load(sys.argv[1])))\n",
      today: "silent before too: pins the rule text's 'a record of a class built field by field is a new value' (the numeric use is MW102's)"
    },
    {
      name: "the same rows and fields, only used as keys",
      code: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\nclass GradeBook:\n    def __init__(self):\n        self.students = {}\n        self.rows = []\n\n    def load(self, path):\n        with open(path, newline=\"\") as f:\n            self.rows = [r for r in csv.DictReader(f) if r.get(\"sid\")]\n        for r in self.rows:\n            st = self.students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = r[\"score\"]\n\n    def names(self):\n        return sorted(k for s in self.students.values() for k in s.scores)\n\n\nbook = GradeBook()\nbook.load(\"grades.csv\")\nprint(book.names())\n",
      today: "silent before too: guard, text used as text"
    }],
  invalid: [
    {
      name: "a tuple display of the row's own fields, kept and later used as a number, is a stored row (the rule text)",
      code: "import csv\nimport sys\n\n\ndef load(path):\n    jobs = []\n    with open(path) as f:\n        for row in csv.reader(f):\n            jobs.append((row[0], row[3]))\n    return jobs\n\n\ndef total(jobs):\n    t = 0\n    for name, fee in jobs:\n        t += fee\n    return t\n\n\nprint(total(load(sys.argv[1])))\n",
      today: "found before too: pins the rule text, which the seventeenth holdout's one-file writer read the other way (locksmith_jobs.py:12)",
      errors: [
        {
          messageId: "MW201",
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 33
        }
      ]
    },
    {
      name: "DictReader rows kept in self.rows, their fields stored into a dataclass dict field, aggregated as numbers in another method",
      code: "import csv\nfrom dataclasses import dataclass, field\n\n\n@dataclass\nclass Student:\n    sid: str\n    scores: dict = field(default_factory=dict)\n\n\nclass GradeBook:\n    def __init__(self):\n        self.students = {}\n        self.rows = []\n\n    def load(self, path):\n        with open(path, newline=\"\") as f:\n            self.rows = [r for r in csv.DictReader(f) if r.get(\"sid\")]\n        for r in self.rows:\n            st = self.students.setdefault(r[\"sid\"], Student(r[\"sid\"]))\n            st.scores[r[\"component\"]] = r[\"score\"]\n\n    def curve(self):\n        finals = [s.scores[\"final\"] for s in self.students.values()]\n        return 100 - float(max(finals))\n\n\nbook = GradeBook()\nbook.load(\"grades.csv\")\nprint(book.curve())\n",
      today: "missed (holdout5 f05)",
      errors: [
        {
          messageId: "MW201",
          line: 18,
          column: 37,
          endLine: 18,
          endColumn: 54
        }
      ]
    },
    {
      name: "csv.DictReader rows of a `Path.open()` kept in a list, a field compared in another function",
      code: "import csv\nfrom pathlib import Path\n\n\ndef load_orders(path: Path) -> list[dict]:\n    rows = []\n    with path.open(newline=\"\", encoding=\"utf-8\") as f:\n        for row in csv.DictReader(f):\n            rows.append(row)\n    return rows\n\n\ndef expensive(rows: list[dict]) -> list[dict]:\n    return [r for r in rows if r[\"unit_price\"] > 5000]\n\n\ndef run(data_dir: Path) -> None:\n    expensive(load_orders(data_dir / \"orders.csv\"))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW201",
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 37
        }
      ]
    },
    {
      name: "rows kept, then a bare pstdev over a field",
      code: "import csv\nfrom statistics import pstdev\n\nrows = []\nwith open(\"t.csv\") as f:\n    for row in csv.reader(f):\n        rows.append(row)\nprint(pstdev([r[1] for r in rows]))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW201",
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 29
        }
      ]
    }
  ]
});

// Seventh blind holdout (stock_moves_join.py, a tuning set since): `d[key] = row` keeps the row, like
// `rows.append(row)`.
ruleTester('MW201', {
  valid: [
    {
      name: "a single field stored per key and converted at use is not a kept row",
      code: "import csv\nimport sys\n\nprices = {}\nwith open(sys.argv[1], newline=\"\") as fh:\n    for row in csv.reader(fh):\n        prices[row[0]] = row[2]\nprint(sum(float(p) for p in prices.values()))\n",
      today: "silent before too: look-alike guard (a lone field is MW1xx's, not MW201's)"
    }
  ],
  invalid: [
    {
      name: "rows stored in a dict by key, a field converted later",
      code: "import csv\nimport sys\n\nprices = {}\nwith open(sys.argv[1], newline=\"\") as fh:\n    for row in csv.reader(fh, delimiter=\"\\t\"):\n        prices[row[0]] = row\nvalue = 0.0\nfor sku in sys.argv[2:]:\n    value += 2 * float(prices[sku][2])\nprint(value)\n",
      today: "missed before: a dict store did not mark the row as kept",
      errors: [{ messageId: "MW201", line: 6, column: 16, endLine: 6, endColumn: 46 }]
    }
  ]
});

// A class constructed from hot code (`StockLine(row)` in a function given the rows) runs `__init__` on the data:
// the fast path left `__init__` out of hot code, so the only numeric use sat outside it (ninth holdout f05).
ruleTester('MW201', {
  valid: [
    {
      name: "the rows converted while reading; __init__ only copies the number",
      code: "import csv\nimport sys\n\n\nclass StockLine:\n    def __init__(self, row):\n        self.name = row[2]\n        self.on_hand = row[3]\n\n    def low(self):\n        return self.on_hand < 5\n\n\ndef read_stock(path):\n    with open(path, newline=\"\") as fh:\n        rows = []\n        for row in csv.reader(fh):\n            rows.append(row[:3] + [int(row[3])])\n    return rows\n\n\ndef check(rows):\n    return [StockLine(row) for row in rows]\n\n\ndef main():\n    rows = read_stock(sys.argv[1])\n    lines = check(rows)\n    print(sum(1 for x in lines if x.low()), len(rows))\n\n\nmain()\n",
      today: "silent before too"
    }
  ],
  invalid: [
    {
      name: "rows returned by a reader, each passed to a class whose __init__ converts a field",
      code: "import csv\nimport sys\n\n\nclass StockLine:\n    def __init__(self, row):\n        self.name = row[2]\n        self.on_hand = int(row[3])\n\n    def low(self):\n        return self.on_hand < 5\n\n\ndef read_stock(path):\n    with open(path, newline=\"\") as fh:\n        rows = []\n        for row in csv.reader(fh):\n            rows.append(row)\n    return rows\n\n\ndef check(rows):\n    return [StockLine(row) for row in rows]\n\n\ndef main():\n    rows = read_stock(sys.argv[1])\n    lines = check(rows)\n    print(sum(1 for x in lines if x.low()), len(rows))\n\n\nmain()\n",
      today: "missed by the fast path (exhaustive mode found it)",
      errors: [{ messageId: "MW201", line: 17, column: 20, endLine: 17, endColumn: 34 }]
    }
  ]
});

// A row copied whole into a record (`Fill(*row)`, `Rec(**rec)`) and kept is still the row with every field as text;
// a record built field by field is a new value (thirteenth holdout crypto_trades.py, eleventh top_scorers.py).
ruleTester('MW201', {
  valid: [
    {
      name: "look-alike: the record built field by field, the number converted",
      code: "import csv\nfrom collections import namedtuple\n\nFill = namedtuple(\"Fill\", \"pair price\")\n\n\ndef read_fills(path):\n    with open(path, newline=\"\") as f:\n        reader = csv.reader(f)\n        return [Fill(row[0], float(row[1])) for row in reader]\n\n\nfills = read_fills(\"fills.csv\")\nprint(sum(x.price for x in fills) / 2)\n",
      today: "silent before too"
    }
  ],
  invalid: [
    {
      name: "rows copied whole into namedtuples by `*row`, kept in a list, a field used as a number",
      code: "import csv\nfrom collections import namedtuple\n\nFill = namedtuple(\"Fill\", \"pair price\")\n\n\ndef read_fills(path):\n    with open(path, newline=\"\") as f:\n        reader = csv.reader(f)\n        return [Fill(*row) for row in reader]\n\n\nfills = read_fills(\"fills.csv\")\nprint(fills[0].price * 2)\n",
      today: "missed before: a row copied into a record was not a kept row",
      errors: [{ messageId: "MW201", line: 9, column: 18, endLine: 9, endColumn: 31 }]
    }
  ]
});

// A list filled in place and rebound to a display of its element in the same loop (`batch.append(p)` …
// `batch = [p]`, the batching generator) is a list of those elements either way: its kept rows are still rows
// (thirteenth holdout f08_warehouse_picks.py:14, writer decision 1).
ruleTester('MW201', {
  valid: [
    {
      name: "look-alike: the batched records built field by field, the number converted in the generator",
      code: "import csv\nfrom collections import namedtuple\n\nPick = namedtuple(\"Pick\", \"zone qty\")\n\n\ndef picks(path):\n    with open(path, newline=\"\") as fh:\n        for row in csv.reader(fh):\n            yield Pick(row[0], int(row[1]))\n\n\ndef batches(items, size):\n    batch = []\n    for item in items:\n        batch.append(item)\n        if len(batch) > size:\n            yield batch[:-1]\n            batch = [item]\n    if batch:\n        yield batch\n\n\nfor batch in batches(picks(\"p.csv\"), 40):\n    print(sum(p.qty for p in batch))\n",
      today: "silent before too"
    },
    {
      name: "look-alike: the batched `*row` records, fields only used as text",
      code: "import csv\nfrom collections import namedtuple\n\nPick = namedtuple(\"Pick\", \"zone qty\")\n\n\ndef picks(path):\n    with open(path, newline=\"\") as fh:\n        for row in csv.reader(fh):\n            yield Pick(*row)\n\n\ndef batches(items, size):\n    batch = []\n    for item in items:\n        batch.append(item)\n        if len(batch) > size:\n            yield batch[:-1]\n            batch = [item]\n    if batch:\n        yield batch\n\n\nfor batch in batches(picks(\"p.csv\"), 40):\n    print(sum(len(p.zone) for p in batch))\n",
      today: "silent before too"
    }
  ],
  invalid: [
    {
      name: "`Pick(*row)` records batched by a generator that rebinds the batch to `[item]`, a field used as a number",
      code: "import csv\nfrom collections import namedtuple\n\nPick = namedtuple(\"Pick\", \"zone qty\")\n\n\ndef picks(path):\n    with open(path, newline=\"\") as fh:\n        for row in csv.reader(fh):\n            yield Pick(*row)\n\n\ndef batches(items, size):\n    batch = []\n    for item in items:\n        batch.append(item)\n        if len(batch) > size:\n            yield batch[:-1]\n            batch = [item]\n    if batch:\n        yield batch\n\n\nfor batch in batches(picks(\"p.csv\"), 40):\n    print(sum(int(p.qty) for p in batch))\n",
      today: "missed before: the list rebound to `[item]` joined with the appended list as unknown",
      errors: [{ messageId: "MW201", line: 9, column: 20, endLine: 9, endColumn: 34 }]
    },
    {
      name: "csv rows batched the same way, a field used as a number",
      code: "import csv\nfrom collections import namedtuple\n\nPick = namedtuple(\"Pick\", \"zone qty\")\n\n\ndef picks(path):\n    with open(path, newline=\"\") as fh:\n        for row in csv.reader(fh):\n            yield row\n\n\ndef batches(items, size):\n    batch = []\n    for item in items:\n        batch.append(item)\n        if len(batch) > size:\n            yield batch[:-1]\n            batch = [item]\n    if batch:\n        yield batch\n\n\nfor batch in batches(picks(\"p.csv\"), 40):\n    print(sum(int(p[1]) for p in batch))\n",
      today: "missed before: the list rebound to `[item]` joined with the appended list as unknown",
      errors: [{ messageId: "MW201", line: 9, column: 20, endLine: 9, endColumn: 34 }]
    }
  ]
});

// A whole-row record kept where it is made (`[Dance(*row) for row in reader]`, `recs.append(Rec(**rec))`,
// `t = Rec(*row)` then `recs.append(t)`, `d[k] = Rec(*row)`) keeps the row's text also as the record's own methods
// read it through `self`: a numeric use there is a numeric use of the kept rows (twenty-first holdout
// morris_set_times.py:18). A record made and dropped on each row, or built field by field, is not a kept row.
ruleTester('MW201', {
  valid: [
    {
      name: "look-alike: each `*row` record made, its method used as a number, and dropped",
      code: "import csv\nimport sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Shipment:\n    sku: str\n    weight_kg: float\n    boxes: int\n\n    def total_weight(self):\n        return float(self.weight_kg) * int(self.boxes)\n\n\ntotal = 0\nwith open(sys.argv[1], newline=\"\") as fh:\n    for line in csv.reader(fh):\n        total += Shipment(*line).total_weight()\nprint(total)\n",
      today: "silent before too"
    },
    {
      name: "look-alike: the kept records built field by field with the numbers converted, the method multiplies them",
      code: "import csv\nimport sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Shipment:\n    sku: str\n    weight_kg: float\n    boxes: int\n\n    def total_weight(self):\n        return float(self.weight_kg) * int(self.boxes)\n\n\nwith open(sys.argv[1], newline=\"\") as fh:\n    shipments = [Shipment(line[0], float(line[1]), int(line[2])) for line in csv.reader(fh)]\nprint(sum(s.total_weight() for s in shipments))\n",
      today: "silent before too"
    },
    {
      name: "look-alike: the kept `*row` records, the method only uses the fields as text",
      code: "import csv\nimport sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Shipment:\n    sku: str\n    weight_kg: float\n    boxes: int\n\n    def label(self):\n        return self.sku.upper() + \" x\" + self.boxes\n\n\nwith open(sys.argv[1], newline=\"\") as fh:\n    shipments = [Shipment(*line) for line in csv.reader(fh)]\nprint(\"\\n\".join(s.label() for s in shipments))\n",
      today: "silent before too"
    },
    {
      name: "look-alike: the `*row` record bound to a name, only its text field kept, the method used on the spot",
      code: "import csv\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Loan:\n    member: str\n    days_late: str\n\n    def fine(self):\n        return int(self.days_late) * 0.25\n\n\ndef overdue(path):\n    members = []\n    total = 0\n    with open(path, newline=\"\") as f:\n        for row in csv.reader(f):\n            loan = Loan(*row)\n            members.append(loan.member)\n            total += loan.fine()\n    return members, total\n\n\nprint(overdue(\"loans.csv\"))\n",
      today: "silent before too"
    }
  ],
  invalid: [
    {
      name: "`*row` dataclass records kept by a list comprehension, a method converts and multiplies the fields",
      code: "import csv\nimport sys\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Shipment:\n    sku: str\n    weight_kg: float\n    boxes: int\n\n    def total_weight(self):\n        return float(self.weight_kg) * int(self.boxes)\n\n\nwith open(sys.argv[1], newline=\"\") as fh:\n    shipments = [Shipment(*line) for line in csv.reader(fh)]\nprint(sum(s.total_weight() for s in shipments))\n",
      today: "missed before: a field read through `self` was the construction's unkept text",
      errors: [{ messageId: "MW201", line: 17, column: 46, endLine: 17, endColumn: 60 }]
    },
    {
      name: "`**rec` NamedTuple records appended to a list, a method converts a field",
      code: "import csv\nfrom typing import NamedTuple\n\n\nclass Reading(NamedTuple):\n    station: str\n    celsius: str\n\n    def kelvin(self):\n        return float(self.celsius) + 273.15\n\n\ndef load(path):\n    readings = []\n    with open(path, newline=\"\") as f:\n        for rec in csv.DictReader(f):\n            readings.append(Reading(**rec))\n    return readings\n\n\nfor r in load(\"temps.csv\"):\n    print(r.station, r.kelvin())\n",
      today: "missed before: a field read through `self` was the construction's unkept text",
      errors: [{ messageId: "MW201", line: 16, column: 20, endLine: 16, endColumn: 37 }]
    },
    {
      name: "a `*row` record bound to a name, then appended in the same loop, a method converts a field",
      code: "import csv\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Loan:\n    member: str\n    days_late: str\n\n    def fine(self):\n        return int(self.days_late) * 0.25\n\n\ndef overdue(path):\n    loans = []\n    with open(path, newline=\"\") as f:\n        for row in csv.reader(f):\n            loan = Loan(*row)\n            loans.append(loan)\n    return loans\n\n\nprint(sum(l.fine() for l in overdue(\"loans.csv\")))\n",
      today: "missed before: a field read through `self` was the construction's unkept text",
      errors: [{ messageId: "MW201", line: 17, column: 20, endLine: 17, endColumn: 33 }]
    },
    {
      name: "`*row` records stored by key, a method converts a field",
      code: "import csv\nimport sys\nfrom typing import NamedTuple\n\n\nclass Part(NamedTuple):\n    code: str\n    stock: int\n\n    def value(self, price):\n        return int(self.stock) * price\n\n\nparts = {}\nwith open(sys.argv[1], newline=\"\") as f:\n    for row in csv.reader(f):\n        parts[row[0]] = Part(*row)\nprint(sum(p.value(2.5) for p in parts.values()))\n",
      today: "missed before: a field read through `self` was the construction's unkept text",
      errors: [{ messageId: "MW201", line: 16, column: 16, endLine: 16, endColumn: 29 }]
    }
  ]
});

// Twenty-third holdout (tile_defects.py:10; a tuning set since): a lone field kept in a group's list is no stored row
// when the groups are copied later (`sorted(by.items())` holds each list inside a pair); a value keeps how it was
// first stored. The look-alike appends whole rows to the groups and stays reported.
ruleTester('MW201', {
  valid: [
    {
      name: "lone fields grouped in a defaultdict, the groups sorted by key",
      code: "import csv\nimport sys\nfrom collections import defaultdict\n\n\ndef cracked_by_press(path):\n    by_press = defaultdict(list)\n    with open(path, newline=\"\") as fh:\n        for row in csv.DictReader(fh):\n            by_press[row[\"press\"]].append(row[\"cracked\"])\n    return by_press\n\n\ndef report(by_press):\n    for press, cracked in sorted(by_press.items()):\n        print(press, sum(cracked), max(cracked))\n\n\nreport(cracked_by_press(sys.argv[1]))\n",
      today: "false MW201 at 9:20 on 8971552 (and f3946bd)"
    }
  ],
  invalid: [
    {
      name: "look-alike: whole rows grouped, the groups sorted by key",
      code: "import csv\nimport sys\nfrom collections import defaultdict\n\n\ndef rows_by_press(path):\n    by_press = defaultdict(list)\n    with open(path, newline=\"\") as fh:\n        for row in csv.DictReader(fh):\n            by_press[row[\"press\"]].append(row)\n    return by_press\n\n\ndef report(by_press):\n    for press, rows in sorted(by_press.items()):\n        print(press, sum(r[\"cracked\"] for r in rows))\n\n\nreport(rows_by_press(sys.argv[1]))\n",
      today: "reported on f3946bd too: look-alike guard",
      errors: [{ messageId: "MW201", line: 9, column: 20, endLine: 9, endColumn: 38 }]
    }
  ]
});
