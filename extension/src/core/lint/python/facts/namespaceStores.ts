// Options of an argparse namespace replaced in place. A script whose `add_argument` has no `type=` often converts
// the option where it sits (`args.w = float(args.w)`) and then uses it as a number; without this the MW1xx rules
// called every later comparison or arithmetic text (round-14 review of public code, tseccull/spectools `stack.py`).
import type { Node } from 'web-tree-sitter';
import { unwrap } from '../syntax';
import type { Analysis } from './analysis';
import type { TextSource } from './factTypes';

/** More stores into the attribute than this before a read: too many to weigh, the option is unknown. */
const MAX_STORES = 20;

/**
 * Has a statement that ends before `read` stored a value that is not text (or an unknown value made from the option
 * itself, `args.n = parse_size(args.n)`) into the attribute `attr` of a namespace from the same `parse_args()` as
 * `src`? Then the option may hold a number: its kind is unknown. Found by text (`.attr =`, not `==`), in text order;
 * a store under a branch counts too (the read may come after it).
 */
export function namespaceOptionReplaced(a: Analysis, read: Node, attr: string, src: TextSource, d: number): boolean {
  const re = a.regexFor('namespaceStore', attr, () => new RegExp(`\\.\\s*${attr}\\s*=(?!=)`, 'g'));
  a.noteRegex(re);
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(a.text); m && m.index < read.startIndex; m = re.exec(a.text)) {
    const target = a.rootNode.descendantForIndex(m.index + m[0].indexOf(attr))?.parent;
    const store = target?.type === 'attribute' ? target.parent : null;
    if (store?.type !== 'assignment' || store.childForFieldName('left')?.id !== target!.id) continue;
    // The read inside the store's own value (`args.w = float(args.w)`) still sees the text.
    if (store.endIndex > read.startIndex) continue;
    if (++n > MAX_STORES) return true;
    a.noteChunkAt(m.index);
    const ns = a.factOf(unwrap(target!.childForFieldName('object')), d);
    if (!ns || ns.k !== 'namespace' || ns.src.node.id !== src.node.id) continue;
    const right = store.childForFieldName('right');
    const v = a.factOf(right, d);
    if (v ? v.k !== 'text' : !!right && right.text.includes(target!.text)) return true;
  }
  return false;
}
