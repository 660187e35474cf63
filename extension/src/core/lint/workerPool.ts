// Worker threads for big lint runs: each worker loads the front ends once and lints the files it is
// handed (largest first, two queued per worker so none waits for a round trip); a slow file never blocks
// the other workers. Results come back in input order.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LintSettings } from './config';
import type { LintFileResult } from './engine';

export const WORKER_FLAG = 'memwiseLintWorker';

/**
 * The script a worker runs. In the transpiled tree this is lintWorker.js beside this file; in the
 * bundled CLI (dist/cli.js) it is the bundle itself, whose entry hands over to the worker when it sees
 * the flag in workerData.
 */
function workerScript(): string {
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

export async function lintInWorkers(
  files: string[],
  overrides: Array<{ settings: LintSettings; where: string }>,
  size: number,
  onFile?: (r: LintFileResult) => void,
  cwd?: string,
): Promise<LintFileResult[]> {
  const results: LintFileResult[] = new Array(files.length);
  const queue = bySizeDescending(files);
  let next = 0;
  const script = workerScript();
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true, overrides, cwd } });
      // The worker answers in the order it was sent jobs.
      const pending: Job[] = [];
      let done = false;
      const feed = () => {
        while (pending.length < IN_FLIGHT && next < queue.length) {
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
        if (crashed) {
          results[crashed.index] = {
            path: crashed.file,
            findings: [],
            notices: [{ kind: 'internal', message: `${crashed.file}: the lint worker crashed (${err.message}); no findings for this file.` }],
            suppressed: 0,
            lines: 0,
          };
        }
        queue.splice(next, 0, ...pending);
        pending.length = 0;
        resolve(runWorker());
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(size, files.length) }, runWorker));
  return results;
}
