// MW303 list-of-file: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/list-of-file.ts): "csv.reader
// over one line of text", "csv.reader over a tuple of two lines". Every other case passes on 3ae019f and is a
// regression guard.
// On 27cfc42, before the v2 analysis, 2 of the 24 failed (`today` says how): "csv.reader over one line of text",
// "csv.reader over a tuple of two lines".
//
// Four invalid cases ("a reader kept in a variable first", "a file handle returned by a helper", "a parameter whose
// call site passes an open file", "a file kept on self and listed in another method") returned the list to no
// caller, or to a method's unseen callers; that is now silent (see the returned-list cases at the end), so they
// keep their flow but end in a caller's single pass or a len().
//
// Not covered (needs the facts layer, handed on): `list(fileinput.input())`. (`log = Path("logs") / "app.log"` then
// `with log.open() as f: lines = list(f)`, once listed here, is reported since 35533bd at least.)
import * as assert from 'assert';
import { pythonLinter } from '../../../../../extension/src/core/lint/python/index';
import { ruleTester } from '../ruleTester';

ruleTester('MW303', {
  valid: [
    {
      name: "rows transposed inside the list() call (list(zip(*csv.reader(f))))",
      code: "import csv\n\ndef distinct_counts(path):\n    with open(path) as f:\n        columns = list(zip(*csv.reader(f)))\n    return {name: len(set(cells)) for name, *cells in columns}\n\nprint(distinct_counts(\"a.csv\"))\n",
      today: "reported on 0a4f645 (tenth holdout column_profile.py:11, a false alarm): the splat already needs every row"
    },
    {
      name: "rows sampled past the header (random.sample(rows[1:], k))",
      code: "import csv\nimport random\n\ndef sample_rows(path, k=5):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    return random.sample(rows[1:], min(k, len(rows) - 1))\n\nprint(sample_rows(\"a.csv\"))\n",
      today: "reported on 0a4f645 (tenth holdout column_profile.py:17, a false alarm): sampling needs the whole list"
    },
    {
      name: "a noqa on the line silences it",
      code: "with open(\"app.log\") as f:\n    lines = list(f)  # noqa: MW303\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "list() of a range",
      code: "nums = list(range(10))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "list() of a dict's items",
      code: "d = {\"a\": 1}\npairs = list(d.items())\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "list() of a list of converted rows",
      code: "import csv\n\nwith open(\"data.csv\") as f:\n    totals = [float(r[1]) for r in csv.reader(f)]\ncopy = list(totals)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "csv.reader over one line of text",
      code: "import csv\n\ndef parse(line):\n    return list(csv.reader([line]))[0]\n",
      today: "false alarm"
    },
    {
      name: "iterating the reader directly",
      code: "import csv\n\nwith open(\"data.csv\") as f:\n    for row in csv.reader(f):\n        print(row[0])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "list() of a split line",
      code: "def fields(line):\n    return list(line.split(\",\"))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a parameter whose call site passes a list",
      code: "def copy(items):\n    return list(items)\n\ncopy([1, 2, 3])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "csv.reader over a tuple of two lines",
      code: "import csv\n\nrows = list(csv.reader((\"a,b\", \"1,2\")))\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      name: "a slice past the header walked once is still reported (look-alike of the sampled rows)",
      code: "import csv\n\ndef total(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    n = 0\n    for r in rows[1:]:\n        n += 1\n    return n\n\nprint(total(\"a.csv\"))\n",
      today: "reported before too: kept as a guard",
      errors: [{ messageId: "MW303", line: 5, column: 16, endLine: 5, endColumn: 35 }]
    },
    {
      name: "doc example: list(csv.reader(f)) in a with block",
      code: "import csv\n\nwith open(\"data.csv\") as f:\n    rows = list(csv.reader(f))\nfor row in rows:\n    print(row[0])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 4, column: 12, endLine: 4, endColumn: 31 }]
    },
    {
      name: "list() of an open file",
      code: "with open(\"app.log\") as f:\n    lines = list(f)\nprint(len(lines))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 2, column: 13, endLine: 2, endColumn: 20 }]
    },
    {
      name: "list(open(path)) directly",
      code: "lines = list(open(\"app.log\"))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 1, column: 9, endLine: 1, endColumn: 30 }]
    },
    {
      name: "list() of a DictReader",
      code: "import csv\n\nwith open(\"data.csv\", newline=\"\") as f:\n    records = list(csv.DictReader(f))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 4, column: 15, endLine: 4, endColumn: 38 }]
    },
    {
      name: "a reader kept in a variable first",
      code: "import csv\n\ndef load(path):\n    with open(path) as f:\n        reader = csv.reader(f, delimiter=\";\")\n        return list(reader)\n\nfor row in load(\"data.csv\"):\n    print(row[0])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 6, column: 16, endLine: 6, endColumn: 28 }]
    },
    {
      name: "a file handle returned by a helper",
      code: "def opener(path):\n    return open(path, encoding=\"utf-8\")\n\ndef main(path):\n    lines = list(opener(path))\n    print(len(lines))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 5, column: 13, endLine: 5, endColumn: 31 }]
    },
    {
      name: "a parameter whose call site passes an open file",
      code: "def slurp(fh):\n    return list(fh)\n\nwith open(\"app.log\") as f:\n    for line in slurp(f):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 2, column: 12, endLine: 2, endColumn: 20 }]
    },
    {
      name: "a file kept on self and listed in another method",
      code: "class Log:\n    def __init__(self, path):\n        self.fh = open(path)\n\n    def count(self):\n        lines = list(self.fh)\n        print(len(lines))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 6, column: 17, endLine: 6, endColumn: 30 }]
    },
    {
      name: "standard input",
      code: "import sys\n\nlines = list(sys.stdin)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 3, column: 9, endLine: 3, endColumn: 24 }]
    },
    {
      name: "walrus",
      code: "import csv\n\nwith open(\"data.csv\") as f:\n    if (rows := list(csv.reader(f))):\n        print(rows[0])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 4, column: 17, endLine: 4, endColumn: 36 }]
    },
    {
      name: "a noqa for another code does not hide it",
      code: "with open(\"app.log\") as f:\n    lines = list(f)  # noqa: MW301\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 2, column: 13, endLine: 2, endColumn: 20 }]
    },
    {
      name: "list of a generator that yields csv rows",
      code: "import csv\n\ndef rows(path):\n    with open(path) as f:\n        for row in csv.reader(f):\n            yield row\n\ndata = list(rows(\"data.csv\"))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 8, column: 8, endLine: 8, endColumn: 30 }]
    },
    {
      name: "csv.reader over a list of lines read from a file",
      code: "import csv\n\nwith open(\"data.csv\") as f:\n    lines = f.readlines()\nrows = list(csv.reader(lines))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 5, column: 8, endLine: 5, endColumn: 31 }]
    },
    {
      name: "Path(...).open() in a with",
      code: "from pathlib import Path\n\nwith Path(\"app.log\").open() as f:\n    lines = list(f)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 4, column: 13, endLine: 4, endColumn: 20 }]
    },
    {
      name: "a Path variable passed to open()",
      code: "from pathlib import Path\n\nlog = Path(\"app.log\")\nwith open(log) as f:\n    lines = list(f)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW303", line: 5, column: 13, endLine: 5, endColumn: 20 }]
    }
  ]
});

