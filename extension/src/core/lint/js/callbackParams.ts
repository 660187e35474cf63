// What a function's parameters hold: callbacks get the element of the list they iterate (forEach, map,
// filter, sort, reduce and its accumulator), stream and library callbacks get records or file text, HTTP
// handlers get text query parameters, and a local helper gets what every in-file call site passes.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis } from './analysis';
import { ELEM_CALLBACK, NUM, NUMERIC_GLOBAL_CALLS, isStringLiteral, propName, unwrap } from './factTypes';
import type { Call, Fact, Fn, Node } from './factTypes';
import { argsPassedTo, callSiteArgFact, emittedArgFact } from './callSites';
import { PIPELINE_CALLS, STREAM_STAGES, d3RowParam, tabularRecords } from './libraryModel';

/** The fact of parameter `index` of a callback, from the call it is passed to. */
export function paramFact(fx: Analysis, fn: Fn, index: number, d: number): Fact | undefined {
  const parent = fx.parents.get(fn);
  if (parent?.type === 'Property') {
    // Papa.parse(input, { step(results) {...}, complete(results) {...} })
    const obj = fx.parents.get(parent);
    const call = obj && fx.parents.get(obj);
    const key = parent.key.type === 'Identifier' ? parent.key.name : '';
    if (call?.type === 'CallExpression' && call.arguments[1] === obj && index === 0 && (key === 'step' || key === 'complete' || key === 'chunk')) {
      const result = fx.factOf(call, d) ?? papaRecordsFor(fx, call, d);
      const records = result?.t === 'obj' ? result.props.get('data') : result;
      if (records?.t === 'list') {
        return { t: 'obj', props: new Map<string, Fact | undefined>([['data', key === 'step' ? records.elem : records]]) };
      }
    }
    // `new Transform({ transform(rec, enc, cb) {…} })` piped after a parser: `rec` is one of its records.
    if (index === 0 && call?.type === 'NewExpression' && call.arguments[0] === obj && call.callee.type === 'Identifier' && STREAM_STAGES[call.callee.name] === key) return streamStageInput(fx, call, d);
    // `const stats = { add(v) {…} }`: what the calls `stats.add(x)` pass.
    return callSiteArgFact(fx, fn, index, d);
  }
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(fn as TSESTree.Expression)) return callSiteArgFact(fx, fn, index, d);
  return callbackArgFact(fx, parent, parent.arguments.indexOf(fn as TSESTree.Expression), index, d);
}

/**
 * Parameter `index` of a function passed as argument `argIndex` of `parent`, written in place
 * (`rows.forEach((r) => …)`) or by name (`rows.forEach(addRow)`, `rl.on('line', onLine)`).
 */
