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

// Flow classes the third blind holdout (test/fixtures/js-holdout3-*) found unfollowed: get-or-create Maps and
// object maps, [key, value] pairs, class instances and their methods' parameters, callbacks handed to local
// helpers, promise executors, recursive call sites, and the look-alikes that must stay silent.
describe('MW152 lexical-numeric-comparison: flows found by the third holdout', () => {
  ruleTester('MW152', {
    valid: [
      { name: "timestamps compared as text (`o.placedAt < oldest.placedAt`): ISO order is lexical", code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Order { id: string; placedAt: string }\nconst orders = parse(readFileSync('o.csv'), { columns: true }) as Order[];\nlet oldest: Order | undefined;\nfor (const o of orders) if (!oldest || o.placedAt < oldest.placedAt) oldest = o;\n" },
      { name: "a line's timestamp prefix against a `since` cut-off", code: "import { createInterface } from 'readline';\nconst since = process.argv[2];\ncreateInterface({ input: process.stdin }).on('line', (line) => {\n  const ts = line.slice(0, 24);\n  if (since && ts < since) return;\n  console.log(line);\n});\n" },
      { name: "a version part against a number", code: "const [major] = process.version.slice(1).split('.');\nif (major < 18) console.log('old node');\n" },
      { name: "Object.fromEntries converting per column (`TEXT.has(k) ? parts[i] : Number(parts[i])`): no field is known text", code: "import { readFileSync } from 'fs';\nconst header = ['ts', 'sensor', 'temp'];\nconst TEXT = new Set(['ts', 'sensor']);\nfor (const line of readFileSync('s.txt', 'utf8').split('\\n')) {\n  const parts = line.split(' ');\n  const s = Object.fromEntries(header.map((k, i) => [k, TEXT.has(k) ? parts[i] : Number(parts[i])])) as unknown as { temp: number };\n  if (s.temp < 2) console.log('frost');\n}\n" },
    ],
    invalid: [
      {
        name: "`new Promise` resolving the rows a fast-csv stream pushed (`resolve(rows)`), awaited and filtered",
        code: "import { parseFile } from '@fast-csv/parse';\ninterface Row { name: string; hours: number }\nfunction readRows(file: string): Promise<Row[]> {\n  return new Promise((resolve, reject) => {\n    const rows: Row[] = [];\n    parseFile(file, { headers: true })\n      .on('error', reject)\n      .on('data', (row: Row) => rows.push(row))\n      .on('end', () => resolve(rows));\n  });\n}\nconst rows = await readRows('t.csv');\nconsole.log(rows.filter((r) => r.hours > 40).length);\n",
        ranges: ["r.hours > 40"],
        messageIds: ["textVersusNumber"],
        at: [12, 31],
        message: /^`r\.hours` is text \(a fast-csv row field\)/,
        output: "import { parseFile } from '@fast-csv/parse';\ninterface Row { name: string; hours: number }\nfunction readRows(file: string): Promise<Row[]> {\n  return new Promise((resolve, reject) => {\n    const rows: Row[] = [];\n    parseFile(file, { headers: true })\n      .on('error', reject)\n      .on('data', (row: Row) => rows.push(row))\n      .on('end', () => resolve(rows));\n  });\n}\nconst rows = await readRows('t.csv');\nconsole.log(rows.filter((r) => Number(r.hours) > 40).length);\n",
      },
      {
        name: "a command-line argument against a number carried through a recursive generator's parameter (`walk(…, depth + 1)`)",
        code: "import { readdir } from 'fs/promises';\nconst [, , root = '.', maxDepth = '6'] = process.argv;\nasync function* walk(dir: string, depth: number): AsyncGenerator<string> {\n  for (const e of await readdir(dir, { withFileTypes: true })) {\n    if (!e.isDirectory()) continue;\n    if (depth >= maxDepth) continue;\n    yield* walk(`${dir}/${e.name}`, depth + 1);\n  }\n}\nfor await (const d of walk(root, 0)) console.log(d);\n",
        ranges: ["depth >= maxDepth"],
        messageIds: ["textVersusNumber"],
        at: [5, 8],
        message: /^`maxDepth` is text \(a command-line argument\)/,
        output: "import { readdir } from 'fs/promises';\nconst [, , root = '.', maxDepth = '6'] = process.argv;\nasync function* walk(dir: string, depth: number): AsyncGenerator<string> {\n  for (const e of await readdir(dir, { withFileTypes: true })) {\n    if (!e.isDirectory()) continue;\n    if (depth >= Number(maxDepth)) continue;\n    yield* walk(`${dir}/${e.name}`, depth + 1);\n  }\n}\nfor await (const d of walk(root, 0)) console.log(d);\n",
      },
      {
        name: "`reorderAt` is a level, not a time: two numeric texts compared",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst stock = parse(readFileSync('s.csv'), { columns: true });\nconsole.log(stock.filter((r) => r.onHand <= r.reorderAt).length);\n",
        ranges: ["r.onHand <= r.reorderAt"],
        messageIds: ["textVersusText"],
        at: [3, 32],
        message: /^`r\.onHand` and `r\.reorderAt` are both text/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst stock = parse(readFileSync('s.csv'), { columns: true });\nconsole.log(stock.filter((r) => Number(r.onHand) <= r.reorderAt).length);\n",
      },
    ],
  });
});

// Version strings by where they come from, and class fields assigned a number and later data text.
describe('MW152 lexical-numeric-comparison: version parts and mixed class fields', () => {
  ruleTester('MW152', {
    valid: [
      { name: "parts of a version string split from `pkg.version` / `process.versions.node`", code: "import { readFileSync } from 'fs';\nconst pkg = JSON.parse(readFileSync('package.json', 'utf8'));\nconst [maj, min] = pkg.version.split('.');\nif (maj > 1 || min >= 10) console.log('new');\nif (process.versions.node.split('.')[0] < 18) console.log('old node');\n" },
    ],
    invalid: [
      {
        name: "a class field that starts at 0 and then takes data text (`this.max = value`): text, compared by characters",
        path: 'flow.js',
        code: "const fs = require('fs');\nconst readline = require('readline');\nclass Histogram {\n  constructor() {\n    this.max = 0;\n  }\n  add(value) {\n    if (value > this.max) this.max = value;\n  }\n}\nasync function main() {\n  const h = new Histogram();\n  for await (const line of readline.createInterface({ input: fs.createReadStream(process.argv[2]) })) h.add(line.split(' ')[1]);\n  console.log(h.max);\n}\nmain();\n",
        ranges: ["value > this.max"],
        messageIds: ["textVersusText"],
        at: [7, 8],
        message: /^`value` and `this\.max` are both text/,
        output: "const fs = require('fs');\nconst readline = require('readline');\nclass Histogram {\n  constructor() {\n    this.max = 0;\n  }\n  add(value) {\n    if (Number(value) > this.max) this.max = value;\n  }\n}\nasync function main() {\n  const h = new Histogram();\n  for await (const line of readline.createInterface({ input: fs.createReadStream(process.argv[2]) })) h.add(line.split(' ')[1]);\n  console.log(h.max);\n}\nmain();\n",
      },
    ],
  });
});
