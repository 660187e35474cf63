// Which lines changed relative to a base: the data behind `memwise lint --diff [BASE]`.
// The base defaults to the merge base with the default branch (origin/HEAD, then main, then master),
// so a long-lived branch is compared with where it forked, not with today's main.
import * as fs from 'fs';
import * as path from 'path';
import { GitError, runGit, tryGit } from './runGit';

export interface ChangedLines {
  repoRoot: string;
  /** The commit compared against. */
  base: string;
  /** Absolute path → 1-based changed line numbers; `'all'` for untracked (wholly new) files. */
  files: Map<string, Set<number> | 'all'>;
}

export function repoRootOf(cwd: string): string {
  const out = tryGit(['rev-parse', '--show-toplevel'], cwd);
  if (out === undefined) throw new GitError(`${cwd} is not inside a git repository; --diff needs one (run "git init" or drop --diff).`);
  return path.resolve(out.trim());
}

/** Resolve the commit to diff against. */
export function resolveBase(repoRoot: string, base?: string): string {
  const candidates = base ? [base] : ['origin/HEAD', 'main', 'master'];
  for (const ref of candidates) {
    if (tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repoRoot) === undefined) continue;
    const mergeBase = tryGit(['merge-base', ref, 'HEAD'], repoRoot);
    return (mergeBase ?? tryGit(['rev-parse', `${ref}^{commit}`], repoRoot) ?? ref).trim();
  }
  if (base) throw new GitError(`unknown git revision '${base}' (try a branch name, tag or commit).`);
  throw new GitError('could not find the default branch (origin/HEAD, main or master); pass the base explicitly: --diff BASE.');
}

/** Parse `git diff --unified=0` output into changed (added or modified) lines of the new side. */
export function parseUnifiedDiff(diff: string, repoRoot: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4).trim();
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const rel = unquote(name).replace(/^b\//, '');
      current = new Set<number>();
      out.set(path.resolve(repoRoot, rel), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return out;
}

/** git quotes paths with unusual characters as C strings: "b/caf\303\251.py". */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

export function changedLines(cwd: string, base?: string): ChangedLines {
  const repoRoot = repoRootOf(cwd);
  const baseCommit = resolveBase(repoRoot, base);
  // Working tree against the base: committed, staged and unstaged changes all count.
  const diff = runGit(['-c', 'core.quotePath=true', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', baseCommit, '--'], repoRoot);
  const files: Map<string, Set<number> | 'all'> = parseUnifiedDiff(diff, repoRoot);
  const untracked = runGit(['ls-files', '--others', '--exclude-standard', '-z'], repoRoot);
  for (const rel of untracked.split('\0').filter(Boolean)) files.set(path.resolve(repoRoot, rel), 'all');
  return { repoRoot, base: baseCommit, files };
}

/** Does a finding spanning these 0-based lines touch a changed line? */
export function touchesChange(changed: ChangedLines, file: string, startLine: number, endLine: number): boolean {
  const abs = path.resolve(file);
  let lines = changed.files.get(abs);
  if (!lines) {
    // git reports real paths; the user may have reached the file through a symlink.
    try {
      lines = changed.files.get(fs.realpathSync(abs));
    } catch {
      /* deleted since */
    }
  }
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let l = startLine + 1; l <= endLine + 1; l++) if (lines.has(l)) return true;
  return false;
}
