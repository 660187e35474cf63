// Reusing findings across edits (the editor's re-lint after a keystroke). A run leaves a snapshot: per top-level
// chunk, the candidate nodes and hot code it had and, per candidate, the findings of the cacheable rules (MW1xx/
// MW2xx, whose answers come from FileFacts only); and per reader (a candidate, or a chunk: readLog.ts) what
// FileFacts read while answering: chunks (their text, tree and hotness, and what the chunk's own reader read for
// questions asked from elsewhere), readers whose kept answers it took (of any chunk), regexes run over the whole
// text, probes (whole-text questions with a value) and module-level names. After one edit, a candidate's findings
// are reused when its chunk's text only moved, the chunk's candidates and hot code are the same, and everything it
// depends on, followed through those readers, is untouched: every chunk only moved with the same hot code, no
// whole-text regex matches the edited lines before or after the edit, every probe that meets them gives the same
// value on both texts, and no module-level name is written in module code the edit changed. Everything else is
// evaluated again, so the result equals a full lint. The readers a reused candidate depends on are carried into
// the next snapshot (renumbered, merged with what this run's reader of the same id read), so the next edit checks
// the same things again.
import type { Finding, IncrementalEdit, TextRange } from '../types';
import { candidateReader, chunkOfReader, chunkReader, type ChunkReads, type TextProbe } from './facts/readLog';
import type { ChunkSummary } from './chunkCalls';
import type { ChunkScan } from './chunkScan';
import type { ChunkOps } from './operatorScan';
import { editedUnit, sameWindowMatches, shiftedSig, touchesRow, type TriviaEdit } from './triviaEdit';
import { startsOf, type ChunkMap, type ChunkSpan } from './reuseMoves';

export type { ChunkSpan };

export type { ChunkReads };

/** What one run leaves for the next; closures are computed only when an edit asks. */
export interface LintSnapshot {
  text: string;
  /** The active rules and the file-level facts (FileFacts.fileLevelKey): reuse needs both equal. */
  key: string;
  /** The read units (FactCollection.units): top-level chunks, with classes split into header and members. */
  chunks: ChunkSpan[];
  /** The top-level chunks (ChunkCalls summaries are per top-level chunk). */
  topChunks: ChunkSpan[];
  candSigs: string[];
  hotSigs: string[];
  /** Per reader (readLog.ts: chunkReader / candidateReader), what it read. */
  reads: Map<number, ChunkReads>;
  /** Findings of cacheable rules, per chunk and candidate (in the chunk's candidate order), in this text's coordinates. */
  buckets: Finding[][][];
  /** Per top-level chunk, its calls and the name it defines, where asked (chunkCalls.ts). */
  calls: ChunkSummary[];
  /** Per top-level chunk, what the token scan found in it (chunkScan.ts), for the scanner `scanKey` (the rules). */
  scans: ChunkScan[];
  scanKey: string;
  /** Per top-level chunk, the operations found in its hot code (operatorScan.ts). */
  ops: (ChunkOps | undefined)[];
  /** Candidates (their readers) whose visit read more than the facts track (ctx.untracked()): never reused. */
  volatile: Set<number>;
  /** Where each line of `text` starts, once asked (the next edit's reuse check needs them). */
  starts?: number[];
}

export interface Reuse {
  /**
   * New chunk index → per candidate, its findings shifted to the new text (undefined: evaluate it again). A sparse
   * array, not a Map: it is filled for most units on every keystroke.
   */
  findings: (Finding[] | undefined)[][];
  /**
   * New reader → its old reads, renumbered, for every reader a reused candidate depends on (the candidate itself
   * included): the next edit checks them again. The engine merges them with this run's reads of the same reader.
   */
  reads: Map<number, ChunkReads>;
  /** Chunks all of whose candidates (if any) took their findings from the previous run. */
  chunks: number;
  /** Candidates that took their findings from the previous run. */
  candidates: number;
}

/** Reader `r` (of some chunk) as the same reader of chunk `to`: a candidate keeps its index, a chunk reader stays one. */
function sameReaderOf(to: number, r: number): number {
  return chunkReader(to) + (r - chunkReader(chunkOfReader(r)));
}

/** Lines first..last of `text` (clamped). */
function lines(text: string, starts: number[], first: number, last: number): string {
  const a = starts[Math.max(0, first)] ?? text.length;
  const b = last + 1 < starts.length ? starts[last + 1] : text.length;
  return text.slice(a, b);
}

/** How many candidates a chunk's candidate signature lists (one `offset+type,` each). */
function countOf(sig: string): number {
  let n = 0;
  for (let at = sig.indexOf(','); at >= 0; at = sig.indexOf(',', at + 1)) n++;
  return n;
}

