// Scopes, binding sites, returns and yields of a stretch of a file, found by a walk that enters an
// expression only when its text can hold one. The tree-sitter query that did this (SITES_QUERY, still used for
// trees with syntax errors) visits every node of a collected member; most of them are expressions (calls,
// attributes, strings, operators) that can only hold a site through `lambda`, a comprehension's `for`, `:=` or
// `yield`, and a member's statements are a small share of its nodes.
import type { Language, Node } from 'web-tree-sitter';
import { hasPosition } from '../../rangeSearch';

/**
 * What the walk finds, in the query's pattern order (SITES_QUERY is built from it, so the two cannot disagree):
 * captures starting at the same position come out in this order, as the query's do.
 */
export const SITE_PATTERNS: readonly (readonly [readonly string[], string])[] = [
  [['function_definition'], 'scope.function'],
  [['class_definition'], 'scope.class'],
  [['lambda'], 'scope.lambda'],
  [['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension'], 'scope.comp'],
  [['assignment'], 'site.assignment'],
  [['augmented_assignment'], 'site.augmented_assignment'],
  [['for_statement'], 'site.for_statement'],
  [['for_in_clause'], 'site.for_in_clause'],
  [['named_expression'], 'site.named_expression'],
  [['with_item'], 'site.with_item'],
  [['return_statement'], 'return'],
  [['yield'], 'yield'],
];

/** The query over the same node types (for trees with syntax errors, whose shape the walk does not assume). */
export const SITES_QUERY = SITE_PATTERNS.map(([types, name]) => (types.length === 1 ? `(${types[0]}) @${name}` : `[${types.map((t) => `(${t})`).join(' ')}] @${name}`)).join('\n');

/**
 * Nodes that can hold a statement, an assignment or a `with` item without any of the expression words between:
 * always entered. Every other node is an expression, parameter list, pattern or token.
 */
const STATEMENT_LEVEL = [
  'module', 'block', 'decorated_definition',
  'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'except_group_clause',
  'finally_clause', 'with_statement', 'with_clause', 'match_statement', 'case_clause', 'ERROR',
];
/** Leaves: never entered (an f-string is a `string` with interpolations, so `string` is not one). */
const LEAVES = ['identifier', 'integer', 'float', 'true', 'false', 'none', 'comment', 'ellipsis', 'escape_sequence', 'string_start', 'string_content', 'string_end', 'keyword_identifier'];

const ENTER = 1;
const LEAF = 2;
/**
 * `x = …`: holds another site only as a chained assignment (`a = b = c`, a second `=`) or through an expression
 * word; `print(x)`: an expression statement holds a site only as an assignment (`=`, or `:` for `x: int`) or
 * through an expression word. Most are neither entered nor visited child by child.
 */
const ASSIGNMENT = 3;
const EXPRESSION_STATEMENT = 4;
/** A def or class: without an expression word in it, only its body (the last child) can hold a site. */
const DEFINITION = 5;

interface TypeTable {
  /** Per type id: the capture's pattern index, or -1. */
  pattern: Int8Array;
  /** Per type id: ENTER, LEAF or 0 (an expression: entered when its text holds an expression word). */
  kind: Uint8Array;
}

const tables = new WeakMap<Language, TypeTable>();

function tableFor(language: Language): TypeTable {
  let t = tables.get(language);
  if (t) return t;
  const n = language.types.length;
  t = { pattern: new Int8Array(n).fill(-1), kind: new Uint8Array(n) };
  const patternOf = new Map<string, number>();
  SITE_PATTERNS.forEach(([types], i) => types.forEach((ty) => patternOf.set(ty, i)));
  const enter = new Set(STATEMENT_LEVEL);
  const leaves = new Set(LEAVES);
  for (let id = 0; id < n; id++) {
    const name = language.types[id];
    // Anonymous tokens (`lambda`, `yield`, `(`…) have no children and are never captured (the query names named nodes).
    if (!name || !language.nodeTypeIsNamed(id)) {
      t.kind[id] = LEAF;
      continue;
    }
    t.pattern[id] = patternOf.get(name) ?? -1;
    t.kind[id] = enter.has(name) ? ENTER : leaves.has(name) ? LEAF : name === 'assignment' ? ASSIGNMENT : name === 'expression_statement' ? EXPRESSION_STATEMENT : name === 'function_definition' || name === 'class_definition' ? DEFINITION : 0;
  }
  tables.set(language, t);
  return t;
}

/**
 * Positions in a text where an expression can hold a site: the words `lambda`, `for`, `yield` (not inside a longer
 * ASCII word) and `:=`. Extra positions (in comments, strings, a non-ASCII word) only make the walk enter more.
 */
export class ExpressionWords {
  /**
   * The positions, found per block of the text on first need: the walk asks about collected stretches only (most of
   * a file is never collected), and a stretch's answer stops at its first block holding one.
   */
  private blocks: (number[] | null)[];
  constructor(readonly text: string) {
    // (filled: an array written at scattered indices from empty would hold them as a dictionary)
    this.blocks = new Array<number[] | null>(Math.ceil(text.length / WORD_BLOCK) + 1).fill(null);
  }

  /** Whether [start, end) holds one. */
  within(start: number, end: number): boolean {
    for (let b = Math.floor(start / WORD_BLOCK), last = Math.floor((end - 1) / WORD_BLOCK); b <= last; b++) {
      if (hasPosition((this.blocks[b] ??= this.find(b * WORD_BLOCK, (b + 1) * WORD_BLOCK)), start, end)) return true;
    }
    return false;
  }

  /** Whether [start, end) holds two `=` (a chained assignment, or an `==` the walk then looks behind). */
  secondEquals(start: number, end: number): boolean {
    let n = 0;
    for (let i = start; i < end; i++) if (this.text.charCodeAt(i) === 61 /* = */ && ++n === 2) return true;
    return false;
  }

