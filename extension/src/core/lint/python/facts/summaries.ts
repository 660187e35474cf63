// Summaries of in-file code, computed on demand and joined over every site (Pysa-style, within one file):
// a parameter is the join of what its in-file call sites pass (and its default); a function returns the join
// of its `return`s (a generator: an iterator of its `yield`s); `self.<attr>` is the join of every method's
// stores; a container is the join of what is appended to it; a callback's parameter is an element of the
// iterable the library call (model.ts `callback`) walks. Cycles meet the in-progress set and are unknown.
import type { Node, Tree } from 'web-tree-sitter';
import { FILLS, PATH_CONSTRUCTORS } from '../library/derived';
import { calleeOf, perTree, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { Joined, elementOf, join, markStored, type MaybeFact } from './factTypes';
import { callbackArgument, callbackParam } from './callbacks';
import { solve } from './fixpoint';
import { classAndBases, derivesFrom, hasSubclasses } from './inheritance';
import { calleesFilling } from './passedContainers';
import { recordFieldFact } from './recordFields';
import { classNameOf, decoratedText, namesOf, paramList, scopeAt, type Binding, type Param, type Scope } from './scopes';

/** At most this many call sites are read for a parameter; more is "called from everywhere": unknown. */
const MAX_CALL_SITES = 10;

/** A parameter of a function or lambda scope. */
export function paramFact(a: Analysis, scope: Scope, name: string, d: number): MaybeFact {
  if (scope.kind === 'lambda') return callbackParam(a, scope, name, d);
  // `self` of a method is an instance of its class (`return self`, `helper(self)`).
  if (name === 'self' && scope.parent?.kind === 'class' && scope.parent.parent === a.root) {
    const cls = classNameOf(scope.parent);
    return cls ? { k: 'object', cls } : null;
  }
  return solve(a, `p:${scope.start}:${name}`, () => declaredParam(scope, name) ?? paramFromCalls(a, scope, name, d));
}

function paramNode(scope: Scope, name: string): Param | null {
  for (const p of paramList(scope)) if (p.name === name) return p;
  return null;
}

/**
 * What the declaration alone says: a number-literal default (`def f(limit=5)`) is a number; a parameter
 * declared `Path` is a path (a declared `float` is a claim, not a conversion, so other annotations say nothing).
 */
function declaredParam(scope: Scope, name: string): MaybeFact {
  const p = paramNode(scope, name);
  if (!p) return null;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
    const v = unwrap(p.node.childForFieldName('value'));
    if (v && (v.type === 'integer' || v.type === 'float')) return { k: 'num' };
  }
  const type = p.node.childForFieldName('type')?.text;
  return type && PATH_CONSTRUCTORS.includes(type) ? { k: 'path' } : null;
}

/**
 * Which calls reach `scope`, and how many leading parameters (`self`) they do not pass. `callbacks`: where a
 * module-level function is passed to a library call that calls it on elements (`map(parse, lines)`).
 * `pending`: method calls whose receiver's value decides whether they reach `scope` (`report.add(...)`), not
 * evaluated yet: settledCalls() evaluates them, after paramFromCalls has seen whether the calls known without
 * evaluating anything already make the parameter unknown.
 */
interface CallSites {
  calls: Node[];
  shift: number;
  callbacks?: Node[];
  pending?: { all: Node[]; clsName: string; cls: Scope };
}

/** The receiver of a method call (`report` of `report.add(x)`, parentheses dropped), and its name when it is one. */
interface Receiver {
  node: Node;
  name: string | null;
}

const receivers = new WeakMap<Tree, Map<number, Receiver | null>>();

/** Read once per call: a method's call sites are read again for each of its parameters. */
function receiverOf(call: Node): Receiver | null {
  return perTree(receivers, call, (c) => {
    const node = unwrap(calleeOf(c)?.object ?? null);
    return node ? { node, name: node.type === 'identifier' ? node.text : null } : null;
  });
}

/** Per function scope, its call sites in one-shot lints (each parameter asks them). */
const callSiteMemo = new WeakMap<Scope, CallSites | null>();

