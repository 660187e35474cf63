// Lint in the real editor: diagnostics on open, quick fixes looked up by executeCodeActionProvider and
// applied as real edits, diagnostics updating after edits, the noqa hover, docs, and "Lint workspace".
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';

function memwiseDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'memwise' && (!code || (typeof d.code === 'object' ? d.code.value === code : d.code === code)));
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

describe('Lint: diagnostics and quick fixes in the editor', () => {
  it('shows the incident (row[1] * 1000) with a docs link, fixes it, and updates after edits', async () => {
    await memwiseApi();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'request_log.py'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const incidentLine = doc.getText().split('\n').findIndex((l) => l.includes('rows = [(row[0], row[1] * 1000)'));
    assert.ok(incidentLine > 0);

    const [diag] = await waitFor(() => {
      const d = memwiseDiagnostics(uri, 'MW101');
      return d.length ? d : undefined;
    }, 'an MW101 diagnostic on request_log.py');
    assert.strictEqual(diag.range.start.line, incidentLine);
    assert.strictEqual(doc.getText(diag.range), 'row[1] * 1000');
    // Text repeated by a number from data blows up at scale: an error by default.
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof diag.code === 'object' && /docs\/rules\.md#mw101-/.test(diag.code.target.toString()), `code ${JSON.stringify(diag.code)}`);
    assert.match(diag.message, /1000/);

    // The quick fix comes from the stored finding; applying it must clear the diagnostic.
    const actions = await actionsAt(uri, diag.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable MW101 for this line'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for MW101'), titles.join(' | '));
    const fix = actions.find((a) => /float\(\)/.test(a.title));
    assert.ok(fix?.edit, `no float() fix among ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(incidentLine).text, /float\(row\[1\]\) \* 1000/);
    await waitFor(() => memwiseDiagnostics(uri, 'MW101').length === 0, 'MW101 to disappear after the fix');

    // Typing the bug back in (an incremental edit) brings the diagnostic back.
    const start = doc.lineAt(incidentLine).text.indexOf('float(row[1])');
    const undo = new vscode.WorkspaceEdit();
    undo.replace(uri, new vscode.Range(incidentLine, start, incidentLine, start + 'float(row[1])'.length), 'row[1]');
    assert.ok(await vscode.workspace.applyEdit(undo));
    const [again] = await waitFor(() => {
      const d = memwiseDiagnostics(uri, 'MW101');
      return d.length ? d : undefined;
    }, 'MW101 to come back after the edit');

    // "Disable MW101 for this line" writes a noqa comment; the diagnostic goes away.
    const disable = (await actionsAt(uri, again.range)).find((a) => a.title === 'Disable MW101 for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(doc.lineAt(incidentLine).text, /row\[1\] \* 1000\) for row in rows\]  # noqa: MW101$/);
    await waitFor(() => memwiseDiagnostics(uri, 'MW101').length === 0, 'MW101 to be suppressed by # noqa');

    // Hovering the code in the noqa comment shows the rule's documentation.
    const col = doc.lineAt(incidentLine).text.lastIndexOf('MW101') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(incidentLine, col));
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(hoverText, /What it does/);
    assert.match(hoverText, /MW101/);

    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows pyproject.toml [tool.memwise] and the memwise.lint.* settings', async function () {
    this.timeout(60000);
    await memwiseApi();
    const root = workspaceRoot();
    const uri = vscode.Uri.file(path.join(root, 'request_log.py'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => memwiseDiagnostics(uri, 'MW101')[0]?.severity === vscode.DiagnosticSeverity.Error, 'MW101 as an error');
    const pyproject = path.join(root, 'pyproject.toml');
    fs.writeFileSync(pyproject, '[tool.memwise]\nseverity = { MW1 = "warning" }\n');
    try {
      await waitFor(() => memwiseDiagnostics(uri, 'MW101')[0]?.severity === vscode.DiagnosticSeverity.Warning, 'MW101 to become a warning from pyproject.toml');
      const settings = vscode.workspace.getConfiguration('memwise.lint');
      await settings.update('ignore', ['MW101'], vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor(() => memwiseDiagnostics(uri, 'MW101').length === 0, 'memwise.lint.ignore to hide MW101');
        assert.ok(memwiseDiagnostics(uri).length > 0, 'other rules still report');
      } finally {
        await settings.update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
      }
    } finally {
      fs.rmSync(pyproject, { force: true });
    }
    await waitFor(() => memwiseDiagnostics(uri, 'MW101')[0]?.severity === vscode.DiagnosticSeverity.Error, 'MW101 back to an error');
  });

  it('hovering a finding repeats its evidence with the rule doc below', async () => {
    await memwiseApi();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'request_log.py'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [diag] = await waitFor(() => {
      const d = memwiseDiagnostics(uri, 'MW101');
      return d.length ? d : undefined;
    }, 'an MW101 diagnostic');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, diag.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    const evidence = text.indexOf('1000');
    assert.ok(evidence >= 0 && evidence < text.indexOf('What it does'), text);
  });

  it('a vendored file the user opens is still linted, at information severity', async function () {
    this.timeout(60000);
    await memwiseApi();
    const dir = path.join(workspaceRoot(), 'third_party', 'csvkit_copy');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'reader.py');
    fs.writeFileSync(file, 'import sys\n\nwith open(sys.argv[1]) as f:\n    for line in f.readlines():\n        print(line)\n');
    try {
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diags = await waitFor(() => {
        const d = memwiseDiagnostics(uri, 'MW301');
        return d.length ? d : undefined;
      }, 'an MW301 diagnostic in the vendored file');
      assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Information), JSON.stringify(diags.map((d) => d.severity)));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(path.join(workspaceRoot(), 'third_party'), { recursive: true, force: true });
    }
  });

  it('opens a rule\'s documentation', async () => {
    await memwiseApi();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('memwise.showRuleDoc', 'MW101');
    assert.ok(doc);
    assert.match(doc.getText(), /^# MW101: /);
    assert.match(doc.getText(), /## Why is this bad\?/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Lint workspace" fills the Problems panel for files that are not open', async () => {
    await memwiseApi();
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>('memwise.lintWorkspace');
    assert.ok(result.files >= 4, JSON.stringify(result));
    assert.ok(result.findings >= 3, JSON.stringify(result));
    const logParser = vscode.Uri.file(path.join(workspaceRoot(), 'log_parser.py'));
    const diags = memwiseDiagnostics(logParser);
    assert.ok(diags.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('MW3')), JSON.stringify(diags.map((d) => d.code)));
  });
});
