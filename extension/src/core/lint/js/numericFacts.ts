// Numbers and numeric uses: whether an expression holds a number (literals, conversions, counts, numeric
// bindings, maps that store numbers under every key), and the first place each uncast tabular parse's
// text is used as a number without conversion (MW251).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { isNumberConversion } from './numericEvidence';
import { textComparisonExcused } from './textOrder';
import { ARITH_OPS, RELATIONAL, propName, unwrap } from './factTypes';
import type { Binding, Call, Fact, Node, ThisSlot } from './factTypes';

export function isNumeric(fx: Analysis, expr: Node): boolean {
  const e = unwrap(expr);
  const f = fx.factOf(e, 0);
  if (f?.t === 'num') return true;
  if (e.type === 'Identifier') {
    const b = fx.refBinding.get(e);
    // TypeScript says so: `latencyMs: number`.
    if (b && b.id.typeAnnotation?.typeAnnotation.type === 'TSNumberKeyword') return true;
    if (b) return b.defs.some((d) => d.k === 'expr' && d.path.length === 0 && fx.factOf(d.expr, 1)?.t === 'num');
  }
  // `hours[person]` where the file stores numbers under every key (`hours[p] = hours[p] || 0`).
  if (e.type === 'MemberExpression' && e.computed && e.object.type === 'Identifier') {
    const b = fx.refBinding.get(e.object);
    if (b && holdsNumbersByKey(fx, b)) return true;
  }
  // `s.peakCpu` where `s` was built as `{ …, peakCpu: 0 }` (also `m.get(k) || { peakCpu: 0 }`): the field is meant to hold a number.
  if (e.type === 'MemberExpression' && !e.computed && e.object.type === 'Identifier' && e.property.type === 'Identifier') {
    const b = fx.refBinding.get(e.object);
    if (b && literalFieldIsNumeric(fx, b, e.property.name)) return true;
  }
  // `this.sumTemp` (or `roll.sumTemp`) of a class whose field starts as a number (`sumTemp = 0`): like a `let`
  // initialised to 0, the field is meant to hold a number, whatever `+=` later adds to it.
  if (e.type === 'MemberExpression' && !e.computed) {
    const slot = classSlotOf(fx, e);
    if (slot?.assigned.some((a) => fx.factOf(a, 1)?.t === 'num')) return true;
  }
  if (e.type === 'LogicalExpression' && (e.operator === '||' || e.operator === '??')) return fx.factOf(e.right, 0)?.t === 'num';
  // `.length` of anything (string, array) and `.size` of a Set/Map are counts.
  if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && (e.property.name === 'length' || e.property.name === 'size')) return true;
  if (e.type === 'ConditionalExpression') return fx.isNumeric(e.consequent) && fx.isNumeric(e.alternate);
  return false;
}

/** The class field a `this.x` or `instance.x` read names, if it is one of a class of this file. */
function classSlotOf(fx: Analysis, e: TSESTree.MemberExpression): ThisSlot | undefined {
  const own = fx.thisSlot.get(e);
  if (own) return own;
  const name = propName(e);
  const obj = name !== undefined ? fx.factOf(e.object, 0) : undefined;
  return obj?.t === 'inst' ? fx.classProps.get(obj.cls)?.get(name!) : undefined;
}

/**
 * An object map (`const totals = {}`) whose keyed assignments (`totals[k] = …`) store numbers: at least one
 * stores a number (`totals[k] = totals[k] || 0`) and none stores anything known not to be one.
 */
function holdsNumbersByKey(fx: Analysis, b: Binding): boolean {
  const memo = fx.numberMapMemo.get(b);
  if (memo !== undefined) return memo;
  fx.numberMapMemo.set(b, false); // re-entrant questions while deciding: not (yet) known
  const init = b.init && unwrap(b.init);
  let numeric = false;
  if (init?.type === 'ObjectExpression' && init.properties.length === 0) {
    for (const ref of b.refs) {
      const m = fx.parents.get(ref);
      const a = m && fx.parents.get(m);
      if (m?.type !== 'MemberExpression' || m.object !== ref || !m.computed || a?.type !== 'AssignmentExpression' || a.left !== m || a.operator !== '=') continue;
      const right = unwrap(a.right);
      const f = fx.factOf(right, 0);
      if (f?.t === 'num') numeric = true;
      else if (f || right.type === 'TemplateLiteral' || (right.type === 'Literal' && typeof right.value !== 'number')) {
        numeric = false;
        break;
      }
    }
  }
  fx.numberMapMemo.set(b, numeric);
  return numeric;
}

