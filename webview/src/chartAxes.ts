// Axis ticks shared by the timeline and the estimate chart: round binary byte steps and readable seconds.

/** Y ticks at round binary sizes (64 MiB, 256 MiB, 1 GiB…) rather than 191 MiB steps. */
export const BYTE_INCRS: number[] = [];
for (const unit of [1, 1024, 1024 ** 2, 1024 ** 3, 1024 ** 4]) for (const m of [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]) BYTE_INCRS.push(unit * m);

/** An x tick: ms below a second, seconds below two minutes, then minutes. */
export function axisSeconds(s: number): string {
  if (s === 0) return '0';
  if (Math.abs(s) < 1) return `${+(s * 1000).toFixed(0)} ms`;
  if (Math.abs(s) < 120) return `${+s.toFixed(2)} s`;
  return `${+(s / 60).toFixed(1)} min`;
}
