// Line starts of a text and the row an offset falls on: the editor's reuse of a Python re-lint (lint/python/
// reuseMoves.ts) and a notebook's JSON positions (notebook/notebookFile.ts) both map offsets to rows this way.

/** The offset each line of `text` starts at (line 0 at 0). */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The row holding `pos`, given the line starts. */
export function rowOf(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
