// Growth per process, charged to that process's own lines. Re-armed children (Pool workers, spawned
// processes) send their own location samples, so a worker's memory goes to the worker function's line
// instead of the parent's `with Pool(...)` line, which only waited. A child that sends no samples (a shell
// command, a non-Python program) is charged to its nearest ancestor that does: the line that started it.
// Also names each process by its role for the legend: main, worker N, or the command it ran.
import { attributeGrowth, intervalRises, type CodeRef, type LocationSample } from './attribution';
import type { FunctionCost, LineCost, ProcessRecord } from './runFileTypes';

export interface ProcessSeriesInput {
  pid: number;
  ppid: number;
  /** Poll times (a subset of the run's `t`, same rounded values), RSS and interval peak at each. */
  t: readonly number[];
  rss: readonly number[];
  peak: readonly number[];
}

export function attributeByProcess(
  t: readonly number[],
  procs: readonly ProcessSeriesInput[],
  rootPid: number,
  samples: readonly LocationSample[],
  codes: ReadonlyMap<number, CodeRef>,
): { lines: LineCost[]; functions: FunctionCost[] } {
  const samplesOf = new Map<number, LocationSample[]>();
  for (const s of samples) {
    const pid = s.pid ?? rootPid;
    let list = samplesOf.get(pid);
    if (!list) samplesOf.set(pid, (list = []));
    list.push(s);
  }
  const parent = new Map(procs.map((p) => [p.pid, p.ppid]));
  const ownerOf = (pid: number): number => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && hops < 64; p = parent.get(p), hops++) {
      if (samplesOf.has(p) || p === rootPid) return p;
    }
    return rootPid;
  };
  const tick = new Map<number, number>();
  t.forEach((x, i) => tick.set(x, i));
  const rssAt = new Map<number, Map<number, number>>(); // pid → tick → RSS
  for (const p of procs) rssAt.set(p.pid, new Map(p.t.map((x, j) => [tick.get(x) ?? -1, p.rss[j]])));
  // Per owner, per tick: RSS at the previous tick and the peak at this one, over members alive at both
  // (a process's first reading is its baseline: a fork starts with its parent's pages).
  const prevSum = new Map<number, Float64Array>();
  const peakSum = new Map<number, Float64Array>();
  for (const p of procs) {
    const owner = ownerOf(p.pid);
    if (!prevSum.has(owner)) {
      prevSum.set(owner, new Float64Array(t.length));
      peakSum.set(owner, new Float64Array(t.length));
    }
    const prev = prevSum.get(owner)!;
    const peak = peakSum.get(owner)!;
    // A child's growth before its first reading (the poller finds new children within a few reads) still
    // counts: its baseline is what it started with, at most its parent's RSS (a fork shares those pages).
    const first = tick.get(p.t[0]);
    const parentRss = first !== undefined && p.pid !== rootPid ? rssAt.get(p.ppid)?.get(first) : undefined;
    if (first !== undefined && first > 0 && parentRss !== undefined && samplesOf.has(p.pid)) {
      prev[first] += Math.min(p.rss[0], parentRss);
      peak[first] += Math.max(p.rss[0], p.peak[0] ?? 0);
    }
    for (let j = 1; j < p.t.length; j++) {
      const i = tick.get(p.t[j]);
      if (i === undefined || tick.get(p.t[j - 1]) !== i - 1) continue;
      prev[i] += p.rss[j - 1];
      peak[i] += Math.max(p.rss[j], p.peak[j] ?? 0);
    }
  }
  const lineMap = new Map<string, LineCost>();
  const fnMap = new Map<string, FunctionCost>();
  for (const [owner, prev] of prevSum) {
    const peak = peakSum.get(owner)!;
    const rises = Array.from(prev, (x, i) => peak[i] - x);
    const part = attributeGrowth(t, rises, samplesOf.get(owner) ?? [], codes);
    for (const l of part.lines) merge(lineMap, `${l.file}\0${l.line}\0${l.function}`, l);
    for (const f of part.functions) merge(fnMap, `${f.file}\0${f.function}`, f);
  }
  const byGrowth = (x: { growthBytes: number; samples: number }, y: { growthBytes: number; samples: number }) =>
    y.growthBytes - x.growthBytes || y.samples - x.samples;
  return { lines: [...lineMap.values()].sort(byGrowth), functions: [...fnMap.values()].sort(byGrowth) };
}

function merge<T extends { growthBytes: number; samples: number }>(map: Map<string, T>, key: string, item: T): void {
  const had = map.get(key);
  if (!had) map.set(key, { ...item });
  else {
    had.growthBytes += item.growthBytes;
    had.samples += item.samples;
  }
}

/** Attribution when only the tree's totals are known (the cap message's recent window). */
export function attributeTree(t: readonly number[], rss: readonly number[], peak: readonly number[] | undefined, samples: readonly LocationSample[], codes: ReadonlyMap<number, CodeRef>) {
  return attributeGrowth(t, intervalRises(rss, peak), samples, codes);
}

/**
 * The legend's name for each process: "main" for the profiled process, "worker N" for multiprocessing
 * children (from their re-armed helper's process name), else the command it ran.
 */
export function processRole(p: Pick<ProcessRecord, 'pid' | 'command'>, rootPid: number, mpNames: ReadonlyMap<number, string>): string {
  if (p.pid === rootPid) return 'main';
  const name = mpNames.get(p.pid);
  if (name) {
    const m = /(?:PoolWorker|Process)-(\d+(?::\d+)*)$/.exec(name);
    return m ? `worker ${m[1]}` : name;
  }
  // The program's name without its folder, and without the prelude Memwise put in a spawned child's `python -c`.
  return p.command.replace(/#memwise\{\n.*?#\}memwise\n/s, '').replace(/^\S*\//, '');
}
