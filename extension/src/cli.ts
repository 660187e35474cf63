// `memwise lint|profile|estimate|rule`: thin commands over extension/src/core.
import { EXIT, UsageError, type CliIO, type CommandRunner } from './cli/io';
import { dropCliOnlyVariables } from './core/profile/hostEnvironment';

const USAGE = `Usage: memwise <command> [options]

Commands:
  lint [PATH...]            Lint Python and JS/TS files for memory antipatterns
  profile SCRIPT [-- ARGS]  Run a script under the memory sampler
  estimate SCRIPT --input FILE [-- ARGS]
                            Predict peak memory at full input size from small samples
  rule [CODE]               Show a rule's documentation (or list all rules)

Run "memwise <command> --help" for a command's options.
Exit codes: 0 clean, 1 findings, 2 usage or internal error, 3 memory budget exceeded,
4 the profiled script failed (memwise profile).`;

// Commands load lazily so `memwise lint` never pays for the profiler, and vice versa.
// `require` (not `import()`) so the same code works bundled and in the transpiled CommonJS test tree.
const commands: Record<string, () => CommandRunner> = {
  lint: () => (require('./cli/lint') as typeof import('./cli/lint')).runLint,
  profile: () => (require('./cli/profile') as typeof import('./cli/profile')).runProfile,
  estimate: () => (require('./cli/estimate') as typeof import('./cli/estimate')).runEstimate,
  rule: () => (require('./cli/rule') as typeof import('./cli/rule')).runRule,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.out(require('../../package.json').version);
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    io.err(`memwise: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}. Run "memwise --help".`);
    return EXIT.usage;
  }
  try {
    return await load()(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`memwise ${name}: ${err.message}`);
      return EXIT.usage;
    }
    io.err(`memwise ${name}: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\nPlease report this with the command you ran.`);
    return EXIT.usage;
  }
}

/** What the launcher (cliLauncher.ts, dist/cli.js) hands over when it loaded this bundle. */
export interface Launch {
  /** The launcher's own file: lint workers start from it, so they load this bundle through the code cache too. */
  workerScript?: string;
  /** Saves the bundle's code cache (codeCache.ts) when the load had none; called once the command is done. */
  saveCodeCache?: () => void;
}

/** Runs the process: a lint worker's job loop, or `memwise <argv>` with its exit code. */
export function start(launch: Launch = {}): void {
  if (!require('worker_threads').isMainThread && require('worker_threads').workerData?.memwiseLintWorker) {
    // The CLI bundle is also the lint worker script (see core/lint/workerPool.ts): serve lint jobs, don't run main.
    require('./core/lint/lintWorker');
    return;
  }
  if (launch.workerScript) (require('./core/lint/workerPool') as typeof import('./core/lint/workerPool')).useWorkerScript(launch.workerScript);
  // A reader that goes away (`memwise lint . | head -1`) is a normal end, not a crash: EPIPE stops further
  // output quietly and the command finishes its work (profile still saves its run file). EIO is the same for a
  // closed terminal (SIGHUP), where the run must still be saved.
  const closed = { out: false, err: false };
  const quietOnEpipe = (stream: NodeJS.WriteStream, which: 'out' | 'err') =>
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'EIO' || e.code === 'ERR_STREAM_DESTROYED') closed[which] = true;
      else throw e;
    });
  quietOnEpipe(process.stdout, 'out');
  quietOnEpipe(process.stderr, 'err');
  // Started by the editor: what it set only for this process does not reach the profiled script.
  dropCliOnlyVariables(process.env);
  const io: CliIO = {
    out: (t) => void (closed.out || process.stdout.write(t + '\n')),
    err: (t) => void (closed.err || process.stderr.write(t + '\n')),
    write: (stream, data) => void (stream === 'stdout' ? closed.out || process.stdout.write(data) : closed.err || process.stderr.write(data)),
    cwd: process.cwd(),
    env: process.env,
  };
  // A lint run is a short batch job over many files: tier up only what stays hot (cli/batchJit.ts). The launcher
  // has done it already, before compiling this bundle (the flags are part of the code cache's tag).
  if (process.argv[2] === 'lint' && !launch.workerScript) (require('./cli/batchJit') as typeof import('./cli/batchJit')).tuneJitForBatchLint();
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // After the output: the cache then holds every function this command compiled, and the user has the report.
      launch.saveCodeCache?.();
    },
    (err) => {
      process.stderr.write(`memwise: internal error: ${String(err)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}

// Run directly (`node out/extension/src/cli.js`, `node dist/cliMain.js`): without the launcher's code cache.
if (require.main === module) start();
