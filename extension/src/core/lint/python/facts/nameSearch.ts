// Text searches for one name (its calls, references, method calls, `def` lines, `self.<name>` targets), each
// giving exactly the positions its regex in collection.ts would match, found with indexOf and a check of the few
// characters around each hit. The facts ask such questions for hundreds of names per file; a regex per name is
// compiled, and first run by V8's regex interpreter, over the whole text each time, which cost more than all the
// answers it fed. Names that are not plain ASCII words return null: the caller runs its regex then. A file's facts
// keep one TextWords for all their questions (textScans.ts); other callers pass the text itself.

import { firstAtOrAfter } from '../../rangeSearch';
import { selfMentionSpans } from './definitionLines';

/** A name whose regex is its literal text and whose every character is a regex word character. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name);
}

/** A regex word character (`\w` without the u flag). */
export function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

// ---- Where each name asked about occurs in a file as a whole word, found once per name for every kind of question
// below (calls, references, method calls, bindings, `def`s). Each of those questions' regexes only matches a plain
// name standing as a whole word (no `\w` character on either side), so they all filter this one list. Searching
// the whole text once per name and kind was most of their cost: each kind scanned again. Each list is searched only
// as far as some question has needed (a question stops at its first few hits), and later questions go on from there.
// (An index of every word of the text, built once per file, cost more than the searches it saved: V8's indexOf
// passes over the text several times faster than a loop in JS that hashes every word.)

/** A name's whole-word occurrences found so far: all of those starting before `searched`, in text order. */
interface Occurrences {
  at: number[];
  /** indexOf goes on from here (the text's length: all found). */
  searched: number;
  /** What indexOf looks for: the name from its rarest character on (see rarestFrom), `from` characters in. */
  tail: string;
  from: number;
}

/**
 * Word characters from the most to the least frequent in Python code (counted over the standard library). indexOf
 * stops at each occurrence of its needle's first character: a name searched from its rarest character on (`get`
 * from `g`, `result` from `u`) makes it stop less often.
 */
const BY_FREQUENCY = 'etsrnaioldfc_upmh0gTxbEyAILwNRvkSCO1DP2MFHUGB35W4j869zqV7KXYZQJ';
const RARITY = new Uint8Array(128);
for (let i = 0; i < BY_FREQUENCY.length; i++) RARITY[BY_FREQUENCY.charCodeAt(i)] = i;

/** Where in `name` (plain) its rarest character is (the first of equals). */
function rarestFrom(name: string): number {
  let best = 0;
  for (let i = 1; i < name.length; i++) if (RARITY[name.charCodeAt(i)] > RARITY[name.charCodeAt(best)]) best = i;
  return best;
}

export class TextWords {
  private byName = new Map<string, Occurrences>();

  constructor(readonly text: string) {}

  /**
   * Each place where `name` (a plain name) occurs with no word character just before or after it, within
   * [from, to), in text order; `visit` returns false to stop.
   */
  each(name: string, from: number, to: number, visit: (at: number) => boolean | void): void {
    const text = this.text;
    let o = this.byName.get(name);
    if (!o) {
      const k = rarestFrom(name);
      this.byName.set(name, (o = { at: [], searched: 0, tail: name.slice(k), from: k }));
    }
    const list = o.at;
    let i = firstAtOrAfter(list, from);
    for (;;) {
      if (i === list.length) {
        // found so far are all behind: search on (from the earlier end, so the list has no gap)
        if (o.searched >= text.length) return;
        const q = text.indexOf(o.tail, o.searched + o.from);
        const at = q - o.from;
        o.searched = q < 0 ? text.length : at + 1;
        if (q < 0 || (o.from > 0 && !text.startsWith(name, at)) || !isWholeWord(text, at, name.length)) continue;
        list.push(at);
      }
      const at = list[i++];
      if (at >= to) return;
      if (at >= from && visit(at) === false) return;
    }
  }
}

/** `\s`, for one character. */
const SPACE = /\s/;
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 10 && c < 14) || (c > 127 && SPACE.test(text[i]));
}

