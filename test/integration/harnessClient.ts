// Client for the probe server that test/harness/runCodeServer.mjs starts. Tests run
// inside the extension host and cannot see the workbench page; the harness can,
// through playwright, so it takes screenshots and looks into webviews for them.
// Desktop runs (@vscode/test-electron) have no harness: check harnessAvailable()
// and call this.skip() in harness-only tests.
import * as http from 'node:http';

export interface WebviewMatch {
  text: string;
  attribute: string | null;
  frameUrl: string;
}

export interface EvalResult {
  frameUrl: string;
  value?: unknown;
  error?: string;
}

const baseUrl = (): string | undefined => process.env.MEMWISE_HARNESS_URL;

export function harnessAvailable(): boolean {
  return !!baseUrl();
}

function post<T>(route: string, body: unknown): Promise<T> {
  const base = baseUrl();
  if (!base) return Promise.reject(new Error('MEMWISE_HARNESS_URL is not set (not running under runCodeServer.mjs)'));
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(route, base),
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            return reject(new Error(`harness ${route}: bad response ${res.statusCode}: ${text.slice(0, 200)}`));
          }
          if (res.statusCode !== 200) return reject(new Error(`harness ${route}: ${json.error ?? res.statusCode}`));
          resolve(json as T);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Full-page screenshot to out/test-output/<name>.png; returns its path. */
export async function screenshot(name: string): Promise<string> {
  return (await post<{ path: string }>('/screenshot', { name })).path;
}

/** Screenshot of the webview only (falls back to the full page); returns its path. */
export async function screenshotWebview(name: string): Promise<string> {
  return (await post<{ path: string }>('/webview/screenshot', { name })).path;
}

/** Elements matching a CSS selector in every webview frame (text content, optional attribute). */
export async function queryWebview(selector: string, attribute?: string): Promise<WebviewMatch[]> {
  return (await post<{ matches: WebviewMatch[] }>('/webview/query', { selector, attribute })).matches;
}

/**
 * Evaluates a JS expression in each webview content frame; one result per frame.
 * The expression's value must be JSON-serialisable (a promise is awaited).
 */
export async function evalInWebview(expression: string): Promise<EvalResult[]> {
  return (await post<{ results: EvalResult[] }>('/webview/eval', { expression })).results;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value; rejects with `what` after timeoutMs. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** Waits until some webview frame has an element matching `selector`; returns the matches. */
export function waitForWebview(selector: string, timeoutMs = 15000, attribute?: string): Promise<WebviewMatch[]> {
  return waitFor(async () => {
    const m = await queryWebview(selector, attribute);
    return m.length ? m : undefined;
  }, `webview element ${selector}`, timeoutMs);
}

/** Waits until `expression` is truthy in some webview frame; returns that frame's value. */
export function waitForWebviewEval<T = unknown>(expression: string, timeoutMs = 15000): Promise<T> {
  return waitFor(async () => {
    const hit = (await evalInWebview(expression)).find((r) => !r.error && r.value);
    return hit ? (hit.value as T) : undefined;
  }, `webview expression ${expression}`, timeoutMs);
}
