// Fits peak memory against input size and extrapolates to the full input.
// Two models: linear `a + b·x` and power `a + b·x^k`. The power exponent is found by a grid over
// k ∈ [0.2, 3] refined by golden-section search, with ordinary least squares for a and b at each k.
// The model is chosen by leave-one-out (LOO) error — how well each model predicts a point it has not
// seen — because R² always favours the model with more freedom. See docs/estimate.md.
import type { FittedModel } from './estimateTypes';

export interface FitPoint {
  x: number;
  y: number;
}

/** Input to the fit that cannot give a meaningful model; the message says what is wrong. */
export class FitError extends Error {}

export const SUPERLINEAR_EXPONENT = 1.15;
const K_MIN = 0.2;
const K_MAX = 3;
const K_STEP = 0.02;
/**
 * Power must beat linear's LOO error by 10% to be chosen (a tie goes to the simpler model), and its exponent
 * must be distinguishable from 1 (see exponentCouldBeOne). A stricter ratio is not safer: on quadratic data
 * whose curvature is near the noise floor it picks linear, and under-predicting is the costly mistake.
 */
const POWER_MUST_WIN_BY = 0.9;
/**
 * The least exponent uncertainty assumed when extrapolating: 0.12 for a fitted power law, 0.05 for a line
 * (chosen because nothing beat it, so its exponent is pinned better). Calibrated on the workload suite of
 * bench/estimateCoverage.mjs; the jackknife alone gave ±0.02, and a Heaps'-law workload missed by 7%.
 */
const EXPONENT_FLOOR = { power: 0.12, linear: 0.05 };
const EXPONENT_CAP = 0.5;
/** A rival model this close in leave-one-out error is one the data cannot rule out (see FitResult.rival). */
const RIVAL_PLAUSIBLE = 1.5;

interface Coeffs {
  a: number;
  b: number;
  k: number;
}

/** Least squares for y = a + b·u with b ≥ 0 (memory does not shrink as input grows). */
function lineFit(u: number[], y: number[]): { a: number; b: number; sse: number } {
  const n = u.length;
  const mu = mean(u);
  const my = mean(y);
  let suu = 0;
  let suy = 0;
  for (let i = 0; i < n; i++) {
    suu += (u[i] - mu) ** 2;
    suy += (u[i] - mu) * (y[i] - my);
  }
  let b = suu > 0 ? suy / suu : 0;
  if (b < 0) b = 0;
  const a = my - b * mu;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - a - b * u[i]) ** 2;
  return { a, b, sse };
}

function fitSlope(pts: FitPoint[]): Coeffs {
  const { a, b } = lineFit(
    pts.map((p) => p.x),
    pts.map((p) => p.y),
  );
  return { a, b, k: 1 };
}

function fitFlat(pts: FitPoint[]): Coeffs {
  return { a: mean(pts.map((p) => p.y)), b: 0, k: 1 };
}

/**
 * The linear candidate: `a + b·x`, or its flat special case `a` (b = 0) when the slope does not predict
 * left-out points better than the mean does. Without this, measurement noise on a streaming script's flat
 * peaks becomes a slope that a 10× extrapolation turns into a large error.
 */
function fitLinear(pts: FitPoint[], noiseBytes?: number): Coeffs {
  if (pts.length >= 3 && looError(pts, fitFlat) <= looError(pts, fitSlope)) return fitFlat(pts);
  const line = fitSlope(pts);
  // A rise over the sampled range that two identical runs could show is noise, not growth: extrapolated 10×
  // it would become ten times the noise.
  // Peaks at different sizes also differ by allocator state that repeats at one size do not show: a rise under
  // 2% of the mean peak is treated the same way.
  const rise = line.b * (pts[pts.length - 1].x - pts[0].x);
  if (noiseBytes !== undefined && rise < Math.max(2 * noiseBytes, FLAT_RISE * mean(pts.map((p) => p.y)))) return fitFlat(pts);
  return line;
}

