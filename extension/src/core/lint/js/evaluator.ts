// The value evaluator: what an expression holds (Fact), by node type, and what a binding holds (the join
// of its definitions: initialiser, later assignments, `for…of` element, parameter, import). TypeScript
// assertions and annotations are transparent: `x as Row`, `x!`, `x satisfies T` and `<T>x` hold what `x`
// holds, whatever the type claims. Memoisation and the cycle/depth guard live in facts.ts (factOf).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { ARITH_OPS, NUM, isStringLiteral, itemAt, pairValue, propertyKey, spreadRecord, unwrap } from './factTypes';
import type { Binding, Def, Fact, Node, Step } from './factTypes';
import { argsPassedTo } from './callSites';
import { addedElemFact, emptyContainerKind, entriesOf, readsSelfStoringContainer, selfAppendElem } from './containers';
import { withFieldWrites } from './fieldWrites';
import { reachingDefs } from './reachingDefs';
import { globalFact, httpRequestFact } from './libraryModel';

export function evaluate(fx: Analysis, n: Node, d: number): Fact | undefined {
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'number' || typeof n.value === 'bigint' ? NUM : undefined;
    case 'Identifier':
      return identifierFact(fx, n, d);
    case 'ThisExpression':
      return thisInstance(fx, n);
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'ChainExpression':
    case 'AwaitExpression':
      return n.type === 'AwaitExpression' ? (n.argument ? fx.factOf(n.argument, d) : undefined) : fx.factOf(n.expression, d);
    case 'MemberExpression':
      return fx.memberFact(n, d);
    case 'CallExpression':
      return fx.callFact(n, d);
    case 'NewExpression': {
      const c = n.callee.type === 'Identifier' && !fx.refBinding.has(n.callee) ? n.callee.name : undefined;
      if (c === 'URLSearchParams') return { t: 'query', what: 'a URLSearchParams value' };
      if (c === 'URL') return { t: 'obj', props: new Map([['searchParams', { t: 'query', what: 'a URL query parameter' } as Fact]]) };
      if (c === 'Number') return NUM;
      // `new Set(xs)`: a Set is modelled as a list of its values.
      if (c === 'Set' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
        const f = fx.factOf(n.arguments[0], d);
        return f?.t === 'list' ? { t: 'list', elem: f.elem, big: f.big, set: true } : undefined;
      }
      // `new Map(rows.map((r) => [r.key, r.value]))`: a Map holds each pair's second item.
      if (c === 'Map' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
        const f = fx.factOf(n.arguments[0], d);
        return f?.t === 'list' ? { t: 'list', elem: pairValue(f.elem), map: true, big: f.big } : undefined;
      }
      // `new Promise((resolve) => … resolve(rows))`: a promise is modelled as its value.
      if (c === 'Promise') return promiseExecutorFact(fx, n.arguments[0], d);
      return classInstance(fx, n.callee);
    }
    case 'UnaryExpression':
      return n.operator === '-' || n.operator === '+' || n.operator === '~' ? NUM : undefined;
    case 'UpdateExpression':
      return NUM;
    case 'BinaryExpression':
      if (ARITH_OPS.has(n.operator)) return NUM;
      if (n.operator === '+' && fx.factOf(n.left, d)?.t === 'num' && fx.factOf(n.right, d)?.t === 'num') return NUM;
      return undefined;
    case 'LogicalExpression':
      if (n.operator === '&&') return undefined;
      return joinEither(fx, fx.factOf(n.left, d), fx.factOf(n.right, d), n.right);
    case 'ConditionalExpression':
      return joinEither(fx, fx.factOf(n.consequent, d), fx.factOf(n.alternate, d), n.alternate);
    case 'AssignmentExpression':
      if (n.operator === '=') return fx.factOf(n.right, d);
      // `(byKey[k] ??= { calls: 0 })`: what was there, or the fallback.
      if (n.operator === '??=' || n.operator === '||=') return joinEither(fx, fx.factOf(n.left, d), fx.factOf(n.right, d), n.right);
      return undefined;
    case 'SequenceExpression':
      return fx.factOf(n.expressions[n.expressions.length - 1], d);
    case 'ArrayExpression': {
      if (n.elements.length === 1 && n.elements[0]?.type === 'SpreadElement') {
        const f = fx.factOf(n.elements[0].argument, d);
        return f?.t === 'list' && f.map ? entriesOf(f) : f; // `[...map]`: its [key, value] pairs
      }
      // `elem` is what iterating gives: every element's fact joined (text where any element is data text);
      // `items` keeps each position, so a tuple's parts (`[d.package, Number(d.weekly)]`) keep their own facts.
      const elems: Fact[] = [];
      let unknown = false;
      const items: (Fact | undefined)[] | undefined = n.elements.some((e) => !e || e.type === 'SpreadElement') ? undefined : [];
      for (const e of n.elements) {
        if (!e) continue;
        const ef = e.type === 'SpreadElement' ? (fx.factOf(e.argument, d) as { elem?: Fact } | undefined)?.elem : fx.factOf(e, d);
        items?.push(ef);
        if (!ef) unknown = true;
        else elems.push(ef);
      }
      if (unknown) return items ? { t: 'list', items } : { t: 'list' };
      const elem = joinElements(elems);
      return items ? { t: 'list', elem, items } : { t: 'list', elem };
    }
    case 'ObjectExpression': {
      const props = new Map<string, Fact | undefined>();
      let rest: Fact | undefined;
      for (const p of n.properties) {
        if (p.type === 'SpreadElement') {
          // `{ ...row, total: 0 }`: the spread record's fields, overridden by the properties after it.
          rest = spreadRecord(props, fx.factOf(p.argument, d));
          continue;
        }
        if (p.computed) continue;
        const k = propertyKey(p);
        if (k !== undefined && p.value.type !== 'AssignmentPattern') props.set(k, fx.factOf(p.value, d));
      }
      return rest ? { t: 'obj', props, rest } : { t: 'obj', props };
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { t: 'fn', fn: n };
    default:
      return undefined;
  }
}

