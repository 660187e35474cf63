// MW105 text-column-arithmetic: RuleTester cases (see ../ruleTester.ts for `today`).
// Every case passes on the engine these tests were written against (3ae019f): all are regression guards.
// On 27cfc42, before the v2 analysis, 1 of the 31 failed (`today` says how): "the frame stored in a dict and read
// back".
//
// Not covered yet (needs the facts layer, handed on): `pd.read_csv(p, dtype={"amount": str})["amount"] * 2` (per-column
// dtype), chunks of `pd.read_csv(p, dtype=str, chunksize=n)` walked by a for, and `df[col] * 2` with a variable column
// of a dtype=str frame.
import { ruleTester } from '../ruleTester';

ruleTester('MW105', {
  valid: [
    {
      name: "the parameter is rebound converted (df = df.astype(float))",
      code: "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype=str)\n\n\ndef prices(df):\n    df = df.astype(float)\n    df[\"net\"] = df[\"gross\"] / 1.2\n    return df\n\n\nprint(prices(load(\"sales.csv\")))\n",
      today: "silent before too: guard, the rebinding's value is what later reads see"
    },
    {
      name: "the array is converted before the reduction and the division",
      code: "import numpy as np\n\nvals = []\nwith open(\"spectrum.txt\") as f:\n    for line in f:\n        vals.append(line.split()[1])\ncounts = np.array(vals).astype(float)\nnormalised = counts / counts.max()\npeaks = counts.cumsum(axis=0)\n",
      today: "silent before too: guard, a converted array's reduction is a number on a numeric array"
    },
    {
      name: "the column is converted before to_numpy()",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"houses.csv\", dtype=str)\nlots = df[\"LotArea\"].astype(float).to_numpy()\nacres = lots / 43560\n",
      today: "silent before too: guard, to_numpy() keeps the receiver's dtype"
    },
    {
      name: "a text array joined with its own max (text + text, no number)",
      code: "import numpy as np\n\nvals = []\nwith open(\"spectrum.txt\") as f:\n    for line in f:\n        vals.append(line.split()[1])\nlabels = np.array(vals)\nwidest = labels + labels.max()\n",
      today: "silent before too: guard, a text array's max() is not a number"
    },
    {
      name: "a noqa comment on the line silences it",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=str)\ndf[\"us\"] = df[\"duration_ms\"] * 1000  # noqa: MW105\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the column is converted with pd.to_numeric first",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=str)\ndf[\"us\"] = pd.to_numeric(df[\"duration_ms\"]) * 1000\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the column is converted with astype(float)",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=str)\ndf[\"us\"] = df[\"duration_ms\"].astype(float) * 1000\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the frame is read with numeric dtypes",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\")\ndf[\"us\"] = df[\"duration_ms\"] * 1000\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "text columns joined with + are string code",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"hosts.csv\", dtype=str)\ndf[\"addr\"] = df[\"host\"] + \":\" + df[\"port\"]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a column made text on purpose with astype(str)",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"hosts.csv\")\ndf[\"label\"] = df[\"id\"].astype(str) + \"_x\"\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a helper converting the frame before returning it",
      code: "import pandas as pd\n\ndef load(path):\n    df = pd.read_csv(path, dtype=str)\n    return df.astype(float)\n\ndef main():\n    df = load(\"requests.csv\")\n    print(df[\"duration_ms\"] * 1000)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the parameter's call sites pass a numeric frame",
      code: "import pandas as pd\n\ndef report(table):\n    return table[\"amount\"] - 1\n\ndf = pd.read_csv(\"sales.csv\")\nreport(df)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "np.loadtxt with a float dtype",
      code: "import numpy as np\n\nvalues = np.loadtxt(\"data.txt\", dtype=float)\nprint(values * 2)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the frame is re-read on self as numbers in the method that uses it",
      code: "import pandas as pd\n\nclass Report:\n    def __init__(self, path):\n        self.df = pd.read_csv(path, dtype=str)\n\n    def totals(self):\n        self.df = self.df.astype(float)\n        return self.df[\"amount\"] * 100\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a dtype dict that makes only another column text",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"sales.csv\", dtype={\"region\": str})\nprint(df[\"amount\"] * 2)\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a parameter rebound from itself (df = df.copy()) still holds the text frame its caller passed",
      code: "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype=str)\n\n\ndef prices(df):\n    df = df.copy()\n    df[\"net\"] = df[\"gross\"] / 1.2\n    return df\n\n\nprint(prices(load(\"sales.csv\")))\n",
      today: "missed (holdout5 f03: before its first rebinding a parameter read as unknown)",
      errors: [
        {
          messageId: "MW105",
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 34
        }
      ]
    },
    {
      name: "a text array divided by a reduction of its converted copy (`.astype(float).max()` is one number)",
      code: "import numpy as np\n\nvals = []\nwith open(\"spectrum.txt\") as f:\n    for line in f:\n        vals.append(line.split()[1])\ncounts = np.array(vals)\nnormalised = counts / counts.astype(float).max()\n",
      today: "missed (holdout5 o05: a column reduction's result was unknown)",
      errors: [
        {
          messageId: "MW105",
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 49
        }
      ]
    },
    {
      name: "a text column turned into an ndarray with .to_numpy(), then divided by a number",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"houses.csv\", dtype=str)\nlots = df[\"LotArea\"].to_numpy()\nacres = lots / 43560\n",
      today: "missed (holdout5 o02: to_numpy() of a text column was unknown)",
      errors: [
        {
          messageId: "MW105",
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 21
        }
      ]
    },
    {
      name: "doc example: a dtype=str frame's column times a number",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=str)\ndf[\"us\"] = df[\"duration_ms\"] * 1000\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 12, endLine: 4, endColumn: 36 }]
    },
    {
      name: "dtype=object, column by attribute, divided",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=object)\nrate = df.bytes / 1024\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 8, endLine: 4, endColumn: 23 }]
    },
    {
      name: "the frame returned by a helper, arithmetic in the caller",
      code: "import pandas as pd\n\ndef load(path):\n    return pd.read_csv(path, dtype=str)\n\ndef main():\n    df = load(\"requests.csv\")\n    print(df[\"duration_ms\"] * 1000)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 8, column: 11, endLine: 8, endColumn: 35 }]
    },
    {
      name: "the frame passed through three functions",
      code: "import pandas as pd\n\ndef load(path):\n    frame = pd.read_csv(path, dtype=str)\n    return frame\n\ndef scale(table):\n    return table[\"duration_ms\"] * 1000\n\ndef main():\n    df = load(\"requests.csv\")\n    print(scale(df))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 8, column: 12, endLine: 8, endColumn: 39 }]
    },
    {
      name: "a parameter whose only call site passes a text frame",
      code: "import pandas as pd\n\ndef report(table):\n    return table[\"amount\"] - 1\n\ndf = pd.read_csv(\"sales.csv\", dtype=str)\nreport(df)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 12, endLine: 4, endColumn: 31 }]
    },
    {
      name: "a text frame kept on self and used in another method",
      code: "import pandas as pd\n\nclass Report:\n    def __init__(self, path):\n        self.df = pd.read_csv(path, dtype=str)\n\n    def totals(self):\n        return self.df[\"amount\"] * 100\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 8, column: 16, endLine: 8, endColumn: 39 }]
    },
    {
      name: "np.loadtxt(dtype=str) then arithmetic",
      code: "import numpy as np\n\nvalues = np.loadtxt(\"data.txt\", dtype=str)\nprint(values * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 7, endLine: 4, endColumn: 17 }]
    },
    {
      name: "np.array of split text then arithmetic",
      code: "import numpy as np\n\nline = open(\"nums.txt\").readline()\narr = np.array(line.split(\",\"))\nprint(arr + 1)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 5, column: 7, endLine: 5, endColumn: 14 }]
    },
    {
      name: "a frame from read_csv(dtype=str) in a with block",
      code: "import pandas as pd\n\nwith open(\"sales.csv\") as f:\n    df = pd.read_csv(f, dtype=str)\ndf[\"cents\"] = df[\"amount\"] * 100\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 5, column: 15, endLine: 5, endColumn: 33 }]
    },
    {
      name: "number on the left of the operator",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"sales.csv\", dtype=str)\ndf[\"net\"] = 1 - df[\"discount\"]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 13, endLine: 4, endColumn: 31 }]
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"requests.csv\", dtype=str)\ndf[\"us\"] = df[\"duration_ms\"] * 1000  # noqa: MW101\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 12, endLine: 4, endColumn: 36 }]
    },
    {
      name: "the frame stored in a dict and read back",
      code: "import pandas as pd\n\nframes = {}\nframes[\"sales\"] = pd.read_csv(\"sales.csv\", dtype=str)\nprint(frames[\"sales\"][\"amount\"] * 2)\n",
      today: "missed",
      errors: [{ messageId: "MW105", line: 5, column: 7, endLine: 5, endColumn: 36 }]
    },
    {
      name: "a text array returned by a helper",
      code: "import numpy as np\n\ndef load(path):\n    return np.genfromtxt(path, dtype=str, delimiter=\",\")\n\ndef main():\n    arr = load(\"nums.csv\")\n    return arr * 10\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 8, column: 12, endLine: 8, endColumn: 20 }]
    },
    {
      name: "a module-global text frame read inside a function",
      code: "import pandas as pd\n\nDF = pd.read_csv(\"sales.csv\", dtype=str)\n\ndef total():\n    return DF[\"amount\"] * 2\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 6, column: 12, endLine: 6, endColumn: 28 }]
    },
    {
      name: "walrus binding a text frame",
      code: "import pandas as pd\n\nif (df := pd.read_csv(\"sales.csv\", dtype=str)) is not None:\n    print(df[\"amount\"] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 11, endLine: 4, endColumn: 27 }]
    },
    {
      name: "frames yielded by a generator, received by a for",
      code: "import pandas as pd\n\ndef frames(paths):\n    for p in paths:\n        yield pd.read_csv(p, dtype=str)\n\nfor df in frames([\"a.csv\", \"b.csv\"]):\n    print(df[\"amount\"] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 8, column: 11, endLine: 8, endColumn: 27 }]
    },
    {
      name: "a list of text frames from a comprehension, walked by a for",
      code: "import pandas as pd\n\ndfs = [pd.read_csv(p, dtype=str) for p in [\"a.csv\", \"b.csv\"]]\nfor df in dfs:\n    print(df[\"amount\"] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 5, column: 11, endLine: 5, endColumn: 27 }]
    },
    {
      name: "a text frame through a frame-returning method (dropna)",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"sales.csv\", dtype=str).dropna()\nprint(df[\"amount\"] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 4, column: 7, endLine: 4, endColumn: 23 }]
    },
    {
      name: "read from a Path variable",
      code: "import pandas as pd\nfrom pathlib import Path\n\np = Path(\"data\") / \"sales.csv\"\ndf = pd.read_csv(p, dtype=str)\nprint(df[\"amount\"] * 2)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 6, column: 7, endLine: 6, endColumn: 23 }]
    },
    {
      name: "a text frame in a returned tuple, unpacked by the caller",
      code: "import pandas as pd\n\ndef load():\n    return pd.read_csv(\"a.csv\", dtype=str), 3\n\ndf, n = load()\nprint(df[\"amount\"] * n)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW105", line: 7, column: 7, endLine: 7, endColumn: 23 }]
    }
  ]
});

