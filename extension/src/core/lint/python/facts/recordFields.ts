// A record class's field read through `self` in its own methods (`self.price` in a dataclass or NamedTuple):
// the join of what every in-file construction passes for it (`Trade(s, q, p)`, `cls(s, q, p)` in a
// classmethod), and for a construction that leaves it out, its declared default (`items: list =
// field(default_factory=list)` is an empty list that the methods' `self.items.append(x)` fill). A construction
// that copies a whole row (`Trade(*row)`, `Trade(**rec)`) and is kept in a collection where it is made keeps the
// row's text, also as the methods read it (MW201), as `trades[0].price` of the kept instance does.
import type { Node } from 'web-tree-sitter';
import { calleeOf, keywordArg, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { elementOf, join, markStored, type MaybeFact } from './factTypes';
import { solve } from './fixpoint';
import { buildRecord } from './recordShapes';
import type { Scope } from './scopes';
import { CONTAINER_FACTORIES, COPYING_FUNCTIONS, FILLS, recordDeclaration } from '../library/derived';

/** More constructions than this: "built everywhere", unknown. */
const MAX_CONSTRUCTIONS = 10;

/** `name: T = value` in the class body: the value node (null without a default). */
function declaredDefault(cls: Scope, name: string): Node | null {
  for (const st of cls.node.childForFieldName('body')?.namedChildren ?? []) {
    const a = st?.type === 'expression_statement' ? st.namedChild(0) : null;
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) return a.childForFieldName('right');
  }
  return null;
}

const FIELD_CALL = new RegExp(`^${recordDeclaration('field')}$`);

/** A default that is a new empty container per instance: `field(default_factory=list)`, `[]`. */
function emptyFactory(v: Node | null): boolean {
  const u = unwrap(v);
  if (!u) return false;
  if (u.type === 'list' || u.type === 'dictionary') return u.namedChildCount === 0;
  if (u.type !== 'call' || !FIELD_CALL.test(calleeOf(u)?.full ?? '')) return false;
  return CONTAINER_FACTORIES.has(keywordArg(u, 'default_factory')?.text ?? '');
}

/**
 * Field `attr` (declared at `index` among `fields`) of record class `cls`, as its methods see it through `self`.
 * `filled(attr)`: what the class's methods put in `self.<attr>` when it starts empty.
 */
export function recordFieldFact(a: Analysis, cls: Scope, clsName: string, fields: string[], attr: string, d: number, filled: () => MaybeFact): MaybeFact {
  return solve(a, `f:${cls.start}:${attr}`, () => {
    const calls = [...a.callsOf(clsName), ...a.callsOf('cls').filter((c) => a.classScopeOf(c) === cls)];
    if (!calls.length || calls.length > MAX_CONSTRUCTIONS || calls.some((c) => !a.hotTest(c.startIndex))) return null;
    const index = fields.indexOf(attr);
    let acc: MaybeFact = null;
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i];
      let f: MaybeFact;
      if (positionalArgs(call).length > index || keywordArg(call, attr) || call.childForFieldName('arguments')?.namedChildren.some((c) => c?.type === 'list_splat' || c?.type === 'dictionary_splat')) {
        const inst = buildRecord(a.shapes(), clsName, fields, call, (n) => a.factOf(n, d), elementOf);
        f = inst && inst.k === 'instance' ? inst.fields[index]?.[1] ?? null : null;
        if (inst && inst.k === 'instance' && inst.row) {
          a.noteChunkAt(call.startIndex); // the code around it says whether it is kept (within its own unit)
          if (keptWhereMade(call)) f = markStored(f, 1);
        }
      } else {
        // left out: its default (a fresh empty container is what the methods fill)
        const dflt = declaredDefault(cls, attr);
        f = emptyFactory(dflt) ? filled() : dflt ? a.factOf(dflt, d) : null;
      }
      acc = i === 0 ? f : join(acc, f);
      if (!acc) return null;
    }
    return acc && acc.k === 'empty' ? null : acc;
  });
}

/**
 * Is the value of `expr` kept in a collection where it is made: a list comprehension's element (also of
 * `list(… for …)` and the library's other copying functions), passed to a fill (`xs.append(v)`, `xs.insert(0, v)`,
 * `d.setdefault(k, v)`), stored by subscript (`d[k] = v`), or bound to a name in a block that later fills or
 * stores that name (`t = Trade(*row)` … `trades.append(t)`). The forms the facts mark as stored (markStored), read
 * from the tree around `expr`, which is the code of its own statement.
 */
function keptWhereMade(expr: Node): boolean {
  let n = expr;
  let p = n.parent;
  for (let i = 0; p && p.type === 'parenthesized_expression' && i < 50; i++) [n, p] = [p, p.parent];
  if (!p) return false;
  switch (p.type) {
    case 'list_comprehension':
      return p.childForFieldName('body')?.id === n.id;
    case 'generator_expression': {
      const call = p.parent;
      return p.childForFieldName('body')?.id === n.id && call?.type === 'call' && call.childForFieldName('arguments')?.id === p.id && COPYING_FUNCTIONS.has(calleeOf(call)?.full ?? '');
    }
    case 'argument_list':
      return p.parent?.type === 'call' && fillsWith(p.parent, (arg) => arg.id === n.id);
    case 'assignment': {
      if (p.childForFieldName('right')?.id !== n.id) return false;
      const left = unwrap(p.childForFieldName('left'));
      if (left?.type === 'subscript') return true;
      return left?.type === 'identifier' && storedLater(p, left.text);
    }
    default:
      return false;
  }
}

/** Is `call` a library fill (`append`, `add`, `insert`, `setdefault`) of a container whose stored argument passes `test`? */
function fillsWith(call: Node, test: (arg: Node) => boolean): boolean {
  const c = calleeOf(call);
  if (!c || !c.object) return false;
  const fills = FILLS.get(c.last);
  const stored = fills === 'element' ? positionalArgs(call)[0] : fills === 'at-index' || fills === 'default' ? positionalArgs(call)[1] : undefined;
  return !!stored && test(stored);
}

/**
 * After the statement of `assignment`, in the same block of a function or loop (a module's own statements are
 * other code), is `name` passed to a fill or stored by subscript?
 */
function storedLater(assignment: Node, name: string): boolean {
  const stmt = assignment.parent;
  const block = stmt?.type === 'expression_statement' ? stmt.parent : null;
  if (!stmt || block?.type !== 'block') return false;
  const isName = (v: Node | null) => unwrap(v)?.type === 'identifier' && unwrap(v)!.text === name;
  for (const m of block.descendantsOfType(['call', 'assignment'], stmt.endPosition, block.endPosition)) {
    if (!m || m.startIndex < stmt.endIndex) continue;
    if (m.type === 'call' ? fillsWith(m, isName) : unwrap(m.childForFieldName('left'))?.type === 'subscript' && isName(m.childForFieldName('right'))) return true;
  }
  return false;
}