  /** Whether [start, end) holds `=` or `:` (an assignment, annotated or not, or an augmented one). */
  assignmentMark(start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 61 /* = */ || c === 58 /* : */) return true;
    }
    return false;
  }

  /** The positions starting in [from, to), sorted. */
  private find(from: number, to: number): number[] {
    const out: number[] = [];
    const text = this.text;
    // Searched in the block and the few characters a word starting in it may run past it (indexOf has no end).
    const part = text.slice(from, to + 5);
    for (const w of ['lambda', 'for', 'yield']) {
      for (let j = part.indexOf(w); j >= 0 && from + j < to; j = part.indexOf(w, j + 1)) {
        const i = from + j;
        if (startsToken(text, i) && !isWordChar(text.charCodeAt(i + w.length))) out.push(i);
      }
    }
    for (let j = part.indexOf(':='); j >= 0 && from + j < to; j = part.indexOf(':=', j + 1)) out.push(from + j);
    return out.sort((a, b) => a - b);
  }
}

/** ExpressionWords' block length, in UTF-16 code units. */
const WORD_BLOCK = 4096;

/**
 * Whether a keyword at `i` can start a token: no word character before it, or a number before it (`[1for x in y]`,
 * `1jfor`: Python and tree-sitter end the number there).
 */
function startsToken(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  if (j === i - 1) return true;
  const first = text.charCodeAt(j + 1);
  return first >= 48 && first <= 57;
}

/** ASCII letters, digits and `_` (NaN, outside the text, is not). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export interface SiteCapture {
  name: string;
  node: Node;
}

/**
 * The captures SITES_QUERY would give for the nodes starting in [start, end) under `within` (not `skipId`), in
 * its order: by start, then pattern order (pre-order: the outer node first at the same start, as the query's).
 *
 * Walked by node lists, not a tree cursor (which made ~600 k wasm calls a stdlib pass, each marshalling the cursor):
 * a node's start comes with it, its named children come in one call (without the anonymous tokens a cursor steps
 * over one by one), and its end is bounded by the next sibling's start instead of read. A bound past the end only
 * makes the walk enter more (the captures are the same: a node is captured by its type alone). Comments (`#`) are
 * told by their text, without asking their type. `withinEnd`: `within`'s end, or a bound past it the caller knows.
 */
export function siteCaptures(within: Node, start: number, end: number, words: ExpressionWords, skipId: number, withinEnd = within.endIndex): SiteCapture[] {
  const { pattern, kind } = tableFor(within.tree.language);
  const text = words.text;
  const found: SiteCapture[] = [];
  const whole = start <= within.startIndex && end >= withinEnd;
  const wordless = whole && !words.within(within.startIndex, withinEnd);
  // Pre-order by an explicit stack (a long `a + b + …` nests as deep as it is long): children pushed last first.
  const nodes: Node[] = [within];
  const bounds: number[] = [withinEnd];
  const types: number[] = [-1];
  while (nodes.length) {
    const n = nodes.pop()!;
    const ub = bounds.pop()!;
    const known = types.pop()!;
    const s = n.startIndex;
    if (s >= end) break; // everything after is past the stretch
    if (ub <= start || text.charCodeAt(s) === 35 /* # */) continue; // before the stretch, or a comment
    const id = known >= 0 ? known : n.typeId;
    const k = kind[id] ?? ENTER; // a type the table lacks (ERROR) is entered
    if (k === LEAF) continue;
    const p = pattern[id];
    if (p >= 0 && s >= start && n.id !== skipId) found.push({ name: SITE_PATTERNS[p][1], node: n });
    const from = s < start ? start : s;
    let enter = k === ENTER;
    let bodyOnly = false;
    if (k === DEFINITION) {
      enter = true;
      bodyOnly = wordless || !words.within(from, ub);
    } else if (!enter && !(wordless && k !== ASSIGNMENT && k !== EXPRESSION_STATEMENT)) {
      enter = (!wordless && words.within(from, ub)) || (k === ASSIGNMENT ? words.secondEquals(from, ub) : k === EXPRESSION_STATEMENT && words.assignmentMark(from, ub));
    }
    if (!enter) continue;
    const kids = n.namedChildren;
    if (bodyOnly && kids.length) {
      const last = kids[kids.length - 1];
      const lastType = last ? last.typeId : -1;
      if (last && kind[lastType] === ENTER) {
        nodes.push(last);
        bounds.push(ub);
        types.push(lastType);
        continue;
      }
    }
    let next = ub;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (!c) continue;
      nodes.push(c);
      bounds.push(next);
      types.push(-1);
      next = c.startIndex;
    }
  }
  return found;
}

/**
 * The captures of a run of module statements: `statements` (the root's named children) from `first` on, up to
 * `end`. Each is walked from itself, where a walk from the root steps over (and reads the type and span of) every
 * top-level statement before the run, for each run of the file. The root's other children (`;`) hold no site.
 */
export function runCaptures(statements: readonly (Node | null)[], first: number, end: number, words: ExpressionWords): SiteCapture[] {
  const out: SiteCapture[] = [];
  let i = first;
  while (i < statements.length && !statements[i]) i++;
  while (i < statements.length) {
    const st = statements[i]!;
    if (st.startIndex >= end) break;
    // Its end is bounded by the next statement's start, or the run's end for its last (instead of read: a wasm call).
    let j = i + 1;
    while (j < statements.length && !statements[j]) j++;
    const next = j < statements.length ? statements[j]!.startIndex : end;
    for (const c of siteCaptures(st, st.startIndex, end, words, -1, next < end ? next : end)) out.push(c);
    i = j;
  }
  return out;
}

