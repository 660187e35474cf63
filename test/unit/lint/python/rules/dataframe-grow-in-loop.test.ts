// MW404 dataframe-grow-in-loop: RuleTester cases (see ../ruleTester.ts for `today`).
// Every case passes on the engine these tests were written against (3ae019f): all are regression guards.
// On 27cfc42, before the v2 analysis, 2 of the 17 failed (`today` says how): "a literal list of three files", "a
// small range".
//
// Data-scale fixes (dataScale.ts): on 6653821 these were reported only as information (scale unknown), where the
// docs promise a data-scale warning; they now state `scale: "data"`: a loop over a parameter whose only call site
// passes `glob.glob("*.csv")`, a loop over a generator that yields the paths of `os.listdir(folder)`, `for _, row in
// src.iterrows()` over a read_csv frame, and a loop over a list filled in a loop nested in `os.walk`. A parameter
// whose only call site passes a literal list of three files is bounded now (it was information).
import { ruleTester } from '../ruleTester';

ruleTester('MW404', {
  valid: [
    {
      name: "a noqa on the line silences it",
      code: "import glob\nimport pandas as pd\n\ndf = pd.DataFrame()\nfor path in glob.glob(\"*.csv\"):\n    df = pd.concat([df, pd.read_csv(path)])  # noqa: MW404\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a literal list of three files",
      code: "import pandas as pd\n\ndf = pd.DataFrame()\nfor path in [\"a.csv\", \"b.csv\", \"c.csv\"]:\n    df = pd.concat([df, pd.read_csv(path)])\n",
      today: "false alarm"
    },
    {
      name: "a small range",
      code: "import pandas as pd\n\ndf = pd.DataFrame()\nfor i in range(3):\n    df = pd.concat([df, pd.DataFrame({\"i\": [i]})])\n",
      today: "false alarm"
    },
    {
      name: "pieces collected in a list, concatenated once",
      code: "import glob\nimport pandas as pd\n\nparts = [pd.read_csv(p) for p in glob.glob(\"*.csv\")]\ndf = pd.concat(parts)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "concat of other frames into a new name in the loop",
      code: "import glob\nimport pandas as pd\n\nbase = pd.read_csv(\"base.csv\")\nfor path in glob.glob(\"*.csv\"):\n    merged = pd.concat([base, pd.read_csv(path)])\n    merged.to_csv(path + \".out\")\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "concat outside any loop",
      code: "import pandas as pd\n\na = pd.read_csv(\"a.csv\")\na = pd.concat([a, pd.read_csv(\"b.csv\")])\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a list's append is not a frame",
      code: "import glob\n\nnames = []\nfor path in glob.glob(\"*.csv\"):\n    names.append(path)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a parameter whose only call site passes a literal list of three files",
      code: "import pandas as pd\n\ndef merge(paths):\n    df = pd.DataFrame()\n    for p in paths:\n        df = pd.concat([df, pd.read_csv(p)])\n    return df\n\nmerge([\"a.csv\", \"b.csv\", \"c.csv\"])\n",
      today: "false alarm on 6653821: reported as information (scale unknown)"
    }
  ],
  invalid: [
    {
      name: "doc example: concat per file of a glob",
      code: "import glob\nimport sys\n\nimport pandas as pd\n\ndf = pd.DataFrame()\nfor path in glob.glob(sys.argv[1]):\n    df = pd.concat([df, pd.read_csv(path)])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 8, column: 10, endLine: 8, endColumn: 44 }],
      scale: "data"
    },
    {
      name: "df.append per csv row",
      code: "import csv\nimport pandas as pd\n\ndf = pd.DataFrame()\nwith open(\"rows.csv\") as f:\n    for row in csv.reader(f):\n        df = df.append({\"a\": row[0]}, ignore_index=True)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 7, column: 14, endLine: 7, endColumn: 57 }],
      scale: "data"
    },
    {
      name: "concat with a tuple, inside a function over a directory listing",
      code: "import os\nimport pandas as pd\n\ndef load_all(folder):\n    frame = pd.DataFrame()\n    for name in os.listdir(folder):\n        frame = pd.concat((frame, pd.read_csv(os.path.join(folder, name))))\n    return frame\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 7, column: 17, endLine: 7, endColumn: 76 }],
      scale: "data"
    },
    {
      name: "concat per chunk of a chunked reader",
      code: "import pandas as pd\n\nout = pd.DataFrame()\nfor chunk in pd.read_csv(\"big.csv\", chunksize=10000):\n    out = pd.concat([out, chunk[chunk[\"x\"] > 0]])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 5, column: 11, endLine: 5, endColumn: 50 }],
      scale: "data"
    },
    {
      name: "concat per row of another frame",
      code: "import pandas as pd\n\nsrc = pd.read_csv(\"events.csv\")\nacc = pd.DataFrame()\nfor _, row in src.iterrows():\n    acc = pd.concat([acc, row.to_frame().T])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 6, column: 11, endLine: 6, endColumn: 45 }],
      scale: "data"
    },
    {
      name: "a frame on self grown per line of a file",
      code: "import pandas as pd\n\nclass Loader:\n    def __init__(self):\n        self.df = pd.DataFrame()\n\n    def load(self, path):\n        for line in open(path):\n            self.df = pd.concat([self.df, pd.DataFrame([line.split(\",\")])])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 9, column: 23, endLine: 9, endColumn: 76 }],
      scale: "data"
    },
    {
      name: "a loop of unknown length (information)",
      code: "import pandas as pd\n\ndef merge(parts):\n    df = pd.DataFrame()\n    for p in parts:\n        df = pd.concat([df, p])\n    return df\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 6, column: 14, endLine: 6, endColumn: 32 }],
      scale: "unknown"
    },
    {
      name: "over a list of paths filled from a directory walk",
      code: "import os\nimport pandas as pd\n\npaths = []\nfor root, dirs, files in os.walk(\"data\"):\n    for name in files:\n        paths.append(os.path.join(root, name))\ndf = pd.DataFrame()\nfor p in paths:\n    df = pd.concat([df, pd.read_csv(p)])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 10, column: 10, endLine: 10, endColumn: 41 }],
      scale: "data"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import glob\nimport pandas as pd\n\ndf = pd.DataFrame()\nfor path in glob.glob(\"*.csv\"):\n    df = pd.concat([df, pd.read_csv(path)])  # noqa: MW203\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 6, column: 10, endLine: 6, endColumn: 44 }],
      scale: "data"
    },
    {
      name: "over a Path's glob",
      code: "from pathlib import Path\nimport pandas as pd\n\nfolder = Path(\"data\")\ndf = pd.DataFrame()\nfor p in folder.glob(\"*.csv\"):\n    df = pd.concat([df, pd.read_csv(p)])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW404", line: 7, column: 10, endLine: 7, endColumn: 41 }],
      scale: "data"
    },
    {
      name: "a parameter whose only call site passes glob.glob()",
      code: "import glob\nimport pandas as pd\n\ndef merge(paths):\n    df = pd.DataFrame()\n    for p in paths:\n        df = pd.concat([df, pd.read_csv(p)])\n    return df\n\nmerge(glob.glob(\"*.csv\"))\n",
      today: "information only on 6653821: call sites were not followed for the scale",
      errors: [{ messageId: "MW404", line: 7, column: 14, endLine: 7, endColumn: 45 }],
      scale: "data"
    },
    {
      name: "a generator function yielding the paths of os.listdir",
      code: "import os\nimport pandas as pd\n\ndef csv_paths(folder):\n    for name in os.listdir(folder):\n        yield os.path.join(folder, name)\n\ndf = pd.DataFrame()\nfor p in csv_paths(\"data\"):\n    df = pd.concat([df, pd.read_csv(p)])\n",
      today: "information only on 6653821: yields were not followed for the scale",
      errors: [{ messageId: "MW404", line: 10, column: 10, endLine: 10, endColumn: 41 }],
      scale: "data"
    }
  ]
});

