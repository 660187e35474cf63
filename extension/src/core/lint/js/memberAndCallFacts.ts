// What a property read (`rows.length`, `rec.amount`, `this.rows`) and a call (`line.split(',')`,
// `parse(text)`, `this.load()`, `rows.map(cb)`) hold: library calls go to the library model, array and
// string methods carry their receiver's element or text, local functions return what their returns hold.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { ARRAY_MEMBERS, FILE_TEXT_SAME, LIST_ELEM, LIST_SAME, NUM, NUMERIC_GLOBAL_CALLS, TEXT_METHODS, isStringLiteral, itemAt, normSource, propName, propertyKey, spreadRecord, unwrap } from './factTypes';
import type { Binding, Call, Fact, Fn, Node } from './factTypes';
import type { TextOrigin } from './ruleContext';
import { walk } from './astWalk';
import { entriesOf } from './containers';
import { moduleCall } from './libraryModel';
import { classMethod, classSlot } from './classSlots';

export function memberFact(fx: Analysis, n: TSESTree.MemberExpression, d: number): Fact | undefined {
  const own = fx.thisSlot.get(n);
  const slot = own && !own.assigned.length && !own.opaque ? classSlot(fx, fx.thisClass.get(n)!, propName(n)!) : own;
  if (slot) return fx.slotFact(slot, d);
  const name = propName(n);
  if (n.object.type === 'Identifier' && n.object.name === 'process' && !fx.refBinding.has(n.object)) {
    if (name === 'argv') return { t: 'list', elem: { t: 'text', origin: { what: 'a command-line argument' } } };
    if (name === 'env') return { t: 'list', elem: { t: 'text', origin: { what: 'an environment variable' } } };
    return undefined;
  }
  const obj = fx.factOf(n.object, d);
  if (!obj) {
    if (name === 'searchParams') return { t: 'query', what: 'a URL query parameter' };
    return undefined;
  }
  switch (obj.t) {
    case 'mod':
      return name !== undefined ? { t: 'mod', source: obj.source, path: [...obj.path, name] } : undefined;
    case 'list':
      // (a record is a list of its fields too: only a Map's or a Set's `.size` is a count)
      if (name === 'length' || ((obj.map || obj.set) && name === 'size')) return NUM;
      if (name === 'groups') return obj;
      // A regex match array also carries `index` (a number) and `input` (the whole subject string).
      if (obj.match && name === 'index') return NUM;
      if (obj.match && name === 'input') return undefined;
      // `rows.pop()` is a method, but a record's `r.close` or `d.pop` read as a value is a field named like one.
      if (!n.computed && name && ARRAY_MEMBERS.has(name) && (obj.stream || isCalled(fx, n))) return undefined;
      if (n.computed && n.property.type === 'Literal' && typeof n.property.value === 'number') return itemAt(obj, n.property.value);
      return obj.elem;
    case 'text':
    case 'file':
      return name === 'length' ? NUM : undefined;
    case 'obj':
      if (name === undefined && n.computed && n.property.type === 'Literal' && typeof n.property.value === 'number') return obj.props.get(String(n.property.value));
      // `r[key]` with a key only known at run time: text when every field is text (a split line's record).
      if (name === undefined) return n.computed ? everyFieldText(obj) : undefined;
      return obj.props.has(name) ? obj.props.get(name) : obj.rest;
    case 'inst': {
      // `ledger.total`: the class's `this.total` slot; `ledger.apply`: its method.
      const slot = name !== undefined ? classSlot(fx, obj.cls, name) : undefined;
      const method = name !== undefined ? classMethod(fx, obj.cls, name) : undefined;
      if (method) return { t: 'fn', fn: method };
      return slot ? fx.slotFact(slot, d) : undefined;
    }
    default:
      return undefined;
  }
}

