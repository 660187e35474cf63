// When to stop adding larger samples. Small samples sit on the interpreter's baseline, where allocator steps
// and the profiler's noise are a large share of the growth, and a 10–100× extrapolation magnifies any error in
// the curve's shape. So the estimate keeps doubling the largest sample until (1) the growth over the smallest
// sample stands clear of the baseline and the noise, (2) the line and the power law agree at full size, and
// (3) the prediction at full size no longer moves when the largest sample is left out — or until the time
// budget or the memory cap says stop.
import { fitPeak, FitError, type FitPoint } from './fit';

/** Growth must reach this share of the smallest sample's peak (the interpreter's baseline, mostly). */
export const GROWTH_OVER_BASELINE = 0.25;
/** The full-size prediction with and without the largest sample must agree within this. */
export const STABLE_WITHIN = 0.1;
/** The line's and the power law's full-size predictions must agree within this ratio. */
export const MODELS_AGREE_WITHIN = 1.25;

export interface SettleVerdict {
  settled: boolean;
  /** Why not, in words, for the progress log and the warning when the budget runs out. */
  reason?: string;
}

export function fitSettled(points: FitPoint[], fullX: number, noiseBytes: number | undefined): SettleVerdict {
  if (points.length < 4) return { settled: false, reason: 'fewer than 4 sizes measured' };
  const ys = points.map((p) => p.y);
  const base = Math.min(...ys);
  const growth = Math.max(...ys) - base;
  let all;
  let fewer;
  try {
    all = fitPeak(points, { noiseBytes });
    const sorted = [...points].sort((p, q) => p.x - q.x);
    fewer = fitPeak(sorted.slice(0, -1), { noiseBytes });
  } catch (err) {
    if (err instanceof FitError) return { settled: false, reason: err.message };
    throw err;
  }
  // A flat peak is not settled either: memory that grows in steps (blocks, chunked buffers) is flat until the
  // next step, so flat samples say nothing about the full size until a larger sample confirms them.
  const clear = growth >= GROWTH_OVER_BASELINE * base && growth > 4 * (noiseBytes ?? 0);
  if (!clear) {
    return { settled: false, reason: `memory grew by only ${Math.round((growth / base) * 100)}% over the smallest sample's peak, too close to the interpreter's baseline to trust its shape` };
  }
  // The shape must be settled too: while the line and the power law both fit the samples yet disagree at the full
  // size, a larger sample is what tells them apart (quadratic growth near the noise floor looks linear).
  const byModel = all.candidates.map((c) => c.a + c.b * fullX ** c.exponent).filter((v) => v > 0);
  if (byModel.length === 2 && Math.max(...byModel) / Math.min(...byModel) > MODELS_AGREE_WITHIN) {
    return { settled: false, reason: `the line and the power law (k = ${all.candidates[1].exponent.toFixed(2)}) both fit the samples but disagree at full size by ${Math.round((Math.max(...byModel) / Math.min(...byModel) - 1) * 100)}%` };
  }
  const a = all.predict(fullX);
  const b = fewer.predict(fullX);
  const moved = Math.abs(a - b) / Math.max(a, 1);
  if (moved > STABLE_WITHIN) {
    return { settled: false, reason: `the full-size prediction moved by ${Math.round(moved * 100)}% when the largest sample was added` };
  }
  return { settled: true };
}
