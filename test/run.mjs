// `npm test`: build, type-check, unit tests in plain Node, then the integration suite inside a real
// VS Code (code-server + headless Chromium). Installs what is missing (node_modules, Chromium,
// code-server in ~/.cache/memwise) and prints each step, so a fresh clone needs only `npm test`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // optional: unit | integration

// Mocha's own "N passing / N failing / N pending" lines, summed over every step, for one closing line.
const totals = { passed: 0, failed: 0, skipped: 0 };
function count(text) {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const [, n, kind] of plain.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) {
    totals[kind === 'passing' ? 'passed' : kind === 'failing' ? 'failed' : 'skipped'] += Number(n);
  }
}

function summary() {
  // The plain closing line CI readers understand, whatever the runner.
  console.log(`\nmemwise: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

async function step(title, cmd, args) {
  const started = Date.now();
  console.log(`\n[memwise-test] ▶ ${title}`);
  // Output is passed through as it comes (progress stays live) and also scanned for mocha's counts.
  const child = spawn(cmd, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
  let out = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    out += chunk.toString();
  });
  const [status, signal] = await new Promise((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
  count(out);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`[memwise-test] ✖ ${title} failed (exit ${status ?? signal}) after ${secs} s`);
    if (totals.failed === 0) totals.failed = 1; // a step that failed without mocha counts (build, tsc) still fails
    summary();
    process.exit(status || 1);
  }
  console.log(`[memwise-test] ✔ ${title} (${secs} s)`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) await step('install dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
await step('build bundles and tests', process.execPath, ['esbuild.mjs', '--tests']);
await step('type-check (tsc --noEmit)', npm, ['run', '--silent', 'typecheck']);
// Chromium (and code-server) first: the unit suite has headless-Chromium tests of the HTML report, and on a
// fresh machine they would otherwise find no browser and skip, so a green run would not have run them.
if (only !== 'unit' || process.env.CI) await step('prepare the test machine (Chromium, code-server)', process.execPath, ['test/harness/ensureCodeServer.mjs']);
if (only !== 'integration') {
  await step('unit tests (mocha, plain Node)', process.execPath, [
    path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--enable-source-maps',
    '--reporter', 'spec',
    'out/test/unit/**/*.test.js',
  ]);
}
if (only !== 'unit') {
  await step('integration tests (real VS Code: code-server + Chromium)', process.execPath, ['test/harness/runCodeServer.mjs']);
  // The workspace-trust promise needs its own window: trust enabled, folder not trusted.
  await step('integration tests in an untrusted workspace', process.execPath, ['test/harness/runCodeServer.mjs', '--untrusted', '--grep', '@untrusted']);
  // Review across two git repositories needs a multi-root (.code-workspace) window.
  await step('integration tests in a multi-root workspace', process.execPath, ['test/harness/runCodeServer.mjs', '--multi-root', '--grep', '@multi-root']);
}
console.log('\n[memwise-test] all steps passed');
summary();