/** `a || b`, `c ? a : b`: text if either side is data text (the bug shows when it is); numbers if both are. */
function joinEither(fx: Analysis, a: Fact | undefined, b: Fact | undefined, right: Node): Fact | undefined {
  if (a?.t === 'text') return a;
  if (b?.t === 'text' && (a === undefined || a.t === 'num')) return b;
  // `x ?? 0`: meant as a number, also where x is a JSON value (`stock.get(sku) ?? 0` over a JSON document's entries)
  if (b?.t === 'num' && (a === undefined || a.t === 'num' || (a.t === 'list' && a.json))) return NUM;
  if (a?.t === 'list' && b?.t === 'list') return a.elem ? a : b;
  if (a?.t === 'list' && right.type === 'ArrayExpression' && right.elements.length === 0) return a;
  return a && b && a.t === b.t ? a : undefined;
}

function identifierFact(fx: Analysis, id: TSESTree.Identifier, d: number): Fact | undefined {
  const b = fx.refBinding.get(id) ?? fx.declBinding.get(id);
  if (!b) return globalFact(id.name);
  // `count = Number(count)` earlier in the block: only the definitions that can still reach this read count.
  const reaching = reachingDefs(fx, b, id);
  return reaching ? computeBindingFact(fx, b, d, reaching) : fx.bindingFact(b, d);
}

/** What `b` holds: the join of its definitions (`defs`: all of them, or those that reach one read). */
export function computeBindingFact(fx: Analysis, b: Binding, d: number, defs: readonly Def[] = b.defs): Fact | undefined {
  const facts: Fact[] = [];
  let unknown = false;
  let container: 'list' | 'set' | 'map' | undefined;
  let startsAsText = false;
  for (const def of defs) {
    if (def.k === 'opaque') {
      if (b.kind === 'let' || b.kind === 'var') continue; // declared without value, assigned later
      return undefined;
    }
    let f: Fact | undefined;
    if (def.k === 'expr' && def.path.length === 0) {
      let e = unwrap(def.expr);
      // Get-or-create (`m.get(k) ?? []`, `let s = m.get(k); if (!s) s = {…}`): the read adds nothing.
      if (readsSelfStoringContainer(fx, b, e)) continue;
      if (e.type === 'LogicalExpression' && e.operator !== '&&' && readsSelfStoringContainer(fx, b, e.left)) e = unwrap(e.right);
      if (e.type === 'Literal' && e.value === null) continue;
      if (e.type === 'Identifier' && e.name === 'undefined') continue;
      // `let hottest = ''; … hottest = tempC`: a start as text, known only once the data text is joined in.
      if (isStringLiteral(e)) {
        startsAsText = true;
        continue;
      }
      // `[]`, `new Map()` and a `{}` used as a map start empty: they hold what is added to them later.
      const kind = emptyContainerKind(fx, e, b.refs);
      if (kind) {
        container = joinContainerKind(container, kind);
        continue;
      }
      // `rows = rows.concat(batch)`: what it appends.
      const appended = selfAppendElem(fx, e, (n) => n.type === 'Identifier' && fx.refBinding.get(n) === b, d);
      if (appended !== null) f = appended === 'unknown' ? undefined : { t: 'list', elem: appended };
      else f = fx.factOf(e, d);
    } else {
      f = defFact(fx, b, def, d);
      // `function load(p, out = [])`: a parameter that defaults to an empty container is filled like one (what
      // its callers pass joins what is added to it here).
      const p = def.k === 'param' && !def.path.length ? def.fn.params[def.index] : undefined;
      const kind = p?.type === 'AssignmentPattern' ? emptyContainerKind(fx, unwrap(p.right), b.refs) : undefined;
      if (kind) {
        container = joinContainerKind(container, kind);
        if (f?.t === 'list' && !f.elem) continue;
      }
    }
    if (!f) unknown = true;
    else facts.push(f);
  }
  if (container) {
    const added = addedElemFact(fx, b.refs, d);
    const flags = container === 'map' ? { map: true } : container === 'set' ? { set: true } : {};
    if (added === 'unknown') return facts.length ? undefined : { t: 'list', ...flags };
    facts.push({ t: 'list', elem: added, ...flags });
  }
  if (unknown) return undefined;
  return withFieldWrites(fx, b, startsAsText ? textJoin(facts) : joinAssigned(facts), d);
}

