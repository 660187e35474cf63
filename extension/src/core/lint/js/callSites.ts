// Parameters known from their in-file call sites: a function's (exported ones too), a class method's (called
// on `this` or on an instance of the class), a callback's when it is passed to a local function that calls
// it (`loadUsage(file, (err, records) => …)` where loadUsage calls `done(null, records)`), and a promise
// executor's `resolve`. A parameter is known only when every call site passes the same kind of value.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { isNumberLiteral, memberKey, propName, propertyKey, unwrap } from './factTypes';
import type { Call, Fact, Fn, Node } from './factTypes';

/** A call or a `new` of a class: both pass arguments. */
export type Site = Call | TSESTree.NewExpression;

/** Join of the facts passed as argument `index` at `calls`; unknown if one is unknown or they disagree. */
function joinArgs(fx: Analysis, calls: readonly Site[], index: number, d: number, skipMissing: boolean, fn?: Fn): Fact | undefined {
  let out: Fact | undefined;
  let steps = 0;
  for (const call of calls) {
    if (call.arguments.some((a) => a.type === 'SpreadElement')) return undefined;
    // An omitted argument takes the parameter's default (`constructor(base = 1500)` called as `new Ladder()`).
    const arg = call.arguments[index] ?? (fn ? defaultOf(fn.params[index]) : undefined);
    if (!arg) {
      if (skipMissing) continue; // `done(err)` on the error path passes no records
      return undefined;
    }
    if (fn && recursiveStep(fx, fn, index, call, arg)) {
      steps++;
      continue;
    }
    const f = fx.factOf(arg, d);
    if (!f || (out && out.t !== f.t)) return undefined;
    out = out ?? f;
  }
  // Called in the file only by its own retry (`fetchWithRetry(url, attempt + 1)`): the counter starts at its default.
  const start = !out && steps && fn ? defaultOf(fn.params[index]) : undefined;
  return start ? fx.factOf(start, d) : out;
}

/** The default of a parameter written `x = value` (also as a TypeScript parameter property). */
function defaultOf(p: TSESTree.Parameter | undefined): Node | undefined {
  const q = p?.type === 'TSParameterProperty' ? p.parameter : p;
  return q?.type === 'AssignmentPattern' ? q.right : undefined;
}

/**
 * A recursive call passing the parameter on (`walk(full, depth + 1)`, `go(rest, n)`): it adds no new kind of
 * value, so the other call sites decide.
 */
function recursiveStep(fx: Analysis, fn: Fn, index: number, call: Site, arg: Node): boolean {
  // `attempt = 0` too: a counter with a default, advanced by the function's own retry (`listen(port, attempt + 1)`).
  let param: Node | undefined = fn.params[index];
  if (param?.type === 'AssignmentPattern') param = param.left;
  if (param?.type !== 'Identifier') return false;
  const b = fx.declBinding.get(param);
  const a = unwrap(arg);
  const isParam = (n: Node) => n.type === 'Identifier' && fx.refBinding.get(n) === b;
  const step = isParam(a) || (a.type === 'BinaryExpression' && (a.operator === '+' || a.operator === '-') && isParam(a.left) && isNumberLiteral(a.right));
  if (!step) return false;
  for (let cur = fx.parents.get(call), i = 0; cur && i < 10000; cur = fx.parents.get(cur), i++) if (cur === fn) return true;
  return false;
}

/** What every call of the parameter/variable declared at `id` passes as argument `index` (`resolve(rows)`). */
export function argsPassedTo(fx: Analysis, id: TSESTree.Identifier, index: number, d: number): Fact | undefined {
  const b = fx.declBinding.get(id);
  if (!b || !b.refs.length) return undefined;
  const calls: Call[] = [];
  for (const ref of b.refs) {
    const call = fx.parents.get(ref);
    if (call?.type !== 'CallExpression' || call.callee !== ref) continue; // `.on('error', reject)`: never called here with data
    calls.push(call);
  }
  return calls.length ? joinArgs(fx, calls, index, d, true) : undefined;
}

/**
 * The calls of a function declared as `function f` or `const f = …`, and the calls it is passed to by name
 * (`rows.forEach(addRow)`); undefined when it escapes any other way.
 */
