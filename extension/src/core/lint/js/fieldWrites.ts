// Fields written after a record is created, on the variable that holds it:
// - converted in place: `rec.ms = Number(rec.ms)` after `const rec = Object.fromEntries(…)` or
//   `const rec = { ms: parts[1] }`. The analysis is flow-insensitive, so a text field that is also written
//   with something other than text is no longer known to hold text (reads before the conversion too);
// - added later: `const totals = { pages: 0 }; … totals.longest = s`: a field the literal lacks holds what
//   every write stores, when they agree.
// - written by a computed key: `flags[name] = argv[++i]` over `{ slo: '300' }` defaults: every field may
//   hold that text (a record used as a map of numbers, `{}` written by key, is a container: containers.ts).
// - converted through an iteration over a list: `data.forEach((d) => { d.value = +d.value; })` or
//   `for (const r of rows) r.ms = Number(r.ms)` converts that field of the list's element (the d3 idiom).
// The variable's value then carries those fields wherever it flows (returned, yielded, pushed).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { addedElemFact, withForwardedRefs } from './containers';
import { ARITH_OPS, NUMERIC_GLOBAL_CALLS, propName, propertyKey, unwrap } from './factTypes';
import type { Binding, Fact, Node } from './factTypes';

/** `b`'s value `f` with the fields that `b.field = …` writes convert or add. */
export function withFieldWrites(fx: Analysis, b: Binding, f: Fact | undefined, d: number): Fact | undefined {
  if (f?.t === 'list' && !f.map && !f.match && isRecord(f.elem)) {
    const elem = withElementWrites(fx, b, f.elem);
    if (elem !== f.elem) return { ...f, elem };
  }
  // Only a record: an object, or a list standing for one (Object.fromEntries' fields), never a data collection.
  if (!f || !(f.t === 'obj' || (f.t === 'list' && !f.big && !f.map && !f.stream && !f.match && !f.batch))) return f;
  const writes = fieldWrites(fx, b) ?? new Map<string, TSESTree.Expression[]>();
  const props = new Map(f.t === 'obj' ? f.props : []);
  const rest = f.t === 'obj' ? f.rest : f.elem;
  let changed = false;
  for (const [key, rights] of writes) {
    const known = f.t === 'obj' ? f.props.has(key) || !!rest : !!rest;
    const field = f.t === 'obj' && f.props.has(key) ? f.props.get(key) : rest;
    const stored = rights.map((r) => fx.factOf(r, d));
    if (known && field?.t === 'text' && stored.some((s) => s?.t !== 'text')) {
      props.set(key, undefined);
      changed = true;
    } else if ((!known || startsNull(fx, b, key)) && f.t === 'obj' && stored[0] && stored.every((s) => s?.t === stored[0]!.t)) {
      props.set(key, stored[0]);
      changed = true;
    }
  }
  // `current = { sha, files: [] }; … current.files.push({ added, file })`: the field's list holds what is pushed.
  if (f.t === 'obj' && [...props.values()].some((v) => v?.t === 'list' && !v.elem && !v.map)) {
    for (const [key, members] of fieldReads(fx, b)) {
      const field = props.get(key);
      if (field?.t !== 'list' || field.elem || field.map) continue;
      const added = addedElemFact(fx, members, d);
      if (added === 'unknown' || !added) continue;
      props.set(key, { ...field, elem: added });
      changed = true;
    }
  }
  // `flags[name] = argv[++i]` on a record of defaults: any field may now hold that text.
  const anyText = f.t === 'obj' ? keyedTextWrite(fx, b, d) : undefined;
  if (anyText) {
    for (const [key, v] of props) if (v === undefined || v.t === 'num') props.set(key, anyText);
    return { t: 'obj', props, rest: rest ?? anyText };
  }
  if (!changed) return f;
  return rest ? { t: 'obj', props, rest } : { t: 'obj', props };
}

/** A record: an object, or a parsed record whose every field is text (a list of its fields). */
function isRecord(f: Fact | undefined): boolean {
  return f?.t === 'obj' || (f?.t === 'list' && f.elem?.t === 'text' && !f.match && !f.items);
}

/**
 * The element `elem` of list `b` with the text fields that an iteration over `b` converts in place
 * (`b.forEach((d) => { d.value = +d.value; })`, `for (const r of b) r.ms = Number(r.ms)`) no longer known as text.
 */
function withElementWrites(fx: Analysis, b: Binding, elem: Fact | undefined): Fact | undefined {
  let out = elem;
  for (const ref of b.refs) {
    const item = iterationBinding(fx, ref);
    const writes = item && fieldWrites(fx, item);
    if (!writes) continue;
    for (const [key, rights] of writes) {
      const field = out?.t === 'obj' ? (out.props.has(key) ? out.props.get(key) : out.rest) : out?.t === 'list' ? out.elem : undefined;
      if (field?.t !== 'text' || !rights.some((r) => convertsByShape(fx, r))) continue;
      if (out?.t === 'obj') out = { t: 'obj', props: new Map([...out.props, [key, undefined]]), rest: out.rest };
      else if (out?.t === 'list') out = { t: 'obj', props: new Map<string, Fact | undefined>([[key, undefined]]), rest: out.elem };
    }
  }
  return out;
}

