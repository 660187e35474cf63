import type * as vscode from 'vscode';

/**
 * What `activate` returns. The integration suite reads it through
 * `vscode.extensions.getExtension('memwise.memwise').exports`; features add what they want observable.
 */
export interface MemwiseApi {
  activationMs: number;
  /** The profile panel, when open: resolves once the webview's script has run and said hello. */
  profilePanel?: { panel: vscode.WebviewPanel; ready: Promise<void> };
  [feature: string]: unknown;
}