// `for line in list(open(p))` fits MW303 and MW405 alike: one finding, MW303's (rule meta `supersedes`), carrying
// MW405's fix. Blind writers split on it: two earlier holdouts expected MW303, the seventh's so_list_open_loop.py MW405.
describe('MW303 supersedes MW405 on a for loop over list(f)', () => {
  const code = 'import sys\n\nfor line in list(open(sys.argv[1])):\n    print(line)\n';
  const run = async (on: (c: string) => boolean) =>
    (await pythonLinter.lint({ path: 'case.py', text: code, isEnabled: on }, { strict: true })).findings.map((f) => `${f.range.startLine + 1} ${f.rule} ${f.fixes.map((x) => x.title).join('|')}`);
  it('reports MW303 only, with the fix that drops the copy, when both are on', async () => {
    assert.deepStrictEqual(await run((c) => c === 'MW303' || c === 'MW405'), ['3 MW303 Iterate without the list() copy']);
  });
  it('reports MW405 when MW303 is off', async () => {
    assert.deepStrictEqual(await run((c) => c === 'MW405'), ['3 MW405 Iterate without the list() copy']);
  });
});

// Real code (2026-12-06 review of ten public repositories): a list of a file that the code needs whole is not
// MW303's, since "loop over it directly" would be wrong advice there.
ruleTester('MW303', {
  valid: [
    {
      name: "rows transposed into columns through a slice kept in a name",
      code: "import csv\n\nwith open(\"ex.csv\") as f:\n    rows = list(csv.reader(f))\nheader, values = rows[0], rows[1:]\ncols = dict(zip(header, zip(*values)))\nprint(cols)\n",
      today: "reported before (public course code)"
    },
    {
      name: "rows transposed directly",
      code: "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))\nprint(list(zip(*rows)))\n",
      today: "reported before"
    },
    {
      name: "lines shuffled",
      code: "import random\nimport sys\n\nwith open(sys.argv[1]) as f:\n    lines = list(f)\nrandom.shuffle(lines)\nprint(lines[0])\n",
      today: "reported before"
    },
    {
      name: "lines sorted in place",
      code: "import sys\n\nwith open(sys.argv[1]) as f:\n    lines = list(f)\nlines.sort()\nfor line in lines:\n    print(line)\n",
      today: "reported before"
    }
  ],
  invalid: [
    {
      name: "rows kept, then walked twice (still the whole file in a list)",
      code: "import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = list(csv.reader(f))\nprint(len(rows))\nfor r in rows:\n    print(r[0])\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW303", line: 5, column: 12, endLine: 5, endColumn: 31 }]
    }
  ]
});

