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

// The fifth blind holdout: records copied out of parsed ones (`orders.push({ id: rec.id })`) and records a
// parser cast are still the data set; objects built from literals are not.
describe('MW455 promise-all-map: flows found by the fifth holdout', () => {
  ruleTester('MW455', {
    valid: [
      { name: 'records built from literals', code: "const jobs = [{ id: 'a' }, { id: 'b' }];\nawait Promise.all(jobs.map((j) => fetch(`https://api/x/${j.id}`)));\n" },
    ],
    invalid: [
      {
        name: 'records copied out of parsed ones',
        code: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst orders = [];\nfor (const r of parse(fs.readFileSync('o.csv'), { columns: true })) orders.push({ id: r.order_id, amount: r.amount });\nawait Promise.all(orders.map(async (o) => fetch(`https://api/x/${o.id}`)));\n",
        ranges: ['Promise.all(orders.map(async (o) => fetch(`https://api/x/${o.id}`)))'],
        messageIds: ['allAtOnce'],
        at: [4, 6],
      },
      {
        name: 'records a csv-parse cast converted',
        code: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('c.csv'), { columns: true, cast: true });\nawait Promise.all(rows.map((r) => fetch(`https://api/x/${r.id}`)));\n",
        ranges: ['Promise.all(rows.map((r) => fetch(`https://api/x/${r.id}`)))'],
        messageIds: ['allAtOnce'],
        at: [3, 6],
      },
    ],
  });
});