/** A name that starts as several empty containers (`s = new Set()`, later `s = []`): a Map wins, a Set only alone. */
function joinContainerKind(was: 'list' | 'set' | 'map' | undefined, kind: 'list' | 'set' | 'map'): 'list' | 'set' | 'map' {
  if (was === 'map' || kind === 'map') return 'map';
  return was === undefined || was === kind ? kind : 'list';
}

/**
 * What a variable that starts as a string literal holds (`let max = ''`, later `max = field`): the data text
 * assigned to it, when every other value is text or a number (the literal is text either way); unknown otherwise.
 */
export function textJoin(facts: readonly Fact[]): Fact | undefined {
  const joined = joinAssigned(facts);
  return joined?.t === 'text' ? joined : undefined;
}

/**
 * What a variable or field assigned several values holds: text if any assignment is data text and the rest
 * are numbers (`let max = 0; … max = field`: the bug shows once the text is there), a list that says what
 * it holds over an empty one, else the common kind.
 */
export function joinAssigned(facts: readonly Fact[]): Fact | undefined {
  if (!facts.length) return undefined;
  if (facts.length === 1) return facts[0];
  const text = facts.find((f) => f.t === 'text');
  if (text && facts.every((f) => f.t === 'text' || f.t === 'num')) return text;
  if (facts.every((f) => f.t === 'num')) return NUM;
  if (facts.every((f) => f.t === 'list')) return facts.find((f) => f.t === 'list' && f.elem) ?? facts[0];
  return facts.every((f) => f.t === facts[0].t) ? facts[0] : undefined;
}

/**
 * What iterating an array literal gives: its elements' facts joined like assignments, position by position
 * for tuples and field by field for records, so `[[1, 2], [f[1], f[2]]]` iterates pairs that may hold text
 * (the first element alone would say numbers). A field one record lacks takes the others' fact.
 */
export function joinElements(facts: readonly Fact[]): Fact | undefined {
  if (facts.length <= 1) return facts[0];
  // JSON values are their own elements: joined, they stay one, without recursing.
  if (facts.every((f) => f === facts[0]) || facts.every((f) => f.t === 'list' && f.json)) return facts[0];
  const known = (fs: (Fact | undefined)[]): Fact | undefined => (fs.every((f): f is Fact => !!f) ? joinElements(fs) : undefined);
  if (facts.every((f) => f.t === 'list')) {
    const lists = facts as (Fact & { t: 'list' })[];
    const n = lists[0].items?.length;
    const items = n !== undefined && lists.every((l) => l.items?.length === n) ? Array.from({ length: n }, (_, i) => known(lists.map((l) => l.items?.[i]))) : undefined;
    return { ...lists[0], elem: known(lists.map((l) => l.elem)), items };
  }
  if (facts.every((f) => f.t === 'obj')) {
    const objs = facts as (Fact & { t: 'obj' })[];
    const props = new Map<string, Fact | undefined>();
    for (const key of new Set(objs.flatMap((o) => [...o.props.keys()]))) {
      const present = objs.filter((o) => o.props.has(key) || o.rest);
      props.set(key, known(present.map((o) => (o.props.has(key) ? o.props.get(key) : o.rest))));
    }
    const rests = objs.filter((o) => o.rest).map((o) => o.rest);
    return { t: 'obj', props, rest: rests.length === objs.length ? known(rests) : undefined };
  }
  return joinAssigned(facts);
}

