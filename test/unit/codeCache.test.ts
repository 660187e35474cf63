// The parser bundle's code cache (codeCache.ts): a second load uses the cache the first one saved, a
// rebuilt bundle never meets an old cache, and a cache that cannot be written changes nothing.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheFileFor, loadWithCodeCache } from '../../extension/src/core/codeCache';

function bundleIn(dir: string, body: string): string {
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, `const path = require('path');\nmodule.exports = { name: path.basename(__filename), value: ${body} };\n`);
  return file;
}

const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));

describe('code cache for large bundles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-codecache-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads like require, saves a cache, and the next load uses it', () => {
    const file = bundleIn(dir, '40 + 2');
    const first = loadWithCodeCache(file);
    assert.deepStrictEqual(first.exports, { name: 'bundle.js', value: 42 });
    assert.strictEqual(first.fromCache, false);
    first.saveCache();
    assert.strictEqual(caches(dir).length, 1);
    const second = loadWithCodeCache(file);
    assert.deepStrictEqual(second.exports, { name: 'bundle.js', value: 42 });
    assert.strictEqual(second.fromCache, true);
  });

  it('never runs a rebuilt bundle from the old cache, and drops the old cache (not that of another V8 version)', () => {
    const file = bundleIn(dir, '1');
    // Another runtime's cache of the same build (the editor's Electron beside the CLI's Node) stays.
    const otherV8 = cacheFileFor(file)!.replace(/-v8-.*\.cache$/, '-v8-0.0.0.cache');
    fs.writeFileSync(otherV8, 'x');
    loadWithCodeCache(file).saveCache();
    assert.ok(fs.existsSync(otherV8), "another V8's cache of this build was removed");
    fs.rmSync(otherV8);
    const old = caches(dir);
    // Same length, other text, other modification time: V8 alone would accept the old cache.
    bundleIn(dir, '2');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const rebuilt = loadWithCodeCache(file);
    assert.deepStrictEqual(rebuilt.exports, { name: 'bundle.js', value: 2 });
    assert.strictEqual(rebuilt.fromCache, false);
    rebuilt.saveCache();
    assert.strictEqual(caches(dir).length, 1);
    assert.notDeepStrictEqual(caches(dir), old);
  });

  it('names the cache after the V8 flags too, so a process with other flags (the CLI) keeps its own cache', () => {
    const file = bundleIn(dir, '3');
    const nameUnder = (flags: string[]) => {
      const r = spawnSync(process.execPath, [...flags, '-e', `process.stdout.write(require(${JSON.stringify(require.resolve('../../extension/src/core/codeCache'))}).cacheFileFor(${JSON.stringify(file)}))`], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      return r.stdout;
    };
    assert.strictEqual(nameUnder([]), cacheFileFor(file));
    assert.notStrictEqual(nameUnder(['--interrupt-budget=270336']), cacheFileFor(file));
  });

  it('works without a cache when it cannot be written (a non-empty folder where the cache file should go)', () => {
    const file = bundleIn(dir, '7');
    const target = cacheFileFor(file)!;
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), '');
    const loaded = loadWithCodeCache(file);
    loaded.saveCache();
    assert.deepStrictEqual(loaded.exports, { name: 'bundle.js', value: 7 });
    assert.strictEqual(loaded.fromCache, false);
    assert.ok(fs.statSync(target).isDirectory());
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
  });
});
