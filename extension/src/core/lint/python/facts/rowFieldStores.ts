// Fields of parsed rows replaced in place. A script that loads csv rows as lists of strings often converts a
// column where the rows sit (`for row in rows: row[-1] = int(row[-1])`, `rows[i][0] = float(rows[i][0])`) and
// then reads that position as a number. Dict rows have this already (a record's `overwritten` keys); for list
// rows the position read after such a store is no longer known to be text. Without this the MW1xx rules called
// every later comparison or `sum()` over the converted column text: found by the round-12 review of public code.
import type { Node } from 'web-tree-sitter';
import { positionFromEnd, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import type { TextSource } from './factTypes';

/** More stores than this into subscripts of a file before a read: too many to weigh, the field is unknown. */
const MAX_STORES = 40;

/** A literal position (`0`, `-1`), or null when the index is a name or an expression. */
function literalIndex(n: Node | null): number | null {
  const u = unwrap(n);
  if (!u) return null;
  if (u.type === 'integer') return parseInt(u.text, 10);
  const back = positionFromEnd(u);
  return back === null ? null : -back;
}

/** One store into a subscript (`row[-1] = …`, `rows[i][0] = …`), in text order. */
interface SubscriptStore {
  /** Where its `]` is. */
  at: number;
  target: Node;
  store: Node;
  /** The position it stores at (a literal), null for a name or an expression; undefined for a slice or several subscripts (never a field). */
  pos: number | null | undefined;
}

/** The subscript stores of a file found so far, and where the text search goes on from (-1: at the end). */
interface StoreScan {
  stores: SubscriptStore[];
  next: number;
}

/**
 * The file's subscript stores before `end`, in text order. One search of the text per lint, extended only as far as
 * the latest read asked about (the answer depends only on the tree and its text, which an Analysis holds for one
 * lint: the scan is kept per Analysis); every read before took a search from the file's start.
 */
const scans = new WeakMap<Analysis, StoreScan>();
function storesBefore(a: Analysis, re: RegExp, end: number): SubscriptStore[] {
  let scan = scans.get(a);
  if (!scan) scans.set(a, (scan = { stores: [], next: 0 }));
  while (scan.next >= 0 && scan.next < end) {
    re.lastIndex = scan.next;
    const m = re.exec(a.text);
    scan.next = m ? re.lastIndex : -1;
    if (!m) break;
    const target = a.rootNode.descendantForIndex(m.index)?.parent;
    const store = target?.type === 'subscript' ? target.parent : null;
    if (store?.type !== 'assignment' || store.childForFieldName('left')?.id !== target!.id) continue;
    const subs = target!.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    const pos = subs.length !== 1 || unwrap(subs[0])?.type === 'slice' ? undefined : literalIndex(subs[0]);
    scan.stores.push({ at: m.index, target: target!, store, pos });
  }
  return scan.stores;
}

/**
 * Has a statement that ends before `read` stored a value that is not data text (or an unknown value made from the
 * field itself) into a row read from the same reader as `src`, at the position `idx` reads (or at a position the
 * two cannot be told apart by: a name, or a negative and a positive literal)? Then the field `read` names may hold
 * a number: its kind is unknown.
 */
export function rowFieldReplaced(a: Analysis, read: Node, src: TextSource, idx: Node, d: number): boolean {
  // A subscript store's `] =` (not `==`); editor sessions note it: an edit adding or removing one may change the answer.
  const re = a.regexFor('rowFieldStore', '', () => /\]\s*=(?!=)/g);
  a.noteRegex(re);
  const at = literalIndex(idx);
  let n = 0;
  for (const { at: storeAt, target, store, pos } of storesBefore(a, re, read.startIndex)) {
    if (storeAt >= read.startIndex) break;
    // The read inside the store's own value (`row[-1] = int(row[-1])`) still sees the text.
    if (store.endIndex > read.startIndex) continue;
    if (++n > MAX_STORES) return true;
    if (pos === undefined) continue;
    if (at !== null && pos !== null && (at < 0) === (pos < 0) && at !== pos) continue;
    // A name whose entries are stored into is unknown as a whole (nameBindings.ts): ask what it was bound to.
    const base = unwrap(target.childForFieldName('value'));
    const row = base?.type === 'identifier' ? a.lookupBeforeEntryStores(base.text, base.startIndex, d) : a.factOf(base, d);
    const field = row && row.k === 'seq' ? row.of : null;
    if (!field || field.k !== 'text' || field.src.node.id !== src.node.id) continue;
    // A number, a bool, a date… replaces the text. An unknown value does only when it is made from the field itself
    // (`row[3] = parse_price(row[3])`): `data[col] = new_value` from a parameter says nothing about the field.
    const right = store.childForFieldName('right');
    const v = a.factOf(right, d);
    if (v ? v.k !== 'text' : !!right && right.text.includes(target.text)) return true;
  }
  return false;
}
