// The evaluation budgets (facts/fileFacts.ts QUESTION_BUDGET, FILE_BUDGET): a question, or a file, that needs more
// uncached evaluations than its budget ends in "unknown", so the rule stays silent, never hangs and never reports a
// failure; the other questions of the file are still answered. And on every corpus the largest question stays far
// below the budget, so the budget changes no finding there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import { FILE_BUDGET, QUESTION_BUDGET } from '../../../../extension/src/core/lint/python/facts/fileFacts';
import { PYTHON_CORPORA, pythonFiles, ROOT } from './pythonCorpora';

// `x` is data text only through the join of over()'s call sites; `fields[2]` is text right where it is read.
const PROGRAM = [
  'import sys',
  '',
  '',
  'def over(x):',
  '    if x > 5:',
  '        print(x)',
  '',
  '',
  'for line in sys.stdin:',
  '    parts = line.split()',
  '    over(parts[0])',
  '    over(parts[1])',
  '',
  'for line in open(sys.argv[1]):',
  '    fields = line.split(",")',
  '    if fields[2] > 500:',
  '        print(line)',
  '',
].join('\n');

async function lint(budget?: { question: number; file: number }) {
  const phases = new Map<string, number>();
  const r = await pythonLinter.lint({ path: 'budget.py', text: PROGRAM, isEnabled: (c) => c === 'MW103' }, { strict: true, phases, ...(budget ? { budget } : {}) });
  r.state?.dispose?.();
  return { lines: r.findings.map((f) => f.range.startLine + 1), notices: r.notices, cuts: phases.get('work:budget-cuts') ?? 0, max: phases.get('work:max-question') ?? 0 };
}

describe('Python evaluation budgets', function () {
  this.timeout(300000);
  it('with the default budgets both comparisons are reported and nothing is cut', async () => {
    const r = await lint();
    assert.deepStrictEqual(r.lines, [5, 16]);
    assert.strictEqual(r.cuts, 0);
    assert.ok(r.max > 1, `the parameter's question took ${r.max} evaluations`);
  });
  it('a question over its budget ends in unknown (silent, no failure); a cheaper one in the same file is answered', async () => {
    const { max } = await lint();
    // Just below what the parameter's question takes: it is cut, the direct `fields[2]` is not.
    const r = await lint({ question: max - 1, file: FILE_BUDGET });
    assert.ok(r.cuts > 0, 'the budget cut a question');
    assert.deepStrictEqual(r.lines, [16]);
    assert.deepStrictEqual(r.notices, []);
  });
  it('a file over its budget ends in unknown too', async () => {
    const r = await lint({ question: QUESTION_BUDGET, file: 1 });
    assert.ok(r.cuts > 0);
    assert.deepStrictEqual(r.lines, []);
    assert.deepStrictEqual(r.notices, []);
  });
  it('on every corpus the largest question stays under a tenth of the budget, and nothing is cut', async () => {
    let max = 0;
    let where = '';
    let cuts = 0;
    for (const corpus of PYTHON_CORPORA) {
      for (const file of pythonFiles(corpus)) {
        const phases = new Map<string, number>();
        const r = await pythonLinter.lint({ path: file, text: fs.readFileSync(path.join(ROOT, file), 'utf8'), isEnabled: () => true }, { phases });
        r.state?.dispose?.();
        cuts += phases.get('work:budget-cuts') ?? 0;
        const m = phases.get('work:max-question') ?? 0;
        if (m > max) [max, where] = [m, file];
      }
    }
    assert.strictEqual(cuts, 0);
    assert.ok(max < QUESTION_BUDGET / 10, `largest question: ${max} evaluations in ${where}`);
  });
});
