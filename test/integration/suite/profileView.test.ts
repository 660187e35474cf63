// The profile view in a real VS Code: a real Python script is profiled (through `memwise.profile` when
// the profiler's command returns a run, else through the profiler's core `profileScript`), the run is
// opened in the panel, and the webview's DOM is checked: chart drawn, peak label, log markers, first table
// row, nothing the script printed executes, a row click opens the line, inline costs, live streaming.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProfileEvent, RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { profileScript } from '../../../extension/src/core/profile/runner';
import { saveRun } from '../../../extension/src/core/profile/runStore';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';
import { evalInWebview, harnessAvailable, screenshot, waitForWebviewEval } from '../harnessClient';

const SCRIPT = 'profile_view_demo.py';
const SCRIPT_TEXT = `"""Memwise profile-view test: memory grows in steps, with log lines between them."""
import sys
import time

print('starting <img src=x onerror="window.__memwiseXss=1">', flush=True)


def build(rows, n):
    for i in range(n):
        rows.append("x" * 1000 + str(i))  # the growth
    return rows


small = [bytes(1000) for _ in range(20000)]
print("small list ready", flush=True)
time.sleep(0.2)
big = []
for step in range(4):
    build(big, 60000)
    print(f"step {step}: {len(big)} rows", flush=True)
    time.sleep(0.15)
print("<script>window.__memwiseXss=2</script> built", file=sys.stderr, flush=True)
time.sleep(0.2)
del big
print("done", flush=True)
`;
const GROWTH_LINE = SCRIPT_TEXT.split('\n').findIndex((l) => l.includes('# the growth')) + 1;

interface ProfileViewApi {
  showProfile(run: RunFile | null, runFilePath?: string): void;
  beginLiveProfile(script: string): { push(e: ProfileEvent): void };
  showLineCosts(run: RunFile): void;
}

async function profileDemo(file: string): Promise<{ run: RunFile; runFilePath?: string; via: string }> {
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  // The profiler's command, when it returns its run (it also opens the panel itself).
  const res = (await vscode.commands.executeCommand<unknown>('memwise.profile', vscode.Uri.file(file)).then(
    (r) => r,
    () => undefined,
  )) as { run?: RunFile; runFilePath?: string } | undefined;
  if (res && typeof res === 'object' && res.run?.schema?.startsWith('memwise.run/')) return { run: res.run, runFilePath: res.runFilePath, via: 'memwise.profile' };
  // Until then: the profiler's core, a real Python process, saved where the runs live, opened by command.
  const run = await profileScript({ script: file, args: [], cwd: path.dirname(file) });
  const runFilePath = await saveRun(path.join(workspaceRoot(), '.memwise', 'runs'), run);
  await vscode.commands.executeCommand('memwise.openRunFile', vscode.Uri.file(runFilePath));
  return { run, runFilePath, via: 'profileScript + memwise.openRunFile' };
}

