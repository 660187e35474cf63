// The value evaluator: what an expression holds (Fact), by node type, and what a binding holds (the join
// of its definitions: initialiser, later assignments, `for…of` element, parameter, import). TypeScript
// assertions and annotations are transparent: `x as Row`, `x!`, `x satisfies T` and `<T>x` hold what `x`
// holds, whatever the type claims. Memoisation and the cycle/depth guard live in facts.ts (factOf).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { ARITH_OPS, NUM, propName, unwrap } from './factTypes';
import type { Binding, Def, Fact, Node, Step } from './factTypes';
import { globalFact, httpRequestFact } from './libraryModel';

export function evaluate(fx: Analysis, n: Node, d: number): Fact | undefined {
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'number' || typeof n.value === 'bigint' ? NUM : undefined;
    case 'Identifier':
      return identifierFact(fx, n, d);
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
      return undefined;
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
      return n.operator === '=' ? fx.factOf(n.right, d) : undefined;
    case 'SequenceExpression':
      return fx.factOf(n.expressions[n.expressions.length - 1], d);
    case 'ArrayExpression': {
      if (n.elements.length === 1 && n.elements[0]?.type === 'SpreadElement') return fx.factOf(n.elements[0].argument, d);
      let elem: Fact | undefined;
      for (const e of n.elements) {
        if (!e) continue;
        const ef = e.type === 'SpreadElement' ? (fx.factOf(e.argument, d) as { elem?: Fact } | undefined)?.elem : fx.factOf(e, d);
        if (!ef) return { t: 'list' };
        elem = elem ?? ef;
      }
      return { t: 'list', elem };
    }
    case 'ObjectExpression': {
      const props = new Map<string, Fact | undefined>();
      for (const p of n.properties) {
        if (p.type !== 'Property' || p.computed) continue;
        const k = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
        if (k !== undefined && p.value.type !== 'AssignmentPattern') props.set(k, fx.factOf(p.value, d));
      }
      return { t: 'obj', props };
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
  if (b?.t === 'num' && (a === undefined || a.t === 'num')) return NUM; // `x ?? 0`: meant as a number
  if (a?.t === 'list' && b?.t === 'list') return a.elem ? a : b;
  if (a?.t === 'list' && right.type === 'ArrayExpression' && right.elements.length === 0) return a;
  return a && b && a.t === b.t ? a : undefined;
}

function identifierFact(fx: Analysis, id: TSESTree.Identifier, d: number): Fact | undefined {
  const b = fx.refBinding.get(id) ?? fx.declBinding.get(id);
  if (!b) return globalFact(id.name);
  return fx.bindingFact(b, d);
}

export function computeBindingFact(fx: Analysis, b: Binding, d: number): Fact | undefined {
  const facts: Fact[] = [];
  let unknown = false;
  let emptyList = false;
  let map = false;
  for (const def of b.defs) {
    if (def.k === 'opaque') {
      if (b.kind === 'let' || b.kind === 'var') continue; // declared without value, assigned later
      return undefined;
    }
    if (def.k === 'expr' && def.path.length === 0) {
      const e = unwrap(def.expr);
      if (e.type === 'Literal' && (e.value === null)) continue;
      if (e.type === 'Identifier' && e.name === 'undefined') continue;
      // `[]` and `new Map()` start empty: what they hold is what is pushed or `set` into them later.
      if ((e.type === 'ArrayExpression' && e.elements.length === 0) || isNewEmptyMap(fx, e)) {
        emptyList = true;
        map ||= e.type === 'NewExpression';
        continue;
      }
    }
    const f = defFact(fx, b, def, d);
    if (!f) unknown = true;
    else facts.push(f);
  }
  if (emptyList) {
    const pushed = addedElemFact(fx, b.refs, d);
    if (pushed === 'unknown') return facts.length ? undefined : { t: 'list' };
    facts.push(map ? { t: 'list', elem: pushed, map } : { t: 'list', elem: pushed });
  }
  if (unknown || !facts.length) return undefined;
  if (facts.length === 1) return facts[0];
  const text = facts.find((f) => f.t === 'text');
  if (text && facts.every((f) => f.t === 'text' || f.t === 'num')) return text;
  if (facts.every((f) => f.t === 'num')) return NUM;
  if (facts.every((f) => f.t === 'list')) return facts.find((f) => f.t === 'list' && f.elem) ?? facts[0];
  return facts.every((f) => f.t === facts[0].t) ? facts[0] : undefined;
}

/**
 * Element fact of everything added through `refs` (the reads of a list or Map variable or class field):
 * `rows.push(r)`, `rows.unshift(r)`, `rows[i] = r`, `m.set(k, v)`; 'unknown' if any added value is unknown.
 */
export function addedElemFact(fx: Analysis, refs: readonly Node[], d: number): Fact | undefined | 'unknown' {
  let elem: Fact | undefined;
  for (const ref of refs) {
    const p = fx.parents.get(ref);
    if (p?.type === 'MemberExpression' && p.object === ref) {
      const m = propName(p);
      const call = fx.parents.get(p);
      // A Map is modelled as a list of its values: `m.set(k, v)` adds `v`, `m.get(k)` reads one.
      if (m === 'set' && call?.type === 'CallExpression' && call.callee === p && call.arguments.length === 2) {
        const f = fx.factOf(call.arguments[1], d);
        if (!f) return 'unknown';
        elem = elem ?? f;
      } else if ((m === 'push' || m === 'unshift') && call?.type === 'CallExpression' && call.callee === p) {
        for (const a of call.arguments) {
          const f = a.type === 'SpreadElement' ? (fx.factOf(a.argument, d) as { elem?: Fact } | undefined)?.elem : fx.factOf(a, d);
          if (!f) return 'unknown';
          elem = elem ?? f;
        }
      } else if (p.computed && fx.parents.get(p)?.type === 'AssignmentExpression' && (fx.parents.get(p) as TSESTree.AssignmentExpression).left === p) {
        const f = fx.factOf((fx.parents.get(p) as TSESTree.AssignmentExpression).right, d);
        if (!f) return 'unknown';
        elem = elem ?? f;
      }
    }
  }
  return elem;
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
      return applyPath(fx, fx.paramFact(def.fn, def.index, d), def.path);
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
    else if (cur.t === 'list') cur = cur.elem;
    else if (cur.t === 'obj' && 'key' in s) cur = cur.props.get(s.key);
    else if (cur.t === 'mod' && 'key' in s) cur = { t: 'mod', source: cur.source, path: [...cur.path, s.key] };
    else return undefined;
  }
  return cur;
}

/** `new Map()` (no initial entries) of the global Map. */
export function isNewEmptyMap(fx: Analysis, e: Node): boolean {
  return e.type === 'NewExpression' && e.callee.type === 'Identifier' && e.callee.name === 'Map' && !fx.refBinding.has(e.callee) && e.arguments.length === 0;
}
