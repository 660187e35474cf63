// Scopes and binding sites collected from the engine's single query pass. Targets are decoded lazily, the
// first time a name in that scope is looked up, so files without interesting operations cost nothing more.
import type { Node } from 'web-tree-sitter';
import { isFormatSpecWalrus, unwrap } from '../syntax';
import { AFTER_STAR, STARRED } from './factTypes';

export type ScopeKind = 'module' | 'function' | 'class' | 'comp' | 'lambda';

export type BindingSiteKind = 'assignment' | 'augmented_assignment' | 'for_statement' | 'for_in_clause' | 'named_expression' | 'with_item';

export interface BindingSite {
  kind: BindingSiteKind;
  node: Node;
  /** The file's text, when its tree has no syntax error: a plain `name = …` is then decoded from the text. */
  text?: string;
  /** decodeSite's answer, kept: a scope's name table is rebuilt as more of its class or module is collected. */
  bindings?: Binding[];
}

/** One name bound at one site. `path` says how to unpack the bound value (`a, (b, c) = v` → c is [1, 1]). */
export interface Binding {
  name: string;
  site: BindingSite;
  path: number[];
  /** Position after which the binding is visible (end of the assignment, end of the `for` iterable…). */
  effect: number;
}

export interface Scope {
  kind: ScopeKind;
  node: Node;
  start: number;
  end: number;
  parent: Scope | null;
  children: Scope[];
  sites: BindingSite[];
  /** `x.append(v)` / `extend` / `insert` sites whose receiver is written in this scope. */
  mutations: Node[];
  returns: Node[];
  /** `yield x` expressions: the function is a generator of x. */
  yields: Node[];
  /** For function scopes: the function's name. */
  name?: string;
  names?: Map<string, Binding[]>;
  params?: Set<string>;
  paramList?: readonly Param[];
}

/** A parameter of a function or lambda, read once (each part is a wasm call, and parameters are asked often). */
export interface Param {
  node: Node;
  type: string;
  /** The name it declares (`x`, `x=1`, `x: T`, `*args`): its identifier's text. */
  name: string | undefined;
  /** The name is an identifier (not `(a, b)=…` of old syntax): the parameter binds it in the scope. */
  binds: boolean;
}

export function newScope(kind: ScopeKind, node: Node, parent: Scope | null): Scope {
  return { kind, node, start: node.startIndex, end: node.endIndex, parent, children: [], sites: [], mutations: [], returns: [], yields: [] };
}

/** Innermost scope containing `pos`, descending from `root` by binary search over sorted children. */
export function scopeAt(root: Scope, pos: number): Scope {
  let s = root;
  for (let guard = 0; guard < 10000; guard++) {
    const kids = s.children;
    let lo = 0;
    let hi = kids.length - 1;
    let found: Scope | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = kids[mid];
      if (pos < c.start) hi = mid - 1;
      else if (pos >= c.end) lo = mid + 1;
      else {
        found = c;
        break;
      }
    }
    if (!found) return s;
    s = found;
  }
  return s;
}

function collectTargets(target: Node | null, path: number[], out: { name: string; path: number[]; node: Node }[], depth = 0): void {
  const t = unwrap(target);
  if (!t || depth > 20) return;
  switch (t.type) {
    case 'identifier':
      out.push({ name: t.text, path, node: t });
      return;
    case 'attribute': {
      // `self.rows = …` binds "self.rows" (the class-wide lookup uses it).
      const obj = t.childForFieldName('object');
      const attr = t.childForFieldName('attribute');
      if (obj?.type === 'identifier' && obj.text === 'self' && attr) out.push({ name: 'self.' + attr.text, path, node: t });
      return;
    }
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'expression_list':
    case 'tuple':
    case 'list': {
      // `a, *rest, z = v`: rest is a list of v's elements from its position on; z is some element.
      let i = 0;
      let starred = false;
      for (const c of t.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat_pattern' || c.type === 'list_splat') {
          if (starred) return;
          starred = true;
          collectTargets(c.namedChild(0), [...path, STARRED + i], out, depth + 1);
        } else collectTargets(c, [...path, starred ? AFTER_STAR : i], out, depth + 1);
        i++;
      }
      return;
    }
    default:
      return;
  }
}

export function decodeSite(site: BindingSite): Binding[] {
  return (site.bindings ??= readBindings(site));
}

/**
 * Words a plain-name target read from the text may not be: keywords (`None = 1` has a `none` target) and soft
 * keywords (the grammar may read those as other nodes). The tree decides for them.
 */
const NOT_PLAIN_TARGETS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'print', 'exec', 'match', 'case', 'type',
]);

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The end of the ASCII name starting at `at`, or -1 when none starts there. */
function nameEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return -1;
  let e = at + 1;
  while (isWordCode(text.charCodeAt(e))) e++;
  return e;
}

