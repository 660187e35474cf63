// Binary searches: over sorted, non-overlapping [start, end) ranges (Python top-level chunks and hot code ranges,
// JS/TS top-level statements for incremental re-lint), and over sorted positions.

/** Index of the range containing `pos`, or -1. */
export function indexOfRangeAt(ranges: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < ranges[mid].start) hi = mid - 1;
    else if (pos >= ranges[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The index of the first of the sorted positions that is at least `from` (their count: none). */
export function firstAtOrAfter(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is any of the sorted positions inside [start, end)? */
export function hasPosition(sorted: readonly number[], start: number, end: number): boolean {
  const i = firstAtOrAfter(sorted, start);
  return i < sorted.length && sorted[i] < end;
}
