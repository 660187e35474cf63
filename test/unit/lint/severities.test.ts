// Severities that mean something: every rule has a level from the catalog with a reason, and each rule's
// documented example, linted through the engine, is reported at exactly that level.
import * as assert from 'assert';
import { allRules } from '../../../extension/src/core/lint/catalog';
import { defaultConfig } from '../../../extension/src/core/lint/config';
import { lintText } from '../../../extension/src/core/lint/engine';
import { DEFAULT_SEVERITIES } from '../../../extension/src/core/lint/severities';

describe('severity catalog', function () {
  this.timeout(60000);

  it('gives every rule a level and a reason; the catalog and docs use it', () => {
    for (const r of allRules()) {
      const entry = DEFAULT_SEVERITIES[r.code];
      assert.ok(entry, `${r.code} has no entry in severities.ts`);
      assert.strictEqual(r.defaultSeverity, entry.severity, r.code);
      assert.strictEqual(r.severityWhy, entry.why, r.code);
    }
    assert.deepStrictEqual(Object.keys(DEFAULT_SEVERITIES).filter((c) => !allRules().some((r) => r.code === c)), [], 'entries for rules that do not exist');
  });

  it('errors are the fail-or-blow-up rules the issue names', () => {
    const errors = allRules().filter((r) => r.defaultSeverity === 'error').map((r) => r.code);
    // text repeated by a number from data, text-vs-number arithmetic/comparison raising TypeError
    for (const c of ['MW101', 'MW102', 'MW103']) assert.ok(errors.includes(c), c);
    for (const r of allRules().filter((x) => x.family === 3)) assert.strictEqual(r.defaultSeverity, 'warning', r.code);
  });

  for (const r of allRules().filter((x) => x.family !== 9)) {
    it(`${r.code} reports its documented example at ${r.defaultSeverity}`, async () => {
      const path = r.language === 'python' ? 'example.py' : 'example.mts';
      const res = await lintText({ path, text: r.docs.example, config: defaultConfig() });
      const mine = res.findings.filter((f) => f.rule === r.code);
      assert.ok(mine.length > 0, `${r.code}: its example gives no finding`);
      for (const f of mine) assert.strictEqual(f.severity, r.defaultSeverity, `${r.code}: ${f.message}`);
    });
  }

  it('a configured severity still wins for data-scale findings; unknown scale stays information', async () => {
    const config = { ...defaultConfig(), severity: { MW402: 'error' as const } };
    const data = await lintText({ path: 'a.py', text: 'import sys\ns = ""\nfor line in open(sys.argv[1]):\n    s += line\n', config });
    assert.deepStrictEqual(data.findings.map((f) => `${f.rule}:${f.severity}`), ['MW402:error']);
    const unknown = await lintText({ path: 'a.py', text: 'import pandas as pd\n\ndef grow(df, parts):\n    for p in parts:\n        df = pd.concat([df, p])\n    return df\n', config: { ...defaultConfig(), severity: { MW404: 'error' as const } } });
    assert.deepStrictEqual(unknown.findings.map((f) => `${f.rule}:${f.severity}`), ['MW404:info']);
  });
});
