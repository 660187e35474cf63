// Headless Chromium for the standalone report tests and the webview bench: the system's /usr/bin/chromium
// through playwright-core, with every network request blocked (the report must work offline; any request
// it tries is recorded so a test can assert there were none).
import { chromium, type Browser, type Page } from 'playwright-core';
import * as fs from 'fs';

export const CHROMIUM = process.env.MEMWISE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface OfflinePage {
  page: Page;
  /** Requests the page tried to make other than loading the report itself (all were aborted). */
  requests: string[];
  /** Console errors and page errors (CSP violations show up here). */
  errors: string[];
  close(): Promise<void>;
}

/** A page with the network off: the report's own HTML is served from memory, everything else aborted. */
export async function openOffline(browser: Browser, html: string, viewport = { width: 1100, height: 900 }): Promise<OfflinePage> {
  const context = await browser.newContext({ offline: true, viewport, colorScheme: 'light' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const url = 'http://memwise.report.invalid/report.html';
  await page.route('**/*', async (route) => {
    const u = route.request().url();
    if (u === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (!u.startsWith('data:') && !u.startsWith('blob:')) requests.push(u);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

/**
 * For a mocha suite that looks at rendered reports: one browser for the whole suite (the suite skips when
 * Chromium is missing, and fails on CI, where a missing browser is a broken set-up rather than a reason to pass
 * without testing), and `load(html)`, which opens a report offline and waits until it has rendered.
 */
export function reportBrowserForSuite(): { load(html: string): Promise<OfflinePage> } {
  let browser: Browser;
  const open: OfflinePage[] = [];
  before(async function () {
    if (!chromiumAvailable()) {
      if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: run node test/harness/ensureCodeServer.mjs`);
      this.skip();
    }
    browser = await launchChromium();
  });
  after(async () => {
    for (const o of open) await o.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    async load(html: string): Promise<OfflinePage> {
      const o = await openOffline(browser, html);
      open.push(o);
      await o.page.waitForSelector('body[data-memwise-rendered]', { timeout: 10000, state: 'attached' });
      return o;
    },
  };
}
