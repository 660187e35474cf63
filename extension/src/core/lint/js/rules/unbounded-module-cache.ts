// MW454: a module-level Map/object cache that is only ever added to.
import type { RuleMeta } from '../../types';
import { combineScales, dataScaleNote, unknownScaleNote, type ScaleAnswer } from '../../scaleAnswer';
import { combineJsLoops, jsDataScale, loopsAround } from '../dataScale';
import { type BindingInfo, type JsRule, type JsRuleContext, type JsVisitors, type Node } from '../ruleContext';
import { ELEM_CALLBACK, propName } from '../factTypes';

const meta: RuleMeta = {
  code: 'MW454',
  name: 'unbounded-module-cache',
  language: 'js',
  family: 4,
  defaultSeverity: 'warning',
  summary: 'A module-level cache is filled inside functions and never evicted.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags a module-level `new Map()` or `{}` named like a cache (`cache`, `memo`, `…Cache`) that functions add to (`.set(k, v)`, `cache[k] = v`) while nothing in the file ever deletes, clears, or checks its size.',
    whyIsThisBad:
      'A module lives as long as the process. In a server or a long batch job every distinct key stays reachable forever, so memory grows with the number of distinct inputs — a classic slow leak that ends in an out-of-memory crash hours later. Bound it: evict when `size` passes a limit, use an LRU, or a `WeakMap` keyed by objects.',
    example: "import readline from 'readline';\nconst cache = new Map();\nfunction lookup(key) {\n  if (!cache.has(key)) cache.set(key, expensive(key));\n  return cache.get(key);\n}\nfunction expensive(k) {\n  return k.repeat(1000);\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) console.log(lookup(line).length);\n",
    useInstead: "import readline from 'readline';\nconst cache = new Map();\nconst MAX = 10_000;\nfunction lookup(key) {\n  if (!cache.has(key)) {\n    if (cache.size >= MAX) cache.delete(cache.keys().next().value);\n    cache.set(key, expensive(key));\n  }\n  return cache.get(key);\n}\nfunction expensive(k) {\n  return k.repeat(1000);\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) console.log(lookup(line).length);\n",
    dataScale: 'The keys come from data: parsed text (records, lines, arguments, request fields) or a loop over parsed records, file lines or a directory listing. Fixed literal keys cannot grow and are not reported, nor keys that are the items of a fixed list or a field of them (`[{ input: \'./a.js\' }, …].map((p) => { cache[p.input] = … })`, `for (const n of NAMES)` over a `const` literal array); when the keys cannot be traced (a parameter of a function that no call in the file passes data, exported or not), the finding is information only and says so.',
    fixSafety: 'No automatic fix: the right bound depends on the workload.',
  },
};

const CACHE_WORDS = ['cache', 'memo', 'memoized', 'cached'];

function isCacheName(name: string): boolean {
  const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_$]+/);
  return parts.some((p) => CACHE_WORDS.includes(p));
}

function insideFunction(ctx: JsRuleContext, n: Node): boolean {
  for (let p = ctx.facts.parent(n); p; p = ctx.facts.parent(p)) {
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') return true;
  }
  return false;
}

/** How the binding is used: 'grow' (set/assign inside a function), 'bound' (delete/clear/size/reassign), or neither; `keys` are the keys it grows by. */
function classify(ctx: JsRuleContext, b: BindingInfo): { grows: boolean; bounded: boolean; keys: Node[] } {
  let grows = false;
  const keys: Node[] = [];
  let bounded = b.assignments.length > 0;
  for (const r of b.refs) {
    const p = ctx.facts.parent(r);
    if (p?.type === 'MemberExpression' && p.object === r) {
      const name = !p.computed && p.property.type === 'Identifier' ? p.property.name : undefined;
      const gp = ctx.facts.parent(p);
      if (name && ['delete', 'clear', 'size', 'length'].includes(name)) bounded = true;
      else if (name === 'set' && gp?.type === 'CallExpression' && insideFunction(ctx, p)) {
        grows = true;
        if (gp.arguments[0]) keys.push(gp.arguments[0]);
      } else if (gp?.type === 'AssignmentExpression' && gp.left === p && p.computed && insideFunction(ctx, p)) {
        grows = true;
        keys.push(p.property);
      }
      else if (gp?.type === 'UnaryExpression' && gp.operator === 'delete') bounded = true;
    } else if (p?.type === 'CallExpression' && p.callee.type === 'MemberExpression' && p.callee.object.type === 'Identifier' && p.callee.object.name === 'Object' && p.callee.property.type === 'Identifier' && p.callee.property.name === 'keys') {
      bounded = true; // Object.keys(cache).length checks
    } else if (p?.type === 'CallExpression' && p.callee.type === 'MemberExpression' && p.callee.object.type === 'Identifier' && p.callee.object.name === 'Object' && p.callee.property.type === 'Identifier' && ['entries', 'values'].includes(p.callee.property.name)) {
      // `Object.entries(cache).filter(…)`: reading every entry is neither a size check nor an eviction
    } else if (p?.type === 'BinaryExpression' && p.operator === 'in' && p.right === r) {
      // `key in cache`: a membership read, neither a size check nor a hand-off
    } else if (p && p.type !== 'MemberExpression') {
      bounded = true; // handed elsewhere: someone else may evict
    }
  }
  return { grows, bounded, keys };
}

