// MW251 fires on a tabular parse without casting whose text is then used as a number.
// RuleTester-style: valid look-alikes stay silent; invalid cases give exact ranges, message and fix output.
import { ruleTester } from '../ruleTester';

describe('MW251 untyped-tabular-parse', () => {
  ruleTester('MW251', {
    valid: [
      { name: "csv-parse with cast: true", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true, cast: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n" },
      { name: "text never used as a number", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nfor (const r of rows) console.log(r.name.toUpperCase());\n" },
      { name: "PapaParse with dynamicTyping", code: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true, dynamicTyping: true });\nlet t = 0;\nfor (const r of data) t += r.amount;\n" },
    ],
    invalid: [
      {
        name: "csv-parse records summed",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n",
        ranges: ["parse(fs.readFileSync('a.csv'), { columns: true })"],
        messageIds: ['textKept'],
        at: [2, 13],
        message: /^csv-parse keeps every field as text/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { cast: true, columns: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n",
      },
      {
        name: "PapaParse records compared",
        code: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true });\nconst big = data.filter((r) => r.amount > 1000);\n",
        ranges: ["Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true })"],
        messageIds: ['textKept'],
        at: [2, 17],
        message: /^papaparse keeps every field as text/,
        output: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { dynamicTyping: true, header: true });\nconst big = data.filter((r) => r.amount > 1000);\n",
      },
      {
        name: "d3.csvParse without a row function",
        code: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('a.csv', 'utf8'));\nconst total = rows.reduce((s, r) => s + r.value, 0);\n",
        ranges: ["d3.csvParse(fs.readFileSync('a.csv', 'utf8'))"],
        messageIds: ['textKept'],
        at: [2, 13],
        message: /^d3-dsv keeps every field as text/,
        output: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('a.csv', 'utf8'), d3.autoType);\nconst total = rows.reduce((s, r) => s + r.value, 0);\n",
      },
    ],
  });
});

// Flow classes the third blind holdout (test/fixtures/js-holdout3-*) found unfollowed: get-or-create Maps and
// object maps, [key, value] pairs, class instances and their methods' parameters, callbacks handed to local
// helpers, promise executors, recursive call sites, and the look-alikes that must stay silent.
describe('MW251 untyped-tabular-parse: flows found by the third holdout', () => {
  ruleTester('MW251', {
    valid: [
      { name: "the same copy converting the numeric field (nothing kept as text is used as a number)", code: "import fs from 'fs';\nimport { parse } from 'csv-parse';\nexport async function readOrders(file: string) {\n  const orders: { id: string; qty: number }[] = [];\n  for await (const rec of fs.createReadStream(file).pipe(parse({ columns: true }))) {\n    orders.push({ id: rec.order_id, qty: Number(rec.qty) });\n  }\n  return orders;\n}\nconst big = (await readOrders('o.csv')).filter((o) => o.qty >= 100);\n" },
    ],
    invalid: [
      {
        name: "stream records copied field by field into kept objects, then a copied field used as a number",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse';\nexport async function readOrders(file: string) {\n  const orders: { id: string; qty: number }[] = [];\n  for await (const rec of fs.createReadStream(file).pipe(parse({ columns: true }))) {\n    orders.push({ id: rec.order_id, qty: rec.qty });\n  }\n  return orders;\n}\nconst big = (await readOrders('o.csv')).filter((o) => o.qty >= 100);\n",
        ranges: ["parse({ columns: true })"],
        messageIds: ["textKept"],
        at: [4, 57],
        message: /^csv-parse keeps every field as text/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse';\nexport async function readOrders(file: string) {\n  const orders: { id: string; qty: number }[] = [];\n  for await (const rec of fs.createReadStream(file).pipe(parse({ cast: true, columns: true }))) {\n    orders.push({ id: rec.order_id, qty: rec.qty });\n  }\n  return orders;\n}\nconst big = (await readOrders('o.csv')).filter((o) => o.qty >= 100);\n",
      },
      {
        name: "records handed through a local helper's `done(err, records)` callback",
        path: 'flow.js',
        code: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction loadUsage(file, done) {\n  fs.readFile(file, (err, buf) => {\n    if (err) return done(err);\n    parse(buf, { columns: true }, (perr, records) => done(perr, records));\n  });\n}\nloadUsage('usage.csv', (err, records) => {\n  const units = {};\n  for (const rec of records) units[rec.customer] = (units[rec.customer] || 0) + rec.units;\n});\n",
        ranges: ["parse(buf, { columns: true }, (perr, records) => done(perr, records))"],
        messageIds: ["textKept"],
        at: [5, 4],
        message: /^csv-parse keeps every field as text/,
        output: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction loadUsage(file, done) {\n  fs.readFile(file, (err, buf) => {\n    if (err) return done(err);\n    parse(buf, { cast: true, columns: true }, (perr, records) => done(perr, records));\n  });\n}\nloadUsage('usage.csv', (err, records) => {\n  const units = {};\n  for (const rec of records) units[rec.customer] = (units[rec.customer] || 0) + rec.units;\n});\n",
      },
    ],
  });
});

