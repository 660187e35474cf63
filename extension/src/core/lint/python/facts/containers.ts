// How a dict bound empty (`d = {}`, `self.d = {}`) is filled, read from the tree: `d[k] = v` stores v,
// `d.setdefault(k, []).append(v)` and `d[k].append(v)` store lists of v, `d.setdefault(k, v)` stores v, and entries of
// entries (`d[k][j] = v`, `d[k].setdefault(j, []).append(v)`) store dicts of those. The result is a record of the join of
// everything stored; anything else that writes it (`d.update(…)`, `d[k] += …`, `d |= …`) makes it unknown.
import type { Node, Tree } from 'web-tree-sitter';
import { calleeOf, perTree, positionalArgs, unwrap } from '../syntax';
import { Joined, markStored, type MaybeFact } from './factTypes';
import type { BindingSite, Scope } from './scopes';
import { FILLS } from '../library/derived';

/** `[]`, `{}`, `set()`…: the default of a `setdefault` whose entry is filled in place. */
const EMPTY_DEFAULT = /^(\[\]|\{\}|set\(\)|list\(\)|dict\(\))$/;

/**
 * How many entry steps lead from `name` to `n`: `name[k]` and `name.setdefault(k, [])` are one, `name[k][j]` and
 * `name[k].setdefault(j, [])` two; -1 when `n` is not an entry of `name` (or nests deeper than 4).
 */
function entryDepth(n: Node | null, name: string): number {
  const i = n ? entryChain(n).indexOf(name) : -1;
  return i < 0 ? -1 : i + 1;
}

/**
 * The texts of what `n` is an entry of, outward, at most 4: `d[k][j]` gives `d[k]`, `d`; `d.setdefault(k, [])` gives `d`.
 * Read once per node: every dict asked about in a scope is checked against each of its stores and fills.
 */
const chains = new WeakMap<Tree, Map<number, readonly string[]>>();

function entryChain(n: Node): readonly string[] {
  return perTree(chains, n, readEntryChain);
}

function readEntryChain(n: Node): string[] {
  const out: string[] = [];
  let u = unwrap(n);
  for (let depth = 0; u && depth < 4; depth++) {
    let inner: Node | null = null;
    if (u.type === 'subscript') inner = u.childForFieldName('value');
    else if (u.type === 'call') {
      const c = calleeOf(u);
      const init = positionalArgs(u)[1];
      if (c && c.object && FILLS.get(c.last) === 'default' && init && EMPTY_DEFAULT.test(init.text)) inner = c.object;
    }
    u = unwrap(inner);
    if (u) out.push(u.text);
  }
  return out;
}

/** The text of a method call's receiver (`d` of `d.append(x)`), read once per node. */
const receiverTexts = new WeakMap<Tree, Map<number, string>>();

function receiverText(object: Node): string {
  return perTree(receiverTexts, object, (n) => n.text);
}

/** What filledDict compares in an assignment: the `d` of a `d[k]` target, and the whole target's text. */
interface Target {
  subscriptOf: string | null;
  text: string | null;
  /** `alias = d.setdefault(k, [])` (or `{}`, `set()`): `d`; null otherwise (read on first need). */
  aliasOf?: string | null;
}

/** Per binding site, read once: every dict of a class is checked against every site of its methods. */
const targets = new WeakMap<BindingSite, Target>();

function targetOf(site: BindingSite): Target {
  let t = targets.get(site);
  if (!t) {
    const left = site.node.childForFieldName('left');
    const u = unwrap(left);
    t = { subscriptOf: u && u.type === 'subscript' ? u.childForFieldName('value')?.text ?? null : null, text: left?.text ?? null };
    targets.set(site, t);
  }
  return t;
}

/** Is this `alias = name.setdefault(k, [])` (or `{}`, `set()`): a name for the entry, filled in place later? */
function entryAlias(site: BindingSite, t: Target, name: string): boolean {
  if (t.aliasOf === undefined) {
    const right = site.node.childForFieldName('left')?.type === 'identifier' ? unwrap(site.node.childForFieldName('right')) : null;
    t.aliasOf = right?.type === 'call' ? (entryChain(right)[0] ?? null) : null;
  }
  return t.aliasOf === name;
}

