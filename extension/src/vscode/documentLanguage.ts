// Which lint front end an open document belongs to. Untitled documents have no extension, and a notebook
// cell's URI carries the .ipynb path, so both are decided by the document's language id instead.
import type * as vscode from 'vscode';
import { languageOf } from '../core/lint/languages';
import type { LintLanguage } from '../core/lint/types';

export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export function documentLintLanguage(doc: vscode.TextDocument): LintLanguage | undefined {
  if (doc.uri.scheme === NOTEBOOK_CELL_SCHEME) return doc.languageId === 'python' ? 'python' : undefined;
  return languageOf(doc.uri.scheme === 'untitled' ? `x.${doc.languageId === 'python' ? 'py' : 'js'}` : doc.uri.fsPath);
}
