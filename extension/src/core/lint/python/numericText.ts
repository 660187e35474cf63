// Shared questions about "data text used as a number", asked by MW1xx (to report the operation) and by
// MW2xx (to report the reader that kept the text).
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts/fileFacts';
import { elementOf, join, type MaybeFact, type TextSource } from './facts/factTypes';
import { AGGREGATES, BARE_AGGREGATES, COLUMN_AGGREGATES, CONVERTERS, FUNCTION_EVALUATIONS, METHOD_EVALUATIONS } from './library/derived';
import { NUMBER_DTYPES } from './library/model';
import { calleeOf, keywordArg, positionalArgs, unwrap } from './syntax';
import type { PythonVisitors } from './ruleContext';
import { orderedAsTextName, valueName } from './facts/valueNames';
import { textualName } from '../textualNames';

export interface TextNumberPair {
  text: Node;
  number: Node;
  src: TextSource;
}

/** If one operand is data text and the other a known number, which is which. */
/** Node types that can evaluate to data text or to a number; literals, None, containers cannot matter. */
const OPERAND_TYPES = new Set(['identifier', 'subscript', 'call', 'attribute', 'parenthesized_expression', 'binary_operator', 'integer', 'float', 'unary_operator', 'named_expression']);

export function textAgainstNumber(facts: FileFacts, a: Node | null, b: Node | null): TextNumberPair | null {
  if (!a || !b || !OPERAND_TYPES.has(a.type) || !OPERAND_TYPES.has(b.type)) return null;
  const fa = facts.factOf(a);
  if (fa && fa.k === 'text') {
    const fb = facts.factOf(b);
    return fb && fb.k === 'num' ? { text: a, number: b, src: fa.src } : null;
  }
  if (fa && fa.k === 'num') {
    const fb = facts.factOf(b);
    return fb && fb.k === 'text' ? { text: b, number: a, src: fb.src } : null;
  }
  return null;
}

/** `total += x` / `self.total -= x`: data text against a number, the target taken as its value before the update. */
export function updateAgainstNumber(facts: FileFacts, target: Node | null, value: Node | null): TextNumberPair | null {
  if (!target || !value || !OPERAND_TYPES.has(value.type)) return null;
  if (target.type === 'identifier' || target.type === 'subscript') return textAgainstNumber(facts, target, value);
  if (target.type !== 'attribute') return null;
  const before = facts.valueBeforeUpdate(target);
  if (!before || (before.k !== 'num' && before.k !== 'text')) return null;
  const v = facts.factOf(value);
  if (before.k === 'num') return v && v.k === 'text' ? { text: value, number: target, src: v.src } : null;
  return v && v.k === 'num' ? { text: target, number: value, src: before.src } : null;
}

export const ORDERING = new Set(['<', '>', '<=', '>=', '==', '!=']);

export { comparisonPairs } from './syntax';


const importPatterns = new Map<string, RegExp>();
/** `from <module> import` at a line start; one RegExp per module, so FileFacts.textTest caches its answer. */
function importFromPattern(module: string): RegExp {
  let re = importPatterns.get(module);
  if (!re) importPatterns.set(module, (re = new RegExp(`^\\s*from\\s+${module}\\s+import`, 'm')));
  return re;
}

/** `sum(xs)` / `max(xs)` / `statistics.mean(xs)` whose single iterable holds data text. */
export function aggregateOverText(facts: FileFacts, call: Node): TextSource | null {
  const c = calleeOf(call);
  if (!c || !c.full) return null;
  const bareFrom = c.object ? undefined : BARE_AGGREGATES.get(c.full);
  if (bareFrom) {
    if (!facts.textTest(importFromPattern(bareFrom))) return null;
  } else if (!AGGREGATES.has(c.full)) return null;
  const args = positionalArgs(call);
  const key = unwrap(keywordArg(call, 'key'));
  if (key) {
    // max(rows, key=lambda r: r[1]): the key compares text
    if (key.type !== 'lambda' || args.length !== 1) return null;
    const kf = facts.factOf(key.childForFieldName('body'));
    return kf && kf.k === 'text' ? kf.src : null;
  }
  if (args.length > 1) return extremeOfValues(facts, c.full, args);
  if (args.length !== 1 || orderedAsText(facts, c.full, args[0])) return null;
  const el = elementOf(facts.factOf(args[0]));
  // An element of a str ndarray (`max(table[:, 3])`, a list of `row[4]`) is an np.str_: text too.
  if (el && el.k === 'array' && el.text && el.src) return el.src;
  return el && el.k === 'text' ? el.src : null;
}

