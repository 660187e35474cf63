// Orchestrates an estimate: sample the input (or walk the given sizes), run the script on each sample under
// the real profiler, smallest first, fit the measured peaks and predict the full-size peak.
// Shared by the CLI, the VS Code command and the bench; it never imports `vscode`.
import * as os from 'os';
import * as path from 'path';
import { profileScript, type ProfileOptions } from '../profile/runner';
import type { RunFile } from '../profile/runFileTypes';
import { ESTIMATE_SCHEMA, type EstimateFile, type EstimatePoint } from './estimateTypes';
import { FitError, fitPeak, predictAt } from './fit';
import { createSamples, inspectInput, validateFractions, type HeaderMode, type InputInfo } from './sampleInput';
import { formatBytes, verdictText } from './verdict';

export { FitError } from './fit';
export { InputError } from './sampleInput';

/** The estimate cannot continue for a reason the user can fix (bad arguments, a failing script). */
export class EstimateError extends Error {}

export const DEFAULT_FRACTIONS = [0.01, 0.02, 0.05, 0.1];
export const DEFAULT_FUDGE = 0.1;
export const INPUT_PLACEHOLDER = '{input}';
export const SIZE_PLACEHOLDER = '{size}';

/** The profiler entry point; the default is the real one. The bench and tests use the real one too. */
export type ProfileFn = (opts: ProfileOptions) => Promise<RunFile>;

