// Export buttons. In VS Code they post a message and the extension shows a save dialog; in the standalone
// report there is no extension, so they download a Blob.
import type { RunFile } from '../../extension/src/core/profile/runFileTypes';
import { runToCsv } from '../../extension/src/core/profile/runCsv';
import type { FromWebview } from '../../extension/src/core/webviewProtocol';
import { h } from './dom';

export interface ExportHost {
  post?: (m: FromWebview) => void;
  png: () => string;
  run: () => RunFile | null;
}

export function renderExportButtons(host: ExportHost): HTMLElement {
  const btn = (label: string, aria: string, act: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', 'aria-label': aria, class: 'export' }, label);
    b.addEventListener('click', act);
    return b;
  };
  const stem = (): string => {
    const run = host.run();
    const name = run?.script ? run.script.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : 'run';
    return `memwise-${name.replace(/[^A-Za-z0-9_-]/g, '_') || 'run'}`;
  };
  return h(
    'span',
    { class: 'export-buttons', role: 'group', 'aria-label': 'Export' },
    btn('PNG', 'Export the chart as PNG', () => {
      const url = host.png();
      if (!url) return;
      if (host.post) host.post({ type: 'exportPng', dataUrl: url });
      else download(dataUrlToBlob(url), `${stem()}.png`);
    }),
    btn('CSV', 'Export the samples as CSV', () => {
      const run = host.run();
      if (host.post) host.post({ type: 'export', format: 'csv' });
      else if (run) download(new Blob([runToCsv(run)], { type: 'text/csv' }), `${stem()}.csv`);
    }),
    btn('JSON', 'Export the run file as JSON', () => {
      const run = host.run();
      if (host.post) host.post({ type: 'export', format: 'json' });
      else if (run) download(new Blob([JSON.stringify(run, null, 1)], { type: 'application/json' }), `${stem()}.json`);
    }),
  );
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'download' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function dataUrlToBlob(url: string): Blob {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}
