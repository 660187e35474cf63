import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { jsonForScript, renderHtmlReport, scriptForInline, shrinkRun } from '../../../extension/src/core/report/htmlReport';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';

const fixture = (name: string): RunFile => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/runs', name), 'utf8'));

describe('htmlReport: one offline file, data embedded inertly', () => {
  it('escapes <, >, &, U+2028/9 in the embedded JSON and round-trips', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028\u2029 "q"' };
    const out = jsonForScript(value);
    assert.ok(!/[<>&\u2028\u2029]/.test(out), out);
    assert.deepStrictEqual(JSON.parse(out), value);
  });

  it('keeps the inlined bundle from closing its script element', () => {
    assert.strictEqual(scriptForInline('a="</script>";b="<!--"'), 'a="<\\/script>";b="<\\!--"');
  });

  it('has a strict CSP with a fresh nonce and no remote URLs', () => {
    const run = fixture('request_log.json');
    const a = renderHtmlReport({ kind: 'run', run });
    const b = renderHtmlReport({ kind: 'run', run });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(a)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 24, `nonce ${nonce}`);
    assert.notStrictEqual(nonce, /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(b)?.[1], 'nonce must differ per report');
    assert.ok(!/unsafe-eval/.test(csp));
    // Exactly two script elements: the inert JSON and our nonce'd bundle.
    assert.strictEqual((a.match(/<script\b/g) ?? []).length, 2);
    assert.ok(a.includes(`<script nonce="${nonce}">`));
    assert.ok(!/\b(src|href)=["']?https?:/i.test(a), 'no remote resources');
  });

  it('embeds hostile script output without any raw markup', () => {
    const run = fixture('hostile.json');
    const html = renderHtmlReport({ kind: 'run', run });
    const data = /<script type="application\/json" id="memwise-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(data.length > 1000);
    assert.ok(!data.includes('<'), 'no < inside the data element');
    assert.deepStrictEqual(JSON.parse(data).run.logs, run.logs);
    assert.ok(!html.slice(0, html.indexOf('<body>')).includes('<img'), 'the title is escaped');
  });

  it('decimates huge runs before embedding but keeps the peak sample', () => {
    const base = fixture('request_log.json');
    const n = 400_000;
    const t = Array.from({ length: n }, (_, i) => i * 0.001);
    const rss = t.map((x) => 1e8 + Math.round(Math.sin(x) * 1e6));
    rss[333_333] = 9e9;
    const run = { ...base, samples: { t, rss }, peakBytes: 9e9 } as RunFile;
    const small = shrinkRun(run, 50_000);
    assert.ok(small.samples.t.length <= 50_002 && small.samples.t.length > 10_000, `${small.samples.t.length}`);
    assert.strictEqual(Math.max(...small.samples.rss), 9e9);
    const html = renderHtmlReport({ kind: 'run', run }, { maxEmbeddedSamples: 50_000 });
    assert.ok(html.length < 3_000_000, `report is ${html.length} bytes`);
  });
});