export type EstimateProgress =
  | { type: 'input'; info: InputInfo }
  | { type: 'sample-start'; index: number; total: number; label: string }
  | { type: 'sample-done'; index: number; total: number; label: string; point: EstimatePoint }
  | { type: 'stopped-early'; reason: string };

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
  /** Sizes mode: the `{size}` values to run, and the full size to predict. */
  sizes?: number[];
  fullSize?: number;
  fudge?: number;
  /**
   * Runs per sample (default 1). With more, the point's peak is the median run's: the profiler's helper adds
   * about ±100 KB of run-to-run noise, which matters when a superlinear term is only a few MB at 10%.
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
  size?: number;
  args: string[];
}

function substitute(args: string[], placeholder: string, value: string): string[] {
  return args.map((a) => a.split(placeholder).join(value));
}

/** The script's failure as the user would see it in a terminal: its traceback, else its last stderr lines. */
export function failureText(run: RunFile): string {
  const stderr = run.logs.filter((l) => l.stream === 'stderr').map((l) => l.text);
  const tb = stderr.lastIndexOf('Traceback (most recent call last):');
  if (tb >= 0) return stderr.slice(tb).join('\n');
  if (run.error) {
    const frames = run.error.frames.map((f) => `  File "${f.file}", line ${f.line}, in ${f.function}`);
    return ['Traceback (most recent call last):', ...frames, run.error.message].join('\n');
  }
  return stderr.slice(-20).join('\n') || '(the script printed nothing on stderr)';
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
  let info: InputInfo | undefined;
  let planned: PlannedRun[];
  let cleanup = async () => undefined as void;
  let fullX: number;

  if (sizesMode) {
    const sizes = opts.sizes!;
    if (opts.input) throw new EstimateError('give either --input (sample a file) or --sizes (pass {size} to the script), not both.');
    checkPlaceholder(opts.args, SIZE_PLACEHOLDER, 'sizes');
    if (sizes.length === 0 || sizes.some((s) => !Number.isFinite(s) || s <= 0)) throw new EstimateError(`sizes must be positive numbers, e.g. --sizes 1000,2000,5000 (got ${sizes.join(',')}).`);
    for (let i = 1; i < sizes.length; i++) {
      if (sizes[i] <= sizes[i - 1]) throw new EstimateError(`sizes must be increasing: ${sizes[i]} comes after ${sizes[i - 1]}. List them smallest first.`);
    }
    if (opts.fullSize === undefined || !Number.isFinite(opts.fullSize) || opts.fullSize <= 0) throw new EstimateError('--sizes needs --full-size N: the size to predict the peak for.');
    fullX = opts.fullSize;
    planned = sizes.map((s) => ({ label: `size ${s}`, x: s, sizeBytes: 0, lines: 0, size: s, args: substitute(opts.args, SIZE_PLACEHOLDER, String(s)) }));
  } else {
    if (!opts.input) throw new EstimateError('no input file: give --input FILE (the full input the script reads), or --sizes for scripts that take a size.');
    checkPlaceholder(opts.args, INPUT_PLACEHOLDER, 'input-file');
    const fractions = opts.fractions ?? DEFAULT_FRACTIONS;
    validateFractions(fractions);
    const input = path.resolve(opts.cwd, opts.input);
    info = await inspectInput(input, opts.header ?? 'auto', opts.signal);
    opts.onProgress?.({ type: 'input', info });
    fullX = info.sizeBytes;
    const set = await createSamples(info, fractions, { tmpDir: opts.tmpDir, signal: opts.signal });
    cleanup = set.cleanup;
    planned = set.samples.map((s) => ({
      label: `${+(s.fraction * 100).toPrecision(3)}% (${s.lines} lines, ${formatBytes(s.sizeBytes)})`,
      x: s.sizeBytes,
      sizeBytes: s.sizeBytes,
      lines: s.lines,
      fraction: s.fraction,
      args: substitute(opts.args, INPUT_PLACEHOLDER, s.path),
    }));
  }

  const points: EstimatePoint[] = [];
  let stoppedEarly: string | undefined;
  try {
    for (let i = 0; i < planned.length; i++) {
      const run = planned[i];
      if (opts.signal?.aborted) throw abortError();
      const next = points.length >= 2 ? projectNext(points, run.x) : undefined;
      if (next !== undefined && next > cap) {
        stoppedEarly = `Stopped before ${run.label}: the fit of the ${points.length} runs so far predicts about ${formatBytes(next)} for it, above the memory cap of ${formatBytes(cap)}.`;
        opts.onProgress?.({ type: 'stopped-early', reason: stoppedEarly });
        break;
      }
      opts.onProgress?.({ type: 'sample-start', index: i, total: planned.length, label: run.label });
      const repeat = Math.max(1, Math.floor(opts.repeat ?? 1));
      const runs: RunFile[] = [];
      for (let r = 0; r < repeat; r++) {
        const one = await (opts.profile ?? profileScript)({
          script: opts.script,
          args: run.args,
          cwd: opts.cwd,
          interpreter: opts.interpreter,
          intervalMs: opts.intervalMs,
          memoryCapBytes: cap,
          env: opts.env,
          stdin: 'ignore',
          signal: opts.signal,
        });
        runs.push(one);
        if (one.stoppedAtCap || one.exitCode !== 0 || opts.signal?.aborted) break;
      }
      // The median run by peak (a failing or capped run is always the one reported).
      const bad = runs.find((r) => r.stoppedAtCap || r.exitCode !== 0);
      const result = bad ?? [...runs].sort((p, q) => p.peakBytes - q.peakBytes)[Math.floor((runs.length - 1) / 2)];
      if (opts.signal?.aborted) throw abortError();
      if (result.stoppedAtCap) {
        stoppedEarly = `Stopped at ${run.label}: that run crossed the memory cap of ${formatBytes(cap)}, so its peak is not a complete measurement.`;
        opts.onProgress?.({ type: 'stopped-early', reason: stoppedEarly });
        break;
      }
      if (result.exitCode !== 0) {
        throw new EstimateError(`the script failed on the sample at ${run.label} (exit code ${result.exitCode ?? result.signal ?? 'unknown'}). Fix the script or its arguments; its error was:\n${failureText(result)}`);
      }
      const point: EstimatePoint = {
        x: run.x,
        sizeBytes: run.sizeBytes,
        lines: run.lines,
        peakBytes: result.peakBytes,
        durationS: result.durationS,
        ...(runs.length > 1 ? { runPeaks: runs.map((r) => r.peakBytes) } : {}),
        ...(run.fraction !== undefined ? { fraction: run.fraction } : {}),
        ...(run.size !== undefined ? { size: run.size } : {}),
      };
      points.push(point);
      opts.onProgress?.({ type: 'sample-done', index: i, total: planned.length, label: run.label, point });
    }
  } finally {
    await cleanup();
  }

  let fit;
  try {
    fit = fitPeak(points.map((p) => ({ x: p.x, y: p.peakBytes })));
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

  const command = [opts.script, ...opts.args];
  return {
    schema: ESTIMATE_SCHEMA,
    script: opts.script,
    command,
    mode: sizesMode ? 'sizes' : 'fractions',
    xLabel: sizesMode ? 'size' : 'input bytes',
    ...(info ? { input: { path: info.path, sizeBytes: info.sizeBytes, lines: info.lines, gzip: info.gzip } } : {}),
    points,
    model: { ...fit.model, candidates: fit.candidates },
    prediction: {
      x: fullX,
      sizeBytes: info ? info.sizeBytes : 0,
      peakBytes: pred.peakBytes,
      lowBytes: pred.lowBytes,
      highBytes: pred.highBytes,
      fudgeFactor: 1 + fudge,
      plannedBytes: Math.round(pred.peakBytes * (1 + fudge)),
    },
    machine: { totalMemBytes: totalMem },
    verdict: verdictText({ peakBytes: pred.peakBytes, relativeBand: pred.relativeBand, margin: fudge, totalMemBytes: totalMem, model: fit.model, script: opts.script }),
    warnings,
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
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