// The eighth blind holdout's g08_dependency_audit.mjs: the records' text reaches a number through a Map built from
// `[key, field]` tuples, so the uncast parse is reported.
describe('MW251 untyped-tabular-parse: a Map of tuples', () => {
  ruleTester('MW251', {
    valid: [
      { name: "the same parse with dynamicTyping", path: 'flow.mjs', code: "import { readFile } from 'node:fs/promises';\nimport Papa from 'papaparse';\nconst { data } = Papa.parse(await readFile('downloads.csv', 'utf8'), { header: true, dynamicTyping: true });\nconst weekly = new Map(data.map((d) => [d.package, d.weekly]));\nfor (const name of process.argv.slice(2)) {\n  const w = weekly.get(name);\n  if (w !== undefined && w < 500) console.log(`${name}: only ${w} weekly downloads`);\n}\n" },
    ],
    invalid: [
      {
        name: "the field reaches `w < 500` through `new Map(data.map((d) => [d.package, d.weekly]))`",
        path: 'flow.mjs',
        code: "import { readFile } from 'node:fs/promises';\nimport Papa from 'papaparse';\nconst { data } = Papa.parse(await readFile('downloads.csv', 'utf8'), { header: true });\nconst weekly = new Map(data.map((d) => [d.package, d.weekly]));\nfor (const name of process.argv.slice(2)) {\n  const w = weekly.get(name);\n  if (w !== undefined && w < 500) console.log(`${name}: only ${w} weekly downloads`);\n}\n",
        ranges: ["Papa.parse(await readFile('downloads.csv', 'utf8'), { header: true })"],
        messageIds: ["textKept"],
        at: [2, 17],
        message: /^papaparse keeps every field as text/,
      },
    ],
  });
});

