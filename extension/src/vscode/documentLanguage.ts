// Which lint front end an open document belongs to. Untitled documents have no extension, and a notebook
// cell's URI carries the .ipynb path, so both are decided by the document's language id instead; a file
// without an extension by its `#!` line.
import type * as vscode from 'vscode';
import { hasNoExtension, languageOf, shebangLanguage } from '../core/lint/languages';
import type { LintLanguage } from '../core/lint/types';

export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export function documentLintLanguage(doc: vscode.TextDocument): LintLanguage | undefined {
  if (doc.uri.scheme === NOTEBOOK_CELL_SCHEME) return doc.languageId === 'python' ? 'python' : undefined;
  if (doc.uri.scheme === 'untitled') return languageOf(`x.${doc.languageId === 'python' ? 'py' : 'js'}`);
  // A script without an extension (`bin/tool`) by its `#!` line, as `memwise lint` decides.
  const file = doc.uri.fsPath;
  return languageOf(file) ?? (hasNoExtension(file) ? shebangLanguage(doc.lineAt(0).text) : undefined);
}
