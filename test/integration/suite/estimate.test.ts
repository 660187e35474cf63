import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';
import { evalInWebview, harnessAvailable, screenshot, waitForWebview, waitForWebviewEval } from '../harnessClient';

describe('Estimate: peak memory at full size from small samples', function () {
  this.timeout(120000);

  it('contributes the command', async () => {
    await memwiseApi();
    assert.ok((await vscode.commands.getCommands(true)).includes('memwise.estimate'));
  });

  it('runs an estimate on an example, saves the JSON and shows the chart', async () => {
    const api = await memwiseApi();
    const root = workspaceRoot();
    const script = path.join(root, 'estimate', 'linear_memory.py');
    assert.ok(fs.existsSync(script), `example missing: ${script}`);
    // A small request log written here (no large committed files): 40k rows, ~1.3 MB.
    const input = path.join(root, 'estimate', 'requests-small.csv');
    const rows = ['request_id,duration_ms,path,status'];
    for (let i = 0; i < 40000; i++) rows.push(`${String(i).padStart(9, '0')},${String((i * 7919) % 99999).padStart(5, '0')},/api/items ,200`);
    fs.writeFileSync(input, rows.join('\n') + '\n');

    const estimate = await vscode.commands.executeCommand<EstimateFile | undefined>('memwise.estimate', {
      script,
      input,
      args: ['{input}'],
      fractions: [0.1, 0.2, 0.35, 0.5],
    });
    assert.ok(estimate, 'the command returned no estimate (see the Memwise output channel)');
    assert.strictEqual(estimate.schema, 'memwise.estimate/1');
    assert.strictEqual(estimate.mode, 'fractions');
    // The planned fractions come first; a larger sample may follow when the fit has not settled.
    assert.deepStrictEqual(estimate.points.slice(0, 4).map((p) => p.lines), [4001, 8001, 14001, 20001]);
    assert.ok(estimate.points.every((p) => p.peakBytes > 5e6 && p.sizeBytes > 0), JSON.stringify(estimate.points));
    assert.ok(['linear', 'power'].includes(estimate.model.kind));
    assert.ok(typeof estimate.model.exponent === 'number');
    const pred = estimate.prediction;
    assert.strictEqual(pred.sizeBytes, fs.statSync(input).size);
    assert.ok(pred.peakBytes >= Math.max(...estimate.points.map((p) => p.peakBytes)), 'the full input needs at least the largest sample');
    assert.ok(pred.lowBytes <= pred.peakBytes && pred.peakBytes <= pred.highBytes);
    assert.match(estimate.verdict, /Needs about .* at full size/);

    const last = api.lastEstimate;
    assert.ok(last, 'api.lastEstimate is set');
    assert.ok(last.path.startsWith(path.join(root, '.memwise', 'estimates')), last.path);
    const saved = JSON.parse(fs.readFileSync(last.path, 'utf8')) as EstimateFile;
    assert.deepStrictEqual(saved, estimate);

    const panel = await waitFor(() => api.profilePanel, 'the Memwise panel');
    await Promise.race([panel.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('webview never said ready')), 20000))]);
    if (!harnessAvailable()) return;
    const verdict = await waitForWebview('[data-field="verdict"]', 20000);
    assert.match(verdict[0].text, /Needs about/);
    const chart = (await evalInWebview(`!!document.querySelector('.chart canvas, .chart svg') && document.querySelectorAll('.estimate-points tbody tr').length`)).find((r) => !r.error && r.value);
    assert.strictEqual(chart?.value, estimate.points.length, 'the chart is drawn and lists the measured points');
    assert.match(api.profilePanel!.panel.title, /^Memwise: Estimate — linear_memory\.py$/, 'the estimate view has its own title');
    await screenshot('estimate-panel');
  });

  it('reports a script that fails on a sample, without an estimate', async () => {
    const root = workspaceRoot();
    const script = path.join(root, 'estimate', 'fails.py');
    fs.writeFileSync(script, 'import sys\nraise SystemExit("cannot parse " + sys.argv[1])\n');
    const input = path.join(root, 'estimate', 'requests-small.csv');
    const result = await vscode.commands.executeCommand('memwise.estimate', { script, input, args: ['{input}'], fractions: [0.1, 0.2, 0.5], show: false });
    assert.strictEqual(result, undefined);
    const api = await memwiseApi();
    assert.match(String(api.lastEstimateError), /the script failed on the sample at 10% .*\n[\s\S]*cannot parse/);
    // The notification shows the first line: it ends with the script's own last error line, not "its error was:".
    assert.match(String(api.lastEstimateError).split('\n')[0], /\(exit code 1\): cannot parse .*requests-small\.csv$/);
  });

  it('asks what size the real input will be: ×10 through the real quick pick, remembered for the script', async () => {
    const api = await memwiseApi();
    const root = workspaceRoot();
    const script = path.join(root, 'estimate', 'linear_memory.py');
    const input = path.join(root, 'estimate', 'requests-small.csv');
    const ask = (show: boolean) =>
      vscode.commands.executeCommand<EstimateFile | undefined>('memwise.estimate', { script, input, args: ['{input}'], fractions: [0.1, 0.2, 0.35, 0.5], fullSize: 'prompt', show });
    const first = ask(true);
    await waitFor(() => api.estimatePrompt === 'size', 'the size quick pick');
    await new Promise((r) => setTimeout(r, 500)); // let the workbench render the items
    // The items are: same as the file, ×10, ×100, custom. Move to ×10 and accept, as a user would with the keys.
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const est = await first;
    assert.ok(est, `no estimate: ${api.lastEstimateError}`);
    assert.strictEqual(est.target?.described, '10× the input');
    assert.strictEqual(est.prediction.x, 400000, 'x is CSV rows: 10 × 40000');
    assert.ok(Math.abs(est.prediction.sizeBytes - 10 * fs.statSync(input).size) < 16, 'the full size is ten times the file');
    assert.ok(est.curve && est.curve[est.curve.length - 1].x === 400000, 'the curve reaches ×10');
    const largest = Math.max(...est.points.map((p) => p.peakBytes));
    assert.ok(est.prediction.peakBytes > 2 * largest, `a linear script needs much more at ×10: ${est.prediction.peakBytes} vs ${largest}`);
    assert.ok(est.capacity && est.capacity.parallelRuns >= 1 && est.capacity.largestX! > 400000, JSON.stringify(est.capacity));

    // Next time the remembered ×10 is the active item: accepting straight away gives ×10 again.
    if (harnessAvailable()) {
      // The panel showed the previous estimate until this one arrives: wait for the ×10 verdict.
      const view = await waitForWebviewEval<string>(
        `(() => { const v = document.querySelector('[data-field="verdict"]'); const c = document.querySelector('[data-field="capacity"]'); return v && /10× the input/.test(v.textContent) && c ? v.textContent + ' | ' + c.textContent : ''; })()`,
        20000,
      );
      assert.match(view, /at full size \(10× the input\).*\|.*fit side by side.*Largest input that fits/);
      await screenshot('estimate-10x');
    }
    const second = ask(false);
    await waitFor(() => api.estimatePrompt === 'size', 'the size quick pick, again');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const again = await second;
    assert.strictEqual(again?.target?.described, '10× the input');
  });
});