/** Methods of arrays, strings and dates that return a number. */
const NUMBER_METHODS = new Set(['indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'charCodeAt', 'codePointAt', 'localeCompare', 'getTime']);

export function callFact(fx: Analysis, n: Call, d: number): Fact | undefined {
  const callee = unwrap(n.callee);
  if (callee.type === 'Identifier' && !fx.refBinding.has(callee)) {
    if (NUMERIC_GLOBAL_CALLS.has(callee.name)) return NUM;
    if (callee.name === 'String' && n.arguments[0]) {
      const f = fx.factOf(n.arguments[0], d);
      return f?.t === 'file' ? f : undefined;
    }
    if (callee.name === 'require' && isStringLiteral(n.arguments[0])) return { t: 'mod', source: normSource(String((n.arguments[0] as TSESTree.Literal).value)), path: [] };
    return undefined;
  }
  if (callee.type === 'MemberExpression') {
    const m = propName(callee);
    const o = callee.object;
    if (o.type === 'ThisExpression' && m) {
      const method = classMethod(fx, fx.thisClass.get(callee)!, m);
      if (method) return fx.returnFact(method, d);
    }
    // `Reading.fromLine(l)`: a static method of a class of this file.
    const clsBinding = o.type === 'Identifier' ? fx.refBinding.get(o) : undefined;
    if (clsBinding?.kind === 'class' && m) {
      const method = classMethod(fx, fx.parents.get(clsBinding.id)!, m, true);
      if (method) return fx.returnFact(method, d);
    }
    if (o.type === 'Identifier' && !fx.refBinding.has(o)) {
      if (o.name === 'Math' || (o.name === 'Number' && m !== 'isNaN') || ((o.name === 'Date' || o.name === 'performance') && m === 'now')) return NUM;
      // `Object.assign({}, defaults, { retries: v })`: the sources' fields in order, like `{ ...defaults, retries: v }`.
      if (o.name === 'Object' && m === 'assign' && n.arguments.length >= 2) {
        const props = new Map<string, Fact | undefined>();
        let rest: Fact | undefined;
        for (const a of n.arguments) rest = a.type === 'SpreadElement' ? undefined : spreadRecord(props, fx.factOf(a, d));
        return rest ? { t: 'obj', props, rest } : { t: 'obj', props };
      }
      if (o.name === 'Object' && (m === 'values' || m === 'entries') && n.arguments[0]) {
        const f = fx.factOf(n.arguments[0], d);
        if (f?.t !== 'list') return undefined;
        // An object used as a map, a record or an array: its values, or its [key, value] pairs.
        if (m === 'entries') return entriesOf(f);
        return f.map ? { t: 'list', elem: f.elem, big: f.big } : f;
      }
      // `await Promise.all([readCsv(a), readCsv(b)])`: a promise is modelled as its value, so the list of their
      // values. Calls of different functions (`const [rows, cfg] = await Promise.all([readCsv(p), loadConfig()])`)
      // keep only their positions: iterating them gives no single element fact.
      if (o.name === 'Promise' && m === 'all' && n.arguments[0]) {
        const arg = unwrap(n.arguments[0] as TSESTree.Expression);
        const f = fx.factOf(arg, d);
        if (arg.type === 'ArrayExpression' && !sameCallee(arg.elements)) return f?.t === 'list' && f.items ? { t: 'list', items: f.items } : undefined;
        return f;
      }
      // Object.fromEntries(pairs): a record whose fields hold the pairs' values (`[header[i], v]` → v).
      if (o.name === 'Object' && m === 'fromEntries' && n.arguments[0]) return fromEntriesFact(fx, n.arguments[0], d);
      if (o.name === 'Array' && m === 'from' && n.arguments.length === 1) {
        const f = fx.factOf(n.arguments[0], d);
        if (f?.t === 'list' && f.map) return entriesOf(f);
        return f?.t === 'list' ? { t: 'list', elem: f.elem, big: f.big } : undefined;
      }
    }
    const obj = fx.factOf(o, d);
    if (obj?.t === 'mod') return moduleCall(fx.lib, { source: obj.source, path: [...obj.path, m ?? '?'] }, n, d);
    if (m === 'split' && n.arguments.length >= 1) {
      if (obj?.t === 'file') return { t: 'list', elem: { t: 'text', origin: { what: 'a line of a file read whole', readCall: obj.read, wholeLine: true } }, big: 'file lines' };
      if (obj && obj.t !== 'text') return undefined;
      const origin: TextOrigin = { what: obj?.t === 'text' ? `a field split from ${obj.origin.what}` : 'a field of a split string', parseCall: obj?.t === 'text' ? obj.origin.parseCall : undefined };
      if (obj?.t === 'text' && obj.origin.streamed) origin.streamed = true;
      if (namesVersion(o)) origin.versionPart = true;
      return { t: 'list', elem: { t: 'text', origin } };
    }
    if ((m === 'match' || m === 'exec') && n.arguments.length === 1) {
      const recv = m === 'match' ? obj : fx.factOf(n.arguments[0], d);
      if (recv && recv.t !== 'text') return undefined;
      return { t: 'list', elem: { t: 'text', origin: { what: 'a regex match group' } }, match: true };
    }
    if (m === 'pipe' && n.arguments[0]) return fx.factOf(n.arguments[0], d);
    // `p.then((v) => …)`: what the callback returns (await is transparent, so a promise holds its value).
    const cb = n.arguments[0];
    if (m === 'then' && cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression')) return fx.returnFact(cb, d);
    // `items.indexOf(x)`, `line.charCodeAt(i)`, `d.getTime()`: a position, a code or a clock reading is a number,
    // on an array or text of any origin (not on a module or an instance of a class of this file, which may differ).
    if (m && NUMBER_METHODS.has(m) && (!obj || obj.t === 'list' || obj.t === 'text')) return NUM;
    if (!obj) return undefined;
    if (obj.t === 'file' && m && FILE_TEXT_SAME.has(m)) return obj;
    if (obj.t === 'text' && m && TEXT_METHODS.has(m)) return obj;
    if (obj.t === 'query' && m === 'get') return { t: 'text', origin: { what: obj.what } };
    if (obj.t === 'query' && m === 'getAll') return { t: 'list', elem: { t: 'text', origin: { what: obj.what } } };
    if (obj.t === 'list' && m) {
      // `slice(i, i + 16)`: a bounded batch, not the data set.
      if (m === 'slice' && n.arguments.length >= 2) return { ...withoutPositions(obj), batch: true };
      // A Map's `values()` is a plain list of its values; its `entries()` iterates like the Map itself.
      if (obj.map && m === 'values') return { t: 'list', elem: obj.elem };
      if (obj.map && m === 'entries') return entriesOf(obj);
      // An array's entries(): [index, element] pairs.
      if (m === 'entries' && n.arguments.length === 0) return { t: 'list', elem: { t: 'obj', props: new Map<string, Fact | undefined>([['0', NUM], ['1', obj.elem]]) }, big: obj.big };
      if ((m === 'reduce' || m === 'reduceRight') && numericRunningTotal(fx, n, d)) return NUM;
      // (filter, sort, slice… move elements: a tuple's positions no longer hold)
      if (LIST_SAME.has(m)) return withoutPositions(obj);
      if (LIST_ELEM.has(m)) return obj.elem;
      if (m === 'read' && obj.stream) return obj.elem;
      if ((m === 'on' || m === 'once' || m === 'pipe') && obj.stream) return m === 'pipe' && n.arguments[0] ? fx.factOf(n.arguments[0], d) : obj;
      if (m === 'map' || m === 'flatMap') {
        const cb = n.arguments[0];
        if (cb?.type === 'Identifier' && !fx.refBinding.has(cb) && NUMERIC_GLOBAL_CALLS.has(cb.name)) return { t: 'list', elem: NUM, big: obj.big };
        // In place, or a local function passed by name (`lines.map(toHit)`).
        const fn = cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') ? cb : cb && cb.type !== 'SpreadElement' ? functionAt(fx, cb, d) : undefined;
        if (fn) {
          const r = indexSelectsKind(fx, fn, d) ? undefined : fx.returnFact(fn, d);
          return { t: 'list', elem: m === 'flatMap' && r?.t === 'list' ? r.elem : r, big: obj.big };
        }
        return { t: 'list' };
      }
      if (m === 'flat' && obj.elem?.t === 'list') return obj.elem;
    }
    if (obj.t === 'list' && obj.stream && m === 'pipe' && n.arguments[0]) return fx.factOf(n.arguments[0], d);
    if (obj.t === 'fn' && (m === 'call' || m === 'apply')) return fx.returnFact(obj.fn, d);
    // `ledger.summaries()`: what the class's method returns.
    if (obj.t === 'inst' && m) {
      const method = classMethod(fx, obj.cls, m);
      return method ? fx.returnFact(method, d) : undefined;
    }
    return undefined;
  }
  const cf = fx.factOf(callee, d);
  if (cf?.t === 'mod') return moduleCall(fx.lib, cf, n, d);
  if (cf?.t === 'fn') return fx.returnFact(cf.fn, d);
  return undefined;
}

/**
 * The function of this file that `call` runs, read from declarations only: never evaluating a value, so asking
 * it while a container's contents are worked out cannot loop back into them. `load(…)` (a function, or a const
 * bound to one), `this.load(…)`, `Loader.load(…)` (static), `loader.load(…)` where the const `loader` is
 * `new Loader(…)` or an object literal holding that method, `new Loader().load(…)`; undefined for anything else.
 */
export function localCallee(fx: Analysis, call: Call | TSESTree.NewExpression): Fn | undefined {
  if (call.type === 'NewExpression') return undefined;
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return declaredFn(fx.refBinding.get(callee), fx);
  const m = callee.type === 'MemberExpression' ? propName(callee) : undefined;
  if (callee.type !== 'MemberExpression' || m === undefined) return undefined;
  const o = unwrap(callee.object);
  if (o.type === 'ThisExpression') {
    const cls = fx.thisClass.get(callee);
    return cls ? classMethod(fx, cls, m) : undefined;
  }
  const recv = o.type === 'Identifier' ? fx.refBinding.get(o) : undefined;
  if (recv?.kind === 'class') return classMethod(fx, fx.parents.get(recv.id)!, m, true);
  const init = o.type === 'NewExpression' ? o : recv?.kind === 'const' && recv.init ? unwrap(recv.init) : undefined;
  if (init?.type === 'NewExpression' && init.callee.type === 'Identifier') {
    const c = fx.refBinding.get(init.callee);
    return c?.kind === 'class' ? classMethod(fx, fx.parents.get(c.id)!, m) : undefined;
  }
  if (init?.type !== 'ObjectExpression') return undefined;
  for (const p of init.properties) {
    if (p.type !== 'Property' || propertyKey(p) !== m) continue;
    return p.value.type === 'ArrowFunctionExpression' || p.value.type === 'FunctionExpression' ? p.value : undefined;
  }
  return undefined;
}

/** The function a binding is declared as: `function f`, or `const f = (…) => …` / `function (…)`. */
function declaredFn(b: Binding | undefined, fx: Analysis): Fn | undefined {
  if (b?.kind === 'function') {
    const fn = fx.parents.get(b.id);
    return fn?.type === 'FunctionDeclaration' ? fn : undefined;
  }
  const e = b?.kind === 'const' && b.init ? unwrap(b.init) : undefined;
  return e?.type === 'ArrowFunctionExpression' || e?.type === 'FunctionExpression' ? e : undefined;
}

/** The function of this file an expression names: `load`, `this.load`, `loader.load`, `Loader.load` (static). */
function functionAt(fx: Analysis, node: Node, d: number): Fn | undefined {
  const callee = unwrap(node);
  if (callee.type === 'MemberExpression') {
    const m = propName(callee);
    if (m === undefined) return undefined;
    const o = callee.object;
    if (o.type === 'ThisExpression') {
      const cls = fx.thisClass.get(callee);
      return cls ? classMethod(fx, cls, m) : undefined;
    }
    const clsBinding = o.type === 'Identifier' ? fx.refBinding.get(o) : undefined;
    if (clsBinding?.kind === 'class') return classMethod(fx, fx.parents.get(clsBinding.id)!, m, true);
  }
  const f = fx.factOf(callee, d);
  return f?.t === 'fn' ? f.fn : undefined;
}

export function returnFact(fx: Analysis, fn: Fn, d: number): Fact | undefined {
  if (fn.generator) return generatorFact(fx, fn, d);
  const rets = fx.returns.get(fn) ?? [];
  let out: Fact | undefined;
  for (const r of rets) {
    const e = unwrap(r);
    // `return null` on a skip path (`if (!m) return null;`) says nothing about the value returned otherwise.
    if ((e.type === 'Literal' && e.value === null) || (e.type === 'Identifier' && e.name === 'undefined')) continue;
    const f = fx.factOf(r, d);
    if (!f) return undefined;
    if (!out) out = f;
    else if (out.t !== f.t) return undefined;
  }
  return out;
}

/**
 * `m.map((v, i) => (i === 0 ? v : parseInt(v)))`: the callback picks by the element's position (its index
 * parameter in the test) between values of different kinds, so the elements differ by position: the whole
 * match stays text at 0 and the groups after it are numbers. Joined, every element would be text, and the
 * destructured groups (`[line, id, x, y] = …`) would be taken for text; the elements are left unknown.
 */
function indexSelectsKind(fx: Analysis, fn: Fn, d: number): boolean {
  const index = fn.params[1];
  if (index?.type !== 'Identifier') return false;
  return (fx.returns.get(fn) ?? []).some((r) => {
    const e = unwrap(r);
    if (e.type !== 'ConditionalExpression') return false;
    let readsIndex = false;
    walk(e.test, (n) => {
      if (n.type === 'Identifier' && fx.refBinding.get(n)?.id === index) readsIndex = true;
    });
    return readsIndex && fx.factOf(e.consequent, d)?.t !== fx.factOf(e.alternate, d)?.t;
  });
}

/**
 * `xs.reduce((t, s) => t + s.ms, 0)`: a running total that starts as a number and only ever adds numbers or
 * JSON values to it (JSON keeps numbers as numbers) is a number. Added data text would make it text (MW153).
 */
function numericRunningTotal(fx: Analysis, call: Call, d: number): boolean {
  const [cb, init] = call.arguments;
  if (!init || init.type === 'SpreadElement' || fx.factOf(init, d)?.t !== 'num') return false;
  if (cb?.type !== 'ArrowFunctionExpression' && cb?.type !== 'FunctionExpression') return false;
  const acc = cb.params[0];
  const rets = fx.returns.get(cb) ?? [];
  const isAcc = (x: Node) => acc?.type === 'Identifier' && x.type === 'Identifier' && fx.refBinding.get(x)?.id === acc;
  const numberLike = (x: Node) => {
    const f = fx.factOf(x, d);
    return f?.t === 'num' || (f?.t === 'list' && !!f.json);
  };
  return rets.length > 0 && rets.every((r) => {
    const e = unwrap(r);
    if (fx.factOf(e, d)?.t === 'num') return true;
    return e.type === 'BinaryExpression' && e.operator === '+' && ((isAcc(e.left) && numberLike(e.right)) || (isAcc(e.right) && numberLike(e.left)));
  });
}

/**
 * A list without its positions (`items`): after filter, sort or slice, position i is another element. A
 * tuple of mixed kinds (`[Number(r.size), r.label]`) then has no one element fact: any destructured
 * position may be either, so none is claimed.
 */
function withoutPositions(f: Fact & { t: 'list' }): Fact & { t: 'list' } {
  if (!f.items) return f;
  const { items, ...rest } = f;
  return items.every((i) => i?.t === items[0]?.t) ? rest : { ...rest, elem: undefined };
}

/** The text fact every field of a record holds, or undefined if any field is something else or unknown. */
function everyFieldText(obj: Fact & { t: 'obj' }): Fact | undefined {
  const fields = [...obj.props.values(), ...(obj.rest ? [obj.rest] : [])];
  return fields.length && fields.every((f) => f?.t === 'text') ? fields[0] : undefined;
}

/** Is `m` the callee of a call (`xs.pop()`, `xs.map?.(f)`) rather than a value read? */
function isCalled(fx: Analysis, m: TSESTree.MemberExpression): boolean {
  const p = fx.parents.get(m);
  const call = p?.type === 'ChainExpression' ? fx.parents.get(p) : p;
  return call?.type === 'CallExpression' && unwrap(call.callee) === m;
}

/** The value fact of `Object.fromEntries(arg)`'s fields: the second element of each pair. */
function fromEntriesFact(fx: Analysis, arg: TSESTree.CallExpressionArgument, d: number): Fact | undefined {
  if (arg.type === 'SpreadElement') return undefined;
  const pairs = fx.factOf(arg, d);
  // A Map, or [key, value] pairs from `.entries()`: the values.
  if (pairs?.t === 'list' && pairs.map) return { t: 'list', elem: pairs.elem };
  if (pairs?.t === 'list' && pairs.elem?.t === 'obj' && pairs.elem.props.has('1')) return { t: 'list', elem: pairs.elem.props.get('1') };
  // `xs.map((v, i) => [keys[i], v])`: the pair's value is the callback's second array element.
  const a = unwrap(arg);
  if (a.type !== 'CallExpression' || a.callee.type !== 'MemberExpression' || propName(a.callee) !== 'map') return undefined;
  const cb = a.arguments[0];
  if (!cb || (cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression')) return undefined;
  let value: Fact | undefined;
  for (const r of fx.returns.get(cb) ?? []) {
    const pair = unwrap(r);
    const v = pair.type === 'ArrayExpression' && pair.elements.length === 2 ? pair.elements[1] : undefined;
    // `kv.split('=')`: a pair split from text holds text on both sides.
    const f = v ? (v.type !== 'SpreadElement' ? fx.factOf(v, d) : undefined) : splitPairValue(fx.factOf(pair, d));
    if (!f || (value && value.t !== f.t)) return undefined;
    // `[k, TEXT_COLUMNS.has(k) ? parts[i] : Number(parts[i])]`: converted per column, so no field is known.
    const c = v && unwrap(v);
    if (c?.type === 'ConditionalExpression' && fx.factOf(c.consequent, d)?.t !== fx.factOf(c.alternate, d)?.t) return undefined;
    value = value ?? f;
  }
  return value ? { t: 'list', elem: value } : undefined;
}

/** The value of a [key, value] pair that is a list of one kind, as `split` gives (never a regex match). */
function splitPairValue(f: Fact | undefined): Fact | undefined {
  return f?.t === 'list' && !f.match && !f.map && f.elem?.t === 'text' ? f.elem : undefined;
}

/** What calling a generator function gives: an iterable of what it yields (`yield* xs` yields xs' elements). */
function generatorFact(fx: Analysis, fn: Fn, d: number): Fact | undefined {
  let elem: Fact | undefined;
  for (const y of fx.yields.get(fn) ?? []) {
    if (!y.argument) return { t: 'list' };
    const f = fx.factOf(y.argument, d);
    const e = y.delegate ? (f?.t === 'list' ? f.elem : undefined) : f;
    if (!e || (elem && elem.t !== e.t)) return { t: 'list' };
    elem = elem ?? e;
  }
  return { t: 'list', elem };
}

/** `pkg.version`, `process.versions.node`, `semver.slice(1)`: an expression that names a version string. */
function namesVersion(n: Node): boolean {
  let cur: Node = n;
  for (let i = 0; i < 6; i++) {
    if (cur.type === 'Identifier') return /version|semver/i.test(cur.name);
    if (cur.type === 'MemberExpression') {
      const name = propName(cur);
      if (name && /version|semver/i.test(name)) return true;
      cur = cur.object;
    } else if (cur.type === 'CallExpression') cur = cur.callee;
    else return false;
  }
  return false;
}

/** Are all elements calls of one callee, written the same way (`[readCsv(a), readCsv(b)]`)? */
function sameCallee(elements: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[]): boolean {
  let first: string | undefined;
  for (const e of elements) {
    if (!e || e.type !== 'CallExpression' || e.callee.type !== 'Identifier') return false;
    if ((first ??= e.callee.name) !== e.callee.name) return false;
  }
  return first !== undefined;
}