function directCalls(fx: Analysis, fn: Fn): { calls: Call[]; passed: { call: Call; argIndex: number }[] } | undefined {
  let id: TSESTree.Identifier | undefined;
  const parent = fx.parents.get(fn);
  // Exported functions too: their in-file call sites are the only callers this analysis can see, and a
  // parameter stays unknown unless every one of them passes the same kind of value.
  if (fn.type === 'FunctionDeclaration') id = fn.id ?? undefined;
  else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') id = parent.id;
  const b = id && fx.declBinding.get(id);
  if (!b || !b.refs.length || (b.kind !== 'function' && b.kind !== 'const')) return undefined;
  const calls: Call[] = [];
  const passed: { call: Call; argIndex: number }[] = [];
  for (const ref of b.refs) {
    if (exportedByName(fx, ref)) continue; // like `export function f`: the in-file calls still decide
    const call = fx.parents.get(ref);
    if (call?.type !== 'CallExpression') return undefined;
    if (call.callee === ref) calls.push(call);
    else passed.push({ call, argIndex: call.arguments.indexOf(ref as TSESTree.Expression) });
  }
  return { calls, passed };
}

/**
 * A reference that only exports the function under a name: `export { f }`, `export default f`,
 * `module.exports = { f }`, `module.exports.f = f` or `exports.f = f`. An `export function f` has no such
 * reference and its parameters already come from the in-file calls; these spellings export the same function.
 */
function exportedByName(fx: Analysis, ref: Node): boolean {
  const p = fx.parents.get(ref);
  if (p?.type === 'ExportSpecifier') return p.local === ref;
  if (p?.type === 'ExportDefaultDeclaration') return true;
  const isExportsObject = (n: Node | undefined): boolean =>
    (n?.type === 'Identifier' && n.name === 'exports') ||
    (n?.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && propName(n) === 'exports');
  if (p?.type === 'AssignmentExpression') return p.right === ref && p.operator === '=' && p.left.type === 'MemberExpression' && isExportsObject(p.left.object);
  if (p?.type !== 'Property' || p.value !== ref) return false;
  const obj = fx.parents.get(p);
  const assign = obj && fx.parents.get(obj);
  return assign?.type === 'AssignmentExpression' && assign.right === obj && assign.operator === '=' && isExportsObject(assign.left);
}

/**
 * A static method's uses through its class's name: `Reading.parse(line)` calls it and `lines.map(Reading.parse)`
 * passes it by name; undefined when it is not a static method of a class declared here.
 */
function staticMethodUses(fx: Analysis, fn: Fn): { calls: Call[]; passed: { call: Call; argIndex: number }[] } | undefined {
  const def = fx.parents.get(fn);
  const cls = def && fx.parents.get(fx.parents.get(def)!);
  const name = def?.type === 'MethodDefinition' && def.static && def.kind === 'method' ? memberKey(def) : undefined;
  const b = name !== undefined && cls?.type === 'ClassDeclaration' && cls.id ? fx.declBinding.get(cls.id) : undefined;
  if (!b) return undefined;
  const calls: Call[] = [];
  const passed: { call: Call; argIndex: number }[] = [];
  for (const ref of b.refs) {
    const m = fx.parents.get(ref);
    if (m?.type !== 'MemberExpression' || m.object !== ref || propName(m) !== name) continue;
    const call = fx.parents.get(m);
    if (call?.type !== 'CallExpression') return undefined; // stored or returned: it escapes
    if (call.callee === m) calls.push(call);
    else passed.push({ call, argIndex: call.arguments.indexOf(m as TSESTree.Expression) });
  }
  return calls.length || passed.length ? { calls, passed } : undefined;
}

/**
 * A local helper's parameter, from what its call sites pass (`function addRow(acc, row)` called as
 * `addRow(stats, record)`) and from the calls it is handed to by name (`records.forEach(addRow)`).
 */
export function callSiteArgFact(fx: Analysis, fn: Fn, index: number, d: number): Fact | undefined {
  const direct = directCalls(fx, fn) ?? staticMethodUses(fx, fn);
  if (!direct) {
    const calls = methodCalls(fx, fn, d);
    return calls?.length ? joinArgs(fx, calls, index, d, false, fn) : undefined;
  }
  let out = direct.calls.length ? joinArgs(fx, direct.calls, index, d, false, fn) : undefined;
  if (direct.calls.length && !out) return undefined;
  for (const { call, argIndex } of direct.passed) {
    const f = fx.callbackArgFact(call, argIndex, index, d);
    if (!f || (out && out.t !== f.t)) return undefined;
    out = out ?? f;
  }
  return out;
}

