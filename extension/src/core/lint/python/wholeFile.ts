// Shared logic for MW3xx: is a materialised list of lines only walked once?
import type { Node } from 'web-tree-sitter';
import { unwrap } from './syntax';

/**
 * For `lines = <load>`, or `for x in <load>`: true when the loaded list is walked once (iterated) rather than
 * indexed or measured. A directly iterated load counts; an assigned one needs no `name[i]`/`len(name)` use.
 */
export function walkedOnce(load: Node, text: string): { direct: boolean; tail?: boolean } | null {
  let p = load.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  if (!p) return null;
  if ((p.type === 'for_statement' || p.type === 'for_in_clause') && unwrap(p.childForFieldName('right'))?.id === load.id) return { direct: true };
  if (p.type === 'argument_list' && p.parent?.type === 'call' && /^(enumerate|zip|map|filter)$/.test(p.parent.childForFieldName('function')?.text ?? '')) return { direct: false };
  if (p.type === 'assignment' && p.childForFieldName('left')?.type === 'identifier') {
    const name = p.childForFieldName('left')!.text;
    // The rest of the enclosing function (or module) after the assignment.
    let scope: Node | null = p;
    for (let i = 0; scope && i < 200 && scope.type !== 'function_definition' && scope.type !== 'module'; i++) scope = scope.parent;
    const end = scope ? scope.endIndex : text.length;
    const rest = text.slice(p.endIndex, end);
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const uses = rest.match(new RegExp(`(?<![\\w.])${esc}\\b(?!\\s*=[^=])`, 'g'));
    if (!uses || uses.length === 0) return null;
    // `lines = f.readlines()` then only `lines[-1]` / `lines[-5:]`: keeping the tail (MW304's case).
    const tails = rest.match(new RegExp(`(?<![\\w.])${esc}\\s*\\[\\s*-\\s*\\d+\\s*(?::\\s*)?\\]`, 'g'));
    if (tails && tails.length === uses.length) return { direct: false, tail: true };
    if (new RegExp(`(?<![\\w.])${esc}\\s*\\[\\s*[\\w+]|len\\(\\s*${esc}\\s*\\)|(?<![\\w.])${esc}\\.(index|count|pop|sort|reverse)\\(`).test(rest)) return null;
    return { direct: false };
  }
  if (p.type === 'return_statement') return null;
  return null;
}
