// Profiling a notebook end to end with a real Python: the code cells run as one program, the run file
// names cells (spans on the timeline, line costs, traceback frames), and magics are skipped with a note.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { profileNotebook, prepareNotebook } from '../../../extension/src/core/notebook/notebookRun';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import type { ProfileEvent, RunFile, SourceLocation } from '../../../extension/src/core/profile/runFileTypes';
import { repoRoot, runCli } from '../runCli';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'notebook');

describe('profile a notebook', function () {
  this.timeout(60000);

  it('marks each cell on the timeline and attributes growth to the cell line that allocated', async () => {
    const events: ProfileEvent[] = [];
    const run = await profileNotebook({ script: path.join(FIXTURES, 'grow.ipynb'), args: [], cwd: repoRoot, intervalMs: 5, onEvent: (e) => events.push(e) });
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.error));
    // Live: the chart gets the spans as cells start, marker lines never show as output, locations name cells.
    const live = events.filter((e) => e.type === 'cells');
    assert.deepStrictEqual(
      live.map((e) => e.cells.map((c) => `${c.index}${c.end === undefined ? '…' : ''}`).join(' ')),
      ['1…', '1 2…', '1 2 3…', '1 2 3 4…', '1 2 3 4'],
    );
    assert.ok(!events.some((e) => e.type === 'log' && e.line.text.includes('memwise-cell')));
    const located = events.filter((e) => e.type === 'sample' && e.location).map((e) => (e as { location: SourceLocation }).location);
    assert.ok(located.length && located.every((l) => !l.file.includes('#cell')), JSON.stringify(located.slice(0, 3)));
    assert.ok(located.some((l) => l.cell === 3), 'some samples ran in cell 4');
    assert.strictEqual(run.script, path.join(FIXTURES, 'grow.ipynb'));
    assert.deepStrictEqual(
      run.cells!.map((c) => [c.index, c.label]),
      [
        [1, 'cell 2: %matplotlib inline'],
        [2, 'cell 3: small = [0] * 1000'],
        [3, 'cell 4: big = [str(i) * 3 for i in range(N)]'],
        [4, 'cell 5: !echo done'],
      ],
    );
    for (const [i, c] of run.cells!.entries()) {
      assert.ok(c.end !== undefined && c.end >= c.start, `cell ${c.index} ends after it starts`);
      if (i) assert.ok(Math.abs(c.start - run.cells![i - 1].end!) < 1e-9, 'a cell starts when the previous one ends');
    }
    // cell 3 sleeps 0.2 s, cell 4 allocates then sleeps 0.3 s: the spans are at least that long.
    assert.ok(run.cells![1].end! - run.cells![1].start >= 0.19);
    assert.ok(run.cells![2].end! - run.cells![2].start >= 0.29);
    const top = run.lines[0];
    assert.strictEqual(top.file, path.join(FIXTURES, 'grow.ipynb'));
    assert.deepStrictEqual([top.cell, top.line], [3, 1]);
    assert.ok(top.growthBytes > 10 * 1024 * 1024, `growth ${top.growthBytes}`);
    // The peak falls inside cell 4's span.
    const big = run.cells![2];
    assert.ok(run.peakT! >= big.start && run.peakT! <= big.end! + 0.05, `peak at ${run.peakT}, cell 4 ${big.start}–${big.end}`);
    assert.ok(!run.logs.some((l) => l.text.includes('memwise-cell')), 'markers are not log lines');
    assert.match(run.warnings!.join('\n'), /cell 2, line 1: `%matplotlib inline` skipped \(IPython magic/);
    assert.match(run.warnings!.join('\n'), /cell 5, line 1: `!echo done` skipped \(shell escape/);
  });

  it('stops at a cell that raises and maps the traceback to cells and lines', async () => {
    const run = await profileNotebook({ script: path.join(FIXTURES, 'raises.ipynb'), args: [], cwd: repoRoot });
    assert.strictEqual(run.exitCode, 1);
    assert.deepStrictEqual(
      run.error!.frames.map((f) => [f.cell, f.line, f.function]),
      [
        [2, 2, '<module>'],
        [1, 2, 'lookup'],
      ],
    );
    assert.match(run.error!.message, /^KeyError: 'missing' \(cell 2, line 2\)$/);
    assert.deepStrictEqual(
      run.cells!.map((c) => c.index),
      [0, 1, 2],
    );
    const stderr = run.logs.filter((l) => l.stream === 'stderr').map((l) => l.text).join('\n');
    assert.match(stderr, /File ".*raises\.ipynb", cell 3, line 2, in <module>/);
    assert.ok(!stderr.includes('memwise-notebook-') && !stderr.includes('_memwise_cell'), stderr);
    assert.ok(!run.logs.some((l) => l.text === 'not reached'));
  });

  it('runs in the notebook folder with its imports, runs %time statements, and stops at a syntax error', async () => {
    const run = await profileNotebook({ script: path.join(FIXTURES, 'imports_sibling.ipynb'), args: [], cwd: os.tmpdir() });
    const out = run.logs.filter((l) => l.stream === 'stdout').map((l) => l.text);
    assert.deepStrictEqual(out, ['hello from nb_helpers', 'cwd notebook', 'y 2']);
    assert.strictEqual(run.exitCode, 1);
    assert.match(run.error!.message, /^SyntaxError: .*imports_sibling\.ipynb, cell 4, line 1\)/);
    assert.match(run.warnings!.join('\n'), /cell 2, line 1: `%%bash` skipped/);
  });

  it('gives a clear message for a file that is not a notebook, and leaves no temporary folder', () => {
    const bad = path.join(os.tmpdir(), `memwise-bad-${process.pid}.ipynb`);
    fs.writeFileSync(bad, '{"cells": [');
    try {
      assert.throws(() => prepareNotebook(bad), /is not valid notebook JSON/);
    } finally {
      fs.rmSync(bad);
    }
    const prepared = prepareNotebook(path.join(FIXTURES, 'grow.ipynb'));
    const dir = path.dirname(prepared.script);
    assert.ok(fs.existsSync(prepared.script));
    prepared.dispose();
    assert.ok(!fs.existsSync(dir));
  });

  it('memwise profile NOTEBOOK prints cells and cell lines', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-nbcli-'));
    try {
      const json = path.join(tmp, 'run.json');
      const r = await runCli(['profile', path.join(FIXTURES, 'grow.ipynb'), '--no-save', '--quiet', '--json', json], repoRoot);
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.out, /grow\.ipynb:cell 4:1 +<listcomp>|grow\.ipynb:cell 4:1 /);
      assert.match(r.out, /cells:\n +[\d.]+–[\d.]+ s {2}cell 2: %matplotlib inline/);
      const run = JSON.parse(fs.readFileSync(json, 'utf8')) as RunFile;
      assert.strictEqual(run.cells!.length, 4);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('estimate a notebook', function () {
  this.timeout(120000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-nbest-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('feeds each sample to the variable marked # memwise: input and fits the peaks', async () => {
    const input = path.join(dir, 'requests.csv');
    const made = spawnSync('python3', [path.join(repoRoot, 'examples', 'estimate', 'make_input.py'), '200000', input]);
    assert.strictEqual(made.status, 0, String(made.stderr));
    const json = path.join(dir, 'est.json');
    const r = await runCli(['estimate', 'examples/notebook/request_log.ipynb', '--input', input, '--json', json], repoRoot);
    assert.strictEqual(r.code, 0, r.err + r.out);
    const est = JSON.parse(fs.readFileSync(json, 'utf8')) as EstimateFile;
    assert.strictEqual(est.points.length, 4);
    // The notebook keeps every row: the peak grows with the sample, so the samples really reached it.
    const peaks = est.points.map((p) => p.peakBytes);
    assert.ok(peaks[3] > peaks[0] * 2, `peaks ${peaks.join(', ')}`);
  });

  it('says how to mark the input when nothing is marked', async () => {
    const r = await runCli(['estimate', 'test/fixtures/notebook/raises.ipynb', '--input', 'test/fixtures/notebook/flows.ipynb'], repoRoot);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /no input variable is marked\. Add "# memwise: input" to the assignment/);
  });
});
