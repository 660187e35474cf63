// MW455 fires where `Promise.all`/`Promise.allSettled` maps over a data-sized collection (a directory listing,
// parsed records): every task starts at once. A literal list and batches (`slice(i, i + 16)`) stay silent.
import { ruleTester } from '../ruleTester';

describe('MW455 promise-all-map', () => {
  ruleTester('MW455', {
    valid: [
      { name: 'a literal list of three ids', code: "const ids = ['a', 'b', 'c'];\nawait Promise.all(ids.map((id) => fetch(`https://api/x/${id}`)));\n" },
      { name: 'batches of 16 from a directory listing', code: "import fs from 'fs';\nconst files = fs.readdirSync('uploads');\nfor (let i = 0; i < files.length; i += 16) {\n  await Promise.all(files.slice(i, i + 16).map((f) => fs.promises.stat(f)));\n}\n" },
    ],
    invalid: [
      {
        name: 'every file of a directory listing read at once',
        code: "import fs from 'fs';\nconst files = fs.readdirSync('uploads');\nconst sizes = await Promise.all(files.map(async (f) => (await fs.promises.readFile('uploads/' + f)).length));\nconsole.log(sizes.length);\n",
        ranges: ["Promise.all(files.map(async (f) => (await fs.promises.readFile('uploads/' + f)).length))"],
        messageIds: ['allAtOnce'],
        at: [2, 20],
        message: /^`Promise\.all` over `files\.map\(…\)` starts a task per element.* Data: a directory listing\.$/,
      },
      {
        name: 'allSettled over every parsed record',
        code: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('users.csv'), { columns: true });\nawait Promise.allSettled(rows.map((r) => fetch(`https://api/x/${r.id}`)));\n",
        ranges: ['Promise.allSettled(rows.map((r) => fetch(`https://api/x/${r.id}`)))'],
        messageIds: ['allAtOnce'],
        at: [3, 6],
        message: /^`Promise\.allSettled` over `rows\.map\(…\)`.* Data: records parsed at line 3\.$/,
      },
    ],
  });
});
