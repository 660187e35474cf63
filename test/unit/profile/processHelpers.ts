// Shared by the containment tests: real processes, real CLI (dist/cli.js, built by `node esbuild.mjs --tests`).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const cli = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

/** Running and not a zombie (a zombie holds no memory and is only waiting to be reaped). */
export function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `memwise-${tag}-`));
}

export async function waitForFile(file: string, ms = 20000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (text) return text;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${file} never appeared`);
}

/** The real CLI as a child process: its exit code, output, and the moment it exited. */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}


/**
 * The line samples the Node preload's sampler (extension/node/memwise_cpu_lines.cjs) writes for one real V8 CPU
 * profile of `script` (and the sampling heap profile of the same run, when given): time (µs) and "function:line",
 * in the order written.
 */
export function cpuLinesOf(profile: unknown, script: string, heap?: unknown): { t: number; at: string }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startCpuLines } = require(path.resolve(__dirname, '..', '..', '..', '..', 'extension', 'node', 'memwise_cpu_lines.cjs'));
  const written: string[] = [];
  // The inspector session is the one stand-in: it hands over the recorded profile when the sampler stops.
  const session = {
    post(method: string, ...rest: unknown[]) {
      const cb = rest.find((x) => typeof x === 'function') as ((e: null, r?: unknown) => void) | undefined;
      if (method === 'Profiler.stop') cb?.(null, { profile });
      else cb?.(null);
    },
  };
  const lines = fs.readFileSync(script, 'utf8').split('\n');
  startCpuLines(session, {
    write: (t: string) => written.push(t),
    toFile: (url: string) => (url.startsWith('file://') ? new URL(url).pathname : url),
    isUser: (f: string) => f === script,
    sourceLine: (_f: string, n: number) => lines[n - 1] ?? '',
  }).chunk(false, heap);
  const names = new Map<string, string>();
  const out: { t: number; at: string }[] = [];
  for (const rec of written.join('').split('\n')) {
    const f = rec.split('\t');
    if (f[0] === 'F') names.set(f[1], f[3]);
    if (f[0] === 'S') out.push({ t: Math.round(Number(f[1]) * 1e6), at: `${names.get(f[2])}:${f[3]}` });
  }
  return out;
}
