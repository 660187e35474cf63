// Lint many files: discovery, per-folder configuration and (for big runs) worker threads. Shared by the
// CLI and the editor's "Lint workspace" so both see the same files and settings.
import * as os from 'os';
import * as path from 'path';
import { ConfigResolver, type LintSettings } from './config';
import { lintFile, type LintFileResult } from './engine';
import { collectFiles } from './files';
import type { Notice } from './types';
import type { VendoredReason } from './vendored';
import type { StartedWorkers } from './workerPool';

export interface LintRunOptions {
  paths: string[];
  cwd: string;
  /** Settings layered over each pyproject.toml (editor settings, CLI flags), in order. */
  overrides?: Array<{ settings: LintSettings; where: string }>;
  /** Use worker threads above this many files (0 = never). */
  workerThreshold?: number;
  /** Called after each file (progress in the editor). */
  onFile?: (result: LintFileResult) => void;
  /** Lint vendored, generated and minified files too (`--include-vendored`); the config key can also turn it on. */
  includeVendored?: boolean;
  /**
   * With worker threads, lint in this thread too (workerPool.ts): for a caller that only waits for the run (the
   * CLI). Never in an editor, whose thread must stay responsive.
   */
  lintOnThisThread?: boolean;
}

export interface LintRunResult {
  results: LintFileResult[];
  /** Configuration notices, once per configuration file. */
  notices: Notice[];
  /** Missing paths and similar: the CLI exits 2 on these. */
  errors: string[];
  workers: number;
  /** Files left out as vendored, generated or minified, with why (see vendored.ts). */
  vendored: Array<{ file: string; reason: VendoredReason }>;
}

export const DEFAULT_WORKER_THRESHOLD = 64;

export async function lintPaths(opts: LintRunOptions): Promise<LintRunResult> {
  const early = earlyWorkers(opts);
  try {
    return await lintCollected(opts, early);
  } finally {
    early?.started?.stop();
  }
}

/** Lint workers the CLI starts while it walks the folders; `onFound` is the walk's progress. */
interface EarlyWorkers {
  started?: StartedWorkers;
  onFound(count: number): void;
}

/**
 * The CLI starts its lint workers as soon as the walk has found more files than the worker threshold, not after
 * the walk: they load the bundle and the parsers meanwhile, on the cores the walk leaves idle. As many as a run
 * of that size uses (a bigger run starts the rest after the walk); any that the run does not take are stopped.
 */
function earlyWorkers(opts: LintRunOptions): EarlyWorkers | undefined {
  const threshold = opts.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  if (!opts.lintOnThisThread || threshold <= 0 || cores() < 2) return undefined;
  const early: EarlyWorkers = {
    onFound(count) {
      if (early.started || count <= threshold) return;
      const { startWorkers } = require('./workerPool') as typeof import('./workerPool');
      early.started = startWorkers(poolSizeFor(count) - 1, opts.overrides ?? [], opts.cwd);
    },
  };
  return early;
}

function cores(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

/** Threads for a run of `files` files: one per core, at most one per 16 files. */
function poolSizeFor(files: number): number {
  return Math.min(cores(), Math.ceil(files / 16));
}

async function lintCollected(opts: LintRunOptions, early: EarlyWorkers | undefined): Promise<LintRunResult> {
  const resolver = new ConfigResolver(opts.overrides ?? []);
  // `include-vendored = true` in the configuration of a folder being linted counts like the flag.
  const includeVendored = opts.includeVendored || opts.paths.some((p) => resolver.forDir(path.resolve(opts.cwd, p)).includeVendored);
  const { files, errors, skipped } = collectFiles(opts.paths, opts.cwd, { isExcluded: (f) => resolver.isExcluded(f), includeVendored, onFound: early?.onFound });
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const n of resolver.forFile(f).notices) {
      if (!seen.has(n.message)) {
        seen.add(n.message);
        notices.push(n);
      }
    }
  }
  const threshold = opts.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  const poolSize = poolSizeFor(files.length);
  if (threshold > 0 && files.length > threshold && poolSize > 1) {
    const { lintInWorkers } = require('./workerPool') as typeof import('./workerPool');
    const local = opts.lintOnThisThread ? (f: string) => lintFile(f, resolver.forFile(f), opts.cwd) : undefined;
    const results = await lintInWorkers(files, opts.overrides ?? [], poolSize, opts.onFile, opts.cwd, local, early?.started);
    return withVendored({ results, notices, errors, workers: poolSize, vendored: skipped });
  }
  const results: LintFileResult[] = [];
  for (const f of files) {
    const r = await lintFile(f, resolver.forFile(f), opts.cwd);
    results.push(r);
    opts.onFile?.(r);
  }
  return withVendored({ results, notices, errors, workers: 0, vendored: skipped });
}

/** Files the engine found generated or minified join the ones discovery skipped; they leave the results. */
function withVendored(run: LintRunResult): LintRunResult {
  const results = run.results.filter((r) => !r.skippedAsVendored);
  const vendored = [...run.vendored];
  for (const r of run.results) if (r.skippedAsVendored) vendored.push({ file: r.path, reason: r.skippedAsVendored });
  return { ...run, results, vendored };
}
