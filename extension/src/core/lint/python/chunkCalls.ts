// The call graph of top-level chunks that hot-code propagation (hotCode.ts) follows from caller to callee and back:
// the plain calls (`name(`, not `obj.name(`) each chunk makes and the name a definition chunk defines. Found once
// per chunk, on demand, and carried over to the next re-lint for chunks an edit only moved (their text and tree are
// the same: see movedChunks in reuse.ts), so typing in one function searches that function again, not the whole
// file once per propagation round.
//
// Equal to searching the whole text for `\bname[ \t]*\(` not preceded by `.`: such a match is a whole word (an
// ASCII name followed by a non-word character), it starts inside one chunk, and two calls never overlap. A name with
// non-ASCII letters is not a `\w+` word, so hotCode.ts searches those few names in the text itself.

import type { Node } from 'web-tree-sitter';

/** `\w` (no u flag) for one character code: a table here, as these loops ask it for every character of a name. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const isWord = (c: number): boolean => c < 128 && WORD_CHAR[c] === 1;

/** Where the line holding `end` ends: searches through it see whole the one-line matches that start before `end`. */
function lineStop(text: string, end: number): number {
  const lineEnd = text.indexOf('\n', end);
  return lineEnd < 0 ? text.length : lineEnd;
}

/** Names made of ASCII word characters only: the ones a chunk's call list can hold. */
export const ASCII_NAME = /^\w+$/;

/**
 * What hot-code propagation (hotCode.ts) reads of a class chunk's method segments, relative to the chunk: a function
 * of the chunk's text alone, filled per segment as asked. Segment k is [starts[k], starts[k + 1] or the chunk's end).
 */
export interface ClassSegments {
  starts: number[];
  /** The method a segment defines, then the attributes it fills (`self.x = …`, `self.x.append(…)`). */
  exports: (string[] | undefined)[];
  /** Attributes read (`self.x`). */
  reads: (Set<string> | undefined)[];
  /** Methods called on self (`self.add(…)`). */
  selfCalls: (Set<string> | undefined)[];
  /** Plain calls (`name(`), as ChunkCalls.of finds them. */
  calls: (readonly string[] | undefined)[];
}

/**
 * The distinct names called (`word(`, word ASCII, not after a `.`) by calls starting in [start, end) of `text`: the
 * matches of `\b(\w+)[ \t]*\(` there, found from each `(` back over spaces and tabs to a maximal word (the regex's
 * `\b` plus greedy `\w+` match exactly that word; two matches never share a `(`), which is several times cheaper than
 * the regex (it tries every word of the text, backtracking through each).
 */
export function callsIn(text: string, start: number, end: number): string[] {
  // To the end of the last line: a call whose word starts inside is matched whole (`[ \t]*` never crosses a line).
  const stop = lineStop(text, end);
  const seen = new Set<string>();
  for (let p = text.indexOf('(', start); p >= 0 && p < stop; p = text.indexOf('(', p + 1)) {
    let wordEnd = p;
    for (let c = text.charCodeAt(wordEnd - 1); c === 32 || c === 9; c = text.charCodeAt(wordEnd - 1)) wordEnd--;
    let at = wordEnd;
    while (at > 0 && isWord(text.charCodeAt(at - 1))) at--;
    // A word that starts before `start` is not a match there (no `\b` inside a word); past `end`, not this range's.
    if (at === wordEnd || at < start || at >= end) continue;
    if (at > 0 && text.charCodeAt(at - 1) === 46 /* . */) continue;
    seen.add(text.slice(at, wordEnd));
  }
  return [...seen];
}

/** What is known of one chunk; a field is undefined until asked. */
export interface ChunkSummary {
  calls?: readonly string[];
  /** The name a def/class chunk defines (null: none, or a module chunk). */
  name?: string | null;
  /** The methods a class chunk defines (indented `def`s, first occurrence order); null for other chunks. */
  methods?: readonly string[] | null;
  /** A class chunk's method segments (hotCode.ts). */
  segments?: ClassSegments;
  /** Names called as methods (`.name(`) and passed as arguments (`f(name)`, `key=name`): hotCode.ts's searches. */
  methodCalls?: readonly string[];
  refs?: readonly string[];
}

/**
 * The distinct first groups of the matches of the global regex `re` that start in [start, end) of `text`, in order
 * of first match: the same matches as running `re` over the whole text from `start`, for a pattern whose matches
 * (lookahead included) stay on one line, so the text through the end of the last line holds them whole.
 */
function firstGroupsIn(re: RegExp, text: string, start: number, end: number): string[] {
  const stretch = text.slice(start, lineStop(text, end));
  const seen = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(stretch); m && start + m.index < end; m = re.exec(stretch)) seen.add(m[1]);
  return [...seen];
}

