// Human-readable figures for labels. Binary units (MiB) like the OS tools people compare against.

export { formatBytes } from '../../extension/src/core/bytes';

export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '–';
  if (s < 1) return `${(s * 1000).toFixed(0)} ms`;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${(s - m * 60).toFixed(0)} s`;
}

/** "+12%" / "−85%" for before → after. */
export function formatChange(before: number, after: number): string {
  if (!Number.isFinite(before) || before === 0) return '';
  const pct = ((after - before) / before) * 100;
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}

export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct < 1 && pct > 0 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

export function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(i + 1) : file;
}

/** `file.py:12`, or `nb.ipynb:cell 3:2` for a notebook cell line (notebook runs). */
export function locationLabel(loc: { file: string; line: number; cell?: number }): string {
  return `${baseName(loc.file)}:${loc.cell === undefined ? '' : `cell ${loc.cell + 1}:`}${loc.line}`;
}
