// `memwise profile SCRIPT [options] [-- ARGS...]`: run a script under the memory sampler, save the run
// file, print a summary; `--budget` turns it into a CI memory-regression check (exit 3); a failed script exits 4.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isNotebookPath } from '../core/notebook/notebookFile';
import { locationText } from '../core/notebook/notebookRun';
import { profileScript } from '../core/profile/runner';
import type { RunFile } from '../core/profile/runFileTypes';
import { EventWriter } from '../core/profile/eventWire';
import { jsonPieces } from '../core/profile/jsonStream';
import { logFileFor, refuseKernelPath, runFileName, saveRun, writeFileAtomic } from '../core/profile/runStore';
import { stopSignals } from './stopSignals';
import { formatBytes, parseSize } from '../core/profile/sizes';
import { EXIT, UsageError, splitPassThrough, type CliIO, parseCommandArgs } from './io';
import { profileVerdict } from './profileExit';

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
  --wait-children      keep measuring descendants still running when the script ends (default: stop them)
  --no-cgroup          don't run the tree in its own memory cgroup, even where one is writable (Linux; see
                       docs/run-file.md: MEMWISE_CGROUP_PARENT names a delegated cgroup to use)
  --quiet              don't echo the script's output
  --events-fd N        stream events (samples, log lines, the saved run's path) as ndjson to fd N; what the
                       VS Code extension uses to run the profiler out of its own process
  -h, --help           this help

The script's output is also written whole to a .log file beside the run file; the run file keeps a bounded
selection of its lines for the timeline.

Exit codes: 0 the script ran and exited 0 (within --budget); 2 usage error, the script could not be started,
or the run file could not be saved (the summary, --json and --html still go out); 3 peak above --budget or the
script was stopped at --max-memory; 4 the script failed (non-zero exit, uncaught exception, killed by a signal);
128+N when Memwise got signal N (SIGINT 130, SIGTERM 143, SIGHUP 129): the whole tree is stopped and the run
is saved, marked cancelled. The script's own exit code is in the summary and run file.`;

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
    'wait-children': { type: 'boolean' },
    'no-cgroup': { type: 'boolean' },
    'events-fd': { type: 'string' },
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

  // Paths Memwise will write are checked before the script runs, not after it used an hour of CPU.
  const runsDir = v['no-save'] ? undefined : path.resolve(io.cwd, v['runs-dir'] ?? path.join('.memwise', 'runs'));
  try {
    if (runsDir) refuseKernelPath(runsDir, '--runs-dir');
    if (v.json && v.json !== '-') refuseKernelPath(path.resolve(io.cwd, v.json), '--json');
    if (v.html) refuseKernelPath(path.resolve(io.cwd, v.html), '--html');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  // The run file's name is chosen now, so the script's output can stream to the log file beside it.
  const runName = runFileName(scriptPath, new Date().toISOString());
  const logFile = runsDir ? prepareLogFile(runsDir, runName) : undefined;

  const ac = new AbortController();
  const stop = stopSignals(() => ac.abort());
  let events: EventWriter | undefined;
  if (v['events-fd'] !== undefined) {
    const fd = Number(v['events-fd']);
    if (!Number.isInteger(fd) || fd < 3) throw new UsageError(`--events-fd: "${v['events-fd']}" must be a file descriptor number ≥ 3.`);
    // The reader gone (the editor closed) cancels the run like a signal would.
    events = new EventWriter(fd, () => ac.abort());
  }
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
      logFile,
      waitChildren: v['wait-children'],
      cgroup: v['no-cgroup'] ? 'off' : 'auto',
      log: events ? (text) => events!.send({ type: 'message', text }) : undefined,
      // Echo the script's output as it happens, byte for byte when the terminal allows it.
      onOutput: !v.quiet && io.write ? (stream, chunk) => io.write!(stream, chunk) : undefined,
      onEvent: (e) => {
        if (events && e.type !== 'end') events.send(e);
        if (!v.quiet && !io.write && e.type === 'log') (e.line.stream === 'stdout' ? io.out : io.err)(e.line.text);
      },
    });
  } catch (err) {
    stop.dispose();
    await events?.close();
    throw new UsageError((err as Error).message);
  }
  // Signals stay handled until the run is saved: a second SIGTERM must not kill Memwise halfway through a save.
  try {
    return await deliver(run, { v, io, runsDir, runName, keep, budget, stopSignal: stop.received, stopExit: stop.exitCode, events });
  } finally {
    stop.dispose();
    await events?.close();
  }
}

interface Delivery {
  v: { json?: string; html?: string; budget?: string };
  io: CliIO;
  runsDir?: string;
  runName: string;
  keep: number;
  budget?: number;
  stopSignal?: NodeJS.Signals;
  stopExit: number;
  events?: EventWriter;
}

