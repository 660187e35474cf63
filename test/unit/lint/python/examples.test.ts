// The lead's examples: the bad scripts are flagged with the expected rules, the fixed versions are clean.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from './lintHelpers';

const examples = path.resolve(__dirname, '..', '..', '..', '..', '..', 'examples');
const expected: Record<string, string[]> = {
  'request_log.py': ['MW101', 'MW201'],
  'log_parser.py': ['MW301', 'MW304'],
  'pandas_report.py': ['MW105', 'MW202', 'MW203'],
};

describe('python examples', function () {
  this.timeout(30000);
  for (const [file, rules] of Object.entries(expected)) {
    it(`${file} is flagged with ${rules.join(', ')}`, async () => {
      const got = new Set((await lintPython(fs.readFileSync(path.join(examples, file), 'utf8'))).map((f) => f.rule));
      for (const r of rules) assert.ok(got.has(r), `${file}: missing ${r} (got ${[...got].join(', ')})`);
    });
    const fixed = file.replace('.py', '_fixed.py');
    it(`${fixed} has no core findings`, async () => {
      const p = path.join(examples, fixed);
      if (!fs.existsSync(p)) return;
      const got = (await lintPython(fs.readFileSync(p, 'utf8'))).filter((f) => /^MW[123]/.test(f.rule));
      assert.deepStrictEqual(got.map((f) => `${f.rule}@${f.range.startLine + 1}`), []);
    });
  }
});
