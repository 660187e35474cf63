// Where a binding sits among the loops and branches of its scope: the evaluator (fileFacts.ts) asks whether a
// later binding can reach a read on the loop's next turn, and which bodies may not run before the code after them.
import type { Node } from 'web-tree-sitter';

/** Is `site` inside a loop (below `scopeNode`) that also holds `pos` (and does not hold `outside`)? */
export function loopAround(site: Node, pos: number, scopeNode: Node, outside?: Node): boolean {
  for (let n: Node | null = site.parent, i = 0; n && i < 200 && n.id !== scopeNode.id; n = n.parent, i++) {
    const type = n.type; // (a wasm call)
    if ((type === 'for_statement' || type === 'while_statement') && n.startIndex <= pos && pos < n.endIndex && !(outside && n.startIndex <= outside.startIndex && outside.startIndex < n.endIndex)) return true;
  }
  return false;
}

/** Bodies that may not run (or run once only in part) before code after them. */
export const CONDITIONAL_BODIES = new Set(['if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'finally_clause']);

