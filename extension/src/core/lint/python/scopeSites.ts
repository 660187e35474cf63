// Where a name is bound, filled and looped over inside one scope (function or module), read from the tree: the
// syntactic half of the data-scale answers (dataScale.ts), shared with the MW4xx rules that ask about loops.
import type { Node } from 'web-tree-sitter';
import { assignmentsOf } from './scopeWalk';
import { calleeOf, positionalArgs } from './syntax';
import { CONTAINER_FACTORIES } from './library/derived';

export { assignmentsOf, fillsOf, unpackingsOf } from './scopeWalk';

/** `[]`, `{}`, `list()`, `dict()`, `defaultdict(list)`: a container that starts empty. */
export function isEmptyContainer(n: Node): boolean {
  if (n.type === 'list' || n.type === 'dictionary' || n.type === 'set') return n.namedChildren.length === 0;
  return n.type === 'call' && CONTAINER_FACTORIES.has(calleeOf(n)?.full ?? '') && positionalArgs(n).every((a) => a.type === 'identifier');
}

export function enclosingScope(node: Node): Node | null {
  let n = node.parent;
  for (let i = 0; n && i < 300; i++) {
    if (n.type === 'function_definition' || n.type === 'module') return n;
    n = n.parent;
  }
  return null;
}

/** The loops around `node` up to (not including) `stop`, innermost first. */
export function loopsBetween(node: Node, stop: Node | null): Node[] {
  const out: Node[] = [];
  for (let n = node.parent; n && n !== stop; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') break;
    if (n.type === 'for_statement' || n.type === 'while_statement') out.push(n);
  }
  return out;
}

/**
 * The loops that repeat an accumulation into `name` at `node`: the enclosing loops, minus those that also
 * hold `name`'s initial assignment (a buffer reset on every iteration only grows within the inner loops), and
 * minus every loop from the innermost one that resets it anywhere in its body (`word = ""` after the `+=` or on
 * another branch: a word built from characters, emptied at each separator). Such a value grows only over one
 * run between resets, whose length the code does not show; the loops around that one never carry it further.
 */
export function loopsGrowing(node: Node, name: string): Node[] {
  const scope = enclosingScope(node);
  const loops = loopsBetween(node, scope);
  if (!scope) return loops;
  let init: Node | null = null;
  const assignments = assignmentsOf(scope, name);
  for (const a of assignments) if (a.startIndex < node.startIndex) init = a;
  const inside = (l: Node, a: Node) => l.startIndex <= a.startIndex && a.endIndex <= l.endIndex;
  const resets = assignments.filter((a) => a !== init && !readsName(a.childForFieldName('right'), name));
  const cut = loops.findIndex((l) => (init && inside(l, init)) || resets.some((a) => inside(l, a)));
  return cut < 0 ? loops : loops.slice(0, cut);
}

/** Whether `name` is read in `n` (`s = s + x` grows the value; `s = ""` or `s = piece` starts it again). */
function readsName(n: Node | null, name: string): boolean {
  if (!n) return true; // no right side to read: not a reset
  // an explicit stack: a right side nested thousands deep must not overflow the call stack
  const stack: Node[] = [n];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.type === 'identifier') {
      if (c.text === name) return true;
      continue;
    }
    for (let i = 0; i < c.namedChildCount; i++) {
      const k = c.namedChild(i);
      if (k) stack.push(k);
    }
  }
  return false;
}

