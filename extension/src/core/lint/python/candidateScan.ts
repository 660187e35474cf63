// The fast path's candidate scan: one regex pass over the text, stepping over comments and strings, that finds
// rule trigger tokens, `appliesTo` needles and data-text source tokens. Its word lists come from the library
// model (library/model.ts, through library/derived.ts); exhaustive mode (engine.ts) bypasses it, and a test proves both agree.
import type { PythonRule, Trigger } from './ruleContext';
import { HINT_WORDS } from './facts/fileFacts';
import { SOURCE_DOT_ALTS, SOURCE_WORD_ALTS, functionsEvaluatedAs, moduleWords } from './library/derived';

/** Modules whose `.open` gives text only with a `t` mode (`gzip`), and those whose `.open` is open()'s (`io`). */
const COMPRESSED_OPENS = moduleWords(functionsEvaluatedAs('compressed-open'));
const TEXT_OPENS = moduleWords(functionsEvaluatedAs('open-file'));

/**
 * Whether the `open(` at `at` can give lines of text, decided from the text as FileFacts decides it from the tree
 * (openFact, callFact): the builtin, `io.open` or `codecs.open` with no mode or a literal read-text one,
 * `gzip`/`bz2`/`lzma.open` only with a `t` mode, `Path(…).open(…)` likewise. Any other `x.open(` (`os.open`,
 * `webbrowser.open`, `self.open`) is never data text. When the call cannot be read, it counts as a source.
 */
export function opensText(text: string, at: number): boolean {
  let modeIndex = 1;
  let needT = false;
  if (text.charCodeAt(at - 1) === 46 /* . */) {
    const before = text.slice(Math.max(0, at - 40), at - 1);
    const recv = /(\w+)\s*$/.exec(before)?.[1];
    if (recv !== undefined && COMPRESSED_OPENS.includes(recv)) needT = true;
    else if (recv === undefined && /\)\s*$/.test(before)) modeIndex = 0; // Path(p).open(mode)
    else if (recv === undefined || !TEXT_OPENS.includes(recv)) return false;
  }
  const args = callArguments(text, text.indexOf('(', at));
  if (!args) return true;
  const keyword = args.find((a) => /^mode\s*=/.test(a));
  const positional = args.filter((a) => !/^\w+\s*=(?!=)/.test(a) && !a.startsWith('*'));
  const modeText = keyword ? keyword.replace(/^mode\s*=\s*/, '') : positional[modeIndex];
  if (modeText === undefined) return !needT;
  const mode = /^[rRuUfF]{0,2}(['"])([^'"{\\]*)\1$/.exec(modeText)?.[2];
  if (mode === undefined || /[bwax]/.test(mode)) return false;
  return !needT || mode.includes('t');
}

/** The top-level arguments of the call whose `(` is at `paren`, trimmed; null when it does not close soon. */
function callArguments(text: string, paren: number): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = paren + 1;
  const end = Math.min(text.length, paren + 600);
  for (let i = paren + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      // a string argument: skip to its closing quote on the same line
      let k = i + 1;
      while (k < end && text.charCodeAt(k) !== c && text.charCodeAt(k) !== 10) k += text.charCodeAt(k) === 92 ? 2 : 1;
      if (text.charCodeAt(k) !== c) return null;
      i = k;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last) out.push(last);
        return out;
      }
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (c === 35 /* # */) return null;
  }
  return null;
}

/**
 * A rule's `appliesTo` needle as the word the engine's single scan looks for. Needles are a cheap filter, so
 * widening one is always safe: `pd.` is the word `pd`, `np.load` the word `np`.
 */
export function needleWord(n: string): string {
  return /^\w+/.exec(n)?.[0] ?? n;
}


