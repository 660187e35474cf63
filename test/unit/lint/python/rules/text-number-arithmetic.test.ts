// MW102 text-number-arithmetic: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW102', {
  valid: [],
  invalid: [
    {
      name: "rows copied by a comprehension, then a field used in arithmetic",
      code: "import csv\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    copy = [r for r in rows if r]\n    for r in copy:\n        print(r[2] + 1)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW102",
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 23
        }
      ],
      output: "import csv\n\ndef main(path):\n    with open(path) as f:\n        rows = list(csv.reader(f))\n    copy = [r for r in rows if r]\n    for r in copy:\n        print(float(r[2]) + 1)\n"
    }
  ]
});
