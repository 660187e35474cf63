// IPython syntax in a code cell (`%magic`, `%%cell magic`, `!shell`, `x = !cmd`, `obj?`) is not Python:
// left in, tree-sitter would see errors and might swallow the code around them. This masks each such line
// into plain Python of the same shape: the line count never changes and every column of real code stays
// where it was, so a position in the masked text is the same position in the cell.

export type MagicKind = 'line-magic' | 'cell-magic' | 'shell' | 'help';

export interface MagicLine {
  /** 0-based line in the cell. */
  line: number;
  kind: MagicKind;
  /** The original line, for the note in a profile run. */
  text: string;
}

export interface MaskedCell {
  /** Python text with the same number of lines as the cell. */
  text: string;
  magics: MagicLine[];
  /** Set when the cell leaves a bracket or string open: it would swallow the next cells, so it is masked whole. */
  unclosed?: string;
}

/** Cell magics whose body is Python run by IPython (the first line only is masked). */
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'memit', 'mprun', 'debug', 'pypy', 'python', 'python3', 'memray_flamegraph', 'scalene', 'filprofile', 'snakeviz', 'lprun']);
/** Line magics that run the Python statement after them: `%time df = f()` keeps `df = f()` as code. */
const STATEMENT_LINE_MAGICS = new Set(['time', 'timeit', 'prun', 'memit', 'mprun', 'debug', 'lprun', 'capture']);

const INDENT = /^[ \t]*/;

/** Mask IPython syntax in one cell. Never throws. */
export function maskCell(source: string): MaskedCell {
  const lines = source.split('\n');
  const magics: MagicLine[] = [];
  const cellMagic = /^%%([A-Za-z_][\w.]*)/.exec(lines[0] ?? '');
  if (cellMagic) {
    magics.push({ line: 0, kind: 'cell-magic', text: lines[0] });
    if (!PYTHON_BODY_CELL_MAGICS.has(cellMagic[1])) {
      // %%bash, %%html, %%writefile…: the body is not Python at all.
      return { text: lines.map(commentOut).join('\n'), magics };
    }
    lines[0] = commentOut(lines[0]);
  }
  const scan = new BracketScanner();
  let continuing = false; // the previous line was a magic ending in a backslash
  for (let i = cellMagic ? 1 : 0; i < lines.length; i++) {
    const line = lines[i];
    if (continuing) {
      continuing = line.endsWith('\\');
      lines[i] = commentOut(line);
      continue;
    }
    if (scan.atStatementStart()) {
      const masked = maskLine(line);
      if (masked) {
        magics.push({ line: i, kind: masked.kind, text: line });
        lines[i] = masked.text;
        continuing = line.endsWith('\\');
        if (masked.kind !== 'line-magic' || !masked.keepsCode) continue;
      }
    }
    scan.feed(lines[i]);
  }
  const unclosed = scan.openThing();
  if (unclosed) return { text: lines.map(commentOut).join('\n'), magics, unclosed };
  return { text: lines.join('\n'), magics };
}

/** `#` in place of the line's first non-blank character keeps the indentation and the line. */
function commentOut(line: string): string {
  const indent = INDENT.exec(line)![0];
  return line.length === indent.length ? line : `${indent}#${line.slice(indent.length + 1)}`;
}

/**
 * One logical-line start. Returns the Python to put in its place, or undefined when it is plain Python.
 * Replacements keep the indentation (a masked line inside a block must still be a statement, so it becomes
 * `pass`, never a bare comment).
 */
function maskLine(line: string): { text: string; kind: MagicKind; keepsCode?: boolean } | undefined {
  const indent = INDENT.exec(line)![0];
  const rest = line.slice(indent.length);
  const pass = (kind: MagicKind) => ({ text: `${indent}pass  #${rest.slice(1)}`, kind });
  if (rest.startsWith('!')) return pass('shell');
  const magic = /^%{1,2}([A-Za-z_][\w.]*)?/.exec(rest);
  if (magic) {
    const name = magic[1] ?? '';
    const after = rest.slice(magic[0].length);
    const code = after.trimStart();
    // `%time expr` → `if 1: expr` in the same columns, so the statement is still analysed where it stands.
    if (STATEMENT_LINE_MAGICS.has(name) && code && !code.startsWith('-') && magic[0].length + (after.length - code.length) >= 5) {
      const head = 'if 1:'.padEnd(rest.length - code.length, ' ');
      return { text: `${indent}${head}${code}`, kind: 'line-magic', keepsCode: true };
    }
    return pass('line-magic');
  }
  // `files = !ls` and `x = %sql …`: keep the assignment, the value becomes `...`.
  const assigned = /^([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)([!%])/.exec(rest);
  if (assigned) return { text: `${indent}${assigned[1]}...  #${rest.slice(assigned[0].length)}`, kind: assigned[2] === '!' ? 'shell' : 'line-magic' };
  // `df?`, `??df`, `df.head??`: IPython's help.
  if (/^\?\??[\w.]+$|^[\w.]+\?\??$/.test(rest.trimEnd())) return pass('help');
  return undefined;
}

/** Tracks brackets and strings across lines, so only real statement starts are looked at for magics. */
class BracketScanner {
  private depth = 0;
  /** The open triple-quote delimiter, if inside a triple-quoted string. */
  private triple: string | undefined;
  private backslash = false;

  atStatementStart(): boolean {
    return this.depth === 0 && !this.triple && !this.backslash;
  }

  openThing(): string | undefined {
    if (this.triple) return `an unclosed ${this.triple} string`;
    if (this.depth > 0) return 'an unclosed bracket';
    return undefined;
  }

  feed(line: string): void {
    let i = 0;
    this.backslash = false;
    while (i < line.length) {
      if (this.triple) {
        const end = line.indexOf(this.triple, i);
        if (end < 0) return;
        i = end + 3;
        this.triple = undefined;
        continue;
      }
      const ch = line[i];
      if (ch === '#') return;
      if (ch === '"' || ch === "'") {
        if (line.startsWith(ch.repeat(3), i)) {
          this.triple = ch.repeat(3);
          i += 3;
          continue;
        }
        i++;
        while (i < line.length && line[i] !== ch) i += line[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') this.depth++;
      else if (ch === ')' || ch === ']' || ch === '}') this.depth = Math.max(0, this.depth - 1);
      i++;
    }
    this.backslash = line.endsWith('\\');
  }
}
