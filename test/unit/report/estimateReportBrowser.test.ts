// The estimate view in headless Chromium, from a real `memwise estimate --full-size 10x` run's file: the
// curve extended to ×10 inside its band, the plan, whether it fits, and what fits in the RAM.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import { renderHtmlReport } from '../../../extension/src/core/report/htmlReport';
import { CHROMIUM, chromiumAvailable, launchChromium, openOffline } from '../../browser/chromium';

const repo = path.resolve(__dirname, '..', '..', '..', '..');

describe('estimate report in Chromium: extension to the size asked for', function () {
  this.timeout(60000);
  let browser: Browser;
  before(async function () {
    if (!chromiumAvailable()) {
      // On CI a missing browser is a broken set-up, not a reason to pass without testing the view.
      if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: run node test/harness/ensureCodeServer.mjs`);
      this.skip();
    }
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  it('shows the full size, range, plan, fit against RAM and capacity, and draws the band to ×10', async () => {
    const estimate = JSON.parse(fs.readFileSync(path.join(repo, 'test', 'fixtures', 'estimate', 'linear-10x.estimate.json'), 'utf8')) as EstimateFile;
    const o = await openOffline(browser, renderHtmlReport({ kind: 'estimate', estimate }));
    const text = (sel: string) => o.page.textContent(sel);
    assert.match((await text('[data-field=full-size]')) ?? '', /^400,000 CSV rows \(≈ 12\.2 MiB\)$/);
    assert.match((await text('.card.full-size dt')) ?? '', /^Full size \(10× the input\)$/);
    assert.match((await text('[data-field=plan]')) ?? '', /^166 MiB$/);
    assert.match((await text('.card.plan dt')) ?? '', /^Plan \(\+10% margin\) fits this machine$/);
    assert.match((await text('[data-field=capacity]')) ?? '', /runs at this size fit side by side.*Largest input that fits in .*CSV rows/);
    assert.match((await text('[data-field=x]')) ?? '', /x = CSV rows of each sample/);
    // The band: pixels in the series colour at 20% alpha to the right of the largest sample.
    const banded = await o.page.evaluate(`(() => {
      const c = document.querySelector('.chart canvas');
      const d = c.getContext('2d').getImageData(Math.round(c.width * 0.6), 0, Math.round(c.width * 0.35), c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 20 && d[i] < 120) n++;
      return n;
    })()`);
    assert.ok((banded as number) > 200, `band pixels right of the samples: ${banded}`);
    assert.deepStrictEqual(o.requests, []);
    if (process.env.MEMWISE_SCREENSHOTS) await o.page.screenshot({ path: path.join(repo, 'docs', 'images', 'estimate-10x.png'), fullPage: true });
  });
});