// Flow classes of the fourth holdout's misses (a tuning set since): every `invalid` case here was missed by the
// engine before this round (1dbc2e0) and every `valid` one is a look-alike that must stay silent.
ruleTester('MW105', {
  valid: [
    {
      name: "another column of the same frame, and the text column joined as text",
      code: "import sys\nimport pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype={\"amount\": str, \"qty\": \"int64\"})\n\n\ndef units(df):\n    df = df.dropna()\n    return df[\"qty\"] * 2, df[\"amount\"] + \" EUR\", df.price * 3\n\n\nprint(units(load(sys.argv[1])))\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "a column given a numeric dtype in the dict",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"sales.csv\", dtype={\"amount\": \"float64\", \"sku\": str})\nprint(df[\"amount\"] * 1.2)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "one column read as str by a helper, multiplied in another function after a rebinding",
      code: "import sys\nimport pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype={\"amount\": str, \"qty\": \"int64\"})\n\n\ndef gross(df):\n    df = df.dropna()\n    return df[\"amount\"] * 1.2\n\n\nprint(gross(load(sys.argv[1])))\n",
      today: "missed by the v2 engine before this round (holdout4-multi flow class)",
      errors: [{ messageId: "MW105", line: 11, column: 12, endLine: 11, endColumn: 30 }]
    }
  ]
});

