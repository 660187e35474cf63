// Worker-thread side of workerPool.ts: lint each file it is sent and post the result back.
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { ConfigResolver, type LintSettings } from './config';
import { lintFile } from './engine';
import { WORKER_FLAG } from './workerPool';

export function serveLintWorker(): void {
  const overrides = (workerData?.overrides ?? []) as Array<{ settings: LintSettings; where: string }>;
  const resolver = new ConfigResolver(overrides);
  parentPort!.on('message', async (job: { index: number; file: string }) => {
    const result = await lintFile(job.file, resolver.forFile(job.file), workerData?.cwd as string | undefined);
    parentPort!.postMessage({ index: job.index, result });
  });
}

if (!isMainThread && workerData?.[WORKER_FLAG]) serveLintWorker();
