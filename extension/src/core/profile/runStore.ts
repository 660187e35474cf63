// Run files on disk: atomic writes (temp file + rename, so a crash never leaves half a JSON), the newest
// N kept, and loading that validates the schema and names the file and field when something is wrong.
import * as fs from 'fs';
import * as path from 'path';
import { jsonPieces } from './jsonStream';
import { READABLE_SCHEMAS, type RunFile } from './runFileTypes';

// Only names Memwise itself gives run files (see runFileName): pruning never touches anything else.
const RUN_FILE_RE = /^run-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[A-Za-z0-9_.-]+-[a-z0-9]{1,8}\.json$/;
const RUN_FILE_START = '{"schema":"memwise.run/';

/** File name for a run: sortable by time, readable, unique enough (random suffix). */
export function runFileName(script: string, startedAt: string): string {
  const stamp = (startedAt || new Date().toISOString()).replace(/[:.]/g, '-');
  const base = path.basename(script || 'script').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `run-${stamp}-${base}-${Math.random().toString(36).slice(2, 8) || '0'}.json`;
}

/** The log file that holds all of a run's output, beside its run file. */
export function logFileFor(runFile: string): string {
  return runFile.replace(/\.json$/, '.log');
}

/**
 * Refuses, up front, a path under /proc or /sys: Node's recursive mkdir spins forever on procfs, and nothing
 * written there is a file. Resolved through symlinks of the part that exists.
 */
export function refuseKernelPath(p: string, what: string): void {
  let existing = path.resolve(p);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  let real = existing;
  try {
    real = fs.realpathSync(existing);
  } catch {
    /* keep the path as given */
  }
  for (const root of ['/proc', '/sys']) {
    for (const x of [path.resolve(p), real]) {
      if (x === root || x.startsWith(root + '/')) {
        throw new Error(`${what} ${p} is under ${root}, a kernel file system where files cannot be written; choose a normal folder.`);
      }
    }
  }
}

/**
 * Write `data` (a string, or pieces of one) to `file` atomically: a same-directory temp file, fsync, rename.
 * On any failure (full disk, read-only folder) the temp file is removed and the error is thrown.
 */
export async function writeFileAtomic(file: string, data: string | Iterable<string>): Promise<void> {
  refuseKernelPath(file, 'the output file');
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    try {
      for (const piece of typeof data === 'string' ? [data] : data) fs.writeSync(fd, piece, null, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/** Save `run` under `dir` (as `name` when given), keep the newest `keep` run files, return the saved path. */
export async function saveRun(dir: string, run: RunFile, keep = 20, name?: string): Promise<string> {
  const file = path.join(dir, name ?? runFileName(run.script, run.startedAt));
  await writeFileAtomic(file, jsonPieces(run));
  const all = await listRuns(dir);
  for (const old of all.slice(Math.max(0, keep))) {
    if (old === file || !(await wroteByMemwise(old))) continue;
    await fs.promises.rm(old, { force: true });
    await fs.promises.rm(logFileFor(old), { force: true });
  }
  return file;
}

/** True when the file starts the way every run file Memwise writes starts (a name alone is not enough). */
async function wroteByMemwise(file: string): Promise<boolean> {
  try {
    const fh = await fs.promises.open(file, 'r');
    try {
      const buf = Buffer.alloc(RUN_FILE_START.length);
      await fh.read(buf, 0, buf.length, 0);
      return buf.toString('utf8') === RUN_FILE_START;
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
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
  if (typeof data.schema !== 'string' || !READABLE_SCHEMAS.includes(data.schema)) {
    const readable = READABLE_SCHEMAS.map((s) => `"${s}"`).join(' or ');
    return typeof data.schema === 'string' && data.schema.startsWith('memwise.run/')
      ? `field "schema" is "${data.schema}", but this Memwise reads ${readable}; update Memwise or profile again.`
      : `field "schema" must be ${readable} (got ${JSON.stringify(data.schema)}); this is not a Memwise run file.`;
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
