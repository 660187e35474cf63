// The Python helper's own tests (test/python, stdlib unittest on real fds and processes), run by the project's
// test command: one mocha test per unittest run, failing with unittest's report.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const repo = path.resolve(__dirname, '..', '..', '..', '..');

describe('Python helper (unittest: channel identity, exec guard, subreaper, leftovers, sys.path)', function () {
  this.timeout(120000);

  it('python3 -m unittest discover test/python', () => {
    const r = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', path.join(repo, 'test', 'python'), '-p', 'test_*.py', '-v'], { encoding: 'utf8' });
    assert.strictEqual(r.error, undefined, `python3 could not run: ${r.error?.message}`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /^OK/m);
    assert.doesNotMatch(r.stderr, /skipped/, 'no test may skip on Linux');
  });
});
