// How a dict bound empty (`d = {}`, `self.d = {}`) is filled, read from the tree: `d[k] = v` stores v,
// `d.setdefault(k, []).append(v)` and `d[k].append(v)` store lists of v, `d.setdefault(k, v)` stores v. The result is a record of the join of
// everything stored; anything else that writes it (`d.update(…)`, `d[k] += …`, `d |= …`) makes it unknown.
import type { Node } from 'web-tree-sitter';
import { calleeOf, positionalArgs, unwrap } from '../syntax';
import { Joined, markStored, type MaybeFact } from './factTypes';
import type { BindingSite, Scope } from './scopes';

/** The receiver `d` of `d[k]` when it is written `name`. */
function subscriptOf(n: Node | null, name: string): boolean {
  const u = unwrap(n);
  return !!u && u.type === 'subscript' && u.childForFieldName('value')?.text === name;
}

/** What filledDict compares in an assignment: the `d` of a `d[k]` target, and the whole target's text. */
interface Target {
  subscriptOf: string | null;
  text: string | null;
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

/** Is the target of this store `name.setdefault(k, {})[j]`, an entry of the inner dict `name` makes for k? */
function innerDictOf(site: BindingSite, name: string): boolean {
  const recv = unwrap(unwrap(site.node.childForFieldName('left'))?.childForFieldName('value') ?? null);
  if (recv?.type !== 'call') return false;
  const c = calleeOf(recv);
  const init = positionalArgs(recv)[1];
  return !!c && c.last === 'setdefault' && c.object?.text === name && !!init && (init.text === '{}' || init.text === 'dict()');
}

/** Is this `alias = name.setdefault(k, [])` (or `{}`, `set()`): a name for the entry, filled in place later? */
function entryAlias(site: BindingSite, name: string): boolean {
  if (site.node.childForFieldName('left')?.type !== 'identifier') return false;
  const right = unwrap(site.node.childForFieldName('right'));
  const c = right?.type === 'call' ? calleeOf(right) : null;
  const init = c && c.last === 'setdefault' && c.object?.text === name ? positionalArgs(right!)[1] : null;
  return !!init && /^(\[\]|\{\}|set\(\)|list\(\)|dict\(\))$/.test(init.text);
}

/**
 * `bound(site)`: what the name an assignment binds is filled with in place, for entry aliases
 * (`bucket = d.setdefault(k, [])` then `bucket.append(v)`: d's entries are lists of v).
 */
export function filledDict(scopes: readonly Scope[], name: string, factOf: (n: Node | null) => MaybeFact, bound?: (site: BindingSite) => MaybeFact): MaybeFact {
  const all = new Joined();
  for (const s of scopes) {
    for (const site of s.sites) {
      if (site.kind !== 'assignment' && site.kind !== 'augmented_assignment') continue;
      const t = targetOf(site);
      if (site.kind === 'augmented_assignment' && (t.subscriptOf === name || t.text === name)) return null;
      if (site.kind !== 'assignment') continue;
      if (t.subscriptOf === name) {
        // `prices[sku] = row` keeps the row, like `rows.append(row)`
        if (!all.add(markStored(factOf(site.node.childForFieldName('right'))))) return null;
      } else if (bound && !t.subscriptOf && entryAlias(site, name)) {
        const v = bound(site);
        // (never filled through the alias: an empty entry, which the join ignores)
        if (!(v && v.k === 'empty') && !all.add(markStored(v))) return null;
      } else if (t.subscriptOf && t.subscriptOf.startsWith(name) && innerDictOf(site, name)) {
        // `stats.setdefault(user, {})[day] = minutes`: a dict of dicts of what is stored
        const v = markStored(factOf(site.node.childForFieldName('right')));
        if (!all.add(v ? { k: 'record', of: v } : null)) return null;
      }
    }
    for (const call of s.mutations) {
      const c = calleeOf(call);
      if (c && c.last === 'setdefault' && c.object?.text === name) {
        // `d.setdefault(k, Student(k))` stores its default (an empty `[]` is filled by the `.append` below)
        const v = factOf(positionalArgs(call)[1] ?? null);
        if (!(v && v.k === 'empty') && !all.add(v)) return null;
        continue;
      }
      // `d.update(other)` stores what other holds, which is not followed
      if (c && c.last === 'update' && c.object?.text === name) return null;
      if (!c || !c.object || (c.last !== 'append' && c.last !== 'add')) continue;
      const recv = unwrap(c.object);
      let list = false;
      if (recv?.type === 'call') {
        const rc = calleeOf(recv);
        const init = positionalArgs(recv)[1];
        list = !!rc && rc.last === 'setdefault' && rc.object?.text === name && !!init && (init.text === '[]' || init.text === 'set()');
      } else list = subscriptOf(recv, name);
      if (!list) continue;
      const el = factOf(positionalArgs(call)[0] ?? null);
      if (!all.add(el ? { k: 'seq', of: markStored(el), stored: true } : null)) return null;
    }
  }
  return all.any ? { k: 'record', of: all.value } : { k: 'empty' };
}
