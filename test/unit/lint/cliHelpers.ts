// Run the real `memwise` CLI entry in-process with captured output.
// Call the command runners directly: the dispatcher's dynamic import() does not resolve in the transpiled test tree.
import { runLint } from '../../../extension/src/cli/lint';
import { runRule } from '../../../extension/src/cli/rule';
import { UsageError } from '../../../extension/src/cli/io';
import type { CliIO } from '../../../extension/src/cli/io';

export async function runCli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: process.env };
  const [cmd, ...rest] = argv;
  let code: number;
  try {
    code = await (cmd === 'rule' ? runRule : runLint)(rest, io);
  } catch (e) {
    // Same handling as extension/src/cli.ts main().
    if (!(e instanceof UsageError)) throw e;
    err.push(`memwise ${cmd}: ${e.message}`);
    code = 2;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const repoRoot = require('path').resolve(__dirname, '..', '..', '..', '..') as string;
