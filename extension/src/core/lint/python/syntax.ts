// Small, allocation-light helpers over tree-sitter Python nodes. Type-only import: rule files use these
// without loading the parser.
import type { Node, Tree } from 'web-tree-sitter';
import type { TextRange } from '../types';

export function rangeOf(node: Node): TextRange {
  const s = node.startPosition;
  const e = node.endPosition;
  return { startLine: s.row, startColumn: s.column, endLine: e.row, endColumn: e.column };
}

/** Strips redundant parentheses: `(x)` is `x` for every question the rules ask. */
export function unwrap(node: Node | null): Node | null {
  let n = node;
  for (let i = 0; n && n.type === 'parenthesized_expression' && i < 50; i++) n = n.namedChild(0);
  return n;
}

/**
 * tree-sitter-python reads `f"{x:=^30}"` as a walrus (`x := ^30`); Python ends the expression at that `:` (a
 * walrus must be parenthesized in a replacement field) and reads `=^30` as the format spec. Such a walrus is
 * neither a binding nor a syntax error. These are the nodes tree-sitter may put between the replacement field
 * and that walrus (`{x:=,}`, `{a, b:==5}`); brackets are not among them: a walrus inside them is real.
 */
const SPEC_WALRUS_PATH = new Set(['named_expression', 'expression_list', 'ERROR']);

/** Is this walrus the misread format spec of an f-string replacement field? */
export function isFormatSpecWalrus(n: Node): boolean {
  if (n.type !== 'named_expression') return false;
  let p = n.parent;
  for (let i = 0; p && i < 8 && SPEC_WALRUS_PATH.has(p.type); i++) p = p.parent;
  return p?.type === 'interpolation';
}

/** Where the format spec of replacement field `interp` starts when tree-sitter read it as a walrus: else Infinity. */
export function formatSpecStart(interp: Node): number {
  let n: Node | null = interp;
  for (let depth = 0; n && depth < 8; depth++) {
    let next: Node | null = null;
    for (const c of n.children) {
      if (!c) continue;
      if (c.type === ':=') return c.startIndex + 1;
      if (!next && SPEC_WALRUS_PATH.has(c.type)) next = c;
    }
    n = next;
  }
  return Infinity;
}

/** `a.b.c` for a chain of identifiers/attributes, else null. */
export function dottedName(node: Node | null): string | null {
  const parts: string[] = [];
  let n = unwrap(node);
  for (let i = 0; n && i < 20; i++) {
    const type = n.type; // one wasm call per read
    if (type === 'identifier') {
      parts.push(n.text);
      return parts.reverse().join('.');
    }
    if (type !== 'attribute') return null;
    const attr = n.childForFieldName('attribute');
    if (!attr) return null;
    parts.push(attr.text);
    n = unwrap(n.childForFieldName('object'));
  }
  return null;
}

export interface Callee {
  /** Dotted name when the callee is a plain chain (`pd.read_csv`), else null. */
  full: string | null;
  /** Last segment: the function or method name (`read_csv`). */
  last: string;
  /** The receiver of a method call (`f` in `f.readlines()`), null for plain functions. */
  object: Node | null;
}

/**
 * An answer about `node` read once per tree: rules, facts and call-site searches ask about the same calls again,
 * and each reading is several wasm calls. Callers treat the answers as read-only.
 */
export function perTree<T>(table: WeakMap<Tree, Map<number, T>>, node: Node, read: (n: Node) => T): T {
  const tree = node.tree as Tree | undefined;
  if (!tree) return read(node);
  let byId = table.get(tree);
  if (!byId) table.set(tree, (byId = new Map()));
  let v = byId.get(node.id);
  if (v === undefined) byId.set(node.id, (v = read(node)));
  return v;
}

const callees = new WeakMap<Tree, Map<number, Callee | null>>();

export function calleeOf(call: Node): Callee | null {
  return perTree(callees, call, readCallee);
}

function readCallee(call: Node): Callee | null {
  const fn = unwrap(call.childForFieldName('function'));
  if (!fn) return null;
  if (fn.type === 'identifier') return { full: fn.text, last: fn.text, object: null };
  if (fn.type === 'attribute') {
    const attr = fn.childForFieldName('attribute');
    if (!attr) return null;
    return { full: dottedName(fn), last: attr.text, object: fn.childForFieldName('object') };
  }
  return null;
}

/** Positional arguments of a call (skips keyword, *args and **kwargs). */
const argLists = new WeakMap<Tree, Map<number, Node[]>>();

export function positionalArgs(call: Node): Node[] {
  return perTree(argLists, call, readPositionalArgs);
}

function readPositionalArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  const type = args?.type;
  if (!args || type !== 'argument_list') {
    // `f(x for x in y)`: the generator is the argument list itself.
    return args && type === 'generator_expression' ? [args] : [];
  }
  const out: Node[] = [];
  for (const c of args.namedChildren) {
    const t = c?.type; // one wasm call per read
    if (!c || t === 'keyword_argument' || t === 'list_splat' || t === 'dictionary_splat' || t === 'comment') continue;
    out.push(c);
  }
  return out;
}

export function keywordArg(call: Node, name: string): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return null;
  for (const c of args.namedChildren) {
    if (c && c.type === 'keyword_argument' && c.childForFieldName('name')?.text === name) return c.childForFieldName('value');
  }
  return null;
}

export function hasSplat(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return false;
  return args.namedChildren.some((c) => c && (c.type === 'list_splat' || c.type === 'dictionary_splat'));
}

/** The value of a plain string literal (`"a"`, `'b'`), null for f-strings and concatenations. */
export function stringValue(node: Node | null): string | null {
  const n = unwrap(node);
  if (!n || n.type !== 'string') return null;
  let out = '';
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation') return null;
    if (c.type === 'string_content' || c.type === 'escape_sequence') out += unescape(c.text);
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function unescape(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(.)/g, (m, ch: string) => ESCAPES[ch] ?? m);
}

export function isNumberLiteral(node: Node | null): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'integer' || n.type === 'float') return true;
  if (n.type === 'unary_operator') return isNumberLiteral(n.childForFieldName('argument'));
  return false;
}

/**
 * A position counted from the end, written as a minus before digits (`row[-1]`, `rows.pop(-2)`): how far from the
 * end (1 for `-1`); null for anything else (a name, an expression, a positive literal).
 */
export function positionFromEnd(node: Node): number | null {
  return node.type === 'unary_operator' && /^-\s*\d+$/.test(node.text) ? parseInt(node.text.replace(/^-\s*/, ''), 10) : null;
}

/** The enclosing loop (for/while) of a node within its function, or null. */
export function enclosingLoop(node: Node): Node | null {
  let n = node.parent;
  for (let i = 0; n && i < 200; i++) {
    const t = n.type;
    if (t === 'for_statement' || t === 'while_statement') return n;
    if (t === 'function_definition' || t === 'class_definition' || t === 'lambda' || t === 'module') return null;
    n = n.parent;
  }
  return null;
}

export function enclosingOfType(node: Node, types: readonly string[], limit = 200): Node | null {
  let n = node.parent;
  for (let i = 0; n && i < limit; i++) {
    if (types.includes(n.type)) return n;
    n = n.parent;
  }
  return null;
}

/** Source text of a node, shortened for messages. */
export function snippet(node: Node, max = 40): string {
  const t = node.text.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** The text between two operands of a comparison when it is exactly one operator (`not in`, `is not`: two tokens). */
const COMPARISON_OP_TEXT = /^[ \t]*(<=|>=|==|!=|<>|<|>|in|is|not)(?:[ \t]+(in|not))?[ \t]*$/;

/** Operand pairs of a (possibly chained) comparison: `0 < x <= 10` → (0, x, '<'), (x, 10, '<='). */
export function comparisonPairs(node: Node, text?: string): { left: Node; right: Node; op: string }[] {
  const out: { left: Node; right: Node; op: string }[] = [];
  if (text !== undefined) {
    // Fast path (the file's text at hand): the named children in one call and each operator read from the
    // text between two operands, instead of asking every child whether it is named and its type (two wasm
    // crossings each). Anything but a plain operator in between (an error, a comment) takes the slow path.
    const kids = node.namedChildren;
    let fast = true;
    for (let i = 1; i < kids.length && fast; i++) {
      const a = kids[i - 1];
      const b = kids[i];
      if (!a || !b) {
        fast = false;
        break;
      }
      const op = COMPARISON_OP_TEXT.exec(text.slice(a.endIndex, b.startIndex));
      if (!op) fast = false;
      else out.push({ left: a, right: b, op: op[2] ? `${op[1]} ${op[2]}` : op[1] });
    }
    if (fast) return out;
    out.length = 0;
  }
  let prev: Node | null = null;
  let op = '';
  for (const c of node.children) {
    if (!c) continue;
    if (c.isNamed) {
      if (prev && op) out.push({ left: prev, right: c, op });
      prev = c;
      op = '';
    } else op = op ? `${op} ${c.type}` : c.type;
  }
  return out;
}

/** A call of a module-level generator function of this file (its own body yields): a fresh one-shot iterator. */
export function isGeneratorCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'identifier') return false;
  for (const def of call.tree.rootNode.namedChildren) {
    const d = def?.type === 'decorated_definition' ? null : def; // a decorator may wrap it in anything
    if (d?.type !== 'function_definition' || d.childForFieldName('name')?.text !== fn.text) continue;
    return d.descendantsOfType('yield').some((y) => y && enclosingOfType(y, ['function_definition', 'lambda'])?.id === d.id);
  }
  return false;
}