/**
 * The loop whose item the key is (`p`, `p.input`, `p['id']`): the first parameter of a `forEach`/`map`/… callback
 * written in place, or a `for…of` variable, never reassigned. Such a key takes at most as many values as the loop
 * has turns, whatever loops sit around it.
 */
function itemLoop(ctx: JsRuleContext, key: Node): Node | undefined {
  let e = key;
  while (e.type === 'MemberExpression' && (!e.computed || e.property.type === 'Literal')) e = e.object;
  if (e.type !== 'Identifier') return undefined;
  const b = ctx.facts.binding(e);
  if (!b || b.assignments.length > 0) return undefined;
  const decl = ctx.facts.parent(b.id);
  if (b.kind === 'param' && (decl?.type === 'ArrowFunctionExpression' || decl?.type === 'FunctionExpression') && decl.params[0] === b.id) {
    const call = ctx.facts.parent(decl);
    if (call?.type === 'CallExpression' && call.arguments[0] === decl && call.callee.type === 'MemberExpression' && ELEM_CALLBACK.has(propName(call.callee) ?? '')) return call;
  }
  if (decl?.type === 'VariableDeclarator' && decl.id === b.id) {
    const vd = ctx.facts.parent(decl);
    const loop = vd && ctx.facts.parent(vd);
    if (loop?.type === 'ForOfStatement' && loop.left === vd) return loop;
  }
  return undefined;
}

/** Data-scale when a key is parsed text or is added once per element of a data loop; bounded when it is an item of a fixed list. */
function keysScale(ctx: JsRuleContext, keys: Node[]): ScaleAnswer {
  const ds = jsDataScale(ctx.facts, ctx.textOf);
  return combineScales(
    keys.map((k): ScaleAnswer => {
      if (k.type === 'Literal' || (k.type === 'TemplateLiteral' && k.expressions.length === 0)) return { scale: 'bounded', why: 'a fixed key' };
      // `[{ input: './a.js' }, …].map((plugin) => { cache[plugin.input] = … })`: one key per item of a literal list.
      const items = itemLoop(ctx, k);
      const itemsScale = items && ds.ofLoop(items);
      if (itemsScale?.scale === 'bounded') return { scale: 'bounded', why: `a key per item of ${itemsScale.why}` };
      const origin = ctx.facts.textOrigin(k);
      if (origin) return { scale: 'data', source: `keys from ${origin.what}` };
      const loops = loopsAround(ctx.facts, k);
      const a = loops.length ? combineJsLoops(ds, loops) : undefined;
      return a?.scale === 'data' ? { scale: 'data', source: `a key per element of ${a.source}` } : { scale: 'unknown', why: 'its keys come from callers Memwise cannot see' };
    }),
  );
}

type MessageId = 'neverEvicted';

export const unboundedModuleCache: JsRule<MessageId> = {
  meta,
  messages: {
    neverEvicted:
      '`{{name}}` is a module-level {{kind}} that functions add to but nothing ever evicts: it holds every distinct key for the life of the process. Bound it (evict past a size limit, an LRU, or a WeakMap).{{scaleNote}}',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    let moduleLevel: Set<BindingInfo> | undefined;
    return {
      // Each declaration is checked by its syntax first (a cache name, `new Map()` or `{}`), so a file without
      // one never needs its bindings resolved; then it must be a module-level binding's first declaration.
      VariableDeclarator(d) {
        if (d.id.type !== 'Identifier' || !isCacheName(d.id.name) || !d.init) return;
        const init = d.init;
        const isMap = init.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Map';
        const isObj = init.type === 'ObjectExpression' && init.properties.length === 0;
        if (!isMap && !isObj) return;
        moduleLevel ??= new Set(ctx.facts.moduleBindings());
        const b = ctx.facts.binding(d.id);
        if (!b || b.id !== d.id || b.init !== init || !moduleLevel.has(b)) return;
        if (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') return;
        const { grows, bounded, keys } = classify(ctx, b);
        if (!grows || bounded) return;
        const scale = keysScale(ctx, keys);
        if (scale.scale === 'bounded') return; // a fixed set of keys cannot grow
        ctx.report({
          node: b.id,
          scale: scale.scale === 'data' ? 'data' : 'unknown',
          messageId: 'neverEvicted',
          data: { name: b.name, kind: isMap ? 'Map' : 'object', scaleNote: scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale.scale === 'unknown' ? scale : { why: 'its keys could not be traced' }) },
        });
      },
    };
  },
};
