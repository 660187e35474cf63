// Run files on disk: atomic writes (temp file + rename, so a crash never leaves half a JSON), the newest
// N kept, and loading that validates the schema and names the file and field when something is wrong.
import * as fs from 'fs';
import * as path from 'path';
import { RUN_SCHEMA, type RunFile } from './runFileTypes';

const RUN_FILE_RE = /^run-.*\.json$/;

/** File name for a run: sortable by time, readable, unique enough (pid + random suffix). */
function runFileName(run: RunFile): string {
  const stamp = (run.startedAt || new Date().toISOString()).replace(/[:.]/g, '-');
  const base = path.basename(run.script || 'script').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `run-${stamp}-${base}-${Math.random().toString(36).slice(2, 8)}.json`;
}

/** Write `data` to `file` atomically (same-directory temp file, fsync, rename). */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await fs.promises.open(tmp, 'w');
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/** Save `run` under `dir`, keep the newest `keep` run files, return the saved path. */
export async function saveRun(dir: string, run: RunFile, keep = 20): Promise<string> {
  const file = path.join(dir, runFileName(run));
  await writeFileAtomic(file, JSON.stringify(run));
  const all = await listRuns(dir);
  for (const old of all.slice(Math.max(0, keep))) {
    if (old !== file) await fs.promises.rm(old, { force: true });
  }
  return file;
}

/** Run files in `dir`, newest first (by the timestamp in the name, then mtime). Missing dir → []. */
export async function listRuns(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const files = await Promise.all(
    names
      .filter((n) => RUN_FILE_RE.test(n))
      .map(async (n) => {
        const p = path.join(dir, n);
        const st = await fs.promises.stat(p).catch(() => undefined);
        return { p, n, m: st?.mtimeMs ?? 0 };
      }),
  );
  return files.sort((a, b) => (a.n < b.n ? 1 : a.n > b.n ? -1 : b.m - a.m)).map((f) => f.p);
}

/** Read and validate a run file. Throws an Error naming the file and the offending field. */
export function loadRun(file: string): RunFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the run file (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message}); the run file is damaged — profile the script again.`);
  }
  const problem = validateRun(data);
  if (problem) throw new Error(`${file}: ${problem}`);
  return data as RunFile;
}

/** The first schema problem in `data`, in words naming the field, or undefined when it is a valid run. */
export function validateRun(data: unknown): string | undefined {
  if (!isObj(data)) return 'not a Memwise run file (expected a JSON object).';
  if (data.schema !== RUN_SCHEMA) {
    return typeof data.schema === 'string' && data.schema.startsWith('memwise.run/')
      ? `field "schema" is "${data.schema}", but this Memwise reads "${RUN_SCHEMA}"; update Memwise or profile again.`
      : `field "schema" must be "${RUN_SCHEMA}" (got ${JSON.stringify(data.schema)}); this is not a Memwise run file.`;
  }
  const num = (k: string) => (typeof data[k] === 'number' && Number.isFinite(data[k]) ? undefined : `field "${k}" must be a number (got ${JSON.stringify(data[k])}).`);
  for (const k of ['peakBytes', 'durationS']) {
    const p = num(k);
    if (p) return p;
  }
  if (typeof data.stoppedAtCap !== 'boolean') return `field "stoppedAtCap" must be true or false (got ${JSON.stringify(data.stoppedAtCap)}).`;
  if (!(data.exitCode === null || typeof data.exitCode === 'number')) return `field "exitCode" must be a number or null.`;
  const s = data.samples;
  if (!isObj(s) || !Array.isArray(s.t) || !Array.isArray(s.rss)) return 'field "samples" must be { "t": [...], "rss": [...] }.';
  if (s.t.length !== s.rss.length) return `field "samples": "t" has ${s.t.length} entries but "rss" has ${s.rss.length}; they must match.`;
  for (let i = 0; i < s.t.length; i++) {
    if (typeof s.t[i] !== 'number' || typeof s.rss[i] !== 'number') return `field "samples" entry ${i} must hold numbers.`;
  }
  if (!Array.isArray(data.processes)) return 'field "processes" must be an array.';
  for (const [i, p] of data.processes.entries()) {
    if (!isObj(p) || typeof p.pid !== 'number' || typeof p.peakBytes !== 'number') return `field "processes[${i}]" needs numeric "pid" and "peakBytes".`;
  }
  if (!Array.isArray(data.lines)) return 'field "lines" must be an array.';
  for (const [i, l] of data.lines.entries()) {
    if (!isObj(l) || typeof l.file !== 'string' || typeof l.line !== 'number' || typeof l.growthBytes !== 'number') {
      return `field "lines[${i}]" needs "file" (string), "line" and "growthBytes" (numbers).`;
    }
  }
  if (!Array.isArray(data.logs)) return 'field "logs" must be an array.';
  for (const [i, l] of data.logs.entries()) {
    if (!isObj(l) || typeof l.t !== 'number' || (l.stream !== 'stdout' && l.stream !== 'stderr') || typeof l.text !== 'string') {
      return `field "logs[${i}]" needs "t" (number), "stream" ("stdout"|"stderr") and "text" (string).`;
    }
  }
  return undefined;
}

function isObj(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
