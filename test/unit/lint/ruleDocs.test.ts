// docs/rules.md is generated from the rule metadata and must match; every rule's doc example must
// trigger it and its "use instead" must not, linted through the engine.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../../extension/src/core/lint/catalog';
import { defaultConfig } from '../../../extension/src/core/lint/config';
import { rulesMarkdown } from '../../../extension/src/core/lint/docsGen';
import { lintText } from '../../../extension/src/core/lint/engine';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('rule documentation', () => {
  it('docs/rules.md is up to date (run `npm run docs:rules`)', () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8');
    assert.ok(committed === rulesMarkdown(), 'docs/rules.md differs from the generator output: run `npm run docs:rules`');
  });

  it('every rule has a complete doc, a unique code and a name unique within its language', () => {
    const rules = allRules();
    assert.ok(rules.length >= 2);
    assert.strictEqual(new Set(rules.map((r) => r.code)).size, rules.length);
    // The same pattern may carry the same name in both languages (e.g. string-concat-in-loop), never twice in one.
    assert.strictEqual(new Set(rules.map((r) => `${r.language}:${r.name}`)).size, rules.length);
    for (const r of rules) {
      assert.match(r.code, /^MW\d{3}$/, r.code);
      assert.match(r.name, /^[a-z][a-z0-9-]*$/, r.code);
      for (const k of ['whatItDoes', 'whyIsThisBad', 'example', 'useInstead'] as const) assert.ok(r.docs[k]?.trim(), `${r.code} docs.${k} is empty`);
      const n = Number(r.code.slice(3));
      assert.ok(r.language === 'python' ? n % 100 >= 1 && n % 100 <= 49 : n % 100 >= 51 && n % 100 <= 99, `${r.code} is outside its language's code range`);
    }
  });

  for (const rule of allRules()) {
    it(`${rule.code} ${rule.name}: the example triggers it and "use instead" does not`, async () => {
      const file = rule.language === 'python' ? 'example.py' : 'example.ts';
      const config = { ...defaultConfig(), select: [rule.code] };
      const bad = await lintText({ path: file, text: rule.docs.example, config });
      const good = await lintText({ path: file, text: rule.docs.useInstead, config });
      const internal = [...bad.notices, ...good.notices].filter((n) => n.kind === 'internal');
      assert.deepStrictEqual(internal, [], 'the front end failed');
      assert.ok(bad.findings.some((f) => f.rule === rule.code), `example did not trigger ${rule.code}:\n${rule.docs.example}`);
      assert.ok(!good.findings.some((f) => f.rule === rule.code), `"use instead" triggered ${rule.code}:\n${rule.docs.useInstead}`);
    });
  }
});
