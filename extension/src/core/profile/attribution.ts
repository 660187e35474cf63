// Attribute memory growth to code: the memory timeline (from the external poller) and the location samples
// (from the in-process helper) share one clock. Each interval's rise -- up to the interval's PEAK (VmHWM
// reset every read), not just the RSS at its end, so a spike that came and went between two reads is
// still counted -- is charged to the line(s) running in that interval.
import type { FunctionCost, LineCost, SourceLocation } from './runFileTypes';

export interface LocationSample {
  /** Seconds from the start of the run (same base as the RSS timeline). */
  t: number;
  loc: number;
  line: number;
  /** The process's VmHWM and VmRSS when it was taken (bytes), when the helper could read them. */
  hwm?: number;
  rss?: number;
  /** The child process that sent it (re-armed after fork/spawn); absent for the profiled process itself. */
  pid?: number;
}

export interface CodeRef {
  file: string;
  function: string;
}

/** How far (s) from an interval to look for a location sample when none fell inside it (GC pause, long C call). */
const NEAREST_WINDOW_S = 1.0;

/**
 * Growth per interval (index i: the interval ending at t[i]; index 0 is 0): from the RSS at the start of
 * the interval up to the highest point inside it. `peak` is the per-interval peak (exact with clear_refs);
 * without it the RSS at the end of the interval is all there is.
 */
export function intervalRises(rss: readonly number[], peak?: readonly number[]): number[] {
  const out = new Array<number>(rss.length).fill(0);
  for (let i = 1; i < rss.length; i++) out[i] = Math.max(rss[i], peak?.[i] ?? 0) - rss[i - 1];
  return out;
}

/**
 * Charge each interval's rise to the samples that cover it. A sample is taken when the SIGPROF handler
 * runs, which is right AFTER the code it interrupted (after a long C call, once the helper has named the
 * line that made it), so sample k stands for the time since sample k-1 (at most NEAREST_WINDOW_S): an
 * interval's rise is shared by the samples in proportion to how much of the interval they cover. A
 * spike's line gets the spike even when the next line was sampled inside the same interval.
 */
export function attributeGrowth(
  t: readonly number[],
  rises: readonly number[],
  samples: readonly LocationSample[],
  codes: ReadonlyMap<number, CodeRef>,
): { lines: LineCost[]; functions: FunctionCost[] } {
  const lineMap = new Map<string, LineCost>();
  const fnMap = new Map<string, FunctionCost>();
  const lineOf = (s: LocationSample): LineCost | undefined => {
    const code = codes.get(s.loc);
    if (!code) return undefined;
    const key = `${code.file}\0${s.line}\0${code.function}`;
    let lc = lineMap.get(key);
    if (!lc) lineMap.set(key, (lc = { file: code.file, line: s.line, function: code.function, growthBytes: 0, samples: 0 }));
    return lc;
  };
  const fnOf = (s: LocationSample): FunctionCost | undefined => {
    const code = codes.get(s.loc);
    if (!code) return undefined;
    const key = `${code.file}\0${code.function}`;
    let fc = fnMap.get(key);
    if (!fc) fnMap.set(key, (fc = { file: code.file, function: code.function, growthBytes: 0, samples: 0 }));
    return fc;
  };
  for (const s of samples) {
    const lc = lineOf(s);
    if (lc) lc.samples++;
    const fc = fnOf(s);
    if (fc) fc.samples++;
  }
  const charge = (s: LocationSample, bytes: number) => {
    const lc = lineOf(s);
    if (lc) lc.growthBytes += bytes;
    const fc = fnOf(s);
    if (fc) fc.growthBytes += bytes;
  };
  // A sample whose own readings show memory arriving since the previous one covers that whole gap (a long C
  // call on a loaded machine can hold the handler back for seconds); others reach back at most NEAREST_WINDOW_S.
  // A child's first sample covers everything since it started: a worker's first sample can come seconds after
  // its first allocation when the machine is loaded.
  const spanStart = (k: number) =>
    k > 0 && arrivedBefore(samples, k) > 0
      ? samples[k - 1].t
      : k === 0 && samples[0].pid !== undefined
        ? -Infinity
        : Math.max(k > 0 ? samples[k - 1].t : -Infinity, samples[k].t - NEAREST_WINDOW_S);
  let j = 0; // first location sample with t > t[i-1]
  for (let i = 1; i < t.length; i++) {
    const a = t[i - 1];
    const b = t[i];
    while (j < samples.length && samples[j].t <= a) j++;
    const delta = rises[i];
    if (!(delta > 0)) continue;
    // Samples j.. whose span (spanStart(k), t_k] overlaps (a, b]: all with t_k < b, and the first one at or after b.
    const cover: { k: number; w: number; g?: number }[] = [];
    let total = 0;
    for (let k = j; k < samples.length; k++) {
      const w = Math.min(samples[k].t, b) - Math.max(spanStart(k), a);
      if (w > 0) {
        cover.push({ k, w });
        total += w;
      }
      if (samples[k].t >= b) break;
    }
    // Where the helper saw the memory arrive (its VmHWM rose since the sample before), that decides the shares;
    // else the time each sample covers.
    let seen = 0;
    for (const c of cover) seen += (c.g = arrivedBefore(samples, c.k));
    if (seen > 0) {
      for (const c of cover) charge(samples[c.k], (delta * c.g!) / seen);
      continue;
    }
    if (total > 0) {
      for (const c of cover) charge(samples[c.k], (delta * c.w) / total);
      continue;
    }
    // Nothing covers it (the process slept past the window, or no sample came after): the line before.
    const prev = j > 0 ? samples[j - 1] : undefined;
    if (prev && a - prev.t <= NEAREST_WINDOW_S) charge(prev, delta);
  }
  const byGrowth = (x: { growthBytes: number; samples: number }, y: { growthBytes: number; samples: number }) =>
    y.growthBytes - x.growthBytes || y.samples - x.samples;
  const lines = [...lineMap.values()].map((l) => ({ ...l, growthBytes: Math.round(l.growthBytes) })).sort(byGrowth);
  const functions = [...fnMap.values()].map((f) => ({ ...f, growthBytes: Math.round(f.growthBytes) })).sort(byGrowth);
  return { lines, functions };
}

