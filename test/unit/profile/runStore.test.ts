import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listRuns, loadRun, saveRun, validateRun } from '../../../extension/src/core/profile/runStore';
import { RUN_SCHEMA, type RunFile } from '../../../extension/src/core/profile/runFileTypes';

function sampleRun(i: number): RunFile {
  return {
    schema: RUN_SCHEMA,
    peakBytes: 1000 + i,
    peakT: 0.5,
    samples: { t: [0, 0.01], rss: [10, 20] },
    processes: [{ pid: 1, ppid: 0, command: 'python x.py', peakBytes: 1000 + i }],
    lines: [{ file: '/x.py', line: 3, function: 'f', growthBytes: 10, samples: 1 }],
    logs: [{ t: 0.1, stream: 'stdout', text: 'héllo <b>' }],
    exitCode: 0,
    durationS: 1,
    stoppedAtCap: false,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    script: '/x.py',
    cwd: '/',
    command: ['python', 'x.py'],
    interpreter: { kind: 'python', path: '/usr/bin/python3', version: '3.11.7' },
    platform: { os: 'linux', release: '6', arch: 'x64', totalMemBytes: 1, cpus: 2 },
  };
}

describe('run store', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-runs-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips a run file and leaves no temp files', async () => {
    const run = sampleRun(1);
    const file = await saveRun(dir, run);
    assert.deepStrictEqual(loadRun(file), run);
    assert.deepStrictEqual(fs.readdirSync(dir), [path.basename(file)]);
  });

  it('keeps only the newest N, newest first', async () => {
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) saved.push(await saveRun(dir, sampleRun(i), 3));
    const listed = await listRuns(dir);
    assert.deepStrictEqual(listed, saved.slice(2).reverse());
  });

  it('never leaves a half-written file under the final name', async () => {
    // A reader polling during many concurrent writes only ever sees complete, valid run files.
    const writes = Array.from({ length: 10 }, (_, i) => saveRun(dir, sampleRun(i), 50));
    let reads = 0;
    const poll = setInterval(() => {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        loadRun(path.join(dir, f));
        reads++;
      }
    }, 1);
    await Promise.all(writes);
    clearInterval(poll);
    assert.strictEqual((await listRuns(dir)).length, 10);
    assert.ok(reads >= 0);
  });

  it('names the file and the field when a run file is bad', () => {
    const bad = path.join(dir, 'run-bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...sampleRun(1), samples: { t: [0, 1], rss: [1] } }));
    assert.throws(() => loadRun(bad), (e: Error) => e.message.startsWith(bad) && /"samples"/.test(e.message));
    fs.writeFileSync(bad, '{"schema": "memwise.run/1", "peak');
    assert.throws(() => loadRun(bad), /not valid JSON/);
    assert.match(validateRun({ ...sampleRun(1), schema: 'memwise.run/9' }) ?? '', /"schema" is "memwise.run\/9"/);
    assert.match(validateRun({ ...sampleRun(1), peakBytes: 'big' }) ?? '', /"peakBytes" must be a number/);
    assert.match(validateRun({ ...sampleRun(1), logs: [{ t: 1, stream: 'tty', text: '' }] }) ?? '', /logs\[0\]/);
    assert.strictEqual(validateRun(sampleRun(1)), undefined);
  });

  it('writes memwise.run/2 and still loads memwise.run/1 files (every output line in `logs`)', async () => {
    assert.strictEqual(RUN_SCHEMA, 'memwise.run/2');
    const saved = await saveRun(dir, sampleRun(7), 20);
    assert.strictEqual(loadRun(saved).schema, 'memwise.run/2');
    // A file written by the previous version, kept as a fixture.
    const old = loadRun(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'runs', 'request_log.json'));
    assert.strictEqual(old.schema, 'memwise.run/1');
    assert.ok(old.logs.length > 0 && old.logsOmitted === undefined);
  });

  it('lists nothing for a missing directory', async () => {
    assert.deepStrictEqual(await listRuns(path.join(dir, 'nope')), []);
  });
});
