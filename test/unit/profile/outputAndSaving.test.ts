// Issue 15: bounded memory whatever the script prints, saving never loses results, EPIPE is a quiet end.
// Real Python scripts, the real CLI, a real file-as-runs-dir, /proc, and a real tiny tmpfs where root may mount one.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { jsonPieces } from '../../../extension/src/core/profile/jsonStream';
import { LineKeeper, LineSplitter } from '../../../extension/src/core/profile/outputCapture';
import { profileScript } from '../../../extension/src/core/profile/runner';
import { loadRun, saveRun, writeFileAtomic } from '../../../extension/src/core/profile/runStore';
import { startCli, tempDir } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const hostile = path.join(repo, 'test', 'fixtures', 'profile', 'hostile');
const printer = path.join(hostile, 'print_volume.py');

describe('output volume: bounded memory, linear splitting, a log file beside the run', function () {
  this.timeout(120000);

  it('10 MB of blank lines: every byte in the log file, a bounded set of lines kept, sampling goes on', async () => {
    const dir = tempDir('blank');
    const logFile = path.join(dir, 'out.log');
    const run = await profileScript({ script: printer, args: ['blank', String(10 * 1024 * 1024)], cwd: dir, logFile });
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(fs.statSync(logFile).size, 10 * 1024 * 1024);
    assert.ok(run.logs.length <= 5000, `${run.logs.length} lines kept`);
    assert.strictEqual(run.logs.length + (run.logsOmitted ?? 0), 10 * 1024 * 1024);
    assert.strictEqual(run.logFile, logFile);
    assert.ok(run.sampling!.achievedHz > 20, `sampling fell to ${run.sampling!.achievedHz} Hz while output flooded in`);
    // The run file itself stays small and loads.
    const saved = await saveRun(dir, run);
    assert.ok(fs.statSync(saved).size < 5 * 1024 * 1024);
    assert.strictEqual(loadRun(saved).logsOmitted, run.logsOmitted);
  });

  it('a 100 MB line with no newline is kept as a short marker, whole in the log file', async () => {
    const dir = tempDir('long');
    const logFile = path.join(dir, 'out.log');
    const run = await profileScript({ script: printer, args: ['long', String(100 * 1024 * 1024)], cwd: dir, logFile });
    assert.strictEqual(fs.statSync(logFile).size, 100 * 1024 * 1024);
    assert.strictEqual(run.logs.length, 1);
    assert.match(run.logs[0].text, /^x{4096}… \[\d+ more bytes in the log file\]$/);
  });

  it('the CLI echoes the output byte for byte, however long the line', async () => {
    const r = await startCli(['profile', printer, '--no-save', '--', 'long', String(1 << 20)], tempDir('echo')).done;
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out.split('\n')[0], 'x'.repeat(1 << 20));
  });

  it('splits lines in linear time and keeps first, last, log-looking and an even sample of the rest', () => {
    const got: string[] = [];
    const s = new LineSplitter((text) => got.push(text), 8);
    for (const piece of ['ab', 'c\r\nde', 'fghijklmnop', '\n\n', 'tail']) s.push(Buffer.from(piece));
    s.end();
    assert.deepStrictEqual(got, ['abc', 'defghijk', '', 'tail']);
    const k = new LineKeeper();
    for (let i = 0; i < 100_000; i++) k.add({ t: i, stream: 'stdout', text: i === 50_000 ? 'ERROR disk full' : `row ${i}` });
    const kept = k.lines();
    assert.ok(kept.length < 3500);
    assert.strictEqual(kept.length + k.omitted, 100_000);
    assert.strictEqual(kept[0].text, 'row 0');
    assert.strictEqual(kept.at(-1)!.text, 'row 99999');
    assert.ok(kept.some((l) => l.text === 'ERROR disk full'));
    for (let i = 1; i < kept.length; i++) assert.ok(kept[i - 1].t < kept[i].t, 'in arrival order');
  });

  it('writes run files as a stream: the same text as JSON.stringify', () => {
    const value = { schema: 'memwise.run/1', a: [1, 2.5, null, undefined, 'x"y'], b: { c: undefined, d: [[], {}], e: 'é\n' }, t: Array.from({ length: 50_000 }, (_, i) => i / 7) };
    assert.strictEqual([...jsonPieces(value, 1000)].join(''), JSON.stringify(value));
  });
});

