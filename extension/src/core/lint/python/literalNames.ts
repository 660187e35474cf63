// A name that holds one fixed path: bound once in its scope (`filename = "pi_digits.txt"`, or at module level
// and read in a function), or a parameter of a module-level function to which every call in the file passes
// the same path (`read_words("filtered_words.txt")`). Anything else (two bindings, a loop variable, a
// parameter given different paths or called from elsewhere) holds no fixed path. Syntax only: the caller
// says what counts as a path (literalInput.ts).
import type { Node } from 'web-tree-sitter';
import type { LiteralInput } from '../types';
import { argumentFor, callSitesOf, isModuleLevel, parameterIndex } from './inFileFunctions';
import { assignmentsOf, enclosingScope } from './scopeSites';

export function literalPathOfName(id: Node, pathOf: (expr: Node) => LiteralInput | undefined): LiteralInput | undefined {
  const scope = enclosingScope(id);
  if (!scope) return undefined;
  const name = id.text;
  let bindings = assignmentsOf(scope, name);
  if (!bindings.length && scope.type === 'function_definition') {
    const index = parameterIndex(scope, name);
    if (index >= 0) return samePathFromEveryCall(scope, index, name, pathOf);
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
  const calls = callSitesOf(root, root.text, fnName);
  if (!calls?.length) return undefined;
  let first: LiteralInput | undefined;
  for (const call of calls) {
    const arg = argumentFor(call, fn, index, name);
    const p = arg ? pathOf(arg) : undefined;
    if (!p || (first && p.path !== first.path)) return undefined;
    first ??= p;
  }
  return first;
}
