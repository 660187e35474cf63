// A record class's field read through `self` in its own methods (`self.price` in a dataclass or NamedTuple):
// the join of what every in-file construction passes for it (`Trade(s, q, p)`, `cls(s, q, p)` in a
// classmethod), and for a construction that leaves it out, its declared default (`items: list =
// field(default_factory=list)` is an empty list that the methods' `self.items.append(x)` fill).
import type { Node } from 'web-tree-sitter';
import { calleeOf, keywordArg, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { elementOf, join, type MaybeFact } from './factTypes';
import { solve } from './fixpoint';
import { buildRecord } from './recordShapes';
import type { Scope } from './scopes';

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

/** A default that is a new empty container per instance: `field(default_factory=list)`, `[]`. */
function emptyFactory(v: Node | null): boolean {
  const u = unwrap(v);
  if (!u) return false;
  if (u.type === 'list' || u.type === 'dictionary') return u.namedChildCount === 0;
  if (u.type !== 'call' || !/^(dataclasses\.)?field$/.test(calleeOf(u)?.full ?? '')) return false;
  return /^(list|dict|set|deque|collections\.deque)$/.test(keywordArg(u, 'default_factory')?.text ?? '');
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