export function callbackArgFact(fx: Analysis, parent: Call, argIndex: number, index: number, d: number): Fact | undefined {
  const callee = parent.callee;
  if (callee.type === 'MemberExpression') {
    const m = propName(callee);
    const obj = fx.factOf(callee.object, d);
    // `p.then((v) => …)`: `v` is what the promise holds (a promise is modelled as its value).
    if (m === 'then' && argIndex === 0 && index === 0) return obj;
    if (obj?.t === 'list' && argIndex === 0) {
      // (element, index): the index of a known list is a number
      if (m && ELEM_CALLBACK.has(m)) return index === 0 ? obj.elem : index === 1 ? NUM : undefined;
      if (m === 'sort' || m === 'toSorted') return index <= 1 ? obj.elem : undefined;
      if (m === 'reduce' || m === 'reduceRight') {
        if (index === 1) return obj.elem;
        if (index === 2) return NUM;
        if (index === 0 && parent.arguments[1]) return fx.factOf(parent.arguments[1], d);
        // No initial value: it starts as the first element, then holds what the callback returns. A callback that
        // returns a number on some path (`i < 2 ? 0 : acc + x`) makes it a numeric running total, like a 0 start.
        if (index === 0 && parent.arguments.length === 1) return mayReturnNumber(fx, parent.arguments[0]) ? NUM : obj.elem;
      }
      if ((m === 'on' || m === 'once') && obj.stream) return undefined;
    }
    if (obj?.t === 'list' && obj.stream && (m === 'on' || m === 'once' || m === 'addListener') && argIndex === 1 && index === 0) {
      const ev = parent.arguments[0];
      if (isStringLiteral(ev, 'data') || isStringLiteral(ev, 'line') || isStringLiteral(ev, 'record')) return obj.elem;
    }
  }
  // `bus.on('row', (r) => …)`: what this file's `bus.emit('row', rec)` passes.
  if (callee.type === 'MemberExpression' && argIndex === 1 && ['on', 'once', 'addListener', 'prependListener'].includes(propName(callee) ?? '')) {
    const emitted = emittedArgFact(fx, parent, index, d);
    if (emitted) return emitted;
  }
  // `pipeline(src, parse(), async function* (source) { for await (const rec of source) … })`: a function stage
  // iterates what the stage before it gives.
  const stage = index === 0 && argIndex > 0 ? pipelineStageSource(fx, parent, argIndex, d) : undefined;
  if (stage) return stage;
  // A callback handed to a local function: `loadUsage(file, (err, records) => …)` gets what loadUsage passes
  // to its `done` parameter (`done(null, records)`).
  const target = callee.type === 'Identifier' ? fx.factOf(callee, d) : undefined;
  if (target?.t === 'fn') {
    const p = target.fn.params[argIndex];
    return p?.type === 'Identifier' ? argsPassedTo(fx, p, index, d) : undefined;
  }
  // Library callbacks: csv-parse parse(input, opts, (err, records) => …), fs.readFile(p, enc, (err, data) => …).
  const calleeFact = fx.factOf(callee, d);
  const row = d3RowParam(calleeFact, parent, argIndex, index);
  if (row) return row;
  if (calleeFact?.t === 'mod' && argIndex === parent.arguments.length - 1 && index === 1) {
    const name = calleeFact.path.join('.');
    const src = calleeFact.source;
    if ((src === 'fs' || src === 'fs-extra' || src === 'graceful-fs') && name === 'readFile') return { t: 'file', read: parent };
    if ((src === 'csv-parse' || src === 'csv') && (name === 'parse' || name === '') && parent.arguments.length >= 2) {
      const opts = parent.arguments.length >= 3 ? parent.arguments[1] : undefined;
      return tabularRecords(fx.lib, parent, 'csv-parse', opts, false);
    }
  }
  return undefined;
}

function papaRecordsFor(fx: Analysis, call: Call, d: number): Fact | undefined {
  const callee = fx.factOf(call.callee, d);
  if (callee?.t !== 'mod' || callee.source !== 'papaparse' || callee.path.join('.') !== 'parse') return undefined;
  return tabularRecords(fx.lib, call, 'papaparse', call.arguments[1], false);
}

/** `acc` of `xs.reduce((acc, x) => …, init)`: 'numeric' with a numeric init, 'first' with no init (it starts as xs[0]). */
export function reduceAccumulator(fx: Analysis, expr: Node): 'numeric' | 'first' | undefined {
  const e = unwrap(expr);
  if (e.type !== 'Identifier') return undefined;
  const b = fx.refBinding.get(e);
  const def = b?.defs[0];
  if (!b || b.kind !== 'param' || def?.k !== 'param' || def.index !== 0 || def.path.length) return undefined;
  const calls = reduceCallsOf(fx, def.fn);
  if (!calls) return undefined;
  // Passed by name to several reduces (`const add = (acc, r) => …; xs.reduce(add, 0)`): they must agree.
  if (calls.every((c) => c.arguments.length === 1)) return mayReturnNumber(fx, def.fn) ? 'numeric' : 'first';
  return calls.every((c) => c.arguments.length > 1 && fx.isNumeric(c.arguments[1])) ? 'numeric' : undefined;
}

/**
 * The `reduce`/`reduceRight` calls `fn` is the callback of: written in place, or a local function passed by
 * name (`function add(acc, r)`, `const add = (acc, r) => …`) whose every use is such a callback.
 */
