// MW407 np-load-without-mmap: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/np-load-without-mmap.ts): "a
// variable holding an .npz path", "an open file handle cannot be memory-mapped", "a parameter whose call sites pass
// .npz paths", "a handle from Path.open("rb")", "a parameter whose call site passes an open handle", "an open() call
// given directly". Every other case passes on 3ae019f and is a regression guard. Round 12 (fails on 11b4611): "a
// parameter np.load reads only under `if path.endswith('.npz')`".
// On 27cfc42, before the v2 analysis, 6 of the 20 failed (`today` says how): "a variable holding an .npz path", "an
// open file handle cannot be memory-mapped", "a parameter whose call sites pass .npz paths", "a handle from
// Path.open("rb")", "a parameter whose call site passes an open handle", "an open() call given directly".
import { ruleTester } from '../ruleTester';

ruleTester('MW407', {
  valid: [
    {
      "name": "a parameter np.load reads only under `if path.endswith('.npz')`",
      "code": "import numpy as np\n\n\ndef load(log_file):\n    if log_file.endswith('.npz'):\n        data = np.load(log_file)\n        return data['x_data'], data['y_data']\n    raise ValueError(log_file)\n",
      "today": "false alarm (found on a public repository by hand review, round 12: fired before this fix)"
    },
    {
      name: "a noqa on the line silences it",
      code: "import numpy as np\n\nemb = np.load(\"embeddings.npy\")  # noqa: MW407\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "mmap_mode already given",
      code: "import numpy as np\n\nemb = np.load(\"embeddings.npy\", mmap_mode=\"r\")\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "an .npz archive",
      code: "import numpy as np\n\ndata = np.load(\"arrays.npz\")\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "an f-string naming an .npz archive",
      code: "import numpy as np\n\ndef load(name):\n    return np.load(f\"{name}.npz\")\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "options through **kwargs",
      code: "import numpy as np\n\nopts = {\"mmap_mode\": \"r\"}\nemb = np.load(\"embeddings.npy\", **opts)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "another library's load",
      code: "import json\n\ncfg = json.load(open(\"a.json\"))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a variable holding an .npz path",
      code: "import numpy as np\n\narchive = \"arrays.npz\"\ndata = np.load(archive)\n",
      today: "false alarm"
    },
    {
      name: "an open file handle cannot be memory-mapped",
      code: "import numpy as np\n\nwith open(\"embeddings.npy\", \"rb\") as f:\n    emb = np.load(f)\n",
      today: "false alarm"
    },
    {
      name: "a parameter whose call sites pass .npz paths",
      code: "import numpy as np\n\ndef load(path):\n    return np.load(path)\n\na = load(\"a.npz\")\nb = load(\"b.npz\")\n",
      today: "false alarm"
    },
    {
      name: "a handle from Path.open(\"rb\")",
      code: "import numpy as np\nfrom pathlib import Path\n\nfh = Path(\"embeddings.npy\").open(\"rb\")\nemb = np.load(fh)\n",
      today: "false alarm"
    },
    {
      name: "a parameter whose call site passes an open handle",
      code: "import numpy as np\n\ndef read(f):\n    return np.load(f)\n\nwith open(\"embeddings.npy\", \"rb\") as handle:\n    read(handle)\n",
      today: "false alarm"
    },
    {
      name: "an open() call given directly",
      code: "import numpy as np\n\nemb = np.load(open(\"embeddings.npy\", \"rb\"))\n",
      today: "false alarm"
    }
  ],
  invalid: [
    {
      "name": "the same parameter loaded in the .npy branch and in the else of an .npz test",
      "code": "import numpy as np\n\n\ndef load(log_file, ratio=0.5):\n    if log_file.endswith('.npz'):\n        data = np.load(log_file)\n        x = data['x_data']\n    elif log_file.endswith('.npy'):\n        x = np.load(log_file)\n    else:\n        x = np.load(log_file)\n    return x[: int(len(x) * ratio)]\n",
      "today": "found before too: look-alike kept (the .npz branch beside them is silent now)",
      "errors": [
        {
          "messageId": "MW407",
          "line": 9,
          "column": 13,
          "endLine": 9,
          "endColumn": 30
        },
        {
          "messageId": "MW407",
          "line": 11,
          "column": 13,
          "endLine": 11,
          "endColumn": 30
        }
      ],
      "output": "import numpy as np\n\n\ndef load(log_file, ratio=0.5):\n    if log_file.endswith('.npz'):\n        data = np.load(log_file)\n        x = data['x_data']\n    elif log_file.endswith('.npy'):\n        x = np.load(log_file, mmap_mode=\"r\")\n    else:\n        x = np.load(log_file, mmap_mode=\"r\")\n    return x[: int(len(x) * ratio)]\n",
      "safety": "unsafe"
    },
    {
      name: "doc example: a .npy literal (unsafe fix)",
      code: "import numpy as np\n\nemb = np.load(\"embeddings.npy\")\nprint(emb[:10].mean())\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 3, column: 7, endLine: 3, endColumn: 32 }],
      output: "import numpy as np\n\nemb = np.load(\"embeddings.npy\", mmap_mode=\"r\")\nprint(emb[:10].mean())\n",
      safety: "unsafe"
    },
    {
      name: "numpy.load with another keyword",
      code: "import numpy\n\narr = numpy.load(\"vectors.npy\", allow_pickle=False)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 3, column: 7, endLine: 3, endColumn: 52 }],
      output: "import numpy\n\narr = numpy.load(\"vectors.npy\", allow_pickle=False, mmap_mode=\"r\")\n",
      safety: "unsafe"
    },
    {
      name: "a path parameter",
      code: "import numpy as np\n\ndef load(path):\n    return np.load(path)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 4, column: 12, endLine: 4, endColumn: 25 }],
      output: "import numpy as np\n\ndef load(path):\n    return np.load(path, mmap_mode=\"r\")\n",
      safety: "unsafe"
    },
    {
      name: "a Path variable",
      code: "import numpy as np\nfrom pathlib import Path\n\nsrc = Path(\"data\") / \"embeddings.npy\"\nemb = np.load(src)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 5, column: 7, endLine: 5, endColumn: 19 }],
      output: "import numpy as np\nfrom pathlib import Path\n\nsrc = Path(\"data\") / \"embeddings.npy\"\nemb = np.load(src, mmap_mode=\"r\")\n",
      safety: "unsafe"
    },
    {
      name: "inside a loop over a glob",
      code: "import glob\nimport numpy as np\n\nfor p in glob.glob(\"*.npy\"):\n    print(np.load(p).shape)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 5, column: 11, endLine: 5, endColumn: 21 }],
      output: "import glob\nimport numpy as np\n\nfor p in glob.glob(\"*.npy\"):\n    print(np.load(p, mmap_mode=\"r\").shape)\n",
      safety: "unsafe"
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import numpy as np\n\nemb = np.load(\"embeddings.npy\")  # noqa: MW105\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 3, column: 7, endLine: 3, endColumn: 32 }],
      output: "import numpy as np\n\nemb = np.load(\"embeddings.npy\", mmap_mode=\"r\")  # noqa: MW105\n",
      safety: "unsafe"
    },
    {
      name: "a parameter whose call sites pass .npy paths",
      code: "import numpy as np\n\ndef load(path):\n    return np.load(path)\n\na = load(\"a.npy\")\nb = load(path=\"b.npy\")\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 4, column: 12, endLine: 4, endColumn: 25 }],
      output: "import numpy as np\n\ndef load(path):\n    return np.load(path, mmap_mode=\"r\")\n\na = load(\"a.npy\")\nb = load(path=\"b.npy\")\n",
      safety: "unsafe"
    },
    {
      name: "a name rebound from a .npy literal in a function",
      code: "import numpy as np\n\ndef main():\n    path = \"embeddings.npy\"\n    emb = np.load(path)\n    return emb.sum()\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW407", line: 5, column: 11, endLine: 5, endColumn: 24 }],
      output: "import numpy as np\n\ndef main():\n    path = \"embeddings.npy\"\n    emb = np.load(path, mmap_mode=\"r\")\n    return emb.sum()\n",
      safety: "unsafe"
    }
  ]
});

// A load used as the context manager of a `with` is an .npz archive (an array is no context manager): both valid cases
// were false alarms before this round (b6b0542), the path from argv or a parameter.
ruleTester('MW407', {
  valid: [
    {
      name: "with np.load(argv) as archive",
      code: "import sys\n\nimport numpy as np\n\nwith np.load(sys.argv[1]) as archive:\n    emb = archive[\"vectors\"]\nprint(emb.shape)\n",
      today: "false alarm on b6b0542: the path does not say .npz, the with does"
    },
    {
      name: "with np.load(path) as data in a helper",
      code: "import numpy as np\n\n\ndef load_curve(path):\n    with np.load(path) as data:\n        return data[\"conc\"], data[\"absorbance\"]\n",
      today: "false alarm on b6b0542: the path does not say .npz, the with does"
    }
  ],
  invalid: []
});
