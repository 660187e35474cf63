// The ×10 estimate of test/unit/estimate/estimateFullSize.test.ts, repeated under CPU load: the same script,
// input (40,000 CSV rows), fractions (10/20/35/50%) and `--full-size 10x`, N times, each against the real peak
// of the 400,000-row input (the median of three real runs). Burners (`node -e "for(;;){}"`) run beside it.
// Prints the distribution of the central error and how often the real peak was outside the range; exit 1 when
// any error reaches the test's 15%.
// Run: node esbuild.mjs --production && node bench/estimateUnderLoad.mjs [--runs 20] [--burners 2] [--cli dist/cli.js]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', 20));
const BURNERS = Number(arg('burners', 2));
const cli = path.resolve(arg('cli', path.join(root, 'dist', 'cli.js')));
const script = path.join(root, 'examples', 'estimate', 'linear_memory.py');
if (!fs.existsSync(cli)) {
  console.error(`bench/estimateUnderLoad: ${cli} is missing; run "node esbuild.mjs --production" first.`);
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bench-load-'));
const run = (args) => {
  const r = spawnSync(args[0], args.slice(1), { cwd: tmp, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
};
const burners = [];
const errors = [];
let outside = 0;
const powerRuns = [];
try {
  run(['python3', path.join(root, 'examples', 'estimate', 'make_input.py'), '40000', 'small.csv']);
  run(['python3', path.join(root, 'examples', 'estimate', 'make_input.py'), '400000', 'big.csv']);
  const reals = [];
  for (let i = 0; i < 3; i++) {
    run([process.execPath, cli, 'profile', script, '--no-save', '--quiet', '--json', 'real.json', '--', 'big.csv']);
    reals.push(JSON.parse(fs.readFileSync(path.join(tmp, 'real.json'), 'utf8')).peakBytes);
  }
  const real = reals.sort((a, b) => a - b)[1];
  for (let b = 0; b < BURNERS; b++) burners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  for (let i = 0; i < RUNS; i++) {
    run([process.execPath, cli, 'estimate', script, '--input', 'small.csv', '--fractions', '0.1,0.2,0.35,0.5', '--full-size', '10x', '--json', 'est.json', '--', '{input}']);
    const est = JSON.parse(fs.readFileSync(path.join(tmp, 'est.json'), 'utf8'));
    const p = est.prediction;
    const err = (p.peakBytes - real) / real;
    errors.push(err);
    if (!(p.lowBytes <= real && real <= p.highBytes)) outside++;
    if (est.model.kind === 'power') powerRuns.push(`k=${est.model.exponent.toFixed(2)}`);
    console.error(`#${i + 1}: ${(err * 100).toFixed(1)}% (${est.model.kind}, ${est.points.length} sizes)`);
  }
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  const q = (f) => `${(abs[Math.floor(f * (abs.length - 1))] * 100).toFixed(1)}%`;
  console.log(`×10 estimate of the linear example, ${RUNS} runs beside ${BURNERS} CPU burners (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  console.log(`real peak ${real} B; |error| median ${q(0.5)}, p90 ${q(0.9)}, max ${q(1)}; signed ${(Math.min(...errors) * 100).toFixed(1)}% … +${(Math.max(...errors) * 100).toFixed(1)}%`);
  console.log(`power law chosen: ${powerRuns.length}/${RUNS}${powerRuns.length ? ` (${powerRuns.join(', ')})` : ''}; real peak outside the range: ${outside}/${RUNS}; ≥ 15% off: ${abs.filter((e) => e >= 0.15).length}/${RUNS}`);
} finally {
  for (const b of burners) b.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(errors.some((e) => Math.abs(e) >= 0.15) ? 1 : 0);