/** Saves the run and writes the summary, --json and --html; returns the exit code. */
async function deliver(run: RunFile, d: Delivery): Promise<number> {
  const { v, io, runsDir, runName, keep, budget } = d;
  if (d.stopSignal) run.stopSignal = d.stopSignal;

  // Each output goes out on its own: a runs dir that cannot be written loses neither the summary nor --json/--html.
  const failures: string[] = [];
  const attempt = async (what: string, fix: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      failures.push(`memwise profile: could not write ${what} (${e.code ?? e.message}); ${fix}`);
    }
  };
  let saved: string | undefined;
  if (runsDir) {
    await attempt(`the run file in ${runsDir}`, 'pass --runs-dir with a writable folder, or --no-save', async () => {
      saved = await saveRun(runsDir, run, keep, runName);
    });
  }
  if (v.json === '-') {
    // Pieces, not one string: JSON allows the line breaks io.out puts between them.
    for (const piece of jsonPieces(run)) io.out(piece);
  } else if (v.json) {
    const file = path.resolve(io.cwd, v.json);
    await attempt(`--json ${file}`, 'choose a writable path', () => writeFileAtomic(file, jsonPieces(run)));
  }
  if (v.html) {
    const file = path.resolve(io.cwd, v.html);
    // Loaded only for --html: the report renderer is not needed on the profiling path, which should start fast.
    const { renderHtmlReport } = require('../core/report/htmlReport') as typeof import('../core/report/htmlReport');
    await attempt(`--html ${file}`, 'choose a writable path', () => writeFileAtomic(file, renderHtmlReport({ kind: 'run', run })));
  }
  // The editor reads the run from the saved file; only when saving failed does the run itself go down the wire.
  d.events?.send(saved ? { type: 'end', runPath: saved } : { type: 'end', run, saveError: failures[0] });
  const summaryOut = v.json === '-' ? io.err : io.out;
  summaryOut(summary(run, saved, io.cwd, budget));
  for (const f of failures) io.err(f);
  if (d.stopSignal) return d.stopExit;
  if (failures.length) return EXIT.usage;
  const verdict = profileVerdict(run, budget, v.budget);
  for (const reason of verdict.reasons) io.err(`memwise profile: ${reason}`);
  return verdict.code;
}

/** Creates the runs dir and names the log file in it; undefined (no log file) when the folder cannot be made. */
function prepareLogFile(runsDir: string, runName: string): string | undefined {
  try {
    fs.mkdirSync(runsDir, { recursive: true });
    return logFileFor(path.join(runsDir, runName));
  } catch {
    return undefined; // reported once, clearly, when the run file cannot be saved either
  }
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
  const left = run.leftovers ?? [];
  if (left.length) {
    const how = left.every((l) => l.action === 'waited') ? 'measured until they exited (--wait-children)' : 'stopped (--wait-children keeps measuring them)';
    out.push(`leftover   ${left.length} process(es) still running when the script ended, ${how}:`);
    for (const l of left.slice(0, 10)) out.push(`  pid ${l.pid}  ${l.command.slice(0, 120)}`);
  }
  const containment = containmentLine(run);
  if (containment) out.push(`containment ${containment}`);
  if (run.stopSignal) out.push(`stopped    Memwise got ${run.stopSignal}: the whole process tree was stopped`);
  if (run.logsOmitted) out.push(`output     ${run.logs.length} lines kept for the timeline, ${run.logsOmitted} more in the log file`);
  if (run.logFile) out.push(`log file   ${rel(run.logFile)}`);
  if (saved) out.push(`run file   ${rel(saved)}`);
  return out.join('\n');
}

/** Which containment held the tree, and the kernel's cgroup peak when it differs meaningfully from the /proc peak. */
function containmentLine(run: RunFile): string | undefined {
  const c = run.containment;
  if (!c) return undefined;
  if (c.method === 'process-tree') return `process tree${run.interpreter.kind === 'python' ? ' + subreaper' : ''}${c.reason ? ` (${c.reason})` : ''}`;
  let text = `${c.method === 'cgroup-v2' ? 'cgroup v2' : 'cgroup v1'}${c.hardLimitBytes ? `, kernel limit ${formatBytes(c.hardLimitBytes)}` : ''}`;
  const kernelPeak = c.cgroupPeakBytes;
  if (kernelPeak !== undefined && Math.abs(kernelPeak - run.peakBytes) > Math.max(16 * 1024 * 1024, run.peakBytes / 10)) {
    text += `; the cgroup's own peak was ${formatBytes(kernelPeak)} (it also counts page cache and kernel memory, not what the interpreter used before joining)`;
  }
  return text;
}
