// Issue 15, the cgroup point: real processes in a real memory cgroup of this machine (cgroup v1 here; the v2 file
// names are not exercised, see docs/run-file.md). Skipped, with the reason, where no cgroup is writable (no root,
// a read-only /sys/fs/cgroup): there the profiler keeps its process-tree containment, covered by containment.test.ts.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cgroupParents, openRunCgroup, type CgroupParent } from '../../../extension/src/core/profile/cgroupBox';
import { profileViaCli } from '../../../extension/src/core/profile/profileViaCli';
import { profileScript } from '../../../extension/src/core/profile/runner';
import { running, startCli, tempDir, waitForFile } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const hostile = path.join(repo, 'test', 'fixtures', 'profile', 'hostile');
const MB = 1024 * 1024;

/** The parent a run's cgroup goes in on this machine, or why there is none (then the real-process tests skip). */
function probe(): { parent?: CgroupParent; why?: string } {
  const opened = openRunCgroup('auto', 100 * MB);
  if (!opened.box) return { why: opened.reason ?? 'no cgroup' };
  const parent = { version: opened.box.version, dir: path.dirname(opened.box.dir) };
  opened.box.removeSync();
  return { parent };
}

/** Cgroups Memwise process `owner` created in `parent` and left behind. */
function leftBehind(parent: CgroupParent, owner: number): string[] {
  return fs.readdirSync(parent.dir).filter((n) => n.startsWith(`memwise-${owner}-`));
}

describe('cgroup discovery (from /proc/self/cgroup and mountinfo)', () => {
  const mountinfo = [
    '30 25 0:26 / /sys/fs/cgroup rw,nosuid - tmpfs tmpfs rw,mode=755',
    '35 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
    '36 30 0:32 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
    '37 30 0:33 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids',
  ].join('\n');

  it('offers the v2 cgroup first, then the v1 memory controller, under their mount points', () => {
    const procCgroup = '8:pids:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/user.slice/x.scope\n';
    assert.deepStrictEqual(cgroupParents(procCgroup, mountinfo), [
      { version: 'v2', dir: '/sys/fs/cgroup/unified/user.slice/x.scope' },
      { version: 'v1', dir: '/sys/fs/cgroup/memory/process_api/abc' },
    ]);
  });

  it('strips a mount root (a container that mounts its own cgroup) and reads escaped mount points', () => {
    const info = '40 1 0:40 /docker/abc /sys/fs/cgroup\\040x rw - cgroup2 cgroup2 rw';
    assert.deepStrictEqual(cgroupParents('0::/docker/abc/sub\n', info), [{ version: 'v2', dir: '/sys/fs/cgroup x/sub' }]);
  });

  it('offers nothing without a memory controller or a cgroup2 mount', () => {
    assert.deepStrictEqual(cgroupParents('4:cpu:/a\n', mountinfo), []);
    assert.deepStrictEqual(cgroupParents('0::/a\n', '35 30 0:31 / /x rw - ext4 /dev/sda rw'), []);
  });
});

