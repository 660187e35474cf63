// Nested recursive summaries (facts/fixpoint.ts): a chain of k functions, each returning its own call and the next
// one's, the last returning the first's, is one cycle of k summaries nested in each other. Each inner summary reads
// the approximation of the first (it is not final), and was computed again in every round of every summary around
// it: the question took 4^k evaluations (k = 7 ran out of its budget, 20,000, and the finding was lost). Kept with
// the approximations it read, an inner summary is computed again only when one of them changed: linear in k.
import * as assert from 'assert';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

/** f1 … fk, each recursive, calling the next; fk calls f1 back and returns the split line. */
function chain(k: number): string {
  const lines = ['import sys', '', ''];
  for (let i = 1; i <= k; i++) {
    const next = i < k ? `f${i + 1}` : 'f1';
    lines.push(`def f${i}(x, n):`, '    if n > 3:', `        return f${i}(x, n - 1)`, '    if n > 1:', `        return ${next}(x, n)`);
    lines.push(i < k ? `    return f${i + 1}(x, n - 2)` : '    return x.split(",")', '', '');
  }
  lines.push('for line in open(sys.argv[1]):', '    fields = f1(line, 5)', '    if fields[2] > 500:', '        print(line)', '');
  return lines.join('\n');
}

async function lint(k: number) {
  const phases = new Map<string, number>();
  const r = await pythonLinter.lint({ path: `chain${k}.py`, text: chain(k), isEnabled: (c) => c === 'MW103' }, { strict: true, phases });
  r.state?.dispose?.();
  return { lines: r.findings.map((f) => f.range.startLine + 1), cuts: phases.get('work:budget-cuts') ?? 0, max: phases.get('work:max-question') ?? 0 };
}

describe('Python nested recursive summaries', function () {
  this.timeout(120000);
  it('a chain of k nested recursive summaries takes evaluations linear in k, and its value is found', async () => {
    const ks = [3, 6, 9, 12];
    const runs: { lines: number[]; cuts: number; max: number }[] = [];
    for (const k of ks) runs.push(await lint(k));
    for (let i = 0; i < ks.length; i++) {
      // the comparison `fields[2] > 500` (text against a number) on the line after `fields = f1(line, 5)`
      assert.deepStrictEqual(runs[i].lines, [8 * ks[i] + 6], `k = ${ks[i]}`);
      assert.strictEqual(runs[i].cuts, 0, `k = ${ks[i]}`);
    }
    // Each three more functions add the same work (4^k would multiply it by 64).
    const steps = runs.slice(1).map((r, i) => r.max - runs[i].max);
    assert.ok(steps.every((s) => s > 0 && s <= 2 * steps[0]), `evaluations for k = ${ks.join(', ')}: ${runs.map((r) => r.max).join(', ')}`);
    assert.ok(runs[3].max < 40 * ks[3], `k = 12 took ${runs[3].max} evaluations`);
  });
});