/** Editor sessions find them again for each parameter: a later reader must record the searches they read (readLog.ts). */
function callSitesOf(a: Analysis, scope: Scope): CallSites | null {
  if (a.tracking) return findCallSites(a, scope);
  let sites = callSiteMemo.get(scope);
  if (sites === undefined) callSiteMemo.set(scope, (sites = findCallSites(a, scope)));
  return sites;
}

function findCallSites(a: Analysis, scope: Scope): CallSites | null {
  if (scope.kind !== 'function' || !scope.name) return null;
  if (scope.parent === a.root) return { calls: a.callsOf(scope.name), shift: 0, callbacks: a.referencesOf(scope.name) };
  // A function nested in a function (`def add(row)` inside `total`): the calls of its name inside the outer one.
  const outer = scope.parent;
  if (outer && outer.kind === 'function') {
    const within = (n: Node) => n.startIndex >= outer.start && n.startIndex < outer.end;
    const calls = a.callsOf(scope.name);
    const refs = a.referencesOf(scope.name);
    // (the scans stop after 11: past that, calls inside the outer function may have been left out)
    if (calls.length > MAX_CALL_SITES || refs.length > MAX_CALL_SITES) return null;
    return { calls: calls.filter(within), shift: 0, callbacks: refs.filter(within) };
  }
  const cls = scope.parent;
  if (!cls || cls.kind !== 'class' || cls.parent !== a.root) return null;
  const clsName = classNameOf(cls);
  if (!clsName) return null;
  // `__init__`: the calls of the class (`Watcher(sys.argv)`), whose arguments start after `self`.
  // `cls(...)` in a classmethod of the class itself (`from_row`) builds it too.
  if (scope.name === '__init__') return { calls: [...a.callsOf(clsName), ...a.callsOf('cls').filter((c) => a.classScopeOf(c) === cls)].sort((x, y) => x.startIndex - y.startIndex), shift: 1 };
  const decorated = decoratedText(scope);
  if (/^@\s*property\b/m.test(decorated)) return null;
  const isStatic = /^@\s*staticmethod\b/m.test(decorated);
  const isClassMethod = /^@\s*classmethod\b/m.test(decorated);
  // A method: `self.add(...)` in its class, `report.add(...)` on an instance of the class, or for class and
  // static methods `Reading.from_line(...)` / `cls.from_line(...)`.
  // Instances come from `Cls(...)`: a class never built in this file is only reached through `self`/`cls`.
  // A subclass's instances and methods reach it too (`class Child(Base)`, `Child().add(x)`).
  const built = a.callsOf(clsName).length > 0 || hasSubclasses(a, clsName);
  const all = a.methodCallsOf(scope.name);
  const calls: Node[] = [];
  let pending = false;
  for (const call of all) {
    const recv = receiverOf(call);
    if (!recv) continue;
    if (recv.name === 'self' || recv.name === 'cls') {
      if (derivesFrom(a, a.classScopeOf(call), cls)) calls.push(call);
    } else if ((isStatic || isClassMethod) && recv.name === clsName) calls.push(call);
    // (a class or static method is called on the class itself, built or not: `Order.from_row(r)`)
    else if (built) pending = true;
  }
  return { calls, shift: isStatic ? 0 : 1, ...(pending ? { pending: { all, clsName, cls } } : {}) };
}

/**
 * Every call of `sites`, in text order: the known ones and the pending ones whose receiver is an instance of the
 * class. Null when the parameter is unknown anyway (callsGiveUp): one-shot lints stop at the first call that
 * decides it (too many calls, or one outside hot code), so the receivers of the rest are not evaluated. Editor
 * sessions settle every call, so that what the answer reads is recorded whole (readLog.ts).
 */
function settledCalls(a: Analysis, sites: CallSites): Node[] | null {
  if (!sites.pending) return sites.calls;
  const known = new Set(sites.calls.map((c) => c.id));
  const { all, cls } = sites.pending;
  const settled: Node[] = [];
  const stopEarly = !a.tracking;
  for (const call of all) {
    if (!known.has(call.id)) {
      const recv = receiverOf(call);
      if (!recv || recv.name === 'self' || recv.name === 'cls') continue;
      const f = a.factOf(recv.node);
      if (!(!!f && (f.k === 'object' || f.k === 'instance') && derivesFrom(a, a.moduleClass(f.cls), cls))) continue;
    }
    settled.push(call);
    if (stopEarly && (settled.length > MAX_CALL_SITES || !a.hotTest(call.startIndex))) return null;
  }
  return settled;
}