// The ninth blind holdout's g10_food_truck_sales_clean.ts: records mapped straight into new records whose fields are
// Number(...) are converted once while copying. Returning the text records and converting at each use was reported
// until wt-fix251; every corpus writer (holdouts 2, 9, 10, 14) reads "used as numbers without conversion" as
// excluding it, so only a use of the text itself as a number (here `r.qty > 10`) is reported, and named.
describe('MW251 untyped-tabular-parse: converted while mapped into new records', () => {
  ruleTester('MW251', {
    valid: [
      { name: "the text records returned and converted at every use (`Number(r.qty) * Number(r.price)`)", path: 'sales.ts', code: "import { readFileSync } from 'node:fs';\nimport Papa from 'papaparse';\nexport function loadSales(file: string) {\n  const result = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true });\n  const unnamed = result.data.filter((r) => !r.item).length;\n  if (unnamed) console.warn(`${unnamed} rows without an item`);\n  return result.data;\n}\nconst sales = loadSales('pos.csv');\nconsole.log(sales.reduce((s, r) => s + Number(r.qty) * Number(r.price), 0));\n" },
      { name: "`result.data.map((r) => ({ qty: Number(r.qty) }))`", path: 'sales.ts', code: "import { readFileSync } from 'node:fs';\nimport Papa from 'papaparse';\nexport function loadSales(file: string) {\n  const result = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true });\n  const unnamed = result.data.filter((r) => !r.item).length;\n  if (unnamed) console.warn(`${unnamed} rows without an item`);\n  return result.data.map((r) => ({ item: r.item, qty: Number(r.qty), price: Number(r.price) }));\n}\nconst sales = loadSales('pos.csv');\nconsole.log(sales.reduce((s, r) => s + r.qty * r.price, 0));\n" },
    ],
    invalid: [
      {
        name: "the text records returned, converted at one use and compared unconverted at another (the message names the unconverted one)",
        path: 'sales.ts',
        code: "import { readFileSync } from 'node:fs';\nimport Papa from 'papaparse';\nexport function loadSales(file: string) {\n  const result = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true });\n  const unnamed = result.data.filter((r) => !r.item).length;\n  if (unnamed) console.warn(`${unnamed} rows without an item`);\n  return result.data;\n}\nconst sales = loadSales('pos.csv');\nconsole.log(sales.reduce((s, r) => s + Number(r.qty) * Number(r.price), 0));\nconsole.log(sales.filter((r) => r.qty > 10).length);\n",
        ranges: ["Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true })"],
        messageIds: ["textKept"],
        at: [3, 17],
        message: /^papaparse keeps every field as text .* line 11 uses them/,
      },
    ],
  });
});

// The ninth holdout's g12_vineyard_harvest.mjs: `readLoads(f, loads)` pushes streamed records into its parameter, so
// they are kept in the caller's array (missed before the fix).
describe("MW251 untyped-tabular-parse: records kept in the array a caller passes to the streaming helper", () => {
  ruleTester("MW251", {
    valid: [
      { name: "records streamed by a helper into its caller's array, converted as they are pushed", path: "harvest.mjs", code: "import { createReadStream } from 'node:fs';\nimport { parse } from 'csv-parse';\nasync function readLoads(file, loads) {\n  for await (const rec of createReadStream(file).pipe(parse({ columns: true }))) loads.push({ variety: rec.variety, tons: Number(rec.tons) });\n}\nconst loads = [];\nfor (const f of process.argv.slice(2)) await readLoads(f, loads);\nlet tonnes = 0;\nfor (const l of loads) tonnes += l.tons;\nconsole.log(tonnes);\n" },
      { name: "records streamed by a helper and summed there, never kept", path: "harvest.mjs", code: "import { createReadStream } from 'node:fs';\nimport { parse } from 'csv-parse';\nasync function readLoads(file, totals) {\n  for await (const rec of createReadStream(file).pipe(parse({ columns: true }))) totals.push(rec.variety);\n}\nconst names = [];\nfor (const f of process.argv.slice(2)) await readLoads(f, names);\nconsole.log(names.length);\n" },
    ],
    invalid: [
      {
        name: "records streamed by a helper into its caller's array (`readLoads(f, loads)`), their field added later",
        path: "harvest.mjs",
        code: "import { createReadStream } from 'node:fs';\nimport { parse } from 'csv-parse';\nasync function readLoads(file, loads) {\n  for await (const rec of createReadStream(file).pipe(parse({ columns: true }))) loads.push(rec);\n}\nconst loads = [];\nfor (const f of process.argv.slice(2)) await readLoads(f, loads);\nlet tonnes = 0;\nfor (const l of loads) tonnes += l.tons;\nconsole.log(tonnes);\n",
        ranges: ["parse({ columns: true })"], messageIds: ["textKept"], at: [3, 54],
        output: "import { createReadStream } from 'node:fs';\nimport { parse } from 'csv-parse';\nasync function readLoads(file, loads) {\n  for await (const rec of createReadStream(file).pipe(parse({ cast: true, columns: true }))) loads.push(rec);\n}\nconst loads = [];\nfor (const f of process.argv.slice(2)) await readLoads(f, loads);\nlet tonnes = 0;\nfor (const l of loads) tonnes += l.tons;\nconsole.log(tonnes);\n",
      },
    ],
  });
});