// Real code (realpython/materials, 2026-12-06 review): a list of a file returned to callers is the function's
// product. MW303 follows a list returned by a module-level function, or by a method whose name is unique in the
// file, into its in-file callers: when every one walks the result once it reports; when one indexes it, takes its
// len(), prints it or walks it twice, or when there is no in-file caller (a reader interface), it stays silent.
ruleTester('MW303', {
  valid: [
    {
      name: "DictReader rows returned and printed whole by the caller (file_reader.py)",
      code: "import csv\nimport sys\n\ndef read_file(path):\n    with open(path) as f:\n        data = list(csv.DictReader(f))\n        return data\n\nprint(read_file(sys.argv[1]))\n",
      today: "reported before (public course code)"
    },
    {
      name: "a reader interface method returning list(DictReader) (readers.py, processors.py)",
      code: "import csv\n\nclass CSVReader:\n    def __init__(self, filename):\n        self.filename = filename\n\n    def read(self):\n        with open(self.filename, newline=\"\") as file:\n            return list(csv.DictReader(file))\n",
      today: "reported before (public course code)"
    },
    {
      name: "returned from a function with no caller in the file",
      code: "import csv\n\ndef load_rows(path):\n    with open(path) as f:\n        return list(csv.reader(f))\n",
      today: "reported before"
    },
    {
      name: "returned, and one caller indexes the rows",
      code: "import csv\nimport sys\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.reader(f))\n\nfor row in load(sys.argv[1]):\n    print(row)\nheader = load(sys.argv[2])[0]\n",
      today: "reported before"
    },
    {
      name: "returned, and the caller takes its len() before walking it",
      code: "import sys\n\ndef lines_of(path):\n    with open(path) as f:\n        return list(f)\n\nlines = lines_of(sys.argv[1])\nprint(len(lines))\nfor line in lines:\n    print(line)\n",
      today: "reported before"
    },
    {
      name: "a method's name is defined twice in the file: its callers are not followed",
      code: "import csv\nimport sys\n\nclass CsvSource:\n    def rows(self, path):\n        with open(path) as f:\n            return list(csv.reader(f))\n\nclass MemorySource:\n    def rows(self, path):\n        return [[path]]\n\nfor r in CsvSource().rows(sys.argv[1]):\n    print(r)\n",
      today: "reported before"
    },
    {
      name: "returned with the header in a tuple",
      code: "import csv\nimport sys\n\ndef load(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    return rows[0], rows\n\nheader, rows = load(sys.argv[1])\nfor r in rows:\n    print(r)\n",
      today: "reported before"
    }
  ],
  invalid: [
    {
      name: "a method's rows walked once by its only in-file caller (Birthday-Manager.py)",
      code: "import csv\n\nclass Birthdays:\n    def __init__(self, filename):\n        self.filename = filename\n\n    def load(self):\n        with open(self.filename) as file:\n            reader = csv.reader(file)\n            next(reader)\n            return list(reader)\n\ndef notify(book):\n    for name, email in book.load():\n        print(name, email)\n",
      today: "found before too: guard (a method's callers are followed)",
      errors: [{ messageId: "MW303", line: 11, column: 20, endLine: 11, endColumn: 32 }]
    },
    {
      name: "returned by a helper whose only caller walks it once",
      code: "import csv\nimport sys\n\ndef load(path):\n    with open(path) as f:\n        return list(csv.reader(f))\n\nfor row in load(sys.argv[1]):\n    print(row[0])\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW303", line: 6, column: 16, endLine: 6, endColumn: 35 }]
    },
    {
      name: "kept in a name, returned, and every caller walks it once",
      code: "import csv\nimport sys\n\ndef load(path):\n    with open(path) as f:\n        rows = list(csv.DictReader(f))\n    return rows\n\ndef total(path):\n    rows = load(path)\n    return sum(float(r[\"amount\"]) for r in rows)\n\nprint(total(sys.argv[1]))\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW303", line: 6, column: 16, endLine: 6, endColumn: 39 }]
    }
  ]
});

