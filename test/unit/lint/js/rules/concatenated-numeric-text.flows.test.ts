// MW151, continued (the first file is full): flow classes found by an adversarial audit of multi-function
// programs, each invalid case missed by the engine before its fix, each valid case a converted look-alike.
import { ruleTester } from '../ruleTester';

describe('MW151 concatenated-numeric-text: flows found by the flow-class audit', () => {
  ruleTester('MW151', {
    valid: [
      { name: "iterating an array literal of tuples whose data parts are converted", code: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [Number(f[1]), Number(f[2])]]) sum += a;\n  console.log(sum);\n}\n" },
      { name: "a d3-dsv row function that converts the field it keeps (`+d.people`)", code: "import { csvParse } from 'd3-dsv';\nimport { readFileSync } from 'fs';\nfunction toRow(d: Record<string, string>) { return { city: d.city, people: +d.people }; }\nconst rows = csvParse(readFileSync('c.csv', 'utf8'), toRow);\nlet total = 0;\nfor (const r of rows) total += r.people;\nconsole.log(total);\n" },
      { name: "a record field named like an array method, converted before adding", code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Bar { date: string; open: number; close: number }\nconst bars = parse(readFileSync('prices.csv'), { columns: true }) as Bar[];\nlet sum = 0;\nfor (const b of bars) sum += Number(b.close);\nconst up = bars.filter((b) => b.close > b.open);\nconsole.log(sum / bars.length, up.length);\n" },
      { name: "a private class field `#sizes` whose split text is converted when pushed", code: "import { readFileSync } from 'fs';\nclass Tally {\n  #sizes: number[] = [];\n  load(p: string) { for (const l of readFileSync(p, 'utf8').split('\\n')) this.#sizes.push(Number(l.split(' ')[1])); }\n  total() { let t = 0; for (const s of this.#sizes) t += s; return t; }\n}\nconst x = new Tally(); x.load('a'); console.log(x.total());\n" },
      { name: "Object.assign whose split-text source is converted", code: "import { readFileSync } from 'fs';\nconst defaults = { retries: 3 };\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [k, v] = l.split('=');\n  const cfg = Object.assign({}, defaults, { retries: Number(v) });\n  console.log(cfg.retries + 1);\n}\n" },
      { name: "Object.assign whose text field is overridden by a later numeric source", code: "import { readFileSync } from 'fs';\nconst defaults = { retries: 3 };\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [k, v] = l.split('=');\n  const cfg = Object.assign({}, defaults, { retries: v }, defaults);\n  console.log(cfg.retries + 1);\n}\n" },
      { name: "a field read by a run-time key from records whose fields are not all text", code: "import { readFileSync } from 'fs';\nconst sumBy = function (rows: Record<string, string>[], key = 'amount') { let t = 0; for (const r of rows) t += r[key]; return t; };\nconst rows = readFileSync('a', 'utf8').split('\\n').map((l) => { const [id, amount] = l.split(','); return { id, amount: Number(amount) }; });\nconsole.log(sumBy(rows));\n" },
      { name: "an object literal's method called with converted text", code: "import { readFileSync } from 'fs';\nconst stats = {\n  total: 0,\n  add(v: number) { this.total += v; },\n};\nfor (const l of readFileSync('a', 'utf8').split('\\n')) stats.add(Number(l.split(',')[1]));\nconsole.log(stats.total);\n" },
      { name: "an EventEmitter listener whose emitted records are converted", code: "import { EventEmitter } from 'events';\nimport { readFileSync } from 'fs';\nconst bus = new EventEmitter();\nlet total = 0;\nbus.on('row', (r: { amount: number }) => { total += r.amount; });\nfor (const l of readFileSync('a', 'utf8').split('\\n')) { const [id, amount] = l.split(','); bus.emit('row', { id, amount: Number(amount) }); }\nconsole.log(total);\n" },
      { name: "a listener of another event than the one emitted with text", code: "import { EventEmitter } from 'events';\nimport { readFileSync } from 'fs';\nconst bus = new EventEmitter();\nlet total = 0;\nbus.on('row', (r: { amount: number }) => { total += r.amount; });\nfor (const l of readFileSync('a', 'utf8').split('\\n')) { const [id, amount] = l.split(','); bus.emit('raw', { id, amount }); }\nconsole.log(total);\n" },
    ],
    invalid: [
      {
        name: "iterating an array literal whose first tuple holds numbers and a later one split text: every element is joined, not the first one's fact",
        code: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [f[1], f[2]]]) sum += a;\n  console.log(sum);\n}\n",
        ranges: ["sum += a"], messageIds: ["textIntoRunningNumber"], at: [4, 44],
        message: /^`a` is text/,
        output: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [f[1], f[2]]]) sum += Number(a);\n  console.log(sum);\n}\n",
      },
      {
        name: "a d3-dsv row function passed by name only picks fields: the kept row's field is still text",
        code: "import { csvParse } from 'd3-dsv';\nimport { readFileSync } from 'fs';\nfunction toRow(d: Record<string, string>) { return { city: d.city, people: d.people }; }\nconst rows = csvParse(readFileSync('c.csv', 'utf8'), toRow);\nlet total = 0;\nfor (const r of rows) total += r.people;\nconsole.log(total);\n",
        ranges: ["total += r.people"], messageIds: ["textIntoRunningNumber"], at: [5, 22],
        message: /^`r\.people` is text \(a d3-dsv row field\)/,
        output: "import { csvParse } from 'd3-dsv';\nimport { readFileSync } from 'fs';\nfunction toRow(d: Record<string, string>) { return { city: d.city, people: d.people }; }\nconst rows = csvParse(readFileSync('c.csv', 'utf8'), toRow);\nlet total = 0;\nfor (const r of rows) total += Number(r.people);\nconsole.log(total);\n",
      },
      {
        name: "a record field named like an array method (`close` of a price bar) read as a value is a field, not the method",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Bar { date: string; open: number; close: number }\nconst bars = parse(readFileSync('prices.csv'), { columns: true }) as Bar[];\nlet sum = 0;\nfor (const b of bars) sum += b.close;\nconst up = bars.filter((b) => b.close > b.open);\nconsole.log(sum / bars.length, up.length);\n",
        ranges: ["sum += b.close"], messageIds: ["textIntoRunningNumber"], at: [5, 22],
        message: /^`b\.close` is text \(a csv-parse record field\)/,
        output: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\ninterface Bar { date: string; open: number; close: number }\nconst bars = parse(readFileSync('prices.csv'), { columns: true }) as Bar[];\nlet sum = 0;\nfor (const b of bars) sum += Number(b.close);\nconst up = bars.filter((b) => b.close > b.open);\nconsole.log(sum / bars.length, up.length);\n",
      },
      {
        name: "a private class field `#sizes` filled with split text in one method and summed in another",
        code: "import { readFileSync } from 'fs';\nclass Tally {\n  #sizes: string[] = [];\n  load(p: string) { for (const l of readFileSync(p, 'utf8').split('\\n')) this.#sizes.push(l.split(' ')[1]); }\n  total() { let t = 0; for (const s of this.#sizes) t += s; return t; }\n}\nconst x = new Tally(); x.load('a'); console.log(x.total());\n",
        ranges: ["t += s"], messageIds: ["textIntoRunningNumber"], at: [4, 52],
        message: /^`s` is text/,
        output: "import { readFileSync } from 'fs';\nclass Tally {\n  #sizes: string[] = [];\n  load(p: string) { for (const l of readFileSync(p, 'utf8').split('\\n')) this.#sizes.push(l.split(' ')[1]); }\n  total() { let t = 0; for (const s of this.#sizes) t += Number(s); return t; }\n}\nconst x = new Tally(); x.load('a'); console.log(x.total());\n",
      },
      {
        name: "an instance of an empty subclass: its inherited method fills the inherited field with split text",
        code: "import { readFileSync } from 'fs';\nclass Store { sizes: string[] = []; read(p: string) { for (const l of readFileSync(p, 'utf8').split('\\n')) this.sizes.push(l.split(' ')[1]); } }\nclass SizeStore extends Store {}\nconst st = new SizeStore();\nst.read('a');\nlet total = 0;\nfor (const s of st.sizes) total += s;\nconsole.log(total);\n",
        ranges: ["total += s"], messageIds: ["textIntoRunningNumber"], at: [6, 26],
        message: /^`s` is text/,
        output: "import { readFileSync } from 'fs';\nclass Store { sizes: string[] = []; read(p: string) { for (const l of readFileSync(p, 'utf8').split('\\n')) this.sizes.push(l.split(' ')[1]); } }\nclass SizeStore extends Store {}\nconst st = new SizeStore();\nst.read('a');\nlet total = 0;\nfor (const s of st.sizes) total += Number(s);\nconsole.log(total);\n",
      },
      {
        name: "Object.assign({}, defaults, { retries: v }) keeps the later source's split text in `retries`",
        code: "import { readFileSync } from 'fs';\nconst defaults = { retries: 3 };\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [k, v] = l.split('=');\n  const cfg = Object.assign({}, defaults, { retries: v });\n  console.log(cfg.retries + 1);\n}\n",
        ranges: ["cfg.retries + 1"], messageIds: ["textPlusNumber"], at: [5, 14],
        message: /^`cfg\.retries` is text/,
        output: "import { readFileSync } from 'fs';\nconst defaults = { retries: 3 };\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [k, v] = l.split('=');\n  const cfg = Object.assign({}, defaults, { retries: v });\n  console.log(Number(cfg.retries) + 1);\n}\n",
      },
      {
        name: "a field read by a run-time key (`r[key]`, key a default parameter) from records whose every field is split text",
        code: "import { readFileSync } from 'fs';\nconst sumBy = function (rows: Record<string, string>[], key = 'amount') { let t = 0; for (const r of rows) t += r[key]; return t; };\nconst rows = readFileSync('a', 'utf8').split('\\n').map((l) => { const [id, amount] = l.split(','); return { id, amount }; });\nconsole.log(sumBy(rows));\n",
        ranges: ["t += r[key]"], messageIds: ["textIntoRunningNumber"], at: [1, 107],
        message: /^`r\[key\]` is text/,
        output: "import { readFileSync } from 'fs';\nconst sumBy = function (rows: Record<string, string>[], key = 'amount') { let t = 0; for (const r of rows) t += Number(r[key]); return t; };\nconst rows = readFileSync('a', 'utf8').split('\\n').map((l) => { const [id, amount] = l.split(','); return { id, amount }; });\nconsole.log(sumBy(rows));\n",
      },
      {
        name: "an object literal's method (`stats.add(v)`) gets what its call sites pass: split text added to `this.total`",
        code: "import { readFileSync } from 'fs';\nconst stats = {\n  total: 0,\n  add(v: number) { this.total += v; },\n};\nfor (const l of readFileSync('a', 'utf8').split('\\n')) stats.add(l.split(',')[1] as unknown as number);\nconsole.log(stats.total);\n",
        ranges: ["this.total += v"], messageIds: ["textIntoRunningNumber"], at: [3, 19],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nconst stats = {\n  total: 0,\n  add(v: number) { this.total += Number(v); },\n};\nfor (const l of readFileSync('a', 'utf8').split('\\n')) stats.add(l.split(',')[1] as unknown as number);\nconsole.log(stats.total);\n",
      },
      {
        name: "a method of the object a factory returns (`makeCounter().add(v)`) gets what its call sites pass",
        code: "import { readFileSync } from 'fs';\nfunction makeCounter() {\n  let total = 0;\n  return { add(v: number) { total += v; }, get: () => total };\n}\nconst c = makeCounter();\nfor (const l of readFileSync('a', 'utf8').split('\\n')) c.add(l.split(' ')[2] as unknown as number);\nconsole.log(c.get());\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [3, 28],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nfunction makeCounter() {\n  let total = 0;\n  return { add(v: number) { total += Number(v); }, get: () => total };\n}\nconst c = makeCounter();\nfor (const l of readFileSync('a', 'utf8').split('\\n')) c.add(l.split(' ')[2] as unknown as number);\nconsole.log(c.get());\n",
      },
      {
        name: "an EventEmitter listener (`bus.on('row', (r) => …)`) gets what `bus.emit('row', rec)` passes: a record of split text",
        code: "import { EventEmitter } from 'events';\nimport { readFileSync } from 'fs';\nconst bus = new EventEmitter();\nlet total = 0;\nbus.on('row', (r: { amount: number }) => { total += r.amount; });\nfor (const l of readFileSync('a', 'utf8').split('\\n')) { const [id, amount] = l.split(','); bus.emit('row', { id, amount }); }\nconsole.log(total);\n",
        ranges: ["total += r.amount"], messageIds: ["textIntoRunningNumber"], at: [4, 43],
        message: /^`r\.amount` is text/,
        output: "import { EventEmitter } from 'events';\nimport { readFileSync } from 'fs';\nconst bus = new EventEmitter();\nlet total = 0;\nbus.on('row', (r: { amount: number }) => { total += Number(r.amount); });\nfor (const l of readFileSync('a', 'utf8').split('\\n')) { const [id, amount] = l.split(','); bus.emit('row', { id, amount }); }\nconsole.log(total);\n",
      },
    ],
  });
});

