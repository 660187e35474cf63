// The editor setting memwise.lint.smallInputBytes in the real VS Code: a data finding whose input is a file the
// script names by a literal path, and that exists beside it, is information while the file is smaller than the
// threshold (64 KiB by default), and goes back to its rule's severity once the user lowers the threshold under
// the file's size or sets 0 (off). Unit and CLI tests cover the weighing; this one covers the setting's path
// through the configuration layers and the re-lint that a settings change starts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';

const INPUT_BYTES = 2000;

function mw301(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'memwise' && (typeof d.code === 'object' ? d.code.value : d.code) === 'MW301');
}

describe('Lint: memwise.lint.smallInputBytes in the editor', function () {
  this.timeout(60000);

  it('shows a finding on a small literal input as information, and at its own severity under a lower threshold', async () => {
    await memwiseApi();
    const root = workspaceRoot();
    const script = path.join(root, 'small_input_words.py');
    const input = path.join(root, 'small_input_words.txt');
    fs.writeFileSync(input, 'word\n'.repeat(INPUT_BYTES / 5));
    fs.writeFileSync(script, 'with open("small_input_words.txt") as f:\n    for line in f.readlines():\n        print(line.strip())\n');
    const settings = vscode.workspace.getConfiguration('memwise.lint');
    const uri = vscode.Uri.file(script);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      // The default threshold (64 KiB) is above the 2,000-byte file.
      const small = await waitFor(() => (mw301(uri)?.severity === vscode.DiagnosticSeverity.Information ? mw301(uri) : undefined), 'MW301 as information (a 2,000-byte input under the default 64 KiB)');
      assert.match(small.message, /Shown as information: `small_input_words\.txt` beside this script is 1\.95 KiB/);
      assert.match(small.message, /memwise\.lint\.smallInputBytes/);

      // A threshold under the file's size: the finding is shown at MW301's own severity, without the note.
      await settings.update('smallInputBytes', INPUT_BYTES - 1, vscode.ConfigurationTarget.Workspace);
      const full = await waitFor(() => (mw301(uri)?.severity === vscode.DiagnosticSeverity.Warning ? mw301(uri) : undefined), 'MW301 as a warning under smallInputBytes 1999');
      assert.doesNotMatch(full.message, /Shown as information/);

      // Just above the file's size it is information again; 0 turns the demotion off.
      await settings.update('smallInputBytes', INPUT_BYTES + 1, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mw301(uri)?.severity === vscode.DiagnosticSeverity.Information, 'MW301 as information under smallInputBytes 2001');
      await settings.update('smallInputBytes', 0, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mw301(uri)?.severity === vscode.DiagnosticSeverity.Warning, 'MW301 as a warning with smallInputBytes 0 (off)');
    } finally {
      await settings.update('smallInputBytes', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(script, { force: true });
      fs.rmSync(input, { force: true });
    }
  });
});