const OPEN_PAREN_AFTER = /\s*\(/y;
/** What may not follow a reference (`(?!\s*[(=\w.])`): a call, an assignment, a longer name or an attribute. */
const NOT_A_REFERENCE_AFTER = /\s*[(=\w.]/y;
/** What follows a possible `self.<attr>` target (collection.ts ensureBindingMembers). */
const TARGET_AFTER = /\s*[=+\-*/%@&|^<>:,)\]}#\\]|\s+in\b/y;

function sticky(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** `\s*\(` at `at` (the regex only past a space: most hits are followed by `(` or a plain character). */
function parenAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 40 /* ( */) return true;
  return isSpace(text, at) && sticky(OPEN_PAREN_AFTER, text, at);
}

/** Every start position of `needle` in `text` within [from, to), in text order; `visit` returns false to stop. */
function eachHit(text: string, needle: string, from: number, to: number, visit: (at: number) => boolean | void): void {
  for (let at = text.indexOf(needle, from); at >= 0 && at < to; at = text.indexOf(needle, at + 1)) {
    if (visit(at) === false) return;
  }
}

/** A text, or its words (TextWords) when the caller keeps them for many questions. */
export type Searched = string | TextWords;

/**
 * The whole-word occurrences of plain name `name` within [from, to), in text order, that `ok` accepts; `visit`
 * returns false to stop. For the patterns below, every match stands as a whole word (the needle is preceded by
 * a non-word character and followed by one), so no accepted hit lies inside an earlier one: these are the
 * matches a global regex finds. A bare text is searched by indexOf as far as needed (one question); TextWords
 * gives the list it keeps for every question about the name.
 */
function eachWordHit(src: Searched, name: string, from: number, to: number, ok: (at: number) => boolean, visit: (at: number) => boolean | void): void {
  if (typeof src === 'string') {
    eachHit(src, name, from, to, (at) => {
      if (isWholeWord(src, at, name.length) && ok(at)) return visit(at);
    });
    return;
  }
  src.each(name, from, to, (at) => (ok(at) ? visit(at) : true));
}

/** No word character just before `at` or just after the `len` characters there. */
function isWholeWord(text: string, at: number, len: number): boolean {
  return (at === 0 || !isWord(text.charCodeAt(at - 1))) && !isWord(text.charCodeAt(at + len));
}

const textOf = (src: Searched) => (typeof src === 'string' ? src : src.text);

/** Not preceded by a word character or a dot (`(?<![\w.])`). */
function freeStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c !== 46 && !isWord(c);
}

/** `(?<![\w.])name\s*\(`: calls of a plain name (null: not a plain name). */
export function callPositions(src: Searched, name: string, visit: (at: number) => boolean | void): boolean {
  if (!isPlainName(name)) return false;
  const text = textOf(src);
  eachWordHit(src, name, 0, text.length, (at) => freeStart(text, at) && parenAfter(text, at + name.length), visit);
  return true;
}

/** `(?<![\w.])name\b(?!\s*[(=\w.])`: a plain name mentioned as a value. */
export function referencePositions(src: Searched, name: string, visit: (at: number) => boolean | void): boolean {
  if (!isPlainName(name)) return false;
  const text = textOf(src);
  const ok = (at: number) => {
    if (!freeStart(text, at)) return false;
    const end = at + name.length;
    const c = text.charCodeAt(end);
    // `(`, `=`, `.` or a word character right after it; past a space, the regex decides
    if (c === 40 || c === 61 || c === 46 || isWord(c)) return false;
    return !isSpace(text, end) || !sticky(NOT_A_REFERENCE_AFTER, text, end);
  };
  eachWordHit(src, name, 0, text.length, ok, visit);
  return true;
}

/** `\.\s*name\s*\(`: the positions of `name` in method calls of it. */
export function methodCallPositions(src: Searched, name: string, visit: (at: number) => boolean | void): boolean {
  if (!isPlainName(name)) return false;
  const text = textOf(src);
  const ok = (at: number) => {
    let k = at - 1;
    while (k >= 0 && isSpace(text, k)) k--;
    return k >= 0 && text.charCodeAt(k) === 46 /* . */ && parenAfter(text, at + name.length);
  };
  eachWordHit(src, name, 0, text.length, ok, visit);
  return true;
}

