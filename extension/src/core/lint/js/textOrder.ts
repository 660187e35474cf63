// When ordering text is deliberate or safe: the names and shapes for which lexical and numeric order agree or are
// meant (timestamps, names, ids, versions, single characters, a command-line scalar against a literal, two whole
// lines, a list sorted by name), and text against text where nothing in the file says the text holds numbers. textComparisonExcused is the one answer: MW152 reports no comparison it excuses,
// and MW251 does not count one as a numeric use of parsed records, so both rules read the same checks. The names
// themselves are ../textualNames.ts, which the Python rules read too.
import { quantityName, textualName } from '../textualNames';
import { type Node, type TextOrigin, nameEndsWithWord } from './ruleContext';

/** What these checks need to know of the file: where a text value comes from, and whether a value is a number. */
export interface TextFacts {
  textOrigin(expr: Node): TextOrigin | undefined;
  isNumeric(expr: Node): boolean;
  /** True when the file uses the value of `expr` (its field, or the variable and the fields it came from) as a number elsewhere. */
  hasNumericEvidence(expr: Node): boolean;
}

/**
 * Is the relational comparison `left < right` (`>`, `<=`, `>=`), one side of it text, ordered as text on purpose
 * or where lexical and numeric order agree? `sortedListName` names the list a sort comparator's parameter
 * belongs to (`names.sort((a, b) => …)`), which only a rule's context can tell; without it that excuse is off.
 */
export function textComparisonExcused(left: Node, right: Node, facts: TextFacts, sortedListName?: (param: Node) => string | undefined): boolean {
  const lt = facts.textOrigin(left);
  const rt = facts.textOrigin(right);
  const origin = lt ?? rt;
  if (!origin) return false;
  const [textSide, otherSide] = lt ? [left, right] : [right, left];
  if (deliberateOrSafe(textSide, otherSide, origin, facts)) return true;
  // Two whole lines (sorting or de-duplicating a word list): lexical order is what is wanted, unless a side is
  // meant to hold a number (`let max = 0; … if (ms > max) max = ms`: a running maximum).
  if (lt?.wholeLine && rt?.wholeLine && !facts.isNumeric(left) && !facts.isNumeric(right)) return true;
  // A textual name (`date`, `name`, `id`) excuses text-to-text ordering only: against a number that is not also
  // text, `<` converts the text whatever the field is called.
  if ((!lt && facts.isNumeric(left)) || (!rt && facts.isNumeric(right))) return false;
  // Text against text orders wrongly only when the text holds numbers: a finding only where the file uses one
  // side's field or value as a number elsewhere (numericEvidence.ts). Dates, names and codes of any name pass.
  // A comparator's bare elements (`amounts.sort((a, b) => …)`) are named by the sorted list.
  if (lt && rt && !facts.hasNumericEvidence(left) && !facts.hasNumericEvidence(right) && !quantityName(sortedListName?.(textSide))) return true;
  return textualName(fieldName(left)) || textualName(fieldName(right)) || textualName(sortedListName?.(textSide));
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
function deliberateOrSafe(textSide: Node, otherSide: Node, origin: TextOrigin, facts: TextFacts): boolean {
  if (isSingleCharacter(textSide, facts) || isSingleCharacter(otherSide, facts)) return true;
  if (otherSide.type === 'Literal' && typeof otherSide.value === 'string' && VERSION_LITERAL.test(otherSide.value)) return true;
  const names = [fieldName(textSide), fieldName(otherSide)];
  if (names.some((n) => n !== undefined && nameEndsWithWord(n, VERSION_WORDS)) || origin.versionPart) return true;
  // `process.argv[2] > 10`: one scalar, converted by the comparison itself, not a column of data. (An
  // environment variable is still reported: the first blind holdout counts `process.env.WORKERS > 4` as a bug.)
  return origin.what === 'a command-line argument' && otherSide.type === 'Literal';
}
