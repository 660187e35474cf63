#!/usr/bin/env node
// CI integration runner: runs the mocha suite (out/test/integration/index.js) inside
// the REAL VS Code extension host, served by code-server and driven by headless
// Debian Chromium through playwright-core. Desktop VS Code cannot be downloaded here.
//
//   node test/harness/runCodeServer.mjs [--grep <pattern>] [--untrusted] [--multi-root] [--keep]
//   --untrusted   workspace trust on and the folder not trusted; runs the `@untrusted` suites
//   --multi-root  opens a .code-workspace with two folders, each a git repository with one commit
//                 (the examples copy and a copy of examples/estimate); runs the `@multi-root` suites
//   (test/integration/index.ts picks the suites by the workbench's state when --grep is not given)
//   env: MEMWISE_TEST_TIMEOUT_MS (default 600000), MEMWISE_TEST_VERBOSE=1 (echo server/browser logs)
//
// Exits with the suite's code (0 pass, 1 fail), 1 on timeout or harness error.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './ensureCodeServer.mjs';
import { acquireLock } from './lock.mjs';
import { startProbeServer } from './probeServer.mjs';

const log = (msg) => console.log(`[memwise-test] ${msg}`);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

// Workbench start-up lines that say nothing about the suite (no gallery is reachable offline).
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|getaddrinfo ENOTFOUND open-vsx\.org)/;

function parseArgs(argv) {
  const opts = { untrusted: false, multiRoot: false, keep: false, grep: process.env.MEMWISE_TEST_GREP || '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--untrusted') opts.untrusted = true;
    else if (a === '--multi-root') opts.multiRoot = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--grep' || a === '-g') opts.grep = argv[++i] ?? '';
    else if (a.startsWith('--grep=')) opts.grep = a.slice('--grep='.length);
    else throw new Error(`unknown argument ${a} (expected --grep <pattern>, --untrusted, --multi-root, --keep)`);
  }
  opts.timeoutMs = Number(process.env.MEMWISE_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
  return opts;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Temp dirs so nothing lands in $HOME or the repo; the fixture workspace is a fresh copy. */
function makeSandbox(port, opts) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-it-'));
  const d = (name) => fs.mkdirSync(path.join(root, name), { recursive: true }) ?? path.join(root, name);
  const dirs = {
    root,
    userData: d('user-data'),
    extensions: d('extensions'),
    xdgConfig: d('xdg-config'),
    xdgData: d('xdg-data'),
    config: path.join(root, 'config.yaml'),
    workspace: path.join(root, 'workspace'),
    serverLog: path.join(root, 'code-server.log'),
    browserLog: path.join(root, 'browser.log'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  // The web build auto-saves by default, which would write test edits to disk mid-test.
  const settings = {
    'files.autoSave': 'off',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const fixture = path.join(repoRoot, 'examples');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, dirs.workspace, { recursive: true });
  else fs.mkdirSync(dirs.workspace);
  if (opts.multiRoot) dirs.workspaceFile = makeMultiRoot(dirs);
  return dirs;
}

/**
 * A two-folder workspace: the examples copy and a copy of examples/estimate, each its own git repository
 * with everything committed on `main`, so the built-in Git extension finds both when the window opens.
 * Without git the folders stay plain (the review suite then checks the "Git is not available" message).
 */
function makeMultiRoot(dirs) {
  const second = path.join(dirs.root, 'second-folder');
  fs.cpSync(path.join(repoRoot, 'examples', 'estimate'), second, { recursive: true });
  for (const folder of [dirs.workspace, second]) {
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'base']]) {
      const r = spawnSync('git', ['-c', 'user.name=Memwise Test', '-c', 'user.email=test@memwise.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: folder, encoding: 'utf8' });
      if (r.error || r.status !== 0) {
        log(`multi-root: git ${args[0]} failed in ${folder} (${r.error?.message ?? r.stderr.trim()}); the folders are not repositories`);
        break;
      }
    }
  }
  const file = path.join(dirs.root, 'memwise-multi-root.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: dirs.workspace }, { path: second }], settings: {} }, null, 2));
  return file;
}

function startCodeServer({ entry, port, dirs, opts, harnessUrl }) {
  const env = { ...process.env };
  // Inherited VS Code variables (e.g. when run from a VS Code terminal) would confuse the server.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    MEMWISE_HARNESS_URL: harnessUrl, // the extension host inherits the server's environment
    MEMWISE_TEST_GREP: opts.grep,
  });
  if (!opts.grep) delete env.MEMWISE_TEST_GREP;
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--ignore-last-opened', '--disable-proxy',
    ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
  ];
  const out = fs.openSync(dirs.serverLog, 'a');
  // detached: its own process group, so the extension host and its children die with it.
  return spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', out, out] });
}