/** First place each untyped parse's text is used as a number without conversion. */
export function computeNumericUses(fx: Analysis): Map<Call, Node> {
  const uses = new Map<Call, Node>();
  /** Parses whose text is used in arithmetic or compared with a number (not only converted or compared as text). */
  const strong = new Set<Call>();
  const note = (operand: Node, at: Node, how: 'conversion' | 'compare' | 'arith' = 'arith') => {
    // `+ts.substring(4, 6)`: a piece cut by position from structured text (a date stamp, a code) is parsed, not
    // a number kept as text; casting the whole field at the parse would break the cut.
    if (isPieceByPosition(operand)) return;
    const o = fx.textOrigin(operand);
    if (!o?.parseCall) return;
    if (how === 'arith') strong.add(o.parseCall);
    if (uses.has(o.parseCall)) return;
    // `parse(text).map((r) => ({ n: Number(r.n) }))`: converted as it is parsed, no text record is kept;
    // `d.n = +d.n` over the records (d3's idiom): the record keeps the number, not the text.
    if (how === 'conversion' && (convertedByMap(fx, o.parseCall) || convertedIntoMappedRecord(fx, at) || convertedInPlace(fx, operand, at))) return;
    // `{ share: (+d.share).toFixed(8) }`, `{ views: d.views.length ? +d.views : null }`: the mapped element's
    // field converted (explicitly: arithmetic on the text, `{ cents: r.price * 100 }`, is the rule's case) once,
    // inside the value of a field of the new record.
    if (how === 'conversion' && elementFieldIntoMappedRecord(fx, operand, at)) return;
    uses.set(o.parseCall, at);
  };
  for (const n of fx.nodes) {
    if (n.type === 'BinaryExpression') {
      if (ARITH_OPS.has(n.operator)) {
        note(n.left, n);
        note(n.right, n);
      } else if (RELATIONAL.has(n.operator)) {
        const leftNumeric = isNumeric(fx, n.left);
        const rightNumeric = isNumeric(fx, n.right);
        // Text against text counts only where its order can mislead, as MW152 judges it: timestamps, names,
        // versions and single characters are ordered as text on purpose.
        if (!leftNumeric && !rightNumeric && n.left.type !== 'PrivateIdentifier' && textComparisonExcused(n.left, n.right, fx)) continue;
        note(n.left, n, rightNumeric ? 'arith' : 'compare');
        note(n.right, n, leftNumeric ? 'arith' : 'compare');
      } else if (n.operator === '+') {
        if (fx.isNumeric(n.left) || fx.isNumericReduceAccumulator(n.left)) note(n.right, n);
        if (fx.isNumeric(n.right)) note(n.left, n);
      } else if ((n.operator === '===' || n.operator === '!==') && (fx.isNumeric(n.left) || fx.isNumeric(n.right))) {
        note(n.left, n);
        note(n.right, n);
      }
    } else if (n.type === 'AssignmentExpression' && n.operator !== '=') {
      if (n.operator !== '+=' || fx.isNumeric(n.left)) note(n.right, n);
    } else if (n.type === 'UnaryExpression' && (n.operator === '-' || n.operator === '+')) {
      // `+field` and Number(field) count too: the kept records still hold the text (as the Python MW201 does).
      note(n.argument, n, 'conversion');
    } else if (n.type === 'CallExpression' && n.arguments[0] && isNumberConversion(fx, n)) {
      note(n.arguments[0], n, 'conversion');
    } else if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.object.name === 'Math') {
      for (const a of n.arguments) {
        if (a.type !== 'SpreadElement') note(a, n);
        else {
          const f = fx.factOf(a.argument, 0);
          if (f?.t === 'list' && f.elem?.t === 'text' && f.elem.origin.parseCall && !uses.has(f.elem.origin.parseCall)) uses.set(f.elem.origin.parseCall, n);
        }
      }
    }
  }
  // Streamed records count only when they are kept: pushed into an array, or copied field by field into
  // kept objects that are then used as numbers (converting while copying keeps no text).
  for (const [call] of [...uses]) {
    const f = fx.factOf(call, 0);
    if (f?.t !== 'list' || !f.stream) continue;
    const kept = streamRecordsKept(fx, call);
    if (!kept || (kept === 'copied' && !strong.has(call))) uses.delete(call);
  }
  return uses;
}