function fitPower(pts: FitPoint[]): Coeffs {
  // Scale x to (0, 1] so x^k neither overflows nor loses precision for byte counts.
  const scale = Math.max(...pts.map((p) => p.x));
  const xs = pts.map((p) => p.x / scale);
  const ys = pts.map((p) => p.y);
  const sseAt = (k: number) => lineFit(xs.map((x) => x ** k), ys).sse;
  let bestK = K_MIN;
  let bestSse = Infinity;
  for (let k = K_MIN; k <= K_MAX + 1e-9; k += K_STEP) {
    const sse = sseAt(k);
    if (sse < bestSse) {
      bestSse = sse;
      bestK = k;
    }
  }
  // Golden-section refine within one grid step either side of the best grid point.
  let lo = Math.max(K_MIN, bestK - K_STEP);
  let hi = Math.min(K_MAX, bestK + K_STEP);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = sseAt(c);
  let fd = sseAt(d);
  for (let i = 0; i < 30; i++) {
    if (fc < fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = sseAt(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = sseAt(d);
    }
  }
  const k = (lo + hi) / 2;
  const { a, b } = lineFit(
    xs.map((x) => x ** k),
    ys,
  );
  // Undo the scaling: b·(x/scale)^k = (b / scale^k)·x^k.
  return { a, b: b / scale ** k, k };
}

function evaluate(c: Coeffs, x: number): number {
  return c.a + c.b * x ** c.k;
}

type Fitter = (pts: FitPoint[]) => Coeffs;

/** Mean absolute relative error of predicting each point from a fit on the others. */
function looError(pts: FitPoint[], fitter: Fitter): number {
  let total = 0;
  for (let i = 0; i < pts.length; i++) {
    const c = fitter(pts.filter((_, j) => j !== i));
    total += Math.abs(evaluate(c, pts[i].x) - pts[i].y) / pts[i].y;
  }
  return total / pts.length;
}

function rSquared(pts: FitPoint[], c: Coeffs): number {
  const my = mean(pts.map((p) => p.y));
  let sst = 0;
  let sse = 0;
  for (const p of pts) {
    sst += (p.y - my) ** 2;
    sse += (p.y - evaluate(c, p.x)) ** 2;
  }
  return sst > 0 ? 1 - sse / sst : 1;
}

export interface FitResult {
  model: FittedModel;
  candidates: FittedModel[];
  /** The run-to-run noise the fit was told about (bytes, one standard deviation). */
  noiseBytes?: number;
  /**
   * The candidate that was not chosen, when it predicts the measured points almost as well (its leave-one-out
   * error within RIVAL_PLAUSIBLE times the chosen one's, plus the noise): the data cannot rule it out, so the
   * band reaches its prediction too.
   */
  rival?: FittedModel;
  /** Half the range of the jackknife power exponents: how loosely the data pin the exponent down. */
  exponentSpread: number;
  /** The largest measured x: where extrapolation starts. */
  largestX: number;
  /** Evaluate the chosen model at x. */
  predict(x: number): number;
  /** Predictions at x from the chosen model refitted without each point in turn (the jackknife). */
  looPredictions(x: number): number[];
}

/** Checks the points and throws FitError naming the problem. */
export function validatePoints(pts: FitPoint[]): FitPoint[] {
  const valid = pts.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0 && p.y > 0);
  if (valid.length < 3) {
    throw new FitError(
      `too few valid points to fit: ${valid.length} of ${pts.length} have a positive size and a measured peak; at least 3 are needed. ` +
        'Use more fractions (e.g. --fractions 0.01,0.02,0.05,0.1) or a larger input.',
    );
  }
  const distinct = new Set(valid.map((p) => p.x));
  if (distinct.size < 3) {
    throw new FitError(
      `the samples have only ${distinct.size} distinct size(s), so there is no trend to fit. ` +
        'The input may have too few lines for these fractions; use larger fractions or a larger input.',
    );
  }
  return [...valid].sort((p, q) => p.x - q.x);
}

/**
 * Whether the data cannot tell the power exponent from 1: the exponents of the power fits that each leave one
 * point out (the jackknife) straddle 1. Then the extra parameter is fitting noise, and linear is kept.
 */
function exponentCouldBeOne(ks: number[]): boolean {
  return Math.min(...ks) <= 1 && Math.max(...ks) >= 1;
}

/** Exponents of the power fits that each leave one point out (the jackknife). */
function jackknifeExponents(pts: FitPoint[]): number[] {
  return pts.map((_, i) => fitPower(pts.filter((__, j) => j !== i)).k);
}

