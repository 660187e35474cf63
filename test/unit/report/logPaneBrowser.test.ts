// Logs on the timeline (issue 16), in headless Chromium on the standalone report (the same bundle as the
// VS Code view): the log pane lists every line with its time, hovering the chart highlights the line printed
// then, clicking a line pins a cursor on the chart, marker labels show without hovering, and "Where memory
// grew" shows each line's code — all as inert text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { renderHtmlReport } from '../../../extension/src/core/report/htmlReport';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { CHROMIUM, chromiumAvailable, launchChromium, openOffline, type OfflinePage } from '../../browser/chromium';

const fixture = (): RunFile => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/runs/request_log.json'), 'utf8'));

describe('Log pane and marker labels (headless Chromium)', function () {
  this.timeout(60000);
  let browser: Browser;
  let o: OfflinePage;
  let run: RunFile;

  before(async function () {
    if (!chromiumAvailable()) {
      // On CI a missing browser is a broken set-up, not a reason to pass without testing the view.
      if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: run node test/harness/ensureCodeServer.mjs`);
      this.skip();
    }
    browser = await launchChromium();
    run = fixture();
    run.logs.push({ t: 5.9, stream: 'stdout', text: '<img src=x onerror="window.__xss=1"> printed' });
    run.logs.sort((a, b) => a.t - b.t);
    run.lines[0].source = 'durations = [row[1] * 1000 for row in rows]  # <b>not bold</b>';
    o = await openOffline(browser, renderHtmlReport({ kind: 'run', run }));
    await o.page.waitForSelector('body[data-memwise-rendered]', { timeout: 10000, state: 'attached' });
  });
  after(async () => {
    await o?.close().catch(() => undefined);
    await browser?.close();
  });

  it('lists every line with its time, as text', async () => {
    const rows = await o.page.$$eval('.log-row', (rs) => rs.map((r) => [r.querySelector('.log-time')?.textContent, r.querySelector('.log-text')?.textContent]));
    assert.strictEqual(rows.length, run.logs.length);
    assert.deepStrictEqual(rows[0], ['40 ms', 'loading data/requests.csv']);
    assert.deepStrictEqual(rows[1], ['2.52 s', 'loaded 200000 rows']);
    assert.ok(rows.some((r) => r[1] === '<img src=x onerror="window.__xss=1"> printed'));
    assert.strictEqual(await o.page.evaluate('window.__xss'), undefined, 'nothing printed ran');
    assert.strictEqual(await o.page.$$eval('.log-pane img', (x) => x.length), 0);
  });

  it('hovering the chart highlights the line printed at that moment', async () => {
    const box = (await o.page.locator('.u-over').boundingBox())!;
    const atTime = async (t: number) => {
      const [min, max] = [0, run.durationS]; // the x-axis runs from 0 to the end of the run
      await o.page.mouse.move(box.x + ((t - min) / (max - min)) * box.width, box.y + box.height / 2);
      return o.page.evaluate<{ highlighted: number }>('window.memwiseLogProbe()');
    };
    // 3.5 s: after "loaded 200000 rows" (2.52 s), before "converted durations" (4.81 s).
    assert.strictEqual((await atTime(3.5)).highlighted, 1);
    assert.strictEqual(await o.page.textContent('.log-row.current .log-text'), 'loaded 200000 rows');
    assert.strictEqual((await atTime(5.0)).highlighted, 2);
    await o.page.mouse.move(box.x + box.width / 2, box.y + box.height + 200); // leave the chart
  });

  it('clicking a line pins a cursor on the chart at its time and reads out memory then', async () => {
    await o.page.click('.log-row[data-i="2"]');
    const probe = await o.page.evaluate<{ highlighted: number; pinned: number }>('window.memwiseLogProbe()');
    assert.deepStrictEqual(probe, { highlighted: 2, pinned: run.logs[2].t });
    assert.match((await o.page.textContent('.readout')) ?? '', /^log line at 4\.81 s +· +4\.8\d s +· +[\d.]+ (MiB|GiB)/);
  });

  it('writes marker texts beside the markers where they fit', async () => {
    const labels = await o.page.$$eval('.log-label', (ls) => ls.map((l) => l.textContent));
    assert.ok(labels.includes('loading data/requests.csv'), JSON.stringify(labels));
    assert.ok(labels.includes('loaded 200000 rows'), JSON.stringify(labels));
    const visible = await o.page.evaluate<boolean>(`(() => { const l = document.querySelector('.log-label'); const r = l.getBoundingClientRect(); return r.width > 20 && r.height > 5 && getComputedStyle(l).visibility !== 'hidden'; })()`);
    assert.ok(visible, 'the first label is visible without hovering');
  });

  it('"Where memory grew" shows the line\'s code under its row', async () => {
    const src = await o.page.$eval('table.costs tr.source-row code', (c) => c.textContent);
    assert.strictEqual(src, 'durations = [row[1] * 1000 for row in rows]  # <b>not bold</b>');
    assert.strictEqual(await o.page.$$eval('table.costs b', (x) => x.length), 0);
  });
});