/**
 * `max(best.get(k, ms), ms)`: max()/min() of values given as separate arguments compares them as the join of the
 * arguments does: data text when each is (a number on one side: unknown, silent). Values named as dates or names
 * (any argument: they are compared with one another) order as text on purpose, as a list so named does.
 */
function extremeOfValues(facts: FileFacts, callee: string, args: Node[]): TextSource | null {
  if (FUNCTION_EVALUATIONS.get(callee) !== 'extreme' || args.some((x) => x.type === 'list_splat')) return null;
  let acc: MaybeFact = null;
  for (let i = 0; i < args.length; i++) {
    acc = i === 0 ? facts.factOf(args[i]) : join(acc, facts.factOf(args[i]));
    if (!acc || acc.k !== 'text') return null;
  }
  // (one argument so named says what all of them are: `max(last.get(user, ts), ts)` keeps the newest timestamp)
  if (args.some((x) => orderedAsTextName(valueName(facts, x, 0)))) return null;
  return acc && acc.k === 'text' ? acc.src : null;
}

/**
 * max()/min() over text named as dates, timestamps, names or ids (the words MW152 excuses in JS, ../textualNames.ts)
 * or over single characters: the newest ISO date or the first name in order is what the code asks for, and text
 * orders those correctly. The values are a dict's keys (`max(totals)`, `min(seen.keys())`) when every stored key is
 * so named (`totals[row["date"]]`, `seen[ts]`), a comprehension's (`min(r["date"] for r in rows)`), or a list
 * named so (`min(names)`; a dict's own name says what its values are, not its keys). sum() still fails on text.
 */
function orderedAsText(facts: FileFacts, callee: string, arg: Node): boolean {
  if (FUNCTION_EVALUATIONS.get(callee) !== 'extreme') return false;
  let x = unwrap(arg);
  if (!x) return false;
  if (x.type === 'generator_expression' || x.type === 'list_comprehension' || x.type === 'set_comprehension') {
    const body = x.childForFieldName('body');
    return !!body && orderedAsTextName(valueName(facts, body, 0));
  }
  const keys = x.type === 'call' ? calleeOf(x) : null;
  const ofKeys = !!keys?.object && METHOD_EVALUATIONS.get(keys.last) === 'record-keys' && positionalArgs(x).length === 0;
  if (ofKeys) x = keys!.object!;
  const f = facts.factOf(x);
  if (f && f.k === 'record') return !!f.keyNames?.length && f.keyNames.every(orderedAsTextName);
  return !ofKeys && x.type === 'identifier' && !!f && f.k === 'seq' && textualName(x.text);
}

/** A text pandas column / numpy array against a number (`df["ms"] > 100`). */
export function textColumnAgainstNumber(facts: FileFacts, a: Node | null, b: Node | null): TextNumberPair | null {
  if (!a || !b || !facts.mayHoldTextColumns || !OPERAND_TYPES.has(a.type) || !OPERAND_TYPES.has(b.type)) return null;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const fx = facts.factOf(x);
    if (fx && (fx.k === 'series' || fx.k === 'array') && fx.text && fx.src) {
      const fy = facts.factOf(y);
      if (fy && fy.k === 'num') return { text: x, number: y, src: fx.src };
    }
  }
  return null;
}


/** `df["ms"].sum()` on a text column: pandas concatenates (or fails), numpy fails. */
export function columnAggregate(facts: FileFacts, call: Node): { column: Node; src: TextSource; method: string } | null {
  const c = calleeOf(call);
  if (!c || !c.object || !COLUMN_AGGREGATES.has(c.last)) return null;
  const f = facts.factOf(c.object);
  if (f && (f.k === 'series' || f.k === 'array') && f.text && f.src) return { column: c.object, src: f.src, method: c.last };
  return null;
}


