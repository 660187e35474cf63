// Notebook cells as the editor knows them: which notebook and cell a cell document is, a key per cell for
// per-line state (inline costs), and revealing a line of a cell (profile view rows, tracebacks).
import * as path from 'path';
import * as vscode from 'vscode';
import { cellFileName } from '../core/notebook/notebookProgram';
import { NOTEBOOK_CELL_SCHEME } from './documentLanguage';

export function cellOfDocument(doc: vscode.TextDocument): { notebook: vscode.NotebookDocument; index: number } | undefined {
  if (doc.uri.scheme !== NOTEBOOK_CELL_SCHEME) return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document === doc);
    if (cell) return { notebook, index: cell.index };
  }
  return undefined;
}

/** A per-line-state key: the file path for a file, the cell's run name (`<notebook>#cell<N>`) for a cell. */
export function cellKey(file: string, cellIndex: number): string {
  return cellFileName(path.normalize(file), cellIndex);
}

export function documentKey(doc: vscode.TextDocument): string {
  const cell = cellOfDocument(doc);
  return cell ? cellKey(cell.notebook.uri.fsPath, cell.index) : path.normalize(doc.uri.fsPath);
}

/** Open the notebook and put the cursor on a 1-based line of a cell (clamped to the cell). */
export async function revealCellLine(notebookFile: string, cellIndex: number, line: number): Promise<vscode.TextDocument> {
  const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(notebookFile));
  const index = Math.min(Math.max(0, cellIndex), Math.max(0, notebook.cellCount - 1));
  const range = new vscode.NotebookRange(index, index + 1);
  const editor = await vscode.window.showNotebookDocument(notebook, { viewColumn: vscode.ViewColumn.One, selections: [range] });
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  const doc = notebook.cellAt(index).document;
  const pos = new vscode.Position(Math.min(Math.max(0, line - 1), Math.max(0, doc.lineCount - 1)), 0);
  await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn, selection: new vscode.Range(pos, pos) });
  return doc;
}

/** The open cell document of a notebook cell, for diagnostics on it (a traceback frame). */
export function cellDocumentUri(notebookFile: string, cellIndex: number): vscode.Uri | undefined {
  const notebook = vscode.workspace.notebookDocuments.find((n) => path.normalize(n.uri.fsPath) === path.normalize(notebookFile));
  return notebook && cellIndex < notebook.cellCount ? notebook.cellAt(cellIndex).document.uri : undefined;
}

/** The file behind the active editor: the notebook when a notebook editor (or one of its cells) has focus. */
export function activeFileUri(): vscode.Uri | undefined {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const text = vscode.window.activeTextEditor?.document;
  if (notebook && (!text || text.uri.scheme === NOTEBOOK_CELL_SCHEME)) return notebook.uri;
  return text?.uri;
}
