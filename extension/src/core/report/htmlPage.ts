// The page shell shared by the VS Code webview panel and the standalone HTML report, so both keep the same
// strict Content-Security-Policy shape and the same app root the webview bundle renders into.
import * as crypto from 'crypto';

/** A fresh, unguessable nonce for each render: only our bundle may run, never anything a script printed. */
export function newNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** `csp` directives are joined with `; `; `body` goes after the app root (our script elements). */
export function htmlPage(page: { csp: string[]; title: string; extraHead?: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(page.csp.join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.extraHead ?? ''}<title>${escapeText(page.title)}</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
${page.body}
</body>
</html>`;
}
