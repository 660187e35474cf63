// Two builds of the Python linter side by side in one process, for a shared machine: per file, each build's own
// bare parse and lint, interleaved (the order alternates per file and round), CPU time of this process; the figure
// per build is the sum over files of each file's best time across rounds (round 1 warms up and is not counted).
// Load on the machine then inflates both builds alike, where two bench runs minutes apart can differ by 2x. One
// command:
//
//   node bench/pythonLintSideBySide.mjs --base <checkout with out/ built> [--rounds 4] [--first both|base|this]
//
// The other build is this checkout's out/ (node esbuild.mjs --tests). Corpus: the bench-stdlib copy that
// bench/pythonLint.mjs makes (STDLIB_COPY overrides it). It prints each build's rule time over its own bare parse
// and their ratio; both must give the same findings.
//
// Fairness: each build's rule time is its lint minus a bare parse by its own tree-sitter instance, timed just
// before it (the bench once parsed with the first-loaded build's instance only, which primed that instance and
// favoured that build by ~5%). The build loaded first still runs ~3% faster (an A/A check, the same engine on both
// sides, gave 1.029 and 0.963), so by default (`--first both`) two processes run, one per load order, and the
// figure is the geometric mean of their ratios; `--first base|this` runs one order (docs/dev/benchmarks-history.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stdlibCopyFiles } from './stdlibCopy.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const base = opt('--base');
const rounds = Math.max(2, Number(opt('--rounds', 4)));
const first = opt('--first', 'both');
if (!base || !['both', 'base', 'this'].includes(first)) {
  console.error('usage: node bench/pythonLintSideBySide.mjs --base <checkout with out/ built> [--rounds 4] [--first both|base|this]');
  process.exit(2);
}
if (first === 'both') {
  // One process per load order; each prints its own figures, then the geometric mean of the two ratios.
  const ratios = [];
  for (const order of ['base', 'this']) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--base', base, '--rounds', String(rounds), '--first', order], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(r.stdout);
    const m = /rule time this\/base: ([\d.]+)/.exec(r.stdout);
    if (r.status !== 0 || !m) process.exit(r.status || 2);
    ratios.push(Number(m[1]));
  }
  console.log(`rule time this/base, geometric mean of both load orders: ${Math.sqrt(ratios[0] * ratios[1]).toFixed(3)}`);
  process.exit(0);
}
const { corpus, files } = stdlibCopyFiles();

const sides = [];
const order = [
  ['base', path.resolve(base)],
  ['this', root],
];
if (first === 'this') order.reverse();
for (const [name, dir] of order) {
  const outPy = path.join(dir, 'out/extension/src/core/lint/python');
  if (!fs.existsSync(path.join(outPy, 'index.js'))) {
    console.error(`${dir}: no out/ build (run node esbuild.mjs --tests there)`);
    process.exit(2);
  }
  const loaded = await require(path.join(outPy, 'parser.js')).loadPython();
  sides.push({ name, dir, loaded, linter: require(path.join(outPy, 'index.js')).pythonLinter, best: files.map(() => Infinity), parseBest: files.map(() => Infinity), findings: 0 });
}
// Reported base first whichever was loaded first.
if (first === 'this') sides.reverse();
const cpuMs = (c) => (c.user + c.system) / 1000;
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    for (const s of (r + i) % 2 ? sides : [...sides].reverse()) {
      let c = process.cpuUsage();
      s.loaded.parser.parse(f.text).delete();
      const p = cpuMs(process.cpuUsage(c));
      c = process.cpuUsage();
      const res = await s.linter.lint({ path: f.path, text: f.text, isEnabled: () => true });
      const t = cpuMs(process.cpuUsage(c));
      res.state?.dispose();
      if (r > 0) {
        s.best[i] = Math.min(s.best[i], t);
        s.parseBest[i] = Math.min(s.parseBest[i], p);
      }
      if (r === 0) s.findings += res.findings.length;
    }
  }
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`corpus ${corpus} (${files.length} files); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; best of rounds 2-${rounds}, CPU time; loaded first: ${first}`);
const rules = sides.map((s) => sum(s.best) - sum(s.parseBest));
sides.forEach((s, k) => console.log(`${s.name} (${s.dir}): bare parse ${sum(s.parseBest).toFixed(0)} ms, parse + rules ${sum(s.best).toFixed(0)} ms, rules add ${((rules[k] / sum(s.parseBest)) * 100).toFixed(1)}%, ${s.findings} findings`));
console.log(`rule time this/base: ${(rules[1] / rules[0]).toFixed(3)}`);
if (sides[0].findings !== sides[1].findings) console.log('the two builds give different numbers of findings');
