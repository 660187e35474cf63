// Estimate interval coverage: on eight workloads of different shapes, estimate the peak at 10× the input the
// estimate is given (`--full-size 10x`, default options: fractions 1–10% of that input, automatic repeats,
// automatic larger samples up to the whole of it), then run the 10× input for real under the profiler, several
// times each. The given input is the first tenth of the real one (the generators are seeded), so the estimate
// never sees more than 10% of what it predicts. Prints how often the true peak falls inside the predicted
// range (target: at least 90%), the central error and the range's width.
// numpy and pandas come from Debian (python3-numpy, python3-pandas); the bench installs them when missing.
// Run: node esbuild.mjs --production && node bench/estimateCoverage.mjs    (about 10–20 minutes on 2 cores)
// Env: MEMWISE_BENCH_TRIALS (default 3), MEMWISE_BENCH_ONLY=linear,json (a subset), MEMWISE_BENCH_PYTHON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const examples = path.join(root, 'examples', 'estimate');
const workloads = path.join(root, 'bench', 'estimate-workloads');
const fixtures = path.join(root, 'test', 'fixtures', 'estimate');
// Debian's interpreter: python3-numpy and python3-pandas install there.
const python = process.env.MEMWISE_BENCH_PYTHON || (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const TRIALS = Number(process.env.MEMWISE_BENCH_TRIALS || 3);
const csvInput = (rows) => ({ generator: path.join(examples, 'make_input.py'), rows, ext: 'csv' });

const cases = [
  { name: 'linear', script: path.join(examples, 'linear_memory.py'), input: csvInput(400_000) },
  { name: 'sub-linear', script: path.join(workloads, 'sublinear.py'), input: csvInput(400_000) },
  { name: 'constant', script: path.join(examples, 'streaming.py'), input: csvInput(400_000) },
  { name: 'quadratic', script: path.join(examples, 'quadratic_memory.py'), input: csvInput(8_000) },
  { name: 'pandas', script: path.join(workloads, 'pandas_groupby.py'), input: csvInput(400_000), needs: 'pandas' },
  { name: 'json', script: path.join(fixtures, 'json_records.py'), input: { generator: path.join(fixtures, 'make_json.py'), rows: 200_000, ext: 'json' } },
  { name: 'numpy', script: path.join(workloads, 'numpy_temporaries.py'), input: csvInput(400_000), needs: 'numpy' },
  { name: 'step-wise', script: path.join(workloads, 'stepwise.py'), input: csvInput(400_000) },
].filter((c) => !process.env.MEMWISE_BENCH_ONLY || process.env.MEMWISE_BENCH_ONLY.split(',').includes(c.name));

if (!fs.existsSync(cli)) {
  console.error(`bench/estimateCoverage: ${cli} is missing; run "node esbuild.mjs --production" first.`);
  process.exit(2);
}

function ensureModules() {
  const missing = ['numpy', 'pandas'].filter((m) => spawnSync(python, ['-c', `import ${m}`]).status !== 0);
  if (missing.length === 0) return;
  console.error(`Installing Debian's ${missing.map((m) => `python3-${m}`).join(', ')} for ${python}…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => spawnSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], { stdio: 'inherit' });
  apt(['update']);
  apt(['install', '-y', ...missing.map((m) => `python3-${m}`)]);
}

const MiB = 1024 * 1024;
const mib = (b) => `${(b / MiB).toFixed(1)}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bench-coverage-'));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: tmp, encoding: 'utf8', maxBuffer: 64 * MiB });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r;
}

const rows = [];
let hits = 0;
let total = 0;
try {
  ensureModules();
  for (const c of cases) {
    const input = path.join(tmp, `${c.name}-${c.input.rows}.${c.input.ext}`);
    const given = path.join(tmp, `${c.name}-${c.input.rows / 10}.${c.input.ext}`);
    run(python, [c.input.generator, String(c.input.rows), input]);
    run(python, [c.input.generator, String(c.input.rows / 10), given]);
    const trials = [];
    for (let t = 0; t < TRIALS; t++) {
      const estJson = path.join(tmp, `${c.name}-${t}.estimate.json`);
      const t0 = Date.now();
      run(process.execPath, [cli, 'estimate', c.script, '--input', given, '--full-size', '10x', '--python', python, '--json', estJson, '--', '{input}']);
      const estimateS = (Date.now() - t0) / 1000;
      const est = JSON.parse(fs.readFileSync(estJson, 'utf8'));
      const runJson = path.join(tmp, `${c.name}-${t}.run.json`);
      const t1 = Date.now();
      run(process.execPath, [cli, 'profile', c.script, '--python', python, '--no-save', '--quiet', '--json', runJson, '--', input]);
      const fullS = (Date.now() - t1) / 1000;
      const truth = JSON.parse(fs.readFileSync(runJson, 'utf8')).peakBytes;
      const p = est.prediction;
      const hit = p.lowBytes <= truth && truth <= p.highBytes;
      trials.push({ est, truth, hit, estimateS, fullS, err: (p.peakBytes - truth) / truth, width: (p.highBytes - p.lowBytes) / 2 / truth });
      hits += hit ? 1 : 0;
      total++;
      console.error(`${c.name} #${t + 1}: true ${mib(truth)} MiB, predicted ${mib(p.peakBytes)} (${mib(p.lowBytes)}–${mib(p.highBytes)}) ${hit ? 'inside' : 'OUTSIDE'}; ${est.points.length} sizes, ${est.model.kind} k=${est.model.exponent.toFixed(2)}, ${estimateS.toFixed(0)} s`);
    }
    const med = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
    rows.push([
      c.name,
      `${mib(med(trials.map((x) => x.truth)))}`,
      trials.map((x) => `${mib(x.est.prediction.peakBytes)}`).join(' / '),
      `${(med(trials.map((x) => Math.abs(x.err))) * 100).toFixed(1)}%`,
      `±${(med(trials.map((x) => x.width)) * 100).toFixed(0)}%`,
      `${trials.filter((x) => x.hit).length}/${trials.length}`,
      [...new Set(trials.map((x) => (x.est.model.kind === 'power' ? `power k≈${x.est.model.exponent.toFixed(1)}` : x.est.model.b === 0 ? 'flat' : 'linear')))].join(', '),
      String(med(trials.map((x) => x.est.points.length))),
      med(trials.map((x) => x.estimateS)).toFixed(0),
      med(trials.map((x) => x.fullS)).toFixed(1),
    ]);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`Estimate interval coverage: ${TRIALS} independent estimates per workload at --full-size 10x (default options), each against its own real run at 10×`);
console.log(`python: ${python}; machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB\n`);
const head = ['workload', 'true peak MiB', 'predicted MiB', 'median |error|', 'median range', 'inside range', 'model', 'sizes run', 'estimate s', 'full run s'];
console.log([head, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n').replace(/\n/, `\n|${head.map(() => '---').join('|')}|\n`));
const coverage = hits / total;
console.log(`\nCoverage: ${hits}/${total} = ${(coverage * 100).toFixed(0)}% of true full-size peaks inside the predicted range (target ≥ 90%).`);
process.exit(coverage >= 0.9 ? 0 : 1);
