// Containers filled across statements: an array (`[]`), a Map (`new Map()`) or an object used as a map
// (`const byKey = {}` written as `byKey[k] = v`) holds what is added to it later, wherever that happens:
// `rows.push(r)`, `m.set(k, v)`, `byKey[k] = v`, `(byKey[k] ??= []).push(v)`, `m.get(k).push(v)`. A Map or an
// object map is modelled as a list of its values (`map: true`); iterating it (`for…of`, `.entries()`,
// `Object.entries`, `[...m]`) gives `[key, value]` pairs, modelled as a record whose field '1' is the value.
// The get-or-create idiom (`let s = m.get(k); if (!s) { s = {…}; m.set(k, s); }`) is recognised without
// evaluating the Map: a read of a container that only ever stores this same variable adds nothing to it.
// A container passed to a function of this file is filled by it too: `load(file, rows)` where
// `function load(p, out) { … out.push(rec) }` adds to `rows` what is pushed into `out` (withForwardedRefs).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { propName, unwrap } from './factTypes';
import type { Binding, Fact, Node } from './factTypes';

/** `new Map()` (no initial entries) of the global Map. */
export function isNewEmptyMap(fx: Analysis, e: Node): boolean {
  return isNewEmpty(fx, e, 'Map');
}

function isNewEmpty(fx: Analysis, e: Node, cls: 'Map' | 'Set'): boolean {
  return e.type === 'NewExpression' && e.callee.type === 'Identifier' && e.callee.name === cls && !fx.refBinding.has(e.callee) && e.arguments.length === 0;
}

/**
 * What kind of empty container `e` starts (`[]`, `new Set()`, `new Map()`, or `{}` when `refs` write it by computed key),
 * or undefined when `e` is not one.
 */
export function emptyContainerKind(fx: Analysis, e: Node, refs: readonly Node[]): 'list' | 'set' | 'map' | undefined {
  if (e.type === 'ArrayExpression' && e.elements.length === 0) return 'list';
  // A Set is a list of its values whose `.size` is a count (a record's `size` field is not).
  if (isNewEmpty(fx, e, 'Set')) return 'set';
  if (isNewEmptyMap(fx, e)) return 'map';
  if (e.type === 'ObjectExpression' && e.properties.length === 0 && withForwardedRefs(fx, refs).some((r) => keyedWrite(fx, r))) return 'map';
  return undefined;
}

/**
 * A container's reads (`refs`) and, for each call of a function of this file it is passed to
 * (`load(file, rows)`), the reads of the parameter that receives it (`function load(p, out)`, transitively):
 * what the callee adds to `out` is added to every caller's argument. A parameter reached again (a recursive
 * `walk(sub, out)`) is followed once.
 */
export function withForwardedRefs(fx: Analysis, refs: readonly Node[]): readonly Node[] {
  let out = forwardedMemo.get(refs);
  if (!out) forwardedMemo.set(refs, (out = forwarded(fx, refs, new Set())));
  return out;
}

/** withForwardedRefs' answers by the refs array asked about (a binding's or a slot's, which live as long as the analysis). */
const forwardedMemo = new WeakMap<readonly Node[], readonly Node[]>();

function forwarded(fx: Analysis, refs: readonly Node[], seen: Set<Node>): readonly Node[] {
  let out: Node[] | undefined;
  for (const ref of refs) {
    const call = fx.parents.get(ref);
    if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.callee === ref) continue;
    const i = call.arguments.indexOf(ref as TSESTree.Expression);
    const fn = i >= 0 ? fx.localCallee(call) : undefined;
    const p = fn?.params[i];
    const id = p?.type === 'AssignmentPattern' ? p.left : p;
    const b = id?.type === 'Identifier' ? fx.declBinding.get(id) : undefined;
    if (!b || seen.has(b.id)) continue;
    seen.add(b.id);
    (out ??= [...refs]).push(...forwarded(fx, b.refs, seen));
  }
  return out ?? refs;
}

/** `ref[k] = v` / `ref[k] ??= v` / `ref[k] ||= v` with a computed key: the object is used as a map. */
function keyedWrite(fx: Analysis, ref: Node): TSESTree.AssignmentExpression | undefined {
  const m = fx.parents.get(ref);
  if (m?.type !== 'MemberExpression' || m.object !== ref || !m.computed || m.property.type === 'Literal') return undefined;
  const a = fx.parents.get(m);
  return a?.type === 'AssignmentExpression' && a.left === m && (a.operator === '=' || a.operator === '??=' || a.operator === '||=') ? a : undefined;
}