export interface FitOptions {
  /**
   * Run-to-run noise of one measured peak (standard deviation in bytes, from repeated runs at the same size).
   * Power is chosen only when linear misses the points by clearly more than this.
   */
  noiseBytes?: number;
  /** The least between-size scatter, relative to the mean peak (default SIZE_SCATTER; 0 = the repeat noise only). */
  sizeScatter?: number;
}

/** Root-mean-square residual of a fit at the points it was fitted on. */
function rmsResidual(pts: FitPoint[], c: Coeffs): number {
  let s = 0;
  for (const p of pts) s += (p.y - evaluate(c, p.x)) ** 2;
  return Math.sqrt(s / pts.length);
}

/**
 * How many noise standard deviations linear's residuals must reach before a power law may replace it. Two
 * identical runs differ by up to ~2σ, so curvature smaller than that is noise a power law would fit.
 */
const POWER_NEEDS_NOISE_MULTIPLE = 2;
/**
 * The least scatter assumed between peaks at different sizes, relative to the mean peak. Repeats at one size
 * show only the run-to-run noise (σ ≈ 20–60 KB on a ~20 MB Python peak); peaks at different sizes also differ
 * by allocator state — glibc heap steps, pymalloc arenas, which of two layouts a run lands on — by ±0.1–0.2 MB
 * around the true line. Judged against the repeat noise alone, that scatter read as curvature: on the linear
 * example a power law with k = 1.1–1.25 was chosen in ~1–2% of estimates and, extrapolated 10–20×, predicted
 * +16% to +86% (issue 17's flaky ×10 test). The line's RMS residual on that linear workload reached 0.6% of
 * the mean peak (4–5 sizes, 3,000 resampled estimates from 108 measured runs per size, under CPU load), so
 * curvature must clear twice 0.5% before a power law may replace the line. See docs/estimate.md.
 */
export const SIZE_SCATTER = 0.005;
/** With measured noise, a line whose rise over the samples is under this share of the mean peak is flat. */
const FLAT_RISE = 0.02;
/**
 * The least half-width of the range, relative: separate processes' peaks differ by about this much (start-up,
 * allocator state) even when the curve is exact. Measured with bench/estimateCoverage.mjs (constant workload).
 */
const MIN_RELATIVE_BAND = 0.03;

export function fitPeak(points: FitPoint[], opts: FitOptions = {}): FitResult {
  const pts = validatePoints(points);
  const describe = (kind: FittedModel['kind'], fitter: Fitter): FittedModel & { fitter: Fitter } => {
    const c = fitter(pts);
    return {
      kind,
      a: c.a,
      b: c.b,
      exponent: c.k,
      looError: looError(pts, fitter),
      rSquared: rSquared(pts, c),
      superlinear: c.b > 0 && c.k > SUPERLINEAR_EXPONENT,
      fitter,
    };
  };
  const linear = describe('linear', (p) => fitLinear(p, opts.noiseBytes));
  // The power model has three parameters; its LOO needs at least three points left after removing one.
  const power = pts.length >= 4 ? describe('power', fitPower) : undefined;
  // Linear's misses must stand clear of both the repeat noise and the scatter between sizes (SIZE_SCATTER).
  const scatter = Math.max(opts.noiseBytes ?? 0, (opts.sizeScatter ?? SIZE_SCATTER) * mean(pts.map((p) => p.y)));
  const beyondNoise = rmsResidual(pts, fitLinear(pts, opts.noiseBytes)) > POWER_NEEDS_NOISE_MULTIPLE * scatter;
  const ks = power ? jackknifeExponents(pts) : [];
  const chosen = power && beyondNoise && power.looError < linear.looError * POWER_MUST_WIN_BY && !exponentCouldBeOne(ks) ? power : linear;
  const strip = ({ fitter: _f, ...m }: FittedModel & { fitter: Fitter }): FittedModel => m;
  const coeffs: Coeffs = { a: chosen.a, b: chosen.b, k: chosen.exponent };
  const other = chosen === linear ? power : linear;
  return {
    model: strip(chosen),
    candidates: [linear, ...(power ? [power] : [])].map(strip),
    noiseBytes: opts.noiseBytes,
    exponentSpread: ks.length ? (Math.max(...ks) - Math.min(...ks)) / 2 : 0,
    largestX: pts[pts.length - 1].x,
    // A power rival that linear's misses do not call for (they are within the noise) is noise too.
    rival: other && (other !== power || beyondNoise) && other.looError < RIVAL_PLAUSIBLE * chosen.looError + (opts.noiseBytes ?? 0) / mean(pts.map((p) => p.y)) ? strip(other) : undefined,
    predict: (x) => evaluate(coeffs, x),
    looPredictions: (x) => pts.map((_, i) => evaluate(chosen.fitter(pts.filter((__, j) => j !== i)), x)),
  };
}

