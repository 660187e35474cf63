// Sampling rate while a CPU-heavy extension command keeps the real VS Code extension host busy (issue 15).
// Runs the one integration test that measures it, in code-server (the integration harness, which waits for the
// machine-wide lock), and prints its two figures: through the CLI child (the extension's path) and, for
// comparison, the poller on the host's own event loop.
//   node bench/busyHost.mjs
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}\n${out.slice(-3000)}`))));
  });
await run(['esbuild.mjs', '--tests']);
const out = await run(['test/harness/runCodeServer.mjs', '--grep', '@bench busy-host']);
const figures = out.split('\n').filter((l) => l.includes('busy extension host,'));
if (figures.length !== 2) throw new Error(`the busy-host test printed no figures:\n${out.slice(-3000)}`);
console.log('Sampling with the extension host kept ~95% busy by a CPU-heavy command (10 ms interval requested):');
for (const l of figures) console.log('  ' + l.trim().replace(/^busy extension host, /, ''));
