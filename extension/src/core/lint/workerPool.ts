// Worker threads for big lint runs: each worker loads the front ends once and lints the files it is
// handed, one at a time, so a slow file never blocks the others. Results come back in input order.
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

export async function lintInWorkers(
  files: string[],
  overrides: Array<{ settings: LintSettings; where: string }>,
  size: number,
  onFile?: (r: LintFileResult) => void,
): Promise<LintFileResult[]> {
  const results: LintFileResult[] = new Array(files.length);
  let next = 0;
  const script = workerScript();
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true, overrides } });
      let current: Job | undefined;
      const feed = () => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          resolve();
          return;
        }
        current = { index: next, file: files[next] };
        next++;
        worker.postMessage(current);
      };
      worker.on('message', (msg: { index: number; result: LintFileResult }) => {
        results[msg.index] = msg.result;
        onFile?.(msg.result);
        feed();
      });
      worker.on('error', (err) => {
        // A crashed worker costs only its current file, which gets an internal notice.
        if (current) {
          results[current.index] = {
            path: current.file,
            findings: [],
            notices: [{ kind: 'internal', message: `${current.file}: the lint worker crashed (${err.message}); no findings for this file.` }],
            suppressed: 0,
            lines: 0,
          };
        }
        current = undefined;
        resolve(runWorker());
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(size, files.length) }, runWorker));
  return results;
}
