// Fields converted in place: `rec.ms = Number(rec.ms)` after `const rec = Object.fromEntries(…)` or
// `const rec = { ms: parts[1] }`. The analysis is flow-insensitive, so a text field that is also written
// with something other than text is no longer known to hold text (reads before the conversion too): the
// variable's value then carries that field as unknown wherever it flows (returned, yielded, pushed).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { propName } from './factTypes';
import type { Binding, Fact } from './factTypes';

/** `b`'s value with every text field that some `v.field = …` sets to a non-text value made unknown. */
export function withConvertedFields(fx: Analysis, b: Binding, f: Fact | undefined, d: number): Fact | undefined {
  // Only a record: an object, or a list standing for one (Object.fromEntries' fields), never a data collection.
  if (!f || !(f.t === 'obj' || (f.t === 'list' && !f.big && !f.map && !f.stream && !f.match && !f.batch))) return f;
  let converted: Set<string> | undefined;
  for (const ref of b.refs) {
    const m = fx.parents.get(ref);
    const a = m && fx.parents.get(m);
    const key = m?.type === 'MemberExpression' && m.object === ref ? propName(m) : undefined;
    if (key === undefined || key === 'length' || a?.type !== 'AssignmentExpression' || a.left !== m || a.operator !== '=') continue;
    const field = f.t === 'obj' ? (f.props.has(key) ? f.props.get(key) : f.rest) : f.elem;
    if (field?.t === 'text' && fx.factOf((a as TSESTree.AssignmentExpression).right, d)?.t !== 'text') (converted ??= new Set()).add(key);
  }
  if (!converted) return f;
  const props = new Map(f.t === 'obj' ? f.props : []);
  for (const key of converted) props.set(key, undefined);
  const rest = f.t === 'obj' ? f.rest : f.elem;
  return rest ? { t: 'obj', props, rest } : { t: 'obj', props };
}
