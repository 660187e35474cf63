import * as vscode from 'vscode';
import type { MemwiseApi } from './vscode/api';
import type { FeatureContext } from './vscode/featureContext';
import { createLog } from './vscode/output';
import { registerLinting } from './vscode/lintFeature';
import { registerNotebookLinting } from './vscode/notebookLintFeature';
import { registerProfiling } from './vscode/profileFeature';
import { registerProfilePanel } from './vscode/profilePanel';
import { registerEstimate } from './vscode/estimateFeature';
import { registerReview } from './vscode/reviewFeature';

export function activate(context: vscode.ExtensionContext): MemwiseApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  const api: MemwiseApi = { activationMs: 0 };
  const fc: FeatureContext = { extension: context, log, api };
  // Each feature registers itself; a feature that fails to start must not take the others down.
  for (const [name, register] of [
    ['lint', registerLinting],
    ['notebook lint', registerNotebookLinting],
    ['profile', registerProfiling],
    ['profile view', registerProfilePanel],
    ['estimate', registerEstimate],
    ['review', registerReview],
  ] as const) {
    try {
      register(fc);
    } catch (err) {
      log.error(`Memwise ${name} feature failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  api.activationMs = performance.now() - started;
  log.info(`Memwise ${context.extension.packageJSON.version} activated in ${api.activationMs.toFixed(1)} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, trusted: ${vscode.workspace.isTrusted})`);
  return api;
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
