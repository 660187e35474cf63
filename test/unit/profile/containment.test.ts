// Issue 15, escapes and termination: real Python process trees, real signals to the real CLI (dist/cli.js).
// Each case here broke before: a setsid + double-forked daemon went unseen and unkilled, a child ignoring
// SIGTERM outlived the cap and the CLI, and SIGTERM/SIGHUP to `memwise profile|estimate` left the tree running.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileScript } from '../../../extension/src/core/profile/runner';
import { loadRun } from '../../../extension/src/core/profile/runStore';
import { running, startCli, tempDir, waitForFile } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const hostile = path.join(repo, 'test', 'fixtures', 'profile', 'hostile');
const MB = 1024 * 1024;

describe('containment: nothing escapes, nothing outlives Memwise', function () {
  this.timeout(60000);

  it('keeps a setsid + double-forked 300 MB daemon in the tree: measured, named, stopped', async () => {
    const dir = tempDir('daemon');
    const pidFile = path.join(dir, 'pid');
    const run = await profileScript({ script: path.join(hostile, 'daemon_grandchild.py'), args: [pidFile, '1.0'], cwd: dir });
    const daemon = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(run.peakBytes >= 300 * MB, `peak ${(run.peakBytes / MB).toFixed(0)} MiB: the daemon was not measured`);
    assert.ok(!running(daemon), 'the daemon outlived the profile');
    assert.deepStrictEqual(
      run.leftovers?.map((l) => [l.pid, l.action]),
      [[daemon, 'stopped']],
    );
  });

  it('stops a child that ignores SIGTERM at the cap, and the CLI exits only after its SIGKILL', async () => {
    const dir = tempDir('cap');
    const pidFile = path.join(dir, 'pid');
    const { done } = startCli(['profile', path.join(hostile, 'term_ignoring_child.py'), '--max-memory', '200MB', '--no-save', '--quiet', '--', pidFile], dir);
    const r = await done;
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.strictEqual(r.code, 3, r.err);
    assert.ok(!running(child), 'the SIGTERM-ignoring child outlived the CLI');
    const peak = /peak\s+([\d.]+) MiB/.exec(r.out);
    assert.ok(peak && Number(peak[1]) < 3 * 200 * 0.954, `peak way past the cap: ${r.out}`);
  });

  for (const [sig, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    it(`${sig} to \`memwise profile\` stops the whole tree, saves the run marked cancelled, exits ${code}`, async () => {
      const dir = tempDir('sig');
      const pidFile = path.join(dir, 'pid');
      const { child: cliProc, done } = startCli(['profile', path.join(hostile, 'term_ignoring_child.py'), '--max-memory', '4GB', '--', pidFile], dir);
      const child = Number(await waitForFile(pidFile));
      await new Promise((r) => setTimeout(r, 300));
      cliProc.kill(sig);
      const r = await done;
      assert.strictEqual(r.code, code, r.err);
      assert.ok(!running(child), `the profiled child survived ${sig}`);
      const runs = path.join(dir, '.memwise', 'runs');
      const files = fs.readdirSync(runs).filter((f) => f.endsWith('.json'));
      assert.strictEqual(files.length, 1, `no run file: ${r.out}\n${r.err}`);
      const run = loadRun(path.join(runs, files[0]));
      assert.strictEqual(run.cancelled, true);
      assert.strictEqual(run.stopSignal, sig);
      assert.ok(run.processes.length >= 2, 'the child was sampled');
    });
  }

  it('SIGTERM to `memwise estimate` stops the running sample and removes the sample folder', async () => {
    const dir = tempDir('est');
    const tmp = tempDir('est-tmp');
    const input = path.join(dir, 'in.txt');
    fs.writeFileSync(input, 'x\n'.repeat(1000));
    const script = path.join(dir, 'slow.py');
    fs.writeFileSync(script, 'import os, sys, time\nopen(os.path.join(os.environ["PIDDIR"], str(os.getpid())), "w").close()\ntime.sleep(60)\n');
    const pidDir = tempDir('est-pids');
    const { child: cliProc, done } = startCli(['estimate', script, '--input', input, '--', '{input}'], dir, { ...process.env, TMPDIR: tmp, PIDDIR: pidDir });
    const end = Date.now() + 20000;
    while (!fs.readdirSync(pidDir).length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const scriptPid = Number(fs.readdirSync(pidDir)[0]);
    assert.ok(scriptPid > 0 && fs.readdirSync(tmp).some((n) => n.startsWith('memwise-estimate-')), 'the sample folder exists while it runs');
    cliProc.kill('SIGTERM');
    const r = await done;
    assert.strictEqual(r.code, 143, r.err);
    assert.ok(!running(scriptPid), 'the sample run survived');
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'the sample folder was left behind');
  });

  it('stops and names descendants left running when the script ends; --wait-children measures them to the end', async () => {
    const dir = tempDir('left');
    const stopped = await profileScript({ script: path.join(hostile, 'sleeper_child.py'), args: ['30'], cwd: dir });
    assert.strictEqual(stopped.leftovers?.length, 1);
    assert.strictEqual(stopped.leftovers[0].action, 'stopped');
    assert.match(stopped.leftovers[0].command, /time\.sleep\(30\)/);
    assert.ok(!running(stopped.leftovers[0].pid));
    assert.ok(stopped.durationS < 10);
    const waited = await profileScript({ script: path.join(hostile, 'sleeper_child.py'), args: ['1.5'], cwd: dir, waitChildren: true });
    assert.strictEqual(waited.leftovers?.[0]?.action, 'waited');
    assert.ok(waited.durationS >= 1.4, `stopped after ${waited.durationS} s`);
    assert.ok(waited.processes.length >= 2);
  });

  it('Node scripts without a cgroup: a detached child left running is stopped and named, and the run says Node has no subreaper', async () => {
    // cgroup 'off': what holds where no cgroup is writable (cgroupContainment.test.ts covers the cgroup case).
    const run = await profileScript({ script: path.join(hostile, 'detached_child.js'), args: [], cwd: hostile, cgroup: 'off' });
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(run.leftovers?.length, 1, JSON.stringify(run.processes.map((p) => p.command)));
    assert.match(run.leftovers[0].command, /setTimeout/);
    assert.ok(!running(run.leftovers[0].pid), 'the detached child outlived the profile');
    assert.ok(run.warnings?.some((w) => /Node scripts run without a child subreaper/.test(w)), JSON.stringify(run.warnings));
  });

  it('waits for a non-daemonic multiprocessing child as Python does: not a leftover, not stopped', async () => {
    const run = await profileScript({ script: path.join(hostile, 'mp_nondaemon.py'), args: [], cwd: hostile });
    assert.strictEqual(run.exitCode, 0);
    assert.deepStrictEqual(run.logs.map((l) => l.text), ['main returns', 'child finished']);
    assert.strictEqual(run.leftovers, undefined);
  });
});
