// Values of operators and dtype spellings: pure functions of the operands' values.
import type { Node } from 'web-tree-sitter';
import { BUILTIN_DTYPES, DTYPES } from '../library/model';
import { stringValue, unwrap } from '../syntax';
import { elementOf, join, type MaybeFact } from './factTypes';
import { timeBinop } from './timeValues';

export function isNumericDtype(node: Node | null): boolean | null {
  const n = unwrap(node);
  if (!n) return null;
  const s = stringValue(n);
  const t = s ?? n.text;
  if (DTYPES.text.test(t)) return false;
  if (DTYPES.numeric.test(t)) return true;
  return null;
}

/** A builtin type named as a value (`read(path, object)`): what it means as a dtype. Null for other names. */
export function builtinTypeValue(name: string): MaybeFact {
  const t = Object.hasOwn(BUILTIN_DTYPES, name) ? BUILTIN_DTYPES[name] : undefined;
  return t ? { k: 'dtype', numeric: t === 'numeric' } : null;
}

/**
 * Is a `dtype=` argument numeric (true), text (false) or unknown (null)? A spelled dtype is read from the text;
 * a name is asked for its value (a parameter given `object` at every call site is `object`).
 */
export function dtypeIsNumeric(node: Node | null, factOf: (n: Node) => MaybeFact): boolean | null {
  const spelled = isNumericDtype(node);
  const n = unwrap(node);
  if (spelled !== null || !n || n.type !== 'identifier') return spelled;
  const f = factOf(n);
  return f && f.k === 'dtype' ? f.numeric : null;
}

/** A boolean row mask written in place: a comparison, `and`/`or`, `~m`, `a & b`, `a | b`. */
export function isMask(n: Node): boolean {
  if (n.type === 'comparison_operator' || n.type === 'boolean_operator') return true;
  if (n.type === 'unary_operator') return n.text.startsWith('~');
  if (n.type === 'binary_operator') {
    const op = n.childForFieldName('operator')?.text;
    return op === '&' || op === '|';
  }
  return false;
}

/** What a modelling object (PuLP's variables and expressions) defines for itself: `x * coef`, `total + x`. */
const MODELLING_ARITHMETIC = new Set(['+', '-', '*', '/']);

/** Operators that a str operand makes raise, whatever the other operand: their result is never text. */
const NUMERIC_ONLY = new Set(['-', '/', '//', '**']);

/** The fact of `a op b`. */
export function binop(a: MaybeFact, op: string, b: MaybeFact): MaybeFact {
  // A modelling object's own arithmetic decides, whatever the other side (`"" + x` too: x.__radd__).
  if (a?.k === 'algebraic' || b?.k === 'algebraic') return MODELLING_ARITHMETIC.has(op) ? { k: 'algebraic' } : null;
  if (!a || !b) {
    if (op === '%' && a && (a.k === 'str' || a.k === 'text')) return { k: 'str' };
    // `(now - path.stat().st_mtime) / 86400`: a number against an unknown operand with an operator str does not
    // have (and that a str operand would make raise) gives a number or an array of numbers, never text. So does
    // `+`: a number plus a str, list or tuple raises (`counts.get(k, 0) + booking["skaters"]`, a JSON value, is a
    // number whenever it runs). Not `*` (a list or str repetition), nor `x % n` (x may be a format string).
    const known = a ?? b;
    if (known && known.k === 'num' && (NUMERIC_ONLY.has(op) || op === '+' || (op === '%' && a))) return known;
    return null;
  }
  if (a.k === 'bottom') return a; // a recursive summary's first round (fixpoint.ts)
  if (b.k === 'bottom') return b;
  if (a.k === 'num' && b.k === 'num') return a;
  if (a.k === 'path' && op === '/') return a; // base / 'name.csv'
  if (a.k === 'time' || b.k === 'time') return timeBinop(a, op, b); // `(today - due)`: a timedelta

  // A text column or array with a number is reported at that operation (MW105); what it yields (an error in
  // numpy, repeated strings in pandas) is not followed further, so one mistake is one finding.
  if (a.k === 'series' || a.k === 'array') {
    if (b.k === 'num') return a.text ? null : a;
    return a.k === b.k ? { ...a, text: a.text || (b as { text?: boolean }).text === true } : a;
  }
  if (b.k === 'series' || b.k === 'array') return a.k === 'num' && !b.text ? b : null;
  if (op === '+') {
    // `header + rows`: one sequence holding the elements of both
    if (a.k === 'tuple' && b.k === 'tuple' && a.items.length + b.items.length <= 64) return { k: 'tuple', items: [...a.items, ...b.items] };
    if ((a.k === 'seq' || a.k === 'tuple') && (b.k === 'seq' || b.k === 'tuple')) return { k: 'seq', of: join(elementOf(a), elementOf(b)) };
    // `acc + [r[3]]` from an empty list (a fold's start, `rows = rows + [x]`): the list of the other side's elements
    if (a.k === 'empty' && !a.dict && !a.keyed && (b.k === 'seq' || b.k === 'tuple')) return { k: 'seq', of: elementOf(b) };
    if (b.k === 'empty' && !b.dict && !b.keyed && (a.k === 'seq' || a.k === 'tuple')) return { k: 'seq', of: elementOf(a) };
    if (a.k === 'text' && (b.k === 'text' || b.k === 'str')) return a;
    if (b.k === 'text' && a.k === 'str') return b;
    if (a.k === 'str' && b.k === 'str') return a;
    return null;
  }
  if (op === '*') {
    // `[0] * n`: the list repeated holds the same elements (`sums[j] += cell` then adds to a number)
    if ((a.k === 'seq' || a.k === 'tuple') && b.k === 'num') return { k: 'seq', of: elementOf(a) };
    if ((b.k === 'seq' || b.k === 'tuple') && a.k === 'num') return { k: 'seq', of: elementOf(b) };
    // Data text repeated by a number is reported at that operation (MW101); what it yields is not followed
    // further, so one mistake is one finding (`shares = lots * LOT`, then `beta * shares` or `total += shares`).
    if ((a.k === 'text' && b.k === 'num') || (b.k === 'text' && a.k === 'num')) return null;
    if (a.k === 'str' && b.k === 'num') return a;
    if (b.k === 'str' && a.k === 'num') return b;
    return null;
  }
  if (op === '%' && (a.k === 'str' || a.k === 'text')) return { k: 'str' };
  return null;
}