/**
 * The name an assignment at `at` binds when its target is one plain ASCII name or `self.<name>`, read from the text:
 * the word(s) there, then (past spaces) `=` but not `==`, or `:` (`x: int = 1`); for an augmented assignment an
 * operator (`+=`, `//=`). Anything else (`a, b =`, `a.b =` but for `self`, `(a) =`, a line continuation, a non-ASCII
 * name) is null: the tree decides.
 */
function plainTarget(text: string, at: number, augmented: boolean): string | null {
  let e = nameEnd(text, at);
  if (e < 0) return null;
  let attr = -1;
  if (e === at + 4 && text.startsWith('self.', at)) {
    // `self.rows = …` binds "self.rows" (collectTargets)
    attr = at + 5;
    e = nameEnd(text, attr);
    if (e < 0) return null;
  }
  let k = e;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  const c = text.charCodeAt(k);
  const ok = augmented ? '+-*/%@&|^<>'.includes(text[k] ?? ' ') : (c === 61 /* = */ && text.charCodeAt(k + 1) !== 61) || c === 58; /* : */
  if (!ok) return null;
  const name = text.slice(attr < 0 ? at : attr, e);
  if (NOT_PLAIN_TARGETS.has(name)) return null;
  return attr < 0 ? name : 'self.' + name;
}

function readBindings(site: BindingSite): Binding[] {
  const n = site.node;
  if (site.text !== undefined && (site.kind === 'assignment' || site.kind === 'augmented_assignment')) {
    // Most sites bind one plain name or `self.<name>`: read from the text, where the tree costs four to seven wasm calls.
    const name = plainTarget(site.text, n.startIndex, site.kind === 'augmented_assignment');
    if (name !== null) return [{ name, site, path: [], effect: n.endIndex }];
  }
  const out: { name: string; path: number[]; node: Node }[] = [];
  let effect = n.endIndex;
  switch (site.kind) {
    case 'assignment':
    case 'augmented_assignment':
      collectTargets(n.childForFieldName('left'), [], out);
      break;
    case 'for_statement':
    case 'for_in_clause': {
      collectTargets(n.childForFieldName('left'), [], out);
      const right = n.childForFieldName('right');
      effect = right ? right.endIndex : n.startIndex;
      break;
    }
    case 'named_expression':
      if (!isFormatSpecWalrus(n)) collectTargets(n.childForFieldName('name'), [], out);
      break;
    case 'with_item': {
      const v = n.childForFieldName('value');
      if (v?.type === 'as_pattern') {
        const alias = v.childForFieldName('alias');
        collectTargets(alias?.namedChild(0) ?? null, [], out);
      }
      break;
    }
  }
  return out.map((t) => ({ name: t.name, site, path: t.path, effect }));
}

export function namesOf(scope: Scope): Map<string, Binding[]> {
  if (!scope.names) {
    const m = new Map<string, Binding[]>();
    for (const site of scope.sites) {
      for (const b of decodeSite(site)) {
        let list = m.get(b.name);
        if (!list) m.set(b.name, (list = []));
        list.push(b);
      }
    }
    for (const list of m.values()) list.sort((a, b) => a.effect - b.effect);
    scope.names = m;
  }
  return scope.names;
}

export function paramsOf(scope: Scope): Set<string> {
  if (!scope.params) {
    const set = new Set<string>();
    if (scope.kind === 'function' || scope.kind === 'lambda') for (const p of paramList(scope)) if (p.binds) set.add(p.name!);
    scope.params = set;
  }
  return scope.params;
}

/** The parameters of a function or lambda scope, in order (typed ones have no `name` field: their identifier). */
export function paramList(scope: Scope): readonly Param[] {
  if (!scope.paramList) {
    const out: Param[] = [];
    for (const p of scope.node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      const type = p.type;
      const id = type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null);
      out.push({ node: p, type, name: id?.text, binds: !!id && (id === p || id.type === 'identifier') });
    }
    scope.paramList = out;
  }
  return scope.paramList;
}

/** Per scope, read once: a class's name, and the decorators of a definition (`@property\n`, or '' undecorated). */
const classNames = new WeakMap<Scope, string>();
const decoratorTexts = new WeakMap<Scope, string>();

/** The name of a class scope ('' when it has none). */
export function classNameOf(cls: Scope): string {
  let n = classNames.get(cls);
  if (n === undefined) classNames.set(cls, (n = cls.node.childForFieldName('name')?.text ?? ''));
  return n;
}

/** The text of the decorated definition holding a function or class scope's node ('' when it is not decorated). */
export function decoratedText(scope: Scope): string {
  let t = decoratorTexts.get(scope);
  if (t === undefined) {
    const parent = scope.node.parent;
    decoratorTexts.set(scope, (t = parent?.type === 'decorated_definition' ? parent.text : ''));
  }
  return t;
}
