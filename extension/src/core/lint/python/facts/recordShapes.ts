// Record classes declared at module level: `@dataclass` classes, `class P(NamedTuple)` and
// `P = namedtuple("P", …)`. Building one (`P(name, value)`, `P(*line.split(","))`, `P(value=v)`) gives an
// instance whose fields hold what was passed: a field declared `float` but built from split text is text (a
// declared type is a claim, not a conversion). Found once per file, on first question, from the tree.
import type { Node } from 'web-tree-sitter';
import { stringValue, unwrap } from '../syntax';
import { recordField, type Fact, type MaybeFact } from './factTypes';
import { CONTAINER_FACTORIES, RECORD_WORDS, recordDeclaration } from '../library/derived';

export interface RecordShapes {
  /** Class name → field names in declaration order. */
  byName: Map<string, string[]>;
  /** Every field name of every record class (a cheap gate before evaluating `x.name`). */
  fieldNames: Set<string>;
  /**
   * `Class.field` → the container a dataclass field starts as when not passed (`field(default_factory=dict)`):
   * what it holds is what is stored into it in place (memberFacts.ts).
   */
  containerFields: Map<string, 'dict' | 'list'>;
  /** Where each declaration starts (editor sessions: a question answered from a shape reads its chunk). */
  sites: number[];
  /** Whether the text holds a record word at all (RECORD_WORDS). */
  words: boolean;
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

/**
 * Annotated fields (`value: float`, `value: float = 0.0`) of a class body, in order; those that start as an
 * empty container (`= field(default_factory=dict)`) are noted in `containers` as `name.field`.
 */
function annotatedFields(cls: Node, name: string, containers: Map<string, 'dict' | 'list'>): string[] {
  const out: string[] = [];
  for (const st of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = st?.type === 'expression_statement' ? st.namedChild(0) : null;
    if (a?.type === 'assignment' && a.childForFieldName('type') && a.childForFieldName('left')?.type === 'identifier') {
      const field = a.childForFieldName('left')!.text;
      out.push(field);
      const factory = FIELD_FACTORY.exec(a.childForFieldName('right')?.text ?? '');
      if (factory) containers.set(name + '.' + field, CONTAINER_FACTORIES.get(factory[1]) as 'dict' | 'list');
    }
  }
  return out;
}

function isRecordClass(cls: Node, decorators: Node[]): boolean {
  if (decorators.some((d) => RECORD_DECORATOR.test(d.text))) return true;
  const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
  return bases.some((b) => !!b && RECORD_BASE.test(b.text));
}

/**
 * A record class needs one of these words in the text (its decorator, base or factory is matched on them below):
 * without them the walk over every top-level statement is skipped, which a re-lint after each edit would repeat.
 */
export const RECORD_WORD = new RegExp(RECORD_WORDS.join('|'));
/** How the model's record declarations are written (`@dataclass`, `NamedTuple`, `namedtuple(…)`, `field(default_factory=list)`). */
const RECORD_DECORATOR = new RegExp(String.raw`^@\s*${recordDeclaration('decorator')}\b`);
const RECORD_BASE = new RegExp(`^${recordDeclaration('base')}$`);
const RECORD_FACTORY = new RegExp(`^${recordDeclaration('factory')}$`);
const FIELD_FACTORY = new RegExp(String.raw`^${recordDeclaration('field')}\(\s*default_factory\s*=\s*(${[...CONTAINER_FACTORIES].filter(([, c]) => c === 'dict' || c === 'list').map(([n]) => n.replace(/\./g, '\\.')).join('|')})\s*\)$`);

export function recordShapes(root: Node, text: string): RecordShapes {
  if (!RECORD_WORD.test(text)) return { byName: new Map(), fieldNames: new Set(), containerFields: new Map(), sites: [], words: false };
  const byName = new Map<string, string[]>();
  const sites: number[] = [];
  const containerFields = new Map<string, 'dict' | 'list'>();
  for (const st of root.namedChildren) {
    if (!st) continue;
    if (st.type === 'class_definition' || st.type === 'decorated_definition') {
      const cls = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
      const decorators = st.type === 'decorated_definition' ? st.namedChildren.filter((c): c is Node => !!c && c.type === 'decorator') : [];
      const name = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
      if (cls && name && isRecordClass(cls, decorators)) {
        byName.set(name, annotatedFields(cls, name, containerFields));
        sites.push(st.startIndex);
      }
    } else if (st.type === 'expression_statement') {
      const a = st.namedChild(0);
      const right = a?.type === 'assignment' ? unwrap(a.childForFieldName('right')) : null;
      const left = a?.childForFieldName('left');
      if (!right || right.type !== 'call' || left?.type !== 'identifier') continue;
      if (!RECORD_FACTORY.test(right.childForFieldName('function')?.text ?? '')) continue;
      const fields = namedtupleFields(right.childForFieldName('arguments')?.namedChild(1) ?? null);
      if (fields) {
        byName.set(left.text, fields);
        sites.push(st.startIndex);
      }
    }
  }
  return { byName, fieldNames: new Set([...byName.values()].flat()), containerFields, sites, words: true };
}

/**
 * The instance built by `call` of a record class with `fields`: positional arguments in order, keywords by name,
 * a lone `*xs` fills every field with an element of xs, a lone `**mapping` with its values. Unknown when the
 * call has other splats.
 */
export function buildRecord(shapes: RecordShapes, cls: string, fields: string[], call: Node, factOf: (n: Node | null) => MaybeFact, elementOf: (f: MaybeFact) => MaybeFact): Fact | null {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  const values = new Map<string, MaybeFact>();
  const wholeRow = args.length === 1 && (args[0].type === 'list_splat' || args[0].type === 'dictionary_splat');
  if (args.length === 1 && args[0].type === 'list_splat') {
    const el = elementOf(factOf(args[0].namedChild(0)));
    for (const f of fields) values.set(f, el);
  } else if (args.length === 1 && args[0].type === 'dictionary_splat') {
    // `Hit(**m.groupdict())`, `Row(**rec)`: each field is the mapping's value under its name
    const m = factOf(args[0].namedChild(0));
    if (!m || m.k !== 'record') return null;
    for (const f of fields) values.set(f, recordField(m, f));
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
  // A field left to its `default_factory` starts empty (filled in place later, memberFacts.ts).
  const start = (f: string): MaybeFact => {
    const c = shapes.containerFields.get(cls + '.' + f);
    return c === 'dict' ? { k: 'empty', dict: true } : c === 'list' ? { k: 'empty' } : null;
  };
  const built = fields.map((f) => [f, values.has(f) ? (values.get(f) ?? null) : start(f)] as const);
  return wholeRow ? { k: 'instance', cls, fields: built, row: true } : { k: 'instance', cls, fields: built };
}
