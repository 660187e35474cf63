// Which parts of a file an edit only moved, and where its lines start after it: what a re-lint takes from the previous
// run (reuse.ts, engine.ts) rests on these. A chunk or unit the edit did not touch keeps its text, so what was found
// in it (its scan, calls, operations, units and findings) holds, shifted.
import { lineStarts } from '../../textLines';
import type { IncrementalEdit } from '../types';

/** A read unit or top-level chunk as a snapshot keeps it (reuse.ts). */
export interface ChunkSpan {
  start: number;
  end: number;
  isDef: boolean;
  /** For a class member's unit, the index of its class's header unit (reading a member reads its header). */
  header?: number;
}

/** A text and its line starts, once asked (a snapshot, or a run being checked). */
interface TextLines {
  text: string;
  starts?: number[];
}

/** Line starts of a snapshot's text, computed once. */
export function startsOf(snap: TextLines): number[] {
  return (snap.starts ??= lineStarts(snap.text));
}

/**
 * The line starts of `text`, the text of `prev` after the one edit `e`, from the old ones: the rows before the edit
 * keep theirs, the edited text is searched for line breaks, and the rows after it move by the edit's length change.
 * Searching the whole file again (and growing an array to 5,000 entries) was a good share of what a keystroke
 * allocated. Falls back to the search when the edit does not fit the texts (`text`'s length, the rows it names).
 */
export function startsAfterEdit(prev: TextLines, e: IncrementalEdit, text: string): number[] {
  const old = startsOf(prev);
  const delta = e.newEndIndex - e.oldEndIndex;
  const sr = e.startPosition.row;
  const or = e.oldEndPosition.row;
  const fits = text.length === prev.text.length + delta && sr <= or && or < old.length && old[sr] <= e.startIndex && (or + 1 >= old.length || old[or + 1] > e.oldEndIndex) && old[or] <= e.oldEndIndex;
  if (!fits) return lineStarts(text);
  let added = 0;
  for (let i = text.indexOf('\n', e.startIndex); i >= 0 && i < e.newEndIndex; i = text.indexOf('\n', i + 1)) added++;
  const out = new Array<number>(sr + 1 + added + (old.length - or - 1));
  let k = 0;
  for (let r = 0; r <= sr; r++) out[k++] = old[r];
  for (let i = text.indexOf('\n', e.startIndex); i >= 0 && i < e.newEndIndex; i = text.indexOf('\n', i + 1)) out[k++] = i + 1;
  for (let r = or + 1; r < old.length; r++) out[k++] = old[r] + delta;
  return out;
}

/**
 * Old chunk index → new chunk index (the chunks an edit only moved), in a typed array: a Map of every unit, built
 * twice per keystroke and walked entry by entry (an array per entry), was a good share of what a re-lint allocated.
 * The Map methods reuse asks, with Map's argument order in forEach.
 */
export class ChunkMap {
  private readonly to: Int32Array;
  size = 0;

  constructor(oldCount: number) {
    this.to = new Int32Array(oldCount).fill(-1);
  }

  set(i: number, j: number): this {
    if (this.to[i] < 0) this.size++;
    this.to[i] = j;
    return this;
  }

  get(i: number): number | undefined {
    const j = i >= 0 && i < this.to.length ? this.to[i] : -1;
    return j >= 0 ? j : undefined;
  }

  has(i: number): boolean {
    return this.get(i) !== undefined;
  }

  /** `fn(new index, old index)` for each pair, by old index. */
  forEach(fn: (j: number, i: number) => void): void {
    const to = this.to;
    for (let i = 0; i < to.length; i++) if (to[i] >= 0) fn(to[i], i);
  }

  /** A copy with `i` → `j` added. */
  with(i: number, j: number): ChunkMap {
    const m = new ChunkMap(this.to.length);
    m.to.set(this.to);
    m.size = this.size;
    return m.set(i, j);
  }
}

/**
 * Old chunk index → new chunk index, for the chunks an edit only moved: they share no line with it and keep their
 * length and kind, so their text is the same. Null when the edits are not one edit (nothing is carried over).
 */
export function movedChunks(prev: TextLines & { chunks: readonly ChunkSpan[] }, edits: IncrementalEdit[] | undefined, cur: readonly ChunkSpan[]): ChunkMap | null {
  if (!edits || edits.length !== 1) return null;
  const e = edits[0];
  const oldStarts = startsOf(prev);
  const delta = e.newEndIndex - e.oldEndIndex;
  const mapped = new ChunkMap(prev.chunks.length);
  // The new unit starting at `start`, by a walk along `cur` (both lists are in text order, and so are the starts
  // asked): a map of every start, built per call, was most of what this allocated.
  let walk = 0;
  const newIndexAt = (start: number): number | undefined => {
    while (walk < cur.length && cur[walk].start < start) walk++;
    return walk < cur.length && cur[walk].start === start ? walk : undefined;
  };
  // A chunk ends on a row before the edit's when it ends before that row starts, and starts on a row after the
  // edit's end row when it starts at or after the next row's start (no search per chunk).
  const editRowStart = oldStarts[e.startPosition.row] ?? prev.text.length;
  const afterEditRow = oldStarts[e.oldEndPosition.row + 1] ?? Infinity;
  prev.chunks.forEach((c, i) => {
    let start: number;
    if (c.end <= e.startIndex && c.end < editRowStart) start = c.start;
    else if (c.start >= e.oldEndIndex && c.start >= afterEditRow) start = c.start + delta;
    else return;
    const j = newIndexAt(start);
    // A unit keeps its class, or its lack of one: a def that the edit made a method again (a module-level line that
    // had cut its class in two, deleted) reads `self` anew. A header precedes its members, so it is mapped first.
    const h = c.header ?? -1;
    const nh = j === undefined ? -1 : (cur[j].header ?? -1);
    if (h >= 0 ? mapped.get(h) !== nh : nh >= 0) return;
    // A class's header keeps its class's extent (moved by the edit when the edit is inside it): the methods a class
    // has are read from its extent, and that line's deletion also gave the class back the methods after it.
    if (j !== undefined) {
      const oldEnd = extentEnd(prev.chunks, i);
      if (extentEnd(cur, j) !== (oldEnd >= e.oldEndIndex ? oldEnd + delta : oldEnd)) return;
    }
    if (j !== undefined && cur[j].end - cur[j].start === c.end - c.start && cur[j].isDef === c.isDef) mapped.set(i, j);
  });
  return mapped;
}

/** Where unit `i`'s class ends when it is a class's header (its last member's end), else where the unit ends. */
function extentEnd(units: readonly ChunkSpan[], i: number): number {
  let end = units[i].end;
  for (let k = i + 1; k < units.length && units[k].header === i; k++) end = Math.max(end, units[k].end);
  return end;
}