// Streamed records pushed into a class field that starts as `[]` are kept, like those pushed into a variable (missed
// before the fix).
describe("MW251 untyped-tabular-parse: streamed records kept in a class field", () => {
  ruleTester("MW251", {
    valid: [
      { name: "records streamed into a class field, converted as they are pushed", code: "import { createReadStream } from 'fs';\nimport { parse } from 'csv-parse';\nclass Board {\n  private rows: { team: string; points: number }[] = [];\n  async load(p: string) { for await (const r of createReadStream(p).pipe(parse({ columns: true }))) this.rows.push({ team: r.team, points: Number(r.points) }); }\n  best() { let top = this.rows[0]; for (const r of this.rows) if (r.points > top.points) top = r; return top; }\n}\nconst b = new Board();\nawait b.load('a.csv');\nconsole.log(b.best());\n" },
    ],
    invalid: [
      {
        name: "records streamed with `for await` and kept in a class field (`this.rows.push(r)`), compared as numbers in another method",
        code: "import { createReadStream } from 'fs';\nimport { parse } from 'csv-parse';\nclass Board {\n  private rows: Record<string, string>[] = [];\n  async load(p: string) { for await (const r of createReadStream(p).pipe(parse({ columns: true }))) this.rows.push(r); }\n  best() { let top = this.rows[0]; for (const r of this.rows) if (r.points > top.points) top = r; return top; }\n}\nconst b = new Board();\nawait b.load('a.csv');\nconsole.log(b.best());\n",
        ranges: ["parse({ columns: true })"], messageIds: ["textKept"], at: [4, 73],
        output: "import { createReadStream } from 'fs';\nimport { parse } from 'csv-parse';\nclass Board {\n  private rows: Record<string, string>[] = [];\n  async load(p: string) { for await (const r of createReadStream(p).pipe(parse({ cast: true, columns: true }))) this.rows.push(r); }\n  best() { let top = this.rows[0]; for (const r of this.rows) if (r.points > top.points) top = r; return top; }\n}\nconst b = new Board();\nawait b.load('a.csv');\nconsole.log(b.best());\n",
      },
    ],
  });
});

// `promisify(parse)` of csv-parse's callback API resolves with its records: a parse like csv-parse/sync's (missed before
// the fix).
describe("MW251 untyped-tabular-parse: csv-parse through util.promisify", () => {
  ruleTester("MW251", {
    valid: [
      { name: "`util.promisify(parse)` with `cast: true`", code: "import { readFileSync } from 'fs';\nimport { promisify } from 'util';\nimport { parse } from 'csv-parse';\nconst parseAsync = promisify(parse);\nconst rows: any = await parseAsync(readFileSync('a.csv'), { columns: true, cast: true });\nlet total = 0;\nfor (const r of rows) total += r.amount;\nconsole.log(total, rows.length);\n" },
    ],
    invalid: [
      {
        name: "csv-parse's callback API through `util.promisify(parse)`: awaited records kept and summed",
        code: "import { readFileSync } from 'fs';\nimport { promisify } from 'util';\nimport { parse } from 'csv-parse';\nconst parseAsync = promisify(parse);\nconst rows: any = await parseAsync(readFileSync('a.csv'), { columns: true });\nlet total = 0;\nfor (const r of rows) total += r.amount;\nconsole.log(total, rows.length);\n",
        ranges: ["parseAsync(readFileSync('a.csv'), { columns: true })"], messageIds: ["textKept"], at: [4, 24],
        output: "import { readFileSync } from 'fs';\nimport { promisify } from 'util';\nimport { parse } from 'csv-parse';\nconst parseAsync = promisify(parse);\nconst rows: any = await parseAsync(readFileSync('a.csv'), { cast: true, columns: true });\nlet total = 0;\nfor (const r of rows) total += r.amount;\nconsole.log(total, rows.length);\n",
      },
    ],
  });
});

