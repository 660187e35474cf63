// `memwise estimate SCRIPT --input FILE [--fractions …] -- ARGS`: predict the full-size peak from small samples.
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { EXIT, UsageError, splitPassThrough, type CliIO, parseCommandArgs } from './io';
import { DEFAULT_FRACTIONS, DEFAULT_FUDGE, DEFAULT_TIME_BUDGET_S, EstimateError, FitError, INPUT_PLACEHOLDER, InputError, runEstimate as estimate } from '../core/estimate/estimate';
import { isNotebookPath } from '../core/notebook/notebookFile';
import { stopSignals } from './stopSignals';
import type { EstimateFile } from '../core/estimate/estimateTypes';
import type { HeaderMode } from '../core/estimate/sampleInput';
import { formatBytes } from '../core/estimate/verdict';
import { writeFileAtomic } from '../core/profile/runStore';
import { RECORD_NOUN } from '../core/estimate/records';
import { summaryLines } from '../core/report/estimateSummary';
import { parseSize } from '../core/profile/sizes';
import { renderHtmlReport } from '../core/report/htmlReport';

const HELP = `Usage: memwise estimate SCRIPT --input FILE [options] -- ARGS...
       memwise estimate SCRIPT --sizes 1000,2000,5000 --full-size N [options] -- ARGS...

Runs SCRIPT on small samples of FILE (prefixes of its lines, CSV rows or JSON array elements, smallest
first, under the profiler), fits peak memory against the number of records (linear a+b·n, or power a+b·n^k
when it beats linear by more than the noise between repeated runs) and predicts the peak at the full size.
In ARGS, {input} marks where the sample file goes; with --sizes, {size} gets each size.
A Jupyter notebook (.ipynb) takes each sample through the variable whose assignment is marked
\`# memwise: input\` (e.g. PATH = "data.csv"  # memwise: input); no ARGS are needed.

Options:
  --input FILE          the full input the script reads (gzip is handled)
  --fractions LIST      increasing fractions of the input's lines to run (default ${DEFAULT_FRACTIONS.join(',')})
  --sizes LIST          instead of --input: increasing values substituted for {size}
  --full-size SIZE      the size to predict for. With --input: a number of lines/records (5000000), a
                        byte size with a unit (2GB, 750MiB) or a multiple of the input (10x); default
                        the input itself. With --sizes (required): the {size} value
  --time-budget SECS    while the fit is unsettled, larger samples are added as long as the whole
                        estimate stays within SECS (default ${DEFAULT_TIME_BUDGET_S}; 0 = only the listed fractions)
  --ram SIZE            answer "how many runs in parallel / largest input" for this much memory
                        (default this machine's RAM)
  --header MODE         auto (default: keep line 1 of CSV/TSV inputs in every sample), keep, none
  --fudge F             safety margin added to the plan (default ${DEFAULT_FUDGE} = +10%)
  --repeat N            runs per sample; the median peak is used (default: 3 when a run takes under
                        2 s, 2 under 10 s, else 1)
  --max-memory SIZE     memory cap per run, and stop before a run predicted to cross it (default 80%)
  --python PATH         interpreter to run the script with
  --json OUT            write the estimate file (schema memwise.estimate/1); "-" for stdout
  --html OUT            write a standalone HTML report with the chart
  -h, --help            this help`;

function parseList(text: string, what: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  const bad = parts.find((s, i) => s === '' || !Number.isFinite(nums[i]));
  if (bad !== undefined) throw new UsageError(`${what}: "${text}" is not a comma-separated list of numbers (e.g. ${what === '--sizes' ? '1000,2000,5000' : '0.01,0.02,0.05,0.1'}).`);
  return nums;
}

