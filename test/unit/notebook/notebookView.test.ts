// The profile view of a real notebook run (the same webview bundle as the VS Code panel, through the
// standalone HTML report) in headless Chromium: one band per code cell, lines grouped by cell, and a failed
// run's frames named by cell.
import * as assert from 'assert';
import * as path from 'path';
import { profileNotebook } from '../../../extension/src/core/notebook/notebookRun';
import { renderHtmlReport } from '../../../extension/src/core/report/htmlReport';
import { reportBrowserForSuite, type OfflinePage } from '../../browser/chromium';
import { repoRoot } from '../runCli';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'notebook');

describe('notebook runs in the profile view (headless Chromium)', function () {
  this.timeout(60000);
  const { load } = reportBrowserForSuite();

  async function show(notebook: string): Promise<OfflinePage> {
    const run = await profileNotebook({ script: path.join(FIXTURES, notebook), args: [], cwd: repoRoot });
    return load(renderHtmlReport({ kind: 'run', run }));
  }

  it('draws a labelled band per code cell, in order, and groups "Where memory grew" by cell', async () => {
    const { page } = await show('grow.ipynb');
    const bands = await page.$$eval('.cell-marker', (els) =>
      els.map((e) => ({ cell: e.getAttribute('data-cell'), label: e.getAttribute('data-label'), left: e.getBoundingClientRect().left, width: e.getBoundingClientRect().width })),
    );
    assert.deepStrictEqual(
      bands.map((b) => b.cell),
      ['2', '3', '4', '5'],
    );
    assert.strictEqual(bands[2].label, 'cell 4: big = [str(i) * 3 for i in range(N)]');
    for (let i = 1; i < bands.length; i++) assert.ok(bands[i].left >= bands[i - 1].left, 'bands in time order');
    // cell 4 (0.3 s of sleep plus the allocation) is wider than cell 2 (imports only).
    assert.ok(bands[2].width > bands[0].width * 5, JSON.stringify(bands));
    const rows = await page.$$eval('table.costs-lines tbody tr', (els) => els.map((e) => ({ total: e.classList.contains('cell-total'), cell: e.getAttribute('data-cell'), text: e.textContent })));
    assert.ok(rows[0].total && rows[0].cell === '4', JSON.stringify(rows.slice(0, 3)));
    assert.match(rows[1].text ?? '', /cell 4:1/);
  });

  it('names cells in the frames of a notebook that raised', async () => {
    const { page } = await show('raises.ipynb');
    const frames = await page.$$eval('.banner.error .frame', (els) => els.map((e) => e.textContent));
    assert.deepStrictEqual(frames, ['raises.ipynb:cell 3:2 in <module>', 'raises.ipynb:cell 2:2 in lookup']);
    assert.match((await page.textContent('.banner.error pre')) ?? '', /KeyError: 'missing' \(cell 2, line 2\)/);
  });
});
