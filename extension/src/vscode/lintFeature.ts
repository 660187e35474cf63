import * as vscode from 'vscode';
import type { FeatureContext } from './featureContext';

export function registerLinting(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    vscode.commands.registerCommand('memwise.lintWorkspace', async () => {
      // Placeholder until the lint engine lands.
      fc.log.warn('Memwise: workspace lint is not implemented yet.');
      return { files: 0, findings: 0 };
    }),
  );
}
