// MW202 read-csv-text-dtype: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW202', {
  valid: [],
  invalid: [
    {
      "name": "dtype='unicode' is numpy's name for str",
      "code": "import pandas as pd\n\ndf = pd.read_csv(\"m.csv\", dtype=\"unicode\")\ntotal = df[\"amount\"] * 2\n",
      "today": "missed (seen on a public repository)",
      "errors": [
        {
          "messageId": "MW202",
          "line": 3,
          "column": 6,
          "endLine": 3,
          "endColumn": 43
        }
      ]
    },
    {
      name: "frames read with dtype=str joined by pd.concat into self.df, used in arithmetic in another method",
      code: "import glob\n\nimport pandas as pd\n\n\nclass Gateway:\n    def __init__(self, pattern):\n        self.pattern = pattern\n        self.df = None\n\n    def load(self):\n        frames = []\n        for path in sorted(glob.glob(self.pattern)):\n            frames.append(pd.read_csv(path, dtype=\"str\"))\n        self.df = pd.concat(frames, ignore_index=True)\n\n    def seconds(self):\n        return self.df[\"latency_ms\"] / 1000\n",
      today: "missed",
      errors: [
        {
          messageId: "MW202",
          line: 14,
          column: 27,
          endLine: 14,
          endColumn: 57
        }
      ]
    },
    {
      name: "a DataFrame read with dtype=str, returned, passed on, used in arithmetic in a third function",
      code: "import pandas as pd\n\ndef load(path):\n    return pd.read_csv(path, dtype=str)\n\ndef clean(df):\n    return df.dropna()\n\ndef report(df):\n    return df[\"ms\"] * 2\n\ndef main(path):\n    report(clean(load(path)))\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW202",
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 40
        }
      ]
    }
  ]
});