/** Too many calls, or one outside hot code: the parameter is unknown whatever the calls pass. */
function callsGiveUp(a: Analysis, calls: Node[]): boolean {
  for (const c of calls) a.noteChunkAt(c.startIndex); // their hotness and text
  return calls.length > MAX_CALL_SITES || calls.some((c) => !a.hotTest(c.startIndex));
}

/**
 * A parameter takes the join of what every in-file call passes (`summarize(load(path))`): unknown as soon as
 * one call passes something unknown, passes splats, or is outside hot code.
 */
function paramFromCalls(a: Analysis, scope: Scope, name: string, d: number): MaybeFact {
  const sites = callSitesOf(a, scope);
  if (!sites) return null;
  const { shift, callbacks = [] } = sites;
  const params = paramList(scope);
  let index = params.findIndex((p) => p.name === name);
  // A bare `*` or `/` separator may come before it (`def check(value, *, limit)`); a `*args` may not.
  const separators = params.slice(0, index).filter((p) => p.type === 'keyword_separator' || p.type === 'positional_separator');
  if (index < shift || params.slice(0, index + 1).some((p) => p.type !== 'identifier' && p.type !== 'default_parameter' && p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter' && !separators.includes(p))) return null;
  {
    const dfltParam = params[index];
    // After a bare `*` it is passed by keyword only.
    const keywordOnly = separators.some((p) => p.type === 'keyword_separator');
    index -= shift + separators.length;
    // The calls known without evaluating anything decide first: when they already give up, the receivers of
    // the pending ones (and the callbacks' iterables) need no evaluation, and the answer is the same.
    if (sites.calls.length && callsGiveUp(a, sites.calls)) return null;
    const calls = settledCalls(a, sites);
    if (!calls || (calls.length && callsGiveUp(a, calls))) return null;
    const dflt = dfltParam.type === 'default_parameter' || dfltParam.type === 'typed_default_parameter' ? dfltParam.node.childForFieldName('value') : null;
    const all = new Joined();
    // Passed as a callback: an element of what the library call walks (any other mention: unknown).
    if (keywordOnly && callbacks.length) return null; // (a callback is called with positional arguments)
    for (const ref of callbacks) {
      a.noteChunkAt(ref.startIndex);
      if (!a.hotTest(ref.startIndex)) return null;
      const f = callbackArgument(a, ref, index, d);
      if (f === undefined) return null;
      if (!all.add(f)) return null;
    }
    // Never called here: the default is all we know, and it only counts when it is data text itself
    // (`def f(limit=os.environ.get("LIMIT"))`).
    if (!calls.length && all.any) return all.value;
    if (!calls.length) {
      const f = dflt ? a.factOf(dflt, d) : null;
      return f && f.k === 'text' ? f : null;
    }
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i];
      const keywords = keywordsOf(call);
      if (!keywords) return null;
      // By keyword (`summarize(rows=load(p))`) or by position; a call that leaves it out gets the default.
      const arg = keywords.get(name) ?? (keywordOnly ? null : positionalArgs(call)[index]) ?? dflt;
      if (!arg) return null;
      const f = a.factOf(arg, d);
      if (!all.add(f)) return null;
    }
    return all.value;
  }
}

const keywordTables = new WeakMap<Tree, Map<number, Map<string, Node | null> | null>>();

/**
 * A call's keyword arguments by name (the first of each, as keywordArg reads them: the value node), read once per
 * call for all the parameters asked; null when its arguments are not a plain list or pass `*args`/`**kwargs`.
 */
function keywordsOf(call: Node): Map<string, Node | null> | null {
  return perTree(keywordTables, call, (c) => {
    const args = c.childForFieldName('arguments');
    if (!args || args.type !== 'argument_list') return null;
    const out = new Map<string, Node | null>();
    for (const a of args.namedChildren) {
      const type = a?.type;
      if (type === 'list_splat' || type === 'dictionary_splat') return null;
      if (type !== 'keyword_argument') continue;
      const name = a!.childForFieldName('name')?.text;
      if (name !== undefined && !out.has(name)) out.set(name, a!.childForFieldName('value'));
    }
    return out;
  });
}

