// The editor's re-lint starts from an earlier run: its tree for the incremental parse, and the findings an edit
// cannot change (reuse.ts). These tests cover the choice of that run: after a broken text, the last clean run when
// it is near (reuseBase.ts). Every step must equal a full lint in every field (and its tree a fresh parse), and each
// shortcut must really be taken.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import type { PythonParseState } from '../../../../extension/src/core/lint/python/parser';
import { editBetween, MAX_REPAIR_ROWS } from '../../../../extension/src/core/lint/python/reuseBase';
import type { LanguageLintResult } from '../../../../extension/src/core/lint/types';
import { change } from '../textChanges';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');

const enabled = { isEnabled: () => true };

/** An editor session over one document: each step re-lints incrementally and is checked against a full lint. */
class Session {
  private last!: LanguageLintResult;
  constructor(public text: string) {}
  async open(): Promise<LanguageLintResult> {
    this.last = await pythonLinter.lint({ path: 's.py', text: this.text, ...enabled }, { strict: true });
    return this.last;
  }
  /** Replace `from` (its first occurrence at or after `after`) by `to`; returns the incremental result. */
  async edit(from: string, to: string, after = 0): Promise<LanguageLintResult> {
    const start = this.text.indexOf(from, after);
    assert.ok(start >= 0, `${JSON.stringify(from)} is in the text`);
    const edit = toIncrementalEdit(change(this.text, start, start + from.length, to));
    this.text = this.text.slice(0, start) + to + this.text.slice(start + from.length);
    const inc = await pythonLinter.lint({ path: 's.py', text: this.text, ...enabled, previous: this.last.state, edits: [edit] }, { strict: true });
    this.last.state?.dispose?.();
    this.last = inc;
    const full = await pythonLinter.lint({ path: 's.py', text: this.text, ...enabled }, { strict: true });
    assert.deepStrictEqual(inc.findings, full.findings, `after ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
    assert.deepStrictEqual(inc.notices, full.notices);
    // The incremental parse (from the previous tree, or after a broken text from the last clean one) is exact.
    assert.strictEqual((inc.state as PythonParseState).tree.rootNode.toString(), (full.state as PythonParseState).tree.rootNode.toString());
    full.state?.dispose?.();
    return inc;
  }
  close(): void {
    this.last.state?.dispose?.();
  }
}

const PROGRAM = `import sys


def load(path):
    with open(path) as f:
        return f.read().split("\\n")


def total(rows):
    t = 0
    for r in rows:
        t += r.split(",")[1] * 2
    return t


class Report:
    def __init__(self, path):
        self.rows = load(path)

    def show(self):
        for r in self.rows:
            if r.split(",")[2] > 10:
                print(r)

    def count(self):
        n = 0
        for r in self.rows:
            n += r.split(",")[3]
        return n


def main():
    rows = load(sys.argv[1])
    print(total(rows))
    Report(sys.argv[1]).show()
`;

const reusedOf = (r: LanguageLintResult) => (r.state as PythonParseState).reusedCandidates;
const broken = (r: LanguageLintResult) => r.notices.some((n) => n.kind === 'parse-error');

describe('Python editor re-lint after a syntax error is repaired (reuseBase.ts)', () => {
  it('describes the text between two versions as one edit (common prefix and suffix kept)', () => {
    const before = 'ab\ncd\nef\n';
    // [new text, start, old end, new end, (row, column) of each]
    const cases: [string, number, number, number, [number, number][]][] = [
      ['ab\ncXY\nZd\nef\n', 4, 4, 8, [[1, 1], [1, 1], [2, 1]]],
      ['ab\nef\n', 3, 6, 3, [[1, 0], [2, 0], [1, 0]]],
    ];
    for (const [after, start, oldEnd, newEnd, [s0, s1, s2]] of cases) {
      const at = (p: [number, number]) => ({ row: p[0], column: p[1] });
      assert.deepStrictEqual(editBetween({ text: before }, after), {
        startIndex: start,
        oldEndIndex: oldEnd,
        newEndIndex: newEnd,
        startPosition: at(s0),
        oldEndPosition: at(s1),
        newEndPosition: at(s2),
      });
    }
    // Two emoji sharing their high surrogate: the edit takes both halves.
    const emoji = editBetween({ text: 'a\u{1F600}b' }, 'a\u{1F601}b');
    assert.deepStrictEqual([emoji.startIndex, emoji.oldEndIndex, emoji.newEndIndex], [1, 3, 3]);
    const same = editBetween({ text: before }, before);
    assert.strictEqual(same.startIndex, before.length);
    assert.strictEqual(same.oldEndIndex, before.length);
    assert.strictEqual(same.newEndIndex, before.length);
  });

  it('reuses every candidate of the clean run when a keystroke that broke the class is taken back', async function () {
    this.timeout(30000);
    const s = new Session(PROGRAM);
    const first = await s.open();
    assert.ok(first.findings.length >= 3, `the program gives ${first.findings.length} findings`);
    // Every candidate, reused: a no-op re-lint (an edit that changes nothing) counts them. The first re-lint of a
    // session has nothing to reuse (a one-shot lint records no reads).
    await s.edit('import sys', 'import sys');
    const all = reusedOf(await s.edit('import sys', 'import sys'));
    assert.ok(all >= 4, `${all} candidates`);
    // `x` before an indented `def` ends the class early; error recovery reshapes the methods after it.
    const brk = await s.edit('    def show', 'x   def show');
    assert.ok(broken(brk), 'the edit breaks the syntax');
    const fix = await s.edit('x   def show', '    def show');
    assert.ok(!broken(fix));
    assert.strictEqual(reusedOf(fix), all, 'the repaired text reuses every candidate of the last clean run');
    assert.ok((brk.state as PythonParseState).repair?.edit, 'the parse and the reuse check started from the clean run');
    assert.ok(reusedOf(brk) < all, 'the broken run itself evaluates again what error recovery moved');
    s.close();
  });

  it('evaluates again what changed while the text was broken, not only the repairing edit', async function () {
    this.timeout(30000);
    // If the repair were applied to the last clean run alone, total()'s old MW101 would come back here (its `t +=`
    // of the repeated text is that same mistake, not a second finding).
    const s = new Session(PROGRAM);
    const first = await s.open();
    await s.edit('import sys', 'import sys');
    const inTotal = (r: LanguageLintResult) => r.findings.filter((f) => f.range.startLine === 11).map((f) => f.rule).sort();
    assert.deepStrictEqual(inTotal(first), ['MW101']);
    assert.ok(broken(await s.edit('    print(total(rows))', '    print(total(rows)')));
    // The same length, so total() starts and ends where it did: only its text tells it changed.
    const still = await s.edit('t += r.split(",")[1] * 2', 't += r.count(",")    * 2');
    assert.ok(broken(still), 'still broken');
    const fixed = await s.edit('    print(total(rows)', '    print(total(rows))');
    assert.ok(!broken(fixed));
    assert.deepStrictEqual(inTotal(fixed), [], 'total() no longer mixes text and numbers');
    assert.ok(reusedOf(fixed) > 0, 'the other candidates are reused');
    s.close();
  });

  it('evaluates a def again when an edit makes it a method again (a module-level line that cut its class, deleted)', async function () {
    this.timeout(20000);
    // tree-sitter reads `x` at column 0 as ending the class, and the indented `def allow` after it as a module-level
    // function, without a syntax error. Deleting `x` makes `allow` a method again, with the same text and length:
    // its `limit` compared with a number is the class's text attribute again, and MW103 must come back (it did not:
    // the def was taken as only moved). Found by random edits of the corpora (this file, among others).
    const s = new Session(fs.readFileSync(path.join(repoRoot, 'test/fixtures/python-holdout2/b128_http_rate_limiter.py'), 'utf8'));
    const rules = (r: LanguageLintResult) => r.findings.map((f) => `${f.rule}@${f.range.startLine}`);
    const first = await s.open();
    assert.ok(rules(first).includes('MW103@46'));
    const at = s.text.indexOf('reverse=True)\n\n    def allow') + 'reverse=True)\n'.length;
    const cut = await s.edit('', 'x', at); // typed on the blank line
    assert.ok(!rules(cut).includes('MW103@46'));
    const back = await s.edit('x', '', at);
    assert.deepStrictEqual(rules(back), rules(first));
    s.close();
    // The same cut in another class: code elsewhere asked the class for its methods, which its header answered from
    // the class's extent; deleting `x` gives the class back the methods after it, and the MW104 findings that use them.
    const t = new Session(fs.readFileSync(path.join(repoRoot, 'test/fixtures/python-holdout3-multi/m25_weather_stations.py'), 'utf8'));
    const whole = await t.open();
    assert.ok(rules(whole).includes('MW104@50'));
    const at2 = t.text.indexOf('defaultdict(int)\n\n    def add') + 'defaultdict(int)\n'.length;
    await t.edit('', 'x', at2);
    assert.deepStrictEqual(rules(await t.edit('x', '', at2)), rules(whole));
    t.close();
  });

  it(`starts from the previous run when the clean run is more than ${MAX_REPAIR_ROWS} lines of edits away`, async function () {
    this.timeout(30000);
    const filler = Array.from({ length: MAX_REPAIR_ROWS + 20 }, (_, i) => `LIMIT_${i} = ${i}`).join('\n');
    const s = new Session(`${PROGRAM}\n${filler}\n\n\ndef late(rows):\n    return [r.split(",")[0] * 3 for r in rows]\n`);
    await s.open();
    await s.edit('import sys', 'import sys');
    const brk = await s.edit('    def show', 'x   def show');
    assert.ok(broken(brk));
    const far = await s.edit('[0] * 3', '[0] * 4');
    assert.ok(broken(far), 'still broken');
    // Repaired, but not as it was: the text between the clean run and this one spans both edits.
    assert.ok(!broken(await s.edit('x   def show', '    def  show')));
    assert.strictEqual((far.state as PythonParseState).repair?.edit, null, 'the clean run is too far');
    s.close();
  });

  it('equals a full lint through 40 break-and-repair edits of the Python corpus', async function () {
    this.timeout(120000);
    const dir = path.join(repoRoot, 'test', 'fixtures', 'python-corpus');
    const text = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const s = new Session(text);
    await s.open();
    await s.edit('import', 'import');
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const breakers = ['x ', '(', '"', ':', 'def ', ')'];
    let repairedWithReuse = 0;
    for (let i = 0; i < 20; i++) {
      // Break at the start of a random indented line, sometimes edit elsewhere while broken, then repair.
      const lines = s.text.split('\n');
      const row = rand(lines.length);
      const at = lines.slice(0, row).join('\n').length + (row ? 1 : 0);
      const indent = /^[ \t]*/.exec(lines[row])![0].length;
      const line = lines[row];
      const piece = breakers[rand(breakers.length)];
      const whole = line.slice(indent);
      if (!whole) continue;
      await s.edit(line, line.slice(0, indent) + piece + whole, at);
      if (rand(2)) {
        const other = rand(s.text.length - 10);
        const ws = s.text.indexOf(' ', other);
        if (ws > 0 && (ws < at || ws > at + line.length + piece.length)) await s.edit(' ', '  ', ws);
      }
      const fix = await s.edit(line.slice(0, indent) + piece + whole, line, Math.max(0, at - 2));
      if (reusedOf(fix) > 0) repairedWithReuse++;
    }
    s.close();
    assert.ok(repairedWithReuse >= 10, `only ${repairedWithReuse} repairs reused findings`);
  });
});
