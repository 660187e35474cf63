// The vocabulary of the JS value facts: what can be known about a value (Fact), how a variable got its
// values (Def), and the small pure helpers over estree nodes that the evaluator and analyses share.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { BindingInfo, TextOrigin } from './ruleContext';

export type Node = TSESTree.Node;
export type Call = TSESTree.CallExpression;
export type Fn = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** What is known about a value. */
export type Fact =
  | { t: 'text'; origin: TextOrigin }
  | { t: 'num' }
  /** An array, record or iterable whose elements (or fields) have fact `elem`; `big` names a data collection. */
  | { t: 'list'; elem?: Fact; big?: string; stream?: boolean; batch?: boolean; match?: boolean; /** a Map: elem is its values */ map?: boolean; /** a Set built from a list (`new Set(xs)`): `.size` is its count */ set?: boolean; /** a JSON.parse value: its members and elements are JSON values too */ json?: boolean; /** an array literal's elements by position (`[key, Number(v)]`): `elem` is only the first one's */ items?: (Fact | undefined)[] }
  /** A record with known fields; `rest` is what every other field holds (`{ ...row, total: 0 }` keeps row's text fields). */
  | { t: 'obj'; props: Map<string, Fact | undefined>; rest?: Fact }
  /** The whole content of a file, from `read`. */
  | { t: 'file'; read: Call }
  /** A module (or a member path inside one), from import/require. */
  | { t: 'mod'; source: string; path: string[] }
  | { t: 'fn'; fn: Fn }
  /** An instance of a class declared in this file (`new Ledger()`): its fields are the class's `this.x` slots. */
  | { t: 'inst'; cls: Node }
  /** URLSearchParams-like: `.get()` returns text. */
  | { t: 'query'; what: string };

export type Step = { key: string } | { index: number } | { rest: true };

export type Def =
  | { k: 'expr'; expr: TSESTree.Expression; path: Step[] }
  | { k: 'iter'; expr: TSESTree.Expression; path: Step[] }
  | { k: 'param'; fn: Fn; index: number; path: Step[] }
  | { k: 'import'; source: string; imported: string }
  | { k: 'fn'; fn: Fn }
  | { k: 'opaque' };

export interface Binding extends BindingInfo {
  defs: Def[];
}

/** `this.<prop>` within one class: what is assigned to it and every place it is read. */
export interface ThisSlot {
  assigned: TSESTree.Expression[];
  refs: Node[];
  opaque?: boolean;
}

export const NUM: Fact = { t: 'num' };
export const MAX_DEPTH = 60;

export const TEXT_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight', 'toLowerCase', 'toUpperCase', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'normalize', 'at', 'charAt', 'toString', 'valueOf']);
/** Methods that leave a whole file's text a whole file's text. */
export const FILE_TEXT_SAME = new Set(['toString', 'trim', 'trimEnd', 'trimRight', 'trimStart', 'trimLeft', 'normalize']);
export const LIST_SAME = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'concat', 'splice', 'values']);
/** Methods that read one element; `get` is a Map's (a Map is modelled as a list of its values). */
export const LIST_ELEM = new Set(['find', 'findLast', 'at', 'pop', 'shift', 'get']);
export const ELEM_CALLBACK = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']);
export const ARRAY_MEMBERS = new Set(['push', 'pop', 'shift', 'unshift', 'map', 'filter', 'forEach', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'flat', 'slice', 'splice', 'sort', 'reverse', 'concat', 'join', 'includes', 'indexOf', 'lastIndexOf', 'entries', 'keys', 'values', 'at', 'fill', 'toSorted', 'toReversed', 'on', 'once', 'pipe', 'read', 'close', 'toString']);
export const NUMERIC_GLOBAL_CALLS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt']);
export const ARITH_OPS = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
export const RELATIONAL = new Set(['<', '>', '<=', '>=']);
export const LOOP_TYPES = new Set(['ForStatement', 'ForOfStatement', 'ForInStatement', 'WhileStatement', 'DoWhileStatement']);
export const FN_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration']);
export const ITERATION_METHODS = new Set(['forEach', 'map', 'reduce', 'reduceRight', 'filter', 'some', 'every', 'flatMap', 'find']);

/** Element `i` of a list: by position for an array literal (a tuple), else its element fact. */
export function itemAt(f: Fact & { t: 'list' }, i: number): Fact | undefined {
  return f.items ? f.items[i] : f.elem;
}

/** The value of a `[key, value]` pair: a tuple's second item, an entry's field '1', or a split pair's text. */
export function pairValue(pair: Fact | undefined): Fact | undefined {
  if (pair?.t === 'obj') return pair.props.get('1');
  if (pair?.t !== 'list' || pair.match || pair.map) return undefined;
  return pair.items ? pair.items[1] : pair.elem?.t === 'text' ? pair.elem : undefined;
}

export function normSource(s: string): string {
  return s.startsWith('node:') ? s.slice(5) : s;
}

export function propName(m: TSESTree.MemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  // `this.#load()`: a private member, named as the class table records it.
  if (!m.computed && m.property.type === 'PrivateIdentifier') return `#${m.property.name}`;
  if (m.computed && m.property.type === 'Literal' && typeof m.property.value === 'string') return m.property.value;
  return undefined;
}

/**
 * The name a class member goes by: `rows`, or `#rows` for a private one (`this.#rows` is its own slot, apart
 * from a public `rows`); undefined for a computed key.
 */
export function memberKey(node: TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.MemberExpression): string | undefined {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (node.computed) return undefined;
  return key.type === 'Identifier' ? key.name : key.type === 'PrivateIdentifier' ? `#${key.name}` : undefined;
}

/**
 * Spread record `f` into `props` (`{ ...row }`, `Object.assign(target, row)`): its known fields override, and
 * the fact of every other field is returned (a parsed record's text, or unknown).
 */
export function spreadRecord(props: Map<string, Fact | undefined>, f: Fact | undefined): Fact | undefined {
  if (f?.t === 'obj') {
    for (const [k, v] of f.props) props.set(k, v);
    return f.rest;
  }
  return f?.t === 'list' && !f.map ? f.elem : undefined;
}

/** The static key of an object literal's property or pattern (`a:` or `'a':`), or undefined for a computed one. */
export function propertyKey(p: TSESTree.Property): string | undefined {
  if (p.key.type === 'Identifier' && !p.computed) return p.key.name;
  return p.key.type === 'Literal' ? String(p.key.value) : undefined;
}

export function isStringLiteral(n: Node | undefined, value?: string): boolean {
  return !!n && n.type === 'Literal' && typeof n.value === 'string' && (value === undefined || n.value === value);
}

export function isNumberLiteral(n: Node | undefined): boolean {
  return !!n && n.type === 'Literal' && typeof n.value === 'number';
}

export function unwrap(n: Node): Node {
  let cur = n;
  for (let i = 0; i < 20; i++) {
    if (cur.type === 'TSAsExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSTypeAssertion') cur = cur.expression;
    else if (cur.type === 'ChainExpression') cur = cur.expression;
    else break;
  }
  return cur;
}

/** Truthy-valued `cast`/`dynamicTyping`-like option, or one set from a variable (unknown: assume converted). */
export function optionConverts(options: Node | undefined, names: string[]): boolean {
  if (!options) return false;
  if (options.type !== 'ObjectExpression') return true;
  for (const p of options.properties) {
    if (p.type === 'SpreadElement') return true;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
    if (!names.includes(key)) continue;
    if (p.value.type === 'Literal' && (p.value.value === false || p.value.value === null)) continue;
    return true;
  }
  return false;
}