/** What calling `fn` gives: the join of its returns, or an iterator of what it yields. */
export function returnsOf(a: Analysis, fn: Scope, d: number): MaybeFact {
  return solve(a, `r:${fn.start}`, () => joinedReturns(a, fn, d));
}

function joinedReturns(a: Analysis, fn: Scope, d: number): MaybeFact {
  if (fn.yields.length) {
    // A generator: an iterator even when what it yields is unknown (`yield row` / `yield from rows`).
    let acc: MaybeFact = null;
    for (let i = 0; i < fn.yields.length; i++) {
      const y = fn.yields[i];
      const v = y.namedChild(0);
      if (!v) return { k: 'seq', of: null };
      const from = y.children.some((c) => c && c.type === 'from');
      const f = from ? elementOf(a.factOf(v, d)) : a.factOf(v, d);
      acc = i === 0 ? f : join(acc, f);
      if (!acc) break;
    }
    return { k: 'seq', of: acc };
  }
  if (fn.returns.length === 0) return null;
  const all = new Joined();
  for (const r of fn.returns) {
    const v = r.namedChild(0);
    if (!v || v.type === 'none') continue; // `return` / `return None` does not decide the type (callers test for it)
    const f = a.factOf(v, d);
    if (!all.add(f)) return null;
  }
  return all.value;
}

/** `load(path)`: the summary of the in-file function in force at the call. */
export function functionReturn(a: Analysis, name: string, call: Node, d: number): MaybeFact {
  if (!/^[A-Za-z_]\w*$/.test(name)) return null;
  const fn = a.functionScope(name, scopeAt(a.root, call.startIndex), call.startIndex);
  if (fn) a.noteChunkAt(fn.start);
  return fn ? returnsOf(a, fn, d) : null;
}

/** `self.parse(x)` / `report.top(5)`: the summary of method `name` of class scope `cls`. */
export function methodReturn(a: Analysis, cls: Scope, name: string, d: number): MaybeFact {
  const fn = methodOf(a, cls, name);
  return fn ? returnsOf(a, fn, d) : null;
}

/** Method `name` of class `cls`, its own or inherited from an in-file base class. */
export function methodOf(a: Analysis, cls: Scope, name: string): Scope | null {
  for (const c of classAndBases(a, cls)) {
    a.ensureMethodDefs(c, name);
    const fn = c.children.find((m) => m.kind === 'function' && m.name === name);
    if (fn) {
      a.noteChunkAt(fn.start); // its parameters, decorators and returns are read (readLog.ts)
      return fn;
    }
  }
  return null;
}

/**
 * What iterating `f` walks: for an instance of an in-file class, what its `__iter__` returns (a generator's
 * yields, `iter(self.rows)`); any other value is its own iterable.
 */
export function iterableOf(a: Analysis, f: MaybeFact, d: number): MaybeFact {
  if (!f || f.k !== 'object') return f;
  const cls = a.moduleClass(f.cls);
  return cls ? methodReturn(a, cls, '__iter__', d) : null;
}

/** Per tree, by assignment node id: does it assign the None literal? (asked per binding, often) */
const assignsNone = new WeakMap<Tree, Map<number, boolean>>();

function assignedNone(node: Node): boolean {
  let right = node.childForFieldName('right');
  let type = right?.type; // (each a wasm call)
  for (let i = 0; right && type === 'assignment' && i < 50; i++) {
    right = right.childForFieldName('right');
    type = right?.type;
  }
  return type === 'none';
}

/** `x = None` (or `a = b = None`): a plain assignment of the None literal. */
export function isNoneBinding(b: Binding): boolean {
  return b.site.kind === 'assignment' && !b.path.length && perTree(assignsNone, b.site.node, assignedNone);
}

/**
 * `self.<attr>` of class scope `cls`: the join of what every method stores there. `initial`: only what is
 * assigned, not what updates add (`self.total += x`): the value an update starts from.
 */
export function classAttrFact(a: Analysis, cls: Scope, attr: string, d: number, initial = false): MaybeFact {
  // A method may rebind it from itself (`self.df = self.df.dropna()`): a recursive summary, solved by the fixpoint.
  return solve(a, `a:${cls.start}:${attr}:${initial ? 1 : 0}`, () => classAttrJoin(a, cls, attr, d, initial));
}

