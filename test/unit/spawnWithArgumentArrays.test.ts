import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// Security standard: every process is started with an argument array, never through a shell, so no file
// name, setting or argument can be read as shell syntax. Reads the sources of the extension, the CLI, the
// test harness, the examples and the benchmarks and lists every way of reaching a shell.
const repo = path.resolve(__dirname, '..', '..', '..');
const ROOTS = ['extension/src', 'extension/node', 'test/harness', 'test/integration', 'test/browser', 'examples', 'bench', 'esbuild.mjs'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function sources(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (fs.statSync(p).isFile()) return SOURCE.test(p) ? [p] : [];
  return fs.readdirSync(p, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' || e.name.startsWith('.') ? [] : sources(path.join(p, e.name)),
  );
}

/** The shell-reaching forms in `text`, one description per hit. */
export function shellUses(text: string): string[] {
  const hits: string[] = [];
  const forms: [RegExp, string][] = [
    [/\bshell\s*:\s*(?!false\b)[^,}\s]/g, 'a `shell` option'],
    [/\bexecSync\s*\(/g, 'execSync (runs a shell)'],
    [/(?<![.\w])exec\s*\(\s*[`'"]/g, 'exec with a command string'],
    [/\bchild_process['"]?\)?\.exec\s*\(/g, 'child_process.exec'],
    [/\bimport\s*\{[^}]*\bexec\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/g, 'importing exec from child_process'],
    [/\b(spawn|spawnSync|execFile|execFileSync)\s*\(\s*['"`](\/bin\/)?(sh|bash|zsh|dash|cmd(\.exe)?|powershell)['"`]/g, 'spawning a shell'],
  ];
  for (const [re, what] of forms) for (const m of text.matchAll(re)) hits.push(`${what}: ${m[0]}`);
  return hits;
}

describe('processes are spawned with argument arrays, never a shell', () => {
  it('detects the forms it guards against', () => {
    assert.deepStrictEqual(shellUses(`spawn('python3', [script, ...args], { cwd })`), []);
    assert.deepStrictEqual(shellUses(`execFile(exe, ['--version'], { timeout: 1 }, cb)`), []);
    assert.deepStrictEqual(shellUses(`const m = /x/.exec(text); re.exec('a')`), []);
    assert.deepStrictEqual(shellUses(`spawn('git', args, { shell: false })`), []);
    assert.strictEqual(shellUses(`spawn('git', args, { shell: true })`).length, 1);
    assert.strictEqual(shellUses(`spawnSync(cmd, args, { cwd, shell: process.platform === 'win32' })`).length, 1);
    assert.strictEqual(shellUses(`execSync('git status')`).length, 1);
    assert.strictEqual(shellUses(`exec(\`python3 \${file}\`, cb)`).length, 1);
    assert.strictEqual(shellUses(`import { exec } from 'node:child_process';`).length, 1);
    assert.strictEqual(shellUses(`require('child_process').exec('ls', cb)`).length, 1);
    assert.strictEqual(shellUses("spawnSync('sh', ['-c', `command -v ${cmd}`])").length, 1);
    assert.strictEqual(shellUses(`spawn("/bin/bash", ["-lc", line])`).length, 1);
  });

  it('no source in the extension, CLI, harness, examples or benchmarks reaches a shell', () => {
    const files = ROOTS.flatMap((r) => sources(path.join(repo, r)));
    assert.ok(files.length > 20, `only ${files.length} sources found under ${ROOTS.join(', ')}`);
    const offenders = files.flatMap((f) => shellUses(fs.readFileSync(f, 'utf8')).map((h) => `${path.relative(repo, f)}: ${h}`));
    assert.deepStrictEqual(offenders, []);
  });
});
