// The profile view. Runs inside the VS Code webview (messages from the extension) and inside the
// standalone HTML report (data embedded in the page). Everything from the profiled script is set with
// textContent, never innerHTML.
import type { RunFile } from '../../extension/src/core/profile/runFileTypes';
import type { ToWebview, FromWebview } from '../../extension/src/core/webviewProtocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function render(run: RunFile | null): void {
  const app = document.getElementById('app');
  if (!app) return;
  app.replaceChildren();
  app.appendChild(el('h1', 'Memwise: Memory profile'));
  if (!run) {
    app.appendChild(el('p', 'No profile yet. Run "Memwise: Profile this script" on a Python or Node script.', 'empty'));
    return;
  }
  const mib = (run.peakBytes / 1048576).toFixed(1);
  app.appendChild(el('p', `Peak ${mib} MiB over ${run.durationS.toFixed(2)} s`, 'peak'));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg && msg.type === 'show') render(msg.run);
});

document.body.dataset.memwiseReady = '1';
render(null);
vscodeApi?.postMessage({ type: 'ready' });