// An omitted argument takes the parameter's default: `constructor(private readonly base = 1500)` called as
// `new Ladder()` holds a number (ninth holdout g04, scored blind before this fix).
describe("MW151 concatenated-numeric-text: parameter defaults at call sites that omit the argument", () => {
  ruleTester("MW151", {
    valid: [
      { name: "the command-line argument converted before it reaches the field's sum", code: "class Ladder {\n  constructor(private readonly base = 1500) {}\n  start(bonus: number) { return this.base + bonus; }\n}\nconsole.log(new Ladder().start(Number(process.argv[2])));\n" },
      { name: "a default that is text, joined with command-line text", path: "base.mjs", code: "const t = process.argv[2];\nfunction withBase(base = \"v\") {\n  return base + t;\n}\nconsole.log(withBase());\n" },
    ],
    invalid: [
      {
        name: "a parameter property whose default is a number, plus command-line text in a method",
        code: "class Ladder {\n  constructor(private readonly base = 1500) {}\n  start(bonus: string) { return this.base + bonus; }\n}\nconsole.log(new Ladder().start(process.argv[2]));\n",
        ranges: ["this.base + bonus"], messageIds: ["textPlusNumber"], at: [2, 32],
        output: "class Ladder {\n  constructor(private readonly base = 1500) {}\n  start(bonus: string) { return this.base + Number(bonus); }\n}\nconsole.log(new Ladder().start(process.argv[2]));\n",
      },
      {
        name: "a function parameter whose default is a number, called without it, plus command-line text",
        path: "base.mjs",
        code: "const t = process.argv[2];\nfunction withBase(base = 1500) {\n  return base + t;\n}\nconsole.log(withBase());\n",
        ranges: ["base + t"], messageIds: ["textPlusNumber"], at: [2, 9],
        output: "const t = process.argv[2];\nfunction withBase(base = 1500) {\n  return base + Number(t);\n}\nconsole.log(withBase());\n",
      },
    ],
  });
});

