// The live profile view while a real script still runs (issue 16: the chart stayed at 0 B–1 B with no curve
// because the y-range was fixed before the first sample). Read from the webview itself: a curve is drawn, the
// y-axis reaches above the current value, the header shows peak and current memory and the user's own
// command line, and the status bar names the script.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { memwiseApi, workspaceRoot } from '../extensionApi';
import { evalInWebview, harnessAvailable, screenshot, waitForWebviewEval } from '../harnessClient';

const SCRIPT = 'live_grow.py';
// ~10 MiB every 0.1 s up to 120 MiB, printing as it goes, then it holds the memory until the test has read
// the view and creates the release file (so a slow machine cannot let the run end before the check). The
// probe below needs 60 MiB; growing on to 300 MiB cost 3 s after the check and 300 MiB of pages to fill on a
// shared, loaded machine, for nothing the test reads.
const SCRIPT_TEXT = `import os, time
chunks = []
print("loading batches", flush=True)
for i in range(12):
    chunks.append(bytearray(10 * 1024 * 1024))
    if i % 3 == 0:
        print(f"batch {i}: {len(chunks) * 10} MiB held", flush=True)
    time.sleep(0.1)
deadline = time.time() + 90
while not os.path.exists("live_grow.release") and time.time() < deadline:
    time.sleep(0.05)
print("done", flush=True)
`;

interface Probe {
  samples: number;
  yMax: number;
  lastRss: number;
  lastY: number;
  curvePixels: number;
}

describe('Live profile view while the script runs (real VS Code, real Python)', function () {
  this.timeout(120000);

  it('draws a curve under a y-range above the current value, with peak, now and the user command', async function () {
    if (!harnessAvailable()) this.skip();
    const api = await memwiseApi();
    const file = path.join(workspaceRoot(), SCRIPT);
    fs.writeFileSync(file, SCRIPT_TEXT);
    fs.rmSync(path.join(workspaceRoot(), 'live_grow.release'), { force: true });
    const done = Promise.resolve(vscode.commands.executeCommand<{ run?: RunFile }>('memwise.profile', vscode.Uri.file(file)));
    let finished: unknown;
    void done.then((r) => (finished = r ?? 'no result'), (e) => (finished = String(e)));

    const release = () => fs.writeFileSync(path.join(workspaceRoot(), 'live_grow.release'), '');
    try {
      // While the script runs: at least 1 s of samples drawn, and the newest one inside the plot.
      const probe = await waitForWebviewEval<Probe>(
        `(() => { if (!document.querySelector('.live-badge')) return null; const p = window.memwiseChartProbe && window.memwiseChartProbe(); return p && p.samples > 50 && p.lastRss > 60 * 1048576 ? p : null; })()`,
        30000,
      );
      assert.ok(!finished, `the script was still running when the live view was read (the command returned ${JSON.stringify(finished)?.slice(0, 300)})`);
      assert.ok(probe.yMax > probe.lastRss, `y-axis top ${probe.yMax} B is above the current ${probe.lastRss} B`);
      assert.ok(probe.lastY > 0.05 && probe.lastY < 1, `the newest sample sits inside the plot (at ${probe.lastY.toFixed(2)} of its height)`);
      assert.ok(probe.curvePixels > 100, `the total curve is drawn (${probe.curvePixels} pixels in its colour)`);
      const header = await waitForWebviewEval<{ sub: string; peak: number; now: number }>(
        `(() => { const q = (s) => document.querySelector(s); const peak = Number(q('[data-field=peak]')?.getAttribute('data-bytes')); const now = Number(q('[data-field=now]')?.getAttribute('data-bytes')); return peak > 0 && now > 0 && { sub: q('.subtitle')?.textContent, peak, now }; })()`,
      );
      assert.ok(header.peak >= header.now, JSON.stringify(header));
      assert.match(header.sub, /^python[\d.]* live_grow\.py$/, `the header shows the command the user would type: ${header.sub}`);
      assert.doesNotMatch(header.sub, /memwise_helper/);
      await screenshot('live-view'); // docs/images/live-view.png is a copy of this one
      const history = api.profileStatusHistory as string[];
      assert.ok(history.some((t) => /live_grow\.py: [\d.]+ (MiB|GiB) \(peak [\d.]+ (MiB|GiB)\)/.test(t)), JSON.stringify(history.slice(-5)));
    } finally {
      release();
    }
    const result = await done;
    assert.strictEqual(result?.run?.exitCode, 0);
    // After the run, the finished view replaces the live one.
    await waitForWebviewEval(`!document.querySelector('.live-badge') && document.querySelector('.peak-label')?.getAttribute('data-peak-bytes') === '${result!.run!.peakBytes}'`, 15000);
    // The finished view keeps the output beside the chart: a click on a line pins that moment on the chart.
    const rows = await waitForWebviewEval<number>(`document.querySelectorAll('.log-row').length`);
    assert.strictEqual(rows, result!.run!.logs.length);
    await evalInWebview(`document.querySelector('.log-row[data-i="3"]')?.click()`);
    const pinned = await waitForWebviewEval<{ highlighted: number; pinned: number }>(`(() => { const p = window.memwiseLogProbe && window.memwiseLogProbe(); return p && p.pinned !== undefined ? p : null; })()`);
    assert.deepStrictEqual(pinned, { highlighted: 3, pinned: result!.run!.logs[3].t });
    await screenshot('log-pane'); // docs/images/log-pane.png
  });
});
