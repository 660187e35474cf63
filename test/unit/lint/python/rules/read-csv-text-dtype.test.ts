// MW202 read-csv-text-dtype: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW202', {
  valid: [],
  invalid: [
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
