// A name that holds one fixed path: bound once in its scope (`filename = "pi_digits.txt"`, or at module level
// and read in a function), or a parameter of a module-level function (or of a method, called on `self`) to
// which every call in the file passes the same path (`read_words("filtered_words.txt")`) or leaves its default.
// Anything else (two bindings, a loop variable, a parameter given different paths or called from elsewhere)
// holds no fixed path. Syntax only: the caller says what counts as a path (literalInput.ts).
import type { Node } from 'web-tree-sitter';
import type { LiteralInput } from '../types';
import { argumentFor, callSitesOf, isModuleLevel, methodCallSitesOf, methodOf, parameterIndex } from './inFileFunctions';
import { assignmentsOf, enclosingScope } from './scopeSites';

export function literalPathOfName(id: Node, pathOf: (expr: Node) => LiteralInput | undefined): LiteralInput | undefined {
  const scope = enclosingScope(id);
  if (!scope) return undefined;
  const name = id.text;
  let bindings = assignmentsOf(scope, name);
  if (!bindings.length && scope.type === 'function_definition') {
    const index = parameterIndex(scope, name);
    if (index >= 0) return isModuleLevel(scope) ? samePathFromEveryCall(scope, index, name, pathOf) : samePathFromEveryMethodCall(scope, index, name, pathOf);
    bindings = assignmentsOf(id.tree.rootNode, name); // a module global read in the function
  }
  if (bindings.length !== 1 || bindings[0].type !== 'assignment') return undefined;
  const right = bindings[0].childForFieldName('right');
  return right && bindings[0].childForFieldName('left')?.type === 'identifier' ? pathOf(right) : undefined;
}

function samePathFromEveryCall(fn: Node, index: number, name: string, pathOf: (expr: Node) => LiteralInput | undefined): LiteralInput | undefined {
  const fnName = fn.childForFieldName('name')?.text;
  if (!fnName || !isModuleLevel(fn)) return undefined;
  const root = fn.tree.rootNode;
  return samePathFrom(callSitesOf(root, root.text, fnName), fn, index, name, 0, pathOf);
}

/**
 * A method's parameter (`def load(self, filename="words.txt")`, called as `self.load()`): the same path from every
 * call in the file on `self`, `cls` or the class (a call on any other receiver: no fixed path), its default where
 * a call leaves it out.
 */
function samePathFromEveryMethodCall(fn: Node, index: number, name: string, pathOf: (expr: Node) => LiteralInput | undefined): LiteralInput | undefined {
  const m = methodOf(fn);
  if (!m) return undefined;
  const root = fn.tree.rootNode;
  return samePathFrom(methodCallSitesOf(root, root.text, m, () => null), fn, index, name, m.shift, pathOf);
}

function samePathFrom(calls: Node[] | null, fn: Node, index: number, name: string, shift: number, pathOf: (expr: Node) => LiteralInput | undefined): LiteralInput | undefined {
  if (!calls?.length) return undefined;
  let first: LiteralInput | undefined;
  for (const call of calls) {
    const arg = argumentFor(call, fn, index, name, shift);
    const p = arg ? pathOf(arg) : undefined;
    if (!p || (first && p.path !== first.path)) return undefined;
    first ??= p;
  }
  return first;
}