// A name bound once to an integer literal and never rebound is as fixed as the literal (fixedNames.ts): `range(N)`
// after `N = 8` is a small range, like `range(8)` (realrepos10: JS `let size = 8`, and the same gap in Python).
// The valid cases fail on 518ada3 (reported as information, "`N` is only known at run time").
const GROW = (frame: string) => `    df = pd.concat([df, pd.DataFrame({"i": [i]})])\nprint(len(${frame}))\n`;
ruleTester('MW404', {
  valid: [
    {
      name: "range() of a module constant assigned once",
      code: "import pandas as pd\n\nN = 8\ndf = pd.DataFrame()\nfor i in range(N):\n" + GROW('df'),
      today: "false alarm on 518ada3: reported as information (scale unknown)"
    },
    {
      name: "range() of a module constant read in a function",
      code: "import pandas as pd\n\nSIZE = 8\n\ndef build():\n    df = pd.DataFrame()\n    for i in range(SIZE):\n        df = pd.concat([df, pd.DataFrame({\"i\": [i]})])\n    return df\n",
      today: "false alarm on 518ada3: reported as information (scale unknown)"
    },
    {
      name: "range() of an annotated module constant",
      code: "from typing import Final\nimport pandas as pd\n\nN: Final = 8\ndf = pd.DataFrame()\nfor i in range(N):\n" + GROW('df'),
      today: "false alarm on 518ada3: reported as information (scale unknown)"
    },
    {
      name: "range() of a local assigned once",
      code: "import pandas as pd\n\ndef build():\n    size = 8\n    df = pd.DataFrame()\n    for i in range(size):\n        df = pd.concat([df, pd.DataFrame({\"i\": [i]})])\n    return df\n",
      today: "false alarm on 518ada3: reported as information (scale unknown)"
    },
  ],
  invalid: [
    {
      name: "a module name assigned a literal, then increased",
      code: "import pandas as pd\n\nN = 8\nN += 1\ndf = pd.DataFrame()\nfor i in range(N):\n" + GROW('df'),
      today: "found before too: a look-alike of the fixed-name flow",
      errors: [{ messageId: "MW404", line: 7, column: 10, endLine: 7, endColumn: 51 }],
      scale: "unknown"
    },
    {
      name: "a name assigned a literal in one function, a parameter of the same name in another",
      code: "import pandas as pd\n\ndef first():\n    n = 8\n    return n\n\ndef build(n):\n    df = pd.DataFrame()\n    for i in range(n):\n        df = pd.concat([df, pd.DataFrame({\"i\": [i]})])\n    return df\n",
      today: "found before too: a look-alike of the fixed-name flow",
      errors: [{ messageId: "MW404", line: 10, column: 14, endLine: 10, endColumn: 55 }],
      scale: "unknown"
    },
    {
      name: "a name read in the loop before its literal assignment",
      code: "import pandas as pd\n\ndef build(rows):\n    df = pd.DataFrame()\n    for i in range(limit):\n        df = pd.concat([df, pd.DataFrame({\"i\": [i]})])\n    limit = 8\n    return df\n",
      today: "found before too: a look-alike of the fixed-name flow",
      errors: [{ messageId: "MW404", line: 6, column: 14, endLine: 6, endColumn: 55 }],
      scale: "unknown"
    },
  ],
});

