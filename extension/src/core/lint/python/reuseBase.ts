// Where an editor re-lint starts from. Normally the previous run: its tree for tree-sitter's incremental parse and
// its snapshot for the findings it can keep (reuse.ts), with the edits since. But a keystroke that breaks the
// syntax (an unclosed bracket, a stray word before an indented line) lets tree-sitter's error recovery reshape
// everything after it, often a whole class to the end of the file: the broken tree is slow to parse again from, and
// its snapshot matches little of the repaired text, so the keystroke that repairs it would parse and evaluate the
// same code again. So a session also keeps the tree, text and snapshot of the last run whose text had no syntax
// error, and after a broken run starts from those instead, with the text between them described as one edit (their
// common prefix and suffix stay): that is all tree-sitter and reuse.ts need, as after any edit. Only when that edit
// is near (MAX_REPAIR_ROWS): after broken edits far apart (or a long broken stretch) the previous run is closer.
// A broken run's findings are always computed from its own tree.
import type { Tree } from 'web-tree-sitter';
import type { IncrementalEdit } from '../types';
import type { LintSnapshot } from './reuse';
import { rowOf } from '../../textLines';
import { startsOf } from './reuseMoves';
import type { PreviousRun } from './engine';

/** The last run whose text had no syntax error. */
export interface CleanBase {
  /** A copy owned by the session state that holds it (deleted with it). */
  tree: Tree;
  text: string;
  /** Its line starts, once asked (editBetween). */
  starts?: number[];
  snapshot?: LintSnapshot;
}

/** What a session remembers between re-lints, beside the tree (PythonParseState). */
export interface ReuseHistory {
  /** The previous run's snapshot (undefined when it failed or did not track). */
  snapshot?: LintSnapshot;
  /** Whether the previous run's text had a syntax error. */
  broken?: boolean;
  /** The last clean run (the previous one, when it was clean). */
  cleanBase?: CleanBase;
  /** The edit from the clean text to a text asked about (kept: the parse and the reuse check both ask). */
  repair?: { text: string; edit: IncrementalEdit | null };
}

/** How many lines the text between the clean run and a repaired text may span, before and after. */
export const MAX_REPAIR_ROWS = 200;

/** After a broken run: the edit from the last clean text to `text`, when it is near; otherwise null. */
export function repairEdit(history: ReuseHistory | undefined, text: string): IncrementalEdit | null {
  if (!history?.broken || !history.cleanBase) return null;
  if (history.repair?.text !== text) {
    const e = editBetween(history.cleanBase, text);
    const near = e.oldEndPosition.row - e.startPosition.row <= MAX_REPAIR_ROWS && e.newEndPosition.row - e.startPosition.row <= MAX_REPAIR_ROWS;
    history.repair = { text, edit: near ? e : null };
  }
  return history.repair.edit;
}

/**
 * The run to reuse findings from: the previous one with `edits`, or, when the previous text was broken and this one
 * is not, the last clean run with the one edit between its text and `text` (when near). Undefined: nothing to reuse.
 */
export function reuseBase(history: ReuseHistory | undefined, edits: IncrementalEdit[] | undefined, text: string, broken: boolean): PreviousRun | undefined {
  if (!history || !edits) return undefined;
  const repair = !broken && history.cleanBase?.snapshot ? repairEdit(history, text) : null;
  if (repair) return { snapshot: history.cleanBase!.snapshot!, edits: [repair] };
  return history.snapshot ? { snapshot: history.snapshot, edits } : undefined;
}

/**
 * What the next re-lint needs of this one (`tree` stays the caller's): its snapshot, whether it was broken, and the
 * last clean run, with a tree copy of its own.
 */
export function nextHistory(history: ReuseHistory | undefined, tree: Tree, text: string, snapshot: LintSnapshot | undefined, broken: boolean): ReuseHistory {
  const prev = history?.cleanBase;
  const cleanBase = !broken ? { tree: tree.copy(), text, snapshot } : prev ? { ...prev, tree: prev.tree.copy() } : undefined;
  return { snapshot, broken, cleanBase };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

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
  // Never between the two halves of a surrogate pair (two characters sharing their high half).
  if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
  if (s > 0 && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
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
