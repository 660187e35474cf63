// Whole-file indexes of definition lines (`class X`, `def f`, indented `def m`) and of `self.<attr>` targets, each
// giving exactly what its regex in collection.ts gave (named beside each function), found with indexOf. Those
// regexes start with `^` under the m flag or with a common word, and V8 tries them at nearly every position of
// the text; here only the positions of the keyword are checked.

/** A regex word character (`\w` without the u flag). */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const isBlank = (c: number) => c === 32 || c === 9;

/** Where `^` matches under the m flag: the text's start, or after \n, \r, U+2028 or U+2029. */
function atLineStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** `[ \t]+(\w+)` at `at`: the word, or null. */
function blanksThenWord(text: string, at: number): string | null {
  let k = at;
  while (isBlank(text.charCodeAt(k))) k++;
  if (k === at) return null;
  let e = k;
  while (isWord(text.charCodeAt(e))) e++;
  return e > k ? text.slice(k, e) : null;
}

/** `/^class[ \t]+(\w+)/gm`: each class line's start and name. */
export function eachClassLine(text: string, visit: (at: number, name: string) => void): void {
  for (let at = text.indexOf('class'); at >= 0; at = text.indexOf('class', at + 5)) {
    if (!atLineStart(text, at)) continue;
    const name = blanksThenWord(text, at + 5);
    if (name !== null) visit(at, name);
  }
}

/**
 * The last text's class base lists: for each match of `^class[ \t]+\w+[ \t]*\(` (m flag), where the `[^)]*` after it
 * starts and ends (the next `)`, or the text's end), as start, end pairs. Kept for the file's many per-name questions
 * (textScans.ts namedAmongBases).
 */
let lastBases: { text: string; spans: number[] } | null = null;

export function classBaseSpans(text: string): number[] {
  if (lastBases?.text === text) return lastBases.spans;
  const spans: number[] = [];
  for (let at = text.indexOf('class'); at >= 0; at = text.indexOf('class', at + 5)) {
    if (!atLineStart(text, at)) continue;
    let k = at + 5;
    while (isBlank(text.charCodeAt(k))) k++;
    if (k === at + 5) continue;
    const word = k;
    while (isWord(text.charCodeAt(k))) k++;
    if (k === word) continue;
    while (isBlank(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 40 /* ( */) continue;
    const close = text.indexOf(')', k + 1);
    spans.push(k + 1, close < 0 ? text.length : close);
  }
  lastBases = { text, spans };
  return spans;
}

/**
 * `def` lines: `/^(?:async[ \t]+)?def[ \t]+(\w+)/gm` (`indented` false: at the line's start, reported there) or
 * `/^[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)/gm` (`indented` true), with the defined name.
 */
export function defLines(text: string, indented: boolean, visit: (lineStart: number, name: string) => void): void {
  for (const d of defsOf(text)) {
    const start = indented ? d.indentedStart : d.lineStart;
    if (start >= 0) visit(start, d.name);
  }
}

/** A `def` followed by blanks and a word, with where each of defLines' two patterns would start its match (or -1). */
interface DefWord {
  name: string;
  lineStart: number;
  indentedStart: number;
}

/**
 * The last text's `def`s: a file's facts ask for both kinds of def line (collection.ts: its functions, its classes'
 * methods), and one pass over the text serves both (the text's `def`s, in `default`, `undefined`…, are many).
 */
let lastDefs: { text: string; defs: DefWord[] } | null = null;

function defsOf(text: string): DefWord[] {
  if (lastDefs?.text === text) return lastDefs.defs;
  const defs: DefWord[] = [];
  for (let at = text.indexOf('def'); at >= 0; at = text.indexOf('def', at + 3)) {
    const name = blanksThenWord(text, at + 3);
    if (name !== null) defs.push({ name, lineStart: lineStartOf(text, at), indentedStart: indentedStart(text, at) });
  }
  lastDefs = { text, defs };
  return defs;
}

/** For `def` at `at`: where `^(?:async[ \t]+)?` starts, or -1. */
function lineStartOf(text: string, at: number): number {
  if (atLineStart(text, at)) return at;
  let k = at;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  return k < at && k >= 5 && text.startsWith('async', k - 5) && atLineStart(text, k - 5) ? k - 5 : -1;
}

/** For `def` at `at`: where `^[ \t]+(?:async[ \t]+)?` starts, or -1. */
function indentedStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  if (k === at) return -1;
  if (atLineStart(text, k)) return k;
  if (k < 5 || !text.startsWith('async', k - 5)) return -1;
  let j = k - 5;
  const asyncAt = j;
  while (j > 0 && isBlank(text.charCodeAt(j - 1))) j--;
  return j < asyncAt && atLineStart(text, j) ? j : -1;
}

/** What may follow a `self.<attr>` binding (collection.ts SELF_BINDING's lookahead). */
const SELF_TARGET_AFTER = /\s*[=+\-*/%@&|^<>:,)\]}#\\.[]|\s+in\b/y;

/** `/\bself\.(\w+)(?=\s*[=+\-*\/%@&|^<>:,)\]}#\\.[]|\s+in\b)/g`: the attribute names, match by match. */
export function selfBindingNames(text: string, visit: (name: string) => void): void {
  const { at, end } = selfMentionSpans(text);
  let next = 0;
  for (let i = 0; i < at.length; i++) {
    // a global regex goes on after its match: `self.self.x = 1` matches `self.self` only
    if (at[i] < next || end[i] === at[i] + 5) continue;
    SELF_TARGET_AFTER.lastIndex = end[i];
    // (a shorter word would be followed by a word character, which the lookahead never accepts)
    if (SELF_TARGET_AFTER.test(text)) {
      visit(text.slice(at[i] + 5, end[i]));
      next = end[i];
    }
  }
}

/** Each `self.` not preceded by a word character (`at`), and the end of the word after it (`end`; none: at + 5). */
export interface SelfMentionSpans {
  at: number[];
  end: number[];
}

/**
 * The last text's `self.` mentions: one pass serves both whole-file questions about them (selfBindingNames, and
 * nameSearch.ts selfMentions), which a file with classes asks one after the other; `self.` occurs on most lines.
 */
let lastSelf: { text: string; spans: SelfMentionSpans } | null = null;

export function selfMentionSpans(text: string): SelfMentionSpans {
  if (lastSelf?.text === text) return lastSelf.spans;
  const spans: SelfMentionSpans = { at: [], end: [] };
  // Found by their `f.` (indexOf stops at every `s` of a search for `self.`, and `s` is a common letter).
  for (let q = text.indexOf('f.', 3); q >= 0; q = text.indexOf('f.', q + 1)) {
    const at = q - 3;
    if (!text.startsWith('sel', at) || (at > 0 && isWord(text.charCodeAt(at - 1)))) continue;
    let e = at + 5;
    while (isWord(text.charCodeAt(e))) e++;
    spans.at.push(at);
    spans.end.push(e);
  }
  lastSelf = { text, spans };
  return spans;
}
