// Blind holdout: realistic Node/TS scripts written from the rule definitions (issue 4, docs/rules.md) before
// reading the JS front end, annotated `// expect: MW151[, MW251]` on the line where each finding should start.
// Measures precision/recall on MW1xx–MW3xx against the targets (≥ 0.95 / ≥ 0.90); MW4xx is printed, not asserted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expectedFindings, findingKey, newTally, precision, recall, scoreFile } from '../corpusScore';
import { assertKnownMisses, findings, lint, textAt } from './jsLintHelpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');

describe('JS/TS lint accuracy on the blind holdouts', () => {
  // js-holdout: 80 scripts (2026-11-21); js-holdout2: 50 more by two other writers (2026-11-22), scored blind at
  // precision 0.975 / recall 0.895 before the fixes it led to (docs/benchmarks.md).
  for (const name of ['js-holdout', 'js-holdout2']) {
    it(`reaches precision ≥ 0.95 and recall ≥ 0.90 on MW1xx–MW3xx (test/fixtures/${name})`, async function () {
      await scoreHoldout(this, path.join(FIXTURES, name));
    });
  }
});

// js-holdout3-*: 50 programs by a third blind writer (2026-12-06; 30 multi-function programs, 20 one-file
// scripts), scored once against the v2 engine before any fix: multi 0.769 / 0.488, one-file 0.889 / 0.889 (the
// engine before v2: 0.714 / 0.366 and 0.870 / 0.741). Tuned against since (get-or-create Maps, object maps,
// class instances and their methods' parameters, callbacks handed to local helpers, promise executors,
// timestamp names for MW152): 1.000 / 1.000 on both, which as tuning sets proves only that those flows are
// followed; a new blind corpus is needed for the next accuracy claim. Only the exact lists are asserted: any
// change, better or worse, is a diff of known-misses.json.
exactListsOf('JS/TS lint on the third blind holdout (below target: exact lists only)', ['js-holdout3-multi', 'js-holdout3-onefile'], 20, 10);

// js-holdout4-*: 74 programs by a fourth blind writer (2026-12-06 07:00, from docs/rules.md only; 30 multi-function,
// 20 one-file, 24 public-style snippets), scored once after this session's JS work and before any fix against
// them: multi 1.000 / 0.919 (the engine at 3ae019f: 1.000 / 0.622), one-file 1.000 / 1.000 (same before),
// snippets 1.000 / 0.933 (same before). Exact lists only; a tuning set from the next fix on.
exactListsOf('JS/TS lint on the fourth blind holdout (exact lists only)', ['js-holdout4-multi', 'js-holdout4-onefile', 'js-holdout4-snippets'], 20, 10);

// js-holdout5-*: 60 programs by a fifth blind writer (2026-12-06 09:15, from docs/rules.md only, asked for harder
// flows; 24 multi-function, 16 one-file, 20 snippets), scored once at 6c545b2 before any fix against them:
// MW1xx–MW3xx multi 1.000 / 0.743, one-file 1.000 / 0.917, snippets 1.000 / 0.909. Exact lists only; a tuning
// set from the next fix on. Tuned against since (named map callbacks, fromEntries of split pairs, fields converted
// in place or added later, computed-key argv defaults, MW351 through a helper's parameter, MW451 sinks and
// parameter sizing, MW455 over copied/cast records): multi 1.000 / 0.971, one-file 1.000 / 1.000, snippets
// 1.000 / 0.909, MW4xx all found; the two MW351 left were `Promise.all(records.map(…))`, which js-holdout's
// bulk-upload.mjs expects silent (docs/rules.md now says so). j09_mirror.js:35 is found since wt-js351 (a helper's
// lines filtered and mapped into records, which go on into Promise.all: the map is the lines' one walk); s14's
// records mapped straight into Promise.all stay silent. As tuning sets they prove only those flows.
exactListsOf('JS/TS lint on the fifth blind holdout (exact lists only)', ['js-holdout5-multi', 'js-holdout5-onefile', 'js-holdout5-snippets'], 16, 8);