/**
 * A snapshot's reads as a dependency graph, walked while one edit is checked. Its nodes are readers (what each
 * read must be untouched: `readerOk`) and chunks (each must only have moved with the same hot code: `chunkOk`).
 * A reader depends on the chunks it read, on each such chunk's own reader (which answered the questions asked of
 * that chunk from elsewhere) and on the readers whose kept answers it took. A node is good when every node it
 * reaches is; nodes found good are kept, so each is walked once per edit after its first good answer.
 */
class ReadGraph {
  private good = new Set<number>();
  private bad = new Set<number>();

  constructor(
    private snap: LintSnapshot,
    private chunkOk: (c: number) => boolean,
    private readerOk: (r: ChunkReads) => boolean,
  ) {}

  /** Chunk c as a node: below every reader id. */
  private static chunkNode(c: number): number {
    return -1 - c;
  }

  private locallyOk(node: number): boolean {
    if (node < 0) return this.chunkOk(-1 - node);
    // A reader of a chunk that did not only move is gone (and its chunk node fails too).
    if (!this.chunkOk(chunkOfReader(node))) return false;
    const reads = this.snap.reads.get(node);
    return !reads || this.readerOk(reads);
  }

  /** Does everything `reader` depends on stay untouched? */
  ok(reader: number): boolean {
    if (this.good.has(reader)) return true;
    if (this.bad.has(reader)) return false;
    // One set and stack for every call (this runs for each candidate of the file, per keystroke).
    const seen = this.seen;
    const todo = this.todo;
    seen.clear();
    todo.length = 0;
    seen.add(reader);
    todo.push(reader);
    while (todo.length) {
      const n = todo.pop()!;
      if (this.good.has(n)) continue;
      if (this.bad.has(n)) {
        this.bad.add(reader);
        return false;
      }
      if (!this.locallyOk(n)) {
        // Only n and the start are known bad: other nodes seen may not reach n.
        this.bad.add(n);
        this.bad.add(reader);
        return false;
      }
      if (n < 0) continue;
      const reads = this.snap.reads.get(n);
      if (!reads) continue;
      for (const c of reads.chunks) {
        this.next(ReadGraph.chunkNode(c));
        if (this.snap.reads.has(chunkReader(c))) this.next(chunkReader(c));
      }
      for (const q of reads.readers) this.next(q);
    }
    for (const n of seen) this.good.add(n);
    return true;
  }

  private seen = new Set<number>();
  private todo: number[] = [];

  private next(m: number): void {
    if (!this.seen.has(m)) {
      this.seen.add(m);
      this.todo.push(m);
    }
  }

  /** Readers found good so far: when only reused candidates were asked about, exactly what they depend on. */
  goodReaders(): number[] {
    return [...this.good].filter((n) => n >= 0);
  }
}

/**
 * A regex's source and flags as one string, kept per regex object: reads carried over many edits hold regexes of
 * many runs (each run's FileFacts makes its own), and building and hashing a fresh key string for each of them per
 * edit cost more than the tests themselves. A kept string hashes once.
 */
const regexKeys = new WeakMap<RegExp, string>();
function regexKey(re: RegExp): string {
  let key = regexKeys.get(re);
  if (key === undefined) regexKeys.set(re, (key = `${re.source}/${re.flags}`));
  return key;
}

/**
 * `re` without the g/y flags, compiled once per source and flags: each run's FileFacts makes its own regex objects,
 * and compiling them again for every edit cost more than testing them on the edited lines.
 */
const plainRegexes = new Map<string, RegExp>();
function plainRegex(key: string, re: RegExp): RegExp {
  let plain = plainRegexes.get(key);
  if (!plain) {
    if (plainRegexes.size > 5000) plainRegexes.clear(); // a long session over many files: stay bounded
    plainRegexes.set(key, (plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ''))));
  }
  return plain;
}

/**
 * A probe's value on `text`, remembering the last text asked: the next edit asks about that text as its old one
 * (a probe's whole-text question can cost milliseconds on a large file).
 */
const probeValues = new WeakMap<TextProbe, { text: string; value: string }>();
function probeValue(p: TextProbe, text: string): string {
  const last = probeValues.get(p);
  if (last && last.text === text) return last.value;
  const value = p.value(text);
  probeValues.set(p, { text, value });
  return value;
}

/**
 * A Python identifier `name` as a whole word (identifiers may hold letters and digits of any script), compiled once
 * per name: a pattern with Unicode classes costs more to compile than to run over the edited module code.
 */
