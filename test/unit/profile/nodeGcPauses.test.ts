// Whose a GC pause is, for Node scripts (extension/node/memwise_gc_pauses.cjs), and the line of samples inside a
// library call (memwise_cpu_lines.cjs): real V8 CPU profiles of a real Node process through the preload's line
// sampler, and real profiles through Memwise's profiler for the RSS growth each line is charged.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { cpuProfiles, gcTimes, writtenSamples } from './nodeLineSamples';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'attribution');
const MiB = 1024 * 1024;

function lineOf(file: string, marker: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;
}

describe('Node GC pauses and library calls: which line a sample is written with', function () {
  this.timeout(180000);
  const script = path.join(fixtures, 'gc_pause_end.js');
  const cpu = lineOf(script, 'MEMWISE-CPU');
  const more = lineOf(script, 'MEMWISE-MORE');
  const log = lineOf(script, 'MEMWISE-LOG');
  let profiles: unknown[] = [];
  before(() => {
    profiles = cpuProfiles(script, [], [], 3);
  });

  it('never lets a sample at the CPU-only line cover a GC pause (it allocates nothing)', () => {
    // Before, console.log's samples after more() took its line (the top level's last own line) and could cover
    // more()'s last pauses, and so could a stray top-level sample inside more(), put at its line by the tick-share
    // split; and the allocating loop's last pause, when the CPU-only loop was sampled first after it. Giving each pause to the line sampled before it (a rule
    // tried and taken back) would hand it the pauses more()'s first allocations start.
    for (const profile of profiles) {
      const samples = writtenSamples(profile, script);
      const gc = gcTimes(profile);
      samples.forEach((s, k) => {
        if (s.line !== cpu) return;
        const from = k > 0 ? samples[k - 1].t : -Infinity;
        const covered = gc.filter((t) => t > from && t <= s.t);
        assert.deepStrictEqual(covered, [], `the CPU-only line's sample at ${s.t} covers ${covered.length} GC samples`);
      });
    }
  });

  it("gives samples inside console.log the console.log line, not the top level's last own line", () => {
    for (const profile of profiles) {
      const samples = writtenSamples(profile, script);
      const lastMore = Math.max(...samples.filter((s) => s.line === more).map((s) => s.t));
      const after = samples.filter((s) => s.t > lastMore);
      // Writing 4 MB runs in Node's console and stream code for some milliseconds: those samples are the log line's.
      assert.ok(after.some((s) => s.line === log), `no sample at console.log's line ${log}: ${after.map((s) => s.line).join(' ')}`);
      assert.ok(!after.some((s) => s.line === cpu), `the CPU-only line ${cpu} was written after more(): ${after.map((s) => s.line).join(' ')}`);
    }
  });

  it('charges RSS growth to the allocating lines, none to a CPU-only loop between them (3 runs)', async () => {
    const grow = path.join(fixtures, 'gc_pauses.js');
    const at = (run: RunFile, marker: string) => run.lines.filter((l) => l.line === lineOf(grow, marker)).reduce((s, l) => s + l.growthBytes, 0);
    for (let i = 0; i < 3; i++) {
      const run = await profileScript({ script: grow, args: [], cwd: fixtures });
      assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
      const table = JSON.stringify(run.lines.map((l) => [l.line, Math.round(l.growthBytes / MiB)]));
      // The CPU-only loop after the allocating loop keeps nothing (RSS was flat while it ran), ...
      assert.ok(at(run, 'MEMWISE-CPU') < 1 * MiB, `run ${i + 1}: the CPU-only loop was charged: ${table}`);
      // ... and the single big allocation after it keeps its own 152.6 MiB (160 MB of doubles), as the loop keeps its rows.
      assert.ok(at(run, 'MEMWISE-BIG') >= 0.95 * 152.6 * MiB, `run ${i + 1}: the big allocation's line: ${table}`);
      assert.ok(at(run, 'MEMWISE-ALLOC') >= 100 * MiB, `run ${i + 1}: the allocating loop's line: ${table}`);
    }
  });
});