// js-holdout6-*: 42 programs by a sixth blind writer (2026-12-06 09:40, from docs/rules.md only; 16 multi-function,
// 12 one-file, 14 snippets), never seen by the engineers who tuned the engine. Scored once at d23c55a and once on
// the merged engine (aeb1d26), MW1xx–MW3xx: multi 0.938 / 0.882 → 0.941 / 0.941, one-file 1.000 / 0.800 → same,
// snippets 1.000 / 1.000 → same. Its one false alarm (a Set's `.size`) was fixed after scoring: a tuning set now.
exactListsOf('JS/TS lint on the sixth blind holdout (exact lists only)', ['js-holdout6-multi', 'js-holdout6-onefile', 'js-holdout6-snippets'], 12, 6);

// js-holdout7-*: 80 programs by a seventh blind writer (2026-12-06 11:58, from docs/rules.md only; 20 multi-function,
// 30 one-file, 30 snippets), never seen by the engineers who tuned the engine. Scored once blind at e2128ee,
// MW1xx–MW3xx: multi 1.000 / 0.882, one-file 1.000 / 1.000, snippets 1.000 / 1.000. Fixed against afterwards, so
// a tuning set now.
exactListsOf('JS/TS lint on the seventh blind holdout (exact lists only)', ['js-holdout7-multi', 'js-holdout7-onefile', 'js-holdout7-snippets'], 20, 10);

// js-holdout8-*: 80 programs by an eighth blind writer (2026-12-06 12:36, from docs/rules.md only; 20 multi-function,
// 30 one-file, 30 snippets). Scored once blind on the round's final engine (5852073), MW1xx–MW3xx: multi
// 1.000 / 0.815, one-file 0.958 / 0.885, snippets 1.000 / 1.000. Fixed against afterwards, so a tuning set now.
exactListsOf('JS/TS lint on the eighth blind holdout (exact lists only)', ['js-holdout8-multi', 'js-holdout8-onefile', 'js-holdout8-snippets'], 20, 10);

// js-holdout9-*: 84 programs by two ninth blind writers (2026-12-06 14:45, from docs/rules.md only; 24 multi-function,
// 30 one-file, 30 snippets). Scored once blind on the round's final JS engine (1cccde6), MW1xx–MW3xx: multi
// 0.929 / 0.867, one-file 1.000 / 0.964, snippets 1.000 / 0.800 (two of its three misses: d3_fahrenheit.js was
// skipped as a D3 build by its name, fixed afterwards in vendored.ts). Its two multi false alarms were fixed
// afterwards by class (an event time named with a verb, records converted while mapped), so it is a tuning set now.
// Its misses were fixed by flow class afterwards (a helper filling its caller's array through a parameter, a maximum
// starting as '' or 0, a JSON value plus text used as a number, stream records collected into an array, a cache read
// with Object.entries): exact lists empty since.
exactListsOf('JS/TS lint on the ninth blind holdout (exact lists only)', ['js-holdout9-multi', 'js-holdout9-onefile', 'js-holdout9-snippets'], 24, 10);

// js-holdout10-*: 84 programs by two tenth blind writers (2026-12-06 17:25, from docs/rules.md only; 24 multi-function,
// 30 one-file, 30 snippets). Scored once blind on the round's final merged engine (0a4f645), MW1xx–MW3xx: multi
// 1.000 / 0.864 (three misses in one file: d3-dsv's csvParse taken from a destructured require), one-file
// 1.000 / 0.947, snippets 0.917 / 1.000 (an MW251 on records whose fields are only compared as text). Not fixed
// against afterwards except the multi set's one cause (a function exported by `module.exports = { … }` took no
// parameters from its in-file calls; fixed in callSites.ts), so js-holdout10-multi is a tuning set; and the snippet
// false alarm's cause (a comparison of timestamps and names counted as a numeric use by MW251; textOrder.ts), so
// js-holdout10-snippets is a tuning set too. The one-file set's one miss (worker_pool.js:23, an environment value
// against a retry counter `attempt = 0` passed on by the function's own retry) was fixed afterwards by class in
// callSites.ts (with positions and clock readings as numbers): a tuning set now, its exact lists empty.
exactListsOf('JS/TS lint on the tenth blind holdout (exact lists only)', ['js-holdout10-multi', 'js-holdout10-onefile', 'js-holdout10-snippets'], 24, 10);

