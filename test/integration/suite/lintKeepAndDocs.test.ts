// Two fixes from issue 16 in the real VS Code: findings from "Lint workspace" stay in Problems when a file is
// opened and closed again (until the file changes on disk), and a rule's documentation opens rendered, from a
// read-only document that never asks to be saved (not an Untitled tab).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';

const memwise = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'memwise');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Lint workspace findings and rule docs (real VS Code)', function () {
  this.timeout(60000);

  it('keeps "Lint workspace" findings after the file is opened and closed, until it changes on disk', async () => {
    await memwiseApi();
    const file = path.join(workspaceRoot(), 'keep_findings.py');
    fs.writeFileSync(file, 'def main(path):\n    with open(path) as f:\n        for line in f.readlines():\n            print(line)\n');
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand('memwise.lintWorkspace');
    const before = await waitFor(() => (memwise(uri).length ? memwise(uri) : undefined), 'workspace findings for keep_findings.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // VS Code disposes a closed editor's document minutes later; changing its language closes the document
    // now (a real onDidCloseTextDocument), the same path a user's close eventually takes.
    let closed = false;
    let watching = false;
    let emptied = false; // were the findings ever dropped from the close on?
    const subs = [
      vscode.workspace.onDidCloseTextDocument((d) => (closed ||= d.uri.toString() === uri.toString())),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (watching && e.uris.some((u) => u.toString() === uri.toString()) && memwise(uri).length === 0) emptied = true;
      }),
    ];
    watching = true; // the extension's close handler runs before ours: watch from just before the close
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await waitFor(() => closed || undefined, 'the document close event');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await sleep(1500);
    for (const sub of subs) sub.dispose();
    assert.ok(!emptied, 'closing the file dropped its workspace findings');
    assert.deepStrictEqual(memwise(uri).map((d) => d.code && (typeof d.code === 'object' ? d.code.value : d.code)), before.map((d) => d.code && (typeof d.code === 'object' ? d.code.value : d.code)), 'the findings survive closing the file');
    // A change on disk re-lints the closed file: the fixed file has no findings left.
    fs.writeFileSync(file, 'def main(path):\n    with open(path) as f:\n        for line in f:\n            print(line)\n');
    await waitFor(() => memwise(uri).length === 0 || undefined, 'the findings to go after the fix on disk', 20000);
    fs.rmSync(file, { force: true });
  });

  it('opens a rule\'s documentation rendered, from a read-only document', async () => {
    await memwiseApi();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('memwise.showRuleDoc', 'MW301');
    assert.ok(doc);
    assert.strictEqual(doc.uri.scheme, 'memwise-rule', 'a virtual read-only document, not Untitled');
    assert.ok(!doc.isUntitled && !doc.isDirty);
    assert.match(doc.getText(), /^# MW301: /);
    const preview = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /MW301/.test(t.label)),
      'a Markdown preview tab for MW301',
    );
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.isDirty), 'nothing asks to be saved');
    await vscode.window.tabGroups.close(preview);
  });
});