/** `x.push(…)` where `x` is `node`: the call, or undefined. */
function pushCallOn(fx: Analysis, node: Node): TSESTree.CallExpression | undefined {
  let cur = node;
  let p = fx.parents.get(cur);
  while (p && (p.type === 'TSNonNullExpression' || p.type === 'TSAsExpression' || p.type === 'ChainExpression')) {
    cur = p;
    p = fx.parents.get(cur);
  }
  if (p?.type !== 'MemberExpression' || p.object !== cur) return undefined;
  const m = propName(p);
  const call = fx.parents.get(p);
  // `add` is a Set's push (arrays have none, so it never misreads one).
  return (m === 'push' || m === 'unshift' || m === 'add') && call?.type === 'CallExpression' && call.callee === p ? call : undefined;
}

/** The join of what is added: the first known fact, but a list that says what it holds beats an empty one. */
function joinAdded(a: Fact | undefined, b: Fact): Fact {
  if (!a) return b;
  if (a.t === 'list' && b.t === 'list' && !a.elem && b.elem) return b;
  return a;
}

/** The element fact of what `call` (a push/unshift) adds; 'unknown' when an added value is unknown. */
function pushedFact(fx: Analysis, call: TSESTree.CallExpression, d: number): Fact | undefined | 'unknown' {
  let elem: Fact | undefined;
  for (const a of call.arguments) {
    const f = a.type === 'SpreadElement' ? (fx.factOf(a.argument, d) as { elem?: Fact } | undefined)?.elem : fx.factOf(a, d);
    if (!f) return 'unknown';
    elem = joinAdded(elem, f);
  }
  return elem;
}

/**
 * Element fact of everything added through `refs` (the reads of a list, Map or object-map variable or class
 * field); 'unknown' if any added value is unknown.
 */
export function addedElemFact(fx: Analysis, ownRefs: readonly Node[], d: number): Fact | undefined | 'unknown' {
  const refs = withForwardedRefs(fx, ownRefs);
  let elem: Fact | undefined;
  const add = (f: Fact | undefined | 'unknown'): boolean => {
    if (f === 'unknown' || !f) return f !== 'unknown';
    elem = joinAdded(elem, f);
    return true;
  };
  for (const ref of refs) {
    const p = fx.parents.get(ref);
    if (p?.type !== 'MemberExpression' || p.object !== ref) continue;
    const m = propName(p);
    const call = fx.parents.get(p);
    const direct = pushCallOn(fx, ref);
    if (direct) {
      if (!add(pushedFact(fx, direct, d))) return 'unknown';
      continue;
    }
    if (m === 'set' && call?.type === 'CallExpression' && call.callee === p && call.arguments.length === 2) {
      if (!add(fx.factOf(call.arguments[1], d) ?? 'unknown')) return 'unknown';
      continue;
    }
    // `m.get(k).push(v)`: the Map holds lists of v.
    if (m === 'get' && call?.type === 'CallExpression' && call.callee === p) {
      const push = pushCallOn(fx, call);
      if (push) {
        const pushed = pushedFact(fx, push, d);
        if (pushed === 'unknown') return 'unknown';
        add({ t: 'list', elem: pushed });
      }
      continue;
    }
    if (!p.computed) continue;
    const write = keyedWrite(fx, ref);
    if (write) {
      // `daily[dev] ??= {}` then `daily[dev][day] ??= 0`: each value is itself an object map of what is stored two keys deep.
      const inner = isEmptyObjectFallback(write.right) ? nestedKeyedFact(fx, refs, d) : null;
      if (!add(inner !== null ? inner : (fx.factOf(write.right, d) ?? 'unknown'))) return 'unknown';
      // `(byKey[k] ??= []).push(v)`
      const push = write.operator !== '=' ? pushCallOn(fx, write) : undefined;
      if (push) {
        const pushed = pushedFact(fx, push, d);
        if (pushed === 'unknown') return 'unknown';
        add({ t: 'list', elem: pushed });
      }
      continue;
    }
    // `byKey[k].push(v)` (after `byKey[k] = byKey[k] || []`).
    const push = pushCallOn(fx, p);
    if (push) {
      const pushed = pushedFact(fx, push, d);
      if (pushed === 'unknown') return 'unknown';
      add({ t: 'list', elem: pushed });
    }
  }
  return elem;
}