// js-holdout11-*: 84 programs by two eleventh blind writers (2026-12-06 20:05, from docs/rules.md only; 24 multi-function,
// 30 one-file, 30 snippets). Scored once blind on the round's final merged engine (042983c), MW1xx–MW3xx: multi
// 0.968 / 1.000 (one false alarm: `r.read_at >= isoStart`, a meter-reading timestamp compared with an ISO cut-off),
// one-file 1.000 / 1.000, snippets 1.000 / 1.000. The multi set's false alarm was fixed afterwards by class
// (`read_at`/`readAt` names a timestamp, textualNames.ts), so js-holdout11-multi is a tuning set; the one-file and
// snippet sets are unseen by the tuners.
exactListsOf('JS/TS lint on the eleventh blind holdout (exact lists only)', ['js-holdout11-multi', 'js-holdout11-onefile', 'js-holdout11-snippets'], 24, 10);

// js-holdout12-*: 84 programs by two twelfth blind writers (2026-12-06 22:30, from docs/rules.md only; 24 multi-function,
// 30 one-file, 30 snippets). Scored once blind on the final engine of the ninth session (6d05484), MW1xx–MW3xx: multi
// 0.962 / 0.962 (false alarm `r.takenAt > newest`, a timestamp; miss `s.ms >= limitMs` in a class method), one-file
// 0.950 / 1.000 (false alarm `b.start > a.start`, two records' timestamps), snippets 1.000 / 1.000. Fixed against
// afterwards by class, so js-holdout12-multi and js-holdout12-onefile are tuning sets (their exact lists lost the
// three lines): text compared with text is a finding only with evidence in the file that it holds numbers
// (numericEvidence.ts, replacing one more timestamp name), and `this` in a method is the instance, so a fluent
// `return this` reaches the method's call sites (evaluator.ts). js-holdout12-snippets was not fixed against (two of
// its files were read while weighing the recall the evidence rule costs; its exact lists did not change).
exactListsOf('JS/TS lint on the twelfth blind holdout (exact lists only)', ['js-holdout12-multi', 'js-holdout12-onefile', 'js-holdout12-snippets'], 24, 10);

// js-holdout13-*: 84 programs by two thirteenth blind writers (2026-12-07 00:25, from docs/rules.md only, after the
// MW152 text-against-text evidence rule; 24 multi-function, 30 one-file, 30 snippets). Scored once blind on the
// round's final merged engine (96e6644), MW1xx–MW3xx: multi 1.000 / 1.000, one-file 1.000 / 0.952 (miss: a whole read
// split and walked once by a chain in a class method, timesheet_overtime.ts:14 MW351), snippets 1.000 / 0.750 (misses:
// `a.fare_usd > b.fare_usd` with only its name as evidence, MW152 and the MW251 it implies; a retry counter whose only
// in-file call is its own retry, retry_fetch.ts:9). The round-start engine 11b4611 scored the snippets 0.846 / 0.917.
// Fixed afterwards by class (f3508f6): currency units and fares name a quantity, and a function called in the file
// only by its own retry takes its counter from the default, so js-holdout13-snippets is a tuning set (1.000 / 1.000);
// the multi and one-file sets are unseen by the tuners. wt-js351 then fixed timesheet_overtime.ts:14 (a chain that maps
// the split lines into records is their one walk, even when the records are kept), so the one-file set is a tuning set.
exactListsOf('JS/TS lint on the thirteenth blind holdout (exact lists only)', ['js-holdout13-multi', 'js-holdout13-onefile', 'js-holdout13-snippets'], 24, 10);