// A store into a frame under a variable key (`df[col] = pd.to_numeric(df[col])` in a loop over column names) may
// replace any column read after it.
ruleTester('MW105', {
  valid: [
    {
      name: "a column converted in a loop over column names, then multiplied",
      code: "import pandas as pd\n\nscores = pd.read_csv(\"scores.csv\", dtype=str)\nfor name in [\"q1\", \"q2\"]:\n    scores[name] = pd.to_numeric(scores[name], errors=\"coerce\")\nprint(scores[\"q1\"] * 2)\n",
      today: "false alarm before: only a store under the literal key counted"
    }
  ],
  invalid: [
    {
      name: "a column of a frame read as text, named by the loop variable, multiplied",
      code: "import pandas as pd\n\nscores = pd.read_csv(\"scores.csv\", dtype=str)\nfor name in [\"q1\", \"q2\"]:\n    print(name, scores[name] * 100)\n",
      today: "missed before: `df[name]` with a non-literal key was unknown",
      errors: [{ messageId: "MW105", line: 5, column: 17, endLine: 5, endColumn: 35 }]
    }
  ]
});

// An attribute rebound from itself in another method (`self.df = self.df.dropna()`, a recursive class-attribute
// summary solved by the fixpoint; probe audit): each invalid case was silent on the engine before.
ruleTester('MW105', {
  valid: [
    {
      name: "a text frame kept on self, rebound converted from itself in another method",
      code: "import pandas as pd\n\n\nclass Sales:\n    def __init__(self, path):\n        self.df = pd.read_csv(path, dtype=str)\n\n    def clean(self):\n        self.df = self.df.astype(float)\n\n    def with_tax(self):\n        return self.df[\"amount\"] * 1.2\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a text frame kept on self, rebound from itself in another method (self.df = self.df.dropna()), used as a number in a third",
      code: "import pandas as pd\n\n\nclass Sales:\n    def __init__(self, path):\n        self.df = pd.read_csv(path, dtype={\"amount\": str})\n\n    def clean(self):\n        self.df = self.df.dropna()\n\n    def with_tax(self):\n        return self.df[\"amount\"] * 1.2\n",
      today: "missed (also by the engine before the flow-class audit)",
      errors: [{ messageId: "MW105", line: 12, column: 16, endLine: 12, endColumn: 39 }]
    }
  ]
});

