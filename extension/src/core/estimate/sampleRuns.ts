// Running the script on one sample size: repeated when runs are short (the median peak is the point's), the
// run-to-run noise that repeats measure, and the script's failure as the user would see it.
import { profileScript, type ProfileOptions } from '../profile/runner';
import type { RunFile } from '../profile/runFileTypes';
import type { EstimatePoint } from './estimateTypes';

/** The profiler entry point; the default is the real one. The bench and tests use the real one too. */
export type ProfileFn = (opts: ProfileOptions) => Promise<RunFile>;

/**
 * Runs per size when `repeat` is not given, from the first run's duration: three under 2 s, two under 10 s,
 * else one. Short runs are where the profiler helper's ±100 KB noise is a large share of the growth, and
 * where repeating is cheap.
 */
export function autoRepeat(firstRunS: number): number {
  return firstRunS < 2 ? 3 : firstRunS < 10 ? 2 : 1;
}

export interface SampleRunResult {
  runs: RunFile[];
  /** The median run by peak, or the failing / capped run. */
  result: RunFile;
  failed: boolean;
}

export async function runSample(
  base: Omit<ProfileOptions, 'args'> & { args: string[] },
  repeat: number | undefined,
  profile: ProfileFn = profileScript,
): Promise<SampleRunResult> {
  const runs: RunFile[] = [];
  let want = repeat ?? 1;
  for (let r = 0; r < want; r++) {
    const one = await profile(base);
    runs.push(one);
    if (one.stoppedAtCap || one.exitCode !== 0 || base.signal?.aborted) break;
    if (r === 0 && repeat === undefined) want = autoRepeat(one.durationS);
  }
  const bad = runs.find((r) => r.stoppedAtCap || r.exitCode !== 0);
  const result = bad ?? [...runs].sort((p, q) => p.peakBytes - q.peakBytes)[Math.floor((runs.length - 1) / 2)];
  return { runs, result, failed: !!bad };
}

/**
 * Pooled standard deviation of one run's peak, from points measured more than once; undefined without
 * repeats. This is the noise a model must beat before its extra freedom means anything.
 */
export function pooledNoise(points: Pick<EstimatePoint, 'runPeaks'>[]): number | undefined {
  let ss = 0;
  let dof = 0;
  for (const p of points) {
    const r = p.runPeaks;
    if (!r || r.length < 2) continue;
    const m = r.reduce((s, v) => s + v, 0) / r.length;
    for (const v of r) ss += (v - m) ** 2;
    dof += r.length - 1;
  }
  return dof > 0 ? Math.sqrt(ss / dof) : undefined;
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

/** The last non-blank line of the failure: the exception and its message, what a notification can show. */
export function lastErrorLine(run: RunFile): string {
  const lines = failureText(run)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines[lines.length - 1] ?? '(no error message)';
}
