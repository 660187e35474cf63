// The profile view's entry point. Runs inside the VS Code webview (messages from the extension) and inside
// the standalone HTML report (data embedded in the page as JSON). Everything from the profiled script is
// set with textContent/setAttribute, never innerHTML.
import type { EstimateFile } from '../../extension/src/core/estimate/estimateTypes';
import type { FromWebview, ToWebview } from '../../extension/src/core/webviewProtocol';
import { h } from './dom';
import { renderEstimate } from './estimateChart';
import { normaliseRun, RunView } from './runView';
import { injectStyles, watchTheme } from './theme';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

injectStyles();
const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
const view = new RunView(app, { post: vscodeApi ? (m) => vscodeApi.postMessage(m) : undefined });
let estimateView: { destroy(): void } | undefined;
let lastEstimate: EstimateFile | undefined;

function showEstimate(e: EstimateFile): void {
  view.destroy();
  estimateView?.destroy();
  lastEstimate = e;
  const body = h('div', {});
  app.replaceChildren(h('h1', {}, 'Memwise: Peak memory estimate'), h('p', { class: 'subtitle' }, e.command?.join(' ') || e.script), body);
  estimateView = renderEstimate(e, body);
}

function handle(msg: ToWebview): void {
  switch (msg.type) {
    case 'show': {
      estimateView?.destroy();
      estimateView = undefined;
      lastEstimate = undefined;
      if (!msg.run) {
        view.showEmpty('No profile yet. Run "Memwise: Profile this script" on a Python or Node script, or open a run file from .memwise/runs/.');
        vscodeApi?.setState({});
        break;
      }
      const run = normaliseRun(msg.run);
      if (typeof run === 'string') {
        view.showEmpty(run);
        break;
      }
      const prev = msg.previous ? normaliseRun(msg.previous) : null;
      view.show(run, { runs: msg.runs, previous: typeof prev === 'string' ? null : prev, title: msg.title });
      vscodeApi?.setState(msg.runFilePath ? { runFilePath: msg.runFilePath } : {});
      break;
    }
    case 'compare': {
      const prev = msg.run ? normaliseRun(msg.run) : null;
      view.setCompare(typeof prev === 'string' ? null : prev, msg.error ?? (typeof prev === 'string' ? prev : undefined));
      break;
    }
    case 'showEstimate':
      showEstimate(msg.estimate);
      vscodeApi?.setState(msg.estimateFilePath ? { estimateFilePath: msg.estimateFilePath } : {});
      break;
    case 'live':
      estimateView?.destroy();
      estimateView = undefined;
      view.pushLive(msg.script, msg.events, msg.cwd);
      break;
  }
  document.body.dataset.memwiseRendered = String(Number(document.body.dataset.memwiseRendered ?? 0) + 1);
}

watchTheme(() => {
  view.retheme();
  if (lastEstimate) showEstimate(lastEstimate);
});

// Test/bench hook: the plot canvas (no data in it, just pixels).
(window as unknown as { memwiseChartCanvas: () => HTMLCanvasElement | undefined }).memwiseChartCanvas = () => view.chartCanvas() ?? (document.querySelector('.chart canvas') as HTMLCanvasElement | null) ?? undefined;

// Test hook: what the chart drew, in numbers (y-axis top, the newest sample's position, curve pixels).
(window as unknown as { memwiseChartProbe: () => unknown }).memwiseChartProbe = () => view.chartProbe() ?? null;
(window as unknown as { memwiseLogProbe: () => unknown }).memwiseLogProbe = () => view.logProbe() ?? null;

document.body.dataset.memwiseReady = '1';
const embedded = document.getElementById('memwise-data');
if (embedded) {
  // Standalone report: the data is inert JSON in the page (never executed), parsed here.
  document.body.classList.add('mw-report');
  performance.mark('memwise-parse-start');
  let data: { kind: 'run'; run: unknown; previous?: unknown } | { kind: 'estimate'; estimate: EstimateFile } | undefined;
  try {
    data = JSON.parse(embedded.textContent ?? '');
  } catch (err) {
    view.showEmpty(`The report's embedded data could not be read: ${String(err)}`);
  }
  performance.mark('memwise-render-start');
  if (data?.kind === 'estimate') {
    showEstimate(data.estimate);
    document.body.dataset.memwiseRendered = '1';
  } else if (data?.kind === 'run') handle({ type: 'show', run: data.run as never, previous: (data.previous ?? null) as never });
  performance.mark('memwise-render-end');
} else {
  view.showEmpty('Loading…');
  window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const msg = event.data;
    if (msg && typeof msg === 'object' && typeof msg.type === 'string') handle(msg);
  });
  vscodeApi?.postMessage({ type: 'ready' });
}
