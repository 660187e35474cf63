// Notebook re-lint latency in the editor: a notebook of about 5,000 lines of code in 100 cells, re-linted
// after one-character edits in one cell through lintNotebookCells (what notebookLintFeature.ts calls on each
// change, with every cell's text as a new string as getText() gives it: mask magics, build the program,
// incremental re-parse from the previous state, map findings back to cells). Beside it, the same code as one
// script through lintText, so the notebook overhead shows.
//
//   npm run bench -- notebookLint        (or, after a build: node bench/notebookLint.mjs [--edits 300])
//   node bench/notebookLint.mjs --against ../other-checkout   (paired with another build: the same edits through both)
//
// Corpus: the first 100 files of the CPython standard library (outside test folders) with 30–80 lines each, one
// file per cell; the first cell starts with `%matplotlib inline` and every tenth cell with a `!ls` shell escape.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const editsWanted = args.includes('--edits') ? Number(args[args.indexOf('--edits') + 1]) : 300;
const against = args.includes('--against') ? path.resolve(args[args.indexOf('--against') + 1]) : undefined;

const out = path.join(root, 'out/extension/src/core');
if (!fs.existsSync(path.join(out, 'notebook/notebookLint.js'))) {
  console.log('building out/ (node esbuild.mjs --tests)…');
  spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--tests'], { cwd: root, stdio: 'inherit' });
}
const { lintNotebookCells } = require(path.join(out, 'notebook/notebookLint.js'));
const { lintText } = require(path.join(out, 'lint/engine.js'));
const { defaultConfig } = require(path.join(out, 'lint/config.js'));

function findStdlib() {
  const cands = [process.env.STDLIB_DIR, '/root/.pyenv/versions/3.11.7/lib/python3.11', '/usr/lib/python3.11', '/usr/lib/python3.12'];
  for (const c of cands) if (c && fs.existsSync(path.join(c, 'os.py'))) return c;
  return spawnSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).stdout.trim();
}

function smallFiles(dir, want) {
  const found = [];
  const stack = [dir];
  while (stack.length && found.length < want) {
    const d = stack.shift();
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!/^(test|tests|idle_test|site-packages|__pycache__)$/.test(e.name)) stack.push(p);
      } else if (e.name.endsWith('.py')) {
        const text = fs.readFileSync(p, 'utf8').replace(/\r\n?/g, '\n').trimEnd();
        const n = text.split('\n').length;
        if (n >= 30 && n <= 80 && found.length < want) found.push(text);
      }
    }
  }
  return found;
}

const stdlib = findStdlib();
const sources = smallFiles(stdlib, 100);
const cells = sources.map((s, i) => ({ index: i, kind: 'code', source: (i === 0 ? '%matplotlib inline\n' : i % 10 === 0 ? '!ls\n' : '') + s }));
const lines = cells.reduce((n, c) => n + c.source.split('\n').length, 0);
console.log(`notebook: ${cells.length} code cells, ${lines} lines (from ${stdlib}), all rules`);

const config = defaultConfig();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

// Full lint (opening the notebook), for scale.
const full = [];
for (let i = 0; i < 15; i++) {
  const s = performance.now();
  const r = await lintNotebookCells({ path: 'bench.ipynb', cells, config });
  full.push(performance.now() - s);
  r.state?.dispose?.();
}
console.log(`open: full lint of the notebook median ${median(full.slice(5)).toFixed(1)} ms`);

/**
 * Typing in one cell: insert a character at a random place, the next edit removes it again. With two builds
 * (--against), each edit goes through both, in alternating order, so a change of load falls on both alike.
 */
async function notebookRun(builds = [{ lint: lintNotebookCells, config }]) {
  let current = cells;
  const prev = [];
  for (const b of builds) prev.push(await b.lint({ path: 'bench.ipynb', cells: current, config: b.config }));
  const runs = builds.map(() => ({ wall: [], cpu: [] }));
  let undo;
  for (let i = 0; i < editsWanted + 20; i++) {
    let next;
    if (undo) {
      next = current.map((c) => (c.index === undo.cell ? { ...c, source: undo.source } : c));
      undo = undefined;
    } else {
      const cell = Math.floor(rand() * current.length);
      const src = current[cell].source;
      const at = Math.floor(rand() * (src.length + 1));
      undo = { cell, source: src };
      next = current.map((c) => (c.index === cell ? { ...c, source: src.slice(0, at) + (i % 4 < 2 ? 'x' : ' ') + src.slice(at) } : c));
    }
    // The adapter reads every cell with cell.document.getText(), a new string each time (VS Code joins the lines).
    const input = next.map((c) => ({ ...c, source: c.source.split('\n').join('\n') }));
    const order = builds.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const s = performance.now();
      const c = process.cpuUsage();
      prev[k] = await builds[k].lint({ path: 'bench.ipynb', cells: input, config: builds[k].config, previous: prev[k] });
      runs[k].wall.push(performance.now() - s);
      runs[k].cpu.push(cpuMs(c));
    }
    current = next;
  }
  for (const p of prev) p.state?.dispose?.();
  return runs.map((r) => ({ wall: r.wall.slice(20), cpu: r.cpu.slice(20) }));
}

