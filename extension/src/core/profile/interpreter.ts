// Which executable runs a script, and what it is (real path + version) for the run file.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export type ScriptKind = 'python' | 'node';

export interface Interpreter {
  kind: ScriptKind;
  /** Resolved executable (sys.executable / process.execPath), not a launcher shim. */
  path: string;
  version: string;
}

const NODE_EXTS = new Set(['.js', '.mjs', '.cjs']);

const TS_EXTS = new Set(['.ts', '.mts', '.cts']);

export function scriptKind(script: string): ScriptKind {
  const ext = path.extname(script).toLowerCase();
  if (NODE_EXTS.has(ext) || TS_EXTS.has(ext)) return 'node';
  if (ext === '.tsx' || ext === '.jsx') {
    throw new Error(`${script}: ${ext} files are not scripts Memwise can run; profile the compiled .js entry point instead.`);
  }
  return 'python';
}

/**
 * Node flags that let `node` run a TypeScript script with the runner the user's project already has:
 * tsx (`--import tsx`), else ts-node (`--require ts-node/register`), else Node ≥ 22.6's type stripping.
 * Plain JavaScript needs none. Throws a clear message when nothing can run it.
 */
export function typeScriptLoaderArgs(script: string, cwd: string, nodeVersion: string): string[] {
  if (!TS_EXTS.has(path.extname(script).toLowerCase())) return [];
  const has = (pkg: string) => {
    for (let dir = path.dirname(script); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'node_modules', pkg, 'package.json'))) return true;
      if (path.dirname(dir) === dir) break;
    }
    return fs.existsSync(path.join(cwd, 'node_modules', pkg, 'package.json'));
  };
  if (has('tsx')) return ['--import', 'tsx'];
  if (has('ts-node')) return ['--require', 'ts-node/register'];
  const [major, minor] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 6)) return major >= 23 ? [] : ['--experimental-strip-types'];
  throw new Error(
    `${script}: to profile TypeScript, Memwise runs it with the project's own runner, and none was found: ` +
      `install tsx or ts-node in the project (npm i -D tsx), use Node ≥ 22.6, or compile to JavaScript and profile the .js file.`,
  );
}

function probe(exe: string, args: string[], timeoutMs = 15000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(exe, args, { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout.trim().split(/\r?\n/));
    });
  });
}

/** Ask `exe` (a separate process) for sys.executable and its version; rejects unless it is Python 3. */
export async function probePython(exe: string): Promise<Interpreter> {
  const [exePath, version] = await probe(exe, ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())']);
  if (!version?.startsWith('3.')) throw new Error(`it is Python ${version}; Memwise needs Python 3`);
  return { kind: 'python', path: exePath || exe, version };
}

/**
 * Whether `exe` (a path, or a name looked up on PATH) is a script launcher ("#!" first line) such as a pyenv
 * or asdf shim, rather than the interpreter binary itself. A launcher is resolved once with a probe, so its
 * own processes (bash, pyenv) are neither timed nor counted in the profiled tree; a real binary (or a venv's
 * symlink to one) is spawned directly and reports itself, with no probe. Unknown → false (spawn reports it).
 */
export function isLauncherScript(exe: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32') return false;
  const dirs = exe.includes('/') ? [''] : (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const file = dir ? path.join(dir, exe) : exe;
    let fd: number | undefined;
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (!fs.statSync(file).isFile()) continue;
      fd = fs.openSync(file, 'r');
      const head = Buffer.alloc(2);
      fs.readSync(fd, head, 0, 2, 0);
      return head.toString('latin1') === '#!';
    } catch {
      /* not here (or unreadable): keep looking */
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  return false;
}

/** Executables to try for a script of `kind`, in order: the explicit choice alone, else python3 then python (or node). */
export function interpreterCandidates(kind: ScriptKind, explicit?: string): string[] {
  if (explicit) return [explicit];
  return kind === 'node' ? [process.env.MEMWISE_NODE || 'node'] : ['python3', 'python'];
}

/** Why one candidate could not be used, short ("not found" for ENOENT). */
export function candidateFailure(exe: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const why = e?.code === 'ENOENT' ? 'not found' : e?.code === 'EACCES' ? 'not executable (permission denied)' : String((e as Error)?.message ?? err).split('\n')[0];
  return `${exe}: ${why}`;
}

/** The error when no candidate could run `script`: every failure, and the setting (VS Code) or flag (CLI) to fix. */
export function noInterpreterError(kind: ScriptKind, script: string, failures: string[]): Error {
  return new Error(
    `No usable ${kind === 'python' ? 'Python 3' : 'Node.js'} interpreter for ${script} (${failures.join('; ')}). ` +
      (kind === 'python'
        ? 'Install Python 3, select an interpreter in the Python extension, or set memwise.pythonPath (CLI: --python PATH).'
        : 'Install Node.js or set memwise.nodePath (CLI: --python PATH names the node executable too).'),
  );
}

/**
 * Resolve the interpreter for `script` with a probe process. The profiler no longer needs this for Python
 * (its helper reports sys.executable and the version over its channel, saving a whole interpreter start);
 * it is used for Node scripts, whose version picks the TypeScript loader flags. `explicit` (a setting or the
 * Python extension's choice) is tried first; otherwise python3 then python (or node) on PATH. `log` hears
 * every decision.
 */
export async function findInterpreter(script: string, explicit?: string, log: (msg: string) => void = () => undefined): Promise<Interpreter> {
  const kind = scriptKind(script);
  const failures: string[] = [];
  for (const exe of interpreterCandidates(kind, explicit)) {
    try {
      if (kind === 'python') {
        const found = await probePython(exe);
        log(`Interpreter: ${exe} → ${found.path} (Python ${found.version})`);
        return found;
      }
      const [exePath, version] = await probe(exe, ['-p', 'process.execPath + "\\n" + process.version']);
      log(`Interpreter: ${exe} → ${exePath} (Node ${version})`);
      return { kind, path: exePath || exe, version };
    } catch (err) {
      const failure = candidateFailure(exe, err);
      failures.push(failure);
      log(`Interpreter candidate ${failure.replace(': ', ' rejected: ')}`);
    }
  }
  throw noInterpreterError(kind, script, failures);
}