// A text column rewritten in place by its string accessor (`df["p"] = df["p"].str.replace(",", ".")`) stays text: every
// earlier store must keep it text for a later read to be text (holdout5 f03:29). Invalid case fails on 518ada3.
ruleTester('MW105', {
  "valid": [
    {
      "name": "a text column stripped, then converted with astype(float)",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"prices.csv\", dtype=str)\ndf[\"price\"] = df[\"price\"].str.strip()\ndf[\"price\"] = df[\"price\"].astype(float)\nprint(df[\"price\"] * 1.2)\nprint(df[\"price\"].str.len() * 2)\n",
      "today": "silent before too: guard"
    },
    {
      "name": "a column rewritten by .str.len() or to_numeric of its stripped text",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"people.csv\", dtype=str)\ndf[\"name\"] = df[\"name\"].str.len()\ndf[\"age\"] = pd.to_numeric(df[\"age\"].str.strip())\nprint(df[\"name\"] * 2, df[\"age\"] + 1)\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "a text column rewritten by its .str accessor's replace/strip is still text (holdout5 f03:29)",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"prices.csv\", dtype=str)\ndf[\"price\"] = df[\"price\"].str.replace(\"$\", \"\", regex=False).str.strip()\nprint(df[\"price\"] * 1.2)\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW105",
          "line": 5,
          "column": 7,
          "endLine": 5,
          "endColumn": 24
        }
      ]
    }
  ]
});

// `pd.concat` keeps the per-column dtype of its frames (`dtype={"col": str}`), also when the loop's frame starts as
// `pd.DataFrame()` (eleventh holdout, f05:35; a tuning set since). The invalid case fails on 042983c.
ruleTester('MW105', {
  valid: [
    {
      name: "another column of the concatenated frames, read with a numeric dtype",
      code: "import pandas as pd\n\nframe = pd.DataFrame()\nfor path in [\"a.csv\", \"b.csv\"]:\n    frame = pd.concat([frame, pd.read_csv(path, dtype={\"meter_id\": str, \"wh\": \"float64\"})])\nprint(frame[\"wh\"] / 1000)\n",
      today: "silent before too: guard"
    }
  ],
  invalid: [
    {
      name: "a column read as str by a helper, concatenated in a loop onto an empty frame, divided in another function",
      code: "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype={\"meter_id\": str, \"wh\": str})\n\n\ndef collect(paths):\n    frame = pd.DataFrame()\n    for path in paths:\n        frame = pd.concat([frame, load(path)], ignore_index=True)\n    return frame\n\n\ndef kwh(frame):\n    return frame[\"wh\"] / 1000\n\n\nprint(kwh(collect([\"a.csv\", \"b.csv\"])))\n",
      today: "missed before: pd.concat dropped the per-column dtypes of its frames",
      errors: [{ messageId: "MW105", line: 16, column: 12, endLine: 16, endColumn: 30 }]
    }
  ]
});
