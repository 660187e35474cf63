// An exception inside a JS rule or inside the analysis a rule asks is never read as "no findings": the
// dispatcher reports it as an `internal` notice naming the rule and the position (and `memwise lint`
// exits 2 on it); in strict mode (the unit tests) it is rethrown. The failure is provoked in the real
// analysis, by making one of its questions throw for the duration of the test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JsFileFacts } from '../../../../extension/src/core/lint/js/facts';
import { lintJs } from '../../../../extension/src/core/lint/js/index';
import { runCli } from '../../runCli';

const CODE = "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\n\nfor (const r of rows) if (r.ms > 100) console.log(r);\n";

async function withBrokenAnalysis<T>(work: () => Promise<T>): Promise<T> {
  const original = JsFileFacts.prototype.isNumeric;
  JsFileFacts.prototype.isNumeric = function () {
    throw new Error('numeric facts exploded');
  };
  try {
    return await work();
  } finally {
    JsFileFacts.prototype.isNumeric = original;
  }
}

describe('JS/TS rule dispatcher: errors are visible', () => {
  it('reports an exception inside the analysis as an internal notice naming the rule, node and position', async () => {
    const r = await withBrokenAnalysis(() => lintJs({ path: 'a.mjs', text: CODE, isEnabled: (c) => c === 'MW152', strict: false }));
    assert.deepStrictEqual(r.findings, []);
    assert.strictEqual(r.notices.length, 1, JSON.stringify(r.notices));
    assert.strictEqual(r.notices[0].kind, 'internal');
    assert.match(r.notices[0].message, /^a\.mjs:5:27: rule MW152 failed in BinaryExpression \(numeric facts exploded\); its findings for this file are incomplete/);
  });

  it('keeps the other rules working when one fails', async () => {
    const r = await withBrokenAnalysis(() => lintJs({ path: 'a.mjs', text: CODE, isEnabled: (c) => c === 'MW152' || c === 'MW251', strict: false }));
    assert.deepStrictEqual(r.notices.map((n) => n.message.match(/rule (MW\d+)/)?.[1]), ['MW152']);
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['MW251']);
  });

  it('rethrows in strict mode, with the same words', async () => {
    await withBrokenAnalysis(() => assert.rejects(lintJs({ path: 'a.mjs', text: CODE, isEnabled: (c) => c === 'MW152', strict: true }), /a\.mjs:5:27: rule MW152 failed in BinaryExpression \(numeric facts exploded\)/));
  });

  it('makes `memwise lint` exit 2 and print the notice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-dispatch-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.mjs'), CODE);
      const strictEnv = process.env.MEMWISE_LINT_STRICT;
      delete process.env.MEMWISE_LINT_STRICT;
      const r = await withBrokenAnalysis(() => runCli(['lint', 'a.mjs', '--select', 'MW152'], dir)).finally(() => {
        if (strictEnv !== undefined) process.env.MEMWISE_LINT_STRICT = strictEnv;
      });
      assert.strictEqual(r.code, 2, r.out + r.err);
      assert.match(r.out + r.err, /rule MW152 failed in BinaryExpression/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
