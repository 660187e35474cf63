// Two builds of the Python linter side by side in one process, for a shared machine: per file, a bare parse and a
// lint by each build, interleaved (the order alternates), CPU time of this process; the figure per build is the sum
// over files of each file's best time across rounds (round 1 warms up and is not counted). Load on the machine
// then inflates both builds alike, where two bench runs minutes apart can differ by 2x. One command:
//
//   node bench/pythonLintSideBySide.mjs --base <checkout with out/ built> [--rounds 4]
//
// The other build is this checkout's out/ (node esbuild.mjs --tests). Corpus: the bench-stdlib copy that
// bench/pythonLint.mjs makes (STDLIB_COPY overrides it). It prints each build's rule time over the bare parse and
// their ratio; both must give the same findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
if (!base) {
  console.error('usage: node bench/pythonLintSideBySide.mjs --base <checkout with out/ built> [--rounds 4]');
  process.exit(2);
}
const { corpus, files } = stdlibCopyFiles();

const sides = [];
for (const [name, dir] of [
  ['base', path.resolve(base)],
  ['this', root],
]) {
  const outPy = path.join(dir, 'out/extension/src/core/lint/python');
  if (!fs.existsSync(path.join(outPy, 'index.js'))) {
    console.error(`${dir}: no out/ build (run node esbuild.mjs --tests there)`);
    process.exit(2);
  }
  const loaded = await require(path.join(outPy, 'parser.js')).loadPython();
  sides.push({ name, dir, loaded, linter: require(path.join(outPy, 'index.js')).pythonLinter, best: files.map(() => Infinity), findings: 0 });
}
const cpuMs = (c) => (c.user + c.system) / 1000;
const parseBest = files.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    let c = process.cpuUsage();
    sides[0].loaded.parser.parse(f.text).delete();
    const p = cpuMs(process.cpuUsage(c));
    if (r > 0) parseBest[i] = Math.min(parseBest[i], p);
    for (const s of (r + i) % 2 ? sides : [...sides].reverse()) {
      c = process.cpuUsage();
      const res = await s.linter.lint({ path: f.path, text: f.text, isEnabled: () => true });
      const t = cpuMs(process.cpuUsage(c));
      res.state?.dispose();
      if (r > 0) s.best[i] = Math.min(s.best[i], t);
      if (r === 0) s.findings += res.findings.length;
    }
  }
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const parse = sum(parseBest);
console.log(`corpus ${corpus} (${files.length} files); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; best of rounds 2-${rounds}, CPU time`);
console.log(`bare parse: ${parse.toFixed(0)} ms`);
for (const s of sides) console.log(`${s.name} (${s.dir}): parse + rules ${sum(s.best).toFixed(0)} ms, rules add ${((sum(s.best) / parse - 1) * 100).toFixed(1)}%, ${s.findings} findings`);
console.log(`rule time this/base: ${((sum(sides[1].best) - parse) / (sum(sides[0].best) - parse)).toFixed(3)}`);
if (sides[0].findings !== sides[1].findings) console.log('the two builds give different numbers of findings');
