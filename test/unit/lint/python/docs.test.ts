// Each rule's doc Example must trigger it and its Use instead must not; metadata is consistent.
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pythonRules } from '../../../../extension/src/core/lint/python/rules/index';
import { lintPython } from './lintHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('python rule docs and metadata', function () {
  this.timeout(30000);
  for (const r of pythonRules) {
    it(`${r.meta.code} ${r.meta.name}: Example triggers, Use instead does not`, async () => {
      const ex = await lintPython(r.meta.docs.example, r.meta.code);
      assert.ok(ex.some((f) => f.rule === r.meta.code), `Example does not trigger ${r.meta.code}`);
      const ok = await lintPython(r.meta.docs.useInstead, r.meta.code);
      assert.deepStrictEqual(ok.map((f) => f.rule), []);
    });
  }

  it('codes are unique, sorted, in the Python range x01–x49, one file per rule', () => {
    const codes = pythonRules.map((r) => r.meta.code);
    assert.deepStrictEqual([...codes].sort(), codes);
    assert.strictEqual(new Set(codes).size, codes.length);
    const files = fs.readdirSync(path.join(repo, 'extension/src/core/lint/python/rules')).filter((f) => f !== 'index.ts');
    for (const r of pythonRules) {
      const m = /^MW(\d)(\d\d)$/.exec(r.meta.code);
      assert.ok(m && +m[2] >= 1 && +m[2] <= 49 && +m[1] === r.meta.family, r.meta.code);
      assert.strictEqual(r.meta.language, 'python');
      assert.ok(files.includes(`${r.meta.name}.ts`), `rules/${r.meta.name}.ts`);
      assert.ok(r.meta.docs.whatItDoes && r.meta.docs.whyIsThisBad && r.meta.summary);
    }
    assert.ok(pythonRules.filter((r) => r.meta.family === 4).length >= 6);
  });

  it('listing the rules does not load the parser', () => {
    const out = childProcess.execFileSync(process.execPath, ['-e', `const r = require(${JSON.stringify(path.join(repo, 'out/extension/src/core/lint/python/rules/index.js'))}); process.stdout.write(String(r.pythonRules.length) + ' ' + Object.keys(require.cache).some((k) => k.includes('web-tree-sitter')))`], { encoding: 'utf8' });
    assert.strictEqual(out, `${pythonRules.length} false`);
  });
});
