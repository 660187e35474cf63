// `memwise profile SCRIPT [options] [-- ARGS...]`: run a script under the memory sampler, save the run
// file, print a summary; `--budget` turns it into a CI memory-regression check (exit 3).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isNotebookPath } from '../core/notebook/notebookFile';
import { locationText } from '../core/notebook/notebookRun';
import { profileScript } from '../core/profile/runner';
import type { RunFile } from '../core/profile/runFileTypes';
import { saveRun, writeFileAtomic } from '../core/profile/runStore';
import { formatBytes, parseSize } from '../core/profile/sizes';
import { EXIT, UsageError, splitPassThrough, type CliIO, parseCommandArgs } from './io';

const HELP = `Usage: memwise profile SCRIPT [options] [-- ARGS...]

Runs SCRIPT (Python, or Node .js/.mjs/.cjs) with the working folder as its cwd, samples the memory of its
whole process tree (exact peaks), attributes growth to source lines and saves a run file. A Jupyter notebook
(.ipynb) runs its code cells top to bottom as one Python program in the notebook's folder, without Jupyter
(magics and shell escapes are skipped and listed); lines are reported as notebook.ipynb:cell N:LINE.

Options:
  --interval MS        sampling interval in milliseconds (default 10)
  --max-memory SIZE    stop the process tree when it reaches SIZE (default 80% of RAM), e.g. 2GB, 500MiB, 50%
  --budget SIZE        exit with code 3 when the peak exceeds SIZE (memory regression check for CI)
  --trace              add tracemalloc's top allocation sites (Python; slows the script ~4x)
  --python PATH        interpreter to run the script with (default python3/python on PATH; node for JS)
  --stdin MODE         ignore (default: the script reads EOF) or inherit (pass this terminal's stdin)
  --json FILE          also write the run file to FILE ("-" for stdout)
  --runs-dir DIR       where run files are kept (default .memwise/runs); --no-save to skip
  --keep N             run files to keep in the runs dir (default 20)
  --html FILE          write a standalone HTML report
  --quiet              don't echo the script's output
  -h, --help           this help

Exit codes: the script's own exit code is reported, not returned; 0 ok, 2 usage error or the script could
not be profiled, 3 peak above --budget or the script was stopped at --max-memory.`;