const wordPatterns = new Map<string, RegExp>();
function wordPattern(name: string): RegExp {
  let re = wordPatterns.get(name);
  if (!re) {
    if (wordPatterns.size > 5000) wordPatterns.clear(); // a long session over many files: stay bounded
    const word = '[\\p{L}\\p{N}\\p{M}\\p{Pc}]';
    wordPatterns.set(name, (re = new RegExp(`(?<!${word})${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?!${word})`, 'u')));
  }
  return re;
}

/**
 * The text of the module code (non-definition chunks) an edit changed: the old chunks it did not only move, and
 * the new chunks that are not an old one moved. A module-level binding of a name that appears, disappears or
 * changes is written there (a definition binds nothing at module level but its name, which is not looked up here;
 * a definition the edit turned into module code is a new module chunk).
 */
function changedModuleText(prev: LintSnapshot, cur: Pick<LintSnapshot, 'text' | 'chunks'>, mapped: ChunkMap): string {
  const kept = new Uint8Array(cur.chunks.length);
  mapped.forEach((j) => (kept[j] = 1));
  const parts: string[] = [];
  prev.chunks.forEach((c, i) => {
    if (!c.isDef && !mapped.has(i)) parts.push(prev.text.slice(c.start, c.end));
  });
  cur.chunks.forEach((c, j) => {
    if (!c.isDef && !kept[j]) parts.push(cur.text.slice(c.start, c.end));
  });
  return parts.join('\n');
}

function shiftRange(r: TextRange, afterRow: number, rowDelta: number): TextRange {
  return r.startLine > afterRow ? { ...r, startLine: r.startLine + rowDelta, endLine: r.endLine + rowDelta } : r;
}

function shiftFinding(f: Finding, afterRow: number, rowDelta: number): Finding {
  if (rowDelta === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, afterRow, rowDelta),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: shiftRange(e.range, afterRow, rowDelta) })) })),
  };
}

/**
 * Which chunks of the new run can take their findings from `prev`. `cur` describes the new run the same
 * way the snapshot describes the old one; `mapped` is movedChunks(prev, edits, cur.chunks).
 */
