// The header's command line: what the user would type, recovered from what the profiler spawned (issue 16:
// the live header showed `python3 …/memwise_helper.py /abs/script.py`).
import * as assert from 'assert';
import { userCommandLine } from '../../../extension/src/core/report/commandLine';

describe('userCommandLine', () => {
  it('drops the helper and the preload flags, keeps the interpreter name, the script as typed and its args', () => {
    assert.strictEqual(userCommandLine(['/usr/bin/python3', '/x/dist/python/memwise_helper.py', '/w/etl.py', '--rows', '10'], '/w/etl.py', { cwd: '/w' }), 'python3 etl.py --rows 10');
    assert.strictEqual(userCommandLine(['/usr/bin/node', '--require', '/x/dist/node/memwise_preload.cjs', '/w/src/job.mjs'], '/w/src/job.mjs', { cwd: '/w' }), 'node src/job.mjs');
    assert.strictEqual(userCommandLine(['/usr/bin/python3', '/x/memwise_helper.py', '/w/etl.py'], '/w/etl.py'), 'python3 /w/etl.py');
    assert.strictEqual(userCommandLine(['/opt/py/bin/python3.12', '/x/memwise_helper.py', '/w/a.py'], '/w/a.py', { cwd: '/w', interpreterPath: '/opt/py/bin/python3.12' }), 'python3.12 a.py');
  });

  it('quotes arguments so the line can be pasted into a shell', () => {
    assert.strictEqual(userCommandLine(['python3', 'h.py', '/w/a.py', 'two words', "it's", '$HOME'], '/w/a.py', { cwd: '/w' }), `python3 a.py 'two words' 'it'\\''s' '$HOME'`);
  });

  it('falls back to the command as run when the script is not in it', () => {
    assert.strictEqual(userCommandLine(['python3', '-c', 'pass'], '/w/a.py'), 'python3 -c pass');
    assert.strictEqual(userCommandLine([], '/w/a.py'), '/w/a.py');
  });
});
