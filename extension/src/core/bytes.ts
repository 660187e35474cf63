// One way to print memory sizes everywhere (CLI, status bar, inline costs, webview, estimate verdicts):
// binary units (MiB, GiB), like `free -h`, top and the OS tools people compare against. Pure: the
// webview bundle imports it too.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB"; 2 decimals below 10, 1 below 100, none above; trailing zeros dropped. */
export function formatBytes(bytes: number | null | undefined, digits = 1): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  const sign = bytes < 0 ? '-' : '';
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const decimals = u === 0 ? 0 : v >= 100 ? 0 : v >= 10 ? Math.min(digits, 1) : Math.max(digits, 2);
  return `${sign}${String(+v.toFixed(decimals))} ${UNITS[u]}`;
}
