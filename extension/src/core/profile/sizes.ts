// Memory sizes as people type them: "500MB", "2GiB", "1.5 GB", "80%" (of physical RAM), "1048576".

const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3, kb: 1e3, kib: 1024,
  m: 1e6, mb: 1e6, mib: 1024 ** 2,
  g: 1e9, gb: 1e9, gib: 1024 ** 3,
  t: 1e12, tb: 1e12, tib: 1024 ** 4,
};

/**
 * Parse a size. `what` names the option or setting in the error (e.g. "--max-memory").
 * Throws an Error whose message says what was wrong and shows valid examples.
 */
export function parseSize(text: string, what: string, totalMemBytes: number): number {
  const s = String(text).trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z%]*)$/.exec(s);
  const examples = 'use a number with a unit, e.g. 500MB, 2GiB, 1.5GB, or a share of RAM like 80%';
  if (!m) throw new Error(`${what}: "${text}" is not a size; ${examples}.`);
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  let bytes: number;
  if (unit === '%') {
    if (n <= 0 || n > 100) throw new Error(`${what}: "${text}" must be a percentage between 0 and 100.`);
    bytes = (totalMemBytes * n) / 100;
  } else {
    const scale = unit === '' ? 1 : UNITS[unit];
    if (scale === undefined) throw new Error(`${what}: unknown unit "${m[2]}" in "${text}"; ${examples}.`);
    bytes = n * scale;
  }
  if (!(bytes > 0)) throw new Error(`${what}: "${text}" must be greater than zero.`);
  return Math.round(bytes);
}

export { formatBytes } from '../bytes';