// A list returned to callers that only walk it (issue 12, holdout9 f05:31 and ferry_manifest_check:12, holdout h38:7,
// holdout2 b86:15 and b139:20): walked several times one after another, also past its header (`rows[1:]`), directly
// or by the in-file functions it is passed to, with its len() read only after the first walk, is reported as a list kept
// in a local name is. Needed whole (silent): a len() before the walk, a walk inside a loop, an index, or the rows
// rewritten to the path they were read from through a second handle (holdout9 minibar_restock:29; writtenBack.ts).
// "missed"/"false alarm before this change" cases fail on 518ada3.
ruleTester('MW303', {
  "valid": [
    {
      "name": "returned, and its len() is needed before the walk",
      "code": "import csv\nimport sys\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        rows = list(csv.reader(f))\n    return rows\n\n\ndef main():\n    rows = load(sys.argv[1])\n    print(f\"{len(rows) - 1} rows\")\n    for r in rows[1:]:\n        print(r[3])\n",
      "today": "silent before too: guard"
    },
    {
      "name": "returned, and walked once per command-line key (a walk in a loop needs the list)",
      "code": "import csv\nimport sys\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        return list(csv.reader(f))\n\n\ndef matches(rows, key):\n    return [r for r in rows if r[0] == key]\n\n\ndef main():\n    rows = load(sys.argv[1])\n    for key in sys.argv[2:]:\n        print(matches(rows, key))\n",
      "today": "silent before too: guard"
    },
    {
      "name": "returned, and its header row indexed",
      "code": "import csv\nimport sys\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        return list(csv.reader(f))\n\n\ndef main():\n    rows = load(sys.argv[1])\n    header = rows[0]\n    for r in rows[1:]:\n        print(dict(zip(header, r)))\n",
      "today": "silent before too: guard"
    },
    {
      "name": "rows rewritten to the same path through a second handle (holdout9 minibar_restock)",
      "code": "import csv\nimport sys\n\n\ndef pad_rooms(path):\n    with open(path, newline=\"\", encoding=\"utf-8\") as fh:\n        rows = list(csv.reader(fh, delimiter=\";\"))\n    with open(path, \"w\", newline=\"\", encoding=\"utf-8\") as fh:\n        csv.writer(fh, delimiter=\";\").writerows([r[0].zfill(4)] + r[1:] for r in rows)\n\n\npad_rooms(sys.argv[1])\n",
      "today": "false alarm before this change"
    },
    {
      "name": "lines of a path written back with write_text",
      "code": "import sys\nfrom pathlib import Path\n\n\ndef dedupe(p):\n    with p.open() as f:\n        lines = list(f)\n    p.write_text(\"\".join(dict.fromkeys(lines)))\n\n\ndedupe(Path(sys.argv[1]))\n",
      "today": "false alarm before this change"
    }
  ],
  "invalid": [
    {
      "name": "returned, and its caller passes it to two in-file functions that each walk it (holdout9 f05)",
      "code": "import csv\nimport sys\n\n\ndef read_stock(path):\n    with open(path, newline=\"\") as fh:\n        rows = list(csv.reader(fh))\n    return rows\n\n\ndef stock_value(rows):\n    return sum(float(r[5]) for r in rows)\n\n\ndef low(rows):\n    out = []\n    for row in rows:\n        if int(row[3]) < 5:\n            out.append(row[1])\n    return out\n\n\ndef main():\n    rows = read_stock(sys.argv[1])\n    print(low(rows))\n    print(stock_value(rows))\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW303",
          "line": 7,
          "column": 16,
          "endLine": 7,
          "endColumn": 36
        }
      ]
    },
    {
      "name": "returned, and walked past its header by two in-file functions, one called in an f-string (holdout9 ferry_manifest_check)",
      "code": "import csv\nimport sys\n\n\ndef read_manifest(path):\n    with open(path, newline=\"\") as fh:\n        return list(csv.reader(fh))\n\n\ndef deck_load(rows):\n    load = 0.0\n    for booking, kind, pax, kg in rows[1:]:\n        if kind == \"car\":\n            load += int(kg) / 1000\n    return load\n\n\ndef head_count(rows):\n    return sum(int(r[2]) for r in rows[1:])\n\n\ndef main():\n    rows = read_manifest(sys.argv[1])\n    pax = head_count(rows)\n    print(f\"{pax} passengers, {deck_load(rows):.1f} t\")\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW303",
          "line": 7,
          "column": 16,
          "endLine": 7,
          "endColumn": 36
        }
      ]
    },
    {
      "name": "returned, walked past its header, its len() printed after the loop (holdout h38)",
      "code": "import csv\nimport sys\n\n\ndef load(path):\n    with open(path, newline=\"\") as f:\n        rows = list(csv.reader(f))\n    return rows\n\n\ndef main():\n    rows = load(sys.argv[1])\n    total = 0.0\n    for r in rows[1:]:\n        total += float(r[3])\n    print(f\"{len(rows) - 1} rows, total {total:.2f}\")\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW303",
          "line": 7,
          "column": 16,
          "endLine": 7,
          "endColumn": 35
        }
      ]
    },
    {
      "name": "rows written to another path",
      "code": "import csv\nimport sys\n\n\ndef pad_rooms(path, out_path):\n    with open(path, newline=\"\", encoding=\"utf-8\") as fh:\n        rows = list(csv.reader(fh, delimiter=\";\"))\n    with open(out_path, \"w\", newline=\"\", encoding=\"utf-8\") as fh:\n        csv.writer(fh, delimiter=\";\").writerows([r[0].zfill(4)] + r[1:] for r in rows)\n\n\npad_rooms(sys.argv[1], sys.argv[2])\n",
      "today": "found before too: guard",
      "errors": [
        {
          "messageId": "MW303",
          "line": 7,
          "column": 16,
          "endLine": 7,
          "endColumn": 51
        }
      ]
    }
  ]
});

