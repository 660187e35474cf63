// The arguments, cwd and env a script is run with, read from the user's `.vscode/launch.json` debug
// configurations (debugpy/python and node): people already keep them there, so "Profile this script" should
// run the script the way F5 does. Pure: the adapter passes the parsed `configurations` array in.

export interface LaunchChoice {
  /** The configuration's `name`, shown in the picker and the CodeLens. */
  name: string;
  args: string[];
  /** Absolute, when the configuration sets one. */
  cwd?: string;
  env?: Record<string, string>;
  /** Variables we cannot resolve outside a debug session (`${input:…}`, `${command:…}`), left as written. */
  unresolved: string[];
}

export interface VariableContext {
  workspaceFolder: string;
  /** The script being profiled (what `${file}` means here). */
  file: string;
  env: Record<string, string | undefined>;
  userHome?: string;
}

const PYTHON_TYPES = new Set(['debugpy', 'python']);
const NODE_TYPES = new Set(['node', 'pwa-node']);

/** The launch configurations whose `program` is this script, in file order. `${file}` configurations do not name a script. */
export function launchChoicesFor(script: string, configurations: unknown, ctx: VariableContext): LaunchChoice[] {
  if (!Array.isArray(configurations)) return [];
  const out: LaunchChoice[] = [];
  for (const raw of configurations) {
    if (!raw || typeof raw !== 'object') continue;
    const c = raw as Record<string, unknown>;
    if (typeof c.type !== 'string' || !(PYTHON_TYPES.has(c.type) || NODE_TYPES.has(c.type))) continue;
    if (c.request !== undefined && c.request !== 'launch') continue;
    if (typeof c.program !== 'string' || /\$\{file\}/.test(c.program)) continue;
    const unresolved: string[] = [];
    const sub = (text: string) => substituteVariables(text, ctx, unresolved);
    const program = resolvePath(sub(c.program), ctx.workspaceFolder);
    if (!samePath(program, script)) continue;
    const args = Array.isArray(c.args) ? c.args.filter((a): a is string => typeof a === 'string').map(sub) : typeof c.args === 'string' ? splitArgs(sub(c.args)) : [];
    const choice: LaunchChoice = { name: typeof c.name === 'string' && c.name ? c.name : `${c.type} ${c.program}`, args, unresolved };
    if (typeof c.cwd === 'string' && c.cwd.trim()) choice.cwd = resolvePath(sub(c.cwd), ctx.workspaceFolder);
    if (c.env && typeof c.env === 'object' && !Array.isArray(c.env)) {
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(c.env as Record<string, unknown>)) if (typeof v === 'string' || typeof v === 'number') env[k] = sub(String(v));
      choice.env = env;
    }
    out.push(choice);
  }
  return out;
}

/** VS Code's predefined variables that make sense outside a debug session; others are recorded in `unresolved`. */
export function substituteVariables(text: string, ctx: VariableContext, unresolved: string[] = []): string {
  const file = ctx.file;
  const dir = dirname(file);
  const base = file.slice(dir.length + 1);
  const sep = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === 'workspaceFolder' || name.startsWith('workspaceFolder:') || name === 'workspaceRoot' || name === 'cwd') return ctx.workspaceFolder;
    if (name === 'workspaceFolderBasename') return ctx.workspaceFolder.slice(dirname(ctx.workspaceFolder).length + 1);
    if (name === 'file') return file;
    if (name === 'fileDirname') return dir;
    if (name === 'fileBasename') return base;
    if (name === 'fileBasenameNoExtension') return base.replace(/\.[^.]*$/, '');
    if (name === 'fileExtname') return /\.[^.]*$/.exec(base)?.[0] ?? '';
    if (name === 'relativeFile') return file.startsWith(ctx.workspaceFolder) ? file.slice(ctx.workspaceFolder.length + 1) : file;
    if (name === 'relativeFileDirname') return dir.startsWith(ctx.workspaceFolder) ? dir.slice(ctx.workspaceFolder.length + 1) : dir;
    if (name === 'pathSeparator' || name === '/') return sep;
    if (name === 'userHome' && ctx.userHome) return ctx.userHome;
    if (name.startsWith('env:')) return ctx.env[name.slice(4)] ?? '';
    unresolved.push(whole);
    return whole;
  });
}

/**
 * Does the script read its command line? Only then is it worth asking for arguments: a script that never
 * looks at them would just get an extra question on every first profile.
 */
export function readsArguments(source: string): boolean {
  return /\bsys\.argv\b|\bfrom\s+sys\s+import\s+[^\n]*\bargv\b|\b(?:import|from)\s+(?:argparse|optparse|getopt|click|typer|fire|docopt)\b|\bprocess\.argv\b|\bBun\.argv\b|\bDeno\.args\b|['"](?:yargs|commander|minimist|meow|node:util)['"]|\bparseArgs\s*\(/.test(source);
}

/** Splits an argument line the way a POSIX shell would (quotes and backslashes), without running one. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** Arguments as one line that `splitArgs` reads back to the same list. */
export function formatArgs(args: readonly string[]): string {
  return args.map((a) => (a && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i > 0 ? p.slice(0, i) : p;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** `p` against `base` with `.`/`..` folded, so `./scripts/../etl.py` names the same file as `etl.py`. */
function resolvePath(p: string, base: string): string {
  const full = isAbsolute(p) ? p : `${base.replace(/[\\/]+$/, '')}/${p}`;
  const drive = /^[A-Za-z]:/.exec(full)?.[0] ?? '';
  const parts: string[] = [];
  for (const seg of full.slice(drive.length).split(/[\\/]+/)) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `${drive}/${parts.join('/')}`;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => resolvePath(p, '/');
  return /^[A-Za-z]:/.test(a) ? norm(a).toLowerCase() === norm(b).toLowerCase() : norm(a) === norm(b);
}
