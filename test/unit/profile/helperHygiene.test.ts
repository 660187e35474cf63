// Issue 15, "the helper never touches what is not its own": real Python under the real helper.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import { tempDir } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const hostile = path.join(repo, 'test', 'fixtures', 'profile', 'hostile');

describe("the Python helper stays out of the script's way", function () {
  this.timeout(60000);

  it('never writes its records into a file the script opened after closing every fd', async () => {
    const dir = tempDir('fds');
    const mine = path.join(dir, 'mine.txt');
    const run = await profileScript({ script: path.join(hostile, 'closerange_then_open.py'), args: [mine], cwd: dir });
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    assert.strictEqual(fs.readFileSync(mine, 'utf8'), 'mine\n');
    assert.strictEqual(run.warnings?.filter((w) => /closed or replaced Memwise's channel/.test(w)).length, 1, JSON.stringify(run.warnings));
  });

  it('disarms its timer before os.exec*, so the exec\'d program is not killed by SIGPROF', async () => {
    const run = await profileScript({ script: path.join(hostile, 'exec_other.py'), args: [], cwd: hostile });
    assert.strictEqual(run.signal, null, `killed by ${run.signal}`);
    assert.strictEqual(run.exitCode, 0);
    assert.deepStrictEqual(run.logs.map((l) => l.text), ['exec ok']);
    assert.ok(!run.warnings?.some((w) => /channel/.test(w)), 'an exec is not a lost channel');
  });

  it('lets a child SIGTERMed right after os.fork die of it (the fork-mode Pool.terminate() hang)', async () => {
    // Memwise's SIGTERM handler is inherited across fork until the child's at-fork hook resets it; a SIGTERM
    // landing in between used to be caught and dropped, so the child lived on (5 of 5 here).
    const run = await profileScript({ script: path.join(hostile, 'fork_sigterm.py'), args: ['5'], cwd: hostile });
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    assert.deepStrictEqual(run.logs.map((l) => l.text), ['survived SIGTERM: 0 of 5']);
  });

  it('warns when the script turns the profiling timer off (0 location samples)', async () => {
    const run = await profileScript({ script: path.join(hostile, 'itimer_off.py'), args: [], cwd: hostile });
    assert.strictEqual(run.sampling?.locationSamples, 0);
    assert.ok(run.warnings?.some((w) => /disarmed the profiling timer/.test(w)), JSON.stringify(run.warnings));
  });

  it('leaves the script folder off sys.path under PYTHONSAFEPATH, as `python -P script.py` does', async () => {
    const dir = tempDir('safe');
    const script = path.join(dir, 'show_path.py');
    fs.writeFileSync(script, 'import sys\nprint(sys.path[0])\nprint(getattr(sys.flags, "safe_path", None))\n');
    const plain = await profileScript({ script, args: [], cwd: dir });
    assert.strictEqual(plain.logs[0].text, dir);
    const safe = await profileScript({ script, args: [], cwd: dir, env: { PYTHONSAFEPATH: '1' } });
    if (safe.logs[1]?.text !== 'True') return; // Python < 3.11 has no safe_path
    assert.notStrictEqual(safe.logs[0].text, dir);
    assert.ok(!safe.logs[0].text.includes(path.join('dist', 'python')) && !safe.logs[0].text.includes(path.join('extension', 'python')), safe.logs[0].text);
  });
});
