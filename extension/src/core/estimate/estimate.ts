// Orchestrates an estimate: sample the input (or walk the given sizes), run the script on each sample under
// the real profiler, smallest first, fit the measured peaks and predict the full-size peak.
// Shared by the CLI, the VS Code command and the bench; it never imports `vscode`.
import * as os from 'os';
import * as path from 'path';
import { ESTIMATE_SCHEMA, type EstimateFile, type EstimatePoint } from './estimateTypes';
import { capacityFor, curveTo } from './capacity';
import { FitError, fitPeak, predictAt } from './fit';
import { FullSizeError, parseFullSize, type FullSizeTarget } from './fullSize';
import { RECORD_NOUN } from './records';
import { failureText, lastErrorLine, pooledNoise, runSample, type ProfileFn } from './sampleRuns';
import { createSamples, inspectInput, validateFractions, type HeaderMode, type InputInfo } from './sampleInput';
import { fitSettled } from './settle';
import { formatBytes, verdictText } from './verdict';

export { FitError } from './fit';
export { InputError } from './sampleInput';

/** The estimate cannot continue for a reason the user can fix (bad arguments, a failing script). */
export class EstimateError extends Error {
  /** When the script failed: the last line of its error (the exception and its message). */
  scriptError?: string;
}

export const DEFAULT_FRACTIONS = [0.01, 0.02, 0.05, 0.1];
export const DEFAULT_FUDGE = 0.1;
export const INPUT_PLACEHOLDER = '{input}';
export const SIZE_PLACEHOLDER = '{size}';

export type { ProfileFn };
export { failureText };
/** Default time budget (seconds) for adding larger samples until the fit settles (see settle.ts). */
export const DEFAULT_TIME_BUDGET_S = 60;

export type EstimateProgress =
  | { type: 'input'; info: InputInfo }
  | { type: 'sample-start'; index: number; total: number; label: string }
  | { type: 'sample-done'; index: number; total: number; label: string; point: EstimatePoint }
  | { type: 'stopped-early'; reason: string }
  /** The planned samples left the fit unsettled; a larger one follows. */
  | { type: 'extending'; reason: string };

export interface EstimateOptions {
  script: string;
  cwd: string;
  /** Script arguments; `{input}` (fractions mode) or `{size}` (sizes mode) is replaced per run. */
  args: string[];
  /** Defaults to the real profiler, `profileScript`. */
  profile?: ProfileFn;
  /** Fractions mode: the full input file. */
  input?: string;
  fractions?: number[];
  header?: HeaderMode;
  /** Sizes mode: the `{size}` values to run. */
  sizes?: number[];
  /**
   * The size to predict for. Sizes mode: the `{size}` value (required). File mode: "10x", a number of lines
   * (records) or a byte size with a unit (fullSize.ts); default the input itself.
   */
  fullSize?: number | string;
  /**
   * When the planned samples leave the fit unsettled, larger ones are added only while the whole estimate
   * stays within this many seconds (default 60; 0 = run only the planned samples).
   */
  timeBudgetS?: number;
  /** Memory to answer "how many runs in parallel / largest input" for; default this machine's RAM. */
  ramBytes?: number;
  fudge?: number;
  /**
   * Runs per sample. With more, the point's peak is the median run's: the profiler's helper adds about ±100 KB
   * of run-to-run noise, which matters when a superlinear term is only a few MB at 10%. Default: decided per
   * size from the first run's duration (sampleRuns.autoRepeat: 3 for runs under 2 s, 2 under 10 s, else 1).
   */
  repeat?: number;
  /** The profiler's cap; also decides when to stop before a run that would cross it. Default 80% of RAM. */
  memoryCapBytes?: number;
  interpreter?: string;
  intervalMs?: number;
  env?: NodeJS.ProcessEnv;
  totalMemBytes?: number;
  onProgress?: (p: EstimateProgress) => void;
  signal?: AbortSignal;
  tmpDir?: string;
}

interface PlannedRun {
  label: string;
  x: number;
  sizeBytes: number;
  lines: number;
  fraction?: number;
  records?: number;
  size?: number;
  args: string[];
}

/** Which samples to run next: file mode makes them from fractions, sizes mode substitutes the sizes. */
type Planner = (scales: number[], firstIndex: number) => Promise<PlannedRun[]>;

