import * as vscode from 'vscode';

/** One log channel for everything Memwise decides (which interpreter, what was skipped, timings). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Memwise', { log: true });
}
