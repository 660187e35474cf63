// Which line a V8 GC pause is charged to in a Node run (extension/node/memwise_gc_pauses.cjs): real CPU profiles of a
// real Node process through the preload's line sampler, and real profiled runs of the same script.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { cpuLinesOf, tempDir } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const script = path.join(repo, 'test', 'fixtures', 'attribution', 'gc_phases.js');
const MiB = 1024 * 1024;

const source = fs.readFileSync(script, 'utf8').split('\n');
const lineOf = (marker: string) => source.findIndex((l) => l.includes(marker)) + 1;
const ROWS = `makeRows:${lineOf('MEMWISE-ROWS')}`;
const SPIN = `spin:${lineOf('MEMWISE-SPIN')}`;
const PAIRS = `makePairs:${lineOf('MEMWISE-PAIRS')}`;

interface Profile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** The samples (µs, "function:line") the preload's line sampler writes for one real run's V8 CPU and heap profiles. */
function written(profile: Profile): { t: number; at: string }[] {
  return cpuLinesOf(profile, script, heaps.get(profile));
}

/** Each CPU profile's sampling heap profile, from the same run. */
const heaps = new Map<Profile, unknown>();

/** Each sample's function (or "GC") and time (µs), as V8 recorded them. */
function raw(profile: Profile): { t: number; fn: string }[] {
  const fn = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let t = profile.startTime;
  return profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const name = fn.get(id) ?? '';
    return { t, fn: name === '(garbage collector)' ? 'GC' : name };
  });
}

/** For each pair of consecutive written samples, the GC samples between them. */
function pausesBetween(profile: Profile): { from: string; to: string; gc: number }[] {
  const gcs = raw(profile).filter((s) => s.fn === 'GC').map((s) => s.t);
  const recs = written(profile);
  return recs.slice(1).map((rec, k) => ({ from: recs[k].at, to: rec.at, gc: gcs.filter((t) => t > recs[k].t && t <= rec.t).length }));
}

/** How often V8 recorded a GC pause between a sample of `before` and the next user sample, in `after`. */
function pausedTransitions(profile: Profile, before: string, after: string): number {
  let n = 0;
  let last = '';
  let paused = false;
  for (const s of raw(profile)) {
    if (s.fn === 'GC') paused = true;
    else if (s.fn === before || s.fn === after) {
      if (paused && last === before && s.fn === after) n++;
      last = s.fn;
      paused = false;
    }
  }
  return n;
}

describe('Node GC pauses: charged to the line that allocated', function () {
  this.timeout(180000);
  const profiles: Profile[] = [];

  before(() => {
    // Four real runs, each with six allocating phases ending, recorded as the preload records them: CPU profiles at
    // 1 ms and sampling heap profiles (which functions allocated at all).
    const recorder = path.join(path.dirname(script), 'record_profiles.cjs');
    for (let run = 0; run < 4; run++) {
      const dir = tempDir('gcpauses');
      const r = spawnSync(process.execPath, ['--require', recorder, script], { encoding: 'utf8', env: { ...process.env, MEMWISE_PROFILE_DIR: dir } });
      assert.strictEqual(r.status, 0, r.stderr);
      const profile = JSON.parse(fs.readFileSync(path.join(dir, 'cpu.json'), 'utf8')) as Profile;
      profiles.push(profile);
      heaps.set(profile, JSON.parse(fs.readFileSync(path.join(dir, 'heap.json'), 'utf8')));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the pause that ends an allocating phase to that phase, not to the CPU-only function sampled next', () => {
    let seen = 0;
    const wrong: string[] = [];
    for (const p of profiles) {
      seen += pausedTransitions(p, 'makeRows', 'spin');
      for (const x of pausesBetween(p)) if (x.from === ROWS && x.to === SPIN && x.gc > 0) wrong.push(`${x.gc} GC samples`);
    }
    // V8 ends one of makeRows' phases in a pause in most profiles; 24 phase ends make a run without any unlikely.
    assert.ok(seen > 0, 'no makeRows phase ended in a GC pause in four profiles: nothing was tested');
    assert.deepStrictEqual(wrong, [], `${seen} phase-ending pauses; spin's samples covered ${wrong.length}`);
  });

  it('leaves a genuinely allocating function after another the pause between them', () => {
    // makeRows then makePairs, both allocating: the function sampled after a pause keeps it, as it keeps the pauses
    // its first allocations start. No copy of makeRows' sample is put over a pause after makeRows' last real sample.
    let seen = 0;
    const copies: number[] = [];
    for (const p of profiles) {
      seen += pausedTransitions(p, 'makeRows', 'makePairs');
      const lastRows = Math.max(...raw(p).filter((s) => s.fn === 'makeRows').map((s) => s.t));
      const recs = written(p);
      assert.ok(recs.some((r) => r.at === PAIRS), `no ${PAIRS} sample`);
      for (const rec of recs) if (rec.at === ROWS && rec.t > lastRows) copies.push(rec.t - lastRows);
    }
    assert.deepStrictEqual(copies, [], `${seen} pauses between makeRows and makePairs; makeRows was given ${copies.length}`);
  });

  describe('in a profiled run', () => {
    let run: RunFile;
    before(async () => {
      run = await profileScript({ script, args: [], cwd: path.dirname(script) });
      assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    });
    const growth = (marker: string) => run.lines.filter((l) => l.file === script && l.line === lineOf(marker)).reduce((s, l) => s + l.growthBytes, 0);
    const table = () => JSON.stringify(run.lines.slice(0, 8).map((l) => [l.function, l.line, Math.round(l.growthBytes / MiB)]));

    it('charges a CPU-only function after an allocating one a small share at most', () => {
      // RSS can still arrive a few ms after an allocating phase ends with no GC pause in sight (2-9 MiB a phase under
      // load), so not nothing; before the pause rule, spin got 30-41 MiB of makeRows' ~130.
      assert.ok(growth('MEMWISE-SPIN') < 0.15 * growth('MEMWISE-ROWS'), table());
    });

    it('keeps a genuinely allocating function after another its own growth', () => {
      assert.ok(growth('MEMWISE-ROWS') >= 100 * MiB, table());
      assert.ok(growth('MEMWISE-PAIRS') >= 40 * MiB, table());
    });
  });
});
