// The read units of a re-lint after an edit (facts/readUnits.ts), with those of the top-level chunks the edit only
// moved taken from the previous run's snapshot, shifted: a unit list is a function of each chunk's text alone, and a
// moved chunk's text is the same (movedChunks in reuse.ts). Building them again asked the tree for every class
// body's statements on every keystroke (a tree node object per member), most of what a trivia edit allocated
// besides the parse.
import type { Chunk } from './facts/readUnits';
import { readUnits, type Unit } from './facts/readUnits';
import type { ChunkMap, ChunkSpan } from './reuseMoves';

/**
 * The units of `chunks` (this run's top-level chunks of `text`). `moved`: old top-level chunk index → new one, for
 * the chunks the edit only moved; `oldTop` and `oldUnits`: the previous run's top-level chunks and units.
 */
export function unitsAfterEdit(chunks: readonly Chunk[], text: string, moved: ChunkMap, oldTop: readonly ChunkSpan[], oldUnits: readonly ChunkSpan[]): Unit[] {
  const oldOf = new Int32Array(chunks.length).fill(-1);
  moved.forEach((j, i) => {
    if (j < chunks.length) oldOf[j] = i;
  });
  // The first unit of each old top-level chunk (both lists are in text order; a chunk's units start inside it).
  const firstUnit = new Int32Array(oldTop.length);
  let u = 0;
  for (let i = 0; i < oldTop.length; i++) {
    while (u < oldUnits.length && oldUnits[u].start < oldTop[i].start) u++;
    firstUnit[i] = u;
  }
  const out: Unit[] = [];
  for (let j = 0; j < chunks.length; j++) {
    const c = chunks[j];
    const i = oldOf[j];
    const base = out.length;
    if (i >= 0) {
      const shift = c.start - oldTop[i].start;
      const from = firstUnit[i];
      let to = from;
      while (to < oldUnits.length && oldUnits[to].start < oldTop[i].end) to++;
      // A moved chunk has at least one unit, starting where it starts; otherwise the lists disagree: build it.
      if (to > from && oldUnits[from].start === oldTop[i].start) {
        for (let k = from; k < to; k++) {
          const o = oldUnits[k];
          out.push({ start: o.start + shift, end: o.end + shift, isDef: o.isDef, header: o.header !== undefined && o.header >= 0 ? o.header - from + base : -1 });
        }
        continue;
      }
    }
    for (const unit of readUnits([c], text)) out.push({ ...unit, header: unit.header >= 0 ? unit.header + base : -1 });
  }
  return out;
}
