// The keys of a dict that starts empty (`d = {}`, `defaultdict(list)`, `defaultdict(int)`, `Counter()`), read from
// every place its name is subscripted or given a default: `d[k] = v`, `d[k] += 1`, `d[k].append(v)`,
// `d.setdefault(k, [])`, and reads (`d[k]` creates k in a defaultdict). A `Counter(xs)` also holds xs's elements.
// Their join is what iterating the dict yields (`for k in d`, `sorted(d)`, `d.keys()`, the first of `d.items()`),
// so `by_hour[line[11:13]] += 1` then `for hour, n in by_hour.items(): if hour >= 9` compares text with a number.
// Unknown (no key) when the dict may get keys the scan cannot see: passed to an in-file function or method,
// bound to another name, merged (`d.update(…)`, `d |= …`), or subscripted with a slice.
import type { Node } from 'web-tree-sitter';
import { FILLS, FUNCTION_EVALUATIONS } from '../library/derived';
import { isEmptyContainer } from '../scopeSites';
import { calleeOf, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { elementOf, Joined, type MaybeFact } from './factTypes';
import { scopeAt, type Binding } from './scopes';
import { valueName } from './valueNames';

/** More mentions of the name than this: its keys stay unknown (and the scan stays cheap). */
const MAX_MENTIONS = 40;

/** `record` with the keys stored into the dict a binding starts empty, when every one is known. */
export function withStoredKeys(a: Analysis, record: MaybeFact, b: Binding, d: number): MaybeFact {
  if (!record || record.k !== 'record' || record.key || b.path.length || b.site.kind !== 'assignment') return record;
  const right = unwrap(b.site.node.childForFieldName('right'));
  if (!right || right.type === 'assignment') return record;
  const keys = new Joined();
  const c = right.type === 'call' ? calleeOf(right) : null;
  const counted = c && FUNCTION_EVALUATIONS.get(c.full ?? '') === 'counter' ? positionalArgs(right) : null;
  if (counted && counted.length === 1) {
    // `Counter(words)`: a dict of counts whose keys are the words
    if (!keys.add(elementOf(a.iterable(a.factOf(counted[0], d), d)))) return record;
  } else if (!(isEmptyContainer(right) || (counted && counted.length === 0))) return record;
  const names: string[] | null = counted && counted.length === 1 ? null : [];
  if (!storedKeys(a, b.name, b.site.node, keys, d, names) || !keys.any || !keys.value) return record;
  return names ? { ...record, key: keys.value, keyNames: [...new Set(names)] } : { ...record, key: keys.value };
}

/** Adds every key the code stores under `name` to `keys`; false when one is unknown or the dict escapes. */
function storedKeys(a: Analysis, name: string, site: Node, keys: Joined, d: number, names: string[] | null): boolean {
  const self = name.startsWith('self.');
  const word = self ? name.slice(5) : name;
  // `self.x` anywhere in the file (`obj.x[k] = v` from outside the class too); a plain name in its own scope
  const scope = self ? null : scopeAt(a.root, site.startIndex);
  const from = scope && scope !== a.root ? scope.start : 0;
  const to = scope && scope !== a.root ? scope.end : a.text.length;
  const re = a.regexFor(self ? 'dictkeys-attr' : 'dictkeys', word, () => new RegExp(self ? `\\.\\s*${word}\\b` : `(?<![\\w.])${word}\\b`, 'g'));
  a.noteRegex(re);
  re.lastIndex = from;
  let n = 0;
  for (let m = re.exec(a.text); m && m.index < to; m = re.exec(a.text)) {
    if (++n > MAX_MENTIONS) return false;
    const at = m.index + m[0].length - 1;
    a.noteChunkAt(at);
    const id = a.rootNode.descendantForIndex(at);
    // the dict itself: the name, or the whole `<obj>.x` attribute
    const ref = self ? id?.parent : id;
    if (!ref || (self && (ref.type !== 'attribute' || ref.childForFieldName('attribute')?.id !== id!.id))) continue;
    if (!self && ref.type !== 'identifier') continue;
    if (ref.startIndex === site.childForFieldName('left')?.startIndex) continue; // the binding itself
    const key = keyAt(a, ref);
    if (key === 'escapes') return false;
    if (key && !keys.add(a.factOf(key, d))) return false;
    if (key && names) names.push(valueName(a, key, d));
  }
  return true;
}

/** The key node a mention of the dict stores or reads (`d[k]`, `d.setdefault(k, …)`), null for other reads, or 'escapes'. */
function keyAt(a: Analysis, ref: Node): Node | null | 'escapes' {
  const p = ref.parent;
  if (!p) return null;
  if (p.type === 'subscript' && p.childForFieldName('value')?.id === ref.id) {
    // A read adds no key to a dict (a defaultdict's read does, but the stored keys are there all the same, and a
    // key read back from iterating the dict would be a cycle).
    if (!stores(p)) return null;
    const subs = p.childrenForFieldName('subscript').filter((x): x is Node => !!x);
    return subs.length === 1 && subs[0].type !== 'slice' ? subs[0] : 'escapes';
  }
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === ref.id) {
    const call = p.parent?.type === 'call' ? p.parent : null;
    const fills = FILLS.get(p.childForFieldName('attribute')?.text ?? '');
    if (fills === 'mapping') return 'escapes'; // d.update(other)
    return call && fills === 'default' ? (positionalArgs(call)[0] ?? 'escapes') : null;
  }
  // `other = d` (an alias filled elsewhere), `d |= x`: keys the scan cannot see
  if (p.type === 'assignment' && unwrap(p.childForFieldName('right'))?.id === ref.id) return 'escapes';
  if (p.type === 'augmented_assignment' && p.childForFieldName('left')?.id === ref.id) return 'escapes';
  const args = p.type === 'keyword_argument' ? p.parent : p;
  return args?.type === 'argument_list' && args.parent?.type === 'call' && callsInFileCode(a, args.parent) ? 'escapes' : null;
}

/** Is the entry `d[k]` written: assigned, updated, filled in place (`d[k].append(v)`), or an entry of it is? */
function stores(entry: Node): boolean {
  let e = entry;
  for (let i = 0; i < 4; i++) {
    const p = e.parent;
    if (!p) return false;
    if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('left')?.id === e.id) return true;
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === e.id) return p.parent?.type === 'call' && FILLS.has(p.childForFieldName('attribute')?.text ?? '');
    if (p.type !== 'subscript' || p.childForFieldName('value')?.id !== e.id) return false;
    e = p; // `d[k][j] = v`
  }
  return false;
}

/** `fill(d)`, `Report(d)`, `obj.fill(d)` of a function, class or method defined in the file (which may store keys). */
function callsInFileCode(a: Analysis, call: Node): boolean {
  const c = calleeOf(call);
  if (!c) return true;
  if (c.object) return a.hasClasses() && a.memberNames().methods.has(c.last);
  return !!(a.moduleClass(c.last) || a.functionScope(c.last, scopeAt(a.root, call.startIndex), call.startIndex));
}

/** What iterating a dict yields: its keys when known. */
export function keysOf(f: MaybeFact): MaybeFact {
  return f && f.k === 'record' ? (f.key ?? null) : null;
}