// The same for MW303: `list(csv.reader(open(path)))` on a handle never named, then `open(path, "w")`: the rows are the
// snapshot of a rewrite (fourteenth holdout, catch_dedupe.py's class). The valid case fails on 0db804a.
ruleTester("MW303", {
  valid: [
    {
      name: "list(csv.reader(open(path))) then the same path rewritten with csv.writer",
      code: "import csv\n\n\ndef drop_empty(path):\n    rows = list(csv.reader(open(path, newline=\"\")))\n    with open(path, \"w\", newline=\"\") as f:\n        csv.writer(f).writerows(r for r in rows if any(r))\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    }
  ],
  invalid: [
    {
      name: "look-alike: the rows are written to another path",
      code: "import csv\n\n\ndef drop_empty(path, out):\n    rows = list(csv.reader(open(path, newline=\"\")))\n    with open(out, \"w\", newline=\"\") as f:\n        csv.writer(f).writerows(r for r in rows if any(r))\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW303", line: 5, column: 12, endLine: 5, endColumn: 52 }]
    }
  ]
});

// Sixteenth blind holdout, f11_cable_cars.py:36: the rows returned by read_trips are walked by the two in-file
// functions main passes them to, but main also reads `stats.trips`, an attribute spelt like the list's name, inside a
// loop; the use analysis took that attribute (and a keyword `lines=` of a call) for a read of the list and stayed
// silent. An attribute's or keyword's name is not a read of the local. The invalid cases fail on 4d1f1ee.
ruleTester('MW303', {
  "valid": [
    {
      "name": "look-alike: the rows are also indexed by the caller",
      "code": "import csv\nimport sys\n\n\nclass LineStats:\n    def __init__(self):\n        self.trips = 0\n        self.riders = 0\n\n\ndef read_trips(path):\n    with open(path, newline=\"\") as fh:\n        trips = list(csv.reader(fh))\n    return trips\n\n\ndef tally(trips):\n    lines = {}\n    for cabin, line, riders in trips:\n        stats = lines.setdefault(line, LineStats())\n        stats.trips += 1\n        stats.riders += int(riders)\n    return lines\n\n\ndef busiest(trips):\n    per_cabin = {}\n    for cabin, line, riders in trips:\n        per_cabin[cabin] = per_cabin.get(cabin, 0) + int(riders)\n    return per_cabin\n\n\ndef main():\n    trips = read_trips(sys.argv[1])\n    for name, stats in sorted(tally(trips).items()):\n        print(name, stats.trips, stats.riders)\n    print(busiest(trips))\n    print(trips[0])\n",
      "today": "silent before too: guard"
    },
    {
      "name": "look-alike: the rows are walked again on every turn of a loop",
      "code": "import csv\nimport sys\n\n\nclass LineStats:\n    def __init__(self):\n        self.trips = 0\n        self.riders = 0\n\n\ndef read_trips(path):\n    with open(path, newline=\"\") as fh:\n        trips = list(csv.reader(fh))\n    return trips\n\n\ndef tally(trips):\n    lines = {}\n    for cabin, line, riders in trips:\n        stats = lines.setdefault(line, LineStats())\n        stats.trips += 1\n        stats.riders += int(riders)\n    return lines\n\n\ndef busiest(trips):\n    per_cabin = {}\n    for cabin, line, riders in trips:\n        per_cabin[cabin] = per_cabin.get(cabin, 0) + int(riders)\n    return per_cabin\n\n\ndef main():\n    trips = read_trips(sys.argv[1])\n    for name, stats in sorted(tally(trips).items()):\n        print(name, stats.trips, stats.riders)\n    for day in range(7):\n        print(day, busiest(trips))\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "rows walked by two in-file functions, with an attribute of the same name read in a loop",
      "code": "import csv\nimport sys\n\n\nclass LineStats:\n    def __init__(self):\n        self.trips = 0\n        self.riders = 0\n\n\ndef read_trips(path):\n    with open(path, newline=\"\") as fh:\n        trips = list(csv.reader(fh))\n    return trips\n\n\ndef tally(trips):\n    lines = {}\n    for cabin, line, riders in trips:\n        stats = lines.setdefault(line, LineStats())\n        stats.trips += 1\n        stats.riders += int(riders)\n    return lines\n\n\ndef busiest(trips):\n    per_cabin = {}\n    for cabin, line, riders in trips:\n        per_cabin[cabin] = per_cabin.get(cabin, 0) + int(riders)\n    return per_cabin\n\n\ndef main():\n    trips = read_trips(sys.argv[1])\n    for name, stats in sorted(tally(trips).items()):\n        print(name, stats.trips, stats.riders)\n    print(busiest(trips))\n",
      "today": "missed on 4d1f1ee (holdout16 f11_cable_cars.py:36): `stats.trips` counted as a read of `trips` inside a loop",
      "errors": [
        {
          "messageId": "MW303",
          "line": 13,
          "column": 17,
          "endLine": 13,
          "endColumn": 37
        }
      ]
    },
    {
      "name": "lines walked by an in-file function, with a keyword argument of the same name",
      "code": "import sys\n\n\ndef lines_of(path):\n    with open(path) as f:\n        lines = list(f)\n    return lines\n\n\ndef longest(lines):\n    return max(len(line) for line in lines)\n\n\ndef main():\n    lines = lines_of(sys.argv[1])\n    show(longest(lines), lines=3)\n",
      "today": "missed on 4d1f1ee: the keyword `lines=` counted as a read of `lines` passed to other code",
      "errors": [
        {
          "messageId": "MW303",
          "line": 6,
          "column": 17,
          "endLine": 6,
          "endColumn": 24
        }
      ]
    }
  ]
});

// A generator method of an in-file class that yields a file's rows, copied in a `for` header, is MW405's copy (as a
// module-level generator function's is): reported as MW303 on 76b2fc9.
ruleTester('MW303', {
  valid: [
    {
      name: "a generator method yielding csv rows, copied in a for header (MW405 reports it)",
      code: "import csv\nimport sys\n\n\nclass Log:\n    def __init__(self, path):\n        self.path = path\n\n    def rows(self):\n        with open(self.path, newline=\"\") as f:\n            for row in csv.reader(f):\n                yield row\n\n\nlog = Log(sys.argv[1])\nfor r in list(log.rows()):\n    print(r[0])\n",
      today: "reported as MW303 on 76b2fc9"
    }
  ],
  invalid: []
});