function classAttrJoin(a: Analysis, cls: Scope, attr: string, d: number, initial: boolean): MaybeFact {
  const key = 'self.' + attr;
  const all = new Joined();
  const classes = classAndBases(a, cls);
  for (const c of classes) a.ensureBindingMembers(c, attr);
  for (const m of classes.flatMap((c) => c.children)) {
    const list = namesOf(m).get(key);
    if (!list) continue;
    for (const b of list) {
      a.noteChunkAt(b.site.node.startIndex); // read even when skipped below (readLog.ts)
      // `self.x = None` (typically in __init__, before a method fills it) says nothing about what x holds once
      // it is used: arithmetic or a comparison on None would fail anyway.
      if (isNoneBinding(b) || (initial && b.site.kind === 'augmented_assignment')) continue;
      const f = a.bindingFact(b, d);
      if (!all.add(f)) return null;
    }
  }
  if (!all.any) {
    // a dataclass / NamedTuple field: what its constructions pass (recordFields.ts)
    const clsName = classNameOf(cls);
    const fields = a.shapes().byName.get(clsName);
    if (fields?.includes(attr)) return recordFieldFact(a, cls, clsName, fields, attr, d, () => filledContainer(a, key, cls.node, d));
    return propertyFact(a, cls, attr, d);
  }
  return all.value && all.value.k === 'empty' ? null : all.value;
}

/** `report.amounts` where `amounts` is a `@property` (or functools.cached_property) of the class: its returns. */
function propertyFact(a: Analysis, cls: Scope, attr: string, d: number): MaybeFact {
  const fn = methodOf(a, cls, attr);
  const decorated = fn ? decoratedText(fn) : '';
  return fn && /^@\s*(functools\.)?(property|cached_property)\b/m.test(decorated) ? returnsOf(a, fn, d) : null;
}

/** Where a container bound at `siteNode` is filled: its own scope, or every method for `self.<attr>`. */
export function containerScopes(a: Analysis, name: string, siteNode: Node): Scope[] {
  if (!name.startsWith('self.')) return [scopeAt(a.root, siteNode.startIndex)];
  const cls = a.classScopeOf(siteNode);
  if (cls) a.ensureMembers(cls, name);
  return cls ? cls.children : [];
}

/** Functions a container is passed to, then to what they pass it to: at most this deep. */
const MAX_FILL_HOPS = 3;

/**
 * `rows = []` followed by `rows.append(x)`, or by `load_into(rows, path)` of an in-file function that appends to
 * that parameter: a list of x, kept in memory. Unknown if any append is unknown.
 */
export function filledContainer(a: Analysis, name: string, siteNode: Node, d: number, keyed = false): MaybeFact {
  return fillsIn(a, containerScopes(a, name, siteNode), name, d, keyed, 0);
}

function fillsIn(a: Analysis, scopes: readonly Scope[], name: string, d: number, keyed: boolean, hops: number): MaybeFact {
  const all = new Joined();
  // Passed to in-file functions that fill it (plain names only: `self.rows` is filled where `self` is).
  if (!name.startsWith('self.') && scopes.length === 1) {
    const callees = hops < MAX_FILL_HOPS ? calleesFilling(a, scopes[0], name) : [];
    if (!callees) return null;
    for (const { fn, param } of callees) {
      const f = fillsIn(a, [fn], param, d, keyed, hops + 1);
      if (!f) return null;
      if (f.k === 'seq' && !all.add(f.of)) return null;
    }
  }
  for (const s of scopes) {
    for (const call of s.mutations) {
      const c = calleeOf(call);
      if (!c || !c.object) continue;
      const recv = c.object.text;
      const fills = FILLS.get(c.last);
      if (fills === 'default' || (keyed ? !recv.startsWith(name + '[') : recv !== name)) continue; // (dicts: containers.ts)
      const args = positionalArgs(call);
      let el: MaybeFact;
      if (fills === 'elements' || fills === 'mapping') el = elementOf(a.factOf(args[0] ?? null, d));
      else if (fills === 'at-index') el = a.factOf(args[1] ?? null, d);
      else el = a.factOf(args[0] ?? null, d);
      if (!el || !all.add(el)) return null;
    }
  }
  return all.any ? { k: 'seq', of: markStored(all.value), stored: true } : { k: 'empty' };
}
