// Data-scale answers for parts of a value (dataScale.ts): one part of an unpacked tuple (`header, rows = load(p)`),
// and the lists a dict of lists holds (`groups[k].append(b)`, then `for tour, bookings in groups.items()`). The
// tracer's own steps (a value, a loop, an in-file function, call sites) come from dataScale.ts.
import type { Node } from 'web-tree-sitter';
import type { ScaleAnswer } from '../scaleAnswer';
import { combineScales, withInput } from '../scaleAnswer';
import { calleeOf, unwrap } from './syntax';
import { ELEMENT_FILLS } from './library/derived';
import { argumentFor, isModuleLevel, parameterIndex, type outputsOf } from './inFileFunctions';
import { assignmentsOf, enclosingScope, fillsOf, isEmptyContainer, loopsBetween, unpackingsOf } from './scopeSites';
import { lineOf } from './dataScaleText';

/** The steps of the data-scale tracer these answers use. */
export interface TraceSteps {
  ofValue(value: Node, depth: number): ScaleAnswer;
  ofLoop(loop: Node, depth: number): ScaleAnswer;
  guarded<T>(key: string, fn: () => T): T | undefined;
  inFileFunction(at: Node, name: string): { fn: Node; out: ReturnType<typeof outputsOf> } | null;
  callsOf(fnName: string): Node[] | null;
}

/** Item `index` of a tuple display or expression list (`return header, rows`); none past a starred item. */
function itemOf(tuple: Node | null, index: number): Node | null {
  const t = unwrap(tuple);
  const items = t && (t.type === 'expression_list' || t.type === 'tuple' || t.type === 'list') ? t.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : null;
  return items && !items.some((c) => c.type === 'list_splat') ? items[index] ?? null : null;
}

/**
 * The values `answer` gives for part `index` of `right`: of a tuple display (`a, b = [], rows`), or of what an
 * in-file function returns (`header, rows = load(path)` after `return header, rows`). Only data answers are taken
 * from a function, as for a call.
 */
export function unpackedPart(t: TraceSteps, right: Node | null, index: number, depth: number, answer: (part: Node, depth: number) => ScaleAnswer | undefined): ScaleAnswer | undefined {
  const v = unwrap(right);
  if (!v) return undefined;
  if (v.type !== 'call') {
    const p = itemOf(v, index);
    return p ? answer(p, depth + 1) : undefined;
  }
  const c = calleeOf(v);
  const found = c && !c.object && c.full ? t.inFileFunction(v, c.full) : null;
  if (!found || found.out.yields.length) return undefined;
  const parts = found.out.returns.map((r) => itemOf(r.namedChild(0), index));
  if (!parts.length || parts.some((p) => !p)) return undefined;
  const got = t.guarded(`unpack:${found.fn.id}:${index}`, () => combineScales(parts.map((p): ScaleAnswer => answer(p!, depth + 1) ?? { scale: 'unknown', why: 'untraced' })));
  if (got?.scale !== 'data') return undefined;
  return withInput({ scale: 'data', source: `part ${index + 1} of what \`${c!.full}()\` returns: ${got.source}` }, got.input);
}

/**
 * Is `dict` a dict of lists, each grown by a fill of one of its values (`d[k].append(x)`, `d.setdefault(k, []).append(x)`)
 * in a data loop? Then each list, as a group of the data, is data-scale. Followed through names, in-file calls'
 * returns, unpacking and parameters (what the file's calls pass); anything else answers undefined.
 */
export function listValues(t: TraceSteps, dict: Node, depth: number): ScaleAnswer | undefined {
  const v = unwrap(dict);
  if (!v || depth > 8) return undefined;
  if (v.type === 'call') {
    const c = calleeOf(v);
    const found = c && !c.object && c.full ? t.inFileFunction(v, c.full) : null;
    if (!found || found.out.yields.length) return undefined;
    const got = t.guarded(`values:${found.fn.id}`, () => combineScales(found.out.returns.map((r): ScaleAnswer => (r.namedChild(0) && listValues(t, r.namedChild(0)!, depth + 1)) || { scale: 'unknown', why: 'untraced' })));
    return got?.scale === 'data' ? got : undefined;
  }
  if (v.type !== 'identifier') return undefined;
  const scope = enclosingScope(v);
  if (!scope) return undefined;
  return t.guarded(`values:${scope.id}:${v.text}:${v.startIndex}`, () => listValuesIn(t, v, scope, depth));
}

function listValuesIn(t: TraceSteps, id: Node, scope: Node, depth: number): ScaleAnswer | undefined {
  const name = id.text;
  let last: Node | null = null;
  for (const n of assignmentsOf(scope, name)) if (n.endIndex <= id.startIndex) last = n;
  let unpacked: { node: Node; index: number } | null = null;
  for (const u of unpackingsOf(scope, name)) if (u.node.endIndex <= id.startIndex && (!last || u.node.startIndex > last.startIndex)) unpacked = u;
  if (unpacked) return unpackedPart(t, unpacked.node.childForFieldName('right'), unpacked.index, depth, (p, d) => listValues(t, p, d));
  const right = last?.childForFieldName('right');
  if (right && isEmptyContainer(right)) {
    for (const fill of fillsOf(scope, name, true)) {
      // `d[k].append(x)`: the receiver is an item; `d.setdefault(k, []).append(x)`: the setdefault is the receiver.
      const element = fill.type === 'call' && (calleeOf(fill)?.object?.text.startsWith(`${name}[`) ?? false);
      const viaDefault = fill.parent?.type === 'attribute' && fill.parent.parent?.type === 'call' && ELEMENT_FILLS.has(fill.parent.childForFieldName('attribute')?.text ?? '');
      if (!element && !viaDefault) continue;
      for (const loop of loopsBetween(fill, scope)) {
        const a = t.ofLoop(loop, depth + 1);
        if (a.scale === 'data') return withInput({ scale: 'data', source: `a list of \`${name}\`, filled in the loop at line ${lineOf(loop)} over ${a.source}` }, a.input);
      }
    }
    return undefined;
  }
  if (right) return listValues(t, right, depth + 1);
  if (scope.type !== 'function_definition' || !isModuleLevel(scope)) return undefined;
  const index = parameterIndex(scope, name);
  const fnName = scope.childForFieldName('name')?.text;
  const calls = index >= 0 && fnName ? t.callsOf(fnName) : null;
  if (!calls?.length) return undefined;
  const got = combineScales(calls.map((call): ScaleAnswer => {
    const arg = argumentFor(call, scope, index, name);
    return (arg && listValues(t, arg, depth + 1)) || { scale: 'unknown', why: 'untraced' };
  }));
  return got.scale === 'data' ? got : undefined;
}