// Flow classes from the ninth holdout's misses after its blind scoring (g12: a helper pushes records into the array
// its caller passes; g09: a JSON field plus command-line text whose sum is used as a number). Each invalid case was
// missed by the engine before the fix; each valid case is a converted look-alike or a text use.
describe("MW151 concatenated-numeric-text: containers filled through a callee's parameter, sums used as numbers", () => {
  ruleTester("MW151", {
    valid: [
      { name: "a helper pushes converted records into the array its caller passes", code: "import { readFileSync } from 'fs';\nfunction load(p: string, out: { n: number }[]) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [, n] = l.split(','); out.push({ n: Number(n) }); }\n}\nconst all: { n: number }[] = [];\nload('a.csv', all);\nload('b.csv', all);\nlet total = 0;\nfor (const r of all) total += r.n;\nconsole.log(total);\n" },
      { name: "a helper stores converted values by key into the object its caller passes", code: "import { readFileSync } from 'fs';\nfunction index(p: string, m: Record<string, number>) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [id, n] = l.split(','); m[id] = parseFloat(n); }\n}\nconst byId: Record<string, number> = {};\nindex('a.csv', byId);\nlet total = 0;\nfor (const v of Object.values(byId)) total += v;\nconsole.log(total);\n" },
      { name: "a JSON field plus command-line text used as text (a label)", path: "fines.mjs", code: "import { readFileSync } from 'node:fs';\nconst suffix = process.argv[3] || '';\nconst loans = JSON.parse(readFileSync('loans.json', 'utf8')).loans;\nfor (const loan of loans) {\n  const label = loan.title + suffix;\n  console.log(label.padEnd(30), label.length);\n}\n" },
      { name: "a JSON field plus command-line text used as a key", path: "fines.mjs", code: "import { readFileSync } from 'node:fs';\nconst region = process.argv[3] || 'eu';\nconst counts = {};\nfor (const loan of JSON.parse(readFileSync('loans.json', 'utf8')).loans) {\n  const key = loan.branch + region;\n  counts[key] = (counts[key] ?? 0) - 1;\n}\nconsole.log(counts);\n" },
      { name: "a JSON field plus converted command-line text, used as a number", path: "fines.mjs", code: "import { readFileSync } from 'node:fs';\nconst graceDays = Number(process.argv[3] || 3);\nfor (const loan of JSON.parse(readFileSync('loans.json', 'utf8')).loans) {\n  const allowedDays = loan.loanDays + graceDays;\n  console.log(30 - allowedDays);\n}\n" },
      { name: "two split-text fields joined into a key", code: "import { readFileSync } from 'fs';\nconst seen: Record<string, number> = {};\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [lo, hi] = l.split(',');\n  const pair = lo + hi;\n  seen[pair] = (seen[pair] ?? 0) + 1;\n}\nconsole.log(seen);\n" },
    ],
    invalid: [
      {
        name: "a helper pushes split-text records into the array its caller passes (`load(file, all)`): the caller's loop adds their field",
        code: "import { readFileSync } from 'fs';\nfunction load(p: string, out: { n: string }[]) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [, n] = l.split(','); out.push({ n }); }\n}\nconst all: { n: string }[] = [];\nload('a.csv', all);\nload('b.csv', all);\nlet total = 0;\nfor (const r of all) total += r.n;\nconsole.log(total);\n",
        ranges: ["total += r.n"], messageIds: ["textIntoRunningNumber"], at: [8, 21],
        output: "import { readFileSync } from 'fs';\nfunction load(p: string, out: { n: string }[]) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [, n] = l.split(','); out.push({ n }); }\n}\nconst all: { n: string }[] = [];\nload('a.csv', all);\nload('b.csv', all);\nlet total = 0;\nfor (const r of all) total += Number(r.n);\nconsole.log(total);\n",
      },
      {
        name: "a helper sets split text into the Map its caller passes (`m.set(id, n)`)",
        code: "import { readFileSync } from 'fs';\nfunction index(p: string, m: Map<string, string>) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [id, n] = l.split(','); m.set(id, n); }\n}\nconst byId = new Map<string, string>();\nindex('a.csv', byId);\nlet total = 0;\nfor (const v of byId.values()) total += v;\nconsole.log(total);\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [7, 31],
        output: "import { readFileSync } from 'fs';\nfunction index(p: string, m: Map<string, string>) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [id, n] = l.split(','); m.set(id, n); }\n}\nconst byId = new Map<string, string>();\nindex('a.csv', byId);\nlet total = 0;\nfor (const v of byId.values()) total += Number(v);\nconsole.log(total);\n",
      },
      {
        name: "a helper stores split text by key into the object its caller passes (`{}` used as a map through the parameter)",
        code: "import { readFileSync } from 'fs';\nfunction index(p: string, m: Record<string, string>) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [id, n] = l.split(','); m[id] = n; }\n}\nconst byId: Record<string, string> = {};\nindex('a.csv', byId);\nlet total = 0;\nfor (const v of Object.values(byId)) total += v;\nconsole.log(total);\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [7, 37],
        output: "import { readFileSync } from 'fs';\nfunction index(p: string, m: Record<string, string>) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) { const [id, n] = l.split(','); m[id] = n; }\n}\nconst byId: Record<string, string> = {};\nindex('a.csv', byId);\nlet total = 0;\nfor (const v of Object.values(byId)) total += Number(v);\nconsole.log(total);\n",
      },
      {
        name: "a class method pushes into its parameter (`this.read(p, out)` from another method), passed on by a recursive walk",
        code: "import { readFileSync } from 'fs';\nclass Loader {\n  read(p: string, out: string[], depth = 0): void {\n    for (const l of readFileSync(p, 'utf8').split('\\n')) {\n      if (l.startsWith('@')) this.read(l.slice(1), out, depth + 1);\n      else out.push(l.split(' ')[1]);\n    }\n  }\n  total(p: string): number {\n    const sizes: string[] = [];\n    this.read(p, sizes);\n    let sum = 0;\n    for (const s of sizes) sum += s;\n    return sum;\n  }\n}\nconsole.log(new Loader().total('a'));\n",
        ranges: ["sum += s"], messageIds: ["textIntoRunningNumber"], at: [12, 27],
        output: "import { readFileSync } from 'fs';\nclass Loader {\n  read(p: string, out: string[], depth = 0): void {\n    for (const l of readFileSync(p, 'utf8').split('\\n')) {\n      if (l.startsWith('@')) this.read(l.slice(1), out, depth + 1);\n      else out.push(l.split(' ')[1]);\n    }\n  }\n  total(p: string): number {\n    const sizes: string[] = [];\n    this.read(p, sizes);\n    let sum = 0;\n    for (const s of sizes) sum += Number(s);\n    return sum;\n  }\n}\nconsole.log(new Loader().total('a'));\n",
      },
      {
        name: "a JSON field plus command-line text, stored and then used as a number (`elapsed - allowedDays`)",
        path: "fines.mjs",
        code: "import { readFileSync } from 'node:fs';\nconst graceDays = process.argv[3] || 3;\nconst loans = JSON.parse(readFileSync('loans.json', 'utf8')).loans;\nexport function daysLate(loan, elapsed) {\n  const allowedDays = loan.loanDays + graceDays;\n  return Math.max(0, elapsed - allowedDays);\n}\nfor (const loan of loans) console.log(daysLate(loan, 30));\n",
        ranges: ["loan.loanDays + graceDays"], messageIds: ["textPlusJsonValue"], at: [4, 22],
        output: "import { readFileSync } from 'node:fs';\nconst graceDays = process.argv[3] || 3;\nconst loans = JSON.parse(readFileSync('loans.json', 'utf8')).loans;\nexport function daysLate(loan, elapsed) {\n  const allowedDays = loan.loanDays + Number(graceDays);\n  return Math.max(0, elapsed - allowedDays);\n}\nfor (const loan of loans) console.log(daysLate(loan, 30));\n",
      },
      {
        name: "two split-text fields joined by `+`, stored, then divided (`both / 2`)",
        code: "import { readFileSync } from 'fs';\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [lo, hi] = l.split(',');\n  const both = lo + hi;\n  console.log(both / 2);\n}\n",
        ranges: ["lo + hi"], messageIds: ["textPlusText"], at: [3, 15],
        output: "import { readFileSync } from 'fs';\nfor (const l of readFileSync('a', 'utf8').split('\\n')) {\n  const [lo, hi] = l.split(',');\n  const both = Number(lo) + hi;\n  console.log(both / 2);\n}\n",
      },
    ],
  });
});

