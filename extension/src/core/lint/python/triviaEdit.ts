// Edits that cannot change any value (the editor's re-lint after a keystroke, reuse.ts): typing inside a comment or
// inside a docstring, or spaces on a blank line between statements. Such an edit changes one token's content (or
// whitespace no token holds) and moves what follows it on its line; the token stream (and so the tree) is otherwise
// the same, shifted. The facts never read a comment's or a no-op string's content
// (whole-text regexes and probes that might are checked against the edited lines anyway, reuse.ts), so the unit
// holding it counts as only moved: the candidates that read it keep their findings (an early cutoff for the commonest
// edits that re-evaluated real dependents: a docstring typo in a helper other code calls).
//
// The edit must be provably inside such a token in the new text AND in the old one, without the old tree: the text
// before the edit is the same in both, tokens are lexed left to right, and a token's end can only move if the edit or
// the characters beside it can end it (a line end ends a comment; a quote, a backslash or a brace decides where a
// string's content ends). None of those may be in the edit or beside it, and the edit stays on one line. The end of
// this file holds what reuse.ts compares across such an edit (signatures shifted, regex matches of the edited lines).
import type { Node } from 'web-tree-sitter';
import type { Finding, IncrementalEdit, TextRange } from '../types';
import { indexOfRangeAt } from '../rangeSearch';

/** A content edit of one comment or no-op string: positions after `oldEnd` (old text) move by `delta`. */
export interface TriviaEdit {
  /** Where the edit starts (both texts). */
  start: number;
  /** Where it ends in the old text (positions at or after it move by `delta`). */
  oldEnd: number;
  delta: number;
  /** The (0-based) row of the edit: findings on it may have moved along it. */
  row: number;
}

