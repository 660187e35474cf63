// Profiler benchmark: peak accuracy, time overhead and achieved sample rate, side by side with the OS's own
// accounting (/usr/bin/time -v), tracemalloc and Debian's memory_profiler (mprof run), in one run.
//   node esbuild.mjs && node bench/profile.mjs [--repeat N] [--only peak|overhead]
// Everything runs with Debian's /usr/bin/python3 (mprof's interpreter), so all ratios share one baseline.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli.js');
const dir = path.join(here, 'profile');
const PY = '/usr/bin/python3';
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bench-'));
const MiB = 1024 * 1024;

/** Whether `cmd` (a path, or a name looked up on PATH) is an executable file; no shell involved. */
function onPath(cmd) {
  const candidates = cmd.includes('/') ? [cmd] : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, cmd));
  return candidates.some((f) => {
    try {
      fs.accessSync(f, fs.constants.X_OK);
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

function need(cmd, pkg) {
  if (!onPath(cmd)) {
    console.error(`bench: ${cmd} is missing; install it with: apt-get install -y ${pkg}`);
    process.exit(2);
  }
}
need('/usr/bin/time', 'time');
need('python3-mprof', 'python3-memory-profiler');


/** /usr/bin/time -v: wall seconds and max RSS (bytes) of the script alone. */
function osTime(script, args) {
  const r = spawnSync('/usr/bin/time', ['-v', PY, script, ...args], { encoding: 'utf8', cwd: dir });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) * 1024;
  const [, m, s] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\d+):([\d.]+)/.exec(r.stderr);
  return { wall: Number(m) * 60 + Number(s), peak: rss };
}

/**
 * Run a command under /usr/bin/time: wall seconds and CPU seconds (user+sys of it and all its children —
 * for Memwise that includes the Node poller, which competes for the same 2 cores). CPU time is the steadier
 * figure on a shared machine; wall time is what the user waits.
 */
function timed(cmd, args) {
  const out = path.join(tmp, 'time.txt');
  execFileSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S', cmd, ...args], { cwd: dir, stdio: 'ignore' });
  const [e, u, s] = fs.readFileSync(out, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  return { wall: e, cpu: u + s };
}

function bare(script, args, extra = []) {
  return timed(PY, [...extra, script, ...args]);
}

function memwise(script, args) {
  const out = path.join(tmp, 'run.json');
  fs.rmSync(out, { force: true });
  const t = timed('node', [cli, 'profile', script, '--python', PY, '--no-save', '--quiet', '--json', out, '--', ...args]);
  const run = JSON.parse(fs.readFileSync(out, 'utf8'));
  return { ...t, scriptWall: run.durationS, peak: run.peakBytes, hz: run.sampling.achievedHz };
}

function mprof(script, args) {
  const out = path.join(tmp, 'mprof.dat');
  fs.rmSync(out, { force: true }); // mprof appends to an existing file
  const { wall, cpu } = timed('python3-mprof', ['run', '-o', out, script, ...args]);
  const mems = fs.readFileSync(out, 'utf8').split('\n').filter((l) => l.startsWith('MEM ')).map((l) => Number(l.split(' ')[1]) * MiB);
  return { wall, cpu, peak: Math.max(...mems) };
}

// The minimum of N runs: on a shared machine, interference only ever adds time.
const best = (xs) => Math.min(...xs);
const mb = (b) => (b / MiB).toFixed(1);
const pct = (a, b) => `${(((a - b) / b) * 100).toFixed(2)}%`;

console.log(`Memwise profiler bench — ${new Date().toISOString()}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${os.cpus().length} CPUs, ${PY} (${execFileSync(PY, ['--version']).toString().trim()}), node ${process.version}\n`);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== 'overhead') {
console.log('## Peak accuracy (MiB; error relative to /usr/bin/time -v max RSS)');
console.log('| allocation | time -v | memwise | memwise err | mprof (100 ms) | mprof err |');
console.log('|---|---|---|---|---|---|');
for (const [size, hold] of [[100, 0.3], [300, 0.3], [1024, 0.3], [1024, 0.03], ['spikes', 0]]) {
  const args = size === 'spikes' ? [] : [String(size), String(hold)];
  const script = size === 'spikes' ? 'spikes.py' : 'alloc.py';
  const label = size === 'spikes' ? '20 × 64 MiB spikes (~10 ms each)' : `${size} MiB held ${hold * 1000} ms`;
  const ref = osTime(script, args);
  const m = memwise(script, args);
  const p = mprof(script, args);
  console.log(`| ${label} | ${mb(ref.peak)} | ${mb(m.peak)} | ${pct(m.peak, ref.peak)} | ${mb(p.peak)} | ${pct(p.peak, ref.peak)} |`);
}

}
if (only !== 'peak') {
console.log(`\n## Overhead (best of ${repeat}; wall s / CPU s = user+sys incl. children; ratio to the bare run)`);
console.log('| script | bare wall / cpu | script under memwise (10 ms): wall | ratio | whole `memwise profile` command: wall / cpu | ratio wall / cpu | achieved Hz of 100 (median) | tracemalloc (1 frame) wall | ratio | mprof run wall / cpu | ratio wall / cpu |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const script of ['cpu_loop.py', 'csv_parse.py']) {
  const b = [], m = [], t = [], p = [];
  for (let i = 0; i < repeat; i++) {
    b.push(bare(script, []));
    m.push(memwise(script, []));
    if (i === 0) t.push(bare(script, [], ['-X', 'tracemalloc=1'])); // 7-16x slower: once is enough
    p.push(mprof(script, []));
  }
  const W = (xs) => best(xs.map((x) => x.wall));
  const C = (xs) => best(xs.map((x) => x.cpu));
  const hzs = m.map((x) => x.hz).sort((a, b) => a - b);
  const hz = hzs[Math.floor(hzs.length / 2)]; // median, with the worst run shown beside it
  const S = best(m.map((x) => x.scriptWall));
  console.log(
    `| ${script} | ${W(b).toFixed(2)} / ${C(b).toFixed(2)} | ${S.toFixed(2)} | ${(S / W(b)).toFixed(3)}× | ${W(m).toFixed(2)} / ${C(m).toFixed(2)} | ${(W(m) / W(b)).toFixed(3)}× / ${(C(m) / C(b)).toFixed(3)}× | ${hz} (worst ${hzs[0]}) | ` +
      `${W(t).toFixed(2)} | ${(W(t) / W(b)).toFixed(2)}× | ${W(p).toFixed(2)} / ${C(p).toFixed(2)} | ${(W(p) / W(b)).toFixed(2)}× / ${(C(p) / C(b)).toFixed(2)}× |`,
  );
}
console.log(
  '\n("script under memwise": from spawning the interpreter to its exit and the last output drained, as the run file records it (durationS) — the cost of sampling. ' +
    '"whole command" adds starting Node and loading the CLI once per run (about 40-70 ms here, 30 ms of it Node reading NODE_EXTRA_CA_CERTS when that is set). mprof samples every 100 ms by default.)',
);
}
fs.rmSync(tmp, { recursive: true, force: true });