/**
 * Every `self.<word>` not preceded by a word character, by its word (the whole word after the dot), in text
 * order: one pass over a file, for the many `self.<attr>` questions of its classes.
 */
export function selfMentions(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const { at, end } = selfMentionSpans(text);
  for (let i = 0; i < at.length; i++) {
    if (end[i] === at[i] + 5) continue;
    const word = text.slice(at[i] + 5, end[i]);
    const list = out.get(word);
    if (list) list.push(at[i]);
    else out.set(word, [at[i]]);
  }
  return out;
}

/**
 * `\bself\.attr(?=\s*[=+\-*\/%@&|^<>:,)\]}#\\]|\s+in\b)` within [from, to): the mentions that may bind
 * `self.attr`, from `mentions` (selfMentions of the same text: a match is followed by no word character, so its
 * word is `attr` itself).
 */
export function selfTargetPositions(text: string, mentions: Map<string, number[]>, attr: string, from: number, to: number, visit: (at: number) => void): boolean {
  if (!isPlainName(attr)) return false;
  const end = 5 + attr.length;
  for (const at of mentions.get(attr) ?? []) if (at >= from && at < to && sticky(TARGET_AFTER, text, at + end)) visit(at);
  return true;
}

/** `\bdef[\s\\]+name(?!\w)` within [from, to): where `def` lines defining `name` start (at their `def`). */
export function defPositions(src: Searched, name: string, from: number, to: number, visit: (at: number) => void): boolean {
  if (!isPlainName(name)) return false;
  const text = textOf(src);
  const ok = (at: number) => {
    if (at > 0 && isWord(text.charCodeAt(at - 1))) return false;
    let k = at + 3;
    while (k < text.length && (isSpace(text, k) || text.charCodeAt(k) === 92) /* \ */) k++;
    return k > at + 3 && text.startsWith(name, k) && !isWord(text.charCodeAt(k + name.length));
  };
  eachWordHit(src, 'def', from, to, ok, visit);
  return true;
}

/** Whether any whole-word occurrence of `name` in the text is one `ok` accepts (the search stops at the first). */
function anyWordHit(src: Searched, name: string, ok: (at: number) => boolean): boolean {
  let found = false;
  eachWordHit(src, name, 0, textOf(src).length, ok, () => ((found = true), false));
  return found;
}

/** Every occurrence of `needle` within [from, to). */
export function textPositions(text: string, needle: string, from: number, to: number, visit: (at: number) => void): void {
  if (needle) eachHit(text, needle, from, to, visit);
}

/**
 * `\bname\b[^\n=()]*(?:=(?!=)|\bin\b)|\bas\s+name\b` anywhere: an assignment, loop or `as` that may bind `name`
 * (the first two alternatives of textScans.ts maybeBound's regex, which runs the rest only when these find
 * nothing). Null when `name` is not a plain name.
 */
export function mayBeBound(src: Searched, name: string): boolean | null {
  if (!isPlainName(name)) return null;
  const text = textOf(src);
  return anyWordHit(src, name, (at) => {
    const end = at + name.length;
    if (isWord(text.charCodeAt(end))) return false;
    if (at === 0 || !isWord(text.charCodeAt(at - 1))) {
      if (sticky(BOUND_AFTER, text, end)) return true;
    }
    // `as name`: at least one space back to `as`, which starts a word
    let k = at - 1;
    while (k >= 0 && isSpace(text, k)) k--;
    return k < at - 1 && k >= 1 && text.charCodeAt(k) === 115 /* s */ && text.charCodeAt(k - 1) === 97 /* a */ && (k === 1 || !isWord(text.charCodeAt(k - 2)));
  });
}
const BOUND_AFTER = /[^\n=()]*(?:=(?!=)|\bin\b)/y;

/** A character of `[\w \t,()[\]*]`: what may stand between `for`/`(` and a loop or unpacking target and its `in`/`=`. */
function isTargetChar(c: number): boolean {
  return isWord(c) || c === 32 || c === 9 || c === 44 || c === 40 || c === 41 || c === 91 || c === 93 || c === 42;
}

