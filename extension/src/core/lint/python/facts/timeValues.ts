// datetime values: moments (a datetime or a date) and spans (a timedelta), from the library model's rows
// (`returns: 'moment' | 'span'`, `onTime`, TIME_PROPERTIES). What they hold matters only for what comes out of
// them: numbers (`(today - due).days`, `gap.total_seconds()`, `d.year`), other moments and spans, and formatted
// text that is not data (`d.strftime(…)`). Arithmetic between them follows Python's datetime rules; anything else
// (a moment with a number, a span with text) is unknown.
import type { Returns } from '../library/model';
import { TIME_METHODS, TIME_PROPERTIES } from '../library/derived';
import type { Fact, MaybeFact } from './factTypes';

type TimeKind = 'moment' | 'span';

const MOMENT: Fact = { k: 'time', of: 'moment' };
const SPAN: Fact = { k: 'time', of: 'span' };
const NUMBER: Fact = { k: 'num' };

function kindOf(f: Fact): TimeKind | 'num' | null {
  return f.k === 'time' ? f.of : f.k === 'num' ? 'num' : null;
}

/** `a op b` where one side is a moment or a span (both operands known). */
export function timeBinop(a: Fact, op: string, b: Fact): MaybeFact {
  const x = kindOf(a);
  const y = kindOf(b);
  switch (op) {
    case '-':
      if (x === 'moment') return y === 'moment' ? SPAN : y === 'span' ? MOMENT : null;
      return x === 'span' && y === 'span' ? SPAN : null;
    case '+':
      if ((x === 'moment' && y === 'span') || (x === 'span' && y === 'moment')) return MOMENT;
      return x === 'span' && y === 'span' ? SPAN : null;
    case '*':
      return (x === 'span' && y === 'num') || (x === 'num' && y === 'span') ? SPAN : null;
    case '/':
    case '//':
      // a span divided by a span is a ratio; by a number, a shorter span
      return x === 'span' ? (y === 'span' ? NUMBER : y === 'num' ? SPAN : null) : null;
    case '%':
      return x === 'span' && y === 'span' ? SPAN : null;
    default:
      return null;
  }
}

/** `gap.days`, `d.year`: a number when the receiver is the kind that has the attribute; undefined otherwise. */
export function timeAttribute(o: Fact, attr: string): MaybeFact | undefined {
  const on = Object.hasOwn(TIME_PROPERTIES, attr) ? TIME_PROPERTIES[attr] : undefined;
  return on && o.k === 'time' && o.of === on ? NUMBER : undefined;
}

/** Is `attr` an attribute some datetime value has (worth evaluating its object for)? */
export function isTimeAttribute(attr: string): boolean {
  return Object.hasOwn(TIME_PROPERTIES, attr);
}

/**
 * `x.name(…)` of a datetime method (`d.date()`, `gap.total_seconds()`): its value when the receiver `o` is the
 * kind it needs; undefined otherwise (the same name on another receiver, `s.replace(…)` of text, is not ours).
 */
export function timeMethod(name: string, o: MaybeFact): MaybeFact | undefined {
  const m = TIME_METHODS.get(name);
  if (!m || !o || o.k !== 'time' || o.of !== m.on) return undefined;
  return valueOf(m.returns);
}

/** A datetime constructor's or method's `returns`, as a value. */
export function valueOf(r: Returns | TimeKind): MaybeFact {
  return r === 'moment' ? MOMENT : r === 'span' ? SPAN : r === 'number' ? NUMBER : r === 'str' ? { k: 'str' } : null;
}
