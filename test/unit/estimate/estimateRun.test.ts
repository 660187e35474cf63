// Orchestration with the real profiler and real Python: cancel and stop-early.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runEstimate, type EstimateProgress } from '../../../extension/src/core/estimate/estimate';

describe('estimate orchestration (real profiler)', function () {
  // Above the default 60 s time budget (larger samples are added until it runs out), with room for a loaded machine.
  this.timeout(180000);
  let dir: string;
  let tmp: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-estimate-run-'));
    tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(dir, 'alloc.py'), 'import sys\nblob = bytearray(int(sys.argv[1]) * 1024)\nprint(len(blob))\n');
    fs.writeFileSync(path.join(dir, 'slow.py'), 'import sys, time\ndata = open(sys.argv[1]).read()\ntime.sleep(30)\n');
    fs.writeFileSync(path.join(dir, 'in.txt'), Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n') + '\n');
    // Keeps ~250 B per line: at 1–10% of 20000 lines the growth is well under the interpreter's baseline.
    fs.writeFileSync(path.join(dir, 'keep.py'), 'import sys\nrows = [line * 20 for line in open(sys.argv[1])]\nprint(len(rows))\n');
    fs.writeFileSync(path.join(dir, 'big.txt'), Array.from({ length: 20000 }, (_, i) => `row ${String(i).padStart(6, '0')}`).join('\n') + '\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops before a run the fit predicts would cross the memory cap, and says so', async () => {
    const events: EstimateProgress[] = [];
    const est = await runEstimate({
      script: path.join(dir, 'alloc.py'),
      cwd: dir,
      args: ['{size}'],
      sizes: [4000, 8000, 16000, 200000],
      fullSize: 400000,
      memoryCapBytes: 100 * 1024 * 1024,
      onProgress: (e) => events.push(e),
    });
    assert.strictEqual(est.points.length, 3, 'the 200000 KiB run (≈ 200 MB) was not started');
    assert.match(est.stoppedEarly ?? '', /Stopped before size 200000: the fit of the 3 runs so far predicts about .* above the memory cap of 100 MiB/);
    assert.ok(events.some((e) => e.type === 'stopped-early'));
    assert.ok(est.warnings.includes(est.stoppedEarly!));
    // 400000 KiB of bytearray on the measured baseline.
    const want = 400000 * 1024 + est.points[0].peakBytes - 4000 * 1024;
    assert.ok(Math.abs(est.prediction.peakBytes - want) / want < 0.1, `${est.prediction.peakBytes} vs ${want}`);
  });

  it('cancel stops the running sample and removes the samples', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const run = runEstimate({
      script: path.join(dir, 'slow.py'),
      cwd: dir,
      args: ['{input}'],
      input: path.join(dir, 'in.txt'),
      fractions: [0.1, 0.2, 0.5],
      tmpDir: tmp,
      signal: ac.signal,
      onProgress: (e) => {
        if (e.type === 'sample-start') setTimeout(() => ac.abort(), 300);
      },
    });
    await assert.rejects(run, (e: Error) => e.name === 'AbortError');
    assert.ok(Date.now() - started < 15000, 'the 30 s sample run was stopped, not waited for');
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'no sample folder left behind');
  });

  it('repeats short runs, and adds larger samples until growth clears the baseline, within the time budget', async () => {
    const events: EstimateProgress[] = [];
    const est = await runEstimate({ script: path.join(dir, 'keep.py'), cwd: dir, args: ['{input}'], input: path.join(dir, 'big.txt'), tmpDir: tmp, onProgress: (e) => events.push(e) });
    assert.ok(est.points.every((p) => p.runPeaks?.length === 3), `short runs are run 3 times: ${JSON.stringify(est.points.map((p) => p.runPeaks))}`);
    assert.ok(typeof est.noiseBytes === 'number', 'the noise between repeats is recorded');
    assert.deepStrictEqual(est.points.slice(0, 4).map((p) => p.fraction), [0.01, 0.02, 0.05, 0.1]);
    assert.ok(est.points.length > 4, 'larger samples were added');
    assert.deepStrictEqual(est.points.slice(4).map((p) => p.fraction), [0.2, 0.4, 0.8, 1].slice(0, est.points.length - 4), 'doubling the largest');
    const first = events.find((e) => e.type === 'extending');
    assert.match(first && 'reason' in first ? first.reason : '', /memory grew by only \d+% over the smallest sample's peak/);
    const peaks = est.points.map((p) => p.peakBytes);
    assert.ok(peaks[peaks.length - 1] - peaks[0] >= 0.25 * peaks[0] || est.warnings.some((w) => /has not settled/.test(w)), `${peaks}`);
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'every sample folder is removed');

    const fixed = await runEstimate({ script: path.join(dir, 'keep.py'), cwd: dir, args: ['{input}'], input: path.join(dir, 'big.txt'), tmpDir: tmp, timeBudgetS: 0, repeat: 1 });
    assert.strictEqual(fixed.points.length, 4, 'a zero time budget runs only the listed fractions');
    assert.ok(fixed.points.every((p) => p.runPeaks === undefined), '--repeat 1 runs once');
  });
});
