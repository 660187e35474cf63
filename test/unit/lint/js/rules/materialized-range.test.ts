// MW453 fires where an array is built only to count iterations (`Array.from({ length: n }).forEach`,
// `[...Array(n)]` in a for…of, `new Array(n).fill(0).forEach`) with n data-sized (file lines, a large
// literal) or untraceable (shown as information). Small literal counts and arrays kept for their values are silent.
import { ruleTester } from '../ruleTester';

describe('MW453 materialized-range', () => {
  ruleTester('MW453', {
    valid: [
      { name: 'a small literal count', code: 'Array.from({ length: 3 }).forEach((_, i) => console.log(i));\n' },
      { name: 'the array is kept for its values (mapped with a function, not only counted)', code: 'const grid = Array.from({ length: 8 }, (_, i) => i * 2);\nconsole.log(grid);\n' },
      { name: 'a plain counting loop', code: 'for (let i = 0; i < Number(process.argv[2]); i++) console.log(i);\n' },
    ],
    invalid: [
      {
        name: 'counting to the number of lines of a file read whole (data scale)',
        code: "import fs from 'fs';\nconst lines = fs.readFileSync('a.txt', 'utf8').split('\\n');\nArray.from({ length: lines.length }).forEach((_, i) => console.log(i));\n",
        ranges: ['Array.from({ length: lines.length })'],
        messageIds: ['countOnly'],
        at: [2, 0],
        message: /only to count iterations.* Data: file lines at line 2\.$/,
      },
      {
        name: '`[...Array(n)]` iterated with a large literal n',
        code: 'const n = 1_000_000;\nfor (const i of [...Array(n)]) console.log(i);\n',
        ranges: ['[...Array(n)]'],
        messageIds: ['countOnly'],
        at: [1, 16],
        message: /Data: a count of 1_000_000\.$/,
      },
      {
        name: 'a count only known at run time: reported, shown as information',
        code: 'const n = Number(process.argv[2]);\nnew Array(n).fill(0).forEach((_, i) => console.log(i));\n',
        ranges: ['new Array(n).fill(0)'],
        messageIds: ['countOnly'],
        at: [1, 0],
        message: /Shown as information: Memwise cannot tell whether this is data-scale/,
      },
    ],
  });
});