/** `{}`, or `x || {}` / `x ?? {}`: an empty object as the value written. */
function isEmptyObjectFallback(e: Node): boolean {
  const u = unwrap(e);
  const v = u.type === 'LogicalExpression' && u.operator !== '&&' ? unwrap(u.right) : u;
  return v.type === 'ObjectExpression' && v.properties.length === 0;
}

/**
 * What `ref[a][b] = v` (or `??=`, `||=`) stores through any of `refs`, as an object map's fact; null when
 * nothing is written two keys deep, so the empty object is an ordinary value.
 */
function nestedKeyedFact(fx: Analysis, refs: readonly Node[], d: number): Fact | 'unknown' | null {
  let elem: Fact | undefined;
  let found = false;
  for (const ref of refs) {
    const p = fx.parents.get(ref);
    if (p?.type !== 'MemberExpression' || p.object !== ref || !p.computed) continue;
    const write = keyedWrite(fx, p);
    if (!write) continue;
    found = true;
    const f = fx.factOf(write.right, d);
    if (!f) return 'unknown';
    elem = joinAdded(elem, f);
  }
  return found ? { t: 'list', elem, map: true } : null;
}

/** The reads (`refs`) of the container an expression names: a variable, or a `this.x` class field. */
function containerRefs(fx: Analysis, e: Node): readonly Node[] | undefined {
  if (e.type === 'Identifier') return fx.refBinding.get(e)?.refs;
  if (e.type === 'MemberExpression') return fx.thisSlot.get(e)?.refs;
  return undefined;
}

/**
 * `m.get(k)` or `m[k]` where every value ever stored in `m` is the variable `b` itself: the get-or-create
 * idiom, whose read adds nothing to what `b` holds (its other definitions say it all).
 */
export function readsSelfStoringContainer(fx: Analysis, b: Binding, expr: Node): boolean {
  const e = unwrap(expr);
  let container: Node | undefined;
  if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && propName(e.callee) === 'get') container = unwrap(e.callee.object);
  else if (e.type === 'MemberExpression' && e.computed) container = unwrap(e.object);
  const refs = container && containerRefs(fx, container);
  if (!refs) return false;
  let stores = 0;
  for (const ref of refs) {
    const p = fx.parents.get(ref);
    if (p?.type !== 'MemberExpression' || p.object !== ref) continue;
    const call = fx.parents.get(p);
    let stored: Node | undefined;
    if (propName(p) === 'set' && call?.type === 'CallExpression' && call.callee === p) stored = call.arguments[1];
    else if (p.computed) {
      const a = fx.parents.get(p);
      if (a?.type === 'AssignmentExpression' && a.left === p) stored = a.right;
      else continue;
    } else if (pushCallOn(fx, ref)) return false;
    else continue;
    const s = stored && unwrap(stored);
    if (s?.type !== 'Identifier' || fx.refBinding.get(s) !== b) return false;
    stores++;
  }
  return stores > 0;
}

/** `[key, value]` pairs of a Map or object map: a list of records whose field '1' is the value. */
export function entriesOf(f: Fact & { t: 'list' }): Fact {
  return { t: 'list', elem: { t: 'obj', props: new Map<string, Fact | undefined>([['1', f.elem]]) }, big: f.big };
}

/**
 * `xs.concat(more)` or `[...xs, ...more]` where `isSelf(xs)` (assigned back to xs: `this.rows = this.rows.concat(batch)`):
 * the element fact of what it appends ('unknown' when an appended value is unknown), or null when `e` is not one.
 */
export function selfAppendElem(fx: Analysis, e: Node, isSelf: (n: Node) => boolean, d: number): Fact | undefined | 'unknown' | null {
  let added: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[];
  if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && propName(e.callee) === 'concat' && isSelf(unwrap(e.callee.object))) added = e.arguments;
  else if (e.type === 'ArrayExpression' && e.elements[0]?.type === 'SpreadElement' && isSelf(unwrap(e.elements[0].argument))) added = e.elements.slice(1);
  else return null;
  let elem: Fact | undefined;
  for (const a of added) {
    if (!a) continue;
    const f = fx.factOf(a.type === 'SpreadElement' ? a.argument : a, d);
    // concat flattens one level of arrays; a spread gives the elements.
    const e1 = f?.t === 'list' ? f.elem : a.type === 'SpreadElement' ? undefined : f;
    if (!e1) return 'unknown';
    elem = joinAdded(elem, e1);
  }
  return elem;
}
