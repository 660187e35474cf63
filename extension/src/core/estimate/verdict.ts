// The estimate's verdict in plain words, against this machine's RAM.
import type { FittedModel } from './estimateTypes';

import { formatBytes } from '../bytes';
export { formatBytes };

export interface VerdictInput {
  peakBytes: number;
  relativeBand: number;
  /** Safety margin as a fraction (0.1 = +10%). */
  margin: number;
  totalMemBytes: number;
  model: Pick<FittedModel, 'exponent' | 'superlinear'>;
  script?: string;
  /** How the full size was given, when not the input itself ("10× the input", "2 GB"). */
  target?: string;
}

export function verdictText(v: VerdictInput): string {
  const band = Math.max(1, Math.round(v.relativeBand * 100));
  const planned = v.peakBytes * (1 + v.margin);
  const parts: string[] = [];
  if (v.model.superlinear) {
    const growth = 2 ** v.model.exponent;
    parts.push(
      `Warning: memory grows faster than the input (exponent ${v.model.exponent.toFixed(2)}): doubling the input multiplies the peak by about ${growth.toFixed(1)}×.`,
    );
  }
  parts.push(`Needs about ${formatBytes(v.peakBytes)} at ${v.target ? `full size (${v.target})` : 'full size'} (±${band}%); with the ${Math.round(v.margin * 100)}% margin, plan for ${formatBytes(planned)}.`);
  parts.push(`This machine has ${formatBytes(v.totalMemBytes)}.`);
  if (planned > v.totalMemBytes) {
    const lint = v.script ? ` — run \`memwise lint ${v.script}\` for memory antipatterns —` : '';
    parts.push(`Reduce memory first${lint} or plan for a bigger machine.`);
  } else if (planned > 0.8 * v.totalMemBytes) {
    parts.push('It should fit, but only just: close other programs, or reduce memory to leave headroom.');
  } else {
    parts.push('It fits comfortably.');
  }
  return parts.join(' ');
}
