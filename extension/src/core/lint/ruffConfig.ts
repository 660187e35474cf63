// Plays well with Ruff: a few Memwise rules report the same code as a Ruff rule. When the project's Ruff
// configuration turns that Ruff rule on, the user already sees the warning once, so Memwise stays quiet.
//
// Ruff's discovery is followed: from the file's folder upwards, the first folder with `.ruff.toml`,
// `ruff.toml` or a `pyproject.toml` holding `[tool.ruff]` (in that order) is the configuration; `extend`
// pulls in a base file. Selection follows Ruff too: `select` (default E4, E7, E9, F) plus `extend-select`,
// minus `ignore`/`extend-ignore`, the most specific selector winning and `ignore` winning a tie; `ALL` is the
// least specific. `per-file-ignores` is not read (a rule ignored for some files only still counts as on).
import * as fs from 'fs';
import * as path from 'path';
import { existsRecently } from './recentExists';
import { readTomlTable } from './tomlSubtree';

/** Memwise rule → the Ruff rule that reports the same pattern. */
export const RUFF_EQUIVALENTS: Readonly<Record<string, string>> = {
  MW401: 'C419',
  MW403: 'B019',
  MW405: 'PERF101',
};

const RUFF_DEFAULT_SELECT = ['E4', 'E7', 'E9', 'F'];
const CONFIG_NAMES = ['.ruff.toml', 'ruff.toml', 'pyproject.toml'] as const;

export interface RuffSelection {
  /** The file the settings came from, for messages and tests. */
  source: string;
  select: string[];
  ignore: string[];
}

interface Cached {
  mtimeMs: number;
  table: Record<string, unknown> | undefined;
}

const parsed = new Map<string, Cached>();

/** The `[tool.ruff]` table of a pyproject.toml, or the whole ruff.toml; undefined when absent or unreadable. */
function ruffTable(file: string): Record<string, unknown> | undefined {
  // Most folders on the way up hold none of the names: their answer is remembered (recentExists.ts), and a
  // missing file throws nothing (one exception per file linted and name cost a cold lint of a tree a few percent).
  if (!existsRecently(file)) return undefined;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat) return undefined;
  const hit = parsed.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.table;
  let table: Record<string, unknown> | undefined;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const isPyproject = path.basename(file) === 'pyproject.toml';
    let t: unknown;
    if (isPyproject) {
      // Only [tool.ruff] is parsed (tomlSubtree): a big pyproject.toml costs one linear scan.
      const read = readTomlTable(text, ['tool', 'ruff']);
      t = read.error ? undefined : read.value;
    } else {
      const { parse } = require('smol-toml') as typeof import('smol-toml');
      t = parse(text);
    }
    table = t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, unknown>) : undefined;
  } catch {
    // Invalid TOML: Ruff itself refuses to run on it, so nothing is double-reported; Memwise keeps its rules on.
    table = undefined;
  }
  parsed.set(file, { mtimeMs: stat.mtimeMs, table });
  return table;
}

function codes(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((s) => s.trim().toUpperCase()) : [];
}

/** Ruff's selection from one configuration table, following `extend` up to a few levels. */
function selectionOf(file: string, table: Record<string, unknown>, depth = 0): { select?: string[]; extendSelect: string[]; ignore: string[] } {
  let base: { select?: string[]; extendSelect: string[]; ignore: string[] } = { extendSelect: [], ignore: [] };
  const ext = table.extend;
  if (typeof ext === 'string' && depth < 4) {
    const target = path.resolve(path.dirname(file), ext.replace(/^~(?=\/)/, process.env.HOME ?? '~'));
    const t = ruffTable(target);
    if (t) base = selectionOf(target, t, depth + 1);
  }
  const lint = table.lint && typeof table.lint === 'object' && !Array.isArray(table.lint) ? (table.lint as Record<string, unknown>) : {};
  const pick = (k: string) => (lint[k] !== undefined ? codes(lint[k]) : table[k] !== undefined ? codes(table[k]) : undefined);
  const both = (k: string) => [...codes(table[k]), ...codes(lint[k])];
  const select = pick('select');
  return {
    // A `select` here replaces the base's selection and its extensions, as in Ruff.
    select: select ?? base.select,
    extendSelect: select ? both('extend-select') : [...base.extendSelect, ...both('extend-select')],
    ignore: [...base.ignore, ...both('ignore'), ...both('extend-ignore')],
  };
}

/** The Ruff configuration that applies to `file`, or undefined when the project has none. */
export function ruffSelectionFor(file: string): RuffSelection | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      const table = ruffTable(candidate);
      if (!table) continue;
      const s = selectionOf(candidate, table);
      return { source: candidate, select: [...(s.select ?? RUFF_DEFAULT_SELECT), ...s.extendSelect], ignore: s.ignore };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function specificity(code: string, selectors: readonly string[]): number {
  let best = -1;
  for (const s of selectors) {
    if (s === 'ALL') best = Math.max(best, 0);
    else if (code.startsWith(s)) best = Math.max(best, s.length);
  }
  return best;
}

/** True when Ruff, configured as `sel`, reports `ruffCode`. */
export function ruffSelects(sel: RuffSelection, ruffCode: string): boolean {
  const on = specificity(ruffCode, sel.select);
  return on >= 0 && specificity(ruffCode, sel.ignore) < on;
}

/** The Memwise rules whose Ruff twin is on for `file` (empty when the project does not use Ruff). */
export function rulesLeftToRuff(file: string): Set<string> {
  const out = new Set<string>();
  if (!/\.(pyi?|ipynb)$/.test(file)) return out;
  const sel = ruffSelectionFor(file);
  if (!sel) return out;
  for (const [mw, ruff] of Object.entries(RUFF_EQUIVALENTS)) if (ruffSelects(sel, ruff)) out.add(mw);
  return out;
}