/** A line terminator as `^` under the m flag sees one. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The stretch between a target list's opening and the name, and between the name and `in`/`=`, is at most this long. */
const TARGET_SPAN = 120;

/**
 * `(?:\bfor\s|^[ \t]*[([])[\w \t,()[\]*]{0,120}\bname\b[\w \t,()[\]*]{0,120}(?:\bin\b|=(?!=))` (m) anywhere: `name`
 * among the targets of a `for` or of a bracketed unpacking (`for i, (k, v) in …`, `(a, b) = …`), the last
 * alternative of textScans.ts maybeBound's regex. Null when `name` is not a plain name.
 */
export function mayBeBoundInTargets(src: Searched, name: string): boolean | null {
  if (!isPlainName(name)) return null;
  const text = textOf(src);
  return anyWordHit(src, name, (at) => {
    const end = at + name.length;
    if (isWord(text.charCodeAt(end)) || (at > 0 && isWord(text.charCodeAt(at - 1)))) return false;
    return inOrEqualsAfter(text, end) && targetListBefore(text, at);
  });
}

/** `[\w \t,()[\]*]{0,120}(?:\bin\b|=(?!=))` at `from`. */
function inOrEqualsAfter(text: string, from: number): boolean {
  for (let r = from; r <= from + TARGET_SPAN && r < text.length; r++) {
    const c = text.charCodeAt(r);
    if (c === 61 /* = */ && text.charCodeAt(r + 1) !== 61) return true;
    if (c === 105 /* i */ && text.charCodeAt(r + 1) === 110 /* n */ && (r === 0 || !isWord(text.charCodeAt(r - 1))) && !isWord(text.charCodeAt(r + 2))) return true;
    if (!isTargetChar(c)) return false;
  }
  return false;
}

/** `(?:\bfor\s|^[ \t]*[([])[\w \t,()[\]*]{0,120}` ending at `to`. */
function targetListBefore(text: string, to: number): boolean {
  for (let q = to; q >= 0 && q >= to - TARGET_SPAN; q--) {
    if (q < to && !isTargetChar(text.charCodeAt(q))) return false;
    // `\bfor\s` ends at q
    if (q >= 4 && isSpace(text, q - 1) && text.startsWith('for', q - 4) && (q === 4 || !isWord(text.charCodeAt(q - 5)))) return true;
    // `^[ \t]*[([]` ends at q
    const open = text.charCodeAt(q - 1);
    if (open === 40 || open === 91) {
      let j = q - 2;
      while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
      if (j < 0 || isLineBreak(text.charCodeAt(j))) return true;
    }
  }
  return false;
}

/** Where `global` or `nonlocal` occurs (they never overlap). Faster than two indexOf passes: `n` is a common letter. */
const DECLARING_WORD = /global|nonlocal/g;

/**
 * The matches of `/\b(?:global|nonlocal)[ \t]+\w/g` (declaredNames.ts DECLARES), by their start, in text order:
 * that regex, tried at every position of the text, cost more than every declaration question it answered.
 */
export function declarationStarts(text: string): number[] {
  const out: number[] = [];
  // A global regex goes on after each match (`global[ \t]+\w`): a candidate starting inside it is no match.
  let end = 0;
  DECLARING_WORD.lastIndex = 0;
  while (DECLARING_WORD.test(text)) {
    let k = DECLARING_WORD.lastIndex;
    const at = text.startsWith('nonlocal', k - 8) ? k - 8 : k - 6;
    if (at < end || (at > 0 && isWord(text.charCodeAt(at - 1)))) continue;
    while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
    if (k === DECLARING_WORD.lastIndex || !isWord(text.charCodeAt(k))) continue;
    out.push(at);
    end = k + 1;
  }
  return out;
}

/** Whether `\.\s*(?:m1|m2|…)\s*\(` matches anywhere (null: some name is not plain, or none is given). */
export function anyMethodCall(src: Searched, names: readonly string[]): boolean | null {
  if (!names.length || !names.every(isPlainName)) return null;
  let found = false;
  for (const name of names) if (!found) methodCallPositions(src, name, () => ((found = true), false));
  return found;
}