export async function runEstimate(argv: string[], io: CliIO): Promise<number> {
  const { own, rest } = splitPassThrough(argv);
  const parsed = parseCommandArgs('estimate', own, {
    input: { type: 'string' },
    fractions: { type: 'string' },
    sizes: { type: 'string' },
    'full-size': { type: 'string' },
    'time-budget': { type: 'string' },
    ram: { type: 'string' },
    header: { type: 'string' },
    fudge: { type: 'string' },
    repeat: { type: 'string' },
    'max-memory': { type: 'string' },
    python: { type: 'string' },
    json: { type: 'string' },
    html: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one SCRIPT, got ${positionals.length ? positionals.join(' ') : 'none'}. Script arguments go after "--". Run "memwise estimate --help".`);
  const script = path.resolve(io.cwd, positionals[0]);
  if (!fs.existsSync(script)) throw new UsageError(`script not found: ${positionals[0]}`);
  const header = (v.header ?? 'auto') as HeaderMode;
  if (!['auto', 'keep', 'none'].includes(header)) throw new UsageError(`--header must be auto, keep or none (got "${v.header}").`);
  const fudge = v.fudge === undefined ? DEFAULT_FUDGE : Number(v.fudge);
  if (!Number.isFinite(fudge) || fudge < 0) throw new UsageError(`--fudge must be a non-negative fraction such as 0.1 for +10% (got "${v.fudge}").`);
  const repeat = v.repeat === undefined ? undefined : Number(v.repeat);
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1 || repeat > 20)) throw new UsageError(`--repeat must be a whole number from 1 to 20 (got "${v.repeat}").`);
  const totalMem = os.totalmem();
  let cap: number | undefined;
  if (v['max-memory'] !== undefined) {
    try {
      cap = parseSize(v['max-memory'], '--max-memory', totalMem);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  // With --input the full size is parsed against the input (fullSize.ts: lines, bytes with a unit, 10x).
  let fullSize: number | string | undefined = v['full-size'];
  if (v.sizes !== undefined && v['full-size'] !== undefined) {
    fullSize = Number(v['full-size']);
    if (!(Number.isFinite(fullSize) && fullSize > 0)) throw new UsageError(`--full-size with --sizes must be a positive number, the {size} value to predict for (got "${v['full-size']}").`);
  }
  const timeBudget = v['time-budget'] === undefined ? undefined : Number(v['time-budget'].replace(/s$/, ''));
  if (timeBudget !== undefined && !(Number.isFinite(timeBudget) && timeBudget >= 0)) throw new UsageError(`--time-budget must be a number of seconds, 0 or more (got "${v['time-budget']}").`);
  let ram: number | undefined;
  if (v.ram !== undefined) {
    try {
      ram = parseSize(v.ram, '--ram', totalMem);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  if (v.sizes === undefined && v.input === undefined) throw new UsageError('give --input FILE (the full input the script reads) or --sizes LIST with --full-size N. Run "memwise estimate --help".');

  const toStdout = v.json === '-';
  const say = (t: string) => (toStdout ? io.err(t) : io.out(t));
  const controller = new AbortController();
  // SIGINT, SIGTERM, SIGHUP: the running sample's tree is stopped and the sample folder removed before exiting.
  const stop = stopSignals(() => controller.abort());
  let result: EstimateFile;
  try {
    // A notebook runs as one program; its `# memwise: input` variable receives each sample (core/notebook/notebookRun.ts).
    const notebook = isNotebookPath(script) ? (require('../core/notebook/notebookRun') as typeof import('../core/notebook/notebookRun')) : undefined;
    const args = notebook && v.input !== undefined ? notebook.notebookEstimateArgs(script, rest, INPUT_PLACEHOLDER) : rest;
    result = await estimate({
      script,
      cwd: io.cwd,
      args,
      ...(notebook ? { profile: notebook.profileNotebook } : {}),
      input: v.input,
      fractions: v.fractions !== undefined ? parseList(v.fractions, '--fractions') : undefined,
      sizes: v.sizes !== undefined ? parseList(v.sizes, '--sizes') : undefined,
      fullSize,
      header,
      fudge,
      repeat,
      timeBudgetS: timeBudget,
      ramBytes: ram,
      memoryCapBytes: cap,
      interpreter: v.python,
      env: io.env,
      totalMemBytes: totalMem,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.type === 'input') say(`Input ${p.info.path}: ${formatBytes(p.info.sizeBytes)}, ${p.info.records} ${RECORD_NOUN[p.info.format]}${p.info.gzip ? ' (gzip)' : ''}${p.info.header ? ', header kept in samples' : ''}.`);
        else if (p.type === 'extending') say(`Adding a larger sample: ${p.reason}.`);
        else if (p.type === 'sample-start') say(`[${p.index + 1}/${p.total}] running on ${p.label}…`);
        else if (p.type === 'sample-done') say(`[${p.index + 1}/${p.total}] peak ${formatBytes(p.point.peakBytes)} in ${p.point.durationS.toFixed(1)} s`);
        else say(p.reason);
      },
    });
  } catch (err) {
    if (err instanceof InputError || err instanceof FitError || err instanceof EstimateError) throw new UsageError(err.message);
    if ((err as Error).name === 'AbortError') {
      if (!stop.received) throw new UsageError('cancelled; no estimate was written.');
      io.err(`memwise estimate: got ${stop.received}; stopped the running sample and removed the sample files; no estimate was written.`);
      return stop.exitCode;
    }
    throw err;
  } finally {
    stop.dispose();
  }

  const m = result.model;
  say(
    `Model: ${m.kind === 'linear' ? (m.b === 0 ? 'flat (peak does not grow with the input)' : 'linear a + b·n') : `power a + b·n^${m.exponent.toFixed(2)}`}` +
      ` (leave-one-out error ${(m.looError * 100).toFixed(1)}%).`,
  );
  for (const line of summaryLines(result)) say(line);
  for (const w of result.warnings) if (w !== result.stoppedEarly) say(`Warning: ${w}`);
  say(result.verdict);
  if (v.json !== undefined) {
    const text = JSON.stringify(result, null, 2);
    if (toStdout) io.out(text);
    else await writeOutput(path.resolve(io.cwd, v.json), text + '\n');
  }
  if (v.html !== undefined) {
    await writeOutput(path.resolve(io.cwd, v.html), renderHtmlReport({ kind: 'estimate', estimate: result }));
    say(`HTML report: ${v.html}`);
  }
  return EXIT.ok;
}

/** Atomic write (temp file removed on failure; /proc and /sys refused); a failure is one clear line, exit 2. */
async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`could not write ${file} (${e.code ?? e.message}); choose a writable path. The estimate above was not saved.`);
  }
}
