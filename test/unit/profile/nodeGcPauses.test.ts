// Whose a GC pause is, for Node scripts (extension/node/memwise_gc_pauses.cjs), and the line of samples inside a
// library call (memwise_cpu_lines.cjs): real V8 CPU profiles of a real Node process through the preload's line
// sampler, and real profiles through Memwise's profiler for the RSS growth each line is charged.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { cpuProfiles, gcTimes, writtenSamples, type WrittenSample } from './nodeLineSamples';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'attribution');
const MiB = 1024 * 1024;

function lineOf(file: string, marker: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;
}

/** The line written for the last sample at or before time `t` (the line Memwise charges the time just before t to). */
function lineBefore(samples: WrittenSample[], t: number): number | undefined {
  let line: number | undefined;
  for (const s of samples) if (s.t <= t) line = s.line;
  return line;
}

describe('Node GC pauses and library calls: which line a sample is written with', function () {
  this.timeout(180000);
  const script = path.join(fixtures, 'gc_pause_end.js');
  const alloc = lineOf(script, 'MEMWISE-ALLOC');
  const cpu = lineOf(script, 'MEMWISE-CPU');
  const more = lineOf(script, 'MEMWISE-MORE');
  const log = lineOf(script, 'MEMWISE-LOG');
  let profiles: unknown[] = [];
  before(() => {
    profiles = cpuProfiles(script, [], ['--expose-gc'], 3);
  });

  it('gives the pause that ends an allocating phase to that phase, not to the CPU-only line sampled after it', () => {
    for (const profile of profiles) {
      const samples = writtenSamples(profile, script);
      const firstCpu = samples.find((s) => s.line === cpu);
      assert.ok(firstCpu, `no sample of the CPU-only loop: ${samples.map((s) => s.line).join(' ')}`);
      // The gc() pause: the GC samples after the allocating loop's last own sample and before the CPU loop's first
      // (own samples: those not written at a GC sample's time, as a pause's end is).
      const gc = gcTimes(profile);
      const own = samples.filter((s) => !gc.includes(s.t));
      const lastAlloc = Math.max(...own.filter((s) => s.line === alloc && s.t < firstCpu.t).map((s) => s.t));
      const pause = gc.filter((t) => t > lastAlloc && t < firstCpu.t);
      assert.ok(pause.length >= 5, `the gc() pause has ${pause.length} GC samples`);
      // Memwise charges each sample with the time since the one before: the pause must end under the allocating line.
      assert.strictEqual(lineBefore(samples, pause[pause.length - 1]), alloc, `the pause's last GC sample is not covered by line ${alloc}`);
    }
  });

  it('never lets the CPU-only line cover a pause, the one after it (more()) or the one before it (gc())', () => {
    // Giving each pause to the line sampled before it (a rule tried and taken back) handed the CPU-only line the
    // pauses more()'s first allocations start; the old rule (the line sampled after it) handed it the gc() pause.
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