// Found by the tenth blind holdout's scoring (orders_recent.ts: records filtered by `o.placedAt >= since` and
// `o.customer.toUpperCase() < 'N'`, a false alarm on 8dce7d4): a comparison that MW152 excuses (timestamps, names,
// versions, single characters) is not a numeric use of the records. Both valid cases fired on 8dce7d4; the invalid
// look-alike (amounts compared as text) still fires.
describe('MW251 untyped-tabular-parse: comparisons meant as text', () => {
  const head = "import { readFileSync } from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst since = process.argv[2] ?? '2024-06-01';\nconst orders = parse(readFileSync('orders.csv'), { columns: true });\n";
  ruleTester('MW251', {
    valid: [
      { name: "records filtered by a timestamp field against a date", code: head + "const recent = orders.filter((o) => o.placedAt >= since);\nconsole.log(recent.length, orders.length);\n" },
      { name: "records split by a name's first letter", code: head + "const firstHalf = orders.filter((o) => o.customer.toUpperCase() < 'N');\nconsole.log(firstHalf.length, orders.length);\n" },
    ],
    invalid: [
      {
        name: "records whose amounts are compared as text (look-alike)",
        code: head + "const bigger = orders.filter((o, i) => i > 0 && o.amount > orders[i - 1].amount);\nconsole.log(bigger.length);\n",
        ranges: ["parse(readFileSync('orders.csv'), { columns: true })"],
        messageIds: ['textKept'],
        at: [3, 15],
        message: /^csv-parse keeps every field as text/,
        output: head.replace('{ columns: true }', '{ cast: true, columns: true }') + "const bigger = orders.filter((o, i) => i > 0 && o.amount > orders[i - 1].amount);\nconsole.log(bigger.length);\n",
      },
    ],
  });
});

// Text compared only with text counts as a numeric use only where the file shows the text holds numbers, as MW152
// judges it (textOrder.ts, numericEvidence.ts): records whose one comparison is two intervals' `start` keep no
// number as text (reported on 11b4611: the twelfth holdout's meter_usage.ts shape); a quantity field compared the
// same way still does.
describe('MW251 untyped-tabular-parse: text against text needs evidence that it holds numbers', () => {
  ruleTester('MW251', {
    valid: [
      { name: "two records' `start` compared (the latest interval): no number kept as text", code: "import * as d3 from 'd3-dsv';\nimport { readFileSync } from 'fs';\nconst rows = d3.csvParse(readFileSync(process.argv[2], 'utf8'));\nconst latest = rows.reduce((a, b) => (b.start > a.start ? b : a));\nconsole.log(latest.start);\n" },
    ],
    invalid: [
      {
        name: 'look-alike: two records\' `kwh` compared (a quantity): numbers kept as text',
        code: "import * as d3 from 'd3-dsv';\nimport { readFileSync } from 'fs';\nconst rows = d3.csvParse(readFileSync(process.argv[2], 'utf8'));\nconst top = rows.reduce((a, b) => (b.kwh > a.kwh ? b : a));\nconsole.log(top.kwh);\n",
        ranges: ["d3.csvParse(readFileSync(process.argv[2], 'utf8'))"],
        messageIds: ['textKept'],
        at: [2, 13],
        output: "import * as d3 from 'd3-dsv';\nimport { readFileSync } from 'fs';\nconst rows = d3.csvParse(readFileSync(process.argv[2], 'utf8'), d3.autoType);\nconst top = rows.reduce((a, b) => (b.kwh > a.kwh ? b : a));\nconsole.log(top.kwh);\n",
      },
    ],
  });
});

// Round 12 of the public-code review (JS/TS): `d.population = +d.population` over the parsed records stores the
// number back into the field it read (reported on the engine before the fix). Converting into another field keeps the
// text too, but that text is never used as a number, so it is not reported either (since wt-fix251).
describe("MW251 untyped-tabular-parse: fields converted in place (round 12)", () => {
  ruleTester("MW251", {
    valid: [
      { name: "converted into another field (`d.people = +d.population`): the text kept is never used as a number", code: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('cities.csv', 'utf8'));\nrows.forEach((d) => {\n  d.people = +d.population;\n});\nconsole.log(rows[0]);\n" },
      { name: "d3's idiom: every record's field replaced by its number (`d.x = +d.x`, `d['a b'] = Number(d['a b'])`)", code: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('cities.csv', 'utf8'));\nrows.forEach((d) => {\n  d.population = +d.population;\n  d['land area'] = Number(d['land area']);\n});\nconsole.log(rows[0]);\n" },
    ],
    invalid: [],
  });
});

