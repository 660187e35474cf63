// MW201 csv-rows-kept-as-text: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW201', {
  valid: [],
  invalid: [
    {
      name: "rows kept, then a bare pstdev over a field",
      code: "import csv\nfrom statistics import pstdev\n\nrows = []\nwith open(\"t.csv\") as f:\n    for row in csv.reader(f):\n        rows.append(row)\nprint(pstdev([r[1] for r in rows]))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW201",
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 29
        }
      ]
    }
  ]
});