const CUTS = new Set(['substring', 'substr', 'slice', 'charAt']);

/** `ts.substring(4, 6)`, `code.slice(0, 2)`, `s.charAt(0)`: a piece of a text cut at a position. */
function isPieceByPosition(operand: Node): boolean {
  const e = unwrap(operand);
  return e.type === 'CallExpression' && e.arguments.length > 0 && e.callee.type === 'MemberExpression' && CUTS.has(propName(e.callee) ?? '');
}

/** The parse result goes straight into `.map(…)`: its records are replaced, not kept. */
function convertedByMap(fx: Analysis, call: Call): boolean {
  let cur: Node = call;
  let p = fx.parents.get(cur);
  while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
    cur = p;
    p = fx.parents.get(cur);
  }
  return p?.type === 'MemberExpression' && p.object === cur && propName(p) === 'map' && fx.parents.get(p)?.type === 'CallExpression';
}

/**
 * `rows.map((r) => ({ qty: Number(r.qty) }))`: the conversion is a field of the new record a `.map` callback
 * returns, so the numbers are converted once while copying (the text records are not what is used later).
 */
function convertedIntoMappedRecord(fx: Analysis, conversion: Node): boolean {
  const prop = fx.parents.get(conversion);
  if (prop?.type !== 'Property' || prop.value !== conversion) return false;
  const obj = fx.parents.get(prop);
  if (obj?.type !== 'ObjectExpression') return false;
  let fn = fx.parents.get(obj);
  if (fn?.type === 'ReturnStatement') {
    const block = fx.parents.get(fn);
    fn = block?.type === 'BlockStatement' ? fx.parents.get(block) : undefined;
  } else if (fn?.type !== 'ArrowFunctionExpression' || fn.body !== obj) return false;
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return false;
  const call = fx.parents.get(fn);
  return call?.type === 'CallExpression' && call.arguments[0] === fn && call.callee.type === 'MemberExpression' && propName(call.callee) === 'map';
}

/**
 * The value of a field of the record a `.map` callback returns, reached from `at` through what keeps it one
 * value per record: a branch of `?:`, arithmetic (`+` too: the converted side is a number), `Math.*`,
 * `.toFixed()`-like formatting.
 * Counted only when the text read is the callback's own element (`d.share`, or `share` destructured from it):
 * a field of an outer record (`person.median`) is converted again for every element, on every use.
 */
function elementFieldIntoMappedRecord(fx: Analysis, operand: Node, at: Node): boolean {
  let cur = at;
  for (let p = fx.parents.get(cur); p; p = fx.parents.get(cur)) {
    if (p.type === 'ConditionalExpression' && p.test !== cur) cur = p;
    else if (p.type === 'BinaryExpression' && (ARITH_OPS.has(p.operator) || p.operator === '+')) cur = p;
    else if (p.type === 'CallExpression' && p.callee.type === 'MemberExpression' && p.callee.object.type === 'Identifier' && p.callee.object.name === 'Math' && !fx.refBinding.has(p.callee.object)) cur = p;
    else if (p.type === 'MemberExpression' && p.object === cur && FORMATS.has(propName(p) ?? '') && fx.parents.get(p)?.type === 'CallExpression') cur = fx.parents.get(p)!;
    else break;
  }
  if (!convertedIntoMappedRecord(fx, cur)) return false;
  const fn = enclosingMapCallback(fx, cur);
  const read = unwrap(operand);
  const root = read.type === 'MemberExpression' ? unwrap(read.object) : read;
  const b = root.type === 'Identifier' ? fx.refBinding.get(root) : undefined;
  return !!fn && !!b && b.defs.some((d) => d.k === 'param' && d.fn === fn && d.index === 0);
}