/**
 * A value that is a conversion by its shape alone (`+d.value`, `Number(r.ms)`, `parseFloat(x)`, `new Date(d.t)`,
 * arithmetic): read without evaluating anything, since the list's element is being worked out.
 */
function convertsByShape(fx: Analysis, e: Node): boolean {
  const x = unwrap(e);
  if (x.type === 'UnaryExpression') return x.operator === '+' || x.operator === '-';
  if (x.type === 'BinaryExpression') return ARITH_OPS.has(x.operator);
  if (x.type === 'NewExpression') return x.callee.type === 'Identifier' && x.callee.name === 'Date' && !fx.refBinding.has(x.callee);
  if (x.type !== 'CallExpression') return false;
  const c = x.callee;
  if (c.type === 'Identifier') return NUMERIC_GLOBAL_CALLS.has(c.name) && !fx.refBinding.has(c);
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' && (c.object.name === 'Number' || c.object.name === 'Math') && !fx.refBinding.has(c.object);
}

/** The variable an iteration over `ref` binds each element to: `ref.forEach((d) => …)` / `.map`, `for (const r of ref)`. */
function iterationBinding(fx: Analysis, ref: Node): Binding | undefined {
  const p = fx.parents.get(ref);
  let id: Node | undefined;
  if (p?.type === 'ForOfStatement' && p.right === ref && p.left.type === 'VariableDeclaration') id = p.left.declarations[0]?.id;
  else if (p?.type === 'MemberExpression' && p.object === ref && ['forEach', 'map'].includes(propName(p) ?? '')) {
    const call = fx.parents.get(p);
    const cb = call?.type === 'CallExpression' && call.callee === p ? call.arguments[0] : undefined;
    if (cb?.type === 'ArrowFunctionExpression' || cb?.type === 'FunctionExpression') id = cb.params[0];
  }
  return id?.type === 'Identifier' ? fx.declBinding.get(id) : undefined;
}

/**
 * Does `b`'s object literal start `key` as null or undefined (`{ count: 0, worst: null }`)? Then the field holds
 * what its writes store (`entry.worst = s`), like a field the literal lacks.
 */
function startsNull(fx: Analysis, b: Binding, key: string): boolean {
  const inits = [b.init, ...b.assignments];
  return inits.some((init) => {
    // `m.get(k) ?? { count: 0, best: null }`: the fallback literal of a get-or-create starts the record too.
    const e = init?.type === 'LogicalExpression' && init.operator !== '&&' ? unwrap(init.right) : init && unwrap(init);
    if (e?.type !== 'ObjectExpression') return false;
    const p = e.properties.find((q) => q.type === 'Property' && !q.computed && propertyKey(q) === key);
    if (p?.type !== 'Property') return false;
    const v = p.value;
    return (v.type === 'Literal' && v.value === null) || (v.type === 'Identifier' && v.name === 'undefined' && !fx.refBinding.has(v));
  });
}

/** `b.field = value` writes by field name (not `length`, not computed keys), or undefined when there are none. */
function fieldWrites(fx: Analysis, b: Binding): Map<string, TSESTree.Expression[]> | undefined {
  let writes: Map<string, TSESTree.Expression[]> | undefined;
  for (const ref of b.refs) {
    const m = fx.parents.get(ref);
    const a = m && fx.parents.get(m);
    if (m?.type !== 'MemberExpression' || m.object !== ref || m.computed || a?.type !== 'AssignmentExpression' || a.left !== m || a.operator !== '=') continue;
    const key = propName(m);
    if (key === undefined || key === 'length') continue;
    writes ??= new Map();
    const list = writes.get(key) ?? [];
    list.push(a.right);
    writes.set(key, list);
  }
  return writes;
}

/** `b.field` reads by field name (the receivers of `b.field.push(…)` among them), also inside the helpers `b` is passed to. */
function fieldReads(fx: Analysis, b: Binding): Map<string, TSESTree.MemberExpression[]> {
  const reads = new Map<string, TSESTree.MemberExpression[]>();
  // Through the helpers it is passed to as well: `load(p, state)` with `state.rows.push(…)` inside.
  for (const ref of withForwardedRefs(fx, b.refs)) {
    const m = fx.parents.get(ref);
    if (m?.type !== 'MemberExpression' || m.object !== ref || m.computed) continue;
    const key = propName(m);
    if (key === undefined) continue;
    const list = reads.get(key) ?? [];
    list.push(m);
    reads.set(key, list);
  }
  return reads;
}

/** The data text that some `b[key] = text` with a computed, non-literal key stores, if any does. */
function keyedTextWrite(fx: Analysis, b: Binding, d: number): Fact | undefined {
  for (const ref of b.refs) {
    const m = fx.parents.get(ref);
    const a = m && fx.parents.get(m);
    if (m?.type !== 'MemberExpression' || m.object !== ref || !m.computed || m.property.type === 'Literal') continue;
    if (a?.type !== 'AssignmentExpression' || a.left !== m || a.operator !== '=') continue;
    const v = fx.factOf(a.right, d);
    if (v?.t === 'text') return v;
  }
  return undefined;
}
