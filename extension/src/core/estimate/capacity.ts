// Questions the fitted model answers beyond "how much at full size": how many such runs fit side by side in
// N bytes of RAM, and the largest input whose planned peak (with the margin) still fits in N. Also the
// extrapolated curve with its band, sampled for the chart and the estimate file.
import type { EstimateCapacity, EstimateCurvePoint, FittedModel } from './estimateTypes';
import { predictAt, type FitResult } from './fit';

export function modelPeak(m: Pick<FittedModel, 'a' | 'b' | 'exponent'>, x: number): number {
  return m.a + m.b * Math.max(0, x) ** m.exponent;
}

/**
 * For `ramBytes` of memory: parallel runs at the full size (each planned at peak × fudge) and the largest x
 * whose planned peak fits (null when memory does not grow with the input: any size fits as long as one run
 * does). `bytesPerX` turns x into bytes of input (0 in sizes mode).
 */
export function capacityFor(model: Pick<FittedModel, 'a' | 'b' | 'exponent'>, plannedBytes: number, fudgeFactor: number, ramBytes: number, bytesPerX: number): EstimateCapacity {
  const parallelRuns = plannedBytes > 0 ? Math.floor(ramBytes / plannedBytes) : 0;
  const budget = ramBytes / fudgeFactor;
  let largestX: number | null;
  if (model.b <= 0) largestX = model.a <= budget ? null : 0;
  else {
    const room = budget - model.a;
    largestX = room <= 0 ? 0 : Math.floor((room / model.b) ** (1 / model.exponent));
  }
  return {
    ramBytes,
    parallelRuns,
    largestX,
    ...(largestX !== null && bytesPerX > 0 ? { largestInputBytes: Math.round(largestX * bytesPerX) } : {}),
  };
}

/** The chosen model and its band from 0 to a bit past `fullX`, for drawing (about 48 points). */
export function curveTo(fit: FitResult, fullX: number, measured: { maxX: number; maxPeak: number }, steps = 48): EstimateCurvePoint[] {
  const out: EstimateCurvePoint[] = [];
  for (let i = 1; i <= steps; i++) {
    const x = (fullX * i) / steps;
    // Past the largest sample the full input needs at least the largest measured peak; before it, not.
    const p = predictAt(fit, x, x >= measured.maxX ? measured.maxPeak : 0);
    out.push({ x: Math.round(x * 1000) / 1000, peakBytes: p.peakBytes, lowBytes: p.lowBytes, highBytes: p.highBytes });
  }
  return out;
}
