// One table of a TOML file, read in time linear in the file's size (issue 15).
//
// Why: smol-toml's cost per key is high (a 10 MB pyproject.toml that is one 120,000-key [tool.other] table
// took 3.9 s under load), and Memwise needs only `[tool.memwise]` or `[tool.ruff]`. One pass over the text
// cuts it into statements (table headers, and key = value statements that may span lines through multiline
// strings and arrays), keeps only those whose key path reaches into the wanted table, and hands that small
// text to the TOML library, which still does all the real parsing. The scan understands exactly the lexical
// parts that decide where a statement ends: basic, literal and multiline strings, comments, brackets.
// Limitation (documented in docs/cli.md): a syntax error in another table is no longer reported, since that
// table is never parsed; Memwise only ever used its own table.

export interface TomlSubtree {
  /** The kept statements, in file order, for the TOML parser. */
  text: string;
  /** For each line of `text` (0-based), its 1-based line in the file: parse errors are reported there. */
  lineOf: number[];
  /** True when at least one statement reached into the wanted table. */
  found: boolean;
}

/** The statements of `text` that define anything under `want` (e.g. ['tool', 'memwise']). */
export function tomlSubtree(text: string, want: readonly string[]): TomlSubtree {
  const out: string[] = [];
  const lineOf: number[] = [];
  let found = false;
  let header: string[] = []; // the current table's path ([] = the root table)
  let headerText: { text: string; line: number } | undefined; // emitted before the first kept statement under it
  let i = 0;
  const n = text.length;
  // Line numbers are needed only for kept statements: counted lazily from the last position asked for.
  let countedTo = 0;
  let countedLine = 1;
  const lineAt = (pos: number) => {
    countedLine += countNewlines(text, countedTo, pos);
    countedTo = pos;
    return countedLine;
  };
  const emit = (from: number, to: number, atLine: number) => {
    const chunk = text.slice(from, to).replace(/\r?\n?$/, '');
    const lines = chunk.split(/\r?\n/);
    out.push(chunk);
    for (let k = 0; k < lines.length; k++) lineOf.push(atLine + k);
  };
  while (i < n) {
    // Skip blank space and whole-line comments between statements (runs of blank lines in one regex step).
    const c = text.charCodeAt(i);
    if (c === 10 || c === 32 || c === 9 || c === 13) {
      BLANK.lastIndex = i;
      BLANK.test(text);
      i = BLANK.lastIndex;
      continue;
    }
    if (c === 35 /* # */) {
      i = lineEnd(text, i);
      continue;
    }
    const start = i;
    if (c === 91 /* [ */) {
      const end = lineEnd(text, i);
      const inner = text.slice(i, end).replace(/^\[\[?/, '');
      const path = dottedKey(inner, 0, /\]/);
      header = path?.keys ?? ['\0unreadable'];
      headerText = undefined;
      if (path && startsWith(header, want)) {
        found = true;
        emit(start, end, lineAt(start));
      } else if (path && startsWith(want, header)) {
        headerText = { text: text.slice(start, end), line: lineAt(start) };
      }
      i = end;
      continue;
    }
    // key = value: the key's path, then the value up to the end of its last line.
    const key = dottedKey(text, i, /=/);
    const end = key ? valueEnd(text, key.end + 1) : lineEnd(text, i);
    i = end;
    if (!key) continue;
    const full = [...header, ...key.keys];
    if (startsWith(full, want) || startsWith(want, full)) {
      found = true;
      if (headerText) {
        out.push(headerText.text);
        lineOf.push(headerText.line);
        headerText = undefined;
      }
      emit(start, end, lineAt(start));
    }
  }
  return { text: out.join('\n') + '\n', lineOf, found };
}

const BLANK = /[ \t\r\n]+/y;

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) count++;
  return count;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  if (path.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (path[k] !== prefix[k]) return false;
  return true;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/**
 * A dotted key (bare, "basic" or 'literal' parts) starting at `i`, up to the character matched by `stop`.
 * Undefined when it is not one (the TOML parser then reports the line, if it is kept at all).
 */
function dottedKey(text: string, i: number, stop: RegExp): { keys: string[]; end: number } | undefined {
  const keys: string[] = [];
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = ch === '"' ? basicStringEnd(text, i + 1) : text.indexOf("'", i + 1);
      if (close < 0 || close > lineEnd(text, i)) return undefined;
      const raw = text.slice(i + 1, close);
      keys.push(ch === '"' && raw.includes('\\') ? unescapeBasic(raw) : raw);
      i = close + 1;
    } else {
      const from = i;
      while (i < n && isBareKeyChar(text.charCodeAt(i))) i++;
      if (i === from) return undefined;
      keys.push(text.slice(from, i));
    }
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '.') {
      i++;
      continue;
    }
    return i < n && stop.test(text[i]) ? { keys, end: i } : undefined;
  }
}

function isBareKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

function unescapeBasic(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw; // an escape JSON lacks (\e, \x..): compared as written
  }
}

/** Index of the closing quote of a one-line basic string whose body starts at `i` (-1: none on this line). */
function basicStringEnd(text: string, i: number): number {
  for (let k = i; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 92 /* \ */) k++;
    else if (ch === 34) return k;
    else if (ch === 10) return -1;
  }
  return -1;
}

/**
 * End (exclusive, at the newline) of a value starting at `i`: strings of all four kinds, comments, and
 * brackets (arrays over several lines, inline tables) are followed; the value ends at the first newline
 * outside all of them. Unterminated strings run to the end of the file, where the TOML parser reports them.
 */
function valueEnd(text: string, i: number): number {
  const n = text.length;
  let depth = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (depth <= 0) return i;
      i++;
    } else if (ch === 35 /* # */) {
      i = lineEnd(text, i);
    } else if (ch === 91 || ch === 123) {
      depth++;
      i++;
    } else if (ch === 93 || ch === 125) {
      depth--;
      i++;
    } else if (ch === 34 || ch === 39) {
      const q = text[i];
      if (text.startsWith(q + q + q, i)) {
        // Multiline: ends at the first run of three quotes; up to two more quotes right before the end are content.
        const close = q === '"' ? multilineBasicEnd(text, i + 3) : text.indexOf("'''", i + 3);
        if (close < 0) return n;
        let k = close + 3;
        while (k < n && k < close + 5 && text[k] === q) k++;
        i = k;
      } else if (q === '"') {
        const close = basicStringEnd(text, i + 1);
        i = close < 0 ? lineEnd(text, i) : close + 1;
      } else {
        const close = text.indexOf("'", i + 1);
        const eol = lineEnd(text, i);
        i = close < 0 || close > eol ? eol : close + 1;
      }
    } else {
      i++;
    }
  }
  return n;
}

function multilineBasicEnd(text: string, i: number): number {
  for (let k = i; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 92) k++;
    else if (ch === 34 && text.startsWith('"""', k)) return k;
  }
  return -1;
}

/**
 * The value at `want` in a TOML text, parsed by smol-toml from its subtree only. `error` carries the parser's
 * message with the line and column in the original file.
 */
export function readTomlTable(text: string, want: readonly string[]): { found: boolean; value?: unknown; error?: { message: string; line?: number; column?: number } } {
  const sub = tomlSubtree(text, want);
  if (!sub.found) return { found: false };
  // Required here so the TOML parser is loaded only when a file has the table.
  const { parse } = require('smol-toml') as typeof import('smol-toml');
  let value: unknown;
  try {
    value = parse(sub.text);
  } catch (err) {
    const e = err as Error & { line?: number; column?: number };
    // Past the last kept line (an unclosed array at the end): counted on from the last kept line.
    const last = sub.lineOf.length - 1;
    const line = e.line === undefined || last < 0 ? undefined : e.line - 1 <= last ? sub.lineOf[e.line - 1] : sub.lineOf[last] + (e.line - 1 - last);
    return { found: true, error: { message: e.message.split('\n')[0], line, column: line !== undefined ? e.column : undefined } };
  }
  for (const k of want) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[k] : undefined;
  return { found: value !== undefined, value };
}
