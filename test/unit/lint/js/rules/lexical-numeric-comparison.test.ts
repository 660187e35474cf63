// MW152 fires only where the ordering really differs from the numeric one for the data: multi-digit or
// decimal text from data against a number or other data text. Single characters, version strings and
// parts, and a command-line argument checked against a literal are left alone.
import { ruleTester } from '../ruleTester';

const CSV = "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\n";

describe('MW152 lexical-numeric-comparison', () => {
  ruleTester('MW152', {
    valid: [
      { name: 'one character of a line against a digit character', code: "import fs from 'fs';\nfor (const line of fs.readFileSync('a.txt', 'utf8').split('\\n')) if (line[0] >= '0' && line[0] <= '9') console.log(line);\n" },
      { name: 'charAt against a one-character literal', code: CSV + "const graded = rows.filter((r) => r.grade.charAt(0) > 'B');\n" },
      { name: 'a version field against a version literal', code: CSV + "const modern = rows.filter((r) => r.release >= '2.10.1');\n" },
      { name: 'the major part of a version string', code: "const [major] = process.versions.node.split('.');\nif (major < 18) throw new Error('Node 18+ needed');\n" },
      { name: 'a command-line argument checked against a literal', code: "const n = process.argv[2];\nif (n > 100) console.log('large run');\n" },
      { name: 'converted before comparing', code: CSV + 'const big = rows.filter((r) => Number(r.size) > 10);\n' },
    ],
    invalid: [
      {
        name: 'multi-digit data text against a number',
        code: CSV + 'const big = rows.filter((r) => r.size > 1024);\n',
        ranges: ['r.size > 1024'],
        messageIds: ['textVersusNumber'],
        at: [3, 31],
        message: /^`r\.size` is text \(a csv-parse record field\); `>` with the number `1024`/,
        output: CSV + 'const big = rows.filter((r) => Number(r.size) > 1024);\n',
      },
      {
        name: 'two data texts ordered by characters',
        code: CSV + 'rows.sort((a, b) => (a.total > b.total ? -1 : 1));\n',
        ranges: ['a.total > b.total'],
        messageIds: ['textVersusText'],
        at: [3, 21],
        message: /^`a\.total` and `b\.total` are both text/,
        output: CSV + 'rows.sort((a, b) => (Number(a.total) > b.total ? -1 : 1));\n',
      },
      {
        name: '=== between data text and a single digit is always false (not excused)',
        code: CSV + 'const ones = rows.filter((r) => r.stars === 1);\n',
        ranges: ['r.stars === 1'],
        messageIds: ['alwaysUnequal'],
        at: [3, 32],
        message: /is always false/,
        output: CSV + 'const ones = rows.filter((r) => Number(r.stars) === 1);\n',
      },
    ],
  });
});