/** Characters that may end a comment or a string's content, or start an escape or an f-string field. */
const TOKEN_ENDING = /[\n\r\f\v\u0085\u2028\u2029"'\\{}]/;
/**
 * What may not stand beside the edit: what would join the edit's characters into a quote run, an escape or a field,
 * or a `\r` that a removed character kept from a `\n` (a line end the edit does not hold is fine).
 */
const JOINING = /["'\\{}\r]/;
/** A plain string opening: no f/t prefix (whose fields are code). */
const PLAIN_STRING_START = /^[rRuUbB]{0,2}("""|'''|"|')$/;
/** Containers whose statements (and comments between them) are not parts of an expression. */
const STATEMENT_LISTS = new Set(['block', 'module']);

/** The string node around `n` (n itself, or its content, escape or delimiter), or null. */
function stringAround(n: Node | null): Node | null {
  for (let i = 0; n && i < 3; i++, n = n.parent) if (n.type === 'string') return n;
  return null;
}

/** A string statement whose value is dropped (a docstring, or a string used as a block comment), plain, no fields. */
function noOpStringContent(s: Node): { start: number; end: number } | null {
  const stmt = s.parent;
  if (!stmt || stmt.type !== 'expression_statement' || stmt.namedChildCount !== 1 || !STATEMENT_LISTS.has(stmt.parent?.type ?? '')) return null;
  const kids = s.children;
  const open = kids[0];
  const close = kids[kids.length - 1];
  if (!open || !close || open.type !== 'string_start' || close.type !== 'string_end' || !PLAIN_STRING_START.test(open.text)) return null;
  for (const k of kids) if (!k || (k.type !== 'string_start' && k.type !== 'string_content' && k.type !== 'string_end' && k.type !== 'escape_sequence')) return null;
  return { start: open.endIndex, end: close.startIndex };
}

/** Spaces and tabs only (possibly none). */
const BLANK = /^[ \t]*$/;

/**
 * Spaces or tabs typed or deleted on a line that holds nothing else, before and after, between statements (the
 * smallest node around it is a block or the module, so no expression or token holds it, and the scanner skips a
 * blank line's indentation), and not continuing a line that ends with a backslash.
 */
function blankLineEdit(root: Node, text: string, start: number, newEnd: number, removed: string, inserted: string): boolean {
  if (!BLANK.test(removed) || !BLANK.test(inserted)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', newEnd);
  if (lineEnd < 0) lineEnd = text.length;
  if (!BLANK.test(text.slice(lineStart, lineEnd))) return false;
  if (lineStart >= 2 && text.charAt(lineStart - 2) === '\\') return false;
  const around = root.descendantForIndex(start, newEnd);
  return !!around && STATEMENT_LISTS.has(around.type) && around.startIndex < start && around.endIndex > newEnd;
}

/**
 * The edit as a trivia edit when `edits` is one edit of `oldText` into `newText` (parsed as `root`, without a syntax
 * error) inside a comment or a no-op string's content; else null.
 */
export function triviaEdit(root: Node, oldText: string, newText: string, edits: readonly IncrementalEdit[] | undefined): TriviaEdit | null {
  if (!edits || edits.length !== 1 || root.hasError) return null;
  const e = edits[0];
  const row = e.startPosition.row;
  if (e.oldEndPosition.row !== row || e.newEndPosition.row !== row || e.startIndex < 1) return null;
  if (oldText.length - (e.oldEndIndex - e.startIndex) !== newText.length - (e.newEndIndex - e.startIndex)) return null;
  const removed = oldText.slice(e.startIndex, e.oldEndIndex);
  const inserted = newText.slice(e.startIndex, e.newEndIndex);
  if (blankLineEdit(root, newText, e.startIndex, e.newEndIndex, removed, inserted)) return { start: e.startIndex, oldEnd: e.oldEndIndex, delta: e.newEndIndex - e.oldEndIndex, row };
  // The edit, and the characters either side of it (the same in both texts when the rest is), are plain.
  const before = newText.charAt(e.startIndex - 1);
  const after = newText.charAt(e.newEndIndex);
  if (oldText.charAt(e.startIndex - 1) !== before || oldText.charAt(e.oldEndIndex) !== after) return null;
  if (TOKEN_ENDING.test(removed) || TOKEN_ENDING.test(inserted) || JOINING.test(before) || JOINING.test(after)) return null;
  const at = root.descendantForIndex(e.startIndex - 1, e.startIndex - 1);
  if (!at) return null;
  let inside: { start: number; end: number } | null = null;
  if (at.type === 'comment') {
    // `#` stays first; a comment inside an expression (between operands) is left out: text between operands is read.
    if (STATEMENT_LISTS.has(at.parent?.type ?? '')) inside = { start: at.startIndex + 1, end: at.endIndex };
  } else {
    const s = stringAround(at);
    if (s) inside = noOpStringContent(s);
  }
  if (!inside || e.startIndex < inside.start || e.newEndIndex > inside.end) return null;
  return { start: e.startIndex, oldEnd: e.oldEndIndex, delta: e.newEndIndex - e.oldEndIndex, row };
}

// ---- what reuse.ts compares across a trivia edit ----

/** A read unit's span (reuse.ts ChunkSpan). */
interface UnitSpan {
  start: number;
  end: number;
  isDef: boolean;
  header?: number;
}

/**
 * The unit holding a trivia edit, old index and new: the edit lies inside it, and the new unit starts at the same
 * place, ends `delta` later and is of the same kind.
 */
export function editedUnit(prev: readonly UnitSpan[], cur: readonly UnitSpan[], t: TriviaEdit): { old: number; cur: number } | null {
  const i = indexOfRangeAt(prev, t.start);
  if (i < 0) return null;
  const c = prev[i];
  if (t.start <= c.start || t.oldEnd > c.end) return null;
  const j = indexOfRangeAt(cur, t.start);
  if (j < 0) return null;
  const n = cur[j];
  if (n.start !== c.start || n.end !== c.end + t.delta || n.isDef !== c.isDef || (n.header ?? -1) !== (c.header ?? -1)) return null;
  return { old: i, cur: j };
}

/**
 * A unit's candidate or hot-code signature (offsets from the unit's start, each followed by a non-digit) with the
 * offsets past a trivia edit moved by its delta; an offset inside the edit cannot match (it is marked).
 */
export function shiftedSig(sig: string, unitStart: number, t: TriviaEdit): string {
  if (t.delta === 0) return sig;
  return sig.replace(/\d+/g, (d) => {
    const at = unitStart + Number(d);
    if (at < t.start) return d;
    if (at >= t.oldEnd) return String(Number(d) + t.delta);
    return `?${d}`;
  });
}

/** `re` with the g flag (and without y), compiled once per source and flags, to list every match of a window. */
const globalRegexes = new Map<string, RegExp>();
function globalRegex(key: string, re: RegExp): RegExp {
  let g = globalRegexes.get(key);
  if (!g) {
    if (globalRegexes.size > 5000) globalRegexes.clear(); // a long session over many files: stay bounded
    globalRegexes.set(key, (g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')));
  }
  return g;
}

/**
 * Whether `re` matches the old and new windows of a trivia edit alike: each match (its position and every group)
 * before the edit stays, each after it moves by the edit's delta, and none meets the edited characters (`edge`: where
 * the edit starts in the windows, which start at the same place of both texts).
 */
export function sameWindowMatches(key: string, re: RegExp, oldWindow: string, newWindow: string, edge: number, t: TriviaEdit): boolean {
  const g = globalRegex(key, re);
  const list = (w: string, editEnd: number, shift: number): string[] | null => {
    const out: string[] = [];
    g.lastIndex = 0;
    for (let m = g.exec(w); m; m = g.exec(w)) {
      const end = m.index + m[0].length;
      if (m.index < editEnd && end > edge) return null; // the match holds edited characters
      if (m.index === edge && editEnd > edge) return null; // an empty match or one starting where the edit starts
      out.push(`${m.index >= editEnd ? m.index - shift : m.index}:${m.join('\u0000')}`);
      if (m[0].length === 0) g.lastIndex++;
    }
    return out;
  };
  const a = list(oldWindow, edge + (t.oldEnd - t.start), 0);
  const b = a && list(newWindow, edge + (t.oldEnd - t.start) + t.delta, t.delta);
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether a finding (its range or a fix's edit) spans `row`. */
export function touchesRow(f: Finding, row: number): boolean {
  const on = (r: TextRange) => r.startLine <= row && r.endLine >= row;
  return on(f.range) || f.fixes.some((x) => x.edits.some((e) => on(e.range)));
}
