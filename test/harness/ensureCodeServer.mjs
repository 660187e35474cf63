#!/usr/bin/env node
// Makes sure the tools for the browser integration run exist on this machine:
// Debian's chromium + ripgrep (and the headers code-server's native modules
// build against), and code-server installed into a per-user cache outside the
// clone, because CI clones afresh and the install is ~300 MB with native builds.
// Idempotent: the second call only checks a marker file.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, renameSync, writeFileSync, readFileSync, copyFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // newest code-server whose engines.node is 20
const RG_VERSION = 'v13.0.0-10'; // what @vscode/ripgrep@1.15.11's postinstall downloads
const RG_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RG_ASSET = `ripgrep-${RG_VERSION}-x86_64-unknown-linux-musl.tar.gz`;
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'build-essential'];
// Packages in code-server's tree with install scripts; listed so npm 11's
// allowScripts policy (advisory today, blocking later) treats them as reviewed.
const ALLOWED_SCRIPTS = ['code-server', '@vscode/ripgrep', 'node-pty', 'kerberos', 'argon2', '@parcel/watcher', '@vscode/spdlog', '@vscode/sqlite3', 'native-watchdog', 'native-keymap', '@vscode/windows-registry', '@vscode/deviceid', '@vscode/policy-watcher', 'esbuild'];

export const CHROMIUM = '/usr/bin/chromium';

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'memwise');
}

export function codeServerDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

const defaultLog = (msg) => console.log(`[memwise-test] ${msg}`);

/** Runs a command (argument array, no shell); rejects on non-zero exit. */
export function run(cmd, args, { log = defaultLog, env = process.env, cwd, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
    let out = '';
    if (quiet) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve(out);
      if (quiet) log(out.trim().split('\n').slice(-40).join('\n'));
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function which(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

async function ensureAptPackages(log) {
  const missing = !existsSync(CHROMIUM) || !which('rg') || !which('pkg-config') || !which('g++') || !existsSync('/usr/include/gssapi/gssapi.h');
  if (!missing) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages; run: sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES.join(' ')}`);
  }
  log(`installing Debian packages: ${APT_PACKAGES.join(' ')} (about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q', '-o', 'DPkg::Lock::Timeout=300'], { log, env, quiet: true });
  await run('apt-get', ['install', '-y', '-q', '-o', 'DPkg::Lock::Timeout=300', ...APT_PACKAGES], { log, env, quiet: true });
}

/** The ripgrep postinstall downloads from GitHub; give it Debian's rg from its cache instead. */
async function seedRipgrepCache(tmpdir, log) {
  const cacheDir = path.join(tmpdir, RG_CACHE_DIR);
  const tarball = path.join(cacheDir, RG_ASSET);
  if (existsSync(tarball)) return;
  log(`seeding ripgrep download cache from ${which('rg')}`);
  const stage = path.join(tmpdir, `memwise-rg-${process.pid}`);
  mkdirSync(stage, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(which('rg'), path.join(stage, 'rg'));
  chmodSync(path.join(stage, 'rg'), 0o755);
  await run('tar', ['-czf', `${tarball}.tmp`, '-C', stage, 'rg'], { log, quiet: true });
  renameSync(`${tarball}.tmp`, tarball);
  rmSync(stage, { recursive: true, force: true });
}

export async function ensureCodeServer({ log = defaultLog } = {}) {
  const dir = codeServerDir();
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.memwise-installed');
  await ensureAptPackages(log);
  if (existsSync(marker) && existsSync(entry)) return { entry, chromium: CHROMIUM, dir };

  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about 2 minutes, once)`);
  mkdirSync(cacheRoot(), { recursive: true });
  // A sibling staging dir, renamed only on success: a half-finished install never looks good.
  const stage = `${dir}.partial-${process.pid}`;
  removeAbandonedStages(dir, log);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  // allowScripts only applies to project installs, so give the staging dir a package.json.
  const allowScripts = Object.fromEntries(ALLOWED_SCRIPTS.map((n) => [n, true]));
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'memwise-code-server', private: true, allowScripts }, null, 2));

  // The ripgrep cache is keyed on os.tmpdir(), so the seed and the install must agree on TMPDIR.
  const tmpdir = os.tmpdir();
  await seedRipgrepCache(tmpdir, log);
  const env = {
    ...process.env,
    TMPDIR: tmpdir,
    npm_config_unsafe_perm: 'true', // as root, code-server's postinstall exits without it
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`; user config may say yes=false
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    await run('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { log, env, cwd: stage, quiet: true });
    const stagedEntry = path.join(stage, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(stagedEntry)) throw new Error(`code-server entry missing after install: ${stagedEntry}`);
    await verifyPostinstall(stage, log);
    writeFileSync(path.join(stage, '.memwise-installed'), `${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`);
    if (existsSync(marker)) {
      // A concurrent install finished first and may be in use: keep it, drop ours.
      rmSync(stage, { recursive: true, force: true });
    } else {
      rmSync(dir, { recursive: true, force: true }); // an unmarked leftover
      renameSync(stage, dir);
    }
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { entry, chromium: CHROMIUM, dir };
}

/** Staging dirs of installs that were killed mid-way (their pid is gone) are ~300 MB each. */
function removeAbandonedStages(dir, log) {
  const prefix = `${path.basename(dir)}.partial-`;
  for (const name of readdirSync(path.dirname(dir))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (err) {
      alive = err.code === 'EPERM';
    }
    if (!alive) {
      log(`removing abandoned install ${name}`);
      rmSync(path.join(path.dirname(dir), name), { recursive: true, force: true });
    }
  }
}

/** code-server's postinstall installs lib/vscode's own node_modules; without them it cannot start. */
async function verifyPostinstall(stage, log) {
  const vscodeDir = path.join(stage, 'node_modules', 'code-server', 'lib', 'vscode');
  const checks = [
    path.join(vscodeDir, 'node_modules', 'node-pty'),
    path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
  ];
  const missing = checks.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`code-server postinstall did not complete; missing: ${missing.join(', ')}`);
  // Smoke test; XDG_CONFIG_HOME inside the stage so it does not write ~/.config/code-server.
  const entry = path.join(stage, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(stage, '.xdg-config'), XDG_DATA_HOME: path.join(stage, '.xdg-data') };
  const out = await run(process.execPath, [entry, '--version'], { log, env, quiet: true });
  if (!out.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed: ${out.trim()}`);
  rmSync(env.XDG_CONFIG_HOME, { recursive: true, force: true });
  rmSync(env.XDG_DATA_HOME, { recursive: true, force: true });
  log(`code-server postinstall verified (${out.trim().split('\n').pop()})`);
}

// Standalone: `node test/harness/ensureCodeServer.mjs`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer()
    .then(({ entry, chromium }) => defaultLog(`ready: code-server ${entry}, chromium ${chromium}`))
    .catch((err) => {
      console.error(`[memwise-test] ${err.message}`);
      process.exit(1);
    });
}
