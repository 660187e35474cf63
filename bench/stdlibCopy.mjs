// The stdlib copy bench/pythonLint.mjs makes (outside any git checkout) as a list of files, for the benches that
// only read it: STDLIB_COPY overrides where it is. Exits with a message naming the way out when there is none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The copy's folder and its .py files, sorted by path (as bench/pythonLint.mjs lists them), with their text. */
export function stdlibCopyFiles() {
  const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'memwise');
  const corpus = process.env.STDLIB_COPY || (fs.existsSync(cache) ? fs.readdirSync(cache) : []).filter((d) => d.startsWith('bench-stdlib-')).map((d) => path.join(cache, d))[0];
  if (!corpus || !fs.existsSync(corpus)) {
    console.error('no stdlib copy: run node bench/pythonLint.mjs once (it makes one), or set STDLIB_COPY');
    process.exit(2);
  }
  const files = fs
    .readdirSync(corpus, { recursive: true })
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => ({ path: path.join(corpus, f), text: fs.readFileSync(path.join(corpus, f), 'utf8') }));
  return { corpus, files };
}