describe('saving never loses results', function () {
  this.timeout(60000);
  const quick = path.join(hostile, 'itimer_off.py');

  it('a runs dir that is a file: summary, --json and --html still go out, one clear line, exit 2', async () => {
    const dir = tempDir('file-runs');
    fs.writeFileSync(path.join(dir, 'runs'), 'not a folder');
    const { done } = startCli(['profile', quick, '--runs-dir', 'runs', '--json', 'out.json', '--html', 'out.html'], dir);
    const r = await done;
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.out, /── Memwise profile/);
    assert.ok(loadRun(path.join(dir, 'out.json')).peakBytes > 0);
    assert.ok(fs.statSync(path.join(dir, 'out.html')).size > 1000);
    const lines = r.err.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.err);
    assert.match(lines[0], /could not write the run file in .*runs \(E\w+\); pass --runs-dir with a writable folder, or --no-save/);
    assert.doesNotMatch(r.err, /internal error|\n\s+at /);
  });

  it('refuses a runs dir or --json under /proc and /sys before running the script', async () => {
    for (const args of [['--runs-dir', '/proc/self/memwise'], ['--no-save', '--json', '/sys/kernel/x.json']]) {
      const { done } = startCli(['profile', quick, ...args], repo);
      const r = await done;
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /is under \/(proc|sys), a kernel file system/);
      assert.doesNotMatch(r.out, /Memwise profile/);
    }
  });

  it('removes the temp file when the disk fills up (a real 64 KB tmpfs)', async function () {
    const mnt = tempDir('tiny');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      this.skip(); // not root, or no mount permission here
    }
    try {
      await assert.rejects(writeFileAtomic(path.join(mnt, 'run.json'), jsonPieces({ big: 'x'.repeat(1024 * 1024) })), /ENOSPC/);
      assert.deepStrictEqual(fs.readdirSync(mnt), []);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });

  it('a read-only runs dir (a real read-only tmpfs): the summary still goes out, exit 2', async function () {
    const dir = tempDir('ro');
    const mnt = path.join(dir, 'runs');
    fs.mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    try {
      const r = await startCli(['profile', quick, '--runs-dir', mnt], dir).done;
      assert.strictEqual(r.code, 2);
      assert.match(r.out, /peak\s/);
      assert.match(r.err, /could not write the run file .*\(EROFS\)/);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });

  it('pruning deletes only run files Memwise wrote', async () => {
    const dir = tempDir('prune');
    const foreign = path.join(dir, 'run-2020-01-01T00-00-00-000Z-x.py-abc123.json');
    fs.writeFileSync(foreign, '{"mine": "not memwise"}');
    const run = await profileScript({ script: quick, args: [], cwd: dir });
    const older = await saveRun(dir, run, 1);
    const newer = await saveRun(dir, { ...run, startedAt: new Date(Date.parse(run.startedAt) + 1000).toISOString() }, 1);
    assert.ok(fs.existsSync(foreign), 'a file Memwise did not write was deleted');
    assert.ok(!fs.existsSync(older) && fs.existsSync(newer), 'the older run of its own was pruned');
  });
});

describe('EPIPE on stdout is a quiet, normal end', function () {
  this.timeout(60000);

  for (const cmd of ['lint', 'profile'] as const) {
    it(`memwise ${cmd} | head -1`, async () => {
      const dir = tempDir(`epipe-${cmd}`);
      const args = cmd === 'lint' ? ['lint', path.join(repo, 'test', 'fixtures', 'profile')] : ['profile', printer, '--', 'lines', '200000'];
      const { child, done } = startCli(args, dir);
      // `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const r = await done;
      assert.doesNotMatch(r.err, /EPIPE|internal error|\n\s+at /, r.err);
      assert.ok(r.code === 0 || (cmd === 'lint' && r.code === 1), `exit ${r.code}: ${r.err}`);
      if (cmd === 'profile') {
        const runs = path.join(dir, '.memwise', 'runs');
        assert.strictEqual(fs.readdirSync(runs).filter((n) => n.endsWith('.json')).length, 1, 'the run file was not saved');
      }
    });
  }
});
