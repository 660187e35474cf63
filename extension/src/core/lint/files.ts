// Which files `memwise lint DIR` and "Lint workspace" look at: lintable extensions (and scripts without one whose
// `#!` line runs node or python: a Node CLI's `bin/tool`), recursing into
// folders while honouring every .gitignore on the way down and skipping environments and build output.
// Vendored copies and library files (vendored.ts) are set aside with their reason unless asked for.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { isNotebookPath } from '../notebook/notebookFile';
import { hasNoExtension, languageOf, shebangLanguage } from './languages';
import { GitAttributes, isVendoredFolder, projectRoot, vendoredByPath, type VendoredReason } from './vendored';

export const DEFAULT_EXCLUDED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'venv', '.venv', '__pycache__', 'dist', 'build', '.tox', '.mypy_cache', '.ruff_cache', '.ipynb_checkpoints']);

export interface CollectResult {
  /** Absolute paths, in a stable order. */
  files: string[];
  /** Paths that do not exist or cannot be read, with a message for each. */
  errors: string[];
  /** Files left out as vendored (by folder, library file name or .gitattributes), with why. */
  skipped: Array<{ file: string; reason: VendoredReason }>;
}

export interface CollectOptions {
  /** Extra test applied to each found file (e.g. the config's `exclude`). Explicitly named files are not filtered. */
  isExcluded?: (file: string) => boolean;
  /** Lint vendored folders and library files too (`--include-vendored`). Explicitly named files are always linted. */
  includeVendored?: boolean;
  /** Called with the number of files found so far, as the walk finds each (the CLI starts its lint workers early: lintRun.ts). */
  onFound?: (count: number) => void;
}

interface WalkState {
  out: Set<string>;
  skipped: CollectResult['skipped'];
  options: CollectOptions;
  /** Root the vendored-path conventions are relative to: the repository, else the folder being linted. */
  root: string;
  attrs: GitAttributes;
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

/**
 * Whether the .gitignore files from the repository root down to the file's folder ignore `abs` (a file that need
 * not exist): absentInput.ts asks about a data file the code names, to tell data kept out of the repository on
 * purpose from data the repository never had.
 */
export function gitignoredPath(abs: string): boolean {
  const dir = path.dirname(abs);
  const own = gitignoreLayer(dir);
  const layers = ancestorLayers(dir);
  return isIgnored(own ? [...layers, own] : layers, abs, false);
}

export function collectFiles(paths: string[], cwd: string, options: CollectOptions = {}): CollectResult {
  const files = new Set<string>();
  const errors: string[] = [];
  const skipped: CollectResult['skipped'] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      const root = projectRoot(abs, abs) ?? abs;
      const state: WalkState = { out: files, skipped, options, root, attrs: new GitAttributes(root) };
      walk(abs, ancestorLayers(abs), state, options.includeVendored ? undefined : vendoredAbove(abs, root));
    } else files.add(abs);
  }
  const kept = new Set([...files]);
  return { files: [...kept].sort(), errors, skipped: skipped.filter((s) => !kept.has(s.file)) };
}

/** A folder given on the command line may itself sit inside a vendored folder of its project. */
function vendoredAbove(dir: string, root: string): VendoredReason | undefined {
  const rel = path.relative(root, dir);
  return rel && !rel.startsWith('..') ? isVendoredFolder(rel) : undefined;
}

function walk(dir: string, parentLayers: IgnoreLayer[], st: WalkState, vendoredBy: VendoredReason | undefined): void {
  const { out, options } = st;
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
      const folderReason = vendoredBy ?? (options.includeVendored ? undefined : isVendoredFolder(path.relative(st.root, abs)));
      walk(abs, layers, st, folderReason);
    } else if (e.isFile() && (languageOf(e.name) || isNotebookPath(e.name) || isScriptWithoutExtension(abs, e.name))) {
      if (isIgnored(layers, abs, false)) continue;
      if (options.isExcluded?.(abs)) continue;
      const reason = options.includeVendored ? undefined : vendoredBy ?? vendoredByPath(path.relative(st.root, abs)) ?? st.attrs.reasonFor(abs);
      if (reason) st.skipped.push({ file: abs, reason });
      else {
        out.add(abs);
        options.onFound?.(out.size);
      }
    }
  }
}

/** `bin/tool` starting `#!/usr/bin/env node`: read only its first bytes (most files without an extension are not code). */
function isScriptWithoutExtension(abs: string, name: string): boolean {
  if (!hasNoExtension(name)) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, 'r');
    const head = Buffer.alloc(256);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return shebangLanguage(head.subarray(0, n).toString('utf8')) !== undefined;
  } catch {
    return false; // unreadable: not ours to lint
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