function substitute(args: string[], placeholder: string, value: string): string[] {
  return args.map((a) => a.split(placeholder).join(value));
}

function checkPlaceholder(args: string[], placeholder: string, mode: string): void {
  if (!args.some((a) => a.includes(placeholder))) {
    throw new EstimateError(
      `${placeholder} is missing from the script arguments. In ${mode} mode write ${placeholder} where the ${placeholder === INPUT_PLACEHOLDER ? 'input file' : 'size'} goes, e.g. \`-- ${placeholder}\`${args.length ? ` (got: ${args.join(' ')})` : ''}.`,
    );
  }
}

export async function runEstimate(opts: EstimateOptions): Promise<EstimateFile> {
  const fudge = opts.fudge ?? DEFAULT_FUDGE;
  if (!Number.isFinite(fudge) || fudge < 0 || fudge > 10) throw new EstimateError(`fudge factor ${fudge} is out of range: use a fraction such as 0.1 for +10%.`);
  const totalMem = opts.totalMemBytes ?? os.totalmem();
  const cap = opts.memoryCapBytes ?? Math.floor(0.8 * totalMem);
  const sizesMode = opts.sizes !== undefined;
  const warnings: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let info: InputInfo | undefined;
  let target: FullSizeTarget | undefined;
  let initial: number[];
  let plan: Planner;
  let fullX: number;

  if (sizesMode) {
    const sizes = opts.sizes!;
    if (opts.input) throw new EstimateError('give either --input (sample a file) or --sizes (pass {size} to the script), not both.');
    checkPlaceholder(opts.args, SIZE_PLACEHOLDER, 'sizes');
    if (sizes.length === 0 || sizes.some((s) => !Number.isFinite(s) || s <= 0)) throw new EstimateError(`sizes must be positive numbers, e.g. --sizes 1000,2000,5000 (got ${sizes.join(',')}).`);
    for (let i = 1; i < sizes.length; i++) {
      if (sizes[i] <= sizes[i - 1]) throw new EstimateError(`sizes must be increasing: ${sizes[i]} comes after ${sizes[i - 1]}. List them smallest first.`);
    }
    const full = Number(opts.fullSize);
    if (opts.fullSize === undefined || !Number.isFinite(full) || full <= 0) throw new EstimateError('--sizes needs --full-size N: the size to predict the peak for.');
    fullX = full;
    initial = sizes;
    const integral = sizes.every(Number.isInteger);
    plan = async (scales) =>
      scales.map((raw) => {
        const s = integral ? Math.round(raw) : raw;
        return { label: `size ${s}`, x: s, sizeBytes: 0, lines: 0, size: s, args: substitute(opts.args, SIZE_PLACEHOLDER, String(s)) };
      });
  } else {
    if (!opts.input) throw new EstimateError('no input file: give --input FILE (the full input the script reads), or --sizes for scripts that take a size.');
    checkPlaceholder(opts.args, INPUT_PLACEHOLDER, 'input-file');
    const fractions = opts.fractions ?? DEFAULT_FRACTIONS;
    validateFractions(fractions);
    const input = path.resolve(opts.cwd, opts.input);
    const inputInfo = await inspectInput(input, opts.header ?? 'auto', opts.signal);
    info = inputInfo;
    try {
      target = parseFullSize(opts.fullSize === undefined ? undefined : String(opts.fullSize), inputInfo);
    } catch (err) {
      if (err instanceof FullSizeError) throw new EstimateError(err.message);
      throw err;
    }
    opts.onProgress?.({ type: 'input', info: inputInfo });
    fullX = target.records;
    initial = fractions;
    const noun = RECORD_NOUN[inputInfo.format];
    plan = async (scales, firstIndex) => {
      const set = await createSamples(inputInfo, scales, { tmpDir: opts.tmpDir, signal: opts.signal, firstIndex });
      cleanups.push(set.cleanup);
      return set.samples.map((s) => ({
        label: `${+(s.fraction * 100).toPrecision(3)}% (${s.records} ${noun}, ${formatBytes(s.sizeBytes)})`,
        x: s.records,
        sizeBytes: s.sizeBytes,
        lines: s.lines,
        records: s.records,
        fraction: s.fraction,
        args: substitute(opts.args, INPUT_PLACEHOLDER, s.path),
      }));
    };
  }

  const points: EstimatePoint[] = [];
  let stoppedEarly: string | undefined;
  const started = Date.now();
  const budgetS = opts.timeBudgetS ?? DEFAULT_TIME_BUDGET_S;
  try {
    let queue = await plan(initial, 0);
    let index = 0;
    let lastScale = initial[initial.length - 1];
    for (;;) {
      for (const run of queue) {
        const outcome = await measure(run, index++);
        if (outcome === 'stop') break;
      }
      if (stoppedEarly || budgetS <= 0) break;
      // Extend: double the largest sample until the fit settles, within the time budget.
      const verdict = points.length >= 3 ? fitSettled(fitPoints(points), fullX, pooledNoise(points)) : { settled: true };
      if (verdict.settled) break;
      const nextScale = sizesMode ? Math.min(lastScale * 2, fullX) : Math.min(1, lastScale * 2);
      const last = points[points.length - 1];
      const projectedS = (last.durationS * (last.runPeaks?.length ?? 1) * nextScale) / lastScale;
      const elapsedS = (Date.now() - started) / 1000;
      if (nextScale <= lastScale || elapsedS + projectedS > budgetS) {
        warnings.push(`The fit has not settled (${verdict.reason}), and a larger sample ${nextScale <= lastScale ? 'is not possible: this is the whole input' : `would take about ${Math.round(projectedS)} s, past the time budget of ${budgetS} s (--time-budget)`}. Treat the range with care.`);
        break;
      }
      opts.onProgress?.({ type: 'extending', reason: verdict.reason! });
      queue = await plan([nextScale], index);
      lastScale = nextScale;
    }
  } finally {
    for (const c of cleanups) await c();
  }

  async function measure(run: PlannedRun, i: number): Promise<'stop' | 'ok'> {
    if (opts.signal?.aborted) throw abortError();
    const next = points.length >= 2 ? projectNext(points, run.x) : undefined;
    if (next !== undefined && next > cap) {
      stoppedEarly = `Stopped before ${run.label}: the fit of the ${points.length} runs so far predicts about ${formatBytes(next)} for it, above the memory cap of ${formatBytes(cap)}.`;
      opts.onProgress?.({ type: 'stopped-early', reason: stoppedEarly });
      return 'stop';
    }
    opts.onProgress?.({ type: 'sample-start', index: i, total: Math.max(i + 1, initial.length), label: run.label });
    const { runs, result } = await runSample(
      { script: opts.script, args: run.args, cwd: opts.cwd, interpreter: opts.interpreter, intervalMs: opts.intervalMs, memoryCapBytes: cap, env: opts.env, stdin: 'ignore', signal: opts.signal },
      opts.repeat === undefined ? undefined : Math.max(1, Math.floor(opts.repeat)),
      opts.profile,
    );
    if (opts.signal?.aborted) throw abortError();
    if (result.stoppedAtCap) {
      stoppedEarly = `Stopped at ${run.label}: that run crossed the memory cap of ${formatBytes(cap)}, so its peak is not a complete measurement.`;
      opts.onProgress?.({ type: 'stopped-early', reason: stoppedEarly });
      return 'stop';
    }
    if (result.exitCode !== 0) {
      // Say what the sample was, without blaming the script for the cut: samples are whole records of the input.
      const cut = info ? ` The sample holds the input's first ${run.records} ${RECORD_NOUN[info.format]}, cut at a record boundary into a valid ${info.format === 'json-array' ? 'JSON array' : info.format === 'csv' ? 'CSV file' : 'text file'} with the same name.` : '';
      // First line: where and the script's own last error line (a notification shows just that line).
      const e = new EstimateError(`the script failed on the sample at ${run.label} (exit code ${result.exitCode ?? result.signal ?? 'unknown'}): ${lastErrorLine(result)}\n${cut.trim()}${cut ? '\n' : ''}Its error was:\n${failureText(result)}`);
      e.scriptError = lastErrorLine(result);
      throw e;
    }
    const point: EstimatePoint = {
      x: run.x,
      sizeBytes: run.sizeBytes,
      lines: run.lines,
      ...(run.records !== undefined ? { records: run.records } : {}),
      peakBytes: result.peakBytes,
      durationS: result.durationS,
      ...(runs.length > 1 ? { runPeaks: runs.map((r) => r.peakBytes) } : {}),
      ...(run.fraction !== undefined ? { fraction: run.fraction } : {}),
      ...(run.size !== undefined ? { size: run.size } : {}),
    };
    points.push(point);
    opts.onProgress?.({ type: 'sample-done', index: i, total: Math.max(i + 1, initial.length), label: run.label, point });
    return 'ok';
  }

  const noise = pooledNoise(points);
  let fit;
  try {
    fit = fitPeak(fitPoints(points), { noiseBytes: noise });
  } catch (err) {
    if (err instanceof FitError && stoppedEarly) throw new FitError(`${err.message} ${stoppedEarly}`);
    throw err;
  }
  const measuredMax = Math.max(...points.map((p) => p.peakBytes));
  const maxX = Math.max(...points.map((p) => p.x));
  const pred = predictAt(fit, fullX, measuredMax);
  if (fullX / maxX > 50) warnings.push(`The full size is ${Math.round(fullX / maxX)}× the largest sample; the further the extrapolation, the wider the real uncertainty. Add a larger fraction if the machine allows.`);
  if (points.some((p) => p.lines > 0 && p.lines < 20)) warnings.push('Some samples have fewer than 20 lines; fixed start-up costs dominate them. Use larger fractions or a larger input.');
  // (Superlinear growth is not repeated here: the verdict opens with that warning.)
  if (stoppedEarly) warnings.push(stoppedEarly);

  const plannedBytes = Math.round(pred.peakBytes * (1 + fudge));
  const bytesPerX = info ? info.sizeBytes / Math.max(1, info.records) : 0;
  const ram = opts.ramBytes ?? totalMem;
  const capacity = capacityFor(fit.model, plannedBytes, 1 + fudge, ram, bytesPerX);
  const fullBytes = target ? target.sizeBytes : 0;
  const command = [opts.script, ...opts.args];
  return {
    schema: ESTIMATE_SCHEMA,
    script: opts.script,
    command,
    mode: sizesMode ? 'sizes' : 'fractions',
    xLabel: info ? RECORD_NOUN[info.format] : 'size',
    ...(info ? { input: { path: info.path, sizeBytes: info.sizeBytes, lines: info.lines, records: info.records, format: info.format, gzip: info.gzip } } : {}),
    ...(target && opts.fullSize !== undefined ? { target: { x: target.records, sizeBytes: target.sizeBytes, described: target.described, multiple: target.multiple } } : {}),
    points,
    model: { ...fit.model, candidates: fit.candidates },
    prediction: {
      x: fullX,
      sizeBytes: fullBytes,
      peakBytes: pred.peakBytes,
      lowBytes: pred.lowBytes,
      highBytes: pred.highBytes,
      fudgeFactor: 1 + fudge,
      plannedBytes,
      fitsInRam: plannedBytes <= totalMem,
    },
    curve: curveTo(fit, fullX, { maxX, maxPeak: measuredMax }),
    capacity,
    ...(noise !== undefined ? { noiseBytes: Math.round(noise) } : {}),
    machine: { totalMemBytes: totalMem },
    verdict: verdictText({ peakBytes: pred.peakBytes, relativeBand: pred.relativeBand, margin: fudge, totalMemBytes: totalMem, model: fit.model, script: opts.script, target: target && opts.fullSize !== undefined ? target.described : undefined }),
    warnings,
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
}

function fitPoints(points: EstimatePoint[]): { x: number; y: number }[] {
  return points.map((p) => ({ x: p.x, y: p.peakBytes }));
}

/** What the runs so far predict for the next run's peak: the fit with ≥ 3 points, a line through two. */
function projectNext(points: EstimatePoint[], x: number): number | undefined {
  if (points.length >= 3) {
    try {
      const fit = fitPeak(points.map((p) => ({ x: p.x, y: p.peakBytes })));
      // Use the larger of the two candidates: stopping early is about not crossing the cap.
      return Math.max(...fit.candidates.map((c) => c.a + c.b * x ** c.exponent));
    } catch {
      return undefined;
    }
  }
  const [p, q] = points.slice(-2);
  if (q.x === p.x) return undefined;
  return q.peakBytes + ((q.peakBytes - p.peakBytes) / (q.x - p.x)) * (x - q.x);
}

function abortError(): Error {
  const e = new Error('Estimate cancelled.');
  e.name = 'AbortError';
  return e;
}

export type { InputInfo };
