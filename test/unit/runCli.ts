// Run the real `memwise` entry (extension/src/cli.ts main: dispatch, usage errors, exit codes) in-process,
// with its output captured.
import * as path from 'path';
import { main } from '../../extension/src/cli';
import type { CliIO } from '../../extension/src/cli/io';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], cwd: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: process.env };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