// Round 13 (realrepos13js, a data-journalism build): the mapped element's field converted once, inside the value
// of a field of the new record (a `?:` branch, `.toFixed()`, arithmetic), like `{ n: +d.n }`.
describe('MW251 untyped-tabular-parse: a conversion inside a mapped record field', () => {
  const HEAD = "import * as d3 from 'd3';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('pv.csv', 'utf8'));\n";
  ruleTester('MW251', {
    valid: [
      { name: 'a conversion in a branch of ?: (views: d.views.length ? +d.views : null)', code: `${HEAD}const clean = rows.map((d) => ({ ...d, views: d.views.length ? +d.views : null }));\nconsole.log(clean.length);\n` },
      { name: 'a piece of a date stamp cut by position and converted (+d.stamp.substring(4, 6)): parsed, not a number kept as text', code: `${HEAD}const july = rows.filter((d) => +d.stamp.substring(4, 6) === 7);\nconsole.log(july.length);\n` },
      { name: 'a destructured field converted and formatted (share: (+share).toFixed(8))', code: `${HEAD}const out = rows.map(({ t, share }) => ({ t, share: (+share).toFixed(8) }));\nfs.writeFileSync('o.csv', d3.csvFormat(out));\n` },
      { name: 'a whole field of the kept records converted at each use (+d.stamp > 201501, rows.filter over +v.views): never used as a number unconverted', code: `${HEAD}const months = rows.filter((d) => +d.stamp > 201501);\nconst clean = rows.map((d) => ({ ...d, views: d.views.length ? +d.views : null }));\nconsole.log(months.length, rows.filter((v) => +v.views > 10).length, clean.length);\n` },
      { name: 'a conversion inside arithmetic inside Math.floor (bin: Math.floor((+d.index + 3) / 7))', code: `${HEAD}const out = rows.map((d) => ({ ...d, bin: Math.floor((+d.index + 3) / 7) }));\nconsole.log(out.length);\n` },
    ],
    invalid: [
      {
        name: 'a whole field converted at one use (+d.stamp) and compared unconverted at the next: the message names the unconverted use',
        code: `${HEAD}const months = rows.filter((d) => +d.stamp > 201501);\nconsole.log(months.length, rows.filter((d) => d.stamp > 201612).length);\n`,
        ranges: ["d3.csvParse(fs.readFileSync('pv.csv', 'utf8'))"], messageIds: ['textKept'], at: [2, 13],
        message: /^d3-dsv keeps every field as text .* line 5 uses them/,
        output: `${HEAD.replace("'utf8'))", "'utf8'), d3.autoType)")}const months = rows.filter((d) => +d.stamp > 201501);\nconsole.log(months.length, rows.filter((d) => d.stamp > 201612).length);\n`,
      },
      {
        name: 'arithmetic on the text itself in a mapped record field (cents: Math.round(d.price * 100)): used as a number without conversion',
        code: `${HEAD}const out = rows.map((d) => ({ sku: d.sku, cents: Math.round(d.price * 100) }));\nconsole.log(out.length);\n`,
        ranges: ["d3.csvParse(fs.readFileSync('pv.csv', 'utf8'))"], messageIds: ['textKept'], at: [2, 13],
        message: /^d3-dsv keeps every field as text .* line 4 uses them/,
        output: `${HEAD.replace("'utf8'))", "'utf8'), d3.autoType)")}const out = rows.map((d) => ({ sku: d.sku, cents: Math.round(d.price * 100) }));\nconsole.log(out.length);\n`,
      },
      {
        name: 'an outer record field divided inside every mapped record: converted again per element',
        code: "import * as d3 from 'd3';\nimport fs from 'fs';\nconst people = d3.csvParse(fs.readFileSync('people.csv', 'utf8'));\nfor (const p of people) {\n  const out = [{ share: '1' }].map((d) => ({ ratio: (+d.share / p.median).toFixed(3) }));\n  console.log(out);\n}\n",
        ranges: ["d3.csvParse(fs.readFileSync('people.csv', 'utf8'))"], messageIds: ['textKept'], at: [2, 15],
        message: /^d3-dsv keeps every field as text .* line 5 uses them/,
        output: "import * as d3 from 'd3';\nimport fs from 'fs';\nconst people = d3.csvParse(fs.readFileSync('people.csv', 'utf8'), d3.autoType);\nfor (const p of people) {\n  const out = [{ share: '1' }].map((d) => ({ ratio: (+d.share / p.median).toFixed(3) }));\n  console.log(out);\n}\n",
      },
    ],
  });
});