const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A comment, and a whole string literal with its escapes, as capturing alternatives: scans step over them (most
 * of a file's `-`, `<`, `@` and English words are in docstrings and comments). An unterminated literal does not
 * match, and its text is then scanned as code, which only costs lookups. f-strings match too: their `{…}` parts
 * are code, so callers scan their text again (see isFString).
 */
export const COMMENT_ALT = String.raw`(#[^\n]*)`;
export const STRING_ALT =
  '(' + [String.raw`"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""`, String.raw`'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''`, String.raw`"(?:[^"\\\n]|\\[\s\S])*"`, String.raw`'(?:[^'\\\n]|\\[\s\S])*'`].join('|') + ')';

export interface TokenScanner {
  /** Steps over comments (group 1) and string literals (group 2); then SOURCE words (3), `.split(` (4), tokens. */
  re: RegExp;
  /** The same without groups 1 and 2 (its groups are 1 and 2): for the code inside an f-string. */
  inner: RegExp;
  byToken: Map<string, Trigger[]>;
  /** The rules' `appliesTo` needles, as words (see needleWord). */
  needles: Set<string>;
}

/**
 * One regex for every trigger token and `appliesTo` needle of the given rules, the HINT_WORDS and the sources
 * (SOURCE_WORD_ALTS tried first, then SOURCE_DOT_ALTS): the text is scanned once for all of them, stepping over
 * comments and strings. A source match hides the words inside it (`readlines`, `np.array`'s `np` and `array`,
 * `.split(`'s `split`); the engine looks inside those.
 */
export function tokenScanner(rules: readonly PythonRule[]): TokenScanner {
  const byToken = new Map<string, Trigger[]>();
  for (const t of rules.flatMap((r) => r.triggers ?? [])) {
    for (const tok of t.tokens) {
      let list = byToken.get(tok);
      if (!list) byToken.set(tok, (list = []));
      list.push(t);
    }
  }
  const needles = new Set([...rules.flatMap((r) => (r.appliesTo ?? []).map(needleWord)), ...HINT_WORDS]);
  const toks = [...new Set([...byToken.keys(), ...needles])].sort((a, b) => b.length - a.length);
  const words = toks.filter((t) => /^\w+$/.test(t));
  const symbols = toks.filter((t) => !/^\w+$/.test(t)).map(escapeRe);
  const parts = [`\\b(?:(${SOURCE_WORD_ALTS})${words.length ? `|(?:${words.join('|')})\\b` : ''})`, `(${SOURCE_DOT_ALTS})`, ...symbols];
  return { re: new RegExp([COMMENT_ALT, STRING_ALT, ...parts].join('|'), 'g'), inner: new RegExp(parts.join('|'), 'g'), byToken, needles };
}

/** `key`: the codes of the rules it scans for; a snapshot's scans are reused only by the same set. */
type KeyedScanner = TokenScanner & { key: string };
const scanners = new Map<string, KeyedScanner>();

/** The scanner of a set of rules, built once per set. */
export function scannerFor(rules: readonly PythonRule[]): KeyedScanner {
  const key = rules.map((r) => r.meta.code).join(',');
  let scanner = scanners.get(key);
  if (!scanner) scanners.set(key, (scanner = { ...tokenScanner(rules), key }));
  return scanner;
}

/**
 * Whether the text around a trigger token at `at` is what the trigger asks for (its `after`, `before` and
 * `filter`): text alone decides, so the engine's candidates and the text gate before any parse (textGate.ts)
 * apply the same test.
 */
export function triggerTextMatches(t: Trigger, text: string, at: number, tok: string): boolean {
  if (t.after && !t.after.test(text.slice(at + tok.length, at + tok.length + 300))) return false;
  let before: RegExpExecArray | null = null;
  if (t.before) {
    // Only the current line before the token: `before` patterns are line-local and short slices keep them cheap.
    before = t.before.exec(text.slice(Math.max(0, at - 300, text.lastIndexOf('\n', at - 1) + 1), at));
    if (!before) return false;
  }
  return !t.filter || t.filter(text, at, before);
}

/** Binary, comparison and augmented-assignment operator tokens. */
const OPERATOR_ALT = String.raw`\*\*|\/\/|[-+*]=|[=!<>]=|[-+*\/%<>]`;
/** Operator tokens (group 3), stepping over comments (group 1) and string literals (group 2). */
export const OPERATOR_SCAN = new RegExp([COMMENT_ALT, STRING_ALT, `(${OPERATOR_ALT})`].join('|'), 'g');
/** Operator tokens in an f-string's text (whose `{…}` parts are code). */
export const FSTRING_OPERATOR = new RegExp(OPERATOR_ALT, 'g');

/** Does the string literal starting at `quote` have an `f` among its prefix letters (`f"`, `rf'`, `Fr"""`)? */
export function isFString(text: string, quote: number): boolean {
  for (let k = quote - 1; k >= 0 && k >= quote - 2; k--) {
    const c = text.charCodeAt(k) | 0x20; // lower case
    if (c === 102 /* f */) return true;
    if (c !== 114 /* r */ && c !== 98 /* b */ && c !== 117 /* u */) return false;
  }
  return false;
}
