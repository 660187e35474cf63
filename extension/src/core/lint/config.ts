// Lint configuration: `[tool.memwise]` in the nearest pyproject.toml that has one (walking up from the
// file, like Ruff), then editor settings, then command-line flags. Bad values never stop linting: each
// becomes a `config` notice naming the file and key, and that key falls back to its default.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { unknownSelectorMessages } from './selectorCheck';
import type { Notice, RuleMeta, Severity } from './types';
import { readTomlTable } from './tomlSubtree';
import { DEFAULT_SMALL_INPUT_BYTES } from './literalInputSize';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface LintSettings {
  select?: string[];
  ignore?: string[];
  extendSelect?: string[];
  severity?: Record<string, Severity>;
  maxFileSize?: number;
  exclude?: string[];
  includeVendored?: boolean;
  smallInputBytes?: number;
}

export interface ResolvedConfig {
  select: string[];
  ignore: string[];
  extendSelect: string[];
  severity: Record<string, Severity>;
  maxFileSize: number;
  exclude: string[];
  /** Lint vendored, generated and minified files like any other (see vendored.ts); off by default. */
  includeVendored: boolean;
  /**
   * A finding of MW2xx–MW4xx whose data is a literal-path file under this many bytes is shown as information
   * (literalInputSize.ts); 0 turns that off.
   */
  smallInputBytes: number;
  /** Folder the `exclude` patterns are relative to (the pyproject.toml's folder), if any. */
  root?: string;
  /** Which file the settings came from, for messages. */
  source?: string;
  notices: Notice[];
}

export function defaultConfig(): ResolvedConfig {
  return { select: ['MW'], ignore: [], extendSelect: [], severity: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, exclude: [], includeVendored: false, smallInputBytes: DEFAULT_SMALL_INPUT_BYTES, notices: [] };
}

/** Longest selector that is a prefix of `code` (Ruff-style specificity), or -1. */
function bestMatch(code: string, selectors: readonly string[]): number {
  let best = -1;
  for (const s of selectors) {
    const up = s.toUpperCase();
    if (code.startsWith(up) && up.length > best) best = up.length;
  }
  return best;
}

/**
 * Is a rule on? The most specific selector wins; on a tie `ignore` wins. Opt-in rules (unused
 * suppressions) need a selector more specific than the bare `MW` prefix, e.g. `MW9` or `MW901`.
 */
export function isRuleEnabled(config: ResolvedConfig, code: string, meta?: Pick<RuleMeta, 'defaultEnabled'>): boolean {
  const sel = Math.max(bestMatch(code, config.select), bestMatch(code, config.extendSelect));
  if (sel < 0) return false;
  if (bestMatch(code, config.ignore) >= sel) return false;
  if (meta && !meta.defaultEnabled && sel <= 2) return false;
  return true;
}

export function severityFor(config: ResolvedConfig, code: string, fallback: Severity): Severity {
  let best = -1;
  let out = fallback;
  for (const [sel, sev] of Object.entries(config.severity)) {
    const up = sel.toUpperCase();
    if (code.startsWith(up) && up.length > best) {
      best = up.length;
      out = sev;
    }
  }
  return out;
}

/** Parse a size like `5MB`, `500 KiB`, `1048576`. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit === 'b' ? 1 : unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : 1024 ** 3;
  return Math.round(Number(m[1]) * mult);
}

/**
 * Validate a raw settings object (TOML table or editor settings) into `into`. `where` prefixes every
 * message, e.g. "pyproject.toml: [tool.memwise]" or "settings: memwise.lint".
 */
export function applySettings(into: ResolvedConfig, raw: Record<string, unknown>, where: string, keyStyle: 'toml' | 'settings'): void {
  const notice = (message: string, usageError?: boolean) => into.notices.push({ kind: 'config', message: `${where} ${message}`, ...(usageError ? { usageError } : {}) });
  const key = (k: string) => (keyStyle === 'toml' ? k : k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
  const codes = (k: string): string[] | undefined => {
    const v = raw[key(k)];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      notice(`${key(k)}: expected a list of rule codes like ["MW1", "MW301"], got ${JSON.stringify(v)}; ignoring it.`);
      return undefined;
    }
    const list = (v as string[]).map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const m of unknownSelectorMessages(list, `${key(k)}: `)) notice(m, true);
    return list;
  };
  const known = new Set(['select', 'ignore', 'extend-select', 'severity', 'max-file-size', 'exclude', 'include-vendored', 'small-input-bytes']);
  for (const k of Object.keys(raw)) {
    const tomlKey = keyStyle === 'toml' ? k : k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
    if (!known.has(tomlKey) && !(keyStyle === 'settings' && k === 'enable')) notice(`${k}: unknown key (known: ${[...known].map(key).join(', ')}); ignoring it.`);
  }
  const select = codes('select');
  if (select) into.select = select;
  const ign = codes('ignore');
  if (ign) into.ignore = [...into.ignore, ...ign];
  const ext = codes('extend-select');
  if (ext) into.extendSelect = [...into.extendSelect, ...ext];
  const sev = raw.severity;
  if (sev !== undefined) {
    if (!sev || typeof sev !== 'object' || Array.isArray(sev)) {
      notice(`severity: expected a table like { MW101 = "error" }, got ${JSON.stringify(sev)}; ignoring it.`);
    } else {
      for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
        if (typeof level !== 'string' || !SEVERITIES.includes(level as Severity)) {
          notice(`severity.${code}: expected one of ${SEVERITIES.join('|')}, got ${typeof level === 'string' ? `'${level}'` : JSON.stringify(level)}; using the rule's default.`);
          continue;
        }
        for (const m of unknownSelectorMessages([code], `severity.${code}: `)) notice(m, true);
        into.severity[code.toUpperCase()] = level as Severity;
      }
    }
  }
  const size = raw[key('max-file-size')];
  if (size !== undefined) {
    const n = parseSize(size);
    if (n === undefined) notice(`${key('max-file-size')}: expected a positive size like 5000000 or "5MB", got ${JSON.stringify(size)}; using ${DEFAULT_MAX_FILE_SIZE} bytes.`);
    else into.maxFileSize = n;
  }
  const small = raw[key('small-input-bytes')];
  if (small !== undefined) {
    const n = small === 0 || small === '0' ? 0 : parseSize(small);
    if (n === undefined) notice(`${key('small-input-bytes')}: expected a size like 65536 or "64KiB" (0 turns it off), got ${JSON.stringify(small)}; using ${DEFAULT_SMALL_INPUT_BYTES} bytes.`);
    else into.smallInputBytes = n;
  }
  const vendored = raw[key('include-vendored')];
  if (vendored !== undefined) {
    if (typeof vendored !== 'boolean') notice(`${key('include-vendored')}: expected true or false, got ${JSON.stringify(vendored)}; vendored files stay skipped.`);
    else into.includeVendored = vendored;
  }
  const exclude = raw.exclude;
  if (exclude !== undefined) {
    if (!Array.isArray(exclude) || exclude.some((x) => typeof x !== 'string')) notice(`exclude: expected a list of gitignore-style patterns, got ${JSON.stringify(exclude)}; ignoring it.`);
    else into.exclude = [...into.exclude, ...(exclude as string[])];
  }
}

