// Which front end handles a path, by extension. Kept apart from the engine so file discovery and the
// editor can ask without loading anything else.
import type { LintLanguage } from './types';

const BY_EXTENSION: Record<string, LintLanguage> = {
  '.py': 'python',
  '.pyi': 'python',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'js',
  '.ts': 'js',
  '.tsx': 'js',
  '.mts': 'js',
  '.cts': 'js',
};

export const LINTABLE_EXTENSIONS = Object.keys(BY_EXTENSION);

export function languageOf(file: string): LintLanguage | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.d.ts') || lower.endsWith('.d.mts') || lower.endsWith('.d.cts')) return undefined; // declarations hold no code that runs
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[lower.slice(dot)];
}
