// Suppression comments (`# noqa`, `# memwise: noqa`) of a notebook program, read per cell and kept while the
// cell's text is unchanged: after a keystroke only the edited cell's comments are read again, where the lint
// engine would scan the whole program's comments (every cell) on each re-lint. The result is what
// parseSuppressions gives on the whole program text: each cell is read with the newline that follows it, and the
// comment scan must end each cell (but the last) outside any string. A cell that leaves a string open is masked
// whole (magics.ts), but the comment scanner reads a few odd strings further than the masking does (a backslash
// before the line end, an escaped closing quote): then the engine reads the whole text itself, as before.
import { pythonComments } from '../lint/comments';
import { parseSuppressions, type Suppression } from '../lint/suppressions';
import type { TextRange } from '../lint/types';
import type { NotebookProgram } from './notebookProgram';

export interface CellComments {
  /** In the cell's own coordinates. */
  suppressions: Suppression[];
  /** The comment scan of the cell and its newline ends outside any string (nothing runs on into the next cell). */
  closed: boolean;
}

function readCell(masked: string): CellComments {
  const text = `${masked}\n`;
  // A `#` put after the cell is a comment only if the scan reaches it in code, not inside a string.
  const comments = pythonComments(`${text}#`);
  return { suppressions: parseSuppressions(text, 'python'), closed: comments[comments.length - 1]?.start === text.length };
}

function shiftRange(r: TextRange, lines: number): TextRange {
  return { startLine: r.startLine + lines, startColumn: r.startColumn, endLine: r.endLine + lines, endColumn: r.endColumn };
}

/**
 * The program's suppressions, in its coordinates, as fresh objects (applying them marks them used); undefined when
 * a cell runs a string on into the next one. A cell's own list is read once and travels with its masking to the
 * next program while its text is unchanged.
 */
export function programSuppressions(program: NotebookProgram): Suppression[] | undefined {
  const out: Suppression[] = [];
  const end = program.text.length;
  const last = program.cells.length - 1;
  for (let k = 0; k <= last; k++) {
    const cell = program.cells[k];
    const read = (cell.comments ??= readCell(cell.masked));
    if (!read.closed && k < last) return undefined;
    const at = cell.startOffset;
    for (const s of read.suppressions) {
      out.push({
        ...s,
        fromLine: s.fileLevel ? s.fromLine : s.fromLine + cell.startLine,
        toLine: s.fileLevel ? s.toLine : s.toLine + cell.startLine,
        codes: s.codes?.map((c) => ({ ...c })),
        range: shiftRange(s.range, cell.startLine),
        codesSpan: s.codesSpan && [s.codesSpan[0] + at, s.codesSpan[1] + at],
        // The last cell has no newline after it in the program: a whole-line removal stops at the end.
        removeSpan: [s.removeSpan[0] + at, Math.min(s.removeSpan[1] + at, end)],
      });
    }
  }
  return out;
}
