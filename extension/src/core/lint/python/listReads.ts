// How one read of a loaded list sits in the tree, for the MW3xx use analysis (wholeFileUse.ts, attributeWalks.ts):
// iterated by a `for` or a comprehension, consumed by a streaming call, a tail read, inside a loop or a nested
// function between it and its scope, a `self.<attr>` of a method of a module-level class.
import type { Node } from 'web-tree-sitter';
import { STREAMING_FUNCTIONS, STREAMING_METHODS } from './library/derived';
import { unwrap } from './syntax';

export interface StreamUse {
  /** The load is iterated right where it is made (`for line in f.readlines()`): a safe fix can drop it. */
  direct: boolean;
  /** Only the last lines are used (`lines[-1]`, `lines[-5:]`): MW304's case. */
  tail?: boolean;
  /** Loaded only to be counted (`len(f.readlines())`): a pass that counts holds one line at a time. */
  counted?: boolean;
}

/** How deep `return` is followed into callers (helper → caller → its caller). */
export const MAX_CALLER_DEPTH = 3;
/** More reads than this: not a simple stream (and not worth the walk). */
export const MAX_USES = 40;

/** The enclosing node, stepping over parentheses. */
export function parentOf(n: Node): Node | null {
  let p = n.parent;
  for (let i = 0; p && p.type === 'parenthesized_expression' && i < 1000; i++) p = p.parent;
  return p;
}

/** Iterated by this node: `for _ in x`, `[… for _ in x]`. */
export function iterates(p: Node, x: Node): boolean {
  return (p.type === 'for_statement' || p.type === 'for_in_clause') && unwrap(p.childForFieldName('right'))?.id === x.id;
}

/** An argument of a call that consumes its iterable lazily, once (enumerate/zip/map/filter, from the model). */
export function streamedBy(p: Node): Node | null {
  const call = p.type === 'argument_list' ? p.parent : null;
  if (!call || call.type !== 'call') return null;
  const fn = call.childForFieldName('function');
  if (STREAMING_FUNCTIONS.has(fn?.text ?? '')) return call;
  // a streaming method, with the load as its only argument (`dst.writelines(src.readlines())`)
  return fn?.type === 'attribute' && STREAMING_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') && p.namedChildCount === 1 ? call : null;
}

/** The function or module whose local `name` an assignment binds. */
export function scopeOf(n: Node): Node | null {
  let s: Node | null = n.parent;
  for (let i = 0; s && i < 10000; i++) {
    if (s.type === 'function_definition' || s.type === 'module') return s;
    s = s.parent;
  }
  return null;
}

/** Is `use` inside a loop (or a nested function/class/lambda) that lies between it and `scope` but does not hold `assignment`? */
export function enclosing(use: Node, scope: Node, assignment: Node): { loop: boolean; nested: boolean } {
  const out = { loop: false, nested: false };
  for (let a = use.parent; a && a.id !== scope.id; a = a.parent) {
    if (a.type === 'function_definition' || a.type === 'lambda' || a.type === 'class_definition') out.nested = true;
    const holdsAssignment = a.startIndex <= assignment.startIndex && a.endIndex >= assignment.endIndex;
    if ((a.type === 'for_statement' || a.type === 'while_statement') && !holdsAssignment) {
      // The loop's own iterable is evaluated once: `for x in lines` (or `lines[1:]`, `enumerate(lines)`,
      // `zip(n, lines)`) is one pass even though it is the loop; what the header does with the list is judged by
      // the use itself.
      const iterated = a.type === 'for_statement' ? a.childForFieldName('right') : null;
      if (!(iterated && iterated.startIndex <= use.startIndex && use.endIndex <= iterated.endIndex)) out.loop = true;
    }
  }
  return out;
}

/** A tail read: `x[-n]` or `x[-n:]` with n a literal or a name (`lines[-TAIL:]`), as MW304 reads it. */
export function isTailRead(sub: Node): boolean {
  const idx = sub.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  if (idx.length !== 1) return false;
  const i = idx[0];
  const count = (n: Node | null | undefined) => n?.type === 'integer' || n?.type === 'identifier';
  const negative = (n: Node | null) => !!n && n.type === 'unary_operator' && n.text.startsWith('-') && count(n.childForFieldName('argument'));
  if (negative(i)) return true;
  if (i.type !== 'slice') return false;
  const parts = i.namedChildren.filter((c): c is Node => !!c);
  return parts.length === 1 && negative(parts[0]) && i.text.trim().endsWith(':');
}

/** `self.<name>` */
export function isSelfAttribute(n: Node | null): boolean {
  return !!n && n.type === 'attribute' && n.childForFieldName('object')?.type === 'identifier' && n.childForFieldName('object')!.text === 'self';
}

/** The method holding `n` and its class (a module-level class, undecorated methods only count as reachable once). */
export function methodOf(n: Node): { method: Node; cls: Node } | null {
  const method = scopeOf(n);
  const cls = method?.type === 'function_definition' ? method.parent?.parent : null;
  return method && cls?.type === 'class_definition' && cls.parent?.type === 'module' ? { method, cls } : null;
}
