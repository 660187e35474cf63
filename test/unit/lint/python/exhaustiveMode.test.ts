// The fast path (token scan, `appliesTo`, trigger filters, hot code) must be lossless: on every corpus, every
// file gives exactly the findings of exhaustive mode, which runs every enabled rule on every node of every
// visited type with all code counted as hot (engine.ts). A difference names the file and the findings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import type { Finding } from '../../../../extension/src/core/lint/types';
import { PYTHON_CORPORA, pythonFiles, ROOT } from './pythonCorpora';

const show = (f: Finding) => `${f.range.startLine + 1}:${f.range.startColumn + 1}-${f.range.endLine + 1}:${f.range.endColumn + 1} ${f.rule} ${f.message}`;

async function findings(file: string, text: string, exhaustive: boolean): Promise<string[]> {
  const r = await pythonLinter.lint({ path: file, text, isEnabled: () => true }, { exhaustive, strict: true });
  r.state?.dispose?.();
  return r.findings.map(show);
}

describe('Python lint fast path equals exhaustive mode', function () {
  this.timeout(600000);
  for (const corpus of PYTHON_CORPORA) {
    it(`gives identical findings on every file of ${corpus}`, async () => {
      const files = pythonFiles(corpus);
      assert.ok(files.length > 0, `${corpus} has Python files`);
      const diffs: string[] = [];
      let total = 0;
      for (const file of files) {
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        const fast = await findings(file, text, false);
        const full = await findings(file, text, true);
        total += full.length;
        const onlyFull = full.filter((f) => !fast.includes(f));
        const onlyFast = fast.filter((f) => !full.includes(f));
        for (const f of onlyFull) diffs.push(`${file}: missed by the fast path: ${f}`);
        for (const f of onlyFast) diffs.push(`${file}: only in the fast path: ${f}`);
      }
      assert.ok(total > 0, `${corpus}: exhaustive mode found something`);
      assert.deepStrictEqual(diffs, []);
    });
  }
});