export async function runProfile(argv: string[], io: CliIO): Promise<number> {
  const { own, rest } = splitPassThrough(argv);
  const parsed = parseCommandArgs('profile', own, {
    interval: { type: 'string' },
    'max-memory': { type: 'string' },
    budget: { type: 'string' },
    trace: { type: 'boolean' },
    python: { type: 'string' },
    stdin: { type: 'string' },
    json: { type: 'string' },
    'runs-dir': { type: 'string' },
    'no-save': { type: 'boolean' },
    keep: { type: 'string' },
    html: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const [script, ...extra] = parsed.positionals;
  if (!script) throw new UsageError('missing SCRIPT. Usage: memwise profile SCRIPT [options] [-- ARGS...]');
  const args = [...extra, ...rest];
  const scriptPath = path.resolve(io.cwd, script);
  if (!fs.existsSync(scriptPath)) throw new UsageError(`${script}: no such file (looked in ${io.cwd}).`);
  const totalMem = os.totalmem();
  const size = (val: string | undefined, what: string) => {
    if (val === undefined) return undefined;
    try {
      return parseSize(val, what, totalMem);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  };
  const cap = size(v['max-memory'], '--max-memory');
  const budget = size(v.budget, '--budget');
  let intervalMs: number | undefined;
  if (v.interval !== undefined) {
    intervalMs = Number(v.interval);
    if (!Number.isFinite(intervalMs) || intervalMs < 1 || intervalMs > 10000) {
      throw new UsageError(`--interval: "${v.interval}" must be a number of milliseconds between 1 and 10000 (default 10).`);
    }
  }
  const keep = v.keep === undefined ? 20 : Number(v.keep);
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError(`--keep: "${v.keep}" must be a whole number ≥ 1.`);
  const stdin = v.stdin ?? 'ignore';
  if (stdin !== 'ignore' && stdin !== 'inherit') throw new UsageError(`--stdin: "${stdin}" must be "ignore" or "inherit".`);

  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  let run: RunFile;
  try {
    // A notebook's code cells run as one program in the notebook's folder (core/notebook/notebookRun.ts).
    const profile = isNotebookPath(scriptPath) ? (require('../core/notebook/notebookRun') as typeof import('../core/notebook/notebookRun')).profileNotebook : profileScript;
    run = await profile({
      script: scriptPath,
      args,
      cwd: io.cwd,
      interpreter: v.python,
      intervalMs,
      memoryCapBytes: cap,
      trace: v.trace,
      env: io.env,
      stdin: stdin as 'ignore' | 'inherit',
      signal: ac.signal,
      onEvent: v.quiet
        ? undefined
        : (e) => {
            // Echo the script's output as it happens (the run file keeps it with timestamps).
            if (e.type === 'log') (e.line.stream === 'stdout' ? io.out : io.err)(e.line.text);
          },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  let saved: string | undefined;
  if (!v['no-save']) {
    const dir = path.resolve(io.cwd, v['runs-dir'] ?? path.join('.memwise', 'runs'));
    saved = await saveRun(dir, run, keep);
  }
  if (v.json) {
    const text = JSON.stringify(run, null, 1);
    if (v.json === '-') io.out(text);
    else await writeFileAtomic(path.resolve(io.cwd, v.json), text);
  }
  if (v.html) {
    const file = path.resolve(io.cwd, v.html);
    // Loaded only for --html: the report renderer is not needed on the profiling path, which should start fast.
    const { renderHtmlReport } = require('../core/report/htmlReport') as typeof import('../core/report/htmlReport');
    await writeFileAtomic(file, renderHtmlReport({ kind: 'run', run }));
  }
  const summaryOut = v.json === '-' ? io.err : io.out;
  summaryOut(summary(run, saved, io.cwd, budget));
  if (run.stoppedAtCap) {
    io.err(`memwise profile: the script was stopped at the memory cap ${formatBytes(run.memoryCapBytes ?? 0)}; results so far are saved.`);
    return EXIT.budgetExceeded;
  }
  if (budget !== undefined && run.peakBytes > budget) {
    io.err(`memwise profile: peak ${formatBytes(run.peakBytes)} exceeds the budget ${formatBytes(budget)} (--budget ${v.budget}).`);
    return EXIT.budgetExceeded;
  }
  return EXIT.ok;
}

export function summary(run: RunFile, saved: string | undefined, cwd: string, budget?: number): string {
  const rel = (f: string) => (f.startsWith(cwd + path.sep) ? path.relative(cwd, f) : f);
  const out: string[] = [];
  out.push('');
  out.push(`── Memwise profile: ${rel(run.script)} ──`);
  const status = run.stoppedAtCap
    ? 'STOPPED at the memory cap'
    : run.cancelled
      ? 'cancelled'
      : run.signal
        ? `killed by ${run.signal}`
        : `exit code ${run.exitCode}`;
  out.push(`peak       ${formatBytes(run.peakBytes)} at ${run.peakT?.toFixed(2) ?? '?'} s${budget !== undefined ? ` (budget ${formatBytes(budget)})` : ''}`);
  out.push(`duration   ${run.durationS.toFixed(2)} s, ${status}`);
  if (run.sampling) {
    const req = 1000 / run.sampling.requestedIntervalMs;
    out.push(`samples    ${run.sampling.sampleCount} at ${run.sampling.achievedHz} Hz (requested ${req.toFixed(0)} Hz), ${run.processes.length} process(es)`);
  }
  if (run.processes.length > 1) {
    // By role (main / worker N / the command it ran) with each one's own peak.
    const procs = run.processes.map((p) => `${(p.role ?? p.command).slice(0, 40)} ${formatBytes(p.peakBytes)}`);
    out.push(`processes  ${procs.slice(0, 6).join(', ')}${procs.length > 6 ? `, … ${procs.length - 6} more` : ''}`);
  }
  if (run.capContext) out.push(`cap        ${run.capContext}`);
  if (run.error) {
    out.push(`error      ${run.error.message}`);
    for (const f of run.error.frames.slice(-3)) out.push(`           at ${locationText(f, rel)} (${f.function})`);
  }
  const top = run.lines.filter((l) => l.growthBytes > 0).slice(0, 5);
  if (top.length) {
    out.push('top lines by memory growth:');
    for (const l of top) out.push(`  ${formatBytes(l.growthBytes).padStart(10)}  ${locationText(l, rel)}  ${l.function}`);
  }
  if (run.sampledAllocations?.length) {
    out.push('allocated (V8 sampled, freed objects included; not growth):');
    for (const a of run.sampledAllocations.slice(0, 3)) out.push(`  ${formatBytes(a.sizeBytes).padStart(10)}  ${rel(a.file)}:${a.line}  ${a.function}`);
  }
  if (run.trace) {
    out.push(`tracemalloc: ${run.trace.overheadNote}`);
    for (const s of run.trace.top.slice(0, 5)) out.push(`  ${formatBytes(s.sizeBytes).padStart(10)}  ${locationText(s, rel)}  (${s.count} blocks)`);
  }
  if (run.cells?.length) {
    out.push('cells:');
    for (const c of run.cells) out.push(`  ${c.start.toFixed(2).padStart(7)}–${(c.end ?? run.durationS).toFixed(2)} s  ${c.label}`);
  }
  for (const w of run.warnings ?? []) out.push(`note: ${w}`);
  if (saved) out.push(`run file   ${rel(saved)}`);
  return out.join('\n');
}
