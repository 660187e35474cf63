// What each reader's answers read, so the engine can reuse a candidate's findings after an edit that none of it
// meets (reuse.ts). A reader is one candidate of a chunk, or a chunk (see chunkReader below). What is read, each
// as narrow as the question was:
// - other chunks (their text, tree and hotness, and what the chunk's own reader read: questions about a chunk's code
//   asked from elsewhere are computed under that reader), by index;
// - readers whose kept answers it took, of its own chunk or another (what they read, not their whole chunk);
// - regexes run over the whole text, whose matches were used (a match in the edited lines may change them); a
//   name's membership in a whole-text set of names is a regex for that name alone (see memberNames);
// - probes: whole-text questions whose answer is a small value (a yes/no test). An edit that meets a probe's
//   trigger changes nothing when the value is the same on the text before and after it;
// - module-level names looked up: which module statements bind a name can only change where the name is written,
//   so the edited module code is searched for it, instead of every module chunk counting as read.
// FactCollection (collection.ts) extends this; the CLI's one-shot lints never record (tracking is off).

import { indexOfRangeAt } from '../../rangeSearch';
import type { Unit } from './readUnits';

/** A whole-text question whose answer is a value: reuse compares it before and after an edit that meets `trigger`. */
export interface TextProbe {
  /** A match of this in the edited lines (before or after the edit) may change the value. */
  readonly trigger: RegExp;
  /** The answer on a whole text (the same text always gives the same value). */
  value(text: string): string;
}

export interface ChunkReads {
  /** Chunks read: their text and hotness, and everything the chunk's own reader (chunkReader) read. */
  chunks: Set<number>;
  /** Readers whose answers it took from the cache (of any chunk): what they read (not their whole chunk). */
  readers: Set<number>;
  regexes: Set<RegExp>;
  probes: Set<TextProbe>;
  /** Module-level names looked up (their binding sites are module statements that mention them). */
  names: Set<string>;
}

/**
 * Who asks: one candidate of a chunk (the engine visiting it with a cacheable rule), or the chunk itself (facts of
 * its code asked from elsewhere, or by rules whose findings are not reused). Reading a chunk means reading its text
 * and what the chunk's own reader read; a reader that takes a cached answer another reader computed reads that
 * reader only, so an edit elsewhere re-evaluates only the candidates whose answers went there.
 */
const PER_CHUNK = 2 ** 20;

export function chunkReader(chunk: number): number {
  return chunk * PER_CHUNK;
}

/** Candidate `k` (0-based, in the chunk's candidate order) of `chunk`. */
export function candidateReader(chunk: number, k: number): number {
  return chunk * PER_CHUNK + 1 + Math.min(k, PER_CHUNK - 2);
}

export function chunkOfReader(reader: number): number {
  return Math.floor(reader / PER_CHUNK);
}

export function emptyReads(): ChunkReads {
  return { chunks: new Set(), readers: new Set(), regexes: new Set(), probes: new Set(), names: new Set() };
}

/** `re.test(text)` from the start, whatever its flags (a global regex keeps a lastIndex). */
function testsFromStart(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const b = re.test(text);
  re.lastIndex = 0;
  return b;
}

/**
 * Probes for "does `re` match the text anywhere?", one per regex source and flags (so a chunk's set holds each once):
 * each run's FileFacts makes its own regex objects, and reads carried over many edits held one probe per run for the
 * same question, each evaluated over both whole texts by the reuse check (which compares a probe once per edit).
 */
const testProbes = new WeakMap<RegExp, TextProbe>();
const testProbesByKey = new Map<string, TextProbe>();

export function testProbe(re: RegExp): TextProbe {
  let p = testProbes.get(re);
  if (!p) {
    const key = `${re.source}/${re.flags}`;
    p = testProbesByKey.get(key);
    if (!p) {
      if (testProbesByKey.size > 5000) testProbesByKey.clear(); // a long session over many files: stay bounded
      const own = new RegExp(re.source, re.flags); // its own lastIndex, whoever else walks `re`
      testProbesByKey.set(key, (p = { trigger: own, value: (text) => String(testsFromStart(own, text)) }));
    }
    testProbes.set(re, p);
  }
  return p;
}

