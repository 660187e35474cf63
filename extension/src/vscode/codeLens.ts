// "Profile memory" CodeLens at the top of Python and JavaScript scripts (setting memwise.profile.codeLens).
import * as vscode from 'vscode';

export function registerProfileCodeLens(context: vscode.ExtensionContext): vscode.EventEmitter<void> {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!vscode.workspace.getConfiguration('memwise.profile', document.uri).get<boolean>('codeLens', true)) return [];
      if (document.uri.scheme !== 'file') return [];
      const range = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(range, {
          title: vscode.workspace.isTrusted ? '$(pulse) Profile memory' : '$(pulse) Profile memory (trust the workspace to enable)',
          command: 'memwise.profile',
          arguments: [document.uri],
          tooltip: 'Run this script under the Memwise memory profiler',
        }),
      ];
    },
  };
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider(
      [
        { language: 'python', scheme: 'file' },
        { language: 'javascript', scheme: 'file' },
      ],
      provider,
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('memwise.profile.codeLens')) changed.fire();
    }),
  );
  return changed;
}
