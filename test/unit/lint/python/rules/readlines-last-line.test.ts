// MW304 readlines-last-line: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/readlines-last-line.ts):
// "Path.read_text().splitlines()[-1]", "Path(...).read_text().splitlines()[-2:] in a function", "a Path variable's
// read_text()". Every other case passes on 3ae019f and is a regression guard.
// On 27cfc42, before the v2 analysis, 3 of the 24 failed (`today` says how): "Path.read_text().splitlines()[-1]",
// "Path(...).read_text().splitlines()[-2:] in a function", "a Path variable's read_text()".
//
// Not covered (needs the shared use analysis in wholeFileUse.ts, handed on): a helper `return f.readlines()` whose
// only caller keeps the tail (`last = load("app.log")[-1]`); walkedOnce() follows returns only to callers that walk.
import { ruleTester } from '../ruleTester';

ruleTester('MW304', {
  valid: [
    {
      name: "a noqa on the line silences it",
      code: "with open(\"app.log\") as f:\n    last = f.readlines()[-1]  # noqa: MW304\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the first line, not the tail",
      code: "with open(\"app.log\") as f:\n    first = f.readlines()[0]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "every line but the first",
      code: "with open(\"app.log\") as f:\n    body = f.readlines()[1:]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the list kept in a name is also measured",
      code: "def last_line(path):\n    with open(path) as f:\n        lines = f.readlines()\n    print(len(lines))\n    return lines[-1]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the list kept in a name is also walked",
      code: "def last_line(path):\n    with open(path) as f:\n        lines = f.readlines()\n    for line in lines:\n        print(line)\n    return lines[-1]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the list kept in a name is returned",
      code: "def lines_of(path):\n    with open(path) as f:\n        lines = f.readlines()\n    print(lines[-1])\n    return lines\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the last field of a split line, not of a file",
      code: "def last_field(line):\n    return line.split(\",\")[-1]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the last line of a short string",
      code: "def last_line(text):\n    return text.splitlines()[-1]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a list of lines from a helper whose tail is taken",
      code: "def load(path):\n    with open(path) as f:\n        return f.readlines()\n\nlines = load(\"app.log\")\nprint(lines[-1], len(lines))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "Path.read_text().splitlines() indexed from the front",
      code: "from pathlib import Path\n\nfirst = Path(\"app.log\").read_text().splitlines()[0]\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "doc example: readlines()[-1] (safe fix adds the deque import)",
      code: "with open(\"app.log\") as f:\n    last = f.readlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 2, column: 12, endLine: 2, endColumn: 29 }],
      output: "from collections import deque\nwith open(\"app.log\") as f:\n    last = deque(f, maxlen=1)[-1]\n",
      safety: "safe"
    },
    {
      name: "the last three lines with a slice",
      code: "with open(\"app.log\") as f:\n    tail = f.readlines()[-3:]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 2, column: 12, endLine: 2, endColumn: 30 }],
      output: "from collections import deque\nwith open(\"app.log\") as f:\n    tail = list(deque(f, maxlen=3))\n",
      safety: "safe"
    },
    {
      name: "deque already imported: the fix adds no second import",
      code: "from collections import deque\n\nwith open(\"app.log\") as f:\n    last = f.readlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 4, column: 12, endLine: 4, endColumn: 29 }],
      output: "from collections import deque\n\nwith open(\"app.log\") as f:\n    last = deque(f, maxlen=1)[-1]\n",
      safety: "safe"
    },
    {
      name: "a variable count (unsafe fix)",
      code: "def tail(path, n):\n    with open(path) as f:\n        return f.readlines()[-n:]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 3, column: 16, endLine: 3, endColumn: 34 }],
      output: "from collections import deque\ndef tail(path, n):\n    with open(path) as f:\n        return list(deque(f, maxlen=n))\n",
      safety: "unsafe"
    },
    {
      name: "read().splitlines()[-1] (no fix offered)",
      code: "with open(\"app.log\") as f:\n    last = f.read().splitlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 2, column: 12, endLine: 2, endColumn: 37 }]
    },
    {
      name: "open(...).readlines()[-1] without a with",
      code: "last = open(\"app.log\").readlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 1, column: 8, endLine: 1, endColumn: 39 }],
      output: "from collections import deque\nlast = deque(open(\"app.log\"), maxlen=1)[-1]\n",
      safety: "safe"
    },
    {
      name: "a file kept on self",
      code: "class Log:\n    def __init__(self, path):\n        self.fh = open(path)\n\n    def last(self):\n        return self.fh.readlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 6, column: 16, endLine: 6, endColumn: 39 }],
      output: "from collections import deque\nclass Log:\n    def __init__(self, path):\n        self.fh = open(path)\n\n    def last(self):\n        return deque(self.fh, maxlen=1)[-1]\n",
      safety: "safe"
    },
    {
      name: "the list kept in a name and only its tail used",
      code: "def last_line(path):\n    with open(path) as f:\n        lines = f.readlines()\n    return lines[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 3, column: 17, endLine: 3, endColumn: 30 }]
    },
    {
      name: "a Path variable opened in a with",
      code: "from pathlib import Path\n\nlog = Path(\"logs\") / \"app.log\"\nwith log.open() as f:\n    last = f.readlines()[-1]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 5, column: 12, endLine: 5, endColumn: 29 }],
      output: "from pathlib import Path\nfrom collections import deque\n\nlog = Path(\"logs\") / \"app.log\"\nwith log.open() as f:\n    last = deque(f, maxlen=1)[-1]\n",
      safety: "safe"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "with open(\"app.log\") as f:\n    last = f.readlines()[-1]  # noqa: MW301\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 2, column: 12, endLine: 2, endColumn: 29 }],
      output: "from collections import deque\nwith open(\"app.log\") as f:\n    last = deque(f, maxlen=1)[-1]  # noqa: MW301\n",
      safety: "safe"
    },
    {
      name: "Path.read_text().splitlines()[-1]",
      code: "from pathlib import Path\n\nlast = Path(\"app.log\").read_text().splitlines()[-1]\n",
      today: "missed",
      errors: [{ messageId: "MW304", line: 3, column: 8, endLine: 3, endColumn: 52 }]
    },
    {
      name: "tail taken inside a comprehension over many files",
      code: "import glob\n\nlasts = [open(p).readlines()[-1] for p in glob.glob(\"*.log\")]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW304", line: 3, column: 10, endLine: 3, endColumn: 33 }],
      output: "import glob\nfrom collections import deque\n\nlasts = [deque(open(p), maxlen=1)[-1] for p in glob.glob(\"*.log\")]\n",
      safety: "safe"
    },
    {
      name: "Path(...).read_text().splitlines()[-2:] in a function",
      code: "from pathlib import Path\n\ndef tail(path):\n    return Path(path).read_text().splitlines()[-2:]\n",
      today: "missed",
      errors: [{ messageId: "MW304", line: 4, column: 12, endLine: 4, endColumn: 52 }]
    },
    {
      name: "a Path variable's read_text()",
      code: "from pathlib import Path\n\nlog = Path(\"logs\") / \"app.log\"\nlast = log.read_text().splitlines()[-1]\n",
      today: "missed",
      errors: [{ messageId: "MW304", line: 4, column: 8, endLine: 4, endColumn: 40 }]
    }
  ]
});

// A tail count written as a name (`lines[-TAIL:]`) is a tail read for a stored list too, as for the direct form:
// such loads are MW304 only (docs/rules.md, MW301/MW304).
ruleTester('MW304', {
  valid: [],
  invalid: [
    {
      name: "a readlines() list kept in a name and read only from its end with a module constant",
      code: "TAIL = 20\n\n\ndef last_lines(path):\n    with open(path) as f:\n        lines = f.readlines()\n    return lines[-TAIL:]\n",
      today: "missed by the v2 engine before this round: only a literal count was a tail read for a stored list",
      errors: [{ messageId: "MW304", line: 6, column: 17, endLine: 6, endColumn: 30 }]
    },
    {
      name: "readlines()[-N:] with a module constant, directly",
      code: "TAIL = 20\n\nwith open(\"app.log\") as f:\n    tail = f.readlines()[-TAIL:]\n",
      today: "found before too: kept as a guard (MW304 only, never also MW301)",
      errors: [{ messageId: "MW304", line: 4, column: 12, endLine: 4, endColumn: 33 }],
      output: "from collections import deque\nTAIL = 20\n\nwith open(\"app.log\") as f:\n    tail = list(deque(f, maxlen=TAIL))\n"
    }
  ]
});