// js-holdout14-*: 84 programs by two fourteenth blind writers (2026-12-07 02:30, from docs/rules.md only, after the
// MW351 map-chain rule text; 24 multi-function, 30 one-file, 30 snippets; new domains). Scored once blind on the
// round's final merged engine (d1501cf), MW1xx–MW3xx: multi 1.000 / 1.000, one-file 0.947 / 1.000 (false alarm:
// MW251 on csv-parse records whose every numeric use is wrapped in Number(), recycling_route_ranking.mjs:6),
// snippets 1.000 / 0.846 (misses: `a.surge_cm < b.surge_cm` over d3 csvParse of a fetched text, MW152 and the MW251
// it implies, tide_station_ranking.mjs:5/7). The round-start engine cdbbe2a scored the same.
// wt-fix251 then fixed recycling_route_ranking.mjs:6 (a field converted wherever it is used is not used as a number
// without conversion; the same fix cleared js-holdout2's j25_payroll_helpers_clean.ts:15), so the one-file set is a tuning set.
// wt-fixjs2 fixed tide_station_ranking.mjs:5/7 (unit suffixes such as _cm name a quantity), so the snippet set is a
// tuning set too; only the multi-function set is unseen by the tuners.
exactListsOf('JS/TS lint on the fourteenth blind holdout (exact lists only)', ['js-holdout14-multi', 'js-holdout14-onefile', 'js-holdout14-snippets'], 24, 10);

// js-holdout15-*: 84 programs by two fifteenth blind writers (2026-12-07 03:47, from docs/rules.md only, after this
// round's MW251/MW152/MW351 rule texts; new domains). Scored once blind on the round's final engine (002d0e4),
// MW1xx–MW3xx: multi 1.000 / 1.000, one-file 1.000 / 1.000, snippets 1.000 / 1.000 (all codes too). The round-start
// engine cdbbe2a gave the snippets one false alarm (MW251 with every numeric use converted, s30_ferry_revenue.ts:7).
// Unseen by the tuners.
exactListsOf('JS/TS lint on the fifteenth blind holdout (exact lists only)', ['js-holdout15-multi', 'js-holdout15-onefile', 'js-holdout15-snippets'], 24, 10);

/** A blind holdout past its one blind scoring: only its exact committed lists are asserted (no thresholds). */
function exactListsOf(title: string, names: readonly string[], minFiles: number, minClean: number): void {
  describe(title, () => {
    for (const name of names) {
      it(`has exactly the committed false positives and misses (test/fixtures/${name})`, async function () {
        await scoreHoldout(this, path.join(FIXTURES, name), { minFiles, minClean, thresholds: false });
      });
    }
  });
}

async function scoreHoldout(ctx: Mocha.Context, HOLDOUT: string, opts = { minFiles: 30, minClean: 15, thresholds: true }): Promise<void> {
  ctx.timeout(120000);
  const files = fs.readdirSync(HOLDOUT).filter((f) => /\.(m|c)?[jt]sx?$/.test(f)).sort();
  assert.ok(files.length >= opts.minFiles, `holdout has ${files.length} files`);
  const core = newTally();
  const other = newTally();
  let cleanFiles = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(HOLDOUT, f), 'utf8');
    const expected = expectedFindings(text);
    if (![...expected].some((k) => /:MW[123]/.test(k))) cleanFiles++;
    const r = await lint(text, f);
    assert.deepStrictEqual(r.notices, [], `${f} parses cleanly`);
    const found = new Set(r.findings.filter((x) => /^MW[1-8]/.test(x.rule)).map(findingKey));
    scoreFile(expected, found, (code) => [Number(code[2]) <= 3 ? core : other], (line, code) => `${f}:${line + 1} ${code}`);
  }
  const c = { precision: precision(core), recall: recall(core) };
  const o = { precision: precision(other), recall: recall(other) };
  console.log(
    `      holdout: ${files.length} files (${cleanFiles} without MW1xx–MW3xx); MW1xx–MW3xx: ${core.tp} TP, ${core.fp.length} FP, ${core.fn.length} FN` +
      ` → precision ${c.precision.toFixed(3)}, recall ${c.recall.toFixed(3)}`,
  );
  console.log(`      MW4xx: ${other.tp} TP, ${other.fp.length} FP, ${other.fn.length} FN → precision ${o.precision.toFixed(3)}, recall ${o.recall.toFixed(3)}`);
  if (core.fp.length || core.fn.length) console.log(`      FP: ${core.fp.join(', ') || '-'}\n      FN: ${core.fn.join(', ') || '-'}`);
  if (other.fp.length || other.fn.length) console.log(`      MW4xx FP: ${other.fp.join(', ') || '-'}\n      MW4xx FN: ${other.fn.join(', ') || '-'}`);
  assertKnownMisses(HOLDOUT, [...core.fp, ...other.fp], [...core.fn, ...other.fn]);
  assert.ok(cleanFiles >= opts.minClean, 'about half the holdout is clean code that must stay silent');
  if (!opts.thresholds) return;
  assert.ok(c.precision >= 0.95, `precision ${c.precision.toFixed(3)}; false alarms: ${core.fp.join(', ')}`);
  assert.ok(c.recall >= 0.9, `recall ${c.recall.toFixed(3)}; misses: ${core.fn.join(', ')}`);
}

