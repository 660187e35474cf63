// Scopes, binding sites, returns and yields of a stretch of a file, found by a cursor walk that enters an
// expression only when its text can hold one. The tree-sitter query that did this (SITES_QUERY, still used for
// trees with syntax errors) visits every node of a collected member; most of them are expressions (calls,
// attributes, strings, operators) that can only hold a site through `lambda`, a comprehension's `for`, `:=` or
// `yield`, and a member's statements are a small share of its nodes.
import type { Language, Node, TreeCursor } from 'web-tree-sitter';
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
  private at: number[] | null = null;
  constructor(private text: string) {}

  /** Whether [start, end) holds one. */
  within(start: number, end: number): boolean {
    return hasPosition((this.at ??= this.find()), start, end);
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

  private find(): number[] {
    const out: number[] = [];
    const text = this.text;
    for (const w of ['lambda', 'for', 'yield']) {
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
        if (startsToken(text, i) && !isWordChar(text.charCodeAt(i + w.length))) out.push(i);
      }
    }
    for (let i = text.indexOf(':='); i >= 0; i = text.indexOf(':=', i + 1)) out.push(i);
    return out.sort((a, b) => a - b);
  }
}

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
 * its order: by start, then pattern order. `within` is the root for a run of module statements: the walk then
 * starts at the first top-level statement reaching `start`.
 */
export function siteCaptures(within: Node, start: number, end: number, words: ExpressionWords, skipId: number): SiteCapture[] {
  const { pattern, kind } = tableFor(within.tree.language);
  // In pre-order (by start, the outer node first at the same start): the query's order too.
  const found: SiteCapture[] = [];
  // Position reads are wasm calls: when the stretch is all of `within`, every node is inside it, and a statement
  // that is not captured needs no position at all.
  const withinEnd = within.endIndex;
  const whole = start <= within.startIndex && end >= withinEnd;
  // Nor does an expression need its span when `within` holds no expression word at all: none of its parts can.
  const wordless = whole && !words.within(within.startIndex, withinEnd);
  const cursor: TreeCursor = within.walk();
  try {
    let depth = 0;
    for (;;) {
      const id = cursor.nodeTypeId;
      const k = kind[id] ?? ENTER; // a type the table lacks (ERROR) is entered
      if (k !== LEAF) {
        const p = pattern[id];
        let s = -1;
        let e = -1;
        let inside = true;
        if (!whole) {
          s = cursor.startIndex;
          if (s >= end) break; // everything after is past the stretch
          e = cursor.endIndex;
          inside = e > start;
        }
        if (inside) {
          if (p >= 0) {
            // (a node of a whole `within` starts inside the stretch)
            if (!whole && s < 0) s = cursor.startIndex;
            if (whole || s >= start) {
              const node = cursor.currentNode;
              if (node.id !== skipId) found.push({ name: SITE_PATTERNS[p][1], node });
            }
          }
          let enter = k === ENTER;
          if (k === DEFINITION) {
            enter = true;
            let bodyOnly = wordless;
            if (!wordless) {
              if (s < 0) s = cursor.startIndex;
              if (e < 0) e = cursor.endIndex;
              bodyOnly = !words.within(s < start ? start : s, e);
            }
            if (bodyOnly && cursor.gotoLastChild()) {
              if (kind[cursor.nodeTypeId] === ENTER) {
                depth++;
                continue;
              }
              cursor.gotoParent(); // not the body last (a comment?): every child, as for any statement
            }
          } else if (!enter && !(wordless && k !== ASSIGNMENT && k !== EXPRESSION_STATEMENT)) {
            if (s < 0) s = cursor.startIndex;
            if (e < 0) e = cursor.endIndex;
            const from = s < start ? start : s;
            enter = (!wordless && words.within(from, e)) || (k === ASSIGNMENT ? words.secondEquals(from, e) : k === EXPRESSION_STATEMENT && words.assignmentMark(from, e));
          }
          if (enter && cursor.gotoFirstChild()) {
            depth++;
            continue;
          }
        }
      }
      // Next sibling, or up until there is one (never above `within`).
      for (;;) {
        if (depth === 0) return found;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
    return found;
  } finally {
    cursor.delete();
  }
}

/**
 * The captures of a run of module statements: `statements` (the root's named children) from `first` on, up to
 * `end`. Each is walked from itself, where a walk from the root steps over (and reads the type and span of) every
 * top-level statement before the run, for each run of the file. The root's other children (`;`) hold no site.
 */
export function runCaptures(statements: readonly (Node | null)[], first: number, end: number, words: ExpressionWords): SiteCapture[] {
  const out: SiteCapture[] = [];
  for (let i = first; i < statements.length; i++) {
    const st = statements[i];
    if (!st) continue;
    if (st.startIndex >= end) break;
    for (const c of siteCaptures(st, st.startIndex, end, words, -1)) out.push(c);
  }
  return out;
}

