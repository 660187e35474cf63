// MW153 fires where a `reduce` starting from a number (or from the first element) adds parsed text.
// RuleTester-style: valid look-alikes stay silent; invalid cases give exact ranges, message and fix output.
import { ruleTester } from '../ruleTester';

describe('MW153 text-reduce-accumulator', () => {
  ruleTester('MW153', {
    valid: [
      { name: "the callback converts", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nconst total = rows.reduce((acc, r) => acc + Number(r.amount), 0);\n" },
      { name: "a reduce over numbers", code: "const total = [1, 2, 3].reduce((a, b) => a + b, 0);\n" },
    ],
    invalid: [
      {
        name: "numeric initial value, text field",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nconst total = rows.reduce((acc, r) => acc + r.amount, 0);\n",
        ranges: ["acc + r.amount"],
        messageIds: ['textIntoNumericAccumulator'],
        at: [3, 38],
        message: /^`r\.amount` is text/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nconst total = rows.reduce((acc, r) => acc + Number(r.amount), 0);\n",
      },
      {
        name: "no initial value over split text",
        code: "const parts = 'a,1,2'.split(',');\nconst total = parts.reduce((a, b) => a + b);\n",
        ranges: ["a + b"],
        messageIds: ['accumulatorStartsAsText'],
        at: [1, 37],
        message: /^`b` is text/,
        output: "const parts = 'a,1,2'.split(',');\nconst total = parts.reduce((a, b) => a + Number(b));\n",
      },
    ],
  });
});
