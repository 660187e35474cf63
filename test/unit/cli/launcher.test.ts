// The installed `memwise` (dist/cli.js) is a launcher that loads the CLI bundle (dist/cliMain.js) through V8's
// code cache and starts its lint workers the same way (cliLauncher.ts). Run for real on a copy of dist/, with
// enough files for worker threads: the first run saves the cache beside the bundle, the next one reads it
// without rewriting it, a corrupt cache is replaced, an unwritable one changes nothing, and the output is
// the same every time and the same as the bundle run directly.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../runCli';

const dist = path.join(repoRoot, 'dist');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('the CLI launcher and its code cache', function () {
  this.timeout(120000);
  let tmp: string;
  let bin: string;
  let work: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-launcher-'));
    bin = path.join(tmp, 'dist');
    fs.mkdirSync(bin);
    for (const f of ['cli.js', 'cliMain.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm']) fs.copyFileSync(path.join(dist, f), path.join(bin, f));
    work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    // Above the worker threshold (64 files), so the workers start from the launcher too.
    for (let i = 0; i < 70; i++) fs.copyFileSync(path.join(fixtures, i % 2 ? 'incident.py' : 'clean.py'), path.join(work, `f${String(i).padStart(2, '0')}.py`));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const lint = (script = 'cli.js') => {
    const r = spawnSync(process.execPath, [path.join(bin, script), 'lint', '--format', 'json', '.'], { cwd: work, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.strictEqual(r.stderr, '');
    return r.stdout;
  };
  const caches = () => fs.readdirSync(bin).filter((f) => f.startsWith('cliMain.js.') && f.endsWith('.cache'));

  it('saves the cache on the first run, reads it on the next, and lints the same as the bundle run directly', () => {
    const direct = lint('cliMain.js');
    assert.deepStrictEqual(caches(), [], 'the bundle run directly keeps no cache');
    assert.strictEqual(JSON.parse(direct).findings.length > 0, true);
    assert.strictEqual(lint(), direct);
    assert.strictEqual(caches().length, 1);
    const cache = path.join(bin, caches()[0]);
    const saved = fs.readFileSync(cache);
    const at = fs.statSync(cache).mtimeMs;
    assert.strictEqual(lint(), direct);
    // Accepted: a rejected or missing cache would have been written again.
    assert.strictEqual(fs.statSync(cache).mtimeMs, at);
    assert.ok(fs.readFileSync(cache).equals(saved));
  });

  it('replaces a corrupt cache, and runs without one it cannot write', () => {
    const direct = lint('cliMain.js');
    assert.strictEqual(lint(), direct); // saves the cache if this test runs alone
    const cache = path.join(bin, caches()[0]);
    fs.writeFileSync(cache, 'not a V8 code cache');
    assert.strictEqual(lint(), direct);
    assert.notStrictEqual(fs.readFileSync(cache, 'utf8'), 'not a V8 code cache');
    assert.ok(fs.statSync(cache).size > 100000, 'the new cache holds the compiled bundle');
    // A non-empty folder where the cache goes: unreadable as a cache and impossible to replace.
    fs.rmSync(cache);
    fs.mkdirSync(cache);
    fs.writeFileSync(path.join(cache, 'keep'), '');
    assert.strictEqual(lint(), direct);
    assert.ok(fs.statSync(cache).isDirectory());
    assert.deepStrictEqual(fs.readdirSync(bin).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  it('other commands run through the launcher too', () => {
    const version = spawnSync(process.execPath, [path.join(bin, 'cli.js'), '--version'], { encoding: 'utf8' });
    assert.strictEqual(version.status, 0, version.stderr);
    assert.strictEqual(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    const rule = spawnSync(process.execPath, [path.join(bin, 'cli.js'), 'rule', 'MW101'], { encoding: 'utf8' });
    assert.strictEqual(rule.status, 0, rule.stderr);
    assert.match(rule.stdout, /^MW101 /);
  });
});
