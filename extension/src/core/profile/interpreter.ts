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

/**
 * Resolve the interpreter for `script`. `explicit` (a setting or the Python extension's choice) is tried
 * first; otherwise python3 then python (or node) on PATH. `log` hears every decision.
 */
export async function findInterpreter(script: string, explicit?: string, log: (msg: string) => void = () => undefined): Promise<Interpreter> {
  const kind = scriptKind(script);
  const candidates = explicit ? [explicit] : kind === 'node' ? [process.env.MEMWISE_NODE || 'node'] : ['python3', 'python'];
  const failures: string[] = [];
  for (const exe of candidates) {
    try {
      if (kind === 'python') {
        const [exePath, version] = await probe(exe, ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())']);
        if (!version?.startsWith('3.')) throw new Error(`it is Python ${version}; Memwise needs Python 3`);
        log(`Interpreter: ${exe} → ${exePath} (Python ${version})`);
        return { kind, path: exePath || exe, version };
      }
      const [exePath, version] = await probe(exe, ['-p', 'process.execPath + "\\n" + process.version']);
      log(`Interpreter: ${exe} → ${exePath} (Node ${version})`);
      return { kind, path: exePath || exe, version };
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message.split('\n')[0];
      failures.push(`${exe}: ${why}`);
      log(`Interpreter candidate ${exe} rejected: ${why}`);
    }
  }
  throw new Error(
    `No usable ${kind === 'python' ? 'Python 3' : 'Node.js'} interpreter for ${script} (${failures.join('; ')}). ` +
      (kind === 'python'
        ? 'Install Python 3, select an interpreter in the Python extension, or set memwise.pythonPath.'
        : 'Install Node.js or set memwise.nodePath.'),
  );
}
