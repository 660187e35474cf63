// Where a value crosses a function boundary inside one file, read from the tree alone: a module-level function
// by name, its call sites, the argument each call passes for a parameter, and the values it yields or returns.
// The data-scale answers (dataScale.ts) follow these so that a parameter fed `glob.glob(...)` at its call
// site, or a generator yielding `os.listdir` paths, is as data-scale as the source itself.
import type { Node } from 'web-tree-sitter';
import { keywordArg, positionalArgs } from './syntax';

/** At most this many call sites are followed for a parameter (more: the answer stays unknown). */
const MAX_CALLS = 10;

/** The module-level `def name` (decorated or not), or null. */
export function moduleFunction(root: Node, name: string): Node | null {
  for (const c of root.namedChildren) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return null;
}

/** The `__iter__` method of the module-level class `name`: what `for x in name(…)` walks. */
export function moduleClassIter(root: Node, name: string): Node | null {
  for (const c of root.namedChildren) {
    const cls = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (cls?.type !== 'class_definition' || cls.childForFieldName('name')?.text !== name) continue;
    for (const m of cls.childForFieldName('body')?.namedChildren ?? []) {
      const def = m?.type === 'decorated_definition' ? m.childForFieldName('definition') : m;
      if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === '__iter__') return def;
    }
  }
  return null;
}

/** Is `fn` a module-level function (its parent is the module, possibly through a decorator)? */
export function isModuleLevel(fn: Node): boolean {
  const p = fn.parent;
  return p?.type === 'module' || (p?.type === 'decorated_definition' && p.parent?.type === 'module');
}

/** The position of parameter `name` among `fn`'s plain parameters, or -1 (after `*`, `*args` or `**kw`: -1). */
export function parameterIndex(fn: Node, name: string): number {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (!p) return -1;
    if (p.type !== 'identifier' && p.type !== 'default_parameter' && p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') return -1;
    const n = p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? p.namedChild(0))?.text;
    if (n === name) return i;
  }
  return -1;
}

/** Calls `name(...)` in the file (`text` is the file's text), found by text; null when there are more than MAX_CALLS. */
export function callSitesOf(root: Node, text: string, name: string): Node[] | null {
  const re = new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, '')}\\s*\\(`, 'g');
  const out: Node[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = root.descendantForIndex(m.index);
    const call = id?.parent;
    if (id && id.type === 'identifier' && call && call.type === 'call' && call.childForFieldName('function')?.id === id.id) {
      if (out.length === MAX_CALLS) return null;
      out.push(call);
    }
  }
  return out;
}

/**
 * The argument `call` passes for parameter `index` named `name` (by keyword or position), else its default.
 * `shift`: leading parameters the call does not pass (`self` of a method called as `obj.m(…)` or `Cls(…)`).
 */
export function argumentFor(call: Node, fn: Node, index: number, name: string, shift = 0): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args || args.namedChildren.some((c) => c?.type === 'list_splat' || c?.type === 'dictionary_splat')) return null;
  const given = keywordArg(call, name) ?? positionalArgs(call)[index - shift] ?? null;
  if (given) return given;
  const p = fn.childForFieldName('parameters')?.namedChildren[index];
  return p && (p.type === 'default_parameter' || p.type === 'typed_default_parameter') ? p.childForFieldName('value') : null;
}

export interface MethodInfo {
  cls: Node;
  clsName: string;
  name: string;
  /** Leading parameters its calls do not pass: 1 (`self`, `cls`), 0 for a staticmethod. */
  shift: number;
  classmethod: boolean;
}

/** A method of a module-level class (not a property). */
export function methodOf(fn: Node): MethodInfo | null {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const cls = holder.parent?.type === 'block' ? holder.parent.parent : null;
  const name = fn.childForFieldName('name')?.text;
  const clsName = cls?.childForFieldName('name')?.text;
  if (!cls || cls.type !== 'class_definition' || cls.parent?.type !== 'module' || !name || !clsName) return null;
  const decorators = holder === fn ? '' : holder.text.slice(0, fn.startIndex - holder.startIndex);
  if (/@\s*(functools\.)?(cached_)?property\b/.test(decorators)) return null;
  return { cls, clsName, name, shift: /@\s*staticmethod\b/.test(decorators) ? 0 : 1, classmethod: /@\s*classmethod\b/.test(decorators) };
}

/**
 * Calls `<receiver>.name(...)` of a method in the file, found by text: on `self`/`cls` inside its class, on the
 * class itself for a static or class method, or on a value `factOf` says is an instance of the class. Null when
 * any other receiver calls a method of that name (it may be another class's) or there are more than MAX_CALLS.
 */
export function methodCallSitesOf(root: Node, text: string, m: MethodInfo, factOf: (n: Node) => { k: string; cls?: string } | null): Node[] | null {
  const re = new RegExp(`\\.\\s*${m.name.replace(/[^\w]/g, '')}\\s*\\(`, 'g');
  const out: Node[] = [];
  for (let hit = re.exec(text); hit; hit = re.exec(text)) {
    const id = root.descendantForIndex(hit.index + hit[0].indexOf(m.name));
    const attr = id?.parent;
    const call = attr?.parent;
    if (!id || id.type !== 'identifier' || attr?.type !== 'attribute' || call?.type !== 'call' || call.childForFieldName('function')?.id !== attr.id) continue;
    const recv = attr.childForFieldName('object');
    if (!recv || !receives(recv, call, m, factOf) || out.length === MAX_CALLS) return null;
    out.push(call);
  }
  return out;
}

function receives(recv: Node, call: Node, m: MethodInfo, factOf: (n: Node) => { k: string; cls?: string } | null): boolean {
  if (recv.type === 'identifier' && (recv.text === 'self' || recv.text === 'cls')) return call.startIndex >= m.cls.startIndex && call.endIndex <= m.cls.endIndex;
  if (recv.type === 'identifier' && recv.text === m.clsName) return m.shift === 0 || m.classmethod;
  const f = factOf(recv);
  return f?.k === 'object' && f.cls === m.clsName;
}

/** The `yield` and `return` expressions of `fn` itself (not of functions, classes or lambdas nested in it). */
export function outputsOf(fn: Node): { yields: Node[]; returns: Node[] } {
  const yields: Node[] = [];
  const returns: Node[] = [];
  const body = fn.childForFieldName('body');
  const stack: Node[] = body ? [body] : [];
  let visited = 0;
  while (stack.length && visited++ < 20_000) {
    const n = stack.pop()!;
    if (n.type === 'yield') yields.push(n);
    else if (n.type === 'return_statement') returns.push(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c && c.type !== 'function_definition' && c.type !== 'class_definition' && c.type !== 'lambda') stack.push(c);
    }
  }
  return { yields, returns };
}

/** `yield from x` (delegates to an iterable) versus `yield x` (one value). */
export function isYieldFrom(y: Node): boolean {
  return /^yield\s+from\b/.test(y.text);
}
