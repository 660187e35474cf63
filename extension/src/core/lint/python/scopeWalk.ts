// The assignments and calls of one function (or module) scope, for scopeSites.ts and dataScale.ts: found by one walk of the
// scope per tree, nested functions and classes left out. Each step of a walk asks wasm for a node's children
// and types, and MW402 asked for the same scope's walk once per `+=` in it (and data scale once per name), so
// the walk and what each entry's questions read from the tree are kept for the tree's lifetime.
import type { Node, Tree } from 'web-tree-sitter';
import { calleeOf } from './syntax';
import { FILLS } from './library/derived';

/** How many nodes a scope walk visits at most (a generated function of thousands of statements stops there). */
const MAX_VISITED = 20_000;

interface Entry {
  node: Node;
  isCall: boolean;
  /** An augmented assignment (`d[k] += n`): a fill of `d` when its target is a subscript, never a binding. */
  aug?: boolean;
  /** Assignments: the text of the left side (null: none). Calls: the text of the callee's receiver (null: none). */
  target?: string | null;
  /** Assignments: `d` of a `d[k] = …` target. Calls: the method name. */
  detail?: string | null;
}

const walks = new WeakMap<Tree, Map<number, Entry[]>>();

/** The scope's assignments and calls in document order (a stack walk, as every caller walked it before). */
function entriesOf(scope: Node): Entry[] {
  let byScope = walks.get(scope.tree);
  if (!byScope) walks.set(scope.tree, (byScope = new Map()));
  let out = byScope.get(scope.id);
  if (out) return out;
  out = [];
  const stack: { node: Node; type: string }[] = [{ node: scope, type: scope.type }];
  let visited = 0;
  while (stack.length && visited++ < MAX_VISITED) {
    const { node, type } = stack.pop()!;
    if (type === 'assignment' || type === 'call') out.push({ node, isCall: type === 'call' });
    else if (type === 'augmented_assignment') out.push({ node, isCall: false, aug: true });
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const c = node.namedChild(i);
      if (!c) continue;
      const t = c.type;
      if (t !== 'function_definition' && t !== 'class_definition') stack.push({ node: c, type: t });
    }
  }
  byScope.set(scope.id, out);
  return out;
}

/** Reads (once) what assignmentsOf and fillsOf compare against a name. */
function described(e: Entry): Entry {
  if (e.target !== undefined) return e;
  if (e.isCall) {
    const c = calleeOf(e.node);
    e.target = c?.object?.text ?? null;
    e.detail = c?.last ?? null;
  } else {
    const left = e.node.childForFieldName('left');
    e.target = left?.text ?? null;
    e.detail = left?.type === 'subscript' ? left.childForFieldName('value')?.text ?? null : null;
  }
  return e;
}

/** `name = …` assignments in the scope (nested functions and classes excluded), in document order. */
export function assignmentsOf(scope: Node, name: string): Node[] {
  const out: Node[] = [];
  for (const e of entriesOf(scope)) if (!e.isCall && !e.aug && described(e).target === name) out.push(e.node);
  return out;
}

/**
 * `a, name = …` assignments in the scope (a tuple, list or bare pattern on the left), in document order, each with
 * the position of `name` in its pattern. Patterns with a starred part give no position (it depends on the length).
 */
export function unpackingsOf(scope: Node, name: string): { node: Node; index: number }[] {
  const out: { node: Node; index: number }[] = [];
  for (const e of entriesOf(scope)) {
    if (e.isCall || e.aug) continue;
    const d = described(e);
    if (!d.target || !d.target.includes(',') || !d.target.includes(name)) continue;
    const left = e.node.childForFieldName('left');
    if (!left || !/^(pattern_list|tuple_pattern|list_pattern)$/.test(left.type)) continue;
    const parts = left.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (parts.some((p) => p.type === 'list_splat_pattern')) continue;
    const index = parts.findIndex((p) => p.type === 'identifier' && p.text === name);
    if (index >= 0) out.push({ node: e.node, index });
  }
  return out;
}

/**
 * `name.append(…)`, `name.extend(…)`, `name[k] = …`, `name[k] += …`, `name.add(…)` sites; with `elements`, also fills
 * of an element (`name[k].append(…)`), which add the key to a defaultdict. A counting dict (`Counter()`,
 * `defaultdict(int)`) gains a key at each `name[k] += n`.
 */
export function fillsOf(scope: Node, name: string, elements = false): Node[] {
  const out: Node[] = [];
  for (const e of entriesOf(scope)) {
    const d = described(e);
    const receiver = d.isCall && (d.target === name || (elements && d.target?.startsWith(`${name}[`)));
    if (d.isCall ? receiver && FILLS.has(d.detail ?? '') : d.detail === name) out.push(e.node);
  }
  return out;
}
