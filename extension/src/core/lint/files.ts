// Which files `memwise lint DIR` and "Lint workspace" look at: lintable extensions, recursing into
// folders while honouring every .gitignore on the way down and skipping the usual vendored/output folders.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { isNotebookPath } from '../notebook/notebookFile';
import { languageOf } from './languages';

export const DEFAULT_EXCLUDED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'venv', '.venv', '__pycache__', 'dist', 'build', '.tox', '.mypy_cache', '.ruff_cache']);

export interface CollectResult {
  /** Absolute paths, in a stable order. */
  files: string[];
  /** Paths that do not exist or cannot be read, with a message for each. */
  errors: string[];
}

export interface CollectOptions {
  /** Extra test applied to each found file (e.g. the config's `exclude`). Explicitly named files are not filtered. */
  isExcluded?: (file: string) => boolean;
}

interface IgnoreLayer {
  dir: string;
  matcher: Ignore;
}

function gitignoreLayer(dir: string): IgnoreLayer | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { dir, matcher: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** .gitignore files from the repository root (or filesystem root) down to `dir`, so `memwise lint sub/` still honours the top one. */
function ancestorLayers(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let d = dir;
  for (;;) {
    chain.unshift(d);
    if (fs.existsSync(path.join(d, '.git'))) break;
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  // Without a repository above, only the folder's own .gitignore applies.
  const inRepo = fs.existsSync(path.join(chain[0], '.git'));
  const dirs = inRepo ? chain.slice(0, -1) : [];
  return dirs.map(gitignoreLayer).filter((l): l is IgnoreLayer => !!l);
}

function isIgnored(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const l of layers) {
    const rel = path.relative(l.dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (l.matcher.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

export function collectFiles(paths: string[], cwd: string, options: CollectOptions = {}): CollectResult {
  const files = new Set<string>();
  const errors: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) walk(abs, ancestorLayers(abs), files, options);
    else files.add(abs);
  }
  return { files: [...files].sort(), errors };
}

function walk(dir: string, parentLayers: IgnoreLayer[], out: Set<string>, options: CollectOptions): void {
  const own = gitignoreLayer(dir);
  const layers = own ? [...parentLayers, own] : parentLayers;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint there
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (DEFAULT_EXCLUDED_DIRS.has(e.name) || e.name.endsWith('.egg-info')) continue;
      if (isIgnored(layers, abs, true)) continue;
      walk(abs, layers, out, options);
    } else if (e.isFile() && (languageOf(e.name) || isNotebookPath(e.name))) {
      if (isIgnored(layers, abs, false)) continue;
      if (options.isExcluded?.(abs)) continue;
      out.add(abs);
    }
  }
}
