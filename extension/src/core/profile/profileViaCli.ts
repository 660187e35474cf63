// The editor's way to profile: the `memwise profile` CLI in a child process, events streamed back as ndjson on
// fd 3. The sampler then runs on the CLI's event loop, not on the extension host's, where linting and every
// other extension would delay its ticks. Cancel sends SIGTERM: the CLI stops the whole tree, waits for the
// SIGKILL follow-up and saves the run marked cancelled.
import { spawn } from 'child_process';
import { assetPath } from '../assets';
import { EventReader, type WireEvent } from './eventWire';
import { cliChildEnvironment } from './hostEnvironment';
import type { ProfileOptions } from './runner';
import { loadRun } from './runStore';
import type { ProfileEvent, RunFile } from './runFileTypes';

export interface CliProfileOptions extends Omit<ProfileOptions, 'logFile' | 'stdin' | 'env' | 'exactIntervalPeaks'> {
  /** Where the CLI saves the run (and its log file); without it nothing is saved and the run comes down the wire. */
  runsDir?: string;
  keep?: number;
  /** The Node that runs the CLI (default: this process's executable, as Node when it is Electron). */
  nodePath?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CliProfileResult {
  run: RunFile;
  /** Undefined when the run could not be saved (`saveError` says why). */
  runPath?: string;
  saveError?: string;
}

export function profileViaCli(opts: CliProfileOptions): Promise<CliProfileResult> {
  const args = ['profile', opts.script, '--events-fd', '3', '--quiet'];
  if (opts.runsDir) args.push('--runs-dir', opts.runsDir, '--keep', String(opts.keep ?? 20));
  else args.push('--no-save');
  if (opts.intervalMs !== undefined) args.push('--interval', String(opts.intervalMs));
  if (opts.memoryCapBytes !== undefined) args.push('--max-memory', String(Math.round(opts.memoryCapBytes)));
  if (opts.trace) args.push('--trace');
  if (opts.interpreter) args.push('--python', opts.interpreter);
  if (opts.waitChildren) args.push('--wait-children');
  if (opts.cgroup === 'off') args.push('--no-cgroup');
  if (opts.stdinText !== undefined) args.push('--stdin', 'inherit');
  args.push('--', ...opts.args);
  const child = spawn(opts.nodePath ?? process.execPath, [assetPath('cli.js'), ...args], {
    cwd: opts.cwd,
    // The host's own variables stay out of the script's environment (hostEnvironment.ts).
    env: cliChildEnvironment(process.env, opts.env),
    stdio: [opts.stdinText !== undefined ? 'pipe' : 'ignore', 'ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const log = opts.log ?? (() => undefined);
  const emit = (e: ProfileEvent) => {
    try {
      opts.onEvent?.(e);
    } catch (err) {
      log(`A profile event listener threw: ${String(err)}`);
    }
  };
  if (opts.stdinText !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.stdinText);
  }
  let end: Extract<WireEvent, { type: 'end' }> | undefined;
  const reader = new EventReader((e) => {
    if (e.type === 'message') log(e.text);
    else if (e.type === 'end') end = e;
    else emit(e);
  });
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => reader.push(c));
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    if (stderr.length < 65536) stderr += c.toString('utf8');
  });
  // The CLI stops the tree within ~3 s (1 s grace, SIGKILL, reaping) and saves; if it ever hangs, it is killed.
  const onAbort = () => {
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 15000).unref();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise<CliProfileResult>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`could not start the Memwise CLI (${opts.nodePath ?? process.execPath}): ${err.message}`)));
    child.once('close', (code, sig) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (!end) {
        // The CLI said why on stderr, as "memwise profile: <reason>".
        const said = stderr.trim().split('\n').filter(Boolean).pop()?.replace(/^memwise profile: /, '');
        return reject(new Error(said || `the Memwise CLI ended (${sig ?? `exit code ${code}`}) without a result`));
      }
      try {
        const run = end.runPath ? loadRun(end.runPath) : end.run;
        if (!run) return reject(new Error(end.saveError ?? 'the Memwise CLI sent no run'));
        emit({ type: 'end', run, runFilePath: end.runPath });
        resolve({ run, runPath: end.runPath, saveError: end.saveError });
      } catch (err) {
        reject(err);
      }
    });
  });
}
