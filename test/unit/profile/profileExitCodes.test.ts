// `memwise profile` exit codes CI can trust (issue 16): a script that fails — non-zero exit, uncaught
// exception, killed by a signal — exits 4, distinct from 3 (over --budget / stopped at the cap) and 0.
// Real Python and Node scripts through the real CLI entry.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../runCli';

describe('memwise profile: exit codes for a failing script', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-exit-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('ok.py', 'print("fine")\n');
    write('exit5.py', 'import sys\nprint("about to fail")\nsys.exit(5)\n');
    write('raises.py', 'def load():\n    raise ValueError("bad row 7")\n\nload()\n');
    write('killed.py', 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n');
    write('big_then_raise.py', 'data = bytearray(80 * 1024 * 1024)\nfor i in range(0, len(data), 4096):\n    data[i] = 1\nraise RuntimeError("after the peak")\n');
    write('throws.js', 'function parse() { throw new Error("node failure"); }\nparse();\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const profile = (...args: string[]) => runCli(['profile', ...args, '--no-save', '--quiet'], dir);

  it('0 when the script exits 0', async () => {
    const r = await profile('ok.py', '--budget', '2GB');
    assert.strictEqual(r.code, 0, r.err);
  });

  it('4 for a non-zero exit, with the reason on stderr', async () => {
    const r = await profile('exit5.py', '--budget', '2GB');
    assert.strictEqual(r.code, 4, r.err);
    assert.match(r.err, /the script failed: exit code 5/);
    assert.match(r.out, /exit code 5/);
  });

  it('4 for an uncaught Python exception, naming it', async () => {
    const r = await profile('raises.py');
    assert.strictEqual(r.code, 4, r.err);
    assert.match(r.err, /the script failed: .*ValueError: bad row 7/);
  });

  it('4 for an uncaught Node exception', async () => {
    const r = await profile('throws.js');
    assert.strictEqual(r.code, 4, r.err);
    assert.match(r.err, /the script failed: .*exit code 1/);
  });

  it('4 when the script is killed by a signal', async () => {
    const r = await profile('killed.py', '--budget', '2GB');
    assert.strictEqual(r.code, 4, r.err);
    assert.match(r.err, /the script failed: killed by SIGKILL/);
  });

  it('3 when a failing script is also over --budget, with both reasons', async () => {
    const r = await profile('big_then_raise.py', '--budget', '40MB');
    assert.strictEqual(r.code, 3, r.err);
    assert.match(r.err, /exceeds the budget/);
    assert.match(r.err, /the script failed: .*RuntimeError: after the peak/);
  });
});
