// The one place that maps between notebook positions (cell, line, column) and the program the analysis
// sees: the code cells in order, masked (magics.ts), one after another. Lint, profile, the CLI and the
// editor all convert through here. Masking never moves a line or a column of real code, so the mapping is
// a line offset per cell. A notebook run names each cell's code `<notebook>#cell<N>` (cellFileName), so run
// locations convert back through cellOfFileName, also here.
import type { CellComments } from './programSuppressions';
import type { Finding, Fix, TextRange } from '../lint/types';
import { maskCell, type MagicLine } from './magics';
import type { CellKind } from './notebookFile';

export interface CellInput {
  /** 0-based position among all cells of the notebook. */
  index: number;
  kind: CellKind;
  source: string;
}

export interface ProgramCell {
  index: number;
  /** First line of this cell in the program. */
  startLine: number;
  /** Offset of the cell's first character in the program text. */
  startOffset: number;
  lineCount: number;
  magics: MagicLine[];
  /** Why the cell is left out of the analysis (it leaves a bracket or string open). */
  unclosed?: string;
  /** The cell's source and its masked text, reused by the next program when the source did not change. */
  source: string;
  masked: string;
  /** The cell's suppression comments in its own coordinates, read on first use and kept with the masking (programSuppressions.ts). */
  comments?: CellComments;
}

/** A 0-based position in a cell. `cell` is the cell's 0-based index in the notebook. */
export interface CellPosition {
  cell: number;
  line: number;
  column: number;
}

/** Cell number as people count cells (1-based, markdown cells included, as VS Code's "Cell 5 of 9"). */
export function cellLabel(index: number): string {
  return `cell ${index + 1}`;
}

/**
 * The name a cell's code is compiled under in a notebook run, `/x/nb.ipynb#cell3` (1-based): Python reports every
 * frame and allocation of the cell under it, and the editor keys per-cell state by it.
 */
export function cellFileName(notebook: string, index: number): string {
  return `${notebook}#cell${index + 1}`;
}

const CELL_FILE_NAME = /^(.*\.ipynb)#cell(\d+)$/i;

/** `/x/nb.ipynb#cell3` → the notebook and the cell's 0-based index. */
export function cellOfFileName(file: string): { notebook: string; cell: number } | undefined {
  const m = CELL_FILE_NAME.exec(file);
  return m ? { notebook: m[1], cell: Number(m[2]) - 1 } : undefined;
}

export class NotebookProgram {
  readonly text: string;
  /** Code cells in notebook order. */
  readonly cells: ProgramCell[];

  /**
   * `previous`: the program before an edit; cells whose source did not change keep their masking. The editor hands
   * every cell's text again on each keystroke (fresh strings), so unchanged cells are found in place, from either
   * end, by string comparison; only the cells between (the edited ones, or cells added, moved or removed) are
   * looked up by source. The cost follows the edited cells, not the notebook.
   */
  constructor(inputs: readonly CellInput[], previous?: NotebookProgram) {
    const code = inputs.filter((c) => c.kind === 'code');
    const old = previous?.cells ?? [];
    let head = 0;
    while (head < code.length && head < old.length && code[head].source === old[head].source) head++;
    let tail = 0;
    while (tail < code.length - head && tail < old.length - head && code[code.length - 1 - tail].source === old[old.length - 1 - tail].source) tail++;
    const between = head + tail < old.length ? new Map(old.slice(head, old.length - tail).map((c) => [c.source, c])) : undefined;
    const parts: string[] = [];
    const cells: ProgramCell[] = [];
    let line = 0;
    let offset = 0;
    for (let i = 0; i < code.length; i++) {
      const c = code[i];
      const kept = i < head ? old[i] : i >= code.length - tail ? old[old.length - code.length + i] : between?.get(c.source);
      const masked = kept ? { text: kept.masked, magics: kept.magics, unclosed: kept.unclosed } : maskCell(c.source);
      const lineCount = kept ? kept.lineCount : masked.text.split('\n').length;
      cells.push({ index: c.index, startLine: line, startOffset: offset, lineCount, magics: masked.magics, unclosed: masked.unclosed, source: c.source, masked: masked.text, comments: kept?.comments });
      parts.push(masked.text);
      line += lineCount;
      offset += masked.text.length + 1;
    }
    this.text = parts.join('\n');
    this.cells = cells;
  }

  /** Program (row, column) of a text offset, counting lines only inside the cell that holds it. */
  pointAt(offset: number): { row: number; column: number } {
    let lo = 0;
    let hi = this.cells.length - 1;
    if (hi < 0) return { row: 0, column: offset };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cells[mid].startOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const c = this.cells[lo];
    let row = c.startLine;
    let lineStart = c.startOffset;
    for (let i = this.text.indexOf('\n', lineStart); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      row++;
      lineStart = i + 1;
    }
    return { row, column: offset - lineStart };
  }

  /** The code cell holding program line `line`. */
  cellAt(line: number): ProgramCell | undefined {
    let lo = 0;
    let hi = this.cells.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cells[mid].startLine <= line) lo = mid;
      else hi = mid - 1;
    }
    const c = this.cells[lo];
    return line >= c.startLine && line < c.startLine + c.lineCount ? c : undefined;
  }

  cellByIndex(index: number): ProgramCell | undefined {
    return this.cells.find((c) => c.index === index);
  }

  toCell(line: number, column: number): CellPosition | undefined {
    const c = this.cellAt(line);
    return c ? { cell: c.index, line: line - c.startLine, column } : undefined;
  }

  toProgram(pos: CellPosition): { line: number; column: number } | undefined {
    const c = this.cellByIndex(pos.cell);
    return c && pos.line < c.lineCount ? { line: c.startLine + pos.line, column: pos.column } : undefined;
  }

  /** A program range as a range within one cell; undefined when it crosses a cell boundary. */
  rangeInCell(r: TextRange): { cell: number; range: TextRange } | undefined {
    const c = this.cellAt(r.startLine);
    if (!c) return undefined;
    // A range that ends at column 0 of the next cell's first line still belongs to this cell (end is exclusive).
    const last = c.startLine + c.lineCount - 1;
    if (r.endLine > last && !(r.endLine === last + 1 && r.endColumn === 0)) return undefined;
    return {
      cell: c.index,
      range: { startLine: r.startLine - c.startLine, startColumn: r.startColumn, endLine: r.endLine - c.startLine, endColumn: r.endColumn },
    };
  }

  /**
   * A program finding as a finding on its cell: `cell` is set (0-based index) and the range and fix
   * edits are cell-relative. Fixes whose edits leave the cell are dropped; a finding whose own range
   * crosses cells is kept on its first line.
   */
  toCellFinding(f: Finding): Finding | undefined {
    const start = this.cellAt(f.range.startLine);
    if (!start) return undefined;
    const placed = this.rangeInCell(f.range) ?? {
      cell: start.index,
      range: { startLine: f.range.startLine - start.startLine, startColumn: f.range.startColumn, endLine: f.range.startLine - start.startLine, endColumn: f.range.startColumn + 1 },
    };
    const fixes: Fix[] = [];
    for (const fix of f.fixes) {
      const edits = fix.edits.map((e) => ({ placed: this.rangeInCell(e.range), newText: e.newText }));
      if (edits.every((e) => e.placed?.cell === placed.cell)) fixes.push({ ...fix, edits: edits.map((e) => ({ range: e.placed!.range, newText: e.newText })) });
    }
    return { ...f, range: placed.range, fixes, cell: placed.cell };
  }
}
