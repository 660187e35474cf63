// A notebook's suppression comments read per cell (programSuppressions) must be exactly what the lint engine
// reads from the whole program text, after a fresh build and after edits that reuse unchanged cells, and the
// editor's incremental re-lint must give the same findings, suppressed counts and unused-noqa fixes as a
// fresh lint of the notebook.
import * as assert from 'assert';
import { defaultConfig } from '../../../extension/src/core/lint/config';
import { lintText } from '../../../extension/src/core/lint/engine';
import { parseSuppressions } from '../../../extension/src/core/lint/suppressions';
import { lintNotebookCells } from '../../../extension/src/core/notebook/notebookLint';
import { NotebookProgram, type CellInput } from '../../../extension/src/core/notebook/notebookProgram';
import { programSuppressions } from '../../../extension/src/core/notebook/programSuppressions';
import { rng } from '../seededRandom';

/** Cells with every kind of directive, including own-line ones on the last line of a middle and of the last cell. */
const SOURCES = [
  '%matplotlib inline\nimport numpy as np\nx = np.load("a.npy")  # noqa: MW407',
  '# memwise: noqa: MW301\ns = ""',
  'with open("f") as f:\n    rows = f.readlines()  # noqa\n# noqa: MW101, E501',
  'text = "# noqa: MW101 inside a string"\n"""\n# noqa in a docstring\n"""',
  'y = (1,\n',
  '!ls  # noqa: MW101\nz = 1 # NOQA:MW102 MW103\n    # noqa: MW104',
  'for line in open("big.txt").readlines():  # noqa:MW101\n    pass\n# noqa: MW999',
];

const cellsOf = (sources: readonly string[]): CellInput[] =>
  sources.flatMap((source, i) => [
    { index: 2 * i, kind: 'markdown' as const, source: '# noqa in markdown' },
    { index: 2 * i + 1, kind: 'code' as const, source },
  ]);

/** Read per cell, or undefined (the engine reads the whole text) only where a string runs on past a cell. */
function sameAsWholeText(program: NotebookProgram, why: string): 'per cell' | 'whole text' {
  const got = programSuppressions(program);
  if (!got) {
    const leaks = program.cells.slice(0, -1).some((c) => /\\$|\\['"]|'''|"""/.test(c.masked));
    assert.ok(leaks, `${why}: read as a whole only when a cell ends in a backslash or holds an escaped or triple quote`);
    return 'whole text';
  }
  assert.deepStrictEqual(got, parseSuppressions(program.text, 'python'), why);
  return 'per cell';
}

describe('notebook suppressions read per cell', () => {
  it('equal the whole program text read at once, fresh and after edits', () => {
    const first = new NotebookProgram(cellsOf(SOURCES));
    assert.ok(parseSuppressions(first.text, 'python').length >= 8, 'the fixture has directives to compare');
    assert.strictEqual(sameAsWholeText(first, 'fresh'), 'per cell');
    const seen = new Set<string>();
    const random = rng(18);
    let sources = [...SOURCES];
    let prev = first;
    for (let step = 0; step < 300; step++) {
      const next = [...sources];
      const at = Math.floor(random() * next.length);
      const roll = random();
      if (roll < 0.1 && next.length > 1) next.splice(at, 1);
      else if (roll < 0.2) next.splice(at, 0, SOURCES[Math.floor(random() * SOURCES.length)]);
      else {
        const src = next[at];
        const pos = Math.floor(random() * (src.length + 1));
        const pieces = ['x', ' ', '\n', '#', '# noqa', '"', "'", '\\', '"""', '(', ')', ': MW101'];
        const piece = pieces[Math.floor(random() * pieces.length)];
        next[at] = random() < 0.3 && pos < src.length ? src.slice(0, pos) + src.slice(pos + 1) : src.slice(0, pos) + piece + src.slice(pos);
      }
      const program = new NotebookProgram(cellsOf(next), prev);
      seen.add(sameAsWholeText(program, `step ${step}: ${JSON.stringify(next)}`));
      prev = program;
      sources = next;
    }
    assert.ok(seen.has('per cell'));
  });

  it('leave a string that a backslash carries into the next cell to the engine (the scanners disagree there)', async () => {
    // The masking ends `"C:\` at its line; the comment scanner (like Python) reads on into the next cell.
    const cells = cellsOf(['path = "C:\\', 'x = open("f").readlines()  # noqa: MW101']);
    assert.strictEqual(programSuppressions(new NotebookProgram(cells)), undefined);
    const r = await lintNotebookCells({ path: 'b.ipynb', cells, config: defaultConfig() });
    const program = new NotebookProgram(cells);
    const whole = await lintText({ path: 'b.ipynb', text: program.text, config: defaultConfig(), language: 'python' });
    assert.deepStrictEqual(r.findings, whole.findings.map((f) => program.toCellFinding(f)).filter((f) => !!f));
    assert.strictEqual(r.suppressed, whole.suppressed);
    for (const x of [r, whole]) x.state?.dispose?.();
  });

  it('hands out fresh objects each time (applying suppressions marks them used)', () => {
    const p = new NotebookProgram(cellsOf(SOURCES));
    const a = programSuppressions(p)!;
    const b = programSuppressions(new NotebookProgram(cellsOf(SOURCES), p));
    a[0].usedAll = true;
    a.find((s) => s.codes)!.codes![0].used = true;
    assert.deepStrictEqual(b, parseSuppressions(p.text, 'python'));
  });

  it('give the same lint result, incremental or fresh, with directives in the edited and other cells', async () => {
    const config = defaultConfig();
    let cells = cellsOf(SOURCES);
    let prev = await lintNotebookCells({ path: 's.ipynb', cells, config });
    const random = rng(7);
    for (let step = 0; step < 40; step++) {
      const code = cells.filter((c) => c.kind === 'code');
      const target = code[Math.floor(random() * code.length)];
      const pos = Math.floor(random() * (target.source.length + 1));
      const piece = ['x', '  # noqa', '\n', ': MW407'][Math.floor(random() * 4)];
      cells = cells.map((c) => (c === target ? { ...c, source: c.source.slice(0, pos) + piece + c.source.slice(pos) } : c));
      const again = await lintNotebookCells({ path: 's.ipynb', cells, config, previous: prev });
      const fresh = await lintNotebookCells({ path: 's.ipynb', cells, config });
      // The engine reading the directives from the whole program text itself, as before they were kept per cell.
      const program = new NotebookProgram(cells);
      const whole = await lintText({ path: 's.ipynb', text: program.text, config, language: 'python' });
      whole.state?.dispose?.();
      assert.deepStrictEqual(again.findings, fresh.findings, `step ${step}`);
      assert.deepStrictEqual(fresh.findings, whole.findings.map((f) => program.toCellFinding(f)).filter((f) => !!f), `step ${step}`);
      assert.strictEqual(fresh.suppressed, whole.suppressed, `step ${step}`);
      assert.strictEqual(again.suppressed, fresh.suppressed, `step ${step}`);
      assert.deepStrictEqual(again.notices, fresh.notices, `step ${step}`);
      fresh.state?.dispose?.();
      prev = again;
    }
    prev.state?.dispose?.();
  });
});
