// Opens the standalone HTML report in headless Chromium with the network off and checks, from the DOM and
// the canvas pixels, what a person would see: the chart drawn, the peak label, the log markers, the table.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderHtmlReport } from '../../../extension/src/core/report/htmlReport';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import { reportBrowserForSuite } from '../../browser/chromium';

const fixture = (name: string): RunFile => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/runs', name), 'utf8'));
const MiB = 1024 * 1024;

/** Counts canvas pixels that differ from the top-left (background) pixel. */
const NON_BLANK_PIXELS = `(() => {
  const c = window.memwiseChartCanvas();
  if (!c) return -1;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) n++;
  return n;
})()`;

describe('HTML report in headless Chromium (network disabled)', function () {
  this.timeout(60000);
  const { load } = reportBrowserForSuite();

  it('draws the chart, labels the peak, shows log markers and the top line first', async () => {
    const run = fixture('request_log.json');
    const o = await load(renderHtmlReport({ kind: 'run', run }));
    const { page } = o;
    const pixels = await page.evaluate(NON_BLANK_PIXELS);
    assert.ok((pixels as number) > 5000, `chart canvas has ${pixels} drawn pixels`);
    const peak = await page.textContent('.peak-label');
    assert.strictEqual(peak, 'Peak 1.05 GiB at 4.80 s');
    assert.strictEqual(await page.getAttribute('.peak-label', 'data-peak-bytes'), String(run.peakBytes));
    assert.ok(Math.abs(run.peakBytes / (1024 * MiB) - 1.05) < 0.005, 'fixture peak is ~1.05 GiB');
    // One marker per log line here (they are far apart); stderr ones are marked as such.
    const markers = await page.$$eval('.log-marker', (els) => els.map((e) => ({ label: e.getAttribute('aria-label'), stderr: e.classList.contains('stderr') })));
    assert.strictEqual(markers.length, run.logs.length);
    assert.deepStrictEqual(markers.map((m) => m.stderr), run.logs.map((l) => l.stream === 'stderr'));
    assert.match(markers[1].label ?? '', /loaded 200000 rows/);
    // Hovering a marker shows its text.
    await page.hover('.log-marker:nth-child(2)');
    assert.match((await page.textContent('.tooltip')) ?? '', /loaded 200000 rows/);
    const first = await page.$$eval('table.costs tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent)));
    assert.deepStrictEqual(first[0].slice(0, 3), ['request_log.py:27', 'main', '830 MiB']);
    assert.strictEqual(first[0][3], '79%');
    assert.deepStrictEqual(o.requests, [], 'the report made no network requests');
    assert.deepStrictEqual(o.errors, [], 'no console errors (CSP violations would be here)');
  });

  it('reads out time, memory and the running line under the crosshair; drag zooms, double-click resets', async () => {
    const o = await load(renderHtmlReport({ kind: 'run', run: fixture('request_log.json') }));
    const { page } = o;
    const box = (await page.locator('.u-over').boundingBox())!;
    // 3.5 s of 6.2 s: the conversion line (request_log.py:27).
    const x = box.x + (box.width * 3.5) / 6.2;
    await page.mouse.move(x, box.y + box.height / 2);
    const readout = (await page.textContent('.readout')) ?? '';
    assert.match(readout, /3\.\d\d s/);
    assert.match(readout, /MiB/);
    assert.match(readout, /request_log\.py:27 in main/);
    const before = await page.evaluate<number>(`document.querySelectorAll('.log-marker').length`);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 5) / 6.2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    const zoomed = await page.evaluate<number>(`document.querySelectorAll('.log-marker').length`);
    assert.ok(zoomed < before, `zoom to 3.5–5 s shows fewer markers (${zoomed} < ${before})`);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(100);
    assert.strictEqual(await page.evaluate<number>(`document.querySelectorAll('.log-marker').length`), before);
    // The crosshair works from the keyboard too.
    await page.focus('.chart');
    await page.keyboard.press('Home');
    for (let k = 0; k < 10; k++) await page.keyboard.press('Shift+ArrowRight');
    assert.match((await page.textContent('.readout')) ?? '', /request_log\.py:\d+ in /);
    // Log markers toggle.
    await page.click('#toggle-logs');
    assert.strictEqual(await page.isVisible('.log-marker'), false);
  });

  it('keeps log lines printed after the last sample on the chart', async () => {
    const run = fixture('workers.json');
    const last = run.samples.t[run.samples.t.length - 1];
    run.logs.push({ t: last + 0.05, stream: 'stdout', text: 'printed after the last sample' });
    const { page } = await load(renderHtmlReport({ kind: 'run', run }));
    const labels = await page.$$eval('.log-marker', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.strictEqual(labels.length, run.logs.length);
    assert.match(labels[labels.length - 1], /printed after the last sample/);
  });

  it('exports CSV, run JSON and PNG as downloads', async () => {
    const run = fixture('workers.json');
    const { page } = await load(renderHtmlReport({ kind: 'run', run }));
    const grab = async (label: string): Promise<{ name: string; bytes: Buffer }> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button.export:text-is("${label}")`)]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const csv = await grab('CSV');
    assert.strictEqual(csv.name, 'memwise-pool.csv');
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    assert.strictEqual(lines[0], 'time_s,rss_bytes,pid_5100_rss_bytes,pid_5101_rss_bytes,pid_5102_rss_bytes');
    assert.strictEqual(lines.length, run.samples.t.length + 1);
    const json = await grab('JSON');
    assert.deepStrictEqual(JSON.parse(json.bytes.toString('utf8')).samples.rss, run.samples.rss);
    const png = await grab('PNG');
    assert.strictEqual(png.bytes.readUInt32BE(0), 0x89504e47, 'a PNG file');
    assert.ok(png.bytes.length > 5000, `${png.bytes.length} bytes`);
  });

  it('runs none of the markup the profiled script printed', async () => {
    const hostile = fixture('hostile.json');
    const o = await load(renderHtmlReport({ kind: 'run', run: hostile, previous: fixture('request_log.json') }));
    const { page } = o;
    // Let any onerror/onload fire, then hover everything that has a tooltip.
    for (const m of await page.$$('.log-marker')) await m.hover();
    await page.waitForTimeout(300);
    assert.strictEqual(await page.evaluate(`window.__memwiseXss`), undefined, 'an injected handler ran');
    assert.strictEqual(await page.evaluate(`document.querySelectorAll('img, svg, b, iframe').length`), 0, 'markup from the run became elements');
    assert.strictEqual(await page.evaluate(`document.scripts.length`), 2, 'only the data and bundle scripts exist');
    // ... and it is shown as text, not lost.
    const body = (await page.textContent('body')) ?? '';
    assert.ok(body.includes('<img src=x onerror='), 'the capContext is shown as text');
    assert.ok(body.includes('<script>window.__memwiseXss'), 'the traceback is shown as text');
    assert.match((await page.textContent('table.costs tbody tr td.fn')) ?? '', /^<script>/);
    assert.match((await page.textContent('.compare-result')) ?? '', /Peak: 1.05 GiB → 1.05 GiB/);
    assert.deepStrictEqual(o.requests, [], `network requests: ${o.requests.join(', ')}`);
  });

  it('shows per-process series and the estimate view', async () => {
    const o = await load(renderHtmlReport({ kind: 'run', run: fixture('workers.json') }));
    const legend = await o.page.$$eval('.legend > span', (els) => els.map((e) => e.textContent));
    assert.strictEqual(legend.length, 4, legend.join(' | '));
    // By role, else the command it ran (this older run file has no roles), then the pid.
    assert.match(legend[2] ?? '', /^python3 -c from multiprocessing\.spawn .*· 5101$/);

    const estimate: EstimateFile = {
      schema: 'memwise.estimate/1',
      script: 'request_log.py',
      command: ['python3', 'request_log.py', '{input}'],
      mode: 'fractions',
      xLabel: 'input bytes',
      input: { path: 'data/requests.csv', sizeBytes: 1e9, lines: 1e7, gzip: false },
      points: [0.01, 0.02, 0.05, 0.1].map((f) => ({ x: f * 1e9, sizeBytes: f * 1e9, lines: f * 1e7, peakBytes: 2e7 + 120 * f * 1e9, fraction: f, durationS: f * 50 })),
      model: { kind: 'linear', a: 2e7, b: 120, exponent: 1, looError: 0.01, rSquared: 0.999, superlinear: false, candidates: [] },
      prediction: { x: 1e9, sizeBytes: 1e9, peakBytes: 1.32e11, lowBytes: 1.2e11, highBytes: 1.45e11, fudgeFactor: 1.1 },
      machine: { totalMemBytes: 24 * 1024 * MiB },
      verdict: 'Needs about 123 GiB at full size (±10%). This machine has 24 GiB. <b>Reduce memory first</b>.',
      warnings: [],
    };
    const e = await load(renderHtmlReport({ kind: 'estimate', estimate }));
    assert.strictEqual(await e.page.textContent('[data-field=verdict]'), estimate.verdict);
    const pixels = await e.page.evaluate(`(() => { const c = document.querySelector('.chart canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()`);
    assert.ok((pixels as number) > 3000, `estimate chart has ${pixels} drawn pixels`);
    assert.strictEqual(await e.page.$$eval('table.estimate-points tbody tr', (r) => r.length), 4);
  });

  it('opens the report the real CLI writes for the incident script (what `npm run demo` does)', async function () {
    const repo = path.join(__dirname, '../../../..');
    const cli = path.join(repo, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-report-'));
    try {
      for (const f of ['request_log.py', 'make_data.py']) fs.copyFileSync(path.join(repo, 'examples', f), path.join(dir, f));
      const gen = spawnSync('python3', ['make_data.py', '--rows', '20000'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(gen.status, 0, gen.stderr);
      const prof = spawnSync(process.execPath, [cli, 'profile', 'request_log.py', '--html', 'report.html', '--json', 'run.json', '--no-save', '--', 'data/requests.csv'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(prof.status, 0, `${prof.stdout}\n${prof.stderr}`);
      const run: RunFile = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'));
      const o = await load(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'));
      const { page } = o;
      assert.ok(((await page.evaluate(NON_BLANK_PIXELS)) as number) > 3000, 'chart drawn');
      assert.strictEqual(await page.getAttribute('.peak-label', 'data-peak-bytes'), String(run.peakBytes));
      const counts = await page.$$eval('.log-marker', (els) => els.reduce((s, e) => s + Number(e.getAttribute('data-count')), 0));
      assert.strictEqual(counts, run.logs.length);
      assert.ok(run.logs.some((l) => /converted durations/.test(l.text)), 'the script printed its progress');
      // The incident line — `row[1] * 1000` — is where memory grew most.
      const first = await page.$eval('table.costs tbody tr', (r) => ({ line: r.getAttribute('data-line'), loc: r.querySelector('td.loc')?.textContent }));
      assert.deepStrictEqual(first, { line: '27', loc: 'request_log.py:27' });
      assert.deepStrictEqual(o.requests, []);
      assert.deepStrictEqual(o.errors, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
