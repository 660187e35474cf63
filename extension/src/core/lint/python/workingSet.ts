// A list loaded from a file (`rows = list(csv.reader(f))`) that the code then uses as a working data set rather
// than walks: rows read at a position (`rows[813]`, `rows[i][0]`), edited in place (`del rows[i]`, `rows.remove(r)`,
// `for row in rows: row.append(flag)`), or kept as an object's state whose methods do so (`self.rows = rows[1:]`
// then a binary search over them). Looping over the reader instead cannot give random access or keep the edits, so
// MW303's advice would be wrong there. Found by the round-12 review of public code (course notebooks exploring a
// table cell by cell, small table classes): 18 MW303 findings whose list could not be streamed.
import type { Node } from 'web-tree-sitter';
import { iterates, MAX_USES, parentOf } from './listReads';
import { FUNCTION_EVALUATIONS, LIST_EDITS, LIST_TAKES_AT_INDEX } from './library/derived';
import { positionFromEnd, unwrap } from './syntax';

/** A use of the list that needs all of it (wholeFileUse.ts: `zip(*x)`, `sorted(x)`, `x.sort()`…). */
type WholeUse = (p: Node, x: Node) => boolean;

function subscripts(sub: Node): Node[] {
  return sub.childrenForFieldName('subscript').filter((c): c is Node => !!c);
}

/** `x[a:b]`: a slice of the list (still rows), not one row. */
export function isSlice(sub: Node): boolean {
  const subs = subscripts(sub);
  return sub.type === 'subscript' && subs.length === 1 && unwrap(subs[0])?.type === 'slice';
}

/** The header `x[0]` or a tail `x[-1]`: read without random access. */
function headerOrTail(idx: Node): boolean {
  return idx.text === '0' || positionFromEnd(idx) !== null;
}

/**
 * The loop variable that walks `x` when `p` is `for row in x` or `for i, row in enumerate(x)`, whose body edits
 * the row in place (`row[k] = …`, `row.append(…)`): the edits live in the list, which a second walk reads.
 */
function elementsEdited(p: Node, x: Node): boolean {
  let loop: Node | null = null;
  let target: Node | null = null;
  if (iterates(p, x)) {
    loop = p;
    target = unwrap(p.childForFieldName('left'));
  } else if (p.type === 'argument_list' && p.parent && p.namedChildren[0]?.id === x.id && FUNCTION_EVALUATIONS.get(p.parent?.childForFieldName('function')?.text ?? '') === 'enumerated') {
    const call = p.parent;
    loop = call.parent?.type === 'for_statement' && unwrap(call.parent.childForFieldName('right'))?.id === call.id ? call.parent : null;
    const left = loop ? unwrap(loop.childForFieldName('left')) : null;
    target = left && (left.type === 'pattern_list' || left.type === 'tuple_pattern') && left.namedChildCount === 2 ? left.namedChild(1) : null;
  }
  const body = loop?.childForFieldName('body');
  if (!body || target?.type !== 'identifier') return false;
  const row = target.text;
  for (const n of body.descendantsOfType(['assignment', 'call'])) {
    if (!n) continue;
    if (n.type === 'assignment') {
      const left = unwrap(n.childForFieldName('left'));
      if (left?.type === 'subscript' && left.childForFieldName('value')?.text === row) return true;
      continue;
    }
    const fn = n.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('object')?.text === row && LIST_EDITS.has(fn.childForFieldName('attribute')?.text ?? '')) return true;
  }
  return false;
}

/** `x[i] = v`, `del x[i]`, `x[i][k] = v`, `x[i].append(v)`: the row at that position is edited where it is. */
function editedAt(sub: Node): boolean {
  const p = parentOf(sub);
  if (!p) return false;
  if (p.type === 'assignment' || p.type === 'augmented_assignment') return p.childForFieldName('left')?.id === sub.id;
  if (p.type === 'delete_statement') return true;
  if (p.type === 'subscript' && p.childForFieldName('value')?.id === sub.id) {
    const pp = parentOf(p);
    return !!pp && (pp.type === 'assignment' || pp.type === 'augmented_assignment') && pp.childForFieldName('left')?.id === p.id;
  }
  return p.type === 'attribute' && p.childForFieldName('object')?.id === sub.id && p.parent?.type === 'call' && LIST_EDITS.has(p.childForFieldName('attribute')?.text ?? '');
}

