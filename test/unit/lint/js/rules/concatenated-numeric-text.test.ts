// MW151 fires where text from data meets `+` with a number: the sum becomes a longer string.
// RuleTester-style: valid look-alikes stay silent; invalid cases give exact ranges, message and fix output.
import { ruleTester } from '../ruleTester';

describe('MW151 concatenated-numeric-text', () => {
  ruleTester('MW151', {
    valid: [
      { name: "converted before adding", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet total = 0;\nfor (const r of rows) total += Number(r.bytes);\n" },
      { name: "a label built from text and a count", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nconst label = rows[0].name + ' (' + rows.length + ')';\n" },
      { name: "deliberate concatenation of two texts", code: "const [a, b] = 'x y'.split(' ');\nconsole.log(a + '/' + b);\n" },
    ],
    invalid: [
      {
        name: "`+=` of a record field into a numeric total",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet total = 0;\nfor (const r of rows) total += r.bytes;\n",
        ranges: ["total += r.bytes"],
        messageIds: ['textIntoRunningNumber'],
        at: [4, 22],
        message: /^`r\.bytes` is text/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet total = 0;\nfor (const r of rows) total += Number(r.bytes);\n",
      },
      {
        name: "an environment variable plus one",
        code: "const port = process.env.PORT || 3000;\nconsole.log(port + 1);\n",
        ranges: ["port + 1"],
        messageIds: ['textPlusNumber'],
        at: [1, 12],
        message: /^`port` is text/,
        output: "const port = process.env.PORT || 3000;\nconsole.log(Number(port) + 1);\n",
      },
      {
        name: "a readline line plus a number",
        code: "import readline from 'readline';\nimport fs from 'fs';\nconst rl = readline.createInterface({ input: fs.createReadStream('n.txt') });\nlet sum = 0;\nrl.on('line', (line) => { sum = sum + line; });\n",
        ranges: ["sum + line"],
        messageIds: ['textPlusNumber'],
        at: [4, 32],
        message: /^`line` is text/,
        output: "import readline from 'readline';\nimport fs from 'fs';\nconst rl = readline.createInterface({ input: fs.createReadStream('n.txt') });\nlet sum = 0;\nrl.on('line', (line) => { sum = sum + Number(line); });\n",
      },
    ],
  });
});