export function reusableChunks(prev: LintSnapshot, edits: IncrementalEdit[] | undefined, cur: Omit<LintSnapshot, 'reads' | 'buckets' | 'calls' | 'volatile' | 'scans' | 'scanKey' | 'ops'>, mapped: ChunkMap | null, trivia: TriviaEdit | null = null): Reuse | null {
  if (!edits || edits.length !== 1 || !mapped || prev.key !== cur.key) return null;
  const e = edits[0];
  const oldStarts = startsOf(prev);
  const newStarts = startsOf(cur);
  const rowDelta = e.newEndPosition.row - e.oldEndPosition.row;
  if (!mapped.size) return null;
  // A unit whose only change is a trivia edit (triviaEdit.ts: inside a comment or docstring, or a blank line's spaces)
  // counts as moved when its candidates and hot code are the same, shifted: what it answers is then the same, and it
  // binds the same module names (an early cutoff for its readers elsewhere).
  const edited = trivia ? editedUnit(prev.chunks, cur.chunks, trivia) : null;
  const linked = edited ? mapped.with(edited.old, edited.cur) : mapped;
  // An edit can change the meaning of text far away (an opened string or bracket): those chunks no longer
  // map, and every chunk that read them is evaluated again (closure check below).
  // The edited lines (plus one either side, for patterns that reach across a line end), before and after.
  const oldWindow = lines(prev.text, oldStarts, e.startPosition.row - 1, e.oldEndPosition.row + 1);
  const newWindow = lines(cur.text, newStarts, e.startPosition.row - 1, e.newEndPosition.row + 1);
  const regexHits = new Map<string, boolean>();
  const hitsOf = new Map<RegExp, boolean>(); // the same answers by object: most regexes are asked many times
  const touched = (re: RegExp) => {
    let hit = hitsOf.get(re);
    if (hit !== undefined) return hit;
    const key = regexKey(re);
    hit = regexHits.get(key);
    if (hit === undefined) {
      const plain = plainRegex(key, re);
      hit = plain.test(oldWindow) || plain.test(newWindow);
      regexHits.set(key, hit);
    }
    hitsOf.set(re, hit);
    return hit;
  };
  // After a trivia edit, a regex that matches the edited lines is still untouched when its matches there are the same
  // (shifted), groups included: `def read(` beside a blank line that gained a space. Its whole-text matches are then the
  // same, as when it matches neither window.
  const edgeInWindow = trivia ? trivia.start - (oldStarts[Math.max(0, e.startPosition.row - 1)] ?? 0) : 0;
  const sameMatches = new Map<string, boolean>();
  const regexTouched = !trivia
    ? touched
    : (re: RegExp) => {
        if (!touched(re)) return false;
        const key = regexKey(re);
        let same = sameMatches.get(key);
        if (same === undefined) sameMatches.set(key, (same = sameWindowMatches(key, re, oldWindow, newWindow, edgeInWindow, trivia)));
        return !same;
      };
  /** Per probe: whether it gives the same value on both texts; asked only when the edit meets its trigger. */
  const probeSame = new Map<TextProbe, boolean>();
  const sameValue = (p: TextProbe) => {
    if (!touched(p.trigger)) return true;
    let same = probeSame.get(p);
    if (same === undefined) probeSame.set(p, (same = probeValue(p, prev.text) === probeValue(p, cur.text)));
    return same;
  };
  let changedModule: string | undefined; // asked once per edit, by the first chunk that looked up a module name
  const nameSame = new Map<string, boolean>();
  const unwritten = (name: string) => {
    let same = nameSame.get(name);
    if (same === undefined) nameSame.set(name, (same = !wordPattern(name).test((changedModule ??= changedModuleText(prev, cur, linked)))));
    return same;
  };
  const sameHot = (c: number, nc: number) => (edited?.old === c ? shiftedSig(prev.hotSigs[c], prev.chunks[c].start, trivia!) === cur.hotSigs[nc] : prev.hotSigs[c] === cur.hotSigs[nc]);
  /** Unit `c` only moved with the same hot code (and, for a class member, so did its class's header). */
  const moved = (c: number): boolean => {
    const nc = linked.get(c);
    if (nc === undefined || !sameHot(c, nc)) return false;
    const h = prev.chunks[c].header ?? -1;
    return h < 0 || moved(h);
  };
  /** No regex, probe or module-level name of one reader's reads meets the edit (asked once per reads per edit). */
  const cleanMemo = new Map<ChunkReads, boolean>();
  const clean = (r: ChunkReads) => {
    let ok = cleanMemo.get(r);
    if (ok === undefined) {
      ok = true;
      for (const re of r.regexes) if (regexTouched(re)) ok = false;
      if (ok) for (const p of r.probes) if (!sameValue(p)) ok = false;
      if (ok) for (const n of r.names) if (!unwritten(n)) ok = false;
      cleanMemo.set(r, ok);
    }
    return ok;
  };
  const graph = new ReadGraph(prev, moved, clean);
  const out: Reuse = { findings: [], reads: new Map(), chunks: 0, candidates: 0 };
  let units = 0;
  linked.forEach((j, i) => {
    const sig = edited?.old === i ? shiftedSig(prev.candSigs[i], prev.chunks[i].start, trivia!) : prev.candSigs[i];
    if (sig !== cur.candSigs[j] || !moved(i)) return;
    const list = prev.buckets[i] ?? [];
    const count = countOf(prev.candSigs[i]);
    const found: (Finding[] | undefined)[] = [];
    let all = true;
    for (let k = 0; k < count; k++) {
      const reader = candidateReader(i, k);
      // After a trivia edit, findings on its row may have moved along it: evaluated again.
      if (prev.volatile.has(reader) || !graph.ok(reader) || (trivia && (list[k] ?? []).some((f) => touchesRow(f, trivia.row)))) {
        all = false;
        continue;
      }
      // Findings sit in chunks that did not share a line with the edit; shift those after it.
      found[k] = (list[k] ?? []).map((f) => shiftFinding(f, e.oldEndPosition.row, rowDelta));
      out.candidates++;
    }
    out.findings[j] = found;
    units++;
    if (all) out.chunks++;
  });
  // Every reader the reused candidates depend on goes into the next snapshot, renumbered: the old readers are gone
  // after this run, and the next edit must check the same things. Each sits in a chunk that only moved.
  const renumber = (r: number) => sameReaderOf(linked.get(chunkOfReader(r))!, r);
  const kept = (c: number) => linked.get(c) === c;
  for (const r of graph.goodReaders()) {
    const reads = prev.reads.get(r);
    if (!reads) continue;
    // Most edits number every unit as before: then the reads go on as they are (the snapshots only read them).
    let same = kept(chunkOfReader(r));
    for (const c of reads.chunks) if (same && !kept(c)) same = false;
    for (const q of reads.readers) if (same && !kept(chunkOfReader(q))) same = false;
    if (same) {
      out.reads.set(r, reads);
      continue;
    }
    const chunks = new Set<number>();
    for (const c of reads.chunks) chunks.add(linked.get(c)!);
    const readers = new Set<number>();
    for (const q of reads.readers) readers.add(renumber(q));
    out.reads.set(renumber(r), { chunks, readers, regexes: reads.regexes, probes: reads.probes, names: reads.names });
  }
  return units ? out : null;
}
