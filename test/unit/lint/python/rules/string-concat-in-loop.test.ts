// MW402 string-concat-in-loop: RuleTester cases (see ../ruleTester.ts for `today`).
// Every case passes on the engine these tests were written against (3ae019f): all are regression guards.
// On 27cfc42, before the v2 analysis, 5 of the 21 failed (`today` says how): "over a small range", "over a literal
// list", "a str built in a loop of unknown length", "a str reset on every turn of the data loop", "over one split
// line's fields, reset per line".
//
// Not covered (handed on):
// - `self.text += line` in a loop over a file, with `self.text = ""` in __init__: the facts give no str fact for a self
//   attribute, and the rule only takes a local name (CPython's in-place resize never applies to an attribute, so this
//   one copies every time).
// - a parameter whose in-file call site passes an open file (`def join(lines): ... for line in lines: out += line` with
//   `join(f)`): exhaustive mode reports 4:9-4:20, the fast path says nothing (27cfc42 reported it).
// - a false alarm: `for row in csv.reader(f): line = ""; for field in row: line += field` is reported (dataScale.ts
//   counts one csv row as data; one split line is correctly bounded).
import { ruleTester } from '../ruleTester';

ruleTester('MW402', {
  valid: [
    {
      name: "a noqa on the line silences it",
      code: "out = \"\"\nfor line in open(\"app.log\"):\n    out += line  # noqa: MW402\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "over a small range",
      code: "s = \"\"\nfor i in range(10):\n    s += str(i)\n",
      today: "false alarm"
    },
    {
      name: "over a literal list",
      code: "s = \"\"\nfor part in [\"a\", \"b\", \"c\"]:\n    s += part\n",
      today: "false alarm"
    },
    {
      name: "a number accumulator",
      code: "total = 0\nfor line in open(\"nums.txt\"):\n    total += int(line)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a list accumulator",
      code: "items = []\nfor line in open(\"app.log\"):\n    items += [line]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a str built in a loop of unknown length",
      code: "def render(items):\n    out = \"\"\n    for item in items:\n        out += str(item)\n    return out\n",
      today: "false alarm"
    },
    {
      name: "not in a loop",
      code: "s = \"\"\ns += open(\"app.log\").read()\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a str reset on every turn of the data loop",
      code: "for line in open(\"app.log\"):\n    msg = \"\"\n    msg += line.strip()\n    print(msg)\n",
      today: "false alarm"
    },
    {
      name: "over one split line's fields, reset per line",
      code: "with open(\"data.txt\") as f:\n    for line in f:\n        out = \"\"\n        for field in line.split(\",\"):\n            out += field + \";\"\n        print(out)\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      name: "doc example: the lines of a file from argv",
      code: "import sys\n\nout = \"\"\nfor line in open(sys.argv[1]):\n    out += line.upper()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 5, column: 5, endLine: 5, endColumn: 24 }],
      scale: "data"
    },
    {
      name: "over csv rows in a with block",
      code: "import csv\n\ndef render(path):\n    html = \"\"\n    with open(path) as f:\n        for row in csv.reader(f):\n            html += \"<tr><td>\" + row[0] + \"</td></tr>\"\n    return html\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 7, column: 13, endLine: 7, endColumn: 55 }],
      scale: "data"
    },
    {
      name: "over the rows of a DataFrame",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"users.csv\")\ntext = \"\"\nfor name in df[\"name\"]:\n    text += name + \"\\n\"\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 6, column: 5, endLine: 6, endColumn: 24 }],
      scale: "data"
    },
    {
      name: "over a directory listing",
      code: "import os\n\nnames = \"\"\nfor entry in os.listdir(\"data\"):\n    names += entry + \",\"\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 5, column: 5, endLine: 5, endColumn: 25 }],
      scale: "data"
    },
    {
      name: "over a list filled in a loop over a file",
      code: "def main(path):\n    words = []\n    for line in open(path):\n        words.append(line.strip())\n    joined = \"\"\n    for w in words:\n        joined += w\n    return joined\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 7, column: 9, endLine: 7, endColumn: 20 }],
      scale: "data"
    },
    {
      name: "a bytes buffer grown by a while loop reading to the end (walrus)",
      code: "def slurp(f):\n    data = b\"\"\n    while (chunk := f.read(4096)):\n        data += chunk\n    return data\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 4, column: 9, endLine: 4, endColumn: 22 }],
      scale: "data"
    },
    {
      name: "over a generator that yields the lines of a file",
      code: "def lines(path):\n    with open(path) as f:\n        for line in f:\n            yield line\n\nbody = \"\"\nfor line in lines(\"app.log\"):\n    body += line\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 8, column: 5, endLine: 8, endColumn: 17 }],
      scale: "data"
    },
    {
      name: "over the lines of a Path opened in a with",
      code: "from pathlib import Path\n\nreport = \"\"\nwith Path(\"app.log\").open() as f:\n    for line in f:\n        report += line\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 6, column: 9, endLine: 6, endColumn: 23 }],
      scale: "data"
    },
    {
      name: "a buffer reset per file grows inside the loop over each file's lines",
      code: "import glob\n\nfor path in glob.glob(\"*.log\"):\n    buf = \"\"\n    for line in open(path):\n        buf += line\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 6, column: 9, endLine: 6, endColumn: 20 }],
      scale: "data"
    },
    {
      name: "a bytes accumulator in a loop of unknown length (information)",
      code: "def pack(items):\n    out = b\"\"\n    for item in items:\n        out += item.encode()\n    return out\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 4, column: 9, endLine: 4, endColumn: 29 }],
      scale: "unknown"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "out = \"\"\nfor line in open(\"app.log\"):\n    out += line  # noqa: MW401\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 3, column: 5, endLine: 3, endColumn: 16 }],
      scale: "data"
    },
    {
      name: "f-string pieces over query results",
      code: "def dump(cursor):\n    cursor.execute(\"SELECT name FROM users\")\n    text = \"\"\n    for (name,) in cursor.fetchall():\n        text += f\"{name}\\n\"\n    return text\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW402", line: 5, column: 9, endLine: 5, endColumn: 28 }],
      scale: "data"
    }
  ]
});