function reduceCallsOf(fx: Analysis, fn: Fn): Call[] | undefined {
  const isReduceOf = (call: Node | undefined, arg: Node): call is Call => {
    if (call?.type !== 'CallExpression' || call.arguments[0] !== arg || call.callee.type !== 'MemberExpression') return false;
    const m = propName(call.callee);
    return m === 'reduce' || m === 'reduceRight';
  };
  const parent = fx.parents.get(fn);
  if (isReduceOf(parent, fn)) return [parent];
  const id = fn.type === 'FunctionDeclaration' ? fn.id : parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' ? parent.id : undefined;
  const b = id ? fx.declBinding.get(id) : undefined;
  if (!b?.refs.length || (b.kind !== 'const' && b.kind !== 'function')) return undefined;
  const calls: Call[] = [];
  for (const ref of b.refs) {
    const call = fx.parents.get(ref);
    if (!isReduceOf(call, ref)) return undefined;
    calls.push(call);
  }
  return calls;
}

/** What one chunk of the stream feeding `stage` holds: `src.pipe(stage)`, or the previous stage of a pipeline. */
function streamStageInput(fx: Analysis, stage: TSESTree.NewExpression, d: number): Fact | undefined {
  const p = fx.parents.get(stage);
  if (p?.type !== 'CallExpression') return undefined;
  let src: Node | undefined;
  if (p.callee.type === 'MemberExpression' && propName(p.callee) === 'pipe' && p.arguments[0] === stage) src = p.callee.object;
  else {
    const name = p.callee.type === 'Identifier' ? p.callee.name : p.callee.type === 'MemberExpression' ? propName(p.callee) : undefined;
    const i = p.arguments.indexOf(stage);
    if (name && PIPELINE_CALLS.has(name) && i > 0) src = p.arguments[i - 1];
  }
  const f = src && src.type !== 'SpreadElement' ? fx.factOf(src, d) : undefined;
  return f?.t === 'list' && f.stream ? f.elem : undefined;
}

/**
 * What a function stage of `pipeline(…)` at `argIndex` iterates: the previous stage's records (a parser, a
 * stream), or what a previous generator stage yields. Undefined when the call is not a pipeline.
 */
function pipelineStageSource(fx: Analysis, call: Call, argIndex: number, d: number): Fact | undefined {
  const c = call.callee;
  const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? propName(c) : undefined;
  const prev = call.arguments[argIndex - 1];
  if (!name || !PIPELINE_CALLS.has(name) || !prev || prev.type === 'SpreadElement') return undefined;
  const f = fx.factOf(prev, d);
  if (f?.t === 'fn') {
    const yielded = f.fn.generator ? fx.returnFact(f.fn, d) : undefined;
    return yielded?.t === 'list' ? { ...yielded, stream: true } : undefined;
  }
  return f?.t === 'list' && f.stream ? f : undefined;
}

/** Is `e` a number by its shape alone (a literal, `-1`, `Number(x)`, `parseInt(x)`, `Math.max(…)`)? */
function numberShaped(e: Node): boolean {
  const x = unwrap(e);
  if (x.type === 'Literal') return typeof x.value === 'number';
  if (x.type === 'UnaryExpression') return x.operator === '-' || x.operator === '+';
  if (x.type !== 'CallExpression') return false;
  const c = x.callee;
  if (c.type === 'Identifier') return NUMERIC_GLOBAL_CALLS.has(c.name);
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Math';
}

/** Does a reduce callback return a number on some path (its returns, from the walk's table, through `?:`, `||`, `&&`, `??`)? */
function mayReturnNumber(fx: Analysis, fn: Node | undefined): boolean {
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return false;
  const values = [...(fx.returns.get(fn) ?? [])];
  while (values.length) {
    const v = unwrap(values.pop()!);
    if (v.type === 'ConditionalExpression') values.push(v.consequent, v.alternate);
    else if (v.type === 'LogicalExpression') values.push(v.left, v.right);
    else if (numberShaped(v)) return true;
  }
  return false;
}
