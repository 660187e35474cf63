// Where the editor re-lint's slowest edits spend their time: runs the editor case of bench/pythonLint.mjs (same
// file, same edits: pythonEditorEdits.mjs) in this process with the engine's phase timers on, and prints, for the
// slowest 5% of edits by CPU time, each edit's phases, the candidates each cacheable rule evaluated, and whether
// the text was broken; then the mean phases of all edits beside the tail's. With --check, every re-lint is also
// compared with a full lint of the same text (findings must be identical; it exits 1 otherwise).
//
//   node esbuild.mjs --tests && node bench/pythonEditorTail.mjs [--mode typing|drift] [--check] [--tail 0.05]
//   node bench/pythonEditorTail.mjs --base <checkout with out/ built> [--mode typing|drift]
//
// With --base, another build's editor re-lint runs beside this one's, edit by edit (the order alternates), in this
// process, and each build's CPU time per edit is printed: on a shared machine, load then inflates both alike.
//
// Corpus: the bench-stdlib copy that bench/pythonLint.mjs makes (STDLIB_COPY overrides it).
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stdlibCopyFiles } from './stdlibCopy.mjs';
import { editorEdits, editorFile, WARM_EDITS } from './pythonEditorEdits.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { mode: { type: 'string' }, tail: { type: 'string' }, check: { type: 'boolean' }, base: { type: 'string' } } });
const opt = (name, dflt) => flags[name.slice(2)] ?? dflt;
const modes = opt('--mode') ? [opt('--mode')] : ['typing', 'drift'];
const tailShare = Number(opt('--tail', 0.05));
const check = !!flags.check;
const { files } = stdlibCopyFiles();
const { pythonLinter } = require(path.join(root, 'out/extension/src/core/lint/python/index.js'));
const big = editorFile(files);
const all = { isEnabled: () => true, path: 'big.py' };
const key = (f) => `${f.rule}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn} ${f.severity} ${f.message}`;
const round = (x) => Math.round(x * 10) / 10;
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const evaluatedOf = (state) => (state?.snapshot ? state.snapshot.candSigs.reduce((n, sig) => n + (sig.match(/,/g)?.length ?? 0), 0) - state.reusedCandidates : 0);
if (opt('--base')) {
  const other = require(path.join(path.resolve(opt('--base')), 'out/extension/src/core/lint/python/index.js')).pythonLinter;
  for (const mode of modes) {
    const sides = [
      { name: 'base', linter: other, cpu: [], evaluated: [] },
      { name: 'this', linter: pythonLinter, cpu: [], evaluated: [] },
    ];
    for (const side of sides) side.prev = await side.linter.lint({ ...all, text: big });
    let i = 0;
    let differ = 0;
    for (const { text, edit } of editorEdits(big, mode)) {
      for (const side of i % 2 ? sides : [...sides].reverse()) {
        const c = process.cpuUsage();
        const next = await side.linter.lint({ ...all, text, previous: side.prev.state, edits: [edit] });
        const used = process.cpuUsage(c);
        if (i >= WARM_EDITS) {
          side.cpu.push((used.user + used.system) / 1000);
          side.evaluated.push(evaluatedOf(next.state));
        }
        side.prev.state?.dispose();
        side.prev = next;
      }
      if (sides[0].prev.findings.map(key).join('\n') !== sides[1].prev.findings.map(key).join('\n')) differ++;
      i++;
    }
    for (const side of sides) {
      side.prev.state?.dispose();
      console.log(`${mode} ${side.name}: CPU median ${round(pct(side.cpu, 0.5))} ms, p95 ${round(pct(side.cpu, 0.95))} ms, mean ${round(mean(side.cpu))} ms; evaluated mean ${round(mean(side.evaluated))}, p95 ${pct(side.evaluated, 0.95)}`);
    }
    console.log(`${mode}: ${differ} edits where the two builds' findings differ; load average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  }
  process.exit(0);
}

let mismatches = 0;
for (const mode of modes) {
  let prev = await pythonLinter.lint({ ...all, text: big });
  const rows = [];
  let i = 0;
  for (const { text, edit } of editorEdits(big, mode)) {
    const phases = new Map();
    const s = performance.now();
    const c = process.cpuUsage();
    const next = await pythonLinter.lint({ ...all, text, previous: prev.state, edits: [edit] }, { phases });
    const wall = performance.now() - s;
    const used = process.cpuUsage(c);
    const snap = next.state?.snapshot;
    const candidates = snap ? snap.candSigs.reduce((n, sig) => n + (sig.match(/,/g)?.length ?? 0), 0) : 0;
    const at = next.state.tree.rootNode.descendantForIndex(edit.startIndex, edit.newEndIndex);
    const kind = at.type === 'string_content' || at.type === 'string' ? (at.parent?.type === 'expression_statement' || at.parent?.parent?.type === 'expression_statement' ? 'docstring' : 'string') : at.type;
    rows.push({ i, kind, row: edit.startPosition.row, wall, cpu: (used.user + used.system) / 1000, phases, evaluated: candidates - (next.state?.reusedCandidates ?? 0), broken: next.notices.some((n) => n.kind === 'parse-error') });
    if (check) {
      const full = await pythonLinter.lint({ ...all, text });
      const a = next.findings.map(key).join('\n');
      const b = full.findings.map(key).join('\n');
      if (a !== b) {
        mismatches++;
        console.log(`${mode} edit ${i} (row ${edit.startPosition.row}): incremental findings differ from a full lint`);
      }
      full.state?.dispose();
    }
    prev.state?.dispose();
    prev = next;
    i++;
  }
  prev.state?.dispose();
  const counted = rows.slice(WARM_EDITS);
  const sorted = [...counted].sort((a, b) => b.cpu - a.cpu);
  const tail = sorted.slice(0, Math.max(1, Math.round(counted.length * tailShare)));
  const cpus = counted.map((r) => r.cpu).sort((a, b) => a - b);
  console.log(`\n${mode}: ${counted.length} edits, CPU median ${round(cpus[cpus.length >> 1])} ms, p95 ${round(cpus[Math.floor(cpus.length * 0.95)])} ms; the slowest ${tail.length}:`);
  for (const r of tail) {
    const ph = [...r.phases].filter(([k]) => !k.startsWith('evaluated:') && !k.startsWith('work:') && r.phases.get(k) >= 0.5).sort((a, b) => b[1] - a[1]);
    const ev = [...r.phases].filter(([k]) => k.startsWith('evaluated:')).map(([k, v]) => `${k.slice(10)}×${v}`);
    console.log(`  edit ${r.i} row ${r.row} ${r.kind}${r.broken ? ' (broken)' : ''}: CPU ${round(r.cpu)} ms, wall ${round(r.wall)} ms, evaluated ${r.evaluated} [${ev.join(' ')}]`);
    console.log(`    ${ph.map(([k, v]) => `${k} ${round(v)}`).join(', ')}`);
  }
  const meanOf = (list) => {
    const m = new Map();
    for (const r of list) for (const [k, v] of r.phases) if (!k.startsWith('evaluated:') && !k.startsWith('work:')) m.set(k.startsWith('rule:') ? (k.endsWith('*') ? 'rules (cacheable)' : 'rules (always run)') : k, (m.get(k.startsWith('rule:') ? (k.endsWith('*') ? 'rules (cacheable)' : 'rules (always run)') : k) ?? 0) + v / list.length);
    return m;
  };
  const kinds = new Map();
  for (const r of counted) {
    const k = r.broken ? 'broken' : ['comment', 'docstring', 'string', 'identifier'].includes(r.kind) ? r.kind : 'other';
    const e = kinds.get(k) ?? { n: 0, cpu: [], evaluated: 0 };
    e.n++;
    e.cpu.push(r.cpu);
    e.evaluated += r.evaluated;
    kinds.set(k, e);
  }
  console.log(`  by what the edit hit: ${[...kinds].map(([k, e]) => `${k} ${e.n} (in tail ${tail.filter((r) => (r.broken ? 'broken' : ['comment', 'docstring', 'string', 'identifier'].includes(r.kind) ? r.kind : 'other') === k).length}, mean evaluated ${round(e.evaluated / e.n)}, CPU median ${round(e.cpu.sort((a, b) => a - b)[e.cpu.length >> 1])})`).join('; ')}`);
  const mAll = meanOf(counted);
  const mTail = meanOf(tail);
  console.log(`  mean ms per phase, all edits / the slowest ${tail.length}:`);
  for (const [k, v] of [...mAll].sort((a, b) => b[1] - a[1])) console.log(`    ${k.padEnd(20)} ${round(v).toFixed(1).padStart(6)} ${round(mTail.get(k) ?? 0).toFixed(1).padStart(6)}`);
}
if (check) console.log(`\n--check: ${mismatches} re-lints differ from a full lint`);
process.exit(mismatches ? 1 : 0);
