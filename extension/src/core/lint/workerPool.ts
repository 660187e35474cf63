// Worker threads for big lint runs: each worker loads the front ends once and lints the files it is
// handed (largest first, two queued per worker so none waits for a round trip); a slow file never blocks
// the other workers. Results come back in input order. A caller whose own thread would only wait (the CLI)
// can lint in it too, from the small end of the queue: see lintInWorkers.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LintSettings } from './config';
import type { LintFileResult } from './engine';

export const WORKER_FLAG = 'memwiseLintWorker';

/** Set by the CLI's launcher (cliLauncher.ts): the script that loads the bundle through its code cache. */
let launcherScript: string | undefined;

/** Workers start from `file` (the CLI's launcher, dist/cli.js) instead of the bundle itself; undefined: the default. */
export function useWorkerScript(file: string | undefined): void {
  launcherScript = file;
}

/**
 * The script a worker runs. In the transpiled tree this is lintWorker.js beside this file; in the
 * bundled CLI it is the launcher (dist/cli.js) or the bundle itself (dist/cliMain.js), whose entry hands
 * over to the worker when it sees the flag in workerData.
 */
function workerScript(): string {
  if (launcherScript) return launcherScript;
  const beside = path.join(__dirname, 'lintWorker.js');
  return fs.existsSync(beside) ? beside : __filename;
}

interface Job {
  index: number;
  file: string;
}

/** Jobs each worker holds at once: the next file is already queued when one finishes, so no worker waits for a round trip. */
const IN_FLIGHT = 2;

/** Largest files first, so that the last files handed out are small and the workers finish together. */
function bySizeDescending(files: string[]): Job[] {
  const jobs = files.map((file, index) => {
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      // lintFile reports the unreadable file
    }
    return { index, file, size };
  });
  jobs.sort((a, b) => b.size - a.size || a.index - b.index);
  return jobs.map(({ index, file }) => ({ index, file }));
}

/**
 * Workers started before the file list is known, so that they load the bundle and the parsers while the calling
 * thread walks the folders. Until a run takes one it does not keep the process alive (unref), and a failure
 * while it boots is kept for the run, which then starts a fresh worker instead.
 */
export interface StartedWorkers {
  take(): Worker | undefined;
  /** Terminates the workers no run took (a folder with few files lints without them). */
  stop(): void;
}

export function startWorkers(count: number, overrides: Array<{ settings: LintSettings; where: string }>, cwd?: string): StartedWorkers {
  const idle: Array<{ worker: Worker; failed: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const entry = { worker: newWorker(overrides, cwd), failed: false };
    entry.worker.unref();
    entry.worker.once('error', () => (entry.failed = true));
    idle.push(entry);
  }
  return {
    take() {
      for (let entry = idle.shift(); entry; entry = idle.shift()) {
        if (!entry.failed) {
          entry.worker.ref();
          return entry.worker;
        }
        void entry.worker.terminate();
      }
      return undefined;
    },
    stop() {
      for (const { worker } of idle.splice(0)) void worker.terminate();
    },
  };
}

function newWorker(overrides: Array<{ settings: LintSettings; where: string }>, cwd?: string): Worker {
  return new Worker(workerScript(), { workerData: { [WORKER_FLAG]: true, overrides, cwd } });
}

/** A file whose lint failed: no findings, and an internal notice saying why. */
function failedFile(file: string, why: string): LintFileResult {
  return { path: file, findings: [], notices: [{ kind: 'internal', message: `${file}: ${why}; no findings for this file.` }], suppressed: 0, lines: 0 };
}

/**
 * `size` threads lint `files`. With `local` (a lint in the calling thread), the calling thread is one of them: it
 * takes files from the small end of the queue while `size - 1` workers take them from the large end, so it starts
 * at once instead of waiting for a worker to boot (a worker thread loads the whole bundle and its own copy of the
 * parsers), one worker fewer warms up its JIT, and between two of its files (a few milliseconds each) it hands the
 * workers their next jobs. Only for a caller whose thread has nothing else to do (the CLI, not an editor).
 * `started` workers are used before new ones are started; the caller that started them stops those left over.
 */
export async function lintInWorkers(
  files: string[],
  overrides: Array<{ settings: LintSettings; where: string }>,
  size: number,
  onFile?: (r: LintFileResult) => void,
  cwd?: string,
  local?: (file: string) => Promise<LintFileResult>,
  started?: StartedWorkers,
): Promise<LintFileResult[]> {
  const results: LintFileResult[] = new Array(files.length);
  const queue = bySizeDescending(files);
  /** Workers take queue[next++]; the calling thread takes queue[--end]. */
  let next = 0;
  let end = queue.length;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = started?.take() ?? newWorker(overrides, cwd);
      // The worker answers in the order it was sent jobs.
      const pending: Job[] = [];
      let done = false;
      const feed = () => {
        while (pending.length < IN_FLIGHT && next < end) {
          const job = queue[next++];
          pending.push(job);
          worker.postMessage(job);
        }
        if (pending.length === 0 && !done) {
          done = true;
          void worker.terminate();
          resolve();
        }
      };
      worker.on('message', (msg: { index: number; result: LintFileResult }) => {
        const at = pending.findIndex((j) => j.index === msg.index);
        if (at >= 0) pending.splice(at, 1);
        results[msg.index] = msg.result;
        onFile?.(msg.result);
        feed();
      });
      worker.on('error', (err) => {
        if (done) return;
        done = true;
        // A crashed worker costs only the file it was on (the oldest it holds), which gets an internal
        // notice; the files queued behind it go to a fresh worker.
        const crashed = pending.shift();
        if (crashed) results[crashed.index] = failedFile(crashed.file, `the lint worker crashed (${err.message})`);
        queue.splice(next, 0, ...pending);
        end += pending.length;
        pending.length = 0;
        resolve(runWorker());
      });
      feed();
    });
  const runLocal = async () => {
    while (next < end) {
      const job = queue[--end];
      let result: LintFileResult;
      try {
        result = await local!(job.file);
      } catch (err) {
        // As in a worker that crashed: this file gets an internal notice (the CLI exits 2), the run goes on.
        result = failedFile(job.file, `linting it failed (${(err as Error).message})`);
      }
      results[job.index] = result;
      onFile?.(result);
      // A macrotask turn, so the workers' finished jobs are answered with new ones between two local files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workers = Math.min(local ? size - 1 : size, files.length);
  await Promise.all([...Array.from({ length: workers }, runWorker), ...(local ? [runLocal()] : [])]);
  return results;
}
