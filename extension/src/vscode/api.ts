import type * as vscode from 'vscode';

/**
 * What `activate` returns. The integration suite reads it through
 * `vscode.extensions.getExtension('memwise.memwise').exports`; features add what they want observable.
 */
export interface MemwiseApi {
  activationMs: number;
  /** The profile panel, when open: resolves once the webview's script has run and said hello. */
  profilePanel?: { panel: vscode.WebviewPanel; ready: Promise<void> };
  /** The last finished estimate and the path of its saved file (`.memwise/estimates/`). */
  lastEstimate?: { estimate: import('../core/estimate/estimateTypes').EstimateFile; path: string };
  /** The message of the last estimate that failed (bad input, failing script), as shown to the user. */
  lastEstimateError?: string;
  /** Set while the estimate's size question (a quick pick) is open, so a test can answer it through the real UI. */
  estimatePrompt?: 'size';
  /** The last command refused because the workspace is untrusted, and the message the user was shown. */
  lastRefusal?: { command: string; message: string };
  [feature: string]: unknown;
}
