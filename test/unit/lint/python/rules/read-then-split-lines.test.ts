// MW302 read-then-split-lines: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW302', {
  valid: [
    {
      name: "a helper whose caller keeps the lines",
      code: "def lines(path):\n    with open(path) as f:\n        return f.read().splitlines()\n\ndef main(path):\n    kept = lines(path)\n    print(len(kept))\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "whole-file read behind a variable (p = Path(...); p.read_text().split)",
      code: "from pathlib import Path\n\ndef main():\n    p = Path(\"log.txt\")\n    for line in p.read_text().split(\"\\n\"):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW302",
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 42
        }
      ]
    },
    {
      name: "a helper returning f.read().splitlines() to a caller that walks it once",
      code: "def lines(path):\n    with open(path) as f:\n        return f.read().splitlines()\n\ndef main(path):\n    for line in lines(path):\n        print(line)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW302",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 37
        }
      ]
    }
  ]
});