async function waitForHealth(port, server, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode) throw new Error(`code-server exited early (${server.exitCode ?? server.signalCode})`);
    if ((await get(`http://127.0.0.1:${port}/healthz`)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const testsIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsIndex)) throw new Error(`${path.relative(repoRoot, testsIndex)} is missing; build first: node esbuild.mjs --tests (or npm run test:integration)`);

  let started = Date.now();
  const cleanups = []; // run in reverse on every exit path
  let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      log(`${sig}: stopping`);
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const release = await acquireLock({ log });
    cleanups.push(release);
    started = Date.now(); // waiting for someone else's run does not count against our timeout
    const { entry, chromium: chromiumPath } = await ensureCodeServer({ log });

    const port = await freePort();
    const dirs = makeSandbox(port, opts);
    cleanups.push(() => (opts.keep ? log(`kept temp dirs in ${dirs.root}`) : fs.rmSync(dirs.root, { recursive: true, force: true })));

    let page = null;
    const probe = await startProbeServer({ getPage: () => page, outDir: path.join(repoRoot, 'out', 'test-output'), log });
    cleanups.push(() => probe.close());

    log(`starting code-server on 127.0.0.1:${port}${opts.untrusted ? ' (workspace trust enabled: untrusted)' : ''}${opts.multiRoot ? ' (multi-root workspace)' : ''}${opts.grep ? `, grep ${JSON.stringify(opts.grep)}` : ''}`);
    const server = startCodeServer({ entry, port, dirs, opts, harnessUrl: probe.url });
    cleanups.push(() => killGroup(server));
    await waitForHealth(port, server);

    const { chromium } = await import('playwright-core');
    // Playwright's own signal handlers close the browser and re-kill this process before our
    // cleanup could stop code-server; our handler closes the browser itself.
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      // Chromium's crash handler writes to $XDG_CONFIG_HOME/chromium; keep it in the sandbox.
      env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: path.join(dirs.root, 'xdg-cache') },
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    const browserLog = fs.createWriteStream(dirs.browserLog);
    page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.message}\n`));
    if (process.env.MEMWISE_TEST_VERBOSE) page.on('console', (m) => log(`browser ${m.type()}: ${m.text()}`));

    // The workbench calls these when it runs extension tests in the browser (like VS Code's own web tests).
    let settle;
    const exited = new Promise((r) => (settle = r));
    // The workbench's log sink calls codeAutomationLog(level, message) with the extension host's
    // output and its own chatter; the known chatter goes to the browser log only.
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = String(message ?? level);
      // (the page console listener already records everything in browser.log)
      if (process.env.MEMWISE_TEST_VERBOSE || !WORKBENCH_CHATTER.test(text)) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));

    const authority = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsIndex.replace(/\.js$/, '')}`],
    ];
    // A .code-workspace opens with ?workspace= (multi-root); a single folder with ?folder=.
    const target = dirs.workspaceFile ? `workspace=${encodeURIComponent(dirs.workspaceFile)}` : `folder=${encodeURIComponent(dirs.workspace)}`;
    const url = `http://${authority}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening the workbench (workspace ${dirs.workspaceFile ?? dirs.workspace})`);
    await page.goto(url);

    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r({ timeout: true }), opts.timeoutMs - (Date.now() - started))));
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.timeout) {
      log(`TIMEOUT: the suite did not finish within ${opts.timeoutMs / 1000} s (MEMWISE_TEST_TIMEOUT_MS). A test or run() is hung.`);
      fs.mkdirSync(path.join(repoRoot, 'out', 'test-output'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'out', 'test-output', 'timeout.png'), fullPage: true }).then(
        () => log('screenshot of the stuck workbench: out/test-output/timeout.png'),
        () => {},
      );
      log(`code-server log tail:\n${tail(dirs.serverLog)}`);
      log(`browser console tail:\n${tail(dirs.browserLog, 15)}`);
      return 1;
    }
    log(`suite ${result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`} in ${secs} s`);
    return result.code;
  } finally {
    await cleanup();
  }
}

function killGroup(child) {
  if (child.exitCode !== null || child.signalCode) return;
  return new Promise((resolve) => {
    const done = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(done);
      // Stragglers (extension host, terminals) may outlive the server process itself.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(done);
      resolve();
    }
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[memwise-test] ERROR: ${err.message}`);
    process.exit(1);
  },
);
