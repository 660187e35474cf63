// Profiler containment figures (issue 15), printed side by side with their anchors:
//  1. Memwise's own peak RSS while profiling a script that prints 1 GiB (the output streams to the log file;
//     before, every line was kept and serialised in one string: 100 MB of output cost 730 MB).
//  2. The sampling rate while the extension host is busy: a CPU-heavy "extension command" blocks the host's
//     event loop 200 ms of every 250 ms; profiling in process (the old path, the anchor) against the CLI child
//     process the extension now uses (profileViaCli).
//   node bench/profileContainment.mjs [--mib 1024] [--only rss|busy]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const only = arg('--only', '');
const mib = Number(arg('--mib', '1024'));
const MiB = 1024 * 1024;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bench-contain-'));

// dist/ for the CLI, out/ for the core modules (the in-process anchor and profileViaCli).
if (!fs.existsSync(path.join(root, 'out', 'extension', 'src', 'core', 'profile', 'profileViaCli.js')) || !fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  spawnSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
}

function vmHWM(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function rssWhilePrinting() {
  const cwd = path.join(tmp, 'rss');
  fs.mkdirSync(cwd);
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'profile', path.join(here, 'profile', 'print_gb.py'), '--quiet', '--', String(mib)], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, vmHWM(child.pid))), 50);
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const t0 = Date.now();
  await new Promise((r) => child.on('exit', r));
  clearInterval(poll);
  const runs = path.join(cwd, '.memwise', 'runs');
  const log = fs.readdirSync(runs).find((f) => f.endsWith('.log'));
  const json = fs.readdirSync(runs).find((f) => f.endsWith('.json'));
  console.log(`\n1 GiB of output (${mib} MiB in 1 KiB lines), memwise profile --quiet:`);
  console.log(`  Memwise CLI peak RSS     ${(peak / MiB).toFixed(0)} MiB   (output/RSS ratio ${((mib * MiB) / peak).toFixed(1)}x)`);
  console.log(`  log file                 ${(fs.statSync(path.join(runs, log)).size / MiB).toFixed(0)} MiB, run file ${(fs.statSync(path.join(runs, json)).size / 1024).toFixed(0)} KiB`);
  console.log(`  wall time                ${((Date.now() - t0) / 1000).toFixed(1)} s; ${/samples .*/.exec(out)?.[0] ?? ''}`);
}

/** Blocks this event loop 200 ms of every 250 ms, like a CPU-heavy extension command on the extension host. */
function busyHost() {
  let on = true;
  const tick = () => {
    if (!on) return;
    const end = Date.now() + 200;
    while (Date.now() < end) Math.sqrt(Math.random());
    setTimeout(tick, 50);
  };
  setTimeout(tick, 0);
  return () => (on = false);
}

function gaps(t) {
  let max = 0;
  for (let i = 1; i < t.length; i++) max = Math.max(max, t[i] - t[i - 1]);
  return max;
}

async function samplingWhileBusy() {
  const { profileScript } = require(path.join(root, 'out', 'extension', 'src', 'core', 'profile', 'runner.js'));
  const { profileViaCli } = require(path.join(root, 'out', 'extension', 'src', 'core', 'profile', 'profileViaCli.js'));
  const script = path.join(here, 'profile', 'steady_5s.py');
  console.log('\nSampling while the host event loop is busy 80% of the time (requested 100 Hz, 5 s script):');
  for (const [label, run] of [
    ['in the host (old path, anchor)', () => profileScript({ script, args: [], cwd: tmp })],
    ['CLI child process (profileViaCli)', async () => (await profileViaCli({ script, args: [], cwd: tmp, runsDir: path.join(tmp, 'runs'), keep: 5 })).run],
  ]) {
    const stop = busyHost();
    const r = await run();
    stop();
    console.log(`  ${label.padEnd(36)} ${String(r.sampling.achievedHz).padStart(6)} Hz, ${r.sampling.sampleCount} samples, longest gap ${(gaps(r.samples.t) * 1000).toFixed(0)} ms`);
  }
}

if (!only || only === 'rss') await rssWhilePrinting();
if (!only || only === 'busy') await samplingWhileBusy();
fs.rmSync(tmp, { recursive: true, force: true });
