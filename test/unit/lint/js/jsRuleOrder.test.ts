// A rule's findings must not depend on which other rules run: `--select MW152` and the default rule set give
// MW152 the same findings. The value analysis is shared and memoised, and the rules ask it in visiting order,
// so an answer remembered from inside a cycle (facts.ts, ask) once made MW152 miss a counter kept per key when
// MW151 had asked first. Checked on the tenth blind holdout (multi-function programs, one-file scripts and
// snippets: classes, callbacks, maps and recursion) and on the counter that showed it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { jsRules } from '../../../../extension/src/core/lint/js/rules/index';
import { lint } from './jsLintHelpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');
const SETS = ['js-holdout10-multi', 'js-holdout10-onefile', 'js-holdout10-snippets'];
const COUNTER = "const maxFailures = process.env.MAX_FAILURES;\nconst failures = {};\nfunction fail(host) {\n  failures[host] = (failures[host] || 0) + 1;\n  if (failures[host] > maxFailures) console.log('giving up on', host);\n}\nfail('a');\n";

async function orderDependent(text: string, file: string): Promise<string[]> {
  const all = (await lint(text, file)).findings;
  const out: string[] = [];
  for (const rule of jsRules) {
    const code = rule.meta.code;
    const key = (fs: { rule: string; range: { startLine: number; startColumn: number }; message: string }[]) => JSON.stringify(fs.filter((f) => f.rule === code).map((f) => [f.range.startLine, f.range.startColumn, f.message]));
    const alone = key((await lint(text, file, code)).findings);
    const together = key(all);
    if (alone !== together) out.push(`${path.basename(file)} ${code}: alone ${alone}, with every rule ${together}`);
  }
  return out;
}

describe('JS/TS rules: findings do not depend on which other rules run', function () {
  this.timeout(120000);

  it('a counter kept per key (`failures[host] = (failures[host] || 0) + 1`)', async () => {
    assert.deepStrictEqual(await orderDependent(COUNTER, 'counter.js'), []);
  });

  it(`every file of ${SETS.join(', ')}`, async () => {
    const diffs: string[] = [];
    let files = 0;
    for (const set of SETS) {
      for (const f of fs.readdirSync(path.join(FIXTURES, set)).filter((n) => /\.(m|c)?[jt]sx?$/.test(n)).sort()) {
        const file = path.join(FIXTURES, set, f);
        diffs.push(...(await orderDependent(fs.readFileSync(file, 'utf8'), file)));
        files++;
      }
    }
    assert.ok(files >= 80, `${files} files`);
    assert.deepStrictEqual(diffs, []);
  });
});