// One small case per gap the holdout found (exact text and start of each finding), and its silent counterpart.
const FIX_CASES: { name: string; rule: string; code: string; ranges: string[]; at?: [number, number] }[] = [
  {
    name: "the index a list's forEach callback gets is a number",
    rule: 'MW151',
    code: "const { parse } = require('csv-parse/sync');\nconst records = parse(require('fs').readFileSync('a.csv'), { columns: true, cast: true });\nconst offset = process.env.ROW_BASE;\nrecords.forEach((record, i) => console.log(i + offset));\n",
    ranges: ['i + offset'],
  },
  {
    name: 'a field named `…_level` is not excused as text (reorder_level is a quantity)',
    rule: 'MW152',
    code: "import { parse } from 'csv-parse/sync';\nconst records = parse(process.argv[2], { columns: true });\nconst low = records.filter((r) => r.stock < r.reorder_level);\nconsole.log(low.length);\n",
    ranges: ['r.stock < r.reorder_level'],
  },
  {
    name: 'this.method() returns what the method returns',
    rule: 'MW151',
    code: "import Papa from 'papaparse';\nclass Stock {\n  rows = [];\n  load(text) {\n    this.rows = Papa.parse(text, { header: true }).data;\n  }\n  low() {\n    return this.rows.filter((r) => r.onHand < 5);\n  }\n  plan() {\n    return this.low().map((r) => r.reorderAt + 5);\n  }\n}\nexport default Stock;\n",
    ranges: ['r.reorderAt + 5'],
  },
  {
    name: "Koa's ctx.query is text",
    rule: 'MW151',
    code: "router.get('/c', async (ctx) => {\n  const limit = ctx.query.limit || 25;\n  const offset = Number(ctx.query.offset || 0);\n  ctx.body = offset + limit;\n});\n",
    ranges: ['offset + limit'],
    at: [3, 13],
  },
  {
    name: "ctx.request.query is text too",
    rule: 'MW152',
    code: "app.use(async (ctx) => {\n  if (ctx.request.query.n > 10) ctx.status = 400;\n});\n",
    ranges: ['ctx.request.query.n > 10'],
  },
  {
    name: 'a local helper gets the records its call sites pass',
    rule: 'MW151',
    code: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfunction addRow(acc, row) {\n  acc.total += row.amount;\n}\nconst stats = { total: 0 };\nfs.createReadStream('t.csv').pipe(parse({ columns: true })).on('data', (row) => addRow(stats, row));\n",
    ranges: ['acc.total += row.amount'],
    at: [3, 2],
  },
  {
    name: 'an object map initialised with `|| 0` holds numbers',
    rule: 'MW151',
    code: "const lines = require('fs').createReadStream('x');\nconst hours = {};\nrequire('readline').createInterface({ input: lines }).on('line', (line) => {\n  const [who, h] = line.split(',');\n  hours[who] = hours[who] || 0;\n  hours[who] = hours[who] + h;\n});\n",
    ranges: ['hours[who] + h'],
    at: [5, 15],
  },
  {
    name: 'readFile callback into the csv-parse callback API, walked once',
    rule: 'MW351',
    code: "const fs = require('fs');\nconst { parse } = require('csv-parse');\nfs.readFile('inv.csv', (err, data) => {\n  parse(data, { columns: true }, (e, records) => {\n    records.forEach((r) => console.log(r.sku));\n  });\n});\n",
    ranges: ["fs.readFile('inv.csv', (err, data) => {\n  parse(data, { columns: true }, (e, records) => {\n    records.forEach((r) => console.log(r.sku));\n  });\n})"],
    at: [2, 0],
  },
  {
    name: "PapaParse's complete callback walks results.data once",
    rule: 'MW351',
    code: "const fs = require('fs');\nconst Papa = require('papaparse');\nconst csv = fs.readFileSync('p.csv', 'utf8');\nPapa.parse(csv, { header: true, complete: (results) => {\n  const rows = results.data;\n  console.log(rows.reduce((n, r) => n + r.name.length, 0));\n} });\n",
    ranges: ["fs.readFileSync('p.csv', 'utf8')"],
    at: [2, 12],
  },
  {
    name: '=== against a number is always false, even for an id field',
    rule: 'MW152',
    code: "const fs = require('fs');\nconst { parse } = require('csv-parse/sync');\nconst rows = parse(fs.readFileSync('o.csv'), { columns: true });\nconst id = Number(process.argv[2]);\nconsole.log(rows.filter((o) => o.customer_id === id).length, rows.length);\n",
    ranges: ['o.customer_id === id'],
  },
];

