// Node line attribution under load: grow.js (test/fixtures/profile) builds ~100 MB inside makeRows, called once
// from the top level. Runs it N times under each given CLI build, alternating (paired conditions), and prints
// how often the top line is the push inside makeRows (line 4) and how much growth went to the caller's
// `makeRows(...)` line 6, which V8's lost frames used to collect. V8 flags for the script can be given with
// --v8 (e.g. --v8 --no-opt: more lost frames); they are set by a --require'd file, as Node does not accept
// them in NODE_OPTIONS.
//   node esbuild.mjs && node bench/nodeLines.mjs [--runs 50] [--v8 FLAGS] [CLI.js ...]   (default: dist/cli.js)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const grow = path.join(root, 'test', 'fixtures', 'profile', 'grow.js');
const argv = process.argv.slice(2);
const take = (name) => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv.splice(i, 2)[1];
};
const runs = Number(take('--runs') ?? 50);
const v8 = take('--v8');
const clis = argv.length ? argv : [path.join(root, 'dist', 'cli.js')];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-nodelines-'));
const env = { ...process.env };
if (v8) {
  const flags = path.join(tmp, 'flags.cjs');
  fs.writeFileSync(flags, `require('v8').setFlagsFromString(${JSON.stringify(v8)});\n`);
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${flags}`.trim();
}
const MiB = 1024 * 1024;
const results = clis.map(() => []);
const loadBefore = os.loadavg()[0];
for (let i = 0; i < runs; i++) {
  clis.forEach((cli, k) => {
    const out = path.join(tmp, 'run.json');
    fs.rmSync(out, { force: true });
    const r = spawnSync(process.execPath, [cli, 'profile', grow, '--no-save', '--quiet', '--json', out, '--', '200000'], { env, stdio: 'ignore' });
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`${cli}: profile exited ${r.status}`);
    const run = JSON.parse(fs.readFileSync(out, 'utf8'));
    const at = (line) => run.lines.filter((l) => l.line === line).reduce((s, l) => s + l.growthBytes, 0) / MiB;
    results[k].push({ right: run.lines[0]?.function === 'makeRows' && run.lines[0]?.line === 4, inside: at(4), caller: at(6) });
  });
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(`grow.js, ${runs} runs per build${v8 ? `, V8 ${v8}` : ''}; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
console.log('| build | top line right | MiB at the call line 6: median / p90 / max | runs with ≥ 10 MiB there | MiB at line 4 (median) |');
console.log('|---|---|---|---|---|');
clis.forEach((cli, k) => {
  const r = results[k];
  const c = r.map((x) => x.caller);
  console.log(`| ${cli} | ${r.filter((x) => x.right).length}/${r.length} | ${q(c, 0.5).toFixed(0)} / ${q(c, 0.9).toFixed(0)} / ${Math.max(...c).toFixed(0)} | ${c.filter((x) => x >= 10).length} | ${q(r.map((x) => x.inside), 0.5).toFixed(0)} |`);
});
fs.rmSync(tmp, { recursive: true, force: true });
