// MW203 read-csv-all-columns: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/read-csv-all-columns.ts): "the
// narrowed copy goes to another name and the whole frame is used later", "a frame on self narrowed on the next line",
// "read inside a with block, narrowed right after it", "a module-level frame narrowed into another name and read by a
// function". Every other case passes on 3ae019f and is a regression guard.
// On 27cfc42, before the v2 analysis, 4 of the 26 failed (`today` says how): "the narrowed copy goes to another name
// and the whole frame is used later", "a module-level frame narrowed into another name and read by a function", "a
// frame on self narrowed on the next line", "read inside a with block, narrowed right after it".
//
// Not covered (needs the facts layer, handed on): a helper returning `pd.read_csv(path)` to callers that all narrow
// it (`df = load(p)[["user", "amount"]]`); usecols= there is only safe when every call site narrows the same way.
import { ruleTester } from '../ruleTester';

ruleTester('MW203', {
  valid: [
    {
      name: "a noqa on the read silences it",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")  # noqa: MW203\ndf = df[[\"user\", \"amount\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "usecols already given",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "read in chunks",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", chunksize=1000)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a single column selected by name, not a list",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\nusers = df[\"user\"]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a column list held in a variable",
      code: "import pandas as pd\n\nCOLS = [\"user\", \"amount\"]\ndf = pd.read_csv(\"events.csv\")\ndf = df[COLS]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "another statement uses the whole frame before the selection",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\nprint(df.shape)\ndf = df[[\"user\", \"amount\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the narrowed copy goes to another name and the whole frame is used later",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\nsmall = df[[\"user\", \"amount\"]]\nprint(df.describe())\n",
      today: "false alarm"
    },
    {
      name: "a row filter, not a column selection",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\ndf = df[df[\"amount\"] > 0]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "options passed through **kwargs",
      code: "import pandas as pd\n\nopts = {\"usecols\": [\"user\"]}\ndf = pd.read_csv(\"events.csv\", **opts)\ndf = df[[\"user\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a different frame is narrowed next",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\nother = pd.DataFrame()\nother = other[[\"user\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a frame on self narrowed into another attribute",
      code: "import pandas as pd\n\nclass Report:\n    def __init__(self, path):\n        self.df = pd.read_csv(path)\n        self.small = self.df[[\"user\", \"amount\"]]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a module-level frame narrowed into another name and read by a function",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\nsmall = df[[\"user\", \"amount\"]]\n\ndef summary():\n    return df.describe()\n",
      today: "false alarm"
    },
    {
      name: "read as the last statement of an if block, narrowed after it",
      code: "import pandas as pd\n\nif True:\n    df = pd.read_csv(\"events.csv\")\ndf = df[[\"user\", \"amount\"]]\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      "name": "index_col and parse_dates name a column: usecols= keeps it",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"bikes.csv\", index_col=\"Date\", parse_dates=[\"Date\"])\ndf = df[[\"Berri 1\"]]\n",
      "today": "found before too, but its fix dropped the index column and pandas rejects that call (found on a public repository by hand review (2026-12-06): fired before this fix)",
      "errors": [
        {
          "messageId": "MW203",
          "line": 3,
          "column": 6,
          "endLine": 3,
          "endColumn": 70
        }
      ],
      "output": "import pandas as pd\n\ndf = pd.read_csv(\"bikes.csv\", index_col=\"Date\", parse_dates=[\"Date\"], usecols=[\"Berri 1\", \"Date\"])\ndf = df[[\"Berri 1\"]]\n",
      "safety": "safe"
    },
    {
      "name": "index_col by position: no fix (usecols= would shift it)",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"bikes.csv\", index_col=0)\ndf = df[[\"Berri 1\"]]\n",
      "today": "found before too, with a fix that changed which column is the index",
      "errors": [
        {
          "messageId": "MW203",
          "line": 3,
          "column": 6,
          "endLine": 3,
          "endColumn": 43
        }
      ]
    },
    {
      name: "doc example: the next statement narrows the frame (safe fix)",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 31 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "the call narrowed in place",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 31 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\", \"amount\"])[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "narrowed with .loc[:, [...]]",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", sep=\";\")\ndf = df.loc[:, [\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 40 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", sep=\";\", usecols=[\"user\", \"amount\"])\ndf = df.loc[:, [\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "narrowed then copied",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\ndf = df[[\"user\"]].copy()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 31 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\"])\ndf = df[[\"user\"]].copy()\n",
      safety: "safe"
    },
    {
      name: "a comment between the read and the selection",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")\n# keep what the report needs\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 31 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\", \"amount\"])\n# keep what the report needs\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "read_table",
      code: "import pandas as pd\n\ndf = pd.read_table(\"events.tsv\")\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 33 }],
      output: "import pandas as pd\n\ndf = pd.read_table(\"events.tsv\", usecols=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "read_parquet gets columns=",
      code: "import pandas as pd\n\ndf = pd.read_parquet(\"events.parquet\")\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 39 }],
      output: "import pandas as pd\n\ndf = pd.read_parquet(\"events.parquet\", columns=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "inside a function reading a parameter path",
      code: "import pandas as pd\n\ndef load(path):\n    frame = pd.read_csv(path)\n    frame = frame[[\"user\", \"amount\"]]\n    return frame\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 4, column: 13, endLine: 4, endColumn: 30 }],
      output: "import pandas as pd\n\ndef load(path):\n    frame = pd.read_csv(path, usecols=[\"user\", \"amount\"])\n    frame = frame[[\"user\", \"amount\"]]\n    return frame\n",
      safety: "safe"
    },
    {
      name: "a Path variable as the source",
      code: "import pandas as pd\nfrom pathlib import Path\n\nsrc = Path(\"data\") / \"events.csv\"\ndf = pd.read_csv(src)\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 5, column: 6, endLine: 5, endColumn: 22 }],
      output: "import pandas as pd\nfrom pathlib import Path\n\nsrc = Path(\"data\") / \"events.csv\"\ndf = pd.read_csv(src, usecols=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\")  # noqa: MW202\ndf = df[[\"user\", \"amount\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 3, column: 6, endLine: 3, endColumn: 31 }],
      output: "import pandas as pd\n\ndf = pd.read_csv(\"events.csv\", usecols=[\"user\", \"amount\"])  # noqa: MW202\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "the narrowed copy goes to another name and the frame is not used again",
      code: "import pandas as pd\n\ndef load(path):\n    df = pd.read_csv(path)\n    small = df[[\"user\", \"amount\"]]\n    return small\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW203", line: 4, column: 10, endLine: 4, endColumn: 27 }],
      output: "import pandas as pd\n\ndef load(path):\n    df = pd.read_csv(path, usecols=[\"user\", \"amount\"])\n    small = df[[\"user\", \"amount\"]]\n    return small\n",
      safety: "safe"
    },
    {
      name: "a frame on self narrowed on the next line",
      code: "import pandas as pd\n\nclass Report:\n    def __init__(self, path):\n        self.df = pd.read_csv(path)\n        self.df = self.df[[\"user\", \"amount\"]]\n",
      today: "missed",
      errors: [{ messageId: "MW203", line: 5, column: 19, endLine: 5, endColumn: 36 }],
      output: "import pandas as pd\n\nclass Report:\n    def __init__(self, path):\n        self.df = pd.read_csv(path, usecols=[\"user\", \"amount\"])\n        self.df = self.df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    },
    {
      name: "read inside a with block, narrowed right after it",
      code: "import pandas as pd\n\nwith open(\"events.csv\") as f:\n    df = pd.read_csv(f)\ndf = df[[\"user\", \"amount\"]]\n",
      today: "missed",
      errors: [{ messageId: "MW203", line: 4, column: 10, endLine: 4, endColumn: 24 }],
      output: "import pandas as pd\n\nwith open(\"events.csv\") as f:\n    df = pd.read_csv(f, usecols=[\"user\", \"amount\"])\ndf = df[[\"user\", \"amount\"]]\n",
      safety: "safe"
    }
  ]
});

// Found on public code (realrepos10, ThinkStats2's hinc.py): without a header row pandas numbers the columns, and
// a selection by position is narrowed the same way (usecols= takes the positions). Fails on 518ada3.
ruleTester('MW203', {
  valid: [
    {
      name: "positions selected from a frame that has a header row",
      code: "import pandas as pd\n\nt = pd.read_csv(\"big.csv\")\nt = t[[0, 1]]\n",
      today: "silent before too: with a header row, [0, 1] are not the columns' labels"
    },
    {
      name: "positions selected after header=None with names= given",
      code: "import pandas as pd\n\nt = pd.read_csv(\"big.csv\", header=None, names=[\"a\", \"b\", \"c\"])\nt = t[[0, 1]]\n",
      today: "silent before too: names= relabels the columns"
    },
    {
      name: "a row slice, not a column selection, after header=None",
      code: "import pandas as pd\n\nt = pd.read_csv(\"big.csv\", header=None)\nt = t[0:10]\n",
      today: "silent before too: kept as a guard"
    },
  ],
  invalid: [
    {
      name: "positions selected on the next line after header=None",
      code: "import pandas as pd\n\nt = pd.read_csv(\"big.csv\", header=None)\nt = t[[0, 1]]\nprint(t.sum())\n",
      today: "missed",
      errors: [{ messageId: "MW203", line: 3, column: 5, endLine: 3, endColumn: 40 }],
      output: "import pandas as pd\n\nt = pd.read_csv(\"big.csv\", header=None, usecols=[0, 1])\nt = t[[0, 1]]\nprint(t.sum())\n",
      safety: "safe"
    },
    {
      name: "positions narrowed into another name in a function, the frame not read again",
      code: "import pandas as pd\n\n\ndef load(path):\n    table = pd.read_csv(path, header=None, skiprows=3)\n    pair = table[[0, 1]]\n    return pair.values\n",
      today: "missed",
      errors: [{ messageId: "MW203", line: 5, column: 13, endLine: 5, endColumn: 55 }],
      output: "import pandas as pd\n\n\ndef load(path):\n    table = pd.read_csv(path, header=None, skiprows=3, usecols=[0, 1])\n    pair = table[[0, 1]]\n    return pair.values\n",
      safety: "safe"
    },
  ],
});