const FIX_SILENT: { name: string; rule: string; code: string }[] = [
  {
    name: 'sorting whole lines lexically',
    rule: 'MW152',
    code: "const rl = require('readline').createInterface({ input: process.stdin });\nconst words = [];\nrl.on('line', (l) => words.push(l.trim()));\nrl.on('close', () => console.log(words.sort((a, b) => (a < b ? -1 : 1))));\n",
  },
  {
    name: 'records converted straight into .map() are not kept as text',
    rule: 'MW251',
    code: "import { parse } from 'csv-parse/sync';\nconst text = await (await fetch('https://x/y.csv')).text();\nconst rows = parse(text, { columns: true }).map((r) => ({ day: r.day, visits: Number(r.visits) }));\nconsole.log(rows.reduce((s, r) => s + r.visits, 0), rows.length);\n",
  },
  {
    name: 'an object map of arrays is not numeric',
    rule: 'MW151',
    code: "const groups = {};\nfor (const line of require('fs').readFileSync('a.log', 'utf8').split('\\n')) {\n  const [k, v] = line.split(' ');\n  groups[k] = groups[k] || [];\n  groups[k] = groups[k] + v;\n}\n",
  },
  {
    name: 'a helper whose call sites pass different kinds of value stays unknown',
    rule: 'MW151',
    code: "function bump(total, x) {\n  return total + x;\n}\nconsole.log(bump(1, 2), bump(3, process.argv[2]), bump('a', process.argv[3]));\n",
  },
];

describe('JS/TS lint fixes found by the holdout', () => {
  for (const c of FIX_CASES) {
    it(`${c.rule}: ${c.name}`, async () => {
      const got = await findings(c.code, c.rule);
      assert.deepStrictEqual(got.map((f) => textAt(c.code, f.range)), c.ranges);
      if (c.at) assert.deepStrictEqual([got[0].range.startLine, got[0].range.startColumn], c.at);
    });
  }
  for (const c of FIX_SILENT) {
    it(`${c.rule} stays silent: ${c.name}`, async () => {
      assert.deepStrictEqual(await findings(c.code, c.rule), []);
    });
  }
});
