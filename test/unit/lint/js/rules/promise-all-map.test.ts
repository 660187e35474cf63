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

// The ninth holdout's bird_ringing.cjs and g06_brewery_batches.ts, the sixth's g02_log_enrich.mjs: records from a
// readline or fast-csv stream collected into an array are as many as the data has (missed before the fix). A batch
// emptied again when its length reaches a limit is bounded.
describe("MW455 promise-all-map: records of a stream collected into an array", () => {
  ruleTester("MW455", {
    valid: [
      { name: "readline records gathered into a batch that is flushed when it reaches a limit (`batch = []`)", path: "lines.mjs", code: "import readline from 'node:readline';\nimport fs from 'node:fs';\nlet batch = [];\nconst flush = async () => { await Promise.all(batch.map((b) => fetch(`https://lims/${b.id}`))); batch = []; };\nfor await (const line of readline.createInterface({ input: fs.createReadStream('b.tsv') })) {\n  const [id] = line.split('\\t');\n  batch.push({ id });\n  if (batch.length >= 16) await flush();\n}\nawait flush();\n" },
      { name: "a batch emptied with `.length = 0` when it reaches a limit", path: "lines.mjs", code: "import readline from 'node:readline';\nimport fs from 'node:fs';\nconst batch = [];\nfor await (const line of readline.createInterface({ input: fs.createReadStream('b.tsv') })) {\n  batch.push(line);\n  if (batch.length === 32) { await Promise.all(batch.map((l) => fetch(`https://x/${l}`))); batch.length = 0; }\n}\n" },
    ],
    invalid: [
      {
        name: "rows of a fast-csv stream pushed into an array, then every one started at once",
        path: "ring.cjs",
        code: "const csv = require('fast-csv');\nconst rows = [];\ncsv.parseFile('captures.csv', { headers: true })\n  .on('data', (row) => rows.push(row))\n  .on('end', async () => {\n    const named = await Promise.all(rows.map(async (r) => ({ ...r, species: await fetch(`https://t/${r.code}`) })));\n    console.log(named.length);\n  });\n",
        ranges: ["Promise.all(rows.map(async (r) => ({ ...r, species: await fetch(`https://t/${r.code}`) })))"], messageIds: ["allAtOnce"], at: [5, 24],
      },
      {
        name: "records built from readline lines by a helper, returned and started at once",
        path: "lines.mjs",
        code: "import readline from 'node:readline';\nimport fs from 'node:fs';\nasync function readBatches(file) {\n  const out = [];\n  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {\n    const [id, litres] = line.split('\\t');\n    out.push({ id, litres });\n  }\n  return out;\n}\nconst batches = await readBatches('b.tsv');\nconst statuses = await Promise.all(batches.map((b) => fetch(`https://lims/${b.id}`)));\nconsole.log(statuses.length);\n",
        ranges: ["Promise.all(batches.map((b) => fetch(`https://lims/${b.id}`)))"], messageIds: ["allAtOnce"], at: [11, 23],
      },
    ],
  });
});