const FORMATS = new Set(['toFixed', 'toPrecision', 'toExponential']);

/** The `.map` callback whose returned record holds the field value `value` (convertedIntoMappedRecord has checked the shape). */
function enclosingMapCallback(fx: Analysis, value: Node): Node | undefined {
  let cur: Node | undefined = value;
  while (cur && cur.type !== 'ArrowFunctionExpression' && cur.type !== 'FunctionExpression') cur = fx.parents.get(cur);
  return cur;
}

/**
 * `d.population = +d.population` (also `d["land area"] = Number(d["land area"])`): the conversion is stored
 * back into the field it read, so the kept record holds the number from then on (the text lives only until
 * this pass, as when records are converted while copying).
 */
function convertedInPlace(fx: Analysis, operand: Node, conversion: Node): boolean {
  const assign = fx.parents.get(conversion);
  if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.right !== conversion) return false;
  const read = unwrap(operand);
  const target = assign.left;
  if (read.type !== 'MemberExpression' || target.type !== 'MemberExpression') return false;
  const key = propName(read);
  if (key === undefined || propName(target) !== key) return false;
  const a = read.object;
  const b = target.object;
  if (a.type === 'ThisExpression') return b.type === 'ThisExpression';
  return a.type === 'Identifier' && b.type === 'Identifier' && a.name === b.name && fx.refBinding.get(a) === fx.refBinding.get(b);
}

/** Are streamed records of `call` kept in an array that starts empty: a variable, or a class field (`rows: Row[] = []`)? */
function streamRecordsKept(fx: Analysis, call: Call): 'records' | 'copied' | undefined {
  let kept: 'copied' | undefined;
  const isEmptyArray = (e: Node) => e.type === 'ArrayExpression' && e.elements.length === 0;
  const lists: (() => Fact | undefined)[] = [];
  for (const b of fx.allBindings) if (b.defs.some((d) => d.k === 'expr' && isEmptyArray(unwrap(d.expr)))) lists.push(() => fx.bindingFact(b, 0));
  for (const slots of fx.classProps.values()) for (const slot of slots.values()) if (slot.assigned.some((a) => isEmptyArray(unwrap(a)))) lists.push(() => fx.slotFact(slot, 0));
  for (const list of lists) {
    const f = list();
    if (f?.t !== 'list') continue;
    if (f.elem?.t === 'list' && f.elem.elem?.t === 'text' && f.elem.elem.origin.parseCall === call) return 'records';
    if (holdsTextOf(f.elem, call, 0)) kept = 'copied';
  }
  return kept;
}

/** The kept element holds text from `call`: the record itself, or a new object with a field copied from it. */
function holdsTextOf(f: Fact | undefined, call: Call, depth: number): boolean {
  if (!f || depth > 3) return false;
  if (f.t === 'text') return f.origin.parseCall === call;
  if (f.t === 'list') return holdsTextOf(f.elem, call, depth + 1);
  if (f.t === 'obj') return [...f.props.values()].some((v) => holdsTextOf(v, call, depth + 1));
  return false;
}

/** True when an object literal assigned to `b` (directly or as the fallback of `||`/`??`) gives `field` a number. */
function literalFieldIsNumeric(fx: Analysis, b: Binding, field: string): boolean {
  return b.defs.some((d) => {
    if (d.k !== 'expr' || d.path.length) return false;
    let v = unwrap(d.expr);
    if (v.type === 'LogicalExpression' && v.operator !== '&&') v = unwrap(v.right);
    if (v.type !== 'ObjectExpression') return false;
    return v.properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === field && fx.factOf(p.value, 1)?.t === 'num');
  });
}