// An async (generator) function passed to `pipeline(…)` iterates the stage before it: a parser's records, or what a
// previous generator stage yields (missed before the fix: only `new Transform({ transform })` stages were followed).
describe("MW151 concatenated-numeric-text: function stages of stream pipelines", () => {
  ruleTester("MW151", {
    valid: [
      { name: "a pipeline generator stage that converts the field it yields", path: "pipe.mjs", code: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(\n  createReadStream('a.csv'),\n  parse({ columns: true }),\n  async function* (rows) { for await (const r of rows) if (r.region) yield { region: r.region, amount: Number(r.amount) }; },\n  async (rows) => { for await (const r of rows) total += r.amount; },\n);\nconsole.log(total);\n" },
      { name: "a pipeline over a parser that casts", path: "pipe.mjs", code: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(createReadStream('a.csv'), parse({ columns: true, cast: true }), async function (source) {\n  for await (const r of source) total += r.amount;\n});\nconsole.log(total);\n" },
    ],
    invalid: [
      {
        name: "a function stage of `pipeline(…)` iterates the parser stage before it (`for await (const r of source)`)",
        path: "pipe.mjs",
        code: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(createReadStream('a.csv'), parse({ columns: true }), async function (source) {\n  for await (const r of source) total += r.amount;\n});\nconsole.log(total);\n",
        ranges: ["total += r.amount"], messageIds: ["textIntoRunningNumber"], at: [5, 32],
        output: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(createReadStream('a.csv'), parse({ columns: true }), async function (source) {\n  for await (const r of source) total += Number(r.amount);\n});\nconsole.log(total);\n",
      },
      {
        name: "a pipeline consumer stage iterates what the generator stage before it yields",
        path: "pipe.mjs",
        code: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(\n  createReadStream('a.csv'),\n  parse({ columns: true }),\n  async function* (rows) { for await (const r of rows) if (r.region) yield { region: r.region, amount: r.amount }; },\n  async (rows) => { for await (const r of rows) total += r.amount; },\n);\nconsole.log(total);\n",
        ranges: ["total += r.amount"], messageIds: ["textIntoRunningNumber"], at: [8, 48],
        output: "import { createReadStream } from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nimport { parse } from 'csv-parse';\nlet total = 0;\nawait pipeline(\n  createReadStream('a.csv'),\n  parse({ columns: true }),\n  async function* (rows) { for await (const r of rows) if (r.region) yield { region: r.region, amount: r.amount }; },\n  async (rows) => { for await (const r of rows) total += Number(r.amount); },\n);\nconsole.log(total);\n",
      },
    ],
  });
});

// d3's idiom (`data.forEach((d) => { d.value = +d.value; })`) and a for…of that converts a field of each record convert
// that field of the list's element: later loops over the list see no text there (a false alarm before the fix).
describe("MW151 concatenated-numeric-text: fields converted in place through an iteration", () => {
  ruleTester("MW151", {
    valid: [
      { name: "d3's idiom: every row's field converted in place by a forEach before it is summed", path: "chart.js", code: "d3.csv('data.csv').then((data) => {\n  data.forEach((d) => {\n    d.value = +d.value;\n  });\n  let total = 0;\n  data.forEach((d) => {\n    total += d.value;\n  });\n  console.log(total);\n});\n" },
      { name: "a field converted in place in a for…of over the records before another loop sums it", code: "import { parse } from 'csv-parse/sync';\nimport { readFileSync } from 'fs';\nconst rows = parse(readFileSync('a.csv'), { columns: true });\nfor (const r of rows) r.ms = Number(r.ms);\nlet total = 0;\nfor (const r of rows) total += r.ms;\nconsole.log(total / rows.length);\n" },
    ],
    invalid: [
      {
        name: "another field converted in place (`d.date = new Date(d.date)`): the summed one is still text",
        path: "chart.js",
        code: "d3.csv('data.csv').then((data) => {\n  data.forEach((d) => {\n    d.date = new Date(d.date);\n  });\n  let total = 0;\n  data.forEach((d) => {\n    total += d.value;\n  });\n  console.log(total);\n});\n",
        ranges: ["total += d.value"], messageIds: ["textIntoRunningNumber"], at: [6, 4],
        output: "d3.csv('data.csv').then((data) => {\n  data.forEach((d) => {\n    d.date = new Date(d.date);\n  });\n  let total = 0;\n  data.forEach((d) => {\n    total += Number(d.value);\n  });\n  console.log(total);\n});\n",
      },
    ],
  });
});

// `load(p, state)` pushing into `state.rows`: the field reads inside the helpers a record is passed to fill its list
// field too (missed before the fix).
describe("MW151 concatenated-numeric-text: a record's list field filled through a helper", () => {
  ruleTester("MW151", {
    valid: [
      { name: "a record's list field filled through a helper's parameter with converted values", path: "state.mjs", code: "import { readFileSync } from 'fs';\nfunction load(p, state) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) state.rows.push(l.split(',').map(Number));\n}\nconst state = { rows: [] };\nload('a.csv', state);\nlet total = 0;\nfor (const r of state.rows) total += r[1];\nconsole.log(total);\n" },
    ],
    invalid: [
      {
        name: "a record's list field filled through a helper's parameter (`load(p, state)` pushing into `state.rows`)",
        path: "state.mjs",
        code: "import { readFileSync } from 'fs';\nfunction load(p, state) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) state.rows.push(l.split(','));\n}\nconst state = { rows: [] };\nload('a.csv', state);\nlet total = 0;\nfor (const r of state.rows) total += r[1];\nconsole.log(total);\n",
        ranges: ["total += r[1]"], messageIds: ["textIntoRunningNumber"], at: [7, 28],
        output: "import { readFileSync } from 'fs';\nfunction load(p, state) {\n  for (const l of readFileSync(p, 'utf8').split('\\n')) state.rows.push(l.split(','));\n}\nconst state = { rows: [] };\nload('a.csv', state);\nlet total = 0;\nfor (const r of state.rows) total += Number(r[1]);\nconsole.log(total);\n",
      },
    ],
  });
});
