// Tiny HTTP server the tests (inside the extension host) call to see the
// workbench page, which only the harness can drive. Its URL reaches the tests as
// MEMWISE_HARNESS_URL; test/integration/harnessClient.ts is the client.
//   POST /screenshot         {name}                 -> {path}   full-page PNG
//   POST /webview/screenshot {name}                 -> {path}   the webview element (else full page)
//   POST /webview/query      {selector, attribute?} -> {matches:[{text, attribute, frameUrl}]}
//   POST /webview/eval       {expression}           -> {results:[{frameUrl, value}|{frameUrl, error}]}
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// Webviews are an iframe (pre/index.html) hosting an inner iframe (pre/fake.html)
// that holds the extension's HTML; desktop builds use the vscode-webview: scheme.
const isWebviewFrame = (f) => /\/webview\/browser\/pre\/|^vscode-webview:/.test(f.url());

function webviewFrames(page) {
  return page.frames().filter((f) => !f.isDetached() && isWebviewFrame(f));
}

/** The frames holding webview content: webview frames without webview children. */
function contentFrames(page) {
  return webviewFrames(page).filter((f) => !f.childFrames().some(isWebviewFrame));
}

function safeName(name) {
  const n = String(name ?? '').replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  if (!n) throw new Error('name is required');
  return `${n}.png`;
}

export async function startProbeServer({ getPage, outDir, log }) {
  const routes = {
    async '/screenshot'(page, { name }) {
      const file = path.join(outDir, safeName(name));
      fs.mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
      return { path: file };
    },
    async '/webview/screenshot'(page, { name }) {
      const file = path.join(outDir, safeName(name));
      fs.mkdirSync(outDir, { recursive: true });
      // The outermost webview iframe is the element in the workbench; pick the largest visible one.
      let best = null;
      for (const f of webviewFrames(page).filter((f) => f.parentFrame() && !isWebviewFrame(f.parentFrame()))) {
        const el = await f.frameElement().catch(() => null);
        const box = el && (await el.boundingBox().catch(() => null));
        if (box && box.width > 0 && box.height > 0 && (!best || box.width * box.height > best.area)) best = { el, area: box.width * box.height };
      }
      if (best) await best.el.screenshot({ path: file });
      else await page.screenshot({ path: file, fullPage: true });
      return { path: file, element: !!best };
    },
    async '/webview/query'(page, { selector, attribute }) {
      if (!selector) throw new Error('selector is required');
      const matches = [];
      for (const f of webviewFrames(page)) {
        const found = await f
          .evaluate(
            ({ selector, attribute }) =>
              [...document.querySelectorAll(selector)].map((el) => ({
                text: (el.textContent ?? '').trim(),
                attribute: attribute ? el.getAttribute(attribute) : null,
              })),
            { selector, attribute },
          )
          .catch(() => []); // a frame navigating away mid-query
        for (const m of found) matches.push({ ...m, frameUrl: f.url() });
      }
      return { matches };
    },
    async '/webview/eval'(page, { expression }) {
      if (!expression) throw new Error('expression is required');
      const results = [];
      for (const f of contentFrames(page)) {
        try {
          // A string is evaluated as an expression through the debugging protocol, so the
          // webview's CSP (no unsafe-eval) does not block it; promises are awaited.
          results.push({ frameUrl: f.url(), value: await f.evaluate(expression) });
        } catch (err) {
          results.push({ frameUrl: f.url(), error: err.message.split('\n')[0] });
        }
      }
      return { results };
    },
  };

  const server = http.createServer(async (req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const route = routes[new URL(req.url, 'http://x').pathname];
      if (req.method !== 'POST' || !route) return reply(404, { error: `no route ${req.method} ${req.url}` });
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const page = getPage();
      if (!page) return reply(503, { error: 'the workbench page is not open yet' });
      reply(200, await route(page, body));
    } catch (err) {
      log(`probe ${req.url} failed: ${err.message.split('\n')[0]}`);
      reply(500, { error: err.message.split('\n')[0] });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}
