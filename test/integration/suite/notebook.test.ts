// Notebooks in the real VS Code notebook editor (the built-in .ipynb support): diagnostics on a cell as
// the notebook opens, a quick fix applied to that cell, then "Memwise: Profile this notebook" with the
// cell markers read back from the profile webview, a row click that opens the cell, and inline costs.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';
import { evalInWebview, harnessAvailable, screenshotWebview, waitForWebviewEval } from '../harnessClient';

function memwiseDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'memwise' && (!code || (typeof d.code === 'object' ? d.code.value === code : d.code === code)));
}

describe('Notebooks: lint cells and profile the notebook in a real VS Code', function () {
  this.timeout(120000);
  let notebook: vscode.NotebookDocument;

  before(async () => {
    await memwiseApi();
    const dir = path.join(workspaceRoot(), 'notebook');
    // The notebook reads requests.csv from its own folder (as in Jupyter). 60,000 rows run ~0.2 s (~20 samples): at
    // 20,000 (~50 ms, 5 samples) a loaded CI machine once left the line sampler without a single location sample.
    const made = spawnSync('python3', [path.join(workspaceRoot(), 'estimate', 'make_input.py'), '60000', path.join(dir, 'requests.csv')]);
    assert.strictEqual(made.status, 0, String(made.stderr));
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(dir, 'request_log.ipynb')));
    await vscode.window.showNotebookDocument(notebook);
  });

  it('shows a diagnostic on cell 3 and applies its quick fix to the cell', async () => {
    const cell = notebook.cellAt(2);
    assert.strictEqual(cell.kind, vscode.NotebookCellKind.Code);
    const uri = cell.document.uri;
    assert.strictEqual(uri.scheme, 'vscode-notebook-cell');
    const [diag] = await waitFor(() => {
      const d = memwiseDiagnostics(uri, 'MW101');
      return d.length ? d : undefined;
    }, 'an MW101 diagnostic on cell 3');
    assert.strictEqual(diag.range.start.line, 2);
    assert.strictEqual(cell.document.getText(diag.range), 'row[1] * 1000');
    // Nothing is published on the notebook file itself or on other cells for this finding.
    assert.deepStrictEqual(memwiseDiagnostics(notebook.cellAt(1).document.uri), []);

    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable MW101 for this line'), titles.join(' | '));
    const fix = actions.find((a) => /float\(\)/.test(a.title));
    assert.ok(fix?.edit, `no float() fix among ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(cell.document.lineAt(2).text, /float\(row\[1\]\) \* 1000/);
    await waitFor(() => memwiseDiagnostics(uri, 'MW101').length === 0, 'MW101 to disappear from cell 3 after the fix');
    // The other findings of the cell (whole rows kept as text) are still there: the notebook was re-linted, not cleared.
    const [kept] = memwiseDiagnostics(uri, 'MW303');
    assert.ok(kept, JSON.stringify(memwiseDiagnostics(uri).map((d) => d.code)));

    // "Disable MW303 for this line" writes `# noqa: MW303` into the cell; the diagnostic goes, and hovering the
    // code in the comment shows the rule's documentation.
    const disable = ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, kept.range)) ?? []).find(
      (a) => a.title === 'Disable MW303 for this line',
    );
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    const line = cell.document.lineAt(kept.range.start.line).text;
    assert.match(line, /  # noqa: MW303$/);
    await waitFor(() => memwiseDiagnostics(uri, 'MW303').length === 0, 'MW303 to be suppressed by # noqa in the cell');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(kept.range.start.line, line.lastIndexOf('MW303') + 2));
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(hoverText, /What it does/);
  });

  it('profiles the notebook: cell markers on the timeline, rows that open cells, inline costs', async function () {
    const api = await memwiseApi();
    const res = await vscode.commands.executeCommand<{ run?: RunFile; skipped?: string }>('memwise.profileNotebook', notebook.uri);
    assert.ok(res?.run, `no run: ${JSON.stringify(res)}`);
    const run = res.run;
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.error ?? run.logs.slice(-5)));
    assert.deepStrictEqual(
      run.cells!.map((c) => c.index),
      [1, 2, 4],
    );
    assert.match(run.warnings!.join('\n'), /`%matplotlib inline` skipped/);
    assert.ok(run.logs.some((l) => /^60000 rows, \d+ slow requests$/.test(l.text)), JSON.stringify(run.logs));
    // Out of process, like scripts (issue 15): the notebook's program is the CLI's child, not the extension host's.
    const main = run.processes.find((p) => p.role === 'main') ?? run.processes[0];
    assert.ok(main && main.ppid !== process.pid, `the notebook ran as a child of the extension host (pid ${process.pid}): ${JSON.stringify(run.processes.map((p) => [p.pid, p.ppid]))}`);
    // The cost table below is drawn from these rows: say so here if the run itself attributed nothing to a cell.
    assert.ok(
      run.lines.some((l) => l.cell !== undefined && l.growthBytes > 0),
      `no growth attributed to a cell: ${JSON.stringify({ sampling: run.sampling, lines: run.lines.slice(0, 8) })}`,
    );

    if (!harnessAvailable()) this.skip();
    const panel = await waitFor(() => api.profilePanel, 'the profile panel');
    await panel.ready;
    // Read the markers from the finished run's view (its cost table is there), not from the live view that
    // precedes it and has not yet seen the last cell.
    await waitForWebviewEval<boolean>(`document.querySelector('table.costs-lines tbody tr') ? true : null`);
    const markers = await waitForWebviewEval<Array<{ cell: string; label: string; width: number }>>(
      `(() => { const m = [...document.querySelectorAll('.cell-marker')].map((e) => ({ cell: e.dataset.cell, label: e.dataset.label, width: e.getBoundingClientRect().width })); return m.length ? m : null; })()`,
    );
    assert.deepStrictEqual(
      markers.map((m) => m.cell),
      ['2', '3', '5'],
    );
    assert.strictEqual(markers[1].label, 'cell 3: with open(PATH, newline="") as f:');
    assert.ok(markers.every((m) => m.width >= 1), JSON.stringify(markers));
    await screenshotWebview('notebook-profile');

    // "Where memory grew" groups by cell: the first row is a cell total; clicking it opens that cell.
    const first = await waitForWebviewEval<{ cell: string; text: string }>(
      `(() => { const r = document.querySelector('table.costs-lines tbody tr'); return r && r.classList.contains('cell-total') ? { cell: r.dataset.cell, text: r.textContent } : null; })()`,
    );
    assert.ok(['2', '3', '5'].includes(first.cell), JSON.stringify(first));
    await evalInWebview(`document.querySelector('table.costs-lines tbody tr.cell-total').click()`);
    const opened = await waitFor(() => api.profileViewLastOpened as { file: string; cell?: number } | undefined, 'a cell opened from the table');
    assert.strictEqual(opened.cell, Number(first.cell) - 1);
    assert.strictEqual(path.basename(opened.file), 'request_log.ipynb');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'vscode-notebook-cell', 'the cell editor to be active');

    // Inline costs land on the cell lines of the notebook editor.
    await waitFor(() => ((api.lineCosts as { shown?: number } | undefined)?.shown ?? 0) > 0, 'inline costs on a cell');
  });

  it('estimates the notebook through its # memwise: input variable', async () => {
    const dir = path.join(workspaceRoot(), 'notebook');
    const est = await vscode.commands.executeCommand<EstimateFile | undefined>('memwise.estimate', {
      script: notebook.uri.fsPath,
      input: path.join(dir, 'requests.csv'),
      fractions: [0.1, 0.2, 0.35, 0.5],
      show: false,
    });
    const api = await memwiseApi();
    assert.ok(est, `no estimate: ${String(api.lastEstimateError)}`);
    // The listed fractions come first; a larger sample may follow while the fit is unsettled.
    assert.deepStrictEqual(est.points.slice(0, 4).map((p) => p.fraction), [0.1, 0.2, 0.35, 0.5]);
    // The notebook keeps every row, so the samples really reached it: the peak grows with the sample.
    assert.ok(est.points[3].peakBytes > est.points[0].peakBytes, JSON.stringify(est.points.map((p) => p.peakBytes)));
  });
});
