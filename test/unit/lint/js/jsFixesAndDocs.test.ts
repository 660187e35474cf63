// Quick fixes are applied as real edits and the result re-linted; every rule doc's Example triggers the
// rule and its Use instead does not; rule metas are complete and loadable without the parser.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { jsLinter } from '../../../../extension/src/core/lint/js/index';
import { jsRules } from '../../../../extension/src/core/lint/js/rules/index';
import { applyEdits, findings, lint } from './jsLintHelpers';

const CSV = "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\n";

const fixCases: { name: string; code: string; rule: string; expect: string }[] = [
  { name: 'wraps a += field in Number()', rule: 'MW151', code: CSV + 'let total = 0;\nfor (const r of rows) total += r.bytes;\n', expect: 'total += Number(r.bytes)' },
  { name: 'wraps an env var in Number()', rule: 'MW151', code: 'const port = process.env.PORT || 3000;\nconsole.log(port + 1);\n', expect: 'Number(port) + 1' },
  { name: 'wraps the compared field', rule: 'MW152', code: CSV + 'const big = rows.filter((r) => r.size > 10);\n', expect: 'Number(r.size) > 10' },
  { name: 'wraps the reduce field', rule: 'MW153', code: CSV + 'const t = rows.reduce((s, r) => s + r.amount, 0);\n', expect: 's + Number(r.amount)' },
  { name: 'adds cast: true to csv-parse options', rule: 'MW251', code: CSV + 'const t = rows.map((r) => r.n * 2);\n', expect: '{ cast: true, columns: true }' },
  { name: 'adds dynamicTyping: true to Papa.parse', rule: 'MW251', code: "import Papa from 'papaparse';\nconst { data } = Papa.parse('a', { header: true });\nconst x = data.map((r) => r.a * 2);\n", expect: '{ dynamicTyping: true, header: true }' },
  { name: 'adds an options object when there is none', rule: 'MW251', code: "import { parse } from 'csv-parse/sync';\nconst rows = parse('a\\n1');\nconst x = rows.map((r) => r[0] * 2);\n", expect: "parse('a\\n1', { cast: true })" },
  { name: 'adds d3.autoType', rule: 'MW251', code: "import * as d3 from 'd3';\nconst rows = d3.csvParse('a\\n1');\nconst x = rows.map((r) => r.a - 1);\n", expect: "d3.csvParse('a\\n1', d3.autoType)" },
];

describe('JS/TS quick fixes (applied and re-linted)', () => {
  for (const c of fixCases) {
    it(`${c.rule}: ${c.name}`, async () => {
      const before = await findings(c.code, c.rule);
      assert.strictEqual(before.length, 1, `expected one ${c.rule}, got ${before.length}`);
      const fix = before[0].fixes[0];
      assert.ok(fix, 'the finding offers a fix');
      const fixed = applyEdits(c.code, fix.edits);
      assert.ok(fixed.includes(c.expect), `fixed text lacks ${c.expect}:\n${fixed}`);
      const after = await lint(fixed);
      assert.deepStrictEqual(after.notices, [], 'the fixed code still parses');
      assert.deepStrictEqual(after.findings.filter((f) => f.rule === c.rule), [], `fix leaves ${c.rule} behind:\n${fixed}`);
    });
  }
});

describe('JS/TS rule docs and metas', () => {
  it('codes are JS codes (x51–x99), unique, sorted, with the family in the hundreds digit', () => {
    const codes = jsRules.map((r) => r.meta.code);
    assert.deepStrictEqual([...codes].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2))), codes);
    assert.strictEqual(new Set(codes).size, codes.length);
    for (const r of jsRules) {
      const n = Number(r.meta.code.slice(2));
      assert.ok(n % 100 >= 51, `${r.meta.code} is in the JS range`);
      assert.strictEqual(Math.floor(n / 100), r.meta.family);
      assert.strictEqual(r.meta.language, 'js');
      assert.match(r.meta.name, /^[a-z]+(-[a-z]+)*$/);
      for (const k of ['whatItDoes', 'whyIsThisBad', 'example', 'useInstead', 'fixSafety'] as const) assert.ok(r.meta.docs[k], `${r.meta.code} has docs.${k}`);
    }
    assert.ok(jsRules.filter((r) => r.meta.family === 4).length >= 4, 'at least four MW4xx rules');
    assert.deepStrictEqual(jsLinter.rules.map((m) => m.code), codes);
  });

  for (const rule of jsRules) {
    it(`${rule.meta.code} doc Example triggers it and Use instead does not`, async () => {
      const ex = await findings(rule.meta.docs.example, rule.meta.code);
      assert.ok(ex.length > 0, `${rule.meta.code} example does not trigger:\n${rule.meta.docs.example}`);
      const ok = await lint(rule.meta.docs.useInstead);
      assert.deepStrictEqual(ok.notices, []);
      assert.deepStrictEqual(ok.findings.filter((f) => f.rule === rule.meta.code).map((f) => f.message), []);
    });
  }

  it('rule modules do not load typescript-estree at run time', () => {
    const dir = path.join(__dirname, '..', '..', '..', '..', 'extension', 'src', 'core', 'lint', 'js', 'rules');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.js'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(!/require\(["']@typescript-eslint/.test(src), `${f} requires typescript-estree`);
      assert.ok(!/require\(["']\.\.\/(parser|facts|index)["']\)/.test(src), `${f} requires the parser side`);
    }
  });
});