/**
 * Read `[tool.memwise]` from one pyproject.toml: `table` when present, `notice` when it cannot be used.
 * Only the statements under tool.memwise are parsed (tomlSubtree: one linear scan, then smol-toml on that
 * part), so a 10 MB file or one of blank lines cannot stall the extension host.
 */
export function readPyproject(file: string): { table?: Record<string, unknown>; notice?: Notice } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { notice: { kind: 'config', message: `${file}: cannot read (${(err as Error).message}); using default settings.` } };
  }
  const read = readTomlTable(text, ['tool', 'memwise']);
  if (read.error) {
    const e = read.error;
    const where = e.line ? `:${e.line}:${e.column ?? 1}` : '';
    return { notice: { kind: 'config', message: `${file}${where}: invalid TOML (${e.message}); Memwise uses default settings until it is fixed.` } };
  }
  const table = read.value;
  if (table === undefined) return {};
  if (!table || typeof table !== 'object' || Array.isArray(table)) {
    return { notice: { kind: 'config', message: `${file}: tool.memwise must be a table; using default settings.` } };
  }
  return { table: table as Record<string, unknown> };
}

/** Finds and caches the configuration for each folder. One resolver per lint run or per editor session. */
export class ConfigResolver {
  private byDir = new Map<string, ResolvedConfig>();
  private excludeMatchers = new Map<ResolvedConfig, Ignore>();

  /** `overrides` are applied on top of the file's settings (editor settings, then CLI flags). */
  constructor(private overrides: Array<{ settings: LintSettings; where: string }> = []) {}

  forFile(file: string): ResolvedConfig {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  forDir(dir: string): ResolvedConfig {
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    let config: ResolvedConfig;
    const candidate = path.join(dir, 'pyproject.toml');
    const parent = path.dirname(dir);
    const read = fs.existsSync(candidate) ? readPyproject(candidate) : {};
    if (read.table || read.notice) {
      config = defaultConfig();
      config.root = dir;
      config.source = candidate;
      if (read.notice) config.notices.push(read.notice);
      if (read.table) applySettings(config, read.table, `${candidate}: [tool.memwise]`, 'toml');
      this.applyOverrides(config);
    } else if (parent !== dir) {
      config = this.forDir(parent);
    } else {
      config = defaultConfig();
      this.applyOverrides(config);
    }
    this.byDir.set(dir, config);
    return config;
  }

  private applyOverrides(config: ResolvedConfig): void {
    for (const o of this.overrides) {
      const s = o.settings;
      const raw: Record<string, unknown> = {};
      if (s.select?.length) raw.select = s.select;
      if (s.ignore?.length) raw.ignore = s.ignore;
      if (s.extendSelect?.length) raw.extendSelect = s.extendSelect;
      if (s.severity && Object.keys(s.severity).length) raw.severity = s.severity;
      if (s.maxFileSize !== undefined) raw.maxFileSize = s.maxFileSize;
      if (s.exclude?.length) raw.exclude = s.exclude;
      if (s.includeVendored !== undefined) raw.includeVendored = s.includeVendored;
      if (s.smallInputBytes !== undefined) raw.smallInputBytes = s.smallInputBytes;
      applySettings(config, raw, o.where, 'settings');
    }
  }

  /** True when the file matches the `exclude` patterns of its configuration. */
  isExcluded(file: string): boolean {
    const config = this.forFile(file);
    if (!config.exclude.length) return false;
    let m = this.excludeMatchers.get(config);
    if (!m) {
      m = ignore().add(config.exclude);
      this.excludeMatchers.set(config, m);
    }
    const rel = path.relative(config.root ?? process.cwd(), path.resolve(file)).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) return false;
    return m.ignores(rel);
  }
}
