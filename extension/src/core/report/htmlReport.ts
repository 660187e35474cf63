// The standalone HTML report: ONE offline file holding the same webview bundle as the VS Code panel, the
// data as inert JSON, and a CSP that lets only our nonce'd script run and nothing load from the network.
// Used by `memwise profile|estimate --html` and `npm run demo`.
import * as fs from 'fs';
import type { EstimateFile } from '../estimate/estimateTypes';
import type { RunFile } from '../profile/runFileTypes';
import { assetPath } from '../assets';
import { decimateIndices, pick } from './decimate';
import { htmlPage, newNonce } from './htmlPage';
import { alignSeries } from './processSeries';

export type HtmlReportData = { kind: 'run'; run: RunFile; previous?: RunFile } | { kind: 'estimate'; estimate: EstimateFile };

export interface HtmlReportOptions {
  /**
   * Runs with more samples than this are decimated (min/max per column, so no spike is lost) before
   * embedding, to keep the file small enough to open and share. Default 100,000; Infinity keeps all.
   */
  maxEmbeddedSamples?: number;
  /** The webview bundle's text; defaults to dist/webview.js. */
  bundle?: string;
}

export const DEFAULT_MAX_EMBEDDED_SAMPLES = 100_000;

export function renderHtmlReport(data: HtmlReportData, opts: HtmlReportOptions = {}): string {
  const bundle = opts.bundle ?? fs.readFileSync(assetPath('webview.js'), 'utf8');
  const max = opts.maxEmbeddedSamples ?? DEFAULT_MAX_EMBEDDED_SAMPLES;
  const embedded: HtmlReportData =
    data.kind === 'run' ? { kind: 'run', run: shrinkRun(data.run, max), ...(data.previous ? { previous: shrinkRun(data.previous, max) } : {}) } : data;
  const nonce = newNonce();
  const title = data.kind === 'run' ? `Memwise profile: ${baseName(data.run.script)}` : `Memwise estimate: ${baseName(data.estimate.script)}`;
  return htmlPage({
    // No default source at all; our script by nonce; inline styles (uPlot positions with style attributes);
    // images only from data:/blob: (the PNG export). No connect-src: the page can't phone home.
    csp: ["default-src 'none'", `script-src 'nonce-${nonce}'`, "style-src 'unsafe-inline'", 'img-src data: blob:', "base-uri 'none'", "form-action 'none'"],
    title,
    extraHead: '<meta name="referrer" content="no-referrer">\n',
    body: `<script type="application/json" id="memwise-data">${jsonForScript(embedded)}</script>
<script nonce="${nonce}">${scriptForInline(bundle)}</script>\n`,
  });
}

/**
 * JSON safe inside a <script> element: `<`, `>` and `&` as \u escapes (so `</script>` or `<!--` in a log
 * line can't end or confuse the element), and U+2028/U+2029 too (line terminators in old JS parsers).
 * JSON.parse turns them back into the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Our own bundle inlined: only `</script` and `<!--` could break out, and only inside its string literals. */
export function scriptForInline(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

function baseName(p: string): string {
  return (p || 'script').replace(/^.*[\\/]/, '');
}

/** A copy of `run` with at most ~`max` samples (min/max decimated, per-process series on the same base). */
export function shrinkRun(run: RunFile, max: number): RunFile {
  const n = run.samples.t.length;
  if (!Number.isFinite(max) || n <= max) return run;
  const t = run.samples.t;
  const procs = run.processes.map((p) => (p.series ? alignSeries(t, p.series) : null));
  const peak = Array.isArray(run.samples.peak) && run.samples.peak.length === n ? run.samples.peak : undefined;
  const series = [run.samples.rss, ...(peak ? [peak] : []), ...procs.filter((p): p is (number | null)[] => !!p)];
  // Each column keeps up to 2 samples per series; size the columns so the total stays near `max`.
  const cols = Math.max(100, Math.floor(max / (2 * series.length)));
  const idx = decimateIndices(t, series, cols);
  const newT = pick(t, idx);
  return {
    ...run,
    samples: {
      t: newT,
      rss: pick(run.samples.rss, idx),
      ...(run.samples.loc ? { loc: pick(run.samples.loc, idx) } : {}),
      ...(peak ? { peak: pick(peak, idx) } : {}),
    },
    processes: run.processes.map((p, k) => {
      const aligned = procs[k];
      if (!p.series || !aligned) return p;
      const keptT: number[] = [];
      const keptV: number[] = [];
      idx.forEach((i) => {
        const v = aligned[i];
        if (v !== null && v !== undefined) {
          keptT.push(t[i]);
          keptV.push(v);
        }
      });
      return { ...p, series: { t: keptT, rss: keptV } };
    }),
  };
}
