// The Node preload's line sampler (extension/node/memwise_cpu_lines.cjs) over real V8 CPU profiles recorded by a
// real Node process (`--cpu-prof`), for tests that check which line each sample was written with.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCpuLines } = require(path.join(repo, 'extension', 'node', 'memwise_cpu_lines.cjs'));

/** One written S record: seconds on V8's clock, the function's name as written (`(top level)`), the line. */
export interface WrittenSample {
  t: number;
  fn: string;
  line: number;
}

/** The S records the line sampler writes for one recorded profile of `script` (its only user file). */
export function writtenSamples(profile: unknown, script: string): WrittenSample[] {
  const written: string[] = [];
  // The inspector session is the one stand-in: it hands over the recorded profile when the sampler stops.
  const session = {
    post(method: string, ...rest: unknown[]) {
      const cb = rest.find((x) => typeof x === 'function') as ((e: null, r?: unknown) => void) | undefined;
      if (method === 'Profiler.stop') cb?.(null, { profile });
      else cb?.(null);
    },
  };
  const cpu = startCpuLines(session, {
    write: (t: string) => written.push(t),
    toFile: (url: string) => (url.startsWith('file://') ? new URL(url).pathname : url),
    isUser: (f: string) => f === script,
    sourceLine: (f: string, n: number) => fs.readFileSync(f, 'utf8').split('\n')[n - 1] ?? '',
    intervalMs: 1,
  });
  cpu.chunk(false);
  const names = new Map<string, string>();
  const out: WrittenSample[] = [];
  for (const rec of written.join('').split('\n')) {
    const f = rec.split('\t');
    if (f[0] === 'F') names.set(f[1], f[3]);
    if (f[0] === 'S') out.push({ t: Number(f[1]), fn: names.get(f[2]) ?? '?', line: Number(f[3]) });
  }
  return out;
}

/** `runs` CPU profiles (1 ms samples) of `node ...flags script ...args`, read back from their files. */
export function cpuProfiles(script: string, args: string[], flags: string[], runs: number): unknown[] {
  const dir = tempDir('cpuprof');
  for (let run = 0; run < runs; run++) {
    const r = spawnSync(process.execPath, [...flags, '--cpu-prof', '--cpu-prof-interval', '1000', '--cpu-prof-dir', dir, script, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    assert.strictEqual(r.status, 0, r.stderr);
  }
  const profiles = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  fs.rmSync(dir, { recursive: true, force: true });
  return profiles;
}

/** The times (s) of a recorded profile's "(garbage collector)" samples. */
export function gcTimes(profile: unknown): number[] {
  const p = profile as { nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const gc = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id));
  const out: number[] = [];
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] || 0;
    if (gc.has(id)) out.push(Number((t / 1e6).toFixed(6))); // as the S records write it
  });
  return out;
}