describe('Profile view: chart, table and inline costs in a real VS Code', function () {
  this.timeout(120000);
  let run: RunFile;
  let file: string;

  before(async function () {
    file = path.join(workspaceRoot(), SCRIPT);
    fs.writeFileSync(file, SCRIPT_TEXT);
    const api = await memwiseApi();
    const got = await profileDemo(file);
    run = got.run;
    console.log(`      profiled via ${got.via}: peak ${run.peakBytes} B, ${run.samples.t.length} samples, ${run.logs.length} log lines`);
    const panel = await waitFor(() => api.profilePanel, 'the profile panel');
    await panel.ready;
  });

  it('profiled the script for real', () => {
    assert.strictEqual(run.exitCode, 0);
    assert.ok(run.peakBytes > 200 * 1024 * 1024, `peak ${run.peakBytes}`);
    assert.strictEqual(run.lines[0]?.line, GROWTH_LINE, `top line ${JSON.stringify(run.lines[0])}`);
  });

  it('draws the chart, labels the peak, shows log markers and the top line first', async function () {
    if (!harnessAvailable()) this.skip();
    await waitForWebviewEval(`document.querySelector('.peak-label')?.getAttribute('data-peak-bytes') === '${run.peakBytes}'`, 20000);
    const pixels = await waitForWebviewEval<number>(
      `(() => { const c = window.memwiseChartCanvas && window.memwiseChartCanvas(); if (!c) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()`,
    );
    assert.ok(pixels > 3000, `canvas has ${pixels} drawn pixels`);
    const peakText = await waitForWebviewEval<string>(`document.querySelector('.peak-label')?.textContent`);
    assert.match(peakText, /^Peak \d+(\.\d+)? (MiB|GiB)/);
    const markers = await waitForWebviewEval<{ count: number; lines: number; labels: string[] }>(
      `(() => { const m = [...document.querySelectorAll('.log-marker')]; return m.length && { count: m.length, lines: m.reduce((s, e) => s + Number(e.dataset.count), 0), labels: m.map((e) => e.getAttribute('aria-label')) }; })()`,
    );
    assert.strictEqual(markers.lines, run.logs.length, JSON.stringify(markers));
    assert.ok(markers.labels.some((l) => /done|step 3/.test(l)), JSON.stringify(markers.labels));
    const firstRow = await waitForWebviewEval<{ line: string; loc: string; fn: string }>(
      `(() => { const r = document.querySelector('table.costs tbody tr'); return r && { line: r.dataset.line, loc: r.querySelector('td.loc').textContent, fn: r.querySelector('td.fn').textContent }; })()`,
    );
    assert.deepStrictEqual(firstRow, { line: String(GROWTH_LINE), loc: `${SCRIPT}:${GROWTH_LINE}`, fn: 'build' });
    const shot = await screenshot('profile-view');
    assert.ok(fs.existsSync(shot), shot);
  });

  it('runs none of the markup the script printed, and shows it as text', async function () {
    if (!harnessAvailable()) this.skip();
    // Hover every marker (the tooltip renders the lines' text), collecting what the tooltips show.
    const r = await waitForWebviewEval<{ xss: unknown; elements: number; shown: string }>(
      `(() => {
        const markers = [...document.querySelectorAll('.log-marker')];
        if (!markers.length) return null;
        let shown = '';
        for (const m of markers) { m.dispatchEvent(new MouseEvent('mouseenter')); shown += document.querySelector('.tooltip').textContent + '\\n'; }
        return { xss: window.__memwiseXss ?? null, elements: document.querySelectorAll('img, iframe, .tooltip script').length, shown };
      })()`,
    );
    assert.strictEqual(r.xss, null, 'an injected handler ran');
    assert.strictEqual(r.elements, 0, 'markup from the script became elements');
    assert.ok(r.shown.includes('<script>window.__memwiseXss=2</script> built'), r.shown);
    assert.ok(r.shown.includes('starting <img src=x onerror='), r.shown);
    await new Promise((res) => setTimeout(res, 300));
    const after = await evalInWebview(`window.__memwiseXss ?? null`);
    assert.ok(after.every((x) => x.value === null || x.value === undefined), JSON.stringify(after));
  });

  it('opens the source line when a table row is clicked', async function () {
    if (!harnessAvailable()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await memwiseApi();
    await showAgain(api);
    await evalInWebview(`document.querySelector('table.costs tbody tr')?.click()`);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === file ? e : undefined;
    }, 'the script opened in an editor');
    assert.strictEqual(editor.selection.active.line, GROWTH_LINE - 1);
  });

  it('opens the line that was running when a point of the chart is clicked', async function () {
    if (!harnessAvailable()) this.skip();
    const api = await memwiseApi();
    await showAgain(api);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    // Hover then click the middle of the plot (no drag, so no zoom); the readout names the line it will open.
    const readout = await waitForWebviewEval<string>(`(() => {
      const o = document.querySelector('.u-over'); if (!o) return '';
      const r = o.getBoundingClientRect(); const x = r.left + r.width * 0.5, y = r.top + r.height / 2;
      const ev = (type) => o.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, view: window }));
      ev('mousemove');
      const text = document.querySelector('.readout').textContent;
      if (!/click to open/.test(text)) return '';
      ev('mousedown'); ev('mouseup'); ev('click');
      return text;
    })()`);
    const line = Number(/profile_view_demo\.py:(\d+)/.exec(readout)?.[1]);
    assert.ok(line > 0, readout);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === file && e.selection.active.line === line - 1 ? e : undefined;
    }, `the script opened at line ${line}`);
    assert.ok(editor);
  });

  it('shows the incident script (request_log.py) — the README screenshot', async function () {
    if (!harnessAvailable()) this.skip();
    const root = workspaceRoot();
    // 150k rows: long enough (about 2 s, ~700 MiB) for a chart worth looking at; generated, never committed.
    const gen = spawnSync('python3', ['make_data.py', '--rows', '150000', '--out-dir', 'data_screenshot'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(gen.status, 0, gen.stderr);
    const incident = await profileScript({ script: path.join(root, 'request_log.py'), args: ['data_screenshot/requests.csv'], cwd: root });
    const runFilePath = await saveRun(path.join(root, '.memwise', 'runs'), incident);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.workspace.openTextDocument(path.join(root, 'request_log.py'));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    ((await memwiseApi()).profileView as ProfileViewApi).showLineCosts(incident);
    await vscode.commands.executeCommand('memwise.openRunFile', vscode.Uri.file(runFilePath));
    await waitForWebviewEval(`document.querySelector('.peak-label')?.getAttribute('data-peak-bytes') === '${incident.peakBytes}'`, 20000);
    const first = await waitForWebviewEval<string>(`document.querySelector('table.costs tbody tr')?.dataset.line`);
    assert.strictEqual(first, '27', 'the `row[1] * 1000` line grew memory most');
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('profile-view-request-log');
    // Side by side: the source with its inline costs, and the chart.
    await vscode.commands.executeCommand('workbench.action.moveEditorToRightGroup');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(26, 0, 26, 0) });
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('profile-view-line-costs');
  });

  it('annotates the top lines inline and marks them stale after an edit', async () => {
    const api = await memwiseApi();
    const view = api.profileView as ProfileViewApi;
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    view.showLineCosts(run);
    const shown = await waitFor(() => (api.lineCosts as { shown: number } | undefined)?.shown, 'line costs shown');
    assert.ok(shown >= 1);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
    await waitFor(() => (api.lineCosts as { staleFiles: string[] } | undefined)?.staleFiles.includes(file), 'line costs marked stale');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const before = (api.lineCosts as { enabled: boolean }).enabled;
    await vscode.commands.executeCommand('memwise.toggleLineCosts');
    await waitFor(() => (api.lineCosts as { enabled: boolean; shown: number }).enabled !== before, 'toggle took effect');
    assert.strictEqual((api.lineCosts as { shown: number }).shown, 0);
    await vscode.commands.executeCommand('memwise.toggleLineCosts');
  });

  it('streams a live profile and then shows the finished run', async function () {
    if (!harnessAvailable()) this.skip();
    const api = await memwiseApi();
    const live = (api.profileView as ProfileViewApi).beginLiveProfile(SCRIPT);
    live.push({ type: 'start', pid: 1, command: ['python3', SCRIPT], startedAt: new Date().toISOString() });
    for (let i = 0; i < 40; i++) {
      live.push({ type: 'sample', t: i * 0.01, rss: (20 + i * 3) * 1048576, peak: (20 + i * 3) * 1048576, location: { file, line: GROWTH_LINE, function: 'build' } });
      if (i === 20) live.push({ type: 'log', line: { t: 0.2, stream: 'stdout', text: 'halfway <b>there</b>' } });
    }
    await waitForWebviewEval(`document.querySelector('.live-badge') && /40 samples/.test(document.body.textContent) && document.querySelectorAll('.log-marker').length === 1`, 10000);
    live.push({ type: 'end', run });
    await waitForWebviewEval(`!document.querySelector('.live-badge') && document.querySelector('.peak-label')?.getAttribute('data-peak-bytes') === '${run.peakBytes}'`, 10000);
  });
});

async function showAgain(api: Awaited<ReturnType<typeof memwiseApi>>): Promise<void> {
  await vscode.commands.executeCommand('memwise.showLastProfile');
  await waitFor(() => api.profilePanel, 'the profile panel');
  await waitForWebviewEval(`document.querySelector('table.costs tbody tr')`, 15000);
}
