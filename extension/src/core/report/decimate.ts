// Min/max decimation per pixel column. A chart can't show more than a couple of values per pixel column,
// so for each column we keep the samples holding the smallest and the largest value of every series. That
// keeps the drawn shape identical to drawing everything — in particular a one-sample spike is never
// dropped, which plain "every n-th sample" thinning would do. Pure: used by the webview (per redraw, for
// the visible range) and by the HTML report (to keep very large runs small before embedding).

/** A series aligned with `t`; `null`/NaN entries are gaps (e.g. a child process not alive yet). */
export type Series = ArrayLike<number | null>;

/**
 * Indices of the samples to keep, ascending and unique.
 * @param t sample times, ascending
 * @param series value series, each the same length as `t`
 * @param buckets number of columns (usually the plot width in pixels)
 * @param from first time to consider (inclusive); defaults to t[0]
 * @param to last time to consider (inclusive); defaults to t[t.length - 1]
 * The first and last sample of the range are always kept, so the line reaches the edges. One sample
 * either side of the range is kept too, so a zoomed line doesn't start in mid-air.
 */
export function decimateIndices(t: ArrayLike<number>, series: Series[], buckets: number, from?: number, to?: number): number[] {
  const n = t.length;
  if (n === 0) return [];
  const lo = from === undefined ? 0 : lowerBound(t, from);
  const hiExcl = to === undefined ? n : upperBound(t, to);
  const start = Math.max(0, lo - 1);
  const end = Math.min(n, hiExcl + 1); // exclusive
  const count = end - start;
  const cols = Math.max(1, Math.floor(buckets));
  // Few enough samples: keep them all, nothing would be gained.
  if (count <= cols * 2 * Math.max(1, series.length)) return range(start, end);
  const t0 = t[start];
  const span = t[end - 1] - t0 || 1;
  const keep: number[] = [start];
  // Per column and series: index of min and max. Walk once; flush when the column changes.
  const s = series.length;
  const minI = new Int32Array(s).fill(-1);
  const maxI = new Int32Array(s).fill(-1);
  let col = -1;
  const flush = (): void => {
    const picked: number[] = [];
    for (let k = 0; k < s; k++) {
      if (minI[k] >= 0) picked.push(minI[k]);
      if (maxI[k] >= 0 && maxI[k] !== minI[k]) picked.push(maxI[k]);
      minI[k] = -1;
      maxI[k] = -1;
    }
    picked.sort((a, b) => a - b);
    for (const i of picked) if (i !== keep[keep.length - 1]) keep.push(i);
  };
  for (let i = start + 1; i < end - 1; i++) {
    const c = Math.min(cols - 1, Math.floor(((t[i] - t0) / span) * cols));
    if (c !== col) {
      if (col >= 0) flush();
      col = c;
    }
    for (let k = 0; k < s; k++) {
      const v = series[k][i];
      if (v === null || v !== v) continue; // gap or NaN
      if (minI[k] < 0 || v < (series[k][minI[k]] as number)) minI[k] = i;
      if (maxI[k] < 0 || v > (series[k][maxI[k]] as number)) maxI[k] = i;
    }
  }
  flush();
  if (end - 1 !== keep[keep.length - 1]) keep.push(end - 1);
  return keep;
}

/** Picks `indices` out of each array (typed as plain arrays for uPlot). */
export function pick<T>(values: ArrayLike<T>, indices: number[]): T[] {
  const out = new Array<T>(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

/** First index with t[i] >= x. */
export function lowerBound(t: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with t[i] > x. */
export function upperBound(t: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sample nearest in time to x (t ascending, non-empty). */
export function nearestIndex(t: ArrayLike<number>, x: number): number {
  const i = lowerBound(t, x);
  if (i <= 0) return 0;
  if (i >= t.length) return t.length - 1;
  return x - t[i - 1] <= t[i] - x ? i - 1 : i;
}

function range(a: number, b: number): number[] {
  const out = new Array<number>(Math.max(0, b - a));
  for (let i = a; i < b; i++) out[i - a] = i;
  return out;
}
