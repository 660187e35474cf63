// The timeline's peak series: where the per-interval peak (VmHWM) rose above the sampled line, and the index of
// the highest sample (where the peak marker goes when the run has no peakT).

const peaksCache = new WeakMap<number[], (number | null)[]>();

/**
 * The per-interval peaks only where they rise above the sampled line (plus one neighbour each side so the
 * segment draws): a short spike between two samples shows up; elsewhere the two would just overlap.
 */
export function peaksAboveSamples(peaks: number[], rss: number[]): (number | null)[] {
  const cached = peaksCache.get(peaks);
  if (cached && cached.length === peaks.length) return cached;
  const n = peaks.length;
  const above = (i: number): boolean => i >= 0 && i < n && peaks[i] > rss[i] * 1.005 + 65536;
  const out = new Array<number | null>(n);
  for (let i = 0; i < n; i++) out[i] = above(i) || above(i - 1) || above(i + 1) ? peaks[i] : null;
  peaksCache.set(peaks, out);
  return out;
}

export function argMax(a: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}