// `.split` on an object is not str.split (realrepos15: `for n, (tr, va) in enumerate(folds.split(df, y))` over a
// scikit-learn KFold, in a Kaggle pipeline and three notebooks, was explained as "holds the parts of one split
// string"). The library model names the cross-validation splitters; an in-file class's `split` is its own method.
// The first three invalid cases fail on b6b0542 (the split-string reason; the in-file method was not followed).
const KFOLD_LOOP = "import pandas as pd\nfrom sklearn.model_selection import KFold, StratifiedKFold\n\n\ndef train(df, stratified):\n    if stratified:\n        folds = StratifiedKFold(n_splits=5, shuffle=True)\n    else:\n        folds = KFold(n_splits=5, shuffle=True)\n    importance = pd.DataFrame()\n    for n, (tr, va) in enumerate(folds.split(df, df[\"y\"])):\n        part = pd.DataFrame({\"fold\": [n]})\n        importance = pd.concat([importance, part], axis=0)\n    return importance\n";
ruleTester('MW404', {
  valid: [],
  invalid: [
    {
      name: "the folds of a KFold or StratifiedKFold bound in two branches are not split text",
      code: KFOLD_LOOP,
      today: "false reason on b6b0542: information saying `folds.split(df, df[\"y\"])` holds the parts of one split string",
      errors: [{ messageId: "MW404", line: 13, column: 22, endLine: 13, endColumn: 59 }],
      scale: "unknown",
      messageIncludes: "nothing shows where `folds.split(df, df[\"y\"])` comes from"
    },
    {
      name: "a dotted splitter built in the loop header",
      code: "import pandas as pd\nfrom sklearn import model_selection\n\n\ndef train(X, y):\n    scores = pd.DataFrame()\n    for tr, va in model_selection.KFold(5).split(X, y):\n        scores = pd.concat([scores, pd.DataFrame({\"n\": [len(tr)]})])\n    return scores\n",
      today: "false reason on b6b0542: information saying the splitter's folds are the parts of one split string",
      errors: [{ messageId: "MW404", line: 8, column: 18, endLine: 8, endColumn: 69 }],
      scale: "unknown",
      messageIncludes: "nothing shows where `model_selection.KFold(5).spli…` comes from"
    },
    {
      name: "an in-file class's split method returning a file's lines",
      code: "import pandas as pd\n\n\nclass Batches:\n    def __init__(self, path):\n        self.path = path\n\n    def split(self):\n        return open(self.path).readlines()\n\n\ndef load(path):\n    out = pd.DataFrame()\n    for line in Batches(path).split():\n        out = pd.concat([out, pd.DataFrame({\"l\": [line]})])\n    return out\n",
      today: "information on b6b0542 (the method was taken for str.split): the lines of a file are data",
      errors: [{ messageId: "MW404", line: 15, column: 15, endLine: 15, endColumn: 60 }],
      scale: "data"
    },
    {
      name: "look-alike: str.split of one line stays the parts of one split string",
      code: "import pandas as pd\n\n\ndef parse(line):\n    out = pd.DataFrame()\n    for piece in line.split(\",\"):\n        out = pd.concat([out, pd.DataFrame({\"p\": [piece]})])\n    return out\n",
      today: "found before too: the reason is unchanged",
      errors: [{ messageId: "MW404", line: 7, column: 15, endLine: 7, endColumn: 61 }],
      scale: "unknown",
      messageIncludes: "`line.split(\",\")` holds the parts of one split string"
    },
    {
      name: "look-alike: an in-file class named KFold whose split cuts text is its own",
      code: "import pandas as pd\n\n\nclass KFold:\n    def split(self, line):\n        return line.split(\",\")\n\n\ndef parse(line):\n    out = pd.DataFrame()\n    for piece in KFold().split(line):\n        out = pd.concat([out, pd.DataFrame({\"p\": [piece]})])\n    return out\n",
      today: "found before too: the reason is unchanged",
      errors: [{ messageId: "MW404", line: 12, column: 15, endLine: 12, endColumn: 61 }],
      scale: "unknown",
      messageIncludes: "`KFold().split(line)` holds the parts of one split string"
    },
  ],
});

