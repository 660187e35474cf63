// Reading pyproject.toml (issue 15): a linear scan keeps only [tool.memwise] (tomlSubtree.ts) and smol-toml parses
// that part. Anchors: smol-toml over the whole file (the previous reader), and the pre-check regex before that
// (a multiline /^\s*\[…/m that was quadratic on blank lines: 200 KB took 47 s).
//   node bench/pyprojectRead.mjs      (builds out/ when missing)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const configJs = path.join(root, 'out', 'extension', 'src', 'core', 'lint', 'config.js');
if (!fs.existsSync(configJs)) spawnSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
const { readPyproject } = require(configJs);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bench-pyproject-'));
const MB = 1024 * 1024;

function best(fn, runs = 3) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const table = Array.from({ length: 120_000 }, (_, i) => `k${i} = "${'x'.repeat(60)}"`).join('\n');
const cases = {
  '10 MB of blank lines + [tool.memwise]': '\n'.repeat(10 * MB) + '[tool.memwise]\nselect = ["MW1"]\n',
  '10 MB: a big [tool.other] table + [tool.memwise]': `[project]\nname = "big"\n${'\n'.repeat(2_000_000)}[tool.other]\n${table}\n[tool.memwise]\nselect = ["MW1"]\n`,
};
console.log('readPyproject (best of 3):');
for (const [label, text] of Object.entries(cases)) {
  const file = path.join(tmp, 'pyproject.toml');
  fs.writeFileSync(file, text);
  const ms = best(() => {
    const r = readPyproject(file);
    if (!r.table) throw new Error(`no [tool.memwise] read from ${label}`);
  });
  // Anchor: smol-toml over the whole file, what readPyproject did before (3.9 s for the big table under load).
  const { parse } = require('smol-toml');
  const whole = best(() => parse(fs.readFileSync(file, 'utf8')), 1);
  console.log(`  ${label.padEnd(50)} ${(fs.statSync(file).size / MB).toFixed(1)} MB in ${ms.toFixed(0)} ms; smol-toml on the whole file ${whole.toFixed(0)} ms (ratio ${(whole / ms).toFixed(1)}×)`);
}
const oldRe = /^\s*\[\s*tool\s*\.\s*memwise\s*[\].]|tool\s*\.\s*memwise|"?memwise"?\s*=/m;
const blank20k = '\n'.repeat(20_000);
console.log(`anchor: the old pre-check regex on only 20 KB of blank lines: ${best(() => oldRe.test(blank20k), 1).toFixed(0)} ms (quadratic: 200 KB took 47 s)`);
fs.rmSync(tmp, { recursive: true, force: true });
