// The flows of issue 13, one RuleTester-style table per rule: TypeScript assertions and annotations are
// transparent to the value, object fields and class fields across statements and methods, Map get/set,
// arrays of records across functions, parameters (exported functions' too) from in-file call sites,
// reduce/sort callbacks, await of helpers, async iteration of streams, and whole-file reads reaching
// `.split` through a helper or `.trimRight()`. Cases named "(missed before v2)" failed on the engine
// before this change; the others were already followed and stay here as the flow's regression guard.
// Valid cases are the clean look-alikes (converted values, casts, mixed call sites, arrays used whole).
import { ruleTester } from './ruleTester';

describe('JS/TS value flows (issue 13)', () => {
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
        at: [7, 49],
        message: /^`bytes` is text/,
      },
      {
        name: "generators: what a generator yields reaches the caller's for\u2026of (missed before v2)",
        code: "import { readFileSync } from 'fs';\nfunction* records(p: string) {\n  for (const line of readFileSync(p, 'utf8').split('\\n')) yield line.split(',');\n}\nlet total = 0;\nfor (const f of records('a.csv')) total = total + f[2];\n",
        ranges: ["total + f[2]"],
        at: [5, 42],
        message: /^`f\[2\]` is text/,
      },
      {
        name: "promises: `.then((rows) => \u2026)` gets what the promise holds (missed before v2)",
        code: "import { parse } from 'csv-parse/sync';\nimport { readFile } from 'fs/promises';\nreadFile('a.csv').then((buf) => parse(buf, { columns: true })).then((rows) => {\n  let t = 0;\n  for (const r of rows) t = t + r.amount;\n});\n",
        ranges: ["t + r.amount"],
        at: [4, 28],
        message: /^`r\.amount` is text \(a csv-parse record field\)/,
      },
      {
        name: "async generators: `for await` over an async generator of readline fields (missed before v2)",
        code: "import { createInterface } from 'readline';\nimport { createReadStream } from 'fs';\nasync function* fields(p: string) {\n  for await (const line of createInterface({ input: createReadStream(p) })) yield line.split('\\t');\n}\nasync function main() {\n  let total = 0;\n  for await (const f of fields('a.tsv')) total = total + f[1];\n}\nmain();\n",
        ranges: ["total + f[1]"],
        at: [7, 49],
        message: /^`f\[1\]` is text/,
      },
      {
        name: 'TS assertions and annotations: records asserted `as Row[]` still hold csv-parse text',
        code: 'import { parse } from \'csv-parse/sync\';\nimport { readFileSync } from \'fs\';\ninterface Row { region: string; amount: number }\nconst rows = parse(readFileSync(\'sales.csv\'), { columns: true }) as Row[];\nlet total = 0;\nfor (const r of rows) total = total + r.amount;\nconsole.log(total);\n',
        ranges: ['total + r.amount'],
        at: [5, 30],
        message: /^`r\.amount` is text/,
        output: 'import { parse } from \'csv-parse/sync\';\nimport { readFileSync } from \'fs\';\ninterface Row { region: string; amount: number }\nconst rows = parse(readFileSync(\'sales.csv\'), { columns: true }) as Row[];\nlet total = 0;\nfor (const r of rows) total = total + Number(r.amount);\nconsole.log(total);\n',
      },
      {
        name: 'TS assertions and annotations: Object.fromEntries(...) asserted `as Row` keeps the text values (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\ninterface Row { host: string; bytes: number }\nconst header = [\'host\', \'bytes\'];\nconst rows = readFileSync(\'t.csv\', \'utf8\').split(\'\\n\').map((l) => Object.fromEntries(l.split(\',\').map((v, i) => [header[i], v])) as Row);\nlet sum = 0;\nfor (const r of rows) sum += r.bytes;\n',
        ranges: ['sum += r.bytes'],
        at: [5, 22],
        message: /^`r\.bytes` is text/,
      },
      {
        name: 'TS assertions and annotations: `<Row[]>` angle-bracket assertion is transparent',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\ninterface Row { qty: number }\nconst rows = <Row[]>parse(fs.readFileSync(\'a.csv\'), { columns: true });\nlet n = 0;\nrows.forEach((r) => { n += r.qty; });\n',
        ranges: ['n += r.qty'],
        at: [5, 22],
        message: /^`r\.qty` is text/,
      },
      {
        name: 'TS assertions and annotations: `satisfies` is transparent',
        code: 'import { readFileSync } from \'fs\';\ntype Cfg = { port: number };\nconst [, portText] = readFileSync(\'cfg.txt\', \'utf8\').split(\'=\');\nconst cfg = { port: portText } satisfies Record<string, unknown>;\nconsole.log(cfg.port + 1);\n',
        ranges: ['cfg.port + 1'],
        at: [4, 12],
        message: /^`cfg\.port` is text/,
      },
      {
        name: 'object fields across statements: stats.get(k) || { calls: 0 } then s.ms += text',
        code: 'import { readFileSync } from \'fs\';\nconst stats = new Map<string, { calls: number; ms: number }>();\nfor (const line of readFileSync(\'log.txt\', \'utf8\').split(\'\\n\')) {\n  const [route, ms] = line.split(\' \');\n  const s = stats.get(route) || { calls: 0, ms: 0 };\n  s.calls += 1;\n  s.ms += ms;\n  stats.set(route, s);\n}\n',
        ranges: ['s.ms += ms'],
        at: [6, 2],
        message: /^`ms` is text/,
      },
      {
        name: 'class fields: class field filled in load() and summed in total()',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\nclass Report {\n  rows: { amount: number }[] = [];\n  load(path: string) {\n    this.rows = parse(fs.readFileSync(path), { columns: true });\n  }\n  total() {\n    let t = 0;\n    for (const r of this.rows) t = t + r.amount;\n    return t;\n  }\n}\n',
        ranges: ['t + r.amount'],
        at: [9, 35],
        message: /^`r\.amount` is text/,
      },
      {
        name: 'Map get/set: Map values set from split text and summed after get() (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\nconst byHost = new Map<string, string>();\nfor (const line of readFileSync(\'log.txt\', \'utf8\').split(\'\\n\')) {\n  const [host, bytes] = line.split(\' \');\n  byHost.set(host, bytes);\n}\nlet total = 0;\nfor (const host of byHost.keys()) total = total + byHost.get(host)!;\n',
        ranges: ['total + byHost.get(host)!'],
        at: [7, 42],
        message: /^`byHost\.get/,
      },
      {
        name: 'parameters and returns: an exported function\'s parameter, from its in-file call site (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\nexport function addAll(values: number[]) {\n  let t = 0;\n  for (const v of values) t = t + v;\n  return t;\n}\nconst fields = readFileSync(\'x.csv\', \'utf8\').split(\',\');\nconsole.log(addAll(fields as unknown as number[]));\n',
        ranges: ['t + v'],
        at: [3, 30],
        message: /^`v` is text/,
      },
      {
        name: 'parameters and returns: reduce callback into an object accumulator',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\nconst rows = parse(fs.readFileSync(\'a.csv\'), { columns: true });\nconst byRegion = rows.reduce((acc, r) => {\n  acc[r.region] = (acc[r.region] || 0) + r.amount;\n  return acc;\n}, {});\n',
        ranges: ['(acc[r.region] || 0) + r.amount'],
        at: [4, 18],
        message: /^`r\.amount` is text/,
      },
      {
        name: 'parameters and returns: await of a helper that returns csv-parse rows',
        code: 'import { parse } from \'csv-parse/sync\';\nimport { readFile } from \'fs/promises\';\nasync function loadRows(path: string) {\n  const text = await readFile(path, \'utf8\');\n  return parse(text, { columns: true });\n}\nasync function main() {\n  const rows = await loadRows(\'a.csv\');\n  let total = 0;\n  for (const r of rows) total = total + r.amount;\n  console.log(total);\n}\nmain();\n',
        ranges: ['total + r.amount'],
        at: [9, 32],
        message: /^`r\.amount` is text/,
      },
    ],
  });
  ruleTester('MW152', {
    valid: [
      { name: 'class fields: class field Map of numbers', code: 'class Stats {\n  private byRoute = new Map<string, number>();\n  add(route: string, ms: string) {\n    this.byRoute.set(route, Number(ms));\n  }\n  slow() {\n    return [...this.byRoute.keys()].filter((r) => this.byRoute.get(r)! > 1000);\n  }\n}\n' },
      { name: 'streams: for await over records cast by csv-parse', code: 'import { parse } from \'csv-parse\';\nimport fs from \'fs\';\nasync function main() {\n  let max = 0;\n  for await (const rec of fs.createReadStream(\'a.csv\').pipe(parse({ columns: true, cast: true }))) {\n    if (rec.latency > max) max = rec.latency;\n  }\n}\nmain();\n' },
    ],
    invalid: [
      {
        name: 'object fields across statements: `s = m.get(k)`, else `{ peakCpu: 0 }`, compared with record text (missed before v2)',
        code: "import { readFileSync } from 'fs';\nimport { parse } from 'csv-parse/sync';\ninterface Row { host: string; cpu: number }\nconst rows = parse(readFileSync('m.csv', 'utf8'), { columns: true }) as Row[];\nconst stats = new Map<string, { peakCpu: number }>();\nfor (const row of rows) {\n  let s = stats.get(row.host);\n  if (!s) {\n    s = { peakCpu: 0 };\n    stats.set(row.host, s);\n  }\n  if (row.cpu > s.peakCpu) s.peakCpu = row.cpu;\n}\n",
        ranges: ['row.cpu > s.peakCpu'],
        at: [11, 6],
        message: /^`row\.cpu` is text \(a csv-parse record field\); `>` with the number `s\.peakCpu`/,
        output: "import { readFileSync } from 'fs';\nimport { parse } from 'csv-parse/sync';\ninterface Row { host: string; cpu: number }\nconst rows = parse(readFileSync('m.csv', 'utf8'), { columns: true }) as Row[];\nconst stats = new Map<string, { peakCpu: number }>();\nfor (const row of rows) {\n  let s = stats.get(row.host);\n  if (!s) {\n    s = { peakCpu: 0 };\n    stats.set(row.host, s);\n  }\n  if (Number(row.cpu) > s.peakCpu) s.peakCpu = row.cpu;\n}\n",
      },
      {
        name: 'TS assertions and annotations: line.split() fields asserted `as unknown as Sample` compare as text',
        code: 'import { readFileSync } from \'fs\';\ninterface Sample { name: string; ms: number }\nconst samples = readFileSync(\'s.txt\', \'utf8\').split(\'\\n\').map((line) => {\n  const [name, ms] = line.split(\',\');\n  return { name, ms } as unknown as Sample;\n});\nlet worst = samples[0];\nfor (const s of samples) if (s.ms > worst.ms) worst = s;\n',
        ranges: ['s.ms > worst.ms'],
        at: [7, 29],
        message: /^`s\.ms` and `worst\.ms` are both text/,
        output: 'import { readFileSync } from \'fs\';\ninterface Sample { name: string; ms: number }\nconst samples = readFileSync(\'s.txt\', \'utf8\').split(\'\\n\').map((line) => {\n  const [name, ms] = line.split(\',\');\n  return { name, ms } as unknown as Sample;\n});\nlet worst = samples[0];\nfor (const s of samples) if (Number(s.ms) > worst.ms) worst = s;\n',
      },
      {
        name: 'Map get/set: class field `new Map()` set in one method, compared in another (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\nclass RouteStats {\n  private byRoute = new Map<string, string>();\n  add(line: string) {\n    const [route, ms] = line.split(\' \');\n    this.byRoute.set(route, ms);\n  }\n  slowest() {\n    let worst = 0;\n    for (const route of this.byRoute.keys()) {\n      const ms = this.byRoute.get(route)!;\n      if (ms > worst) worst = ms as unknown as number;\n    }\n    return worst;\n  }\n}\nconst s = new RouteStats();\nfor (const l of readFileSync(\'x.log\', \'utf8\').split(\'\\n\')) s.add(l);\n',
        ranges: ['ms > worst'],
        at: [11, 10],
        message: /^`ms` and `worst` are both text/,
      },
      {
        name: 'parameters and returns: sort callback parameters are the records',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\nconst rows = parse(fs.readFileSync(\'p.csv\'), { columns: true });\nrows.sort((a, b) => (a.price > b.price ? 1 : -1));\n',
        ranges: ['a.price > b.price'],
        at: [3, 21],
        message: /^`a\.price` and `b\.price` are both text/,
      },
      {
        name: 'parameters and returns: await of a helper that returns Papa.parse(...).data',
        code: 'import Papa from \'papaparse\';\nimport { readFile } from \'fs/promises\';\nasync function loadRows(path: string) {\n  const text = await readFile(path, \'utf8\');\n  return Papa.parse(text, { header: true }).data;\n}\nexport async function report() {\n  const rows = await loadRows(\'a.csv\');\n  const big = rows.filter((r) => r.amount > 1000);\n  return big.length;\n}\n',
        ranges: ['r.amount > 1000'],
        at: [8, 33],
        message: /^`r\.amount` is text/,
      },
      {
        name: 'streams: for await (const rec of readStream.pipe(parse(...)))',
        code: 'import { parse } from \'csv-parse\';\nimport fs from \'fs\';\nasync function main() {\n  const kept = [];\n  let max = 0;\n  for await (const rec of fs.createReadStream(\'a.csv\').pipe(parse({ columns: true }))) {\n    kept.push(rec);\n    if (rec.latency > max) max = rec.latency;\n  }\n}\nmain();\n',
        ranges: ['rec.latency > max'],
        at: [7, 8],
        message: /^`rec\.latency` and `max` are both text/,
      },
      {
        name: 'streams: for await over a stream variable, records kept',
        code: 'import { parse } from \'csv-parse\';\nimport fs from \'fs\';\nasync function main() {\n  const rows = [];\n  const stream = fs.createReadStream(\'a.csv\').pipe(parse({ columns: true }));\n  for await (const rec of stream) rows.push(rec);\n  rows.sort((a, b) => a.latency - b.latency);\n  const slow = rows.filter((r) => r.latency > 250);\n}\nmain();\n',
        ranges: ['r.latency > 250'],
        at: [7, 34],
        message: /^`r\.latency` is text/,
      },
    ],
  });
  ruleTester('MW153', {
    valid: [

    ],
    invalid: [
      {
        name: 'class fields: class field declared `= []`, pushed in one method, reduced in another (missed before v2)',
        code: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\ninterface Sale { amount: number }\nclass Ledger {\n  private sales: Sale[] = [];\n  load(p: string) {\n    for (const rec of parse(fs.readFileSync(p), { columns: true }) as Sale[]) this.sales.push(rec);\n  }\n  total(): number {\n    return this.sales.reduce((acc, s) => acc + s.amount, 0);\n  }\n}\n',
        ranges: ['acc + s.amount'],
        at: [9, 41],
        message: /^`s\.amount` is text/,
        output: 'import { parse } from \'csv-parse/sync\';\nimport fs from \'fs\';\ninterface Sale { amount: number }\nclass Ledger {\n  private sales: Sale[] = [];\n  load(p: string) {\n    for (const rec of parse(fs.readFileSync(p), { columns: true }) as Sale[]) this.sales.push(rec);\n  }\n  total(): number {\n    return this.sales.reduce((acc, s) => acc + Number(s.amount), 0);\n  }\n}\n',
      },
      {
        name: 'arrays across functions: records pushed in load() and reduced in totalQty()',
        code: 'import { readFileSync } from \'fs\';\ninterface Rec { id: string; qty: number }\nconst records: Rec[] = [];\nfunction load(path: string) {\n  for (const line of readFileSync(path, \'utf8\').split(\'\\n\')) {\n    const [id, qty] = line.split(\',\');\n    records.push({ id, qty } as unknown as Rec);\n  }\n}\nfunction totalQty() {\n  return records.reduce((acc, r) => acc + r.qty, 0);\n}\nload(\'a.csv\');\nconsole.log(totalQty());\n',
        ranges: ['acc + r.qty'],
        at: [10, 36],
        message: /^`r\.qty` is text/,
      },
      {
        name: 'arrays across functions: helper-built records returned by an exported loader and reduced by another export (missed before v2)',
        code: 'import { readFileSync } from \'fs\';\ntype Rec = { name: string; size: number };\nfunction parseLine(line: string): Rec {\n  const [name, size] = line.split(\'\\t\');\n  return { name, size } as unknown as Rec;\n}\nexport function load(p: string): Rec[] {\n  const out: Rec[] = [];\n  for (const l of readFileSync(p, \'utf8\').split(\'\\n\')) out.push(parseLine(l));\n  return out;\n}\nexport function totalSize(recs: Rec[]) {\n  return recs.reduce((t, r) => t + r.size, 0);\n}\nconsole.log(totalSize(load(\'x.tsv\')));\n',
        ranges: ['t + r.size'],
        at: [12, 31],
        message: /^`r\.size` is text/,
      },
    ],
  });
  ruleTester('MW351', {
    valid: [
      { name: 'whole-file reads: a helper whose text is split and indexed from the end', code: 'import fs from \'fs\';\nfunction readText(p: string) {\n  return fs.readFileSync(p, \'utf8\');\n}\nconst lines = readText(\'big.log\').split(\'\\n\');\nconsole.log(lines[lines.length - 2]);\n' },
      { name: 'whole-file reads: a helper called twice: its text is not one stream', code: 'import fs from \'fs\';\nfunction readText(p: string) {\n  return fs.readFileSync(p, \'utf8\');\n}\nfor (const line of readText(\'a.log\').split(\'\\n\')) console.log(line);\nfor (const line of readText(\'b.log\').split(\'\\n\')) console.log(line);\n' },
      { name: 'whole-file reads: .trimRight() lines sorted before the walk', code: 'import fs from \'fs\';\nconst lines = fs.readFileSync(\'big.log\', \'utf8\').trimRight().split(\'\\n\');\nlines.sort();\nfor (const line of lines) console.log(line);\n' },
    ],
    invalid: [
      {
        name: 'whole-file reads: a helper returns the file text and the caller splits it (missed before v2)',
        code: 'import fs from \'fs\';\nfunction readText(p: string) {\n  return fs.readFileSync(p, \'utf8\');\n}\nconst lines = readText(\'big.log\').split(\'\\n\');\nfor (const line of lines) console.log(line.length);\n',
        ranges: ['fs.readFileSync(p, \'utf8\')'],
        at: [2, 9],
        message: /^`fs\.readFileSync/,
      },
      {
        name: 'whole-file reads: Papa.parse(await readFile(...))',
        code: 'import Papa from \'papaparse\';\nimport { readFile } from \'fs/promises\';\nasync function main() {\n  const { data } = Papa.parse(await readFile(\'a.csv\', \'utf8\'), { header: true });\n  let total = 0;\n  for (const r of data) total = total + r.amount;\n}\nmain();\n',
        ranges: ['readFile(\'a.csv\', \'utf8\')'],
        at: [3, 36],
        message: /^`readFile/,
      },
      {
        name: 'whole-file reads: .trimEnd() before .split',
        code: 'import fs from \'fs\';\nconst lines = fs.readFileSync(\'big.log\', \'utf8\').trimEnd().split(\'\\n\');\nfor (const line of lines) console.log(line.toUpperCase());\n',
        ranges: ['fs.readFileSync(\'big.log\', \'utf8\')'],
        at: [1, 14],
        message: /^`fs\.readFileSync/,
      },
      {
        name: 'whole-file reads: .trimRight() before .split (missed before v2)',
        code: 'import fs from \'fs\';\nconst lines = fs.readFileSync(\'big.log\', \'utf8\').trimRight().split(\'\\n\');\nfor (const line of lines) console.log(line.toUpperCase());\n',
        ranges: ['fs.readFileSync(\'big.log\', \'utf8\')'],
        at: [1, 14],
        message: /^`fs\.readFileSync/,
      },
    ],
  });
});
