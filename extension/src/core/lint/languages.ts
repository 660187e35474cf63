// Which front end handles a path, by extension, or for a script without one by its `#!` line (a Node CLI's
// `bin/tool`, a Python `scripts/run`). Kept apart from the engine so file discovery and the editor can ask
// without loading anything else.
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

/**
 * The front end for a file without an extension, from its first line: `#!/usr/bin/env node`, `#!/usr/bin/python3`,
 * `#!/usr/bin/env -S node --max-old-space-size=4096`. Only the interpreter's name counts (its folder and
 * arguments do not); anything else (a shell script, a Makefile) is not linted.
 */
export function shebangLanguage(text: string): LintLanguage | undefined {
  if (!text.startsWith('#!')) return undefined;
  const eol = text.indexOf('\n');
  const words = text.slice(2, eol < 0 ? undefined : eol).trim().split(/\s+/);
  // `env` runs the next word that is not one of its options (`-S`, `-i`, `NAME=value`).
  let i = 0;
  if (baseName(words[0]) === 'env') {
    i = 1;
    while (i < words.length && (words[i].startsWith('-') || words[i].includes('='))) i++;
  }
  // `npx tsx`, `bunx ts-node`: a package runner starts the interpreter named next.
  if (/^(npx|pnpx|bunx)$/.test(baseName(words[i] ?? ''))) i++;
  const interpreter = baseName(words[i] ?? '');
  if (/^(node|nodejs|bun|deno|ts-node|tsx)$/.test(interpreter)) return 'js';
  if (/^(python[0-9.]*|pypy[0-9.]*)$/.test(interpreter)) return 'python';
  return undefined;
}

/** A `#!` line that runs TypeScript directly (`ts-node`, `tsx`, `deno`, `bun`): the script is parsed as TypeScript. */
export function shebangRunsTypeScript(text: string): boolean {
  const eol = text.indexOf('\n');
  return text.startsWith('#!') && /(^|[\s/])(ts-node|tsx|deno|bun)(\s|$)/.test(text.slice(2, eol < 0 ? undefined : eol));
}

/** Whether a file name has no extension (`ndjson-join`, `bunyan`), so only its `#!` line can say what it is. */
export function hasNoExtension(file: string): boolean {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.lastIndexOf('.') <= 0;
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