/** `.name(`: a method call (hotCode.ts follows it to the classes defining the method). */
const METHOD_CALL = /\.[ \t]*(\w+)[ \t]*\(/g;
/** A name passed as an argument or keyword value (`map(parse, lines)`, `key=price_of`): called back with data. */
const PASSED_NAME = /[(,=][ \t]*([A-Za-z_]\w*)[ \t]*(?=[,)])/g;

const isBlank = (c: number): boolean => c === 32 || c === 9;

/**
 * The line break before the keyword at `at` when only `[ \t]+` (and, with `afterAsync`, `async[ \t]+` after them)
 * stands between them, the line break at or after `start`; -1 otherwise.
 */
export function indentBreak(text: string, start: number, at: number, afterAsync: boolean): number {
  let k = at;
  while (k > start && isBlank(text.charCodeAt(k - 1))) k--;
  if (k === at) return -1;
  if (afterAsync && text.charCodeAt(k - 1) !== 10 /* \n */) {
    // `async[ \t]+def`: back over the keyword and the indentation before it.
    if (k - 5 < start || !text.startsWith('async', k - 5)) return -1;
    const a = (k -= 5);
    while (k > start && isBlank(text.charCodeAt(k - 1))) k--;
    if (k === a) return -1;
  }
  return k > start && text.charCodeAt(k - 1) === 10 ? k - 1 : -1;
}

/**
 * The distinct names of the indented `def`s (`\n[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)`, the line break in [start, end),
 * the text read through the end of the line holding `end`), in order: hotCode.ts's method index. Found from each
 * `def` in the text and a check of the line around it, three times cheaper than that regex, which tried every line.
 * A line holds at most one match (it starts at the line's break), and this finds the same one.
 */
export function indentedDefs(text: string, start: number, end: number): string[] {
  const stop = lineStop(text, end);
  const seen = new Set<string>();
  for (let d = text.indexOf('def', start); d >= 0 && d < stop; d = text.indexOf('def', d + 3)) {
    // (a line break before `stop` is before `end`: `stop` is the first one at or after it)
    if (indentBreak(text, start, d, true) < 0) continue;
    // Forward over `[ \t]+` to the name.
    let n = d + 3;
    while (n < stop && isBlank(text.charCodeAt(n))) n++;
    if (n === d + 3) continue;
    let w = n;
    while (w < stop && isWord(text.charCodeAt(w))) w++;
    if (w > n) seen.add(text.slice(n, w));
  }
  return [...seen];
}

export class ChunkCalls {
  private readonly known: ChunkSummary[];

  /** `carried[i]`: chunk i's summary from the previous run (chunks that only moved), or undefined. */
  constructor(
    private readonly text: string,
    private readonly chunks: readonly { start: number; end: number; isDef: boolean; node: Node }[],
    carried?: (ChunkSummary | undefined)[],
  ) {
    this.known = chunks.map((_, i) => ({ ...carried?.[i] }));
  }

  /** The distinct names chunk `i` calls, in order of first call. */
  of(i: number): readonly string[] {
    const k = this.known[i];
    if (!k.calls) k.calls = callsIn(this.text, this.chunks[i].start, this.chunks[i].end);
    return k.calls;
  }

  /** Class chunk `i`'s method segments (`make` finds them the first time; carried over while the chunk only moves). */
  segmentsOf(i: number, make: () => ClassSegments): ClassSegments {
    return (this.known[i].segments ??= make());
  }

  /** The distinct names chunk `i` calls as methods (`.name(`), in order of first call. */
  methodCallsOf(i: number): readonly string[] {
    const k = this.known[i];
    return (k.methodCalls ??= firstGroupsIn(METHOD_CALL, this.text, this.chunks[i].start, this.chunks[i].end));
  }

  /** The distinct names chunk `i` passes as arguments or keyword values, in order of first mention. */
  refsOf(i: number): readonly string[] {
    const k = this.known[i];
    return (k.refs ??= firstGroupsIn(PASSED_NAME, this.text, this.chunks[i].start, this.chunks[i].end));
  }

  /** The name definition chunk `i` defines (`def load`, `class Reader`, decorated or not); null for module code. */
  nameOf(i: number): string | null {
    const k = this.known[i];
    if (k.name === undefined) {
      const c = this.chunks[i];
      const n = !c.isDef ? null : c.node.type === 'decorated_definition' ? c.node.childForFieldName('definition') : c.node;
      k.name = n?.childForFieldName('name')?.text ?? null;
    }
    return k.name;
  }

  /** The names of the methods class chunk `i` defines (indentedDefs; null when `isClass` says it is no class). */
  methodsOf(i: number, isClass: () => boolean): readonly string[] | null {
    const k = this.known[i];
    if (k.methods === undefined) {
      const c = this.chunks[i];
      if (!c.isDef || !isClass()) k.methods = null;
      else k.methods = indentedDefs(this.text, c.start, c.end);
    }
    return k.methods;
  }

  /** What the next run can carry over. */
  snapshot(): ChunkSummary[] {
    return this.known;
  }
}