function defFact(fx: Analysis, b: Binding, def: Def, d: number): Fact | undefined {
  switch (def.k) {
    case 'expr':
      return applyPath(fx, fx.factOf(def.expr, d), def.path);
    case 'iter': {
      const f = fx.factOf(def.expr, d);
      // `for (const [key, value] of map)`: a Map iterates [key, value] pairs; the key is unknown here.
      if (f?.t === 'list' && f.map) {
        const first = def.path[0];
        return first && 'index' in first && first.index === 1 ? applyPath(fx, f.elem, def.path.slice(1)) : undefined;
      }
      return applyPath(fx, f?.t === 'list' ? f.elem : undefined, def.path);
    }
    case 'import':
      return { t: 'mod', source: def.source, path: def.imported === 'default' || def.imported === '*' ? [] : [def.imported] };
    case 'fn':
      return { t: 'fn', fn: def.fn };
    case 'param':
      if ((b.name === 'req' || b.name === 'request') && def.path.length === 0) return httpRequestFact();
      // Koa: `ctx.query`, `ctx.params`, `ctx.request.query`.
      if (b.name === 'ctx' && def.path.length === 0) {
        const req = httpRequestFact();
        return { t: 'obj', props: new Map<string, Fact | undefined>([...req.props, ['request', req]]) };
      }
      return applyPath(fx, fx.paramFact(def.fn, def.index, d), def.path) ?? (def.path.length === 0 ? annotatedInstance(fx, b) : undefined);
    default:
      return undefined;
  }
}

function applyPath(fx: Analysis, f: Fact | undefined, path: Step[]): Fact | undefined {
  let cur = f;
  for (const s of path) {
    if (!cur) return undefined;
    if ('rest' in s) continue;
    if (cur.t === 'list' && 'key' in s && (s.key === 'length' || (cur.match && s.key === 'index'))) cur = NUM;
    else if (cur.t === 'list' && 'key' in s && cur.match && s.key === 'input') return undefined;
    else if (cur.t === 'list') cur = 'index' in s ? itemAt(cur, s.index) : cur.elem;
    else if (cur.t === 'obj' && 'key' in s) cur = cur.props.has(s.key) ? cur.props.get(s.key) : cur.rest;
    else if (cur.t === 'obj' && 'index' in s) cur = cur.props.get(String(s.index)); // a [key, value] pair
    else if (cur.t === 'mod' && 'key' in s) cur = { t: 'mod', source: cur.source, path: [...cur.path, s.key] };
    else return undefined;
  }
  return cur;
}

/** `new C()` of a class declared in this file: an instance whose fields are C's `this.x` slots. */
function classInstance(fx: Analysis, callee: Node): Fact | undefined {
  if (callee.type !== 'Identifier') return undefined;
  const b = fx.refBinding.get(callee);
  const cls = b?.kind === 'class' ? fx.parents.get(b.id) : undefined;
  return cls?.type === 'ClassDeclaration' ? { t: 'inst', cls } : undefined;
}

/**
 * `this` inside a (non-static) method or field initialiser of a class declared here: an instance of it. So a
 * fluent method's `return this` gives the instance, and `new Log(f).load().slowSteps(n)` reaches slowSteps's
 * call sites as `log.slowSteps(n)` does. Arrow functions see their enclosing `this`; any other function has its own.
 */
function thisInstance(fx: Analysis, n: TSESTree.ThisExpression): Fact | undefined {
  let cur: Node = n;
  for (let p = fx.parents.get(cur); p; cur = p, p = fx.parents.get(cur)) {
    if (p.type === 'PropertyDefinition' && p.value === cur) return p.static ? undefined : classOfMember(fx, p);
    if (p.type !== 'FunctionExpression' && p.type !== 'FunctionDeclaration') continue;
    const def = fx.parents.get(p);
    return def?.type === 'MethodDefinition' && !def.static ? classOfMember(fx, def) : undefined;
  }
  return undefined;
}

function classOfMember(fx: Analysis, member: Node): Fact | undefined {
  const body = fx.parents.get(member);
  const cls = body && fx.parents.get(body);
  return cls?.type === 'ClassDeclaration' ? { t: 'inst', cls } : undefined;
}

/**
 * A parameter annotated with a class of this file (`ledger: Ledger`) and no call site to say more: an
 * instance of it. The annotation names which methods a call reaches, not what any field holds (those still
 * come from the class's own assignments), so it is not taken as a conversion.
 */
function annotatedInstance(fx: Analysis, b: Binding): Fact | undefined {
  const t = b.id.typeAnnotation?.typeAnnotation;
  if (t?.type !== 'TSTypeReference' || t.typeName.type !== 'Identifier') return undefined;
  const cls = fx.refBinding.get(t.typeName) ?? fx.moduleVars.get(t.typeName.name);
  const node = cls?.kind === 'class' ? fx.parents.get(cls.id) : undefined;
  return node?.type === 'ClassDeclaration' ? { t: 'inst', cls: node } : undefined;
}

/** The value a promise executor resolves with: what every `resolve(v)` call passes, when they agree. */
function promiseExecutorFact(fx: Analysis, executor: Node | undefined, d: number): Fact | undefined {
  if (!executor || (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression')) return undefined;
  const resolve = executor.params[0];
  return resolve?.type === 'Identifier' ? argsPassedTo(fx, resolve, 0, d) : undefined;
}
