// The name a value is known by in the code (a variable, a record field, an attribute), for rules whose answer
// depends on what the value means: ordering text named as a date or a name is deliberate (../../textualNames.ts).
import type { Node } from 'web-tree-sitter';
import { calleeOf, stringValue, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { textualName } from '../../textualNames';

/**
 * What an expression is named: a name (`seen[ts]`), a field (`row["date"]`, `r.date`), through a str method
 * (`row["name"].strip()`); `#char` for one character of text (`grade[0]`); '' when it has no name.
 */
export function valueName(a: Analysis, key: Node, d: number): string {
  const k = unwrap(key);
  if (!k) return '';
  if (k.type === 'identifier') return k.text;
  if (k.type === 'attribute') return k.childForFieldName('attribute')?.text ?? '';
  if (k.type === 'subscript') {
    const subs = k.childrenForFieldName('subscript').filter((x): x is Node => !!x);
    const field = subs.length === 1 ? stringValue(subs[0]) : null;
    if (field !== null) return field;
    const of = a.factOf(k.childForFieldName('value'), d);
    return subs.length === 1 && subs[0].type === 'integer' && (of?.k === 'text' || of?.k === 'str') ? '#char' : '';
  }
  const c = k.type === 'call' ? calleeOf(k) : null;
  return c?.object && a.factOf(k, d)?.k === 'text' && a.factOf(c.object, d)?.k === 'text' ? valueName(a, c.object, d) : '';
}

/** Named as text that orders correctly as text (a date, timestamp, name or id), or one character of text. */
export function orderedAsTextName(name: string): boolean {
  return name === '#char' || textualName(name);
}
