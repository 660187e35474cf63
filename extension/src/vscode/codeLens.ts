// "Profile memory" CodeLens at the top of Python and JavaScript scripts (setting memwise.profile.codeLens),
// with the arguments the profile will use (`describe`), and a second lens to edit them.
import * as vscode from 'vscode';

export function registerProfileCodeLens(context: vscode.ExtensionContext, describe: (uri: vscode.Uri) => string, argsChanged: vscode.Event<void>): vscode.EventEmitter<void> {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!vscode.workspace.getConfiguration('memwise.profile', document.uri).get<boolean>('codeLens', true)) return [];
      if (document.uri.scheme !== 'file') return [];
      const range = new vscode.Range(0, 0, 0, 0);
      if (!vscode.workspace.isTrusted) {
        return [new vscode.CodeLens(range, { title: '$(pulse) Profile memory (trust the workspace to enable)', command: 'memwise.profile', arguments: [document.uri], tooltip: 'Run this script under the Memwise memory profiler' })];
      }
      const uses = describe(document.uri);
      return [
        new vscode.CodeLens(range, {
          title: `$(pulse) Profile memory (${uses})`,
          command: 'memwise.profile',
          arguments: [document.uri],
          tooltip: `Run this script under the Memwise memory profiler with ${uses}`,
        }),
        new vscode.CodeLens(range, { title: 'Edit arguments', command: 'memwise.editProfileArgs', arguments: [document.uri], tooltip: 'Change the arguments Memwise profiles this script with' }),
      ];
    },
  };
  context.subscriptions.push(
    changed,
    argsChanged(() => changed.fire()),
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
