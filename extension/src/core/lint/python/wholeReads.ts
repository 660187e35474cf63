// Calls that read a whole file into one text (`f.read()`, `p.read_text()`), and the one later use of a text kept
// in a name: shared by the rules that report what is done with such a text (MW302 splits it into lines, MW305
// scans it with a regex).
import type { Node } from 'web-tree-sitter';
import { METHOD_EVALUATIONS, methodsEvaluatedAs } from './library/derived';
import { positionalArgs } from './syntax';

/** Methods reading a whole file as one text (`f.read()`, `p.read_text()`), from the library model. */
export const WHOLE_READS = methodsEvaluatedAs('read-file', 'read-path');

/** A whole read: `f.read()` takes no argument (`size=` bounds it); `read_text` only keywords (encoding, errors). */
export function wholeRead(call: Node, method: string): boolean {
  const args = call.childForFieldName('arguments');
  return METHOD_EVALUATIONS.get(method) === 'read-file' ? !args?.namedChildren.some((c) => c && c.type !== 'comment') : positionalArgs(call).length === 0;
}

/**
 * `name = f.read()`: the name and where its one use after the assignment starts (an offset into `text`), when the
 * name occurs exactly once more in the code of the rest of its function (or the module); null otherwise.
 */
export function onlyLaterUse(read: Node, text: string): { name: string; at: number } | null {
  const assign = read.parent;
  const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
  if (!assign || !left || left.type !== 'identifier') return null;
  let scope: Node | null = assign;
  for (let i = 0; scope && i < 200 && scope.type !== 'function_definition' && scope.type !== 'module'; i++) scope = scope.parent;
  const from = assign.endIndex;
  const rest = text.slice(from, scope ? scope.endIndex : text.length);
  const name = left.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Mentions in comments and strings (`# print(log)`) are not uses: each hit must be the name in the tree.
  const uses = [...rest.matchAll(new RegExp(`(?<![\\w.])${name}\\b`, 'g'))].filter((m) => {
    const at = from + m.index!;
    const n = read.tree.rootNode.descendantForIndex(at, at + left.text.length);
    return n?.type === 'identifier' && n.startIndex === at;
  });
  return uses.length === 1 ? { name: left.text, at: from + uses[0].index! } : null;
}