/** The same code as one script, the same edits, through lintText (the script path in the editor). */
async function scriptRun() {
  let text = cells.map((c) => c.source.replace(/^[%!].*$/gm, 'pass')).join('\n');
  let prev = await lintText({ path: 'bench.py', text, config });
  const times = [];
  const cpu = [];
  let undo;
  for (let i = 0; i < editsWanted + 20; i++) {
    let next;
    let edit;
    if (undo !== undefined) {
      next = text.slice(0, undo) + text.slice(undo + 1);
      edit = charEdit(text, undo, -1);
      undo = undefined;
    } else {
      const at = Math.floor(rand() * (text.length + 1));
      undo = at;
      next = text.slice(0, at) + (i % 4 < 2 ? 'x' : ' ') + text.slice(at);
      edit = charEdit(text, at, 1);
    }
    const s = performance.now();
    const c = process.cpuUsage();
    const r = await lintText({ path: 'bench.py', text: next, config, previous: prev.state, edits: [edit] });
    times.push(performance.now() - s);
    cpu.push(cpuMs(c));
    if (prev.state !== r.state) prev.state?.dispose?.();
    prev = r;
    text = next;
  }
  prev.state?.dispose?.();
  return { wall: times.slice(20), cpu: cpu.slice(20) };
}

/** The editor's edit for one character inserted (+1) or removed (-1) at `at` (as VS Code reports it). */
function charEdit(text, at, delta) {
  const before = text.slice(0, at);
  const row = before.split('\n').length - 1;
  const column = at - (before.lastIndexOf('\n') + 1);
  const start = { row, column };
  const grown = { row, column: column + 1 };
  return delta > 0
    ? { startIndex: at, oldEndIndex: at, newEndIndex: at + 1, startPosition: start, oldEndPosition: start, newEndPosition: grown }
    : { startIndex: at, oldEndIndex: at + 1, newEndIndex: at, startPosition: start, oldEndPosition: grown, newEndPosition: start };
}

/** CPU milliseconds of this process since `start` (less inflated than wall time on a shared, loaded machine). */
function cpuMs(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

const line = (what, t) => `${what} (${t.wall.length} edits): wall median ${median(t.wall).toFixed(1)} ms, p95 ${pct(t.wall, 0.95).toFixed(1)} ms; CPU p95 ${pct(t.cpu, 0.95).toFixed(1)} ms`;
if (against) {
  // This build and another checkout's (built with `node esbuild.mjs --tests`), edit by edit: on a loaded machine
  // the paired differences show a change that separate runs cannot. Both builds' figures are higher than a run
  // alone (two copies of the engine share the process and its caches); the differences are the result.
  const other = { lint: require(path.join(against, 'out/extension/src/core/notebook/notebookLint.js')).lintNotebookCells };
  other.config = require(path.join(against, 'out/extension/src/core/lint/config.js')).defaultConfig();
  const [mine, theirs] = await notebookRun([{ lint: lintNotebookCells, config }, other]);
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  const diff = (k) => mine[k].map((v, i) => v - theirs[k][i]);
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(line('this build', mine) + `; CPU median ${median(mine.cpu).toFixed(2)}, mean ${mean(mine.cpu).toFixed(2)} ms`);
  console.log(line(`against ${against}`, theirs) + `; CPU median ${median(theirs.cpu).toFixed(2)}, mean ${mean(theirs.cpu).toFixed(2)} ms`);
  console.log(`this − against, same edit: CPU median ${median(diff('cpu')).toFixed(2)} ms, mean ${mean(diff('cpu')).toFixed(2)} ms; wall median ${median(diff('wall')).toFixed(2)} ms`);
} else {
  // Script first, then notebook, then script again: the first run in a process pays warm-up costs.
  await scriptRun();
  const [nb] = await notebookRun();
  const py = await scriptRun();
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(line('notebook re-lint after a one-character edit in one cell', nb) + ' (target p95 < 15 ms)');
  console.log(line('same code as one script, same kind of edits', py));
  console.log(`notebook / script wall p95: ${(pct(nb.wall, 0.95) / pct(py.wall, 0.95)).toFixed(2)}×`);
}