// The fourteenth blind holdout's recycling_route_ranking.mjs (a false alarm on 0db804a) and js-holdout2's
// j25_payroll_helpers_clean.ts: every numeric use of a field is converted where it is used (`Number(...)`, `parseFloat`,
// `parseInt`, unary `+`, or an in-file helper doing one of these), so no text is used as a number without conversion
// (docs/rules.md's wording, and every corpus writer's reading). Each valid case was reported before wt-fix251. The
// invalid look-alike (recycling_route_tonnage.mjs) converts one field and compares another unconverted: reported, and
// the message now names the unconverted use (line 10), not the conversion (line 7, named before).
describe('MW251 untyped-tabular-parse: every numeric use converted where it is used', () => {
  const HEAD = "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst lifts = parse(fs.readFileSync('collections.csv'), { columns: true, trim: true });\n";
  const LOOP = "const routes = new Map();\nfor (const lift of lifts) {\n  const r = routes.get(lift.route) ?? { route: lift.route, tonnes: 0 };\n  r.tonnes += Number(lift.tonnes);\n  routes.set(lift.route, r);\n}\n";
  ruleTester('MW251', {
    valid: [
      { name: 'Number(...) at the use and through an in-file helper (`const pct = (l) => Number(l.contamination_pct)`)', code: `${HEAD}const pct = (l) => Number(l.contamination_pct);\n${LOOP}const contaminated = lifts.filter((l) => pct(l) > 15);\nconsole.log(routes.size, contaminated.length);\n` },
      { name: 'a helper function that cleans and converts (`toNumber(r.salary)`), compared and summed', path: 'pay.ts', code: "import { readFileSync } from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nfunction toNumber(text: string | undefined, fallback = 0): number {\n  if (text === undefined || text.trim() === '') return fallback;\n  const n = Number(text.replace(/,/g, ''));\n  return Number.isFinite(n) ? n : fallback;\n}\nconst records: Record<string, string>[] = parse(readFileSync('payroll.csv'), { columns: true });\nlet total = 0;\nfor (const r of records) total += toNumber(r.salary);\nconst partTime = records.filter((r) => toNumber(r.fte, 1) < 1).length;\nconsole.log(total, partTime);\n" },
      { name: 'parseFloat, parseInt and unary + at each use', code: `${HEAD}let t = 0;\nfor (const l of lifts) t += parseFloat(l.tonnes);\nconst busy = lifts.filter((l) => parseInt(l.bins, 10) > 40 && +l.contamination_pct < 5);\nconsole.log(t, busy.length);\n` },
    ],
    invalid: [
      {
        name: 'one field converted (Number(lift.tonnes)), another compared unconverted (l.contamination_pct > 15)',
        code: `${HEAD}${LOOP}const contaminated = lifts.filter((l) => l.contamination_pct > 15);\nconsole.log(routes.size, contaminated.length);\n`,
        ranges: ["parse(fs.readFileSync('collections.csv'), { columns: true, trim: true })"], messageIds: ['textKept'], at: [2, 14],
        message: /^csv-parse keeps every field as text .* line 10 uses them/,
        output: `${HEAD.replace('{ columns: true', '{ cast: true, columns: true')}${LOOP}const contaminated = lifts.filter((l) => l.contamination_pct > 15);\nconsole.log(routes.size, contaminated.length);\n`,
      },
    ],
  });
});