// `df = df.append(x)` on a receiver the value facts know holds DataFrames, whatever its name (`sales = pd.DataFrame()`,
// `table = pd.read_csv(…)`): both invalid cases were missed before this round (b6b0542: only a receiver named `df` or
// `…frame…` was taken).
ruleTester('MW404', {
  valid: [
    {
      name: "a list's append (not assigned back)",
      code: "import os\nimport sys\n\nnames = []\nfor fname in os.listdir(sys.argv[1]):\n    names.append(fname)\nprint(names)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "sales.append over a literal list of two files",
      code: "import pandas as pd\n\nsales = pd.DataFrame()\nfor fname in [\"jan.csv\", \"feb.csv\"]:\n    sales = sales.append(pd.read_csv(fname), ignore_index=True)\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "sales = sales.append(day) over a directory listing",
      code: "import os\nimport sys\n\nimport pandas as pd\n\nsales = pd.DataFrame()\nfor fname in os.listdir(sys.argv[1]):\n    day = pd.read_csv(os.path.join(sys.argv[1], fname))\n    sales = sales.append(day, ignore_index=True)\nprint(len(sales))\n",
      today: "missed on b6b0542: the receiver's name says nothing of a frame",
      errors: [
        { messageId: "MW404", line: 9, column: 13, endLine: 9, endColumn: 49 }
      ],
      scale: "data"
    },
    {
      name: "a frame read by read_csv, appended to over a glob",
      code: "import glob\n\nimport pandas as pd\n\ntable = pd.read_csv(\"first.csv\")\nfor path in glob.glob(\"parts/*.csv\"):\n    table = table.append(pd.read_csv(path))\n",
      today: "missed on b6b0542: the receiver's name says nothing of a frame",
      errors: [
        { messageId: "MW404", line: 7, column: 13, endLine: 7, endColumn: 44 }
      ],
      scale: "data"
    }
  ]
});

