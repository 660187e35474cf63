// MW103 on a column of a frame read as text (pd.read_csv(dtype=str)) that a store elsewhere in the file replaces:
// the eighteenth holdout's false alarm (f03_reptile_zoos.py:25) and the guards around it.
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  valid: [
    {
      name: "a column stored with arithmetic in another function, read through a filtered copy in a third",
      code: "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path, dtype=str)\n\n\ndef add_f(frame):\n    frame[\"temp_f\"] = frame[\"temp_c\"].astype(float) * 1.8 + 32\n    return frame\n\n\ndef hot(frame):\n    part = frame[frame[\"zone\"] == \"basking\"]\n    return part[part[\"temp_f\"] > 110]\n\n\nprint(hot(add_f(load(\"climate.csv\"))))\n",
      today: "false alarm (python-holdout18-multi f03_reptile_zoos.py:25, reported before this fix)"
    },
    {
      name: "a column stored with arithmetic in a function defined later in the file, read through the same name",
      code: "import pandas as pd\n\n\ndef hot(frame):\n    return frame[frame[\"temp_f\"] > 110]\n\n\ndef add_f(frame):\n    frame[\"temp_f\"] = frame[\"temp_c\"].astype(float) * 1.8 + 32\n    return frame\n\n\nprint(hot(add_f(pd.read_csv(\"climate.csv\", dtype=str))))\n",
      today: "false alarm (fired before this fix: only earlier stores through the same name were seen)"
    }
  ],
  invalid: [
    {
      name: "look-alike: the same frame converts the column after the comparison in the same function",
      code: "import pandas as pd\n\n\ndef hot(path):\n    df = pd.read_csv(path, dtype=str)\n    if (df[\"temp\"] > 110).any():\n        print(\"hot\")\n    df[\"temp\"] = pd.to_numeric(df[\"temp\"])\n    return df\n\n\nhot(\"climate.csv\")\n",
      today: "found before too: guard (a later store through the same name in the same function does not count)",
      errors: [{ messageId: "MW103", line: 6, column: 9, endLine: 6, endColumn: 25 }]
    },
    {
      name: "look-alike: another function stores the column as text again (.str.strip())",
      code: "import pandas as pd\n\n\ndef tidy(frame):\n    frame[\"temp\"] = frame[\"temp\"].str.strip()\n    return frame\n\n\ndef hot(frame):\n    part = frame[frame[\"zone\"] == \"basking\"]\n    return part[part[\"temp\"] > 110]\n\n\nprint(hot(tidy(pd.read_csv(\"climate.csv\", dtype=str))))\n",
      today: "found before too: guard (a store of a text column keeps it text)",
      errors: [{ messageId: "MW103", line: 11, column: 17, endLine: 11, endColumn: 35 }]
    },
    {
      name: "look-alike: the comparison itself is the value stored into another frame's column of that name",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"climate.csv\", dtype=str)\nout = pd.DataFrame()\nout[\"temp\"] = df[\"temp\"] > 110\nprint(out)\n",
      today: "found before too: guard (a store does not hide the read on its own right side)",
      errors: [{ messageId: "MW103", line: 5, column: 15, endLine: 5, endColumn: 31 }]
    }
  ]
});