/** Is `idx` the variable of an enclosing `for i in range(…)`? */
function rangeLoopIndex(idx: Node): boolean {
  if (idx.type !== 'identifier') return false;
  for (let n = idx.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    if (n.type !== 'for_statement' || n.childForFieldName('left')?.text !== idx.text) continue;
    const right = unwrap(n.childForFieldName('right'));
    return right?.type === 'call' && FUNCTION_EVALUATIONS.get(right.childForFieldName('function')?.text ?? '') === 'numbers';
  }
  return false;
}

/** `p` uses `x` (the list, or a slice of it) as a working set: read at a position, edited, rows edited in a walk. */
function workedOn(p: Node, x: Node): boolean {
  if (p.type === 'subscript' && p.childForFieldName('value')?.id === x.id) {
    const subs = subscripts(p);
    const idx = unwrap(subs[0] ?? null);
    if (subs.length !== 1 || !idx) return false;
    if (idx.type === 'integer' || idx.type === 'unary_operator') return !headerOrTail(idx);
    // `rows[i]` under `for i in range(…)` is a walk by position, unless it edits the row there
    if (idx.type !== 'slice') return editedAt(p) || !rangeLoopIndex(idx);
    // `for data in rows[1:]: data[col] = value`
    const sp = parentOf(p);
    return !!sp && elementsEdited(sp, p);
  }
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === x.id && p.parent?.type === 'call') {
    const method = p.childForFieldName('attribute')?.text ?? '';
    if (LIST_EDITS.has(method)) return true;
    // `pop()` and `pop(0)` take the tail or the header; `pop(i)` takes a row from anywhere
    const arg = LIST_TAKES_AT_INDEX.has(method) ? unwrap(p.parent.childForFieldName('arguments')?.namedChild(0) ?? null) : null;
    return !!arg && !headerOrTail(arg);
  }
  return elementsEdited(p, x);
}

/**
 * `self.rows = x` (or `= x[1:]`, the caller passes the slice): kept on an object, the list is a working set when
 * some method of its class reads `self.rows` so (sorts or transposes it, reads it at a position, edits it). A class
 * whose methods only walk the attribute is still reported.
 */
export function keptAsWorkingSet(p: Node, x: Node, wholeUse: WholeUse): boolean {
  if (p.type !== 'assignment' || unwrap(p.childForFieldName('right'))?.id !== x.id) return false;
  const left = p.childForFieldName('left');
  const obj = left?.type === 'attribute' ? left.childForFieldName('object') : null;
  const attr = left?.childForFieldName('attribute')?.text;
  if (obj?.text !== 'self' || !attr) return false;
  let cls: Node | null = p.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  if (!cls) return false;
  let seen = 0;
  for (const u of cls.descendantsOfType('attribute')) {
    if (!u || u.id === left!.id || u.childForFieldName('object')?.text !== 'self' || u.childForFieldName('attribute')?.text !== attr) continue;
    if (++seen > MAX_USES) return false;
    const up = parentOf(u);
    if (up && (wholeUse(up, u) || workedOn(up, u))) return true;
    // `self.by_price = sorted(self.rows, …)` is a whole use above; `for r in self.rows[1:]: r[k] = …` here
    const sliced = up && isSlice(up) ? parentOf(up) : null;
    if (sliced && wholeUse(sliced, up!)) return true;
  }
  return false;
}

/** Is this use of the loaded list (or of a slice of it) a working-set use, or a store on `self` that is one? */
export function workingSetUse(p: Node, x: Node, wholeUse: WholeUse): boolean {
  return keptAsWorkingSet(p, x, wholeUse) || workedOn(p, x);
}
