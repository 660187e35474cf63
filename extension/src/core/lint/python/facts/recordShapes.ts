// Record classes declared at module level: `@dataclass` classes, `class P(NamedTuple)` and
// `P = namedtuple("P", …)`. Building one (`P(name, value)`, `P(*line.split(","))`, `P(value=v)`) gives an
// instance whose fields hold what was passed: a field declared `float` but built from split text is text (a
// declared type is a claim, not a conversion). Found once per file, on first question, from the tree.
import type { Node } from 'web-tree-sitter';
import { stringValue, unwrap } from '../syntax';
import type { Fact, MaybeFact } from './factTypes';

export interface RecordShapes {
  /** Class name → field names in declaration order. */
  byName: Map<string, string[]>;
  /** Every field name of every record class (a cheap gate before evaluating `x.name`). */
  fieldNames: Set<string>;
}

/** Field names of a namedtuple's second argument: `["a", "b"]`, `("a", "b")`, `"a b"` or `"a, b"`. */
function namedtupleFields(arg: Node | null): string[] | null {
  const a = unwrap(arg);
  if (!a) return null;
  const s = stringValue(a);
  if (s !== null) return s.split(/[\s,]+/).filter(Boolean);
  if (a.type !== 'list' && a.type !== 'tuple') return null;
  const out: string[] = [];
  for (const c of a.namedChildren) {
    const v = c ? stringValue(c) : null;
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Annotated fields (`value: float`, `value: float = 0.0`) of a class body, in order. */
function annotatedFields(cls: Node): string[] {
  const out: string[] = [];
  for (const st of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = st?.type === 'expression_statement' ? st.namedChild(0) : null;
    if (a?.type === 'assignment' && a.childForFieldName('type') && a.childForFieldName('left')?.type === 'identifier') out.push(a.childForFieldName('left')!.text);
  }
  return out;
}

function isRecordClass(cls: Node, decorators: Node[]): boolean {
  if (decorators.some((d) => /^@\s*(dataclasses\.)?dataclass\b/.test(d.text))) return true;
  const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
  return bases.some((b) => !!b && /^(typing\.)?NamedTuple$/.test(b.text));
}

/**
 * A record class needs one of these words in the text (its decorator, base or factory is matched on them below):
 * without them the walk over every top-level statement is skipped, which a re-lint after each edit would repeat.
 */
const RECORD_WORDS = /dataclass|NamedTuple|namedtuple/;

export function recordShapes(root: Node, text: string): RecordShapes {
  if (!RECORD_WORDS.test(text)) return { byName: new Map(), fieldNames: new Set() };
  const byName = new Map<string, string[]>();
  for (const st of root.namedChildren) {
    if (!st) continue;
    if (st.type === 'class_definition' || st.type === 'decorated_definition') {
      const cls = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
      const decorators = st.type === 'decorated_definition' ? st.namedChildren.filter((c): c is Node => !!c && c.type === 'decorator') : [];
      const name = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
      if (cls && name && isRecordClass(cls, decorators)) byName.set(name, annotatedFields(cls));
    } else if (st.type === 'expression_statement') {
      const a = st.namedChild(0);
      const right = a?.type === 'assignment' ? unwrap(a.childForFieldName('right')) : null;
      const left = a?.childForFieldName('left');
      if (!right || right.type !== 'call' || left?.type !== 'identifier') continue;
      if (!/^(collections\.)?namedtuple$/.test(right.childForFieldName('function')?.text ?? '')) continue;
      const fields = namedtupleFields(right.childForFieldName('arguments')?.namedChild(1) ?? null);
      if (fields) byName.set(left.text, fields);
    }
  }
  return { byName, fieldNames: new Set([...byName.values()].flat()) };
}

/**
 * The instance built by `call` of a record class with `fields`: positional arguments in order, keywords by name,
 * a lone `*xs` fills every field with an element of xs. Unknown when the call has other splats.
 */
export function buildRecord(cls: string, fields: string[], call: Node, factOf: (n: Node | null) => MaybeFact, elementOf: (f: MaybeFact) => MaybeFact): Fact | null {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  const values = new Map<string, MaybeFact>();
  if (args.length === 1 && args[0].type === 'list_splat') {
    const el = elementOf(factOf(args[0].namedChild(0)));
    for (const f of fields) values.set(f, el);
  } else {
    let i = 0;
    for (const a of args) {
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        if (name) values.set(name, factOf(a.childForFieldName('value')));
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') return null;
      else if (i < fields.length) values.set(fields[i++], factOf(a));
    }
  }
  return { k: 'instance', cls, fields: fields.map((f) => [f, values.get(f) ?? null] as const) };
}
