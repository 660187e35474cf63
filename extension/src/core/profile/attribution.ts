// Attribute memory growth to code: the RSS timeline (from the external poller) and the location samples
// (from the in-process helper) share one clock, so each rise between two consecutive RSS samples is
// charged to the line(s) that were running in that interval.
import type { FunctionCost, LineCost, SourceLocation } from './runFileTypes';

export interface LocationSample {
  /** Seconds from the start of the run (same base as the RSS timeline). */
  t: number;
  loc: number;
  line: number;
}

export interface CodeRef {
  file: string;
  function: string;
}

/** How far (s) from an interval to look for a location sample when none fell inside it (GC pause, long C call). */
const NEAREST_WINDOW_S = 1.0;

export function attributeGrowth(
  t: readonly number[],
  rss: readonly number[],
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
  let j = 0; // first location sample with t > t[i-1]
  for (let i = 1; i < t.length; i++) {
    const delta = rss[i] - rss[i - 1];
    while (j < samples.length && samples[j].t <= t[i - 1]) j++;
    if (delta <= 0) continue;
    let k = j;
    while (k < samples.length && samples[k].t <= t[i]) k++;
    let charged: readonly LocationSample[] = samples.slice(j, k);
    if (charged.length === 0) {
      // Nothing sampled inside: the signal is handled right after a long C call returns, still on the
      // line that made the call, so the next sample is the best witness; else the previous one.
      const next = samples[k];
      const prev = j > 0 ? samples[j - 1] : undefined;
      if (next && next.t - t[i] <= NEAREST_WINDOW_S) charged = [next];
      else if (prev && t[i - 1] - prev.t <= NEAREST_WINDOW_S) charged = [prev];
    }
    if (charged.length === 0) continue;
    const share = delta / charged.length;
    for (const s of charged) {
      const lc = lineOf(s);
      if (lc) lc.growthBytes += share;
      const fc = fnOf(s);
      if (fc) fc.growthBytes += share;
    }
  }
  const byGrowth = (a: { growthBytes: number; samples: number }, b: { growthBytes: number; samples: number }) =>
    b.growthBytes - a.growthBytes || b.samples - a.samples;
  const lines = [...lineMap.values()].map((l) => ({ ...l, growthBytes: Math.round(l.growthBytes) })).sort(byGrowth);
  const functions = [...fnMap.values()].map((f) => ({ ...f, growthBytes: Math.round(f.growthBytes) })).sort(byGrowth);
  return { lines, functions };
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