describe('cgroup containment with real processes', function () {
  this.timeout(60000);
  const found = probe();
  before(function () {
    if (!found.parent) {
      console.log(`      (skipped: no writable memory cgroup on this machine: ${found.why})`);
      this.skip();
    }
  });

  it('puts the profiled Python process in its cgroup before the script runs, with its children, and keeps the variable out of its env', async () => {
    const run = await profileScript({ script: path.join(hostile, 'cgroup_membership.py'), args: [], cwd: hostile });
    const c = run.containment!;
    assert.strictEqual(c.method, found.parent!.version === 'v2' ? 'cgroup-v2' : 'cgroup-v1');
    const name = path.basename(c.cgroup!);
    const text = run.logs.map((l) => l.text);
    assert.ok(text[0].startsWith('self ') && text[0].endsWith(`/${name}`), `${text[0]} is not in ${name}`);
    assert.ok(text[1].endsWith(`/${name}`), `the child was born outside the cgroup: ${text[1]}`);
    assert.strictEqual(text[2], 'env False');
    assert.ok(!fs.existsSync(c.cgroup!), 'the cgroup was not removed');
    assert.ok(c.hardLimitBytes! > run.memoryCapBytes!, 'the kernel limit is a backstop above the cap');
  });

  it('Node: a setsid double-forked daemon that left the tree is counted, named, killed, and the cgroup removed', async () => {
    const dir = tempDir('cg-node');
    const pidFile = path.join(dir, 'pid');
    const run = await profileScript({ script: path.join(hostile, 'node_escaping_daemon.js'), args: [pidFile, '200', '0.5'], cwd: dir });
    const daemon = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
    assert.ok(!running(daemon), 'the escaped daemon outlived the profile');
    assert.ok(run.peakBytes >= 200 * MB, `peak ${(run.peakBytes / MB).toFixed(0)} MiB: the escaped daemon was not counted`);
    assert.ok(run.processes.some((p) => p.pid === daemon && p.peakBytes >= 200 * MB), 'the daemon is not among the processes');
    assert.ok((run.containment!.cgroupPeakBytes ?? 0) >= 200 * MB, `cgroup peak ${run.containment!.cgroupPeakBytes}`);
    assert.deepStrictEqual(
      run.leftovers?.filter((l) => l.pid === daemon).map((l) => l.action),
      ['stopped'],
    );
    assert.ok(!run.warnings?.some((w) => /without a child subreaper/.test(w)), 'the cgroup holds Node trees: no subreaper warning');
    assert.ok(!fs.existsSync(run.containment!.cgroup!), 'the cgroup was not removed');
  });

  it('SIGTERM to `memwise profile` kills the escaped daemon through the cgroup and removes it', async () => {
    const dir = tempDir('cg-sig');
    const pidFile = path.join(dir, 'pid');
    const { child: cli, done } = startCli(['profile', path.join(hostile, 'node_escaping_daemon.js'), '--no-save', '--quiet', '--', pidFile, '50', '60'], dir);
    const daemon = Number(await waitForFile(pidFile));
    await new Promise((r) => setTimeout(r, 300));
    cli.kill('SIGTERM');
    const r = await done;
    assert.strictEqual(r.code, 143, r.err);
    assert.ok(!running(daemon), 'the escaped daemon survived SIGTERM to the CLI');
    assert.match(r.out, /containment cgroup v[12]/);
    assert.deepStrictEqual(leftBehind(found.parent!, cli.pid!), []);
  });

  it("the kernel's limit is a backstop: a script faster than the poller is OOM-killed just above the cap, and the run says so", async function () {
    if (fs.readFileSync('/proc/swaps', 'utf8').trim().split('\n').length > 1) this.skip(); // with swap it would page, not die
    // A 5 s poll interval: Memwise's own stop at the cap cannot come first, so the kernel's limit has to.
    const run = await profileScript({ script: path.join(hostile, 'oom_fast.py'), args: ['600'], cwd: hostile, intervalMs: 5000, memoryCapBytes: 100 * MB });
    const c = run.containment!;
    assert.strictEqual(run.signal, 'SIGKILL', `not killed: ${JSON.stringify(run.logs)}`);
    assert.ok((c.oomKills ?? 0) >= 1, JSON.stringify(c));
    assert.strictEqual(run.stoppedAtCap, true);
    assert.match(run.capContext ?? '', /kernel's cgroup limit/);
    assert.ok(c.cgroupPeakBytes! <= c.hardLimitBytes!, `cgroup peak ${c.cgroupPeakBytes} above the limit ${c.hardLimitBytes}`);
    assert.ok(c.hardLimitBytes! < 200 * MB);
    // The poller never saw the climb (5 s interval): the cgroup's peak is the run's floor, and the run says so.
    assert.ok(run.peakBytes >= c.cgroupPeakBytes!, `peak ${run.peakBytes} below the cgroup's ${c.cgroupPeakBytes}`);
    assert.ok(run.peakBytes > 100 * MB, `peak ${run.peakBytes}`);
    assert.ok(run.warnings?.some((w) => /the peak is the cgroup's/.test(w)), JSON.stringify(run.warnings));
  });

  it('removes an empty cgroup left by a Memwise that was SIGKILLed (its pid is gone) at the next run', async () => {
    const dead = Number(execFileSync(process.execPath, ['-p', 'process.pid']).toString().trim());
    const stale = path.join(found.parent!.dir, `memwise-${dead}-stale1`);
    fs.mkdirSync(stale);
    try {
      await profileScript({ script: path.join(hostile, 'cgroup_membership.py'), args: [], cwd: hostile });
      assert.ok(!fs.existsSync(stale), 'the stale cgroup is still there');
    } finally {
      if (fs.existsSync(stale)) fs.rmdirSync(stale);
    }
  });

  it('removes the cgroup when the run cannot even start', async () => {
    await assert.rejects(profileScript({ script: path.join(hostile, 'oom_fast.py'), args: ['4'], cwd: hostile, interpreter: '/nonexistent/python3' }), /No usable Python 3/);
    assert.deepStrictEqual(leftBehind(found.parent!, process.pid), []);
  });

  it('--no-cgroup and MEMWISE_CGROUP=off keep the process-tree containment and say so', async () => {
    const off = await profileScript({ script: path.join(hostile, 'cgroup_membership.py'), args: [], cwd: hostile, cgroup: 'off' });
    assert.deepStrictEqual(off.containment, { method: 'process-tree', reason: 'turned off by --no-cgroup or MEMWISE_CGROUP=off' });
    const env = await profileScript({ script: path.join(hostile, 'cgroup_membership.py'), args: [], cwd: hostile, env: { MEMWISE_CGROUP: 'off' } });
    assert.strictEqual(env.containment?.method, 'process-tree');
  });

  it("the editor's way (the CLI in a child process) uses the cgroup too; memwise.profile.cgroup = false turns it off", async () => {
    const script = path.join(hostile, 'cgroup_membership.py');
    const on = await profileViaCli({ script, args: [], cwd: hostile });
    assert.match(on.run.containment?.method ?? '', /^cgroup-v[12]$/);
    const off = await profileViaCli({ script, args: [], cwd: hostile, cgroup: 'off' });
    assert.strictEqual(off.run.containment?.method, 'process-tree');
    assert.match(off.run.containment?.reason ?? '', /--no-cgroup/);
  });
});

describe('a cgroup that cannot be used falls back to process-tree containment, with a warning', function () {
  this.timeout(60000);
  const script = path.join(hostile, 'cgroup_membership.py');

  it('MEMWISE_CGROUP_PARENT naming a folder that is not a cgroup', async () => {
    const dir = tempDir('cg-plain');
    const run = await profileScript({ script, args: [], cwd: hostile, env: { MEMWISE_CGROUP_PARENT: dir } });
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(run.containment?.method, 'process-tree');
    assert.ok(run.warnings?.some((w) => w.includes(`MEMWISE_CGROUP_PARENT=${dir} is not a cgroup`)), JSON.stringify(run.warnings));
  });

  it('a cgroup created but unusable (no memory files in it) is removed again', async () => {
    // Looks like a v1 memory cgroup from outside, but the child it gets is a plain folder without cgroup files.
    const dir = tempDir('cg-fake');
    fs.writeFileSync(path.join(dir, 'memory.limit_in_bytes'), '9223372036854771712\n');
    const run = await profileScript({ script, args: [], cwd: hostile, env: { MEMWISE_CGROUP_PARENT: dir } });
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(run.containment?.method, 'process-tree');
    assert.ok(run.warnings?.some((w) => /MEMWISE_CGROUP_PARENT could not be used: .*has no cgroup.procs/.test(w)), JSON.stringify(run.warnings));
    assert.deepStrictEqual(fs.readdirSync(dir), ['memory.limit_in_bytes'], 'the unusable cgroup folder was left behind');
  });

  it('a read-only cgroup (a real one, bind-mounted read-only as in a container)', async function () {
    const real = probe().parent;
    if (!real) this.skip();
    const mnt = tempDir('cg-ro');
    try {
      execFileSync('mount', ['--bind', '-o', 'ro', real!.dir, mnt], { stdio: 'ignore' });
    } catch {
      console.log('      (skipped: cannot bind-mount here; needs root)');
      this.skip();
    }
    try {
      const run = await profileScript({ script, args: [], cwd: hostile, env: { MEMWISE_CGROUP_PARENT: mnt } });
      assert.strictEqual(run.exitCode, 0);
      assert.strictEqual(run.containment?.method, 'process-tree');
      assert.match(run.containment?.reason ?? '', /EROFS/);
      assert.ok(run.warnings?.some((w) => /MEMWISE_CGROUP_PARENT could not be used: no usable cgroup .*EROFS/.test(w)), JSON.stringify(run.warnings));
    } finally {
      execFileSync('umount', [mnt]);
      fs.rmdirSync(mnt);
    }
  });
});
