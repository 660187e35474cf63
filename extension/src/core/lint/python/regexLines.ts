// Whether a regex can be applied line by line with the same matches: the question MW305 asks of a pattern
// before it advises scanning a file's lines instead of the file's whole text. Read from the pattern's source
// text, conservatively: anything that may match a newline, or anchor to the whole text, says no.
import type { Node } from 'web-tree-sitter';
import { REGEX_FLAGS } from './library/model';
import { unwrap } from './syntax';

/**
 * Escapes that may match a newline (`\s`, `\W`, `\D`), spell one (`\n`, `\x0a`, `\012`, `\u000a`, `\N{…}`), or anchor
 * to the whole text (`\A`, `\Z`); `\\` is consumed first so that an escaped backslash ends nothing.
 */
const CROSSING_ESCAPE = /\\(?:\\|[sWDnAZzxuUN0-7])/g;

/**
 * A character range in a class whose first end is an escape (`[\t-\r]`, `[\x00-\x7f]`) or a control character
 * (a literal tab): it may span the newline (U+000A). A first end written as a printable character is at least a
 * space (U+0020), so its range cannot. Read conservatively: every escape counts. (Tested on a class's body: a `-`
 * at its end is a hyphen.)
 */
const LOW_RANGE = /(?:\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)|[\x00-\x1f])-(?=[\s\S])/;

/**
 * The pattern of a plain string literal (`r"\d+\.\d+"`, `"ERROR (\\w+)"`), as written between its quotes, or null:
 * an f-string, a bytes pattern, a concatenation or a name may be anything.
 */
function literalPattern(node: Node | null): string | null {
  const n = unwrap(node);
  if (!n || n.type !== 'string') return null;
  const m = /^([rRuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(n.text);
  return m ? m[3] : null;
}

/**
 * `re.I | re.M`, `flags=re.IGNORECASE`: how the flags read; null when any of them is unknown (a name, a number,
 * DOTALL or VERBOSE).
 */
function flagsOf(node: Node | null): { multiline: boolean } | null {
  const n = unwrap(node);
  if (!n) return { multiline: false };
  const words = n.text.split('|').map((w) => w.trim().replace(/^\w+\s*\.\s*/, ''));
  let multiline = false;
  for (const w of words) {
    const kind = Object.hasOwn(REGEX_FLAGS, w) ? REGEX_FLAGS[w] : undefined;
    if (!kind || kind === 'crosses-lines') return null;
    if (kind === 'multiline') multiline = true;
  }
  return { multiline };
}

/**
 * Whether the literal pattern `pattern` with `flags` finds the same matches in each line of a text as in the whole
 * text: no newline it could match (an escape above, a negated class `[^…]`, a raw newline in a triple-quoted
 * pattern), no inline flags (`(?s)`, `(?x)`, `(?m)`), and `^`/`$` only with MULTILINE (else they anchor to the
 * whole text's start and end).
 */
export function matchesWithinLines(pattern: Node | null, flags: Node | null): boolean {
  const src = literalPattern(pattern);
  const f = flagsOf(flags);
  if (src === null || !f || src.includes('\n') || src.includes('[^')) return false;
  for (const m of src.matchAll(CROSSING_ESCAPE)) if (m[0] !== '\\\\') return false;
  // Inline flags other than the group forms (?: (?P< (?P= (?= (?! (?<= (?<! (?#
  if (/\(\?(?![:=!#]|P[<=]|<[=!])/.test(src)) return false;
  // A class whose range may span the newline (`[\t-\r]`).
  for (const cls of src.replace(/\\\\/g, '').matchAll(/\[((?:\\.|[^\]\\])*)\]/g)) if (LOW_RANGE.test(cls[1])) return false;
  // `^`/`$` outside a class: anchors. (`[$^]` inside a class is a character; a `^` right after `[` was refused above.)
  const outsideClasses = src.replace(/\\\\|\\\[|\\\]/g, '').replace(/\[[^\]]*\]/g, '');
  return f.multiline || !/[\^$]/.test(outsideClasses);
}