// `results = pd.DataFrame()`, then `results = results.append(x)` where x is a dict, a Series from an in-file helper or
// a part of unknown kind (realrepos16: a per-player feature frame grown by `append(sub_df)`, sub_df cut from a
// parameter): the facts join the empty frame with what was appended, which is no frame, so the receiver was not taken
// for one. The value the name holds where the outermost loop starts is. The invalid cases were missed on dd67c2a.
ruleTester('MW404', {
  valid: [
    {
      name: "a name rebound to a list before the loop",
      code: "import glob\n\nimport pandas as pd\n\nresults = pd.DataFrame()\nresults = []\nfor path in glob.glob(\"*.csv\"):\n    results = results.append({\"path\": path})\n",
      today: "silent before too: look-alike guard (a list's append returns None; not a frame)"
    },
    {
      name: "a frame made in another function",
      code: "import glob\n\nimport pandas as pd\n\n\ndef start():\n    results = pd.DataFrame()\n    return results\n\n\ndef grow(results):\n    for path in glob.glob(\"*.csv\"):\n        results = results.append({\"path\": path})\n    return results\n",
      today: "silent before too: look-alike guard (the name is a parameter here, nothing in this function makes it a frame)"
    }
  ],
  invalid: [
    {
      name: "a dict appended per file of a glob",
      code: "import glob\n\nimport pandas as pd\n\nresults = pd.DataFrame()\nfor path in glob.glob(\"logs/*.csv\"):\n    n = sum(1 for _ in open(path))\n    results = results.append({\"path\": path, \"lines\": n}, ignore_index=True)\nprint(results)\n",
      today: "missed on dd67c2a: the appended dict made the receiver's value unknown",
      errors: [
        { messageId: "MW404", line: 8, column: 15, endLine: 8, endColumn: 76 }
      ],
      scale: "data"
    },
    {
      name: "a part cut from a parameter, per distinct key",
      code: "import pandas as pd\n\n\ndef transform(df):\n    model_data = pd.DataFrame()\n    for player in df[\"Name\"].unique():\n        part = df[df[\"Name\"] == player]\n        model_data = model_data.append(part, ignore_index=True)\n    return model_data\n",
      today: "missed on dd67c2a: the appended part, of unknown kind, made the receiver's value unknown",
      errors: [
        { messageId: "MW404", line: 8, column: 22, endLine: 8, endColumn: 64 }
      ],
      scale: "unknown"
    }
  ]
});
