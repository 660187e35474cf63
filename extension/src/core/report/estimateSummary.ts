// The estimate's answers in plain lines, shared by the CLI summary and the estimate view: what x was, the
// prediction and its range at the size asked for, the plan with its margin and whether it fits, and what the
// model says about parallel runs and the largest input for the RAM.
import type { EstimateFile } from '../estimate/estimateTypes';
import { formatBytes } from '../bytes';

export function xDescription(e: EstimateFile): string {
  if (e.mode === 'sizes') return 'x = the {size} value passed to the script';
  return `x = ${e.xLabel} of each sample (header excluded), not bytes: bytes per record drift along a file, record counts do not`;
}

/** "2,000,000 lines (≈ 64 MiB)" — the full size in the user's terms. */
export function fullSizeText(e: EstimateFile, withHow = true): string {
  const p = e.prediction;
  const xs = e.mode === 'sizes' ? `size ${p.x.toLocaleString('en-US')}` : `${p.x.toLocaleString('en-US')} ${e.xLabel}`;
  const bytes = p.sizeBytes > 0 ? ` (≈ ${formatBytes(p.sizeBytes)})` : '';
  const how = e.target && withHow ? `, ${e.target.described}` : '';
  return `${xs}${bytes}${how}`;
}

export function capacityLines(e: EstimateFile): string[] {
  const c = e.capacity;
  if (!c) return [];
  const ram = formatBytes(c.ramBytes);
  const out = [
    c.parallelRuns >= 1
      ? `In ${ram}: ${c.parallelRuns} run${c.parallelRuns === 1 ? '' : 's'} at this size fit side by side (each planned at ${formatBytes(e.prediction.plannedBytes ?? e.prediction.peakBytes)}).`
      : `In ${ram}: not even one run at this size fits with the margin.`,
  ];
  if (c.largestX === null) out.push(`Largest input that fits in ${ram}: no limit from the input — the peak does not grow with it.`);
  else if (c.largestX === 0) out.push(`Largest input that fits in ${ram}: none — the fixed cost alone exceeds it with the margin.`);
  else {
    const x = e.mode === 'sizes' ? `size ${c.largestX.toLocaleString('en-US')}` : `${c.largestX.toLocaleString('en-US')} ${e.xLabel}`;
    out.push(`Largest input that fits in ${ram} (with the margin): about ${x}${c.largestInputBytes ? ` (≈ ${formatBytes(c.largestInputBytes)})` : ''}.`);
  }
  return out;
}

/** The CLI's summary after the runs. */
export function summaryLines(e: EstimateFile): string[] {
  const p = e.prediction;
  const planned = p.plannedBytes ?? Math.round(p.peakBytes * p.fudgeFactor);
  const margin = Math.round((p.fudgeFactor - 1) * 100);
  const fits = planned <= e.machine.totalMemBytes;
  return [
    `Fit on ${e.points.length} sizes; ${xDescription(e)}.`,
    `Full size: ${fullSizeText(e)}.`,
    `Predicted peak: ${formatBytes(p.peakBytes)} (range ${formatBytes(p.lowBytes)} – ${formatBytes(p.highBytes)}).`,
    `Plan with the ${margin}% margin: ${formatBytes(planned)} — ${fits ? 'fits' : 'does NOT fit'} this machine's ${formatBytes(e.machine.totalMemBytes)} of RAM.`,
    ...capacityLines(e),
  ];
}