/** `float(x)` where x is data text: the source of x is numeric-looking. */
export function conversionOfText(facts: FileFacts, call: Node): TextSource | null {
  const c = calleeOf(call);
  if (!c || c.object || !c.full || !CONVERTERS.has(c.full)) return null;
  const args = positionalArgs(call);
  if (args.length < 1) return null;
  const f = facts.factOf(unwrap(args[0]));
  return f && f.k === 'text' ? f.src : null;
}

const ARITH = new Set(['*', '+', '-', '/', '//', '%', '**']);

/**
 * Text sources used as numbers at this node (an operation or a conversion). MW2xx rules collect them to
 * report at the reader that produced the text.
 */
export function numericUseSources(facts: FileFacts, node: Node): TextSource[] {
  const out: TextSource[] = [];
  switch (node.type) {
    case 'binary_operator': {
      const { op, left: l, right: r } = facts.parts(node);
      if (!ARITH.has(op)) break;
      const pair = textAgainstNumber(facts, l, r);
      if (pair) out.push(pair.src);
      if (facts.mayHoldTextColumns) for (const [a, b] of [[l, r], [r, l]] as const) {
        const fa = a ? facts.factOf(a) : null;
        if (fa && (fa.k === 'series' || fa.k === 'array') && fa.text && fa.src) {
          const fb = b ? facts.factOf(b) : null;
          if (fb && (fb.k === 'num' || ((fb.k === 'series' || fb.k === 'array') && !fb.text))) out.push(fa.src);
        }
      }
      break;
    }
    case 'augmented_assignment': {
      const { op, left: l, right: r } = facts.parts(node);
      if (!ARITH.has(op.slice(0, -1))) break;
      const pair = updateAgainstNumber(facts, l, r);
      if (pair) out.push(pair.src);
      break;
    }
    case 'comparison_operator':
      for (const p of facts.pairs(node)) {
        if (!ORDERING.has(p.op)) continue;
        const pair = textAgainstNumber(facts, p.left, p.right) ?? textColumnAgainstNumber(facts, p.left, p.right);
        if (pair) out.push(pair.src);
      }
      break;
    case 'call': {
      const conv = conversionOfText(facts, node) ?? aggregateOverText(facts, node) ?? columnAggregate(facts, node)?.src ?? null;
      if (conv) out.push(conv);
      const c = calleeOf(node);
      if (!c) break;
      const args = positionalArgs(node);
      let subject: Node | null = null;
      const kind = FUNCTION_EVALUATIONS.get(c.full ?? '');
      if (kind === 'to-numeric') subject = args[0] ?? null;
      else if (METHOD_EVALUATIONS.get(c.last) === 'astype' && c.object) {
        subject = c.object;
        const dtypeText = unwrap(args[0] ?? null)?.text ?? '';
        if (!NUMBER_DTYPES.astype.test(dtypeText)) subject = null;
      } else if (kind === 'numpy-array') {
        const dt = keywordArg(node, 'dtype');
        if (dt && NUMBER_DTYPES.array.test(dt.text)) subject = args[0] ?? null;
      }
      if (subject) {
        const f = facts.factOf(subject);
        if (f && (f.k === 'series' || f.k === 'array' || f.k === 'frame') && f.text && f.src) out.push(f.src);
        else if (f && f.k === 'seq') {
          const el = elementOf(f);
          const inner = el && (el.k === 'seq' || el.k === 'tuple') ? elementOf(el) : el;
          if (inner && inner.k === 'text') out.push(inner.src);
        }
      }
      break;
    }
  }
  return out;
}

/** Visitors calling `visit` on every node kind numericUseSources understands (the MW2xx rules report from there). */
export function numericUseVisitors(visit: (node: Node) => void): PythonVisitors {
  return { binary_operator: visit, augmented_assignment: visit, comparison_operator: visit, call: visit };
}
