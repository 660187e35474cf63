// `npm test`: build, type-check, unit tests in plain Node, then the integration suite inside a real
// VS Code (code-server + headless Chromium). Installs what is missing (node_modules, Chromium,
// code-server in ~/.cache/memwise) and prints each step, so a fresh clone needs only `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // optional: unit | integration

function step(title, cmd, args) {
  const started = Date.now();
  console.log(`\n[memwise-test] ▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`[memwise-test] ✖ ${title} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    process.exit(r.status || 1);
  }
  console.log(`[memwise-test] ✔ ${title} (${secs} s)`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) step('install dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
step('build bundles and tests', process.execPath, ['esbuild.mjs', '--tests']);
step('type-check (tsc --noEmit)', npm, ['run', '--silent', 'typecheck']);
if (only !== 'integration') {
  step('unit tests (mocha, plain Node)', process.execPath, [
    path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--enable-source-maps',
    '--reporter', 'spec',
    'out/test/unit/**/*.test.js',
  ]);
}
if (only !== 'unit') {
  step('integration tests (real VS Code: code-server + Chromium)', process.execPath, ['test/harness/runCodeServer.mjs']);
  // The workspace-trust promise needs its own window: trust enabled, folder not trusted.
  step('integration tests in an untrusted workspace', process.execPath, ['test/harness/runCodeServer.mjs', '--untrusted', '--grep', '@untrusted']);
  // Review across two git repositories needs a multi-root (.code-workspace) window.
  step('integration tests in a multi-root workspace', process.execPath, ['test/harness/runCodeServer.mjs', '--multi-root', '--grep', '@multi-root']);
}
console.log('\n[memwise-test] all steps passed');
