import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runToCsv } from '../../../extension/src/core/profile/runCsv';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';

const fixture = (name: string): RunFile => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/runs', name), 'utf8'));

describe('runCsv: samples as CSV', () => {
  it('writes time_s,rss_bytes for a single-process run, one row per sample', () => {
    const run = fixture('request_log.json');
    const lines = runToCsv(run).trimEnd().split('\n');
    assert.strictEqual(lines[0], 'time_s,rss_bytes');
    assert.strictEqual(lines.length, run.samples.t.length + 1);
    const [t, rss] = lines[1].split(',');
    assert.strictEqual(Number(t), run.samples.t[0]);
    assert.strictEqual(Number(rss), run.samples.rss[0]);
    const peakRow = lines.slice(1).map((l) => Number(l.split(',')[1])).reduce((a, b) => Math.max(a, b));
    assert.strictEqual(peakRow, Math.max(...run.samples.rss));
  });

  it('adds one column per process when there were children, empty while a child was not alive', () => {
    const run = fixture('workers.json');
    const lines = runToCsv(run).trimEnd().split('\n');
    assert.strictEqual(lines[0], 'time_s,rss_bytes,pid_5100_rss_bytes,pid_5101_rss_bytes,pid_5102_rss_bytes');
    const row0 = lines[1].split(',');
    assert.strictEqual(row0.length, 5);
    assert.strictEqual(row0[3], '', 'worker 5101 had not started at t=0');
    const mid = lines[1 + 200].split(','); // t = 2.0 s: all alive
    assert.ok(mid.slice(2).every((c) => c !== '' && Number(c) > 0), mid.join(','));
    // Per-process values add up to the total.
    assert.ok(Math.abs(Number(mid[2]) + Number(mid[3]) + Number(mid[4]) - Number(mid[1])) <= 3, mid.join(','));
  });

  it('adds the per-interval peak column when the run has it', () => {
    const base = fixture('request_log.json');
    const run = { ...base, samples: { t: [0, 0.01], rss: [100, 200], peak: [150, 900] } } as RunFile;
    assert.strictEqual(runToCsv(run), 'time_s,rss_bytes,interval_peak_bytes\n0,100,150\n0.01,200,900\n');
  });

  it('has no float noise in times', () => {
    const run = { ...fixture('request_log.json'), samples: { t: [0.1 + 0.2], rss: [1] } } as RunFile;
    assert.strictEqual(runToCsv(run), 'time_s,rss_bytes\n0.3,1\n');
  });
});
