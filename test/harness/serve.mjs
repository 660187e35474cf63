#!/usr/bin/env node
// `npm run serve`: try Memwise in a browser. Installs the packaged memwise.vsix into
// the cached code-server (like a user would install it) and serves the examples/
// folder on 127.0.0.1 until Ctrl-C.
//
//   node test/harness/serve.mjs [--port 8080] [--rebuild]
//   --rebuild: run `npm run package` even if memwise.vsix exists
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureCodeServer, run } from './ensureCodeServer.mjs';

const log = (msg) => console.log(`[memwise-serve] ${msg}`);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const opts = { port: 8080, rebuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '-p') opts.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--rebuild') opts.rebuild = true;
    else throw new Error(`unknown argument ${a} (expected --port <n>, --rebuild)`);
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error('--port needs a port number');
  return opts;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!(await portFree(opts.port))) throw new Error(`port ${opts.port} on 127.0.0.1 is in use; pick another with --port`);
  const { entry } = await ensureCodeServer({ log });

  const vsix = path.join(repoRoot, 'memwise.vsix');
  if (opts.rebuild || !fs.existsSync(vsix)) {
    log('packaging memwise.vsix (npm run package)');
    await run('npm', ['run', 'package'], { log, cwd: repoRoot });
    if (!fs.existsSync(vsix)) throw new Error('npm run package did not write memwise.vsix');
  }

  // Persistent (not temp) profile so settings survive restarts; separate from the test runs'.
  const home = path.join(cacheRoot(), 'serve');
  const dirs = { userData: path.join(home, 'user-data'), extensions: path.join(home, 'extensions'), config: path.join(home, 'config.yaml') };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  const settings = path.join(dirs.userData, 'User', 'settings.json');
  if (!fs.existsSync(settings)) fs.writeFileSync(settings, JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }, null, 2));
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${opts.port}\nauth: none\ncert: false\n`);
  const common = ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  log(`installing ${path.relative(repoRoot, vsix)} into code-server`);
  await run(process.execPath, [entry, ...common, '--force', '--install-extension', vsix], { log, quiet: true });

  const folder = path.join(repoRoot, 'examples');
  const args = [entry, ...common, '--bind-addr', `127.0.0.1:${opts.port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened', folder];
  // Own process group so Ctrl-C takes down the extension host and terminals too.
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
      process.exit(0);
    }, 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  log(`open http://127.0.0.1:${opts.port}/?folder=${encodeURIComponent(folder)}  (Ctrl-C to stop)`);
}

main().catch((err) => {
  console.error(`[memwise-serve] ERROR: ${err.message}`);
  process.exit(1);
});
