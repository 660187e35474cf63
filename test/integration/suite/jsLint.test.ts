// JS/TS lint in the real VS Code: open the Node example, see Memwise diagnostics from the typescript-estree
// front end, apply a quick fix through the code-action provider, and see the diagnostics update.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';

function memwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'memwise');
}

/**
 * Editor requests can be cancelled when the workbench is still settling (an editor opening, a re-lint
 * republishing diagnostics); retry those, and only those, a few times.
 */
async function retryCanceled<T>(what: string, op: () => Thenable<T> | Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt >= 5 || !/Canceled/i.test(String((e as Error)?.message ?? e))) throw new Error(`${what}: ${(e as Error)?.message ?? e}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

describe('JS/TS lint in the editor', () => {
  it('shows diagnostics on examples/node/request_log.mjs and a quick fix updates them', async function () {
    this.timeout(60000);
    await memwiseApi();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'node', 'request_log.mjs'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await retryCanceled('showTextDocument', () => vscode.window.showTextDocument(doc));

    const diags = await waitFor(() => {
      const ds = memwiseDiagnostics(uri);
      return ds.some((d) => codeOf(d) === 'MW151') ? ds : undefined;
    }, 'Memwise JS diagnostics on request_log.mjs', 30000);
    const codes = diags.map(codeOf).sort();
    for (const expected of ['MW151', 'MW152', 'MW351']) assert.ok(codes.includes(expected), `missing ${expected} in ${codes.join(', ')}`);

    const concat = diags.find((d) => codeOf(d) === 'MW151')!;
    assert.strictEqual(doc.getText(concat.range), 'total += duration');
    assert.match(concat.message, /concatenates/);

    const actions = (await retryCanceled('executeCodeActionProvider', () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, concat.range))) ?? [];
    const fix = actions.find((a) => a.title.includes('Number(') && a.edit);
    assert.ok(fix, `no Number() quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit applies');
    assert.match(doc.lineAt(concat.range.start.line).text, /total \+= Number\(duration\);/);

    // Diagnostics follow the edit: the concatenation is gone, the other findings stay.
    const after = await waitFor(() => {
      const ds = memwiseDiagnostics(uri);
      return ds.length > 0 && !ds.some((d) => codeOf(d) === 'MW151') ? ds : undefined;
    }, 'MW151 to disappear after the quick fix', 30000);
    assert.ok(after.map(codeOf).includes('MW351'));
    await retryCanceled('revert', () => vscode.commands.executeCommand('workbench.action.files.revert'));
  });

  it('lints a Node script without an extension by its #! line (a CLI\'s bin/tool)', async function () {
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-bin-'));
    const file = path.join(dir, 'tool');
    fs.writeFileSync(file, "#!/usr/bin/env node\nconst fs = require('fs');\nlet total = 0;\nfor (const line of fs.readFileSync(process.argv[2], 'utf8').split('\\n')) {\n  total += line.split(',')[1];\n}\nconsole.log(total);\n");
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'javascript', 'VS Code gives a node #! script the JavaScript mode');
    await retryCanceled('showTextDocument', () => vscode.window.showTextDocument(doc));
    const diags = await waitFor(() => {
      const ds = memwiseDiagnostics(uri);
      return ds.some((d) => codeOf(d) === 'MW151') ? ds : undefined;
    }, 'Memwise diagnostics on an extensionless node script', 30000);
    const concat = diags.find((d) => codeOf(d) === 'MW151')!;
    assert.strictEqual(doc.getText(concat.range), "total += line.split(',')[1]");
    await retryCanceled('close', () => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));
  });

  it('lints TypeScript too (examples/node/log_lines.ts)', async function () {
    this.timeout(60000);
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'node', 'log_lines.ts'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await retryCanceled('showTextDocument', () => vscode.window.showTextDocument(doc));
    const diags = await waitFor(() => {
      const ds = memwiseDiagnostics(uri);
      return ds.length >= 2 ? ds : undefined;
    }, 'Memwise diagnostics on log_lines.ts', 30000);
    assert.deepStrictEqual(diags.map(codeOf).sort(), ['MW151', 'MW152']);
  });
});
