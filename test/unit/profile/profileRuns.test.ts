// Real Python/Node processes under the real sampler: no mocks. Each test runs one short script.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import type { ProfileEvent } from '../../../extension/src/core/profile/runFileTypes';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'profile');
const MB = 1024 * 1024;

function alive(pid: number): boolean {
  // A zombie still has /proc/PID, but its State is Z; gone or zombie both mean "not running".
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

function lineOf(file: string, marker: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;
}

describe('profiler on real processes', function () {
  this.timeout(60000);

  it('attributes the request-log growth to the `row[1] * 1000` line', async () => {
    const script = path.join(fixtures, 'request_log.py');
    const events: ProfileEvent[] = [];
    const run = await profileScript({ script, args: ['100000'], cwd: fixtures, onEvent: (e) => events.push(e) });
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    const top = run.lines[0];
    assert.ok(top, 'no lines were attributed');
    assert.strictEqual(path.basename(top.file), 'request_log.py');
    assert.strictEqual(top.line, lineOf(script, 'MEMWISE-TOP-LINE'), `top lines: ${JSON.stringify(run.lines.slice(0, 3))}`);
    assert.ok(top.growthBytes > 100 * MB, `top growth ${top.growthBytes}`);
    // Lines are sorted by growth, descending.
    for (let i = 1; i < run.lines.length; i++) assert.ok(run.lines[i - 1].growthBytes >= run.lines[i].growthBytes);
    // Logs are timestamped and in order; events streamed the same lines.
    assert.deepStrictEqual(run.logs.map((l) => l.text), ['loaded 100000 rows', 'converted 100000 rows']);
    assert.ok(run.logs[0].t <= run.logs[1].t);
    assert.strictEqual(events.filter((e) => e.type === 'log').length, 2);
    assert.ok(events.some((e) => e.type === 'sample' && e.location), 'live samples carry the running line');
    assert.strictEqual(events.at(-1)?.type, 'end');
    // Metadata.
    assert.strictEqual(run.interpreter.kind, 'python');
    assert.match(run.interpreter.version, /^3\./);
    assert.ok(run.command.includes(script));
    assert.ok(run.peakBytes >= Math.max(...run.samples.rss));
    assert.ok(run.sampling && run.sampling.achievedHz > 50, `achieved ${run.sampling?.achievedHz} Hz`);
  });

  it('catches a 1 GiB allocation held for 30 ms in peakBytes', async () => {
    const run = await profileScript({ script: path.join(fixtures, 'spike_1g.py'), args: [], cwd: fixtures });
    assert.strictEqual(run.exitCode, 0);
    assert.ok(run.peakBytes >= 1024 * MB, `peak ${run.peakBytes / MB} MiB`);
    // The plain RSS series may miss it; the per-interval peak series must not.
    assert.ok(Math.max(...(run.samples.peak ?? [])) >= 1024 * MB);
  });

  it('counts pool workers: tree peak ≥ 600 MB with a series per process', async () => {
    const run = await profileScript({ script: path.join(fixtures, 'pool_children.py'), args: [], cwd: fixtures });
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    assert.ok(run.peakBytes >= 600 * MB, `tree peak ${(run.peakBytes / MB).toFixed(0)} MiB`);
    const workers = run.processes.filter((p) => p.peakBytes >= 300 * MB);
    assert.ok(workers.length >= 2, `processes: ${JSON.stringify(run.processes.map((p) => [p.pid, p.ppid, p.peakBytes]))}`);
    for (const w of workers) {
      assert.ok(w.series && w.series.t.length > 3 && w.series.t.length === w.series.rss.length);
      assert.ok(run.processes.some((p) => p.pid === w.ppid), 'workers hang off the tree');
    }
  });

  it('stops an unbounded script at the cap, keeps the results and leaves no process behind', async () => {
    const script = path.join(fixtures, 'grow_forever.py');
    const run = await profileScript({ script, args: [], cwd: fixtures, memoryCapBytes: 300 * MB });
    assert.ok(run.stoppedAtCap, 'stoppedAtCap');
    assert.ok(run.peakBytes >= 300 * MB && run.peakBytes < 1024 * MB, `peak ${run.peakBytes / MB} MiB`);
    assert.ok(run.samples.t.length > 5, 'the samples before the cap are kept');
    assert.match(run.capContext ?? '', /grow_forever\.py:\d+/);
    // The growing loop: the append line, or the call right after it — Python runs signal handlers only at
    // its next eval-breaker check, which for a specialised list.append is the following call (docs/run-file.md).
    const grows = lineOf(script, '# grows here');
    assert.match(run.capContext ?? '', new RegExp(`:(${grows}|${grows + 1})\\b`));
    const childLine = run.logs.find((l) => l.text.startsWith('child '));
    assert.ok(childLine, 'the script printed its child pid');
    const pids = [...run.processes.map((p) => p.pid), Number(childLine.text.split(' ')[1])];
    await new Promise((r) => setTimeout(r, 500));
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} is still running after the cap`);
  });

  it('does not hang on a script that waits for stdin, and says why it failed', async () => {
    const started = Date.now();
    const run = await profileScript({ script: path.join(fixtures, 'read_stdin.py'), args: [], cwd: fixtures });
    assert.ok(Date.now() - started < 15000);
    assert.strictEqual(run.exitCode, 1);
    assert.match(run.error?.message ?? '', /EOFError/);
    assert.match(run.error?.message ?? '', /stdin/);
  });

  it('captures a failing script’s traceback with frames in the user’s file', async () => {
    const script = path.join(fixtures, 'failing.py');
    const run = await profileScript({ script, args: [], cwd: fixtures });
    assert.strictEqual(run.exitCode, 1);
    assert.match(run.error?.message ?? '', /^ValueError: invalid literal/);
    const frames = run.error?.frames ?? [];
    assert.deepStrictEqual(frames.map((f) => [path.basename(f.file), f.line, f.function]), [
      ['failing.py', 13, '<module>'],
      ['failing.py', 10, 'main'],
      ['failing.py', 5, 'parse'],
    ]);
    // The printed traceback starts at the user's code, not in the helper or runpy.
    const stderr = run.logs.filter((l) => l.stream === 'stderr').map((l) => l.text).join('\n');
    assert.ok(!/memwise_helper|runpy/.test(stderr), stderr);
    assert.match(stderr, /failing\.py", line 5/);
  });

  it('profiles a Node script with the V8 sampling heap profiler', async () => {
    const script = path.join(fixtures, 'grow.js');
    const run = await profileScript({ script, args: ['200000'], cwd: fixtures });
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(run.interpreter.kind, 'node');
    assert.ok(run.peakBytes > 50 * MB);
    // RSS growth per statement line (the push inside makeRows), from the CPU profile's line samples.
    assert.strictEqual(run.lines[0]?.function, 'makeRows', JSON.stringify(run.lines.slice(0, 3)));
    assert.strictEqual(run.lines[0]?.line, 4);
    // V8's sampled allocation per function stays a separate figure.
    assert.strictEqual(run.sampledAllocations?.[0]?.function, 'makeRows', JSON.stringify(run.sampledAllocations));
  });

  it('--trace adds tracemalloc top sites with a stated overhead, without breaking attribution', async () => {
    const script = path.join(fixtures, 'request_log.py');
    const run = await profileScript({ script, args: ['30000'], cwd: fixtures, trace: true });
    assert.strictEqual(run.exitCode, 0, run.logs.map((l) => l.text).join('\n'));
    assert.ok(run.trace, 'trace section present');
    assert.match(run.trace.overheadNote, /tracemalloc .*snapshot/);
    assert.ok(run.trace.top.some((s) => s.file === script && s.sizeBytes > 0), JSON.stringify(run.trace.top.slice(0, 3)));
    assert.ok(!run.trace.top.some((s) => /memwise_helper|tracemalloc\.py/.test(s.file)), 'Memwise’s own allocations are left out');
  });

  it('kills the tree when aborted', async () => {
    const ac = new AbortController();
    const p = profileScript({ script: path.join(fixtures, 'grow_forever.py'), args: [], cwd: fixtures, signal: ac.signal, memoryCapBytes: 2048 * MB });
    setTimeout(() => ac.abort(), 400);
    const run = await p;
    assert.ok(run.cancelled);
    assert.ok(!run.stoppedAtCap);
    for (const pr of run.processes) assert.ok(!alive(pr.pid), `process ${pr.pid} survived the abort`);
  });
});
