import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HelperChannel } from '../../../extension/src/core/profile/helperChannel';
import { findInterpreter, isLauncherScript, scriptKind, typeScriptLoaderArgs } from '../../../extension/src/core/profile/interpreter';
import { profileScript } from '../../../extension/src/core/profile/runner';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'profile');
const helperCache = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'python', '__pycache__');

describe('interpreter choice', function () {
  this.timeout(20000);

  it('resolves python3 on PATH to the real executable and its version', async () => {
    const log: string[] = [];
    const i = await findInterpreter('/x/script.py', undefined, (m) => log.push(m));
    assert.strictEqual(i.kind, 'python');
    assert.match(i.version, /^3\.\d+\.\d+/);
    assert.ok(path.isAbsolute(i.path) && fs.existsSync(i.path), i.path);
    assert.match(log.join('\n'), /Interpreter: python3 → /);
  });

  it('names the setting to fix when the configured interpreter does not exist', async () => {
    await assert.rejects(findInterpreter('/x/script.py', '/nope/python9'), /No usable Python 3 interpreter .*\/nope\/python9: not found.*memwise.pythonPath/);
  });

  it('profiles without a probe process: the helper reports the interpreter; errors name the setting and the flag', async () => {
    const ch = new HelperChannel(0);
    ch.push('V\t/usr/bin/python3\t3.11.2\n');
    assert.deepStrictEqual(ch.interpreter, { path: '/usr/bin/python3', version: '3.11.2' });

    const script = path.join(fixtures, 'argv_check.py');
    const run = await profileScript({ script, args: [], cwd: fixtures });
    assert.strictEqual(run.interpreter.kind, 'python');
    assert.match(run.interpreter.version, /^3\.\d+\.\d+$/);
    assert.ok(path.isAbsolute(run.interpreter.path) && fs.existsSync(run.interpreter.path), run.interpreter.path);

    const missing = /No usable Python 3 interpreter .*\/nope\/python9: not found.*memwise\.pythonPath \(CLI: --python PATH\)/;
    await assert.rejects(profileScript({ script, args: [], cwd: fixtures, interpreter: '/nope/python9' }), missing);
    await assert.rejects(
      profileScript({ script, args: [], cwd: fixtures, interpreter: '/bin/false' }),
      /\/bin\/false did not start Memwise's Python helper \(exit code 1, no output\); is it a Python 3 interpreter\?.*memwise\.pythonPath/,
    );
  });

  it('resolves a launcher script (pyenv-style shim) first, so the shim is not part of the profiled tree', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-shim-'));
    try {
      const shim = path.join(dir, 'python-shim');
      fs.writeFileSync(shim, '#!/bin/sh\nexec python3 "$@"\n', { mode: 0o755 });
      assert.strictEqual(isLauncherScript(shim), true);
      assert.strictEqual(isLauncherScript(process.execPath), false);
      assert.strictEqual(isLauncherScript('/nope/python9'), false);
      const run = await profileScript({ script: path.join(fixtures, 'argv_check.py'), args: [], cwd: fixtures, interpreter: shim });
      assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
      assert.notStrictEqual(run.interpreter.path, shim);
      assert.strictEqual(run.command[0], run.interpreter.path, 'the real interpreter was spawned, not the shim');
      assert.strictEqual(run.processes.length, 1, JSON.stringify(run.processes.map((p) => p.command)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('caches the helper’s bytecode in its own folder even with PYTHONDONTWRITEBYTECODE, and only there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-pyc-'));
    try {
      fs.writeFileSync(path.join(dir, 'sibling.py'), 'VALUE = 42\n');
      fs.writeFileSync(path.join(dir, 'main.py'), 'import sibling\nprint(sibling.VALUE)\n');
      fs.rmSync(helperCache, { recursive: true, force: true });
      const run = await profileScript({ script: path.join(dir, 'main.py'), args: [], cwd: dir, env: { PYTHONDONTWRITEBYTECODE: '1' } });
      assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
      assert.deepStrictEqual(run.logs.map((l) => l.text), ['42']);
      assert.ok(fs.readdirSync(helperCache).some((f) => f.startsWith('memwise_sampler.')), 'helper bytecode cached');
      assert.ok(!fs.existsSync(path.join(dir, '__pycache__')), 'the user’s PYTHONDONTWRITEBYTECODE still holds for their files');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs JavaScript with node and TypeScript with the project’s runner', () => {
    assert.strictEqual(scriptKind('a.mjs'), 'node');
    assert.strictEqual(scriptKind('a.py'), 'python');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-ts-'));
    try {
      const script = path.join(dir, 'src', 'main.ts');
      assert.deepStrictEqual(typeScriptLoaderArgs(path.join(dir, 'a.js'), dir, 'v20.1.0'), []);
      assert.throws(() => typeScriptLoaderArgs(script, dir, 'v20.19.0'), /install tsx or ts-node .* Node ≥ 22\.6/);
      assert.deepStrictEqual(typeScriptLoaderArgs(script, dir, 'v22.6.0'), ['--experimental-strip-types']);
      fs.mkdirSync(path.join(dir, 'node_modules', 'ts-node'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'ts-node', 'package.json'), '{}');
      assert.deepStrictEqual(typeScriptLoaderArgs(script, dir, 'v20.19.0'), ['--require', 'ts-node/register']);
      fs.mkdirSync(path.join(dir, 'node_modules', 'tsx'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'tsx', 'package.json'), '{}');
      assert.deepStrictEqual(typeScriptLoaderArgs(script, dir, 'v20.19.0'), ['--import', 'tsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
