import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { RunFile } from '../core/profile/runFileTypes';
import { parseFromWebview, type ToWebview } from '../core/webviewProtocol';
import type { FeatureContext } from './featureContext';

const VIEW_TYPE = 'memwise.profile';

export function registerProfilePanel(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    vscode.commands.registerCommand('memwise.showLastProfile', () => showProfile(fc, null)),
  );
}

/** Open (or reveal) the profile panel showing `run`. */
export function showProfile(fc: FeatureContext, run: RunFile | null): vscode.WebviewPanel {
  const distUri = vscode.Uri.joinPath(fc.extension.extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Memwise: Memory profile', vscode.ViewColumn.Active, {
    enableScripts: true,
    // Only the bundle's folder may be loaded: no workspace files, no remote content.
    localResourceRoots: [distUri],
    retainContextWhenHidden: true,
  });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  panel.webview.onDidReceiveMessage((raw) => {
    const msg = parseFromWebview(raw);
    if (!msg) {
      fc.log.warn(`Ignored an unexpected message from the profile webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (msg.type === 'ready') {
      markReady();
      const show: ToWebview = { type: 'show', run };
      void panel.webview.postMessage(show);
    }
  });
  panel.webview.html = webviewHtml(panel.webview, vscode.Uri.joinPath(distUri, 'webview.js'));
  fc.api.profilePanel = { panel, ready };
  panel.onDidDispose(() => {
    if (fc.api.profilePanel?.panel === panel) fc.api.profilePanel = undefined;
  });
  return panel;
}

function webviewHtml(webview: vscode.Webview, script: vscode.Uri): string {
  // A fresh unguessable nonce per render: only our bundle may run, never anything the profiled script printed.
  const nonce = crypto.randomBytes(18).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Memwise: Memory profile</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}

/** Live view while a profile runs: the chart streams the profiler's events. (Stub until the profile view lands.) */
export function beginLiveProfile(_fc: FeatureContext, _script: string): { push(event: import('../core/profile/runFileTypes').ProfileEvent): void } {
  return { push: () => undefined };
}
