// How deep a JS/TS tree can be before typescript-estree's parser and @typescript-eslint/scope-manager's
// analyze (both recursive) run out of stack, as shipped (dist/jsParser.js), in this process's default stack
// (the CLI's main thread; VS Code's extension host is forked with the same default) and in a worker thread
// with Node's default 4 MB (the CLI's lint workers). Depths are levels of estree nesting; scopes.ts refuses
// trees deeper than MAX_ANALYSED_DEPTH before analyze runs, so this is the margin that bound leaves.
//
//   node esbuild.mjs && node bench/jsScopeDepth.mjs
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { parse, analyze } = require(path.join(root, 'dist/jsParser.js'));

const L = { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } };
const R = [0, 1];
const at = (o) => ({ ...o, loc: L, range: R });
const id = () => at({ type: 'Identifier', name: 'a' });
const stmt = (e) => [at({ type: 'ExpressionStatement', expression: e })];
// Each shape: its source text at `n` units, the same tree built without recursion, estree levels per unit.
const shapes = {
  'nested if blocks': { text: (n) => 'if (a) {\n'.repeat(n) + '}\n'.repeat(n), per: 2, tree: (n) => { let b = at({ type: 'BlockStatement', body: [] }); for (let i = 0; i < n; i++) b = at({ type: 'BlockStatement', body: [at({ type: 'IfStatement', test: id(), consequent: b, alternate: null })] }); return b.body; } },
  'nested arrays': { text: (n) => '['.repeat(n) + ']'.repeat(n) + ';', per: 1, tree: (n) => { let e = at({ type: 'ArrayExpression', elements: [] }); for (let i = 0; i < n; i++) e = at({ type: 'ArrayExpression', elements: [e] }); return stmt(e); } },
  'call arguments': { text: (n) => 'f('.repeat(n) + 'a' + ')'.repeat(n) + ';', per: 1, tree: (n) => { let e = id(); for (let i = 0; i < n; i++) e = at({ type: 'CallExpression', callee: id(), arguments: [e], optional: false }); return stmt(e); } },
  'a + a + … chain': { text: (n) => 'a' + ' + a'.repeat(n) + ';', per: 1, tree: (n) => { let e = id(); for (let i = 0; i < n; i++) e = at({ type: 'BinaryExpression', operator: '+', left: e, right: id() }); return stmt(e); } },
  'nested arrows': { text: (n) => '() => '.repeat(n) + '1;', per: 1, tree: (n) => { let e = at({ type: 'Literal', value: 1, raw: '1' }); for (let i = 0; i < n; i++) e = at({ type: 'ArrowFunctionExpression', params: [], body: e, expression: true, async: false, generator: false, id: null }); return stmt(e); } },
};

const fits = (f) => {
  try {
    f();
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
};
/** The largest n for which test(n) holds (monotone), to within 1%. */
function largest(test) {
  let lo = 1;
  let hi = 2;
  while (test(hi)) [lo, hi] = [hi, hi * 2];
  while (hi - lo > Math.max(1, lo / 100)) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
function measure() {
  const rows = [];
  for (const [name, s] of Object.entries(shapes)) {
    const parsed = largest((n) => fits(() => parse(s.text(n), { loc: true, range: true, filePath: 'deep.ts' }))) * s.per;
    const analysed = largest((n) => fits(() => analyze(at({ type: 'Program', sourceType: 'module', body: s.tree(n), comments: [], tokens: [] }), { sourceType: 'module', lib: [] }))) * s.per;
    rows.push({ name, parsed, analysed });
  }
  return rows;
}

if (!isMainThread) parentPort.postMessage(measure());
else {
  const print = (where, rows) => {
    console.log(`\n${where}: deepest tree (estree levels) that fits`);
    console.log('shape'.padEnd(20) + 'parse'.padStart(8) + 'analyze'.padStart(10));
    for (const r of rows) console.log(r.name.padEnd(20) + String(r.parsed).padStart(8) + String(r.analysed).padStart(10));
  };
  print('main thread, default stack (CLI, extension host)', measure());
  const w = new Worker(fileURLToPath(import.meta.url));
  print('worker thread, default 4 MB stack (CLI lint workers)', await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject)));
  await w.terminate();
}
