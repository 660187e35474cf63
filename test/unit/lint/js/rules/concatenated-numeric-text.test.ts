// MW151 fires where text from data meets `+` with a number: the sum becomes a longer string.
// RuleTester-style: valid look-alikes stay silent; invalid cases give exact ranges, message and fix output.
import { ruleTester } from '../ruleTester';

describe('MW151 concatenated-numeric-text', () => {
  ruleTester('MW151', {
    valid: [
      { name: "converted before adding", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet total = 0;\nfor (const r of rows) total += Number(r.bytes);\n" },
      { name: "a label built from text and a count", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nconst label = rows[0].name + ' (' + rows.length + ')';\n" },
      { name: "deliberate concatenation of two texts", code: "const [a, b] = 'x y'.split(' ');\nconsole.log(a + '/' + b);\n" },
      // Found on a public repository by hand review (2026-12-06), where it fired with a "safe" fix: without an initial
      // value the accumulator starts as argv[0], but the callback returns 0 first, so it is a number when `+` runs.
      { name: "a reduce without an initial value whose callback returns a number", code: "console.log(process.argv.reduce(function (acc, cur, i) {\n  return i < 2 ? 0 : acc + Number(cur);\n}));\n" },
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

// Flow classes the third blind holdout (test/fixtures/js-holdout3-*) found unfollowed: get-or-create Maps and
// object maps, [key, value] pairs, class instances and their methods' parameters, callbacks handed to local
// helpers, promise executors, recursive call sites, and the look-alikes that must stay silent.
describe('MW151 concatenated-numeric-text: flows found by the third holdout', () => {
  ruleTester('MW151', {
    valid: [
      { name: "the same callback flow with cast: true", path: 'flow.js', code: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction loadUsage(file, done) {\n  fs.readFile(file, (err, buf) => {\n    if (err) return done(err);\n    parse(buf, { columns: true, cast: true }, (perr, records) => done(perr, records));\n  });\n}\nloadUsage('usage.csv', (err, records) => {\n  let credits = 0;\n  for (const rec of records) credits += rec.credit;\n  console.log(credits);\n});\n" },
      { name: "class method parameter from a call site that converts", code: "import { readFile } from 'fs/promises';\ninterface Tx { account: string; amount: number }\nclass Ledger {\n  total = 0;\n  apply(tx: Tx): void {\n    this.total = this.total + tx.amount;\n  }\n}\nconst ledger = new Ledger();\nfor (const line of (await readFile('t.txt', 'utf8')).split('\\n')) {\n  const [account, amount] = line.split(';');\n  ledger.apply({ account, amount: Number(amount) });\n}\n" },
    ],
    invalid: [
      {
        name: "get-or-create Map entry (`let t = m.get(k); if (!t) { t = {…}; m.set(k, t); }`): its numeric field takes record text",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Totals { calls: number; bytes: number }\nconst byHost = new Map<string, Totals>();\nfor (const r of parse(readFileSync('a.csv'), { columns: true }) as { host: string; bytes: number }[]) {\n  let t = byHost.get(r.host);\n  if (!t) {\n    t = { calls: 0, bytes: 0 };\n    byHost.set(r.host, t);\n  }\n  t.calls++;\n  t.bytes += r.bytes;\n}\n",
        ranges: ["t.bytes += r.bytes"],
        messageIds: ["textIntoRunningNumber"],
        at: [11, 2],
        message: /^`r\.bytes` is text \(a csv-parse record field\)/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Totals { calls: number; bytes: number }\nconst byHost = new Map<string, Totals>();\nfor (const r of parse(readFileSync('a.csv'), { columns: true }) as { host: string; bytes: number }[]) {\n  let t = byHost.get(r.host);\n  if (!t) {\n    t = { calls: 0, bytes: 0 };\n    byHost.set(r.host, t);\n  }\n  t.calls++;\n  t.bytes += Number(r.bytes);\n}\n",
      },
      {
        name: "object map entry created with `??=` (`(table[k] ??= { points: 0 })`) then added to stream text",
        code: "import { createReadStream } from 'fs';\nimport { parse } from '@fast-csv/parse';\nconst table: Record<string, { points: number }> = {};\ncreateReadStream('r.csv').pipe(parse({ headers: true })).on('data', (row) => {\n  const t = (table[row.team] ??= { points: 0 });\n  t.points = t.points + row.points;\n});\n",
        ranges: ["t.points + row.points"],
        messageIds: ["textPlusNumber"],
        at: [5, 13],
        message: /^`row\.points` is text \(a fast-csv row field\)/,
        output: "import { createReadStream } from 'fs';\nimport { parse } from '@fast-csv/parse';\nconst table: Record<string, { points: number }> = {};\ncreateReadStream('r.csv').pipe(parse({ headers: true })).on('data', (row) => {\n  const t = (table[row.team] ??= { points: 0 });\n  t.points = t.points + Number(row.points);\n});\n",
      },
      {
        name: "class method parameter from the call site on an instance (`ledger.apply(tx)`, tx asserted `as unknown as Tx`, a helper returning null on bad lines)",
        code: "import { readFile } from 'fs/promises';\ninterface Tx { account: string; amount: number }\nclass Ledger {\n  private balances = new Map<string, number>();\n  apply(tx: Tx): void {\n    const current = this.balances.get(tx.account) ?? 0;\n    this.balances.set(tx.account, current + tx.amount);\n  }\n}\nfunction parseLine(line: string): Tx | null {\n  const [account, amount] = line.split(';');\n  if (!amount) return null;\n  return { account, amount } as unknown as Tx;\n}\nexport async function load(file: string, ledger: Ledger) {\n  for (const line of (await readFile(file, 'utf8')).split('\\n')) {\n    const tx = parseLine(line);\n    if (tx) ledger.apply(tx);\n  }\n}\nawait load(process.argv[2], new Ledger());\n",
        ranges: ["current + tx.amount"],
        messageIds: ["textPlusNumber"],
        at: [6, 34],
        message: /^`tx\.amount` is text/,
        output: "import { readFile } from 'fs/promises';\ninterface Tx { account: string; amount: number }\nclass Ledger {\n  private balances = new Map<string, number>();\n  apply(tx: Tx): void {\n    const current = this.balances.get(tx.account) ?? 0;\n    this.balances.set(tx.account, current + Number(tx.amount));\n  }\n}\nfunction parseLine(line: string): Tx | null {\n  const [account, amount] = line.split(';');\n  if (!amount) return null;\n  return { account, amount } as unknown as Tx;\n}\nexport async function load(file: string, ledger: Ledger) {\n  for (const line of (await readFile(file, 'utf8')).split('\\n')) {\n    const tx = parseLine(line);\n    if (tx) ledger.apply(tx);\n  }\n}\nawait load(process.argv[2], new Ledger());\n",
      },
      {
        name: "callback handed to a local helper gets what the helper passes to `done(…)` (csv-parse callback API)",
        path: 'flow.js',
        code: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction loadUsage(file, done) {\n  fs.readFile(file, (err, buf) => {\n    if (err) return done(err);\n    parse(buf, { columns: true }, (perr, records) => done(perr, records));\n  });\n}\nloadUsage('usage.csv', (err, records) => {\n  let credits = 0;\n  for (const rec of records) credits += rec.credit;\n  console.log(credits);\n});\n",
        ranges: ["credits += rec.credit"],
        messageIds: ["textIntoRunningNumber"],
        at: [10, 29],
        message: /^`rec\.credit` is text \(a csv-parse record field\)/,
        output: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction loadUsage(file, done) {\n  fs.readFile(file, (err, buf) => {\n    if (err) return done(err);\n    parse(buf, { columns: true }, (perr, records) => done(perr, records));\n  });\n}\nloadUsage('usage.csv', (err, records) => {\n  let credits = 0;\n  for (const rec of records) credits += Number(rec.credit);\n  console.log(credits);\n});\n",
      },
      {
        name: "a parse helper that returns null on a skip path still returns its record",
        path: 'flow.js',
        code: "const LINE_RE = /^(\\S+) (\\d+)$/;\nfunction parseLine(line) {\n  const m = LINE_RE.exec(line);\n  if (!m) return null;\n  const [, host, bytes] = m;\n  return { host, bytes };\n}\nconst totals = {};\nrequire('readline').createInterface({ input: process.stdin }).on('line', (line) => {\n  const rec = parseLine(line);\n  if (rec) totals[rec.host] = (totals[rec.host] || 0) + rec.bytes;\n});\n",
        ranges: ["(totals[rec.host] || 0) + rec.bytes"],
        messageIds: ["textPlusNumber"],
        at: [10, 30],
        message: /^`rec\.bytes` is text \(a regex match group\)/,
        output: "const LINE_RE = /^(\\S+) (\\d+)$/;\nfunction parseLine(line) {\n  const m = LINE_RE.exec(line);\n  if (!m) return null;\n  const [, host, bytes] = m;\n  return { host, bytes };\n}\nconst totals = {};\nrequire('readline').createInterface({ input: process.stdin }).on('line', (line) => {\n  const rec = parseLine(line);\n  if (rec) totals[rec.host] = (totals[rec.host] || 0) + Number(rec.bytes);\n});\n",
      },
    ],
  });
});

// Class instances built with `new`: constructor parameters from the `new` sites (TypeScript parameter
// properties included), and methods reached through a parameter annotated with the class.
describe('MW151 concatenated-numeric-text: constructors and class-typed parameters', () => {
  ruleTester('MW151', {
    valid: [
      { name: "constructor parameter stored in a field, converted where it is summed", code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nclass Report {\n  rows: { amount: number }[];\n  constructor(rows: { amount: number }[]) {\n    this.rows = rows;\n  }\n  total(): number {\n    return this.rows.reduce((t, r) => t + Number(r.amount), 0);\n  }\n}\nconsole.log(new Report(parse(readFileSync('s.csv'), { columns: true })).total());\n" },
      { name: "Object.entries of a JSON document: JSON values are not text", code: "import { readFileSync } from 'fs';\nconst rec = JSON.parse(readFileSync('c.json', 'utf8'));\nlet total = 0;\nfor (const [k, v] of Object.entries(rec)) total = total + (v as number);\n" },
    ],
    invalid: [
      {
        name: "TypeScript parameter property (`constructor(private rows: Row[])`) filled by `new Report(parse(…))`",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nclass Report {\n  constructor(private rows: { region: string; amount: number }[]) {}\n  total(): number {\n    let t = 0;\n    for (const r of this.rows) t = t + r.amount;\n    return t;\n  }\n}\nconsole.log(new Report(parse(readFileSync('s.csv'), { columns: true })).total());\n",
        ranges: ["t + r.amount"],
        messageIds: ["textPlusNumber"],
        at: [6, 35],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nclass Report {\n  constructor(private rows: { region: string; amount: number }[]) {}\n  total(): number {\n    let t = 0;\n    for (const r of this.rows) t = t + Number(r.amount);\n    return t;\n  }\n}\nconsole.log(new Report(parse(readFileSync('s.csv'), { columns: true })).total());\n",
      },
      {
        name: "method of a parameter annotated with a class of the file (`t: Tally`) gets split text",
        code: "import { readFileSync } from 'fs';\nclass Tally {\n  sum = 0;\n  add(v: number) {\n    this.sum = this.sum + v;\n  }\n}\nexport function feed(t: Tally, file: string) {\n  for (const line of readFileSync(file, 'utf8').split('\\n')) t.add(line.split(',')[1] as unknown as number);\n}\n",
        ranges: ["this.sum + v"],
        // The field starts as 0 (`sum = 0`), so `this.sum` is a number, as a `let sum = 0` would be.
        messageIds: ["textPlusNumber"],
        at: [4, 15],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nclass Tally {\n  sum = 0;\n  add(v: number) {\n    this.sum = this.sum + Number(v);\n  }\n}\nexport function feed(t: Tally, file: string) {\n  for (const line of readFileSync(file, 'utf8').split('\\n')) t.add(line.split(',')[1] as unknown as number);\n}\n",
      },
    ],
  });
});

// The flows of issue 13 (formerly in one jsFlows.test.ts, now beside the rule): TypeScript assertions and annotations are transparent
// to the value, object and class fields across statements and methods, Map get/set, arrays of records across
// functions, parameters (exported functions' too) from in-file call sites, reduce/sort callbacks, await of
// helpers, async iteration of streams, and whole-file reads reaching `.split` through a helper or `.trimRight()`.
// Cases named "(missed before v2)" failed on the engine before v2; valid cases are the clean look-alikes.
describe('MW151 concatenated-numeric-text: value flows (issue 13)', () => {
  ruleTester('MW151', {
    valid: [
      { name: 'Map get/set: entries() and values() of a Map of numbers', code: "import { readFileSync } from 'fs';\nconst m = new Map<string, number>();\nfor (const line of readFileSync('log.txt', 'utf8').split('\\n')) {\n  const [host, bytes] = line.split(' ');\n  m.set(host, Number(bytes));\n}\nlet total = 0;\nfor (const [host, n] of m.entries()) total = total + n;\nfor (const v of m.values()) total = total + v;\n" },
      { name: 'TS assertions and annotations: records parsed with cast: true and asserted `as Row[]`', code: 'import { parse } from \'csv-parse/sync\';\nimport { readFileSync } from \'fs\';\ninterface Row { region: string; amount: number }\nconst rows = parse(readFileSync(\'sales.csv\'), { columns: true, cast: true }) as Row[];\nlet total = 0;\nfor (const r of rows) total = total + r.amount;\n' },
      { name: 'TS assertions and annotations: Object.fromEntries of converted values', code: 'import { readFileSync } from \'fs\';\nconst header = [\'host\', \'bytes\'];\nconst rows = readFileSync(\'t.csv\', \'utf8\').split(\'\\n\').map((l) => Object.fromEntries(l.split(\',\').map((v, i) => [header[i], Number(v)])));\nlet sum = 0;\nfor (const r of rows) sum += r.bytes;\n' },
      { name: 'Map get/set: Map values converted before set()', code: 'import { readFileSync } from \'fs\';\nconst byHost = new Map<string, number>();\nfor (const line of readFileSync(\'log.txt\', \'utf8\').split(\'\\n\')) {\n  const [host, bytes] = line.split(\' \');\n  byHost.set(host, Number(bytes));\n}\nlet total = 0;\nfor (const host of byHost.keys()) total = total + byHost.get(host)!;\nconsole.log(total + byHost.size);\n' },
      { name: 'parameters and returns: an exported function\'s call site passes numbers', code: 'import { readFileSync } from \'fs\';\nexport function addAll(values: number[]) {\n  let t = 0;\n  for (const v of values) t = t + v;\n  return t;\n}\nconst fields = readFileSync(\'x.csv\', \'utf8\').split(\',\');\nconsole.log(addAll(fields.map(Number)));\n' },
      { name: 'parameters and returns: a helper called with text in one place and numbers in another stays unknown', code: 'export function add(a: number, b: number) {\n  return a + b;\n}\nconst [x] = \'a b\'.split(\' \');\nconsole.log(add(x as unknown as number, 1), add(2, 3));\n' },
    ],
    invalid: [
      {
        name: 'Map get/set: `for (const [host, bytes] of map)` gets the values set from split text (missed before v2)',
        code: "import { readFileSync } from 'fs';\nconst bytesByHost = new Map<string, string>();\nfor (const line of readFileSync('log.txt', 'utf8').split('\\n')) {\n  const [host, bytes] = line.split(' ');\n  bytesByHost.set(host, bytes);\n}\nlet total = 0;\nfor (const [host, bytes] of bytesByHost) total = total + bytes;\n",
        ranges: ['total + bytes'],
        messageIds: ['textPlusNumber'],
        at: [7, 49],
        message: /^`bytes` is text/,
      },
      {
        name: "generators: what a generator yields reaches the caller's for\u2026of (missed before v2)",
        code: "import { readFileSync } from 'fs';\nfunction* records(p: string) {\n  for (const line of readFileSync(p, 'utf8').split('\\n')) yield line.split(',');\n}\nlet total = 0;\nfor (const f of records('a.csv')) total = total + f[2];\n",
        ranges: ["total + f[2]"],
        messageIds: ['textPlusNumber'],
        at: [5, 42],
        message: /^`f\[2\]` is text/,
      },
      {
        name: "promises: `.then((rows) => \u2026)` gets what the promise holds (missed before v2)",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFile } from 'fs/promises';\nreadFile('a.csv').then((buf) => parse(buf, { columns: true })).then((rows) => {\n  let t = 0;\n  for (const r of rows) t = t + r.amount;\n});\n",
        ranges: ["t + r.amount"],
        messageIds: ['textPlusNumber'],
        at: [4, 28],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
      },
      {
        name: "async generators: `for await` over an async generator of readline fields (missed before v2)",
        code: "import { createInterface } from 'readline';\nimport { createReadStream } from 'fs';\nasync function* fields(p: string) {\n  for await (const line of createInterface({ input: createReadStream(p) })) yield line.split('\\t');\n}\nasync function main() {\n  let total = 0;\n  for await (const f of fields('a.tsv')) total = total + f[1];\n}\nmain();\n",
        ranges: ["total + f[1]"],
        messageIds: ['textPlusNumber'],
        at: [7, 49],
        message: /^`f\[1\]` is text/,
      },
      {
        name: 'TS assertions and annotations: records asserted `as Row[]` still hold csv-parse text',
        code: 'import { parse } from \'csv-parse/sync\';\nimport { readFileSync } from \'fs\';\ninterface Row { region: string; amount: number }\nconst rows = parse(readFileSync(\'sales.csv\'), { columns: true }) as Row[];\nlet total = 0;\nfor (const r of rows) total = total + r.amount;\nconsole.log(total);\n',
        ranges: ['total + r.amount'],
        messageIds: ['textPlusNumber'],
        at: [5, 30],
        message: /^`r\.amount` is text/,
        output: 'import { parse } from \'csv-parse/sync\';\nimport { readFileSync } from \'fs\';\ninterface Row { region: string; amount: number }\nconst rows = parse(readFileSync(\'sales.csv\'), { columns: true }) as Row[];\nlet total = 0;\nfor (const r of rows) total = total + Number(r.amount);\nconsole.log(total);\n',
      },
      {
        name: 'TS assertions and annotations: Object.fromEntries(...) asserted `as Row` keeps the text values (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\ninterface Row { host: string; bytes: number }\nconst header = [\'host\', \'bytes\'];\nconst rows = readFileSync(\'t.csv\', \'utf8\').split(\'\\n\').map((l) => Object.fromEntries(l.split(\',\').map((v, i) => [header[i], v])) as Row);\nlet sum = 0;\nfor (const r of rows) sum += r.bytes;\n',
        ranges: ['sum += r.bytes'],
        messageIds: ['textIntoRunningNumber'],
        at: [5, 22],
        message: /^`r\.bytes` is text/,
      },
      {
        name: 'TS assertions and annotations: `<Row[]>` angle-bracket assertion is transparent',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\ninterface Row { qty: number }\nconst rows = <Row[]>parse(fs.readFileSync(\'a.csv\'), { columns: true });\nlet n = 0;\nrows.forEach((r) => { n += r.qty; });\n',
        ranges: ['n += r.qty'],
        messageIds: ['textIntoRunningNumber'],
        at: [5, 22],
        message: /^`r\.qty` is text/,
      },
      {
        name: 'TS assertions and annotations: `satisfies` is transparent',
        code: 'import { readFileSync } from \'fs\';\ntype Cfg = { port: number };\nconst [, portText] = readFileSync(\'cfg.txt\', \'utf8\').split(\'=\');\nconst cfg = { port: portText } satisfies Record<string, unknown>;\nconsole.log(cfg.port + 1);\n',
        ranges: ['cfg.port + 1'],
        messageIds: ['textPlusNumber'],
        at: [4, 12],
        message: /^`cfg\.port` is text/,
      },
      {
        name: 'object fields across statements: stats.get(k) || { calls: 0 } then s.ms += text',
        code: 'import { readFileSync } from \'fs\';\nconst stats = new Map<string, { calls: number; ms: number }>();\nfor (const line of readFileSync(\'log.txt\', \'utf8\').split(\'\\n\')) {\n  const [route, ms] = line.split(\' \');\n  const s = stats.get(route) || { calls: 0, ms: 0 };\n  s.calls += 1;\n  s.ms += ms;\n  stats.set(route, s);\n}\n',
        ranges: ['s.ms += ms'],
        messageIds: ['textIntoRunningNumber'],
        at: [6, 2],
        message: /^`ms` is text/,
      },
      {
        name: 'class fields: class field filled in load() and summed in total()',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\nclass Report {\n  rows: { amount: number }[] = [];\n  load(path: string) {\n    this.rows = parse(fs.readFileSync(path), { columns: true });\n  }\n  total() {\n    let t = 0;\n    for (const r of this.rows) t = t + r.amount;\n    return t;\n  }\n}\n',
        ranges: ['t + r.amount'],
        messageIds: ['textPlusNumber'],
        at: [9, 35],
        message: /^`r\.amount` is text/,
      },
      {
        name: 'Map get/set: Map values set from split text and summed after get() (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\nconst byHost = new Map<string, string>();\nfor (const line of readFileSync(\'log.txt\', \'utf8\').split(\'\\n\')) {\n  const [host, bytes] = line.split(\' \');\n  byHost.set(host, bytes);\n}\nlet total = 0;\nfor (const host of byHost.keys()) total = total + byHost.get(host)!;\n',
        ranges: ['total + byHost.get(host)!'],
        messageIds: ['textPlusNumber'],
        at: [7, 42],
        message: /^`byHost\.get/,
      },
      {
        name: 'parameters and returns: an exported function\'s parameter, from its in-file call site (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\nexport function addAll(values: number[]) {\n  let t = 0;\n  for (const v of values) t = t + v;\n  return t;\n}\nconst fields = readFileSync(\'x.csv\', \'utf8\').split(\',\');\nconsole.log(addAll(fields as unknown as number[]));\n',
        ranges: ['t + v'],
        messageIds: ['textPlusNumber'],
        at: [3, 30],
        message: /^`v` is text/,
      },
      {
        name: 'parameters and returns: reduce callback into an object accumulator',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\nconst rows = parse(fs.readFileSync(\'a.csv\'), { columns: true });\nconst byRegion = rows.reduce((acc, r) => {\n  acc[r.region] = (acc[r.region] || 0) + r.amount;\n  return acc;\n}, {});\n',
        ranges: ['(acc[r.region] || 0) + r.amount'],
        messageIds: ['textPlusNumber'],
        at: [4, 18],
        message: /^`r\.amount` is text/,
      },
      {
        name: 'parameters and returns: await of a helper that returns csv-parse rows',
        code: 'import { parse } from \'csv-parse/sync\';\nimport { readFile } from \'fs/promises\';\nasync function loadRows(path: string) {\n  const text = await readFile(path, \'utf8\');\n  return parse(text, { columns: true });\n}\nasync function main() {\n  const rows = await loadRows(\'a.csv\');\n  let total = 0;\n  for (const r of rows) total = total + r.amount;\n  console.log(total);\n}\nmain();\n',
        ranges: ['total + r.amount'],
        messageIds: ['textPlusNumber'],
        at: [9, 32],
        message: /^`r\.amount` is text/,
      },
    ],
  });
});

// Async generators, static factories and stream stages.
describe('MW151 concatenated-numeric-text: generators, static factories, stream stages', () => {
  ruleTester('MW151', {
    valid: [

    ],
    invalid: [
      {
        name: "an async generator re-yielding csv-parse stream records, summed by the caller's for await",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse';\nasync function* readRecords(file: string) {\n  for await (const r of fs.createReadStream(file).pipe(parse({ columns: true }))) yield r;\n}\nlet total = 0;\nfor await (const r of readRecords('a.csv')) total += r.amount;\n",
        ranges: ["total += r.amount"],
        messageIds: ["textIntoRunningNumber"],
        at: [6, 44],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse';\nasync function* readRecords(file: string) {\n  for await (const r of fs.createReadStream(file).pipe(parse({ columns: true }))) yield r;\n}\nlet total = 0;\nfor await (const r of readRecords('a.csv')) total += Number(r.amount);\n",
      },
      {
        name: "a static factory (`Reading.fromLine(l)`) building instances through a TypeScript parameter property",
        code: "import { readFileSync } from 'fs';\nclass Reading {\n  constructor(public ts: string, public value: number) {}\n  static fromLine(line: string): Reading {\n    const [ts, v] = line.split(',');\n    return new Reading(ts, v as unknown as number);\n  }\n}\nconst readings = readFileSync('r.csv', 'utf8').split('\\n').map((l) => Reading.fromLine(l));\nlet sum = 0;\nfor (const r of readings) sum += r.value;\n",
        ranges: ["sum += r.value"],
        messageIds: ["textIntoRunningNumber"],
        at: [10, 26],
        message: /^`r\.value` is text/,
        output: "import { readFileSync } from 'fs';\nclass Reading {\n  constructor(public ts: string, public value: number) {}\n  static fromLine(line: string): Reading {\n    const [ts, v] = line.split(',');\n    return new Reading(ts, v as unknown as number);\n  }\n}\nconst readings = readFileSync('r.csv', 'utf8').split('\\n').map((l) => Reading.fromLine(l));\nlet sum = 0;\nfor (const r of readings) sum += Number(r.value);\n",
      },
      {
        name: "a `new Transform({ transform(rec) {…} })` stage after a parser in `pipeline(…)` gets its records",
        code: "import { pipeline } from 'stream/promises';\nimport { Transform } from 'stream';\nimport fs from 'fs';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(\n  fs.createReadStream('a.csv'),\n  parse({ columns: true }),\n  new Transform({\n    objectMode: true,\n    transform(rec, _enc, cb) {\n      total += rec.amount;\n      cb();\n    },\n  }),\n);\n",
        ranges: ["total += rec.amount"],
        messageIds: ["textIntoRunningNumber"],
        at: [11, 6],
        message: /^`rec\.amount` is text \(a csv-parse record field\)/,
        output: "import { pipeline } from 'stream/promises';\nimport { Transform } from 'stream';\nimport fs from 'fs';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(\n  fs.createReadStream('a.csv'),\n  parse({ columns: true }),\n  new Transform({\n    objectMode: true,\n    transform(rec, _enc, cb) {\n      total += Number(rec.amount);\n      cb();\n    },\n  }),\n);\n",
      },
    ],
  });
});

// Object spread, array entries() and Sets.
describe('MW151 concatenated-numeric-text: spread, entries() and Sets', () => {
  ruleTester('MW151', {
    valid: [
      { name: "object spread with the numeric field converted over it (`{ ...r, amount: Number(r.amount) }`)", code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst rows = parse(readFileSync('a.csv'), { columns: true }).map((r) => ({ ...r, amount: Number(r.amount) }));\nlet total = 0;\nfor (const r of rows) total += r.amount;\n" },
    ],
    invalid: [
      {
        name: "object spread keeps the record's other fields (`{ ...r, region: … }`)",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst rows = parse(readFileSync('a.csv'), { columns: true }).map((r) => ({ ...r, region: r.region.toUpperCase() }));\nlet total = 0;\nfor (const r of rows) total += r.amount;\n",
        ranges: ["total += r.amount"],
        messageIds: ["textIntoRunningNumber"],
        at: [4, 22],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst rows = parse(readFileSync('a.csv'), { columns: true }).map((r) => ({ ...r, region: r.region.toUpperCase() }));\nlet total = 0;\nfor (const r of rows) total += Number(r.amount);\n",
      },
      {
        name: "an array's entries() gives [index, element] pairs",
        code: "import { readFileSync } from 'fs';\nconst rows = readFileSync('a.txt', 'utf8').split('\\n').map((l) => l.split(','));\nfor (const [i, cols] of rows.entries()) {\n  if (i + 1 > 10) break;\n  console.log(cols[1] + i);\n}\n",
        ranges: ["cols[1] + i"],
        messageIds: ["textPlusNumber"],
        at: [4, 14],
        message: /^`cols\[1\]` is text/,
        output: "import { readFileSync } from 'fs';\nconst rows = readFileSync('a.txt', 'utf8').split('\\n').map((l) => l.split(','));\nfor (const [i, cols] of rows.entries()) {\n  if (i + 1 > 10) break;\n  console.log(Number(cols[1]) + i);\n}\n",
      },
      {
        name: "a Set filled with add() holds what is added",
        code: "import { readFileSync } from 'fs';\nconst sizes = new Set<string>();\nfor (const line of readFileSync('a.txt', 'utf8').split('\\n')) sizes.add(line.split(' ')[1]);\nlet sum = 0;\nfor (const s of sizes) sum += s;\nconst uniq = [...new Set(readFileSync('b.txt', 'utf8').split('\\n'))];\nconsole.log(uniq.length + 1);\n",
        ranges: ["sum += s"],
        messageIds: ["textIntoRunningNumber"],
        at: [4, 23],
        message: /^`s` is text/,
        output: "import { readFileSync } from 'fs';\nconst sizes = new Set<string>();\nfor (const line of readFileSync('a.txt', 'utf8').split('\\n')) sizes.add(line.split(' ')[1]);\nlet sum = 0;\nfor (const s of sizes) sum += Number(s);\nconst uniq = [...new Set(readFileSync('b.txt', 'utf8').split('\\n'))];\nconsole.log(uniq.length + 1);\n",
      },
    ],
  });
});

// Functions handed to array methods and events by name.
describe('MW151 concatenated-numeric-text: callbacks passed by name', () => {
  ruleTester('MW151', {
    valid: [
      { name: "a named function handed to map over converted rows", code: "import { readFileSync } from 'fs';\nfunction score(row: string[]) {\n  return row[1] + 1;\n}\nconst rows = readFileSync('a.txt', 'utf8').split('\\n').map((l) => l.split(',').map(Number));\nconsole.log(rows.map(score));\n" },
    ],
    invalid: [
      {
        name: "a named function handed to forEach gets the records (`rows.forEach(addRow)`)",
        path: 'flow.js',
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nlet total = 0;\nfunction addRow(r) {\n  total += r.amount;\n}\nparse(readFileSync('a.csv'), { columns: true }).forEach(addRow);\n",
        ranges: ["total += r.amount"],
        messageIds: ["textIntoRunningNumber"],
        at: [4, 2],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nlet total = 0;\nfunction addRow(r) {\n  total += Number(r.amount);\n}\nparse(readFileSync('a.csv'), { columns: true }).forEach(addRow);\n",
      },
      {
        name: "a named function handed to readline's 'line' event gets each line",
        code: "import { createInterface } from 'readline';\nimport { createReadStream } from 'fs';\nconst perHost = new Map<string, number>();\nfunction onLine(line: string) {\n  const [host, bytes] = line.split(' ');\n  perHost.set(host, (perHost.get(host) ?? 0) + bytes);\n}\ncreateInterface({ input: createReadStream('a.log') }).on('line', onLine);\n",
        ranges: ["(perHost.get(host) ?? 0) + bytes"],
        messageIds: ["textPlusNumber"],
        at: [5, 20],
        message: /^`bytes` is text/,
        output: "import { createInterface } from 'readline';\nimport { createReadStream } from 'fs';\nconst perHost = new Map<string, number>();\nfunction onLine(line: string) {\n  const [host, bytes] = line.split(' ');\n  perHost.set(host, (perHost.get(host) ?? 0) + Number(bytes));\n}\ncreateInterface({ input: createReadStream('a.log') }).on('line', onLine);\n",
      },
    ],
  });
});

// Flow classes the fifth blind holdout (test/fixtures/js-holdout5-*) found unfollowed: a local function passed
// to `map` by name, `Object.fromEntries` of `kv.split('=')` pairs, and fields converted in place on the
// record (`rec.ms = Number(rec.ms)`), which must keep the converted look-alikes silent wherever they flow.
const LOG = "import fs from 'fs';\nconst lines = fs.readFileSync('a.log', 'utf8').split('\\n');\nlet total = 0;\n";

describe('MW151 concatenated-numeric-text: flows found by the fifth holdout', () => {
  ruleTester('MW151', {
    valid: [
      {
        name: 'map(toHit) where toHit converts the field',
        code: LOG + "function toHit(line: string) {\n  const p = line.split(' ');\n  return { bytes: Number(p[9]) };\n}\nfor (const h of lines.map(toHit)) total += h.bytes;\n",
      },
      {
        name: 'Object.fromEntries record converted in place, then yielded',
        code: LOG + "function* records(ls: string[]) {\n  for (const line of ls) {\n    const rec = Object.fromEntries(line.split(' ').map((kv) => kv.split('=')));\n    rec.ms = Number(rec.ms);\n    yield rec;\n  }\n}\nfor (const r of records(lines)) total += r.ms;\n",
      },
      {
        name: 'an object literal field converted in place',
        code: LOG + "for (const line of lines) {\n  const r = { ms: line.split(' ')[1] };\n  r.ms = Number(r.ms);\n  total += r.ms;\n}\n",
      },
    ],
    invalid: [
      {
        name: 'a local function passed to map by name returns text fields',
        code: LOG + "function toHit(line: string) {\n  const p = line.split(' ');\n  return { bytes: p[9] } as unknown as { bytes: number };\n}\nfor (const h of lines.map(toHit)) total += h.bytes;\n",
        ranges: ['total += h.bytes'],
        messageIds: ['textIntoRunningNumber'],
        at: [7, 34],
      },
      {
        name: "Object.fromEntries of kv.split('=') pairs, through a generator",
        code: LOG + "function* records(ls: string[]) {\n  for (const line of ls) yield Object.fromEntries(line.split(' ').map((kv) => kv.split('=')));\n}\nfor (const r of records(lines)) total += r.ms;\n",
        ranges: ['total += r.ms'],
        messageIds: ['textIntoRunningNumber'],
        at: [6, 32],
      },
      {
        name: 'another field of a record converted in place is still text',
        code: LOG + "for (const line of lines) {\n  const r = { ms: line.split(' ')[1], bytes: line.split(' ')[2] };\n  r.ms = Number(r.ms);\n  total += r.bytes;\n}\n",
        ranges: ['total += r.bytes'],
        messageIds: ['textIntoRunningNumber'],
        at: [6, 2],
      },
    ],
  });
});

// The seventh blind holdout's g10_ledger_merge.mjs (a tuning set since): rows collected by a Promise-wrapped
// fast-csv stream, awaited in pairs with Promise.all and destructured.
const READ_CSV = "import { parseFile } from '@fast-csv/parse';\nfunction readCsv(file) {\n  return new Promise((resolve, reject) => {\n    const rows = [];\n    parseFile(file, { headers: true }).on('error', reject).on('data', (row) => rows.push(row)).on('end', () => resolve(rows));\n  });\n}\n";
describe('MW151 concatenated-numeric-text: Promise.all of helper calls', () => {
  ruleTester('MW151', {
    valid: [
      {
        name: 'Promise.all of different helpers: the second value is not the first one',
        path: 'flow.mjs',
        code: READ_CSV + "const loadTotal = async () => 0;\nconst [rows, opening] = await Promise.all([readCsv(process.argv[2]), loadTotal()]);\nconsole.log(opening + 1, rows.length);\n",
      },
      {
        name: 'fields converted before the sum',
        path: 'flow.mjs',
        code: READ_CSV + "const [bank, ledger] = await Promise.all([readCsv(process.argv[2]), readCsv(process.argv[3])]);\nlet balance = 0;\nfor (const row of bank) balance += Number(row.amount);\nconsole.log(balance, ledger.length);\n",
      },
    ],
    invalid: [
      {
        name: 'a field of rows awaited through Promise.all and array destructuring',
        path: 'flow.mjs',
        code: READ_CSV + "const [bank, ledger] = await Promise.all([readCsv(process.argv[2]), readCsv(process.argv[3])]);\nlet balance = 0;\nfor (const row of bank) balance += row.amount;\nconsole.log(balance, ledger.length);\n",
        ranges: ['balance += row.amount'],
        messageIds: ['textIntoRunningNumber'],
        at: [9, 24],
      },
    ],
  });
});

// Flow classes the eighth blind holdout (test/fixtures/js-holdout8-*) found unfollowed, and their look-alikes.
describe('MW151 concatenated-numeric-text: flows found by the eighth holdout', () => {
  ruleTester('MW151', {
    valid: [
      { name: "the class field's sum converts the record field", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nclass SiteRollup {\n  count = 0;\n  sumTemp = 0;\n  add(r: { tempC: number }): void {\n    this.count++;\n    this.sumTemp += Number(r.tempC);\n  }\n}\nconst roll = new SiteRollup();\nfor (const r of parse(fs.readFileSync('r.csv'), { columns: true })) roll.add(r);\nconsole.log(roll.sumTemp / roll.count);\n" },
      { name: "a class field that starts as text builds a label", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nclass Labels {\n  label = '';\n  add(r: { site: string }): void {\n    this.label += r.site;\n  }\n}\nconst labels = new Labels();\nfor (const r of parse(fs.readFileSync('r.csv'), { columns: true })) labels.add(r);\nconsole.log(labels.label);\n" },
      { name: "the pushed field is converted in the generator", path: 'flow.js', code: "const fs = require('fs');\nfunction* commits(lines) {\n  let current = null;\n  for (const line of lines) {\n    if (line.startsWith('@')) {\n      if (current) yield current;\n      current = { sha: line.slice(1), files: [] };\n    } else if (current) {\n      const [added, file] = line.split('\\t');\n      current.files.push({ added: Number(added), file });\n    }\n  }\n  if (current) yield current;\n}\nconst byFile = {};\nfor (const c of commits(fs.readFileSync(process.argv[2], 'utf8').split('\\n'))) {\n  for (const f of c.files) {\n    const prev = byFile[f.file] || 0;\n    byFile[f.file] = prev + f.added;\n  }\n}\nconsole.log(byFile);\n" },
      { name: "the environment variable is converted before adding the percentile", code: "import { readFileSync } from 'fs';\ninterface Build { steps: { ms: number }[] }\nconst slackMs = Number(process.env.SLACK_MS || 250);\nfunction percentile(sorted: number[], p: number): number {\n  return sorted[Math.floor((p / 100) * (sorted.length - 1))];\n}\nconst builds = JSON.parse(readFileSync('builds.json', 'utf8')) as Build[];\nconst totals: number[] = [];\nfor (const b of builds) totals.push(b.steps.reduce((t, s) => t + s.ms, 0));\ntotals.sort((a, b) => a - b);\nconst p95 = percentile(totals, 95);\nconsole.log(p95 + slackMs);\n" },
      { name: "the nested object map adds converted fields", path: 'flow.mjs', code: "import fs from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync(process.argv[2]), { columns: true });\nconst daily = {};\nfor (const r of rows) {\n  const day = r.timestamp.slice(0, 10);\n  daily[r.device] ??= {};\n  daily[r.device][day] ??= 0;\n  daily[r.device][day] += Number(r.watt_hours);\n}\nconsole.log(daily);\n" },
      { name: "a nested object map that starts each value as text builds text", path: 'flow.mjs', code: "import fs from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync(process.argv[2]), { columns: true });\nconst daily = {};\nfor (const r of rows) {\n  const day = r.timestamp.slice(0, 10);\n  daily[r.device] ??= {};\n  daily[r.device][day] ??= '';\n  daily[r.device][day] += r.note;\n}\nconsole.log(daily);\n" },
    ],
    invalid: [
      {
        name: "a class field that starts as 0 (`sumTemp = 0`) takes `+=` of a record field in a method called per record",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nclass SiteRollup {\n  count = 0;\n  sumTemp = 0;\n  add(r: { tempC: number }): void {\n    this.count++;\n    this.sumTemp += r.tempC;\n  }\n}\nconst roll = new SiteRollup();\nfor (const r of parse(fs.readFileSync('r.csv'), { columns: true })) roll.add(r);\nconsole.log(roll.sumTemp / roll.count);\n",
        ranges: ["this.sumTemp += r.tempC"], messageIds: ["textIntoRunningNumber"], at: [7, 4],
        message: /^`r\.tempC` is text \(a csv-parse record field\)/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nclass SiteRollup {\n  count = 0;\n  sumTemp = 0;\n  add(r: { tempC: number }): void {\n    this.count++;\n    this.sumTemp += Number(r.tempC);\n  }\n}\nconst roll = new SiteRollup();\nfor (const r of parse(fs.readFileSync('r.csv'), { columns: true })) roll.add(r);\nconsole.log(roll.sumTemp / roll.count);\n",
      },
      {
        name: "a record's `files: []` field filled by `current.files.push(…)` in a generator, its split text added to a number",
        path: 'flow.js',
        code: "const fs = require('fs');\nfunction* commits(lines) {\n  let current = null;\n  for (const line of lines) {\n    if (line.startsWith('@')) {\n      if (current) yield current;\n      current = { sha: line.slice(1), files: [] };\n    } else if (current) {\n      const [added, file] = line.split('\\t');\n      current.files.push({ added, file });\n    }\n  }\n  if (current) yield current;\n}\nconst byFile = {};\nfor (const c of commits(fs.readFileSync(process.argv[2], 'utf8').split('\\n'))) {\n  for (const f of c.files) {\n    const prev = byFile[f.file] || 0;\n    byFile[f.file] = prev + f.added;\n  }\n}\nconsole.log(byFile);\n",
        ranges: ["prev + f.added"], messageIds: ["textPlusNumber"], at: [18, 21],
        message: /^`f\.added` is text/,
        output: "const fs = require('fs');\nfunction* commits(lines) {\n  let current = null;\n  for (const line of lines) {\n    if (line.startsWith('@')) {\n      if (current) yield current;\n      current = { sha: line.slice(1), files: [] };\n    } else if (current) {\n      const [added, file] = line.split('\\t');\n      current.files.push({ added, file });\n    }\n  }\n  if (current) yield current;\n}\nconst byFile = {};\nfor (const c of commits(fs.readFileSync(process.argv[2], 'utf8').split('\\n'))) {\n  for (const f of c.files) {\n    const prev = byFile[f.file] || 0;\n    byFile[f.file] = prev + Number(f.added);\n  }\n}\nconsole.log(byFile);\n",
      },
      {
        name: "a reduce running total from 0 over JSON numbers, pushed, sorted and read back through a helper's parameter, plus an environment variable",
        code: "import { readFileSync } from 'fs';\ninterface Build { steps: { ms: number }[] }\nconst slackMs = process.env.SLACK_MS || 250;\nfunction percentile(sorted: number[], p: number): number {\n  return sorted[Math.floor((p / 100) * (sorted.length - 1))];\n}\nconst builds = JSON.parse(readFileSync('builds.json', 'utf8')) as Build[];\nconst totals: number[] = [];\nfor (const b of builds) totals.push(b.steps.reduce((t, s) => t + s.ms, 0));\ntotals.sort((a, b) => a - b);\nconst p95 = percentile(totals, 95);\nconsole.log(p95 + slackMs);\n",
        ranges: ["p95 + slackMs"], messageIds: ["textPlusNumber"], at: [11, 12],
        message: /^`slackMs` is text \(an environment variable\)/,
        output: "import { readFileSync } from 'fs';\ninterface Build { steps: { ms: number }[] }\nconst slackMs = process.env.SLACK_MS || 250;\nfunction percentile(sorted: number[], p: number): number {\n  return sorted[Math.floor((p / 100) * (sorted.length - 1))];\n}\nconst builds = JSON.parse(readFileSync('builds.json', 'utf8')) as Build[];\nconst totals: number[] = [];\nfor (const b of builds) totals.push(b.steps.reduce((t, s) => t + s.ms, 0));\ntotals.sort((a, b) => a - b);\nconst p95 = percentile(totals, 95);\nconsole.log(p95 + Number(slackMs));\n",
      },
      {
        name: "an object map of object maps (`daily[dev] ??= {}; daily[dev][day] ??= 0`) takes `+=` of a record field",
        path: 'flow.mjs',
        code: "import fs from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync(process.argv[2]), { columns: true });\nconst daily = {};\nfor (const r of rows) {\n  const day = r.timestamp.slice(0, 10);\n  daily[r.device] ??= {};\n  daily[r.device][day] ??= 0;\n  daily[r.device][day] += r.watt_hours;\n}\nconsole.log(daily);\n",
        ranges: ["daily[r.device][day] += r.watt_hours"], messageIds: ["textIntoRunningNumber"], at: [8, 2],
        message: /^`r\.watt_hours` is text \(a csv-parse record field\)/,
        output: "import fs from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync(process.argv[2]), { columns: true });\nconst daily = {};\nfor (const r of rows) {\n  const day = r.timestamp.slice(0, 10);\n  daily[r.device] ??= {};\n  daily[r.device][day] ??= 0;\n  daily[r.device][day] += Number(r.watt_hours);\n}\nconsole.log(daily);\n",
      },
    ],
  });
});
