// The `memwise` command as installed (dist/cli.js): a few lines that load the CLI bundle (dist/cliMain.js,
// ~1.3 MB) through V8's code cache (core/codeCache.ts) and start it. Compiling that bundle cost every CLI
// process, and every lint worker thread again, ~50 ms of CPU before its first file, plus the lazy compiles of
// the functions the lint then ran; from the cache V8 reads them back instead. The cache is saved beside the
// bundle after the first command that had none (a read-only install just compiles, as before). Lint workers
// start from this file too (workerPool.ts), so they load the bundle the same way.
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { tuneJitForBatchLint } from './cli/batchJit';
import { loadWithCodeCache } from './core/codeCache';

// Before the bundle is compiled: V8's flags are part of the cache's tag, and a worker sees the same flags.
if (isMainThread && process.argv[2] === 'lint') tuneJitForBatchLint();
const bundle = loadWithCodeCache(path.join(__dirname, 'cliMain.js'));
(bundle.exports as typeof import('./cli')).start({ workerScript: __filename, saveCodeCache: isMainThread ? bundle.saveCache : undefined });