/**
 * Bytes that arrived between sample k-1 and sample k by the helper's own readings: the rise of VmHWM (a
 * new high, even if freed before sample k) or of RSS. Memwise's poller resets VmHWM between reads, so a
 * VmHWM below the previous one means a reset happened: then compare with the previous RSS.
 */
function arrivedBefore(samples: readonly LocationSample[], k: number): number {
  const s = samples[k];
  const p = k > 0 ? samples[k - 1] : undefined;
  if (!p || s.rss === undefined || p.rss === undefined) return 0;
  const hwm = s.hwm ?? s.rss;
  const prevHigh = p.hwm !== undefined && hwm >= p.hwm ? Math.max(p.hwm, p.rss) : p.rss;
  return Math.max(0, hwm - prevHigh, s.rss - p.rss);
}

/** The location that was running most recently at or before time `at` (for the cap message and live events). */
export function locationAt(samples: readonly LocationSample[], codes: ReadonlyMap<number, CodeRef>, at: number): SourceLocation | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i].t <= at) {
      const c = codes.get(samples[i].loc);
      return c ? { file: c.file, line: samples[i].line, function: c.function } : undefined;
    }
  }
  return undefined;
}

/** For each timeline sample, the index (into a deduplicated `locations` table) of the line running then. */
export function locationsPerSample(
  t: readonly number[],
  samples: readonly LocationSample[],
  codes: ReadonlyMap<number, CodeRef>,
): { loc: (number | null)[]; locations: SourceLocation[] } {
  const locations: SourceLocation[] = [];
  const index = new Map<string, number>();
  const loc: (number | null)[] = [];
  let j = 0;
  for (const ti of t) {
    while (j < samples.length && samples[j].t <= ti) j++;
    const s = j > 0 ? samples[j - 1] : undefined;
    const c = s && ti - s.t <= NEAREST_WINDOW_S ? codes.get(s.loc) : undefined;
    if (!s || !c) {
      loc.push(null);
      continue;
    }
    const key = `${c.file}\0${s.line}\0${c.function}`;
    let k = index.get(key);
    if (k === undefined) {
      k = locations.length;
      index.set(key, k);
      locations.push({ file: c.file, line: s.line, function: c.function });
    }
    loc.push(k);
  }
  return { loc, locations };
}
