import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findInterpreter, scriptKind, typeScriptLoaderArgs } from '../../../extension/src/core/profile/interpreter';

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