/** Every in-file call of `fn` (a function declared by name, or a class method called on `this` or an instance); undefined when it escapes. */
export function callsOf(fx: Analysis, fn: Fn, d: number): readonly Site[] | undefined {
  const direct = directCalls(fx, fn) ?? staticMethodUses(fx, fn);
  if (direct) return direct.passed.length ? undefined : direct.calls;
  return methodCalls(fx, fn, d);
}

const methodCallMemo = new WeakMap<Analysis, Map<string, Call[]>>();

/** `x.name(…)` calls in the file, by method name (collected once per file). */
function callsNamed(fx: Analysis, name: string): Call[] {
  let byName = methodCallMemo.get(fx);
  if (!byName) {
    byName = new Map();
    for (const n of fx.nodes) {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') continue;
      const m = propName(n.callee);
      if (!m) continue;
      let list = byName.get(m);
      if (!list) byName.set(m, (list = []));
      list.push(n);
    }
    methodCallMemo.set(fx, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * A class method's call sites: `this.add(r)` inside the class and `counter.add(r)` where `counter` holds an
 * instance of it. Calls on receivers of unknown value may be another object's method of the same name and
 * are left out; with no known call site the parameter stays unknown.
 */
function methodCalls(fx: Analysis, fn: Fn, d: number): Site[] | undefined {
  const def = fx.parents.get(fn);
  if (def?.type === 'Property') return objectMethodCalls(fx, fn, def, d);
  const cls = def && fx.parents.get(def) && fx.parents.get(fx.parents.get(def)!);
  if (def?.type !== 'MethodDefinition' || !cls) return undefined;
  if (def.kind === 'constructor') return constructions(fx, cls);
  const name = def.kind === 'method' ? memberKey(def) : undefined;
  if (name === undefined) return undefined;
  const calls = callsNamed(fx, name).filter((c) => {
    const callee = c.callee as TSESTree.MemberExpression;
    if (def.static) {
      const b = callee.object.type === 'Identifier' ? fx.refBinding.get(callee.object) : undefined;
      return b?.kind === 'class' && fx.parents.get(b.id) === cls;
    }
    if (callee.object.type === 'ThisExpression') return fx.thisClass.get(callee) === cls;
    const recv = fx.factOf(callee.object, d);
    return recv?.t === 'inst' && recv.cls === cls;
  });
  return calls.length ? calls : undefined;
}

/**
 * `const stats = { add(v) {…} }` called as `stats.add(x)`: the calls whose receiver is known to hold this very
 * function under that key.
 */
function objectMethodCalls(fx: Analysis, fn: Fn, prop: TSESTree.Property, d: number): Site[] | undefined {
  const name = propertyKey(prop);
  if (name === undefined || fx.parents.get(prop)?.type !== 'ObjectExpression') return undefined;
  const calls = callsNamed(fx, name).filter((c) => {
    const recv = fx.factOf((c.callee as TSESTree.MemberExpression).object, d);
    const held = recv?.t === 'obj' ? recv.props.get(name) : undefined;
    return held?.t === 'fn' && held.fn === fn;
  });
  return calls.length ? calls : undefined;
}

/** `new C(…)` of a class declared as `class C`: what its constructor's parameters receive. */
function constructions(fx: Analysis, cls: Node): Site[] | undefined {
  const b = cls.type === 'ClassDeclaration' && cls.id ? fx.declBinding.get(cls.id) : undefined;
  const sites = (b?.refs ?? []).map((r) => fx.parents.get(r)).filter((p): p is TSESTree.NewExpression => p?.type === 'NewExpression');
  return sites.length ? sites : undefined;
}

/**
 * A listener's parameter `index`: `bus.on('row', (r) => …)` gets what every `bus.emit('row', r)` on the same
 * variable passes after the event name; undefined when nothing emits it here.
 */
export function emittedArgFact(fx: Analysis, on: Call, index: number, d: number): Fact | undefined {
  const callee = on.callee;
  const event = on.arguments[0];
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || event?.type !== 'Literal' || typeof event.value !== 'string') return undefined;
  const emitter = fx.refBinding.get(callee.object);
  if (!emitter) return undefined;
  const emits = callsNamed(fx, 'emit').filter((c) => {
    const o = (c.callee as TSESTree.MemberExpression).object;
    const ev = c.arguments[0];
    return o.type === 'Identifier' && fx.refBinding.get(o) === emitter && ev?.type === 'Literal' && ev.value === event.value;
  });
  return emits.length ? joinArgs(fx, emits, index + 1, d, false) : undefined;
}
