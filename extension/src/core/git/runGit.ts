// Runs git with an argument array (never a shell string) and returns its output or a readable error.
import { spawnSync } from 'child_process';

export class GitError extends Error {}

export function runGit(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git is not installed or not on PATH' : `git failed to start: ${r.error.message}`);
  }
  if (r.status !== 0) throw new GitError(`git ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  return r.stdout;
}

export function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return runGit(args, cwd);
  } catch {
    return undefined;
  }
}
