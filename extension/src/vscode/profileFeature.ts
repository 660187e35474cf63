import * as vscode from 'vscode';
import type { FeatureContext } from './featureContext';

export function registerProfiling(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    vscode.commands.registerCommand('memwise.profile', async () => {
      // Placeholder until the profiler lands (issue: "Profile this script").
      const message = 'Memwise: profiling is not implemented yet — this command is a placeholder until the profiler ships.';
      fc.log.warn(message);
      void vscode.window.showInformationMessage(message);
      return { placeholder: true };
    }),
  );
}
