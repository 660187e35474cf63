// Worker-thread side of workerPool.ts: lint each file it is sent and post the result back.
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { allRules } from './catalog';
import { ConfigResolver, type LintSettings } from './config';
import { lintFile, loadFrontEnd } from './engine';
import { loadPython } from './python/parser';
import { WORKER_FLAG } from './workerPool';

export function serveLintWorker(): void {
  const overrides = (workerData?.overrides ?? []) as Array<{ settings: LintSettings; where: string }>;
  const resolver = new ConfigResolver(overrides);
  parentPort!.on('message', async (job: { index: number; file: string }) => {
    const result = await lintFile(job.file, resolver.forFile(job.file), workerData?.cwd as string | undefined);
    parentPort!.postMessage({ index: job.index, result });
  });
  warmUp();
}

/**
 * Until its first job arrives (the CLI starts workers while it walks the folders: lintRun.ts), load what most
 * lints need: the rule modules, the Python front end and its parser (a few milliseconds of wasm; the JS
 * parser, a bigger load, waits for a JS file). A failure here is left for the first file that needs it to report.
 */
function warmUp(): void {
  try {
    allRules();
    loadFrontEnd('python');
    loadPython().catch(() => undefined);
  } catch {
    // reported by the file that needs it
  }
}

if (!isMainThread && workerData?.[WORKER_FLAG]) serveLintWorker();
