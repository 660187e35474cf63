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

/** The argument `call` passes for parameter `index` named `name` (by keyword or position), else its default. */
export function argumentFor(call: Node, fn: Node, index: number, name: string): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args || args.namedChildren.some((c) => c?.type === 'list_splat' || c?.type === 'dictionary_splat')) return null;
  const given = keywordArg(call, name) ?? positionalArgs(call)[index] ?? null;
  if (given) return given;
  const p = fn.childForFieldName('parameters')?.namedChildren[index];
  return p && (p.type === 'default_parameter' || p.type === 'typed_default_parameter') ? p.childForFieldName('value') : null;
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
