// Anchor comparison for issue 17: the same workloads under Memwise and mprof (Debian's python3-memory-profiler,
// `mprof run --interval 0.01 --include-children`), printing peak error, spike capture over 10 runs, top-line
// correctness against known answers (each workload marks its line with `# TOP`), and wall/CPU overhead in
// paired runs. Also measures the two ways of placing a long C call's memory: naming the call site (default)
// against the plain "next sample" (MEMWISE_CALLSITE=0).
//   node esbuild.mjs && node bench/attribution.mjs [--runs N] [--spike-runs N]
// Installs python3-memory-profiler, python3-numpy and python3-pandas with apt-get when they are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli.js');
const dir = path.join(here, 'attribution');
const PY = '/usr/bin/python3';
const MPROF = '/usr/bin/python3-mprof';
const MiB = 1024 * 1024;
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const RUNS = arg('--runs', 3);
const SPIKE_RUNS = arg('--spike-runs', 10);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-anchor-'));

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(MPROF)) missing.push('python3-memory-profiler');
  for (const [mod, pkg] of [['numpy', 'python3-numpy'], ['pandas', 'python3-pandas']]) {
    if (spawnSync(PY, ['-c', `import ${mod}`], { stdio: 'ignore' }).status !== 0) missing.push(pkg);
  }
  if (!missing.length) return;
  console.error(`bench: installing ${missing.join(' ')} with apt-get`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`bench: apt-get ${args[0]} failed; install ${missing.join(' ')} by hand (needs root)`);
      process.exit(2);
    }
  }
}
ensureDebianPackages();

/** wall and CPU (user+sys of it and its children) seconds of one command, via /usr/bin/time. */
function timed(cmd, args, env = {}) {
  const out = path.join(tmp, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', cmd, ...args], { cwd: dir, stdio: 'ignore', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  const [e, u, s, maxKb] = fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  return { wall: e, cpu: u + s, maxRss: maxKb * 1024 };
}

function memwise(script, env = {}) {
  const out = path.join(tmp, 'run.json');
  fs.rmSync(out, { force: true });
  const t = timed('node', [cli, 'profile', script, '--python', PY, '--no-save', '--quiet', '--json', out], env);
  const run = JSON.parse(fs.readFileSync(out, 'utf8'));
  const top = run.lines.find((l) => path.basename(l.file) === script);
  return { ...t, peak: run.peakBytes, topLine: top?.line, topShare: top ? top.growthBytes / Math.max(1, run.lines.reduce((s, l) => s + Math.max(0, l.growthBytes), 0)) : 0 };
}

function mprof(script) {
  const out = path.join(tmp, 'mprof.dat');
  fs.rmSync(out, { force: true }); // mprof appends to an existing file
  const t = timed(MPROF, ['run', '--interval', '0.01', '--include-children', '-o', out, script]);
  // MEM lines are the parent; CHLD lines each child: the tree is their sum at each time stamp.
  const byTime = new Map();
  for (const l of fs.readFileSync(out, 'utf8').split('\n')) {
    const m = /^(MEM|CHLD \d+) ([\d.]+) ([\d.]+)/.exec(l);
    if (m) byTime.set(m[3], (byTime.get(m[3]) ?? 0) + Number(m[2]) * MiB);
  }
  return { ...t, peak: Math.max(...byTime.values()) };
}

const expected = (script) => fs.readFileSync(path.join(dir, script), 'utf8').split('\n').findIndex((l) => l.includes('# TOP')) + 1;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b) => (b / MiB).toFixed(0);
const pct = (a, b) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`;

console.log(`Memwise anchor bench (issue 17) — ${new Date().toISOString()}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${os.cpus().length} CPUs, ${execFileSync(PY, ['--version']).toString().trim()}, mprof ${MPROF}\n`);

const workloads = ['bytes_call.py', 'numpy_temps.py', 'pandas_ops.py', 'json_load.py', 'spike.py', 'pool_workers.py'];
console.log(`## Peak error and top line (${RUNS} runs each; peak error against /usr/bin/time's max RSS, single-process workloads)`);
console.log('| workload | time -v peak MiB | Memwise peak err (median) | mprof 10 ms peak err (median) | top line right: Memwise | top line right: next-sample only | top line: mprof |');
console.log('|---|---|---|---|---|---|---|');
const overhead = [];
for (const script of workloads) {
  const want = expected(script);
  const rows = { bare: [], mw: [], next: [], mp: [] };
  for (let i = 0; i < RUNS; i++) {
    // Paired: the four runs of one round back to back, so load changes hit them alike.
    rows.bare.push(timed(PY, [script]));
    rows.mw.push(memwise(script));
    rows.next.push(memwise(script, { MEMWISE_CALLSITE: '0' }));
    rows.mp.push(mprof(script));
  }
  const tree = script.startsWith('pool');
  const ref = med(rows.bare.map((r) => r.maxRss));
  const err = (xs) => (tree ? 'n/a (tree)' : pct(med(xs.map((r) => r.peak)), ref));
  const right = (xs) => `${xs.filter((r) => r.topLine === want).length}/${xs.length}`;
  console.log(`| ${script} (line ${want}) | ${tree ? 'n/a' : mb(ref)} | ${err(rows.mw)} | ${err(rows.mp)} | ${right(rows.mw)} | ${right(rows.next)} | n/a (no lines) |`);
  overhead.push({ script, ...rows });
}

console.log(`\n## Spike capture (${SPIKE_RUNS} runs; caught = peak ≥ baseline + 90% of the 150 MiB spike)`);
{
  const base = timed(PY, ['-c', 'pass']).maxRss;
  const need = base + 0.9 * 150 * MiB;
  let mw = 0;
  let mp = 0;
  let line = 0;
  const mpPeaks = [];
  for (let i = 0; i < SPIKE_RUNS; i++) {
    const m = memwise('spike.py');
    if (m.peak >= need) mw++;
    if (m.topLine === expected('spike.py') && m.topShare >= 0.9) line++;
    const p = mprof('spike.py');
    mpPeaks.push(p.peak);
    if (p.peak >= need) mp++;
  }
  console.log('| | Memwise | mprof (10 ms, with children) |');
  console.log('|---|---|---|');
  console.log(`| spike caught in the peak | ${mw}/${SPIKE_RUNS} | ${mp}/${SPIKE_RUNS} (peaks ${Math.min(...mpPeaks.map((x) => Math.round(x / MiB)))}–${Math.max(...mpPeaks.map((x) => Math.round(x / MiB)))} MiB) |`);
  console.log(`| spike's line credited with ≥ 90% of growth | ${line}/${SPIKE_RUNS} | n/a |`);
}

console.log(`\n## Overhead (paired runs, median ratio to the bare run: wall / CPU incl. children)`);
console.log('| workload | bare wall s / CPU s | Memwise wall / CPU | mprof wall / CPU |');
console.log('|---|---|---|---|');
for (const o of overhead) {
  const ratio = (xs, k) => med(xs.map((r, i) => r[k] / Math.max(0.01, o.bare[i][k]))).toFixed(2);
  console.log(`| ${o.script} | ${med(o.bare.map((r) => r.wall)).toFixed(2)} / ${med(o.bare.map((r) => r.cpu)).toFixed(2)} | ${ratio(o.mw, 'wall')}× / ${ratio(o.mw, 'cpu')}× | ${ratio(o.mp, 'wall')}× / ${ratio(o.mp, 'cpu')}× |`);
}
console.log('\n(Memwise\'s figures include starting Node and the CLI once per run, about 0.1 s of wall and CPU. mprof has no line attribution.)');
fs.rmSync(tmp, { recursive: true, force: true });
