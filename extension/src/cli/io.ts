import { parseArgs, type ParseArgsConfig } from 'util';

/** Exit codes, documented in docs/cli.md. Never reuse a number for another meaning. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  budgetExceeded: 3,
  /** `memwise profile`: the profiled script failed (non-zero exit, uncaught exception, signal, cancelled). */
  scriptFailed: 4,
} as const;

/** A mistake the user can fix: printed as one clear line (no stack), exit code 2. */
export class UsageError extends Error {}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Raw bytes to stdout/stderr (the profiled script's output, echoed exactly); without it, lines go through out/err. */
  write?(stream: 'stdout' | 'stderr', data: Buffer): void;
}

export type CommandRunner = (argv: string[], io: CliIO) => Promise<number>;

/** Split `memwise cmd a b -- x y` into the command's own args and the pass-through args after `--`. */
export function splitPassThrough(argv: string[]): { own: string[]; rest: string[] } {
  const i = argv.indexOf('--');
  return i < 0 ? { own: argv, rest: [] } : { own: argv.slice(0, i), rest: argv.slice(i + 1) };
}

/** util.parseArgs, with its mistakes (unknown option, missing value) turned into a UsageError pointing at --help. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run "memwise ${command} --help".`);
  }
}
