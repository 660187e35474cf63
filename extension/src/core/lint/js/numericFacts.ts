// Numbers and numeric uses: whether an expression holds a number (literals, conversions, counts, numeric
// bindings, maps that store numbers under every key), and the first place each uncast tabular parse's
// text is used as a number without conversion (MW251).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
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

/**
 * First place each untyped parse's text is used as a number without conversion: in arithmetic, after `+` or
 * `+=` onto a number, compared with a number or (where its order can mislead) with other text, or passed to
 * `Math.*`. A field converted where it is used (`Number(r.n)`, `+r.n`, `parseFloat`, a helper returning one
 * of these) is not such a use: the text never takes part as a number, so a parse whose every numeric use is
 * converted is not reported (what the rule text promises, and what every corpus writer expected).
 */
export function computeNumericUses(fx: Analysis): Map<Call, Node> {
  const uses = new Map<Call, Node>();
  /** Parses whose text is used in arithmetic or compared with a number (not only compared as text). */
  const strong = new Set<Call>();
  const note = (operand: Node, at: Node, how: 'compare' | 'arith' = 'arith') => {
    // `ts.substring(4, 6) - 1`: a piece cut by position from structured text (a date stamp, a code) is parsed, not
    // a number kept as text; casting the whole field at the parse would break the cut.
    if (isPieceByPosition(operand)) return;
    const o = fx.textOrigin(operand);
    if (!o?.parseCall) return;
    if (how === 'arith') strong.add(o.parseCall);
    if (!uses.has(o.parseCall)) uses.set(o.parseCall, at);
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
