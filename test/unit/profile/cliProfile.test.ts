// The `memwise profile` command end to end (real Python), through the real CLI entry.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../runCli';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'profile');

/** `memwise ARGV` (argv starts with `profile`) through the real CLI entry. */
function cli(argv: string[], cwd = fixtures) {
  return runCli(argv, cwd);
}

describe('memwise profile (CLI)', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-cli-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('runs the script as __main__ with its args, echoes output, saves the run and writes --json', async () => {
    const json = path.join(tmp, 'run.json');
    const runs = path.join(tmp, 'runs');
    const r = await cli(['profile', 'argv_check.py', '--json', json, '--runs-dir', runs, '--', 'a b', '--flag']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /argv \['a b', '--flag'\]/);
    assert.match(r.out, /name __main__/);
    assert.match(r.out, /path0 True/);
    assert.match(r.out, /main True/);
    assert.match(r.out, /peak +[\d.]+ (MiB|GiB)/);
    assert.match(r.out, /samples +\d+ at [\d.]+ Hz/);
    const run = JSON.parse(fs.readFileSync(json, 'utf8')) as RunFile;
    assert.strictEqual(run.schema, 'memwise.run/2');
    assert.strictEqual(fs.readdirSync(runs).filter((f) => f.endsWith('.json')).length, 1);
  });

  it('exits 3 when the peak is over --budget, 0 when under', async () => {
    const over = await cli(['profile', 'request_log.py', '--no-save', '--quiet', '--budget', '50MB', '--', '50000']);
    assert.strictEqual(over.code, 3, over.err);
    assert.match(over.err, /exceeds the budget 47.7 MiB/);
    const under = await cli(['profile', 'argv_check.py', '--no-save', '--quiet', '--budget', '2GB']);
    assert.strictEqual(under.code, 0, under.err);
  });

  it('rejects bad options with one clear line (exit 2)', async () => {
    for (const [args, re] of [
      [['profile', 'argv_check.py', '--max-memory', 'lots'], /--max-memory: "lots" is not a size/],
      [['profile', 'argv_check.py', '--interval', '0'], /--interval: "0" must be/],
      [['profile', 'nope.py'], /nope\.py: no such file/],
      [['profile'], /missing SCRIPT/],
      [['profile', 'x.ts'], /no such file|TypeScript/],
    ] as const) {
      const r = await cli([...args]);
      assert.strictEqual(r.code, 2, `${args.join(' ')} → ${r.code}`);
      assert.match(r.err, re);
      assert.ok(!/\n\s+at /.test(r.err), `no stack trace for a usage error: ${r.err}`);
    }
  });
});
