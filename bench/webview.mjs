// Profile-view bench: (1) the minified webview bundle's size, from `node esbuild.mjs --production`;
// (2) time to render a run with 1,000,000 samples in headless Chromium — the standalone report with the
// whole run embedded (no pre-decimation), timed by the page's own performance marks — side by side with
// the anchor: plain uPlot given all 1M points (what a chart without min/max decimation does).
// Usage: node bench/webview.mjs [--samples N] [--runs R]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const N = opt('--samples', 1_000_000);
const RUNS = opt('--runs', 5);
const BUNDLE_LIMIT = 150 * 1024;
const RENDER_LIMIT_MS = 500;

// 1. Production bundle (+ the transpiled core for renderHtmlReport).
const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--tests'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const bundle = fs.readFileSync(path.join(root, 'dist', 'webview.js'));
const gz = zlib.gzipSync(bundle).length;
const uplotMin = fs.statSync(path.join(root, 'node_modules/uplot/dist/uPlot.iife.min.js')).size;

// 2. A generated run: a slow climb, noise, one-sample spikes, 2,000 log lines.
const MiB = 1024 * 1024;
const t = new Array(N);
const rss = new Array(N);
let seed = 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
for (let i = 0; i < N; i++) {
  t[i] = Math.round(i * 10) / 1000; // 10 ms interval → 10,000 s for 1M samples
  rss[i] = Math.round((50 + (i / N) * 900 + 30 * Math.sin(i / 5000) + rnd() * 8) * MiB);
}
for (let k = 1; k <= 20; k++) rss[Math.floor((k * N) / 21)] += 2048 * MiB; // one-sample spikes
let peak = 0;
for (const v of rss) if (v > peak) peak = v;
const run = {
  schema: 'memwise.run/1', peakBytes: peak, samples: { t, rss },
  processes: [{ pid: 1, ppid: 0, command: 'python3 bench.py', peakBytes: peak }],
  lines: Array.from({ length: 50 }, (_, i) => ({ file: 'bench.py', line: i + 1, function: 'f', growthBytes: (50 - i) * MiB, samples: 10 })),
  logs: Array.from({ length: 2000 }, (_, i) => ({ t: (i * t[N - 1]) / 2000, stream: i % 10 ? 'stdout' : 'stderr', text: `log line ${i}` })),
  exitCode: 0, durationS: t[N - 1], stoppedAtCap: false, startedAt: new Date(0).toISOString(), script: 'bench.py', cwd: '/tmp',
  command: ['python3', 'bench.py'], interpreter: { kind: 'python', path: 'python3', version: '3.11' },
  platform: { os: 'linux', release: '', arch: 'x64', totalMemBytes: 0, cpus: 2 },
};
const { renderHtmlReport } = require(path.join(root, 'out/extension/src/core/report/htmlReport.js'));
const html = renderHtmlReport({ kind: 'run', run }, { maxEmbeddedSamples: Infinity });
const defaultHtml = renderHtmlReport({ kind: 'run', run });

// The anchor page: uPlot alone, all N points.
const uplotJs = fs.readFileSync(path.join(root, 'node_modules/uplot/dist/uPlot.iife.min.js'), 'utf8');
const uplotCss = fs.readFileSync(path.join(root, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8');
const anchorHtml = `<!DOCTYPE html><html><head><style>${uplotCss}</style></head><body><div id="c"></div>
<script type="application/json" id="d">${JSON.stringify({ t, rss })}</script>
<script>${uplotJs}</script><script>
performance.mark('memwise-parse-start');
const d = JSON.parse(document.getElementById('d').textContent);
performance.mark('memwise-render-start');
new uPlot({ width: 1060, height: 320, scales: { x: { time: false } }, series: [{}, { stroke: 'blue' }],
  hooks: { draw: [() => performance.mark('memwise-chart-drawn')] } }, [d.t, d.rss], document.getElementById('c'));
performance.mark('memwise-render-end');
</script></body></html>`;

const { launchChromium, openOffline } = require(path.join(root, 'out/test/browser/chromium.js'));
const browser = await launchChromium();
async function measure(page_html) {
  const out = [];
  for (let r = 0; r < RUNS; r++) {
    const o = await openOffline(browser, page_html);
    const m = await o.page.waitForFunction(() => {
      const get = (n) => performance.getEntriesByName(n)[0]?.startTime;
      const drawn = get('memwise-chart-drawn');
      return drawn !== undefined && { parse: get('memwise-render-start') - get('memwise-parse-start'), render: drawn - get('memwise-render-start'), total: drawn };
    }, null, { timeout: 60000 });
    out.push(await m.jsonValue());
    await o.close();
  }
  const med = (k) => out.map((x) => x[k]).sort((a, b) => a - b)[out.length >> 1];
  return { parse: med('parse'), render: med('render'), total: med('total') };
}
const memwise = await measure(html);
const memwiseDefault = await measure(defaultHtml);
const anchor = await measure(anchorHtml);
await browser.close();

const f = (ms) => `${ms.toFixed(0)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`## Profile view bench (${N.toLocaleString('en-US')} samples, median of ${RUNS}, headless Chromium)`);
console.log(`webview bundle (minified): ${kb(bundle.length)} (gzip ${kb(gz)}); limit ${kb(BUNDLE_LIMIT)} -> ${bundle.length < BUNDLE_LIMIT ? 'OK' : 'OVER'}; uPlot alone ${kb(uplotMin)}`);
console.log(`report file: ${(html.length / 1048576).toFixed(1)} MiB with all samples; ${(defaultHtml.length / 1048576).toFixed(1)} MiB as written by default (decimated to ≤100k samples)`);
console.log('| page | JSON.parse | render to first draw | load to first draw |');
console.log('|---|---|---|---|');
console.log(`| Memwise report, all ${N.toLocaleString('en-US')} samples | ${f(memwise.parse)} | ${f(memwise.render)} | ${f(memwise.total)} |`);
console.log(`| Memwise report, default (decimated before embedding) | ${f(memwiseDefault.parse)} | ${f(memwiseDefault.render)} | ${f(memwiseDefault.total)} |`);
console.log(`| anchor: plain uPlot, all points | ${f(anchor.parse)} | ${f(anchor.render)} | ${f(anchor.total)} |`);
console.log(`render ratio anchor/Memwise: ${(anchor.render / memwise.render).toFixed(1)}x; render target < ${RENDER_LIMIT_MS} ms -> ${memwise.render < RENDER_LIMIT_MS ? 'OK' : 'OVER'}`);