export abstract class ReadLog {
  /** Per reader (chunkReader / candidateReader): what its answers read. */
  readonly reads = new Map<number, ChunkReads>();
  /** Readers whose question is being answered (top: the innermost fact being computed). */
  protected readers: number[] = [];
  /** Who computed each cached answer (a node id or a summary key): a later reader taking it reads that reader. */
  private computedBy = new Map<number | string, number>();

  /** Record reads at all (only editor sessions re-lint after edits; the CLI never does). */
  tracking = false;

  /** The read units in text order (readUnits.ts). */
  abstract units(): readonly Unit[];

  /** The read unit at `pos` (a top-level chunk, or a class's header or one member), or -1. */
  unitIndexAt(pos: number): number {
    return indexOfRangeAt(this.units(), pos);
  }

  private unitSpan(index: number): { start: number; end: number } {
    return this.units()[index];
  }

  /** Tracking: every unit in [start, end) is read. */
  protected noteUnitsIn(start: number, end: number): void {
    if (!this.readers.length) return;
    const units = this.units();
    for (let u = this.unitIndexAt(start); u >= 0 && u < units.length && units[u].start < end; u++) this.noteChunk(u);
  }

  /** Attribute the following questions to `reader` (the engine calls this per candidate; -1: nobody). */
  setReader(reader: number): void {
    this.readers = this.tracking && reader >= 0 ? [reader] : [];
  }

  private top(): number {
    return this.readers.length ? this.readers[this.readers.length - 1] : -1;
  }

  private readsOf(reader: number): ChunkReads {
    let r = this.reads.get(reader);
    if (!r) this.reads.set(reader, (r = emptyReads()));
    return r;
  }

  /**
   * Tracking: a fact of the code at `at` is asked. Returns the reader its computation is charged to: the current
   * one when the code is in its chunk, else that chunk (which the current reader then reads).
   */
  protected readerFor(at: number): number {
    const top = this.top();
    if (top >= 0) {
      const span = this.unitSpan(chunkOfReader(top));
      if (at >= span.start && at < span.end) return top;
    }
    const ci = this.unitIndexAt(at);
    this.noteChunk(ci);
    return ci >= 0 ? chunkReader(ci) : -1;
  }

  /** Tracking: the answer `key` was just computed by `reader` and kept. */
  keptBy(key: number | string, reader: number): void {
    if (reader >= 0) this.computedBy.set(key, reader);
  }

  /** Tracking: the current reader takes the kept answer `key`: it reads what its computer read (and its chunk). */
  noteKept(key: number | string): void {
    const top = this.top();
    const by = this.computedBy.get(key);
    if (top < 0 || by === undefined || by === top) return;
    this.readsOf(top).readers.add(by);
    this.noteChunk(chunkOfReader(by));
  }

  /** Tracking: the reader computing something now (for keptBy), or -1. */
  currentReader(): number {
    return this.top();
  }

  noteChunkAt(pos: number): void {
    if (this.readers.length) this.noteChunk(this.unitIndexAt(pos));
  }

  noteChunk(index: number): void {
    const top = this.top();
    if (top >= 0 && index !== chunkOfReader(top)) this.readsOf(top).chunks.add(index);
  }

  /** `re` (global or not) run over the whole text, its matches used: its answer can change with any edit it matches. */
  noteRegex(re: RegExp): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).regexes.add(re);
  }

  /** A whole-text question answered by a value (see TextProbe). */
  noteProbe(p: TextProbe): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).probes.add(p);
  }

  /** A name looked up in the module scope: its bindings there (and so its value) come from module code naming it. */
  noteModuleName(name: string): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).names.add(name);
  }
}
