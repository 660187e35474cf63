// JS/TS lint throughput on a large real JS corpus: the .js files of the installed packages under
// node_modules (minified and generated files skipped, as the linter itself skips them).
//
//   node esbuild.mjs && node bench/jsLint.mjs [--max-lines 300000] [--runs 3]
//
// It measures the code as shipped: the JS front end bundled by esbuild (into dist/_jsLintBench.js, beside
// the dist/jsParser.js bundle it loads at run time, exactly as dist/extension.js does). Prints: cold first load of the parser bundle (dist/jsParser.js, fresh processes), its size, and lines/s
// for parse only vs parse + value facts + all rules (warm, in one process, best of runs, interleaved).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxLines = opt('--max-lines', 400000);
const runs = opt('--runs', 3);

const bundle = path.join(root, 'dist/jsParser.js');
if (!fs.existsSync(bundle)) {
  console.error(`missing ${bundle}: run \`node esbuild.mjs\` first`);
  process.exit(2);
}
const benchBundle = path.join(root, 'dist/_jsLintBench.js');
const esbuild = await import('esbuild');
await esbuild.build({
  stdin: {
    contents: "export { lintJs } from './extension/src/core/lint/js/index'; export { parseJs } from './extension/src/core/lint/js/parser'; export { looksMinified } from './extension/src/core/lint/js/minified';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  outfile: benchBundle,
  logLevel: 'warning',
});
const { parseJs, lintJs, looksMinified } = require(benchBundle);

function collect() {
  const files = [];
  let lines = 0;
  const stack = [path.join(root, 'node_modules')];
  const dirs = [];
  while (stack.length) {
    const dir = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.bin' && e.name !== '.cache') dirs.push(p);
      } else if (e.name.endsWith('.js') && !e.name.endsWith('.min.js')) files.push(p);
    }
    while (dirs.length) stack.push(dirs.pop());
  }
  const picked = [];
  for (const f of files.sort()) {
    if (lines >= maxLines) break;
    const st = fs.statSync(f);
    if (st.size > 2 * 1024 * 1024 || st.size < 200) continue;
    const text = fs.readFileSync(f, 'utf8');
    if (looksMinified(text)) continue;
    try {
      parseJs(text, f);
    } catch {
      continue; // Flow or other non-standard syntax: not part of the measured corpus
    }
    const n = text.split('\n').length;
    picked.push({ f, text, n });
    lines += n;
  }
  return { picked, lines };
}

/** Best of N: on a shared machine the fastest run is the one least disturbed by other processes. */
function best(xs) {
  return Math.min(...xs);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// 1. Cold first load, each in a fresh Node process (what the first JS file in a session pays).
const loads = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync(process.execPath, ['-e', `const t=performance.now();const m=require(${JSON.stringify(bundle)});const t1=performance.now();m.parse('const a = 1;',{loc:true,range:true,filePath:'a.ts'});console.log(JSON.stringify({load:t1-t,firstParse:performance.now()-t1}))`], { encoding: 'utf8' });
  loads.push(JSON.parse(r.stdout));
}
const size = fs.statSync(bundle).size;
const gz = zlib.gzipSync(fs.readFileSync(bundle)).length;
console.log(`parser bundle dist/jsParser.js: ${(size / 1e6).toFixed(2)} MB minified, ${(gz / 1e6).toFixed(2)} MB gzip`);
console.log(`cold first load (5 fresh processes): require median ${median(loads.map((l) => l.load)).toFixed(0)} ms (min ${Math.min(...loads.map((l) => l.load)).toFixed(0)}, max ${Math.max(...loads.map((l) => l.load)).toFixed(0)}), first tiny parse +${median(loads.map((l) => l.firstParse)).toFixed(0)} ms`);

// 2. Throughput.
const { picked, lines } = collect();
console.log(`corpus: ${picked.length} .js files from node_modules, ${lines} lines`);
const all = () => true;
let findings = 0;
// Warm-up pass (JIT), not measured.
for (const { f, text } of picked.slice(0, 50)) {
  parseJs(text, f);
  await lintJs({ path: f, text, isEnabled: all });
}
const parseTimes = [];
const lintTimes = [];
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  for (const { f, text } of picked) parseJs(text, f);
  parseTimes.push(performance.now() - t);
  t = performance.now();
  findings = 0;
  for (const { f, text } of picked) findings += (await lintJs({ path: f, text, isEnabled: all })).findings.length;
  lintTimes.push(performance.now() - t);
}
// Reference point on the same corpus: tree-sitter's JavaScript grammar (wasm), the parser the Python front end
// uses. It has no TypeScript-level AST (no scopes, no TS types), so this is context, not a target.
let tsTimes = [];
try {
  const wts = require('web-tree-sitter');
  await wts.Parser.init({ locateFile: () => path.join(root, 'node_modules/web-tree-sitter/tree-sitter.wasm') });
  const js = await wts.Language.load(path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm'));
  const parser = new wts.Parser();
  parser.setLanguage(js);
  for (const { text } of picked.slice(0, 50)) parser.parse(text)?.delete();
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const { text } of picked) parser.parse(text)?.delete();
    tsTimes.push(performance.now() - t);
  }
} catch (e) {
  console.log(`tree-sitter reference skipped: ${e.message}`);
}
const p = best(parseTimes);
const l = best(lintTimes);
console.log(`parse only:          ${Math.round(lines / (p / 1000)).toLocaleString('en-US')} lines/s (${(p / 1000).toFixed(2)} s, best of ${runs})`);
fs.rmSync(benchBundle, { force: true });
console.log(`parse + facts+rules: ${Math.round(lines / (l / 1000)).toLocaleString('en-US')} lines/s (${(l / 1000).toFixed(2)} s); rules add ${(((l - p) / p) * 100).toFixed(0)}% over parsing; ${findings} findings`);
if (tsTimes.length) {
  const ts = best(tsTimes);
  console.log(`reference, tree-sitter JS (wasm) parse only: ${Math.round(lines / (ts / 1000)).toLocaleString('en-US')} lines/s; typescript-estree parse is ${(p / ts).toFixed(1)}× its time, full JS lint ${(l / ts).toFixed(1)}×`);
}
