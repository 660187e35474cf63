// Lint a notebook: its code cells, masked and in order, go through the ordinary lint entry point as one
// Python program (so a value read in cell 2 and misused in cell 5 is seen), and the findings come back
// on their cells. Suppressions and configuration apply exactly as in scripts because the program keeps
// every line of code (and its `# noqa` comment) where it was.
import type { ResolvedConfig } from '../lint/config';
import { lintText, type LintTextResult } from '../lint/engine';
import type { IncrementalEdit, Notice } from '../lint/types';
import { NotebookFormatError, parseNotebook, type NotebookFile } from './notebookFile';
import { cellLabel, NotebookProgram, type CellInput } from './notebookProgram';
import { programSuppressions } from './programSuppressions';

export interface NotebookLintRequest {
  path: string;
  cells: readonly CellInput[];
  config: ResolvedConfig;
  /** `state` and `program` of the previous result for this notebook (the editor's incremental re-lint). */
  previous?: NotebookLintResult;
}

export interface NotebookLintResult extends LintTextResult {
  program: NotebookProgram;
}

export async function lintNotebookCells(req: NotebookLintRequest): Promise<NotebookLintResult> {
  const prev = req.previous;
  const program = new NotebookProgram(req.cells, prev?.program);
  const edit = prev?.state ? programEdit(prev.program, program) : undefined;
  const result = await lintText({
    path: req.path,
    text: program.text,
    config: req.config,
    language: 'python',
    previous: edit ? prev!.state : undefined,
    edits: edit ? [edit] : undefined,
    suppressions: programSuppressions(program),
  });
  if (prev?.state && prev.state !== result.state) prev.state.dispose?.();
  const findings = result.findings.map((f) => program.toCellFinding(f)).filter((f) => !!f);
  const notices: Notice[] = result.notices.map((n) => ({ ...n, message: cellNotice(req.path, program, n.message) }));
  for (const c of program.cells) {
    if (c.unclosed) notices.push({ kind: 'parse-error', message: `${req.path}:${cellLabel(c.index)}: leaves ${c.unclosed}; the cell is not analysed until it is closed.` });
  }
  return { ...result, findings, notices, program };
}

/** Lint a notebook file's JSON text: findings also get `fileRange`, their place in the JSON. */
export async function lintNotebookText(path: string, jsonText: string, config: ResolvedConfig): Promise<LintTextResult> {
  let nb: NotebookFile;
  try {
    nb = parseNotebook(jsonText);
  } catch (err) {
    const why = err instanceof NotebookFormatError ? err.message : `could not be read (${err instanceof Error ? err.message : String(err)})`;
    return { findings: [], notices: [{ kind: 'skipped', message: `${path}: ${why}; skipped.` }], suppressed: 0 };
  }
  if (nb.language !== 'python') {
    return { findings: [], notices: [{ kind: 'skipped', message: `${path}: a ${nb.language} notebook; only Python notebooks are linted; skipped.` }], suppressed: 0 };
  }
  const result = await lintNotebookCells({ path, cells: nb.cells, config });
  for (const f of result.findings) {
    const start = nb.filePosition(f.cell!, f.range.startLine, f.range.startColumn);
    const end = nb.filePosition(f.cell!, f.range.endLine, f.range.endColumn);
    if (start && end) f.fileRange = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  }
  return { findings: result.findings, notices: result.notices, state: result.state, suppressed: result.suppressed };
}

/** `path:12:5: …` from the front end (program coordinates) → `path:cell 3:2:5: …`. */
function cellNotice(path: string, program: NotebookProgram, message: string): string {
  if (!message.startsWith(`${path}:`)) return message;
  const m = /^:(\d+):(\d+):/.exec(message.slice(path.length));
  if (!m) return message;
  const pos = program.toCell(Number(m[1]) - 1, Number(m[2]) - 1);
  if (!pos) return message;
  return `${path}:${cellLabel(pos.cell)}:${pos.line + 1}:${pos.column + 1}:${message.slice(path.length + m[0].length)}`;
}

/**
 * The one edit (common prefix and suffix kept) that turns `before` into `after`, for the incremental re-parse.
 * Unchanged cells at either end are skipped whole (their masked text is the same string), so only the edited
 * cell's characters are compared: the cost follows the cell, not the notebook.
 */
export function programEdit(before: NotebookProgram, after: NotebookProgram): IncrementalEdit {
  const a = before.text;
  const b = after.text;
  const max = Math.min(a.length, b.length);
  let start = 0;
  for (let i = 0; i < before.cells.length && i < after.cells.length && before.cells[i].masked === after.cells[i].masked; i++) start += before.cells[i].masked.length + 1;
  start = Math.min(start, max);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let same = 0; // characters known equal at the end
  for (let i = before.cells.length - 1, j = after.cells.length - 1; i >= 0 && j >= 0 && before.cells[i].masked === after.cells[j].masked; i--, j--) same += before.cells[i].masked.length + 1;
  same = Math.min(same, max - start);
  let endBefore = a.length - same;
  let endAfter = b.length - same;
  while (endBefore > start && endAfter > start && a.charCodeAt(endBefore - 1) === b.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return {
    startIndex: start,
    oldEndIndex: endBefore,
    newEndIndex: endAfter,
    startPosition: before.pointAt(start),
    oldEndPosition: before.pointAt(endBefore),
    newEndPosition: after.pointAt(endAfter),
  };
}
