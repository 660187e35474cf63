#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code via @vscode/test-electron, for
// contributors who have (or can download) desktop VS Code. CI uses runCodeServer.mjs:
// desktop VS Code cannot be downloaded on machines without internet access.
//
//   node test/harness/runDesktop.mjs [--grep <pattern>]
//   env: MEMWISE_VSCODE_PATH=/path/to/code (use a local VS Code instead of downloading),
//        MEMWISE_VSCODE_VERSION (default: stable)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const log = (msg) => console.log(`[memwise-test] ${msg}`);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const argv = process.argv.slice(2);
  let grep = process.env.MEMWISE_TEST_GREP || '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') grep = argv[++i] ?? '';
    else if (argv[i].startsWith('--grep=')) grep = argv[i].slice(7);
    else throw new Error(`unknown argument ${argv[i]} (expected --grep <pattern>)`);
  }
  const testsIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsIndex)) throw new Error('out/test/integration/index.js is missing; build first: node esbuild.mjs --tests (or npm run test:desktop)');

  if (process.env.MEMWISE_VSCODE_PATH && !fs.existsSync(process.env.MEMWISE_VSCODE_PATH)) throw new Error(`MEMWISE_VSCODE_PATH=${process.env.MEMWISE_VSCODE_PATH} does not exist`);

  // Fresh copies: tests edit fixture files, and a private profile keeps the user's VS Code out of it.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-desktop-'));
  const workspace = path.join(tmp, 'workspace');
  const fixture = path.join(repoRoot, 'examples');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.startupEditor': 'none' }, null, 2));

  const { runTests } = await import('@vscode/test-electron');
  try {
    return await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsIndex.replace(/\.js$/, ''),
      ...(process.env.MEMWISE_VSCODE_PATH ? { vscodeExecutablePath: process.env.MEMWISE_VSCODE_PATH } : { version: process.env.MEMWISE_VSCODE_VERSION || 'stable' }),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
      extensionTestsEnv: grep ? { MEMWISE_TEST_GREP: grep } : {},
    });
  } catch (err) {
    const msg = String(err?.message ?? err);
    // runTests rejects with "Test run failed with code 1" when the suite fails; anything else is setup.
    if (/Test run failed with code (\d+)/.test(msg)) return Number(msg.match(/code (\d+)/)[1]) || 1;
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|download|fetch failed|socket hang up/i.test(msg);
    throw new Error(
      offline
        ? `could not download desktop VS Code (${msg.split('\n')[0]}).\n  Set MEMWISE_VSCODE_PATH to a local VS Code executable, or run the suite in code-server instead: npm run test:integration`
        : `desktop VS Code run failed to start: ${msg.split('\n')[0]}`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (err) => {
    console.error(`[memwise-test] ERROR: ${err.message}`);
    process.exit(1);
  },
);
