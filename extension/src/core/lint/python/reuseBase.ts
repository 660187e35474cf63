// Which earlier run an editor re-lint takes its reusable findings from (reuse.ts). Normally the previous run, with
// the edits since. But a keystroke that breaks the syntax (an unclosed bracket, a stray word before an indented
// line) lets tree-sitter's error recovery reshape everything after it, often a whole class to the end of the file,
// so the broken run keeps little and, worse, leaves a snapshot that matches little of the repaired text either:
// the edit that repairs it would evaluate the same candidates again. So a session also keeps the snapshot of the
// last run whose text parsed cleanly, and a clean text after a broken one is compared with that: the text between
// them is described as one edit (their common prefix and suffix stay), which is all reuse.ts needs to decide, as
// after any edit, which candidates only moved. A broken run's findings are always computed from its own tree.
import type { IncrementalEdit } from '../types';
import { rowOf, startsOf, type LintSnapshot } from './reuse';
import type { PreviousRun } from './engine';

/** What a session remembers between re-lints, beside the tree (PythonParseState). */
export interface ReuseHistory {
  /** The previous run's snapshot (undefined when it failed or did not track). */
  snapshot?: LintSnapshot;
  /** Whether the previous run's text had a syntax error. */
  broken?: boolean;
  /** The snapshot of the last run whose text had no syntax error (the previous one, when it had none). */
  clean?: LintSnapshot;
}

/**
 * The run to reuse from: the previous one with `edits`, or, when the previous text was broken and this one is not,
 * the last clean run with the one edit between its text and `text`. Undefined: nothing to reuse.
 */
export function reuseBase(history: ReuseHistory | undefined, edits: IncrementalEdit[] | undefined, text: string, broken: boolean): PreviousRun | undefined {
  if (!history || !edits) return undefined;
  if (!broken && history.broken && history.clean) return { snapshot: history.clean, edits: [editBetween(history.clean, text)] };
  return history.snapshot ? { snapshot: history.snapshot, edits } : undefined;
}

/** What the next re-lint needs of this one: its snapshot, whether it was broken, and the last clean snapshot. */
export function nextHistory(history: ReuseHistory | undefined, snapshot: LintSnapshot | undefined, broken: boolean): ReuseHistory {
  return { snapshot, broken, clean: broken ? history?.clean : snapshot };
}

/** The single edit turning the snapshot's text into `after`: everything between their common prefix and suffix. */
export function editBetween(before: Pick<LintSnapshot, 'text' | 'starts'>, after: string): IncrementalEdit {
  const old = before.text;
  const max = Math.min(old.length, after.length);
  // Whole blocks first (comparing two slices is one native compare), then character by character.
  const B = 1024;
  let p = 0;
  while (p + B <= max && old.slice(p, p + B) === after.slice(p, p + B)) p += B;
  while (p < max && old.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s + B <= max - p && old.slice(old.length - s - B, old.length - s) === after.slice(after.length - s - B, after.length - s)) s += B;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = after.length - s;
  const starts = startsOf(before);
  const startRow = rowOf(starts, p);
  const oldRow = rowOf(starts, oldEnd);
  // Rows of the new end: the start row plus the line breaks the new text has in between.
  let newRow = startRow;
  let lastBreak = -1;
  for (let i = after.indexOf('\n', p); i >= 0 && i < newEnd; i = after.indexOf('\n', i + 1)) {
    newRow++;
    lastBreak = i;
  }
  return {
    startIndex: p,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: { row: startRow, column: p - starts[startRow] },
    oldEndPosition: { row: oldRow, column: oldEnd - starts[oldRow] },
    newEndPosition: { row: newRow, column: lastBreak < 0 ? newEnd - starts[startRow] : newEnd - lastBreak - 1 },
  };
}