/**
 * `bound(site)`: what the name an assignment binds is filled with in place, for entry aliases
 * (`bucket = d.setdefault(k, [])` then `bucket.append(v)`: d's entries are lists of v).
 */
export function filledDict(scopes: readonly Scope[], name: string, factOf: (n: Node | null) => MaybeFact, bound?: (site: BindingSite) => MaybeFact, hasMethod?: (cls: string, method: string) => boolean): MaybeFact {
  const all = new Joined();
  /** `d[k].append(v)`-shaped calls on entries, joined once the stores are known (below). */
  const entryCalls: { method: string; v: MaybeFact }[] = [];
  for (const s of scopes) {
    for (const site of s.sites) {
      if (site.kind !== 'assignment' && site.kind !== 'augmented_assignment') continue;
      const t = targetOf(site);
      // `d[k][j] = v` on a `defaultdict(dict)`, `d.setdefault(k, {})[j] = v`: the entry of an entry of d
      const nested = t.subscriptOf && t.subscriptOf !== name && t.subscriptOf.startsWith(name) ? entryDepth(unwrap(site.node.childForFieldName('left'))?.childForFieldName('value') ?? null, name) : -1;
      if (site.kind === 'augmented_assignment' && (t.subscriptOf === name || t.text === name || nested >= 1)) return null;
      if (site.kind !== 'assignment') continue;
      if (t.subscriptOf === name) {
        // `prices[sku] = row` keeps the row, like `rows.append(row)`
        if (!all.add(markStored(factOf(site.node.childForFieldName('right'))))) return null;
      } else if (bound && !t.subscriptOf && entryAlias(site, t, name)) {
        const v = bound(site);
        // (never filled through the alias: an empty entry, which the join ignores)
        if (!(v && v.k === 'empty') && !all.add(markStored(v))) return null;
      } else if (nested >= 1) {
        // `stats.setdefault(user, {})[day] = minutes`, `by_day[user][day] = minutes`: a dict of dicts of what is stored
        let v = markStored(factOf(site.node.childForFieldName('right')));
        for (let i = 0; i < nested && v; i++) v = { k: 'record', of: v };
        if (!all.add(v)) return null;
      }
    }
    for (const call of s.mutations) {
      const c = calleeOf(call);
      const recv = c && c.object ? receiverText(c.object) : undefined;
      if (c && FILLS.get(c.last) === 'default' && recv === name) {
        // `d.setdefault(k, Student(k))` stores its default (an empty `[]` is filled by the `.append` below)
        const v = factOf(positionalArgs(call)[1] ?? null);
        if (!(v && v.k === 'empty') && !all.add(v)) return null;
        continue;
      }
      // `d.update(other)` stores what other holds, which is not followed
      if (c && FILLS.get(c.last) === 'mapping' && recv === name) return null;
      if (!c || !c.object || FILLS.get(c.last) !== 'element') continue;
      // `d[k].append(v)`, `d.setdefault(k, []).append(v)`, and entries of entries (`d[k].setdefault(j, []).append(v)`
      // on a `defaultdict(dict)`, `d.setdefault(k, {}).setdefault(j, []).append(v)`): a dict (of dicts) of lists of v
      const depth = entryDepth(c.object, name);
      if (depth < 1) continue;
      const el = factOf(positionalArgs(call)[0] ?? null);
      let v: MaybeFact = el ? { k: 'seq', of: markStored(el), stored: true } : null;
      for (let i = 1; i < depth && v; i++) v = { k: 'record', of: v };
      if (depth === 1) entryCalls.push({ method: c.last, v });
      else if (!all.add(v)) return null;
    }
  }
  // `days[key] = OfficeDay(…)` then `days[key].add(txn, rate)`: when the stored entries are instances of an in-file
  // class that defines the method, the call is that method (what it changes is read through the class's
  // attributes), not a list or set fill.
  const entry = all.any ? all.value : null;
  for (const call of entryCalls) {
    if (entry && (entry.k === 'instance' || entry.k === 'object') && hasMethod?.(entry.cls, call.method)) continue;
    if (!all.add(call.v)) return null;
  }
  return all.any ? { k: 'record', of: all.value } : { k: 'empty' };
}
