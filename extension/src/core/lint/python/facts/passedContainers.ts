// A local container filled by another in-file function it is passed to (`rows = []`, then
// `load_into(rows, path)` whose body does `rows.append(r[1])`): the callee's stores into that parameter are
// stores into the caller's container. Found from the caller's side, only when a container bound empty is
// asked about, by one search of the caller's own scope for the name passed as an argument.
import { calleeOf, positionalArgs } from '../syntax';
import type { Analysis } from './analysis';
import { namesOf, scopeAt, type Scope } from './scopes';

/** Plain parameters, in order (`self`, `x`, `x=1`, `x: T`); null after `*`, `*args` or `**kw`. */
function parameterNames(fn: Scope): string[] | null {
  const out: string[] = [];
  for (const p of fn.node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'default_parameter' || p.type === 'typed_parameter' || p.type === 'typed_default_parameter') {
      const n = p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
      if (!n) return null;
      out.push(n.text);
    } else return out;
  }
  return out;
}

/**
 * The in-file functions `scope` passes its local `name` to, each with the parameter that receives it. Undefined
 * when one of them rebinds that parameter (its stores may then go to another container) or takes it through a
 * splat: the container's contents are then not known. Calls of anything else (library functions, methods)
 * only read it, as before.
 */
export function calleesFilling(a: Analysis, scope: Scope, name: string): { fn: Scope; param: string }[] | undefined {
  if (scope === a.root || !/^[A-Za-z_]\w*$/.test(name)) return [];
  const re = a.regexFor('passed', name, () => new RegExp(`(?<![\\w.])${name}\\b(?=\\s*[,)])`, 'g'));
  const out: { fn: Scope; param: string }[] = [];
  re.lastIndex = scope.start;
  for (let m = re.exec(a.text); m && m.index < scope.end; m = re.exec(a.text)) {
    const id = a.rootNode.descendantForIndex(m.index);
    if (id?.type !== 'identifier') continue;
    const own = scopeAt(a.root, m.index);
    if (own !== scope && own.kind !== 'comp') continue;
    const holder = id.parent;
    const kw = holder?.type === 'keyword_argument' && holder.childForFieldName('value')?.id === id.id ? holder.childForFieldName('name')?.text : null;
    const args = kw ? holder!.parent : holder;
    const call = args?.type === 'argument_list' ? args.parent : null;
    const c = call?.type === 'call' ? calleeOf(call) : null;
    if (!call || !c || c.object || !c.full) continue;
    const fn = a.functionScope(c.full, scope, call.startIndex);
    if (!fn) continue;
    a.noteChunkAt(fn.start);
    const params = parameterNames(fn);
    const index = kw ? -1 : positionalArgs(call).findIndex((x) => x.id === id.id);
    const param = kw ?? (params && index >= 0 ? params[index] : undefined);
    if (!param || !params?.includes(param)) return undefined;
    a.ensureAt(fn.start);
    if (namesOf(fn).get(param)?.length) return undefined; // `rows = []` in the callee: another container
    out.push({ fn, param });
  }
  return out;
}