export interface Prediction {
  x: number;
  peakBytes: number;
  lowBytes: number;
  highBytes: number;
  /** Half-width of the band relative to the prediction (0.12 = ±12%), the larger side. */
  relativeBand: number;
}

/**
 * Prediction at `x` with an uncertainty band, the union of:
 *  - the jackknife spread: refit the chosen model leaving out each point in turn, predict at x with each and
 *    take the largest distance from the full fit's prediction, either side (with 4–8 points the jackknife
 *    standard error understates a 10× extrapolation, so the range is used);
 *  - the mean leave-one-out relative error at the measured points, applied to the prediction;
 *  - two noise standard deviations either side: a single full-size run differs from the curve by that much;
 *  - at least ±3% (MIN_RELATIVE_BAND);
 *  - the rival model's prediction, when the data cannot rule it out (FitResult.rival);
 *  - past the largest sample, the growth extrapolated with the exponent ± its uncertainty (the jackknife
 *    spread, at least EXPONENT_FLOOR).
 * The low end never goes below the largest measured peak (memory at full size is at least that), less the
 * larger of 2σ noise and 3%.
 * Calibrated on the workload suite of bench/estimateCoverage.mjs (docs/benchmarks.md).
 */
export function predictAt(fit: FitResult, x: number, measuredMax = 0): Prediction {
  const peak = Math.max(0, fit.predict(x));
  const spread = Math.max(0, ...fit.looPredictions(x).map((p) => Math.abs(p - peak)));
  const half = Math.max(spread, fit.model.looError * peak, 2 * (fit.noiseBytes ?? 0), MIN_RELATIVE_BAND * peak);
  let low = peak - half;
  let high = peak + half;
  // Beyond the samples, the curve's shape is uncertain by more than the jackknife shows: small samples sit on the
  // interpreter's baseline and allocator steps, so the growth's exponent is known to about ±EXPONENT_FLOOR at best.
  const m = fit.model;
  const beyond = x > fit.largestX && m.b > 0;
  const anchor = beyond ? m.b * fit.largestX ** m.exponent : 0;
  const withExponent = (k: number) => m.a + anchor * (x / fit.largestX) ** k;
  if (beyond) {
    // Capped: past ±0.5 the data say nothing about the shape, and the warning that the fit has not settled says so.
    const dk = Math.min(EXPONENT_CAP, Math.max(fit.exponentSpread, m.kind === 'power' ? EXPONENT_FLOOR.power : EXPONENT_FLOOR.linear));
    for (const k of [m.exponent - dk, m.exponent + dk]) {
      low = Math.min(low, withExponent(k));
      high = Math.max(high, withExponent(k));
    }
  }
  if (fit.rival) {
    let r = fit.rival.a + fit.rival.b * Math.max(0, x) ** fit.rival.exponent;
    // A rival whose shape is further than EXPONENT_CAP from the chosen one counts only up to that shape: a power
    // law with k = 3 fitted to one late bump would otherwise stretch the range a hundredfold.
    if (beyond) r = Math.min(Math.max(r, withExponent(m.exponent - EXPONENT_CAP)), withExponent(m.exponent + EXPONENT_CAP));
    low = Math.min(low, r);
    high = Math.max(high, r);
  }
  // The full input needs at least the largest measured peak — less that peak's own run-to-run noise.
  // Separate processes differ by more than repeats in one session show (start-up, allocator): allow 3% too.
  low = Math.max(low, Math.min(measuredMax - Math.max(2 * (fit.noiseBytes ?? 0), 0.03 * measuredMax), peak), 0);
  return {
    x,
    peakBytes: Math.round(peak),
    lowBytes: Math.round(low),
    highBytes: Math.round(high),
    relativeBand: peak > 0 ? Math.max(high - peak, peak - low) / peak : 0,
  };
}

function mean(v: number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
