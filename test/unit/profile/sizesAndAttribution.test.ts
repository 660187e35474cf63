import * as fs from 'fs';
import * as assert from 'assert';
import { attributeGrowth, intervalRises, locationsPerSample } from '../../../extension/src/core/profile/attribution';
import { parseSize } from '../../../extension/src/core/profile/sizes';
import { attributeByProcess, processRole } from '../../../extension/src/core/profile/processAttribution';

describe('parseSize', () => {
  const ram = 16 * 1024 ** 3;
  it('reads units, binary units, bare bytes and percentages', () => {
    assert.strictEqual(parseSize('500MB', '--x', ram), 500e6);
    assert.strictEqual(parseSize('2GiB', '--x', ram), 2 * 1024 ** 3);
    assert.strictEqual(parseSize('1.5 gb', '--x', ram), 1.5e9);
    assert.strictEqual(parseSize('80%', '--x', ram), Math.round(ram * 0.8));
    assert.strictEqual(parseSize('1048576', '--x', ram), 1048576);
  });
  it('explains what is wrong, naming the option', () => {
    assert.throws(() => parseSize('lots', '--max-memory', ram), /^Error: --max-memory: "lots" is not a size; use .*500MB/);
    assert.throws(() => parseSize('3XB', '--budget', ram), /--budget: unknown unit "XB"/);
    assert.throws(() => parseSize('150%', 'memwise.profile.memoryCap', ram), /memwise.profile.memoryCap: .* between 0 and 100/);
    assert.throws(() => parseSize('0MB', '--budget', ram), /greater than zero/);
  });
});

describe('attributeGrowth', () => {
  const codes = new Map([
    [0, { file: '/a.py', function: 'load' }],
    [1, { file: '/a.py', function: 'convert' }],
  ]);
  it('charges each rise to the line whose sample saw the memory arrive, and only rises', () => {
    const t = [0, 0.01, 0.02, 0.03, 0.04];
    const rss = [100, 200, 200, 1200, 300];
    const samples = [
      { t: 0.005, loc: 0, line: 5, rss: 100 },
      { t: 0.015, loc: 0, line: 5, rss: 200 },
      { t: 0.025, loc: 1, line: 9, rss: 1200 },
      { t: 0.035, loc: 1, line: 10, rss: 300 },
    ];
    const { lines, functions } = attributeGrowth(t, intervalRises(rss), samples, codes);
    assert.deepStrictEqual(lines.map((l) => [l.line, l.growthBytes, l.samples]), [[9, 1000, 1], [5, 100, 2], [10, 0, 1]]);
    assert.deepStrictEqual(functions.map((f) => [f.function, f.growthBytes]), [['convert', 1000], ['load', 100]]);
  });
  it('uses the next sample when none fell inside an interval (a long C call or GC pause)', () => {
    const { lines } = attributeGrowth([0, 0.5], intervalRises([0, 500]), [{ t: 0.52, loc: 1, line: 9 }], codes);
    assert.deepStrictEqual(lines.map((l) => [l.line, l.growthBytes]), [[9, 500]]);
  });
  it('counts a spike that came and went inside one interval (its peak), for the line whose VmHWM rose', () => {
    const t = [0, 0.1];
    const samples = [
      { t: 0.01, loc: 0, line: 5, rss: 100, hwm: 100 },
      { t: 0.05, loc: 1, line: 9, rss: 100, hwm: 900 }, // freed again, but VmHWM says it arrived
      { t: 0.09, loc: 1, line: 10, rss: 100, hwm: 900 },
    ];
    const { lines } = attributeGrowth(t, intervalRises([100, 100], [100, 900]), samples, codes);
    assert.deepStrictEqual(lines.map((l) => [l.line, l.growthBytes]), [[9, 800], [5, 0], [10, 0]]);
  });
  it('without the helper’s readings, shares a rise by the time each sample covers', () => {
    const samples = [
      { t: 0.03, loc: 0, line: 5 },
      { t: 0.1, loc: 1, line: 9 },
    ];
    const { lines } = attributeGrowth([0, 0.1], [0, 1000], samples, codes);
    assert.deepStrictEqual(lines.map((l) => [l.line, l.growthBytes]), [[9, 700], [5, 300]]);
  });
  it('maps each timeline sample to the line running then', () => {
    const { loc, locations } = locationsPerSample([0, 0.01, 0.02], [{ t: 0.005, loc: 0, line: 5 }, { t: 0.015, loc: 1, line: 9 }], codes);
    assert.deepStrictEqual(loc, [null, 0, 1]);
    assert.deepStrictEqual(locations.map((l) => l.line), [5, 9]);
  });
});

describe('process tree sampler', () => {
  it('says plainly that other platforms are not supported yet', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createProcessTreeSampler } = require('../../../extension/src/core/profile/processTreeSampler') as typeof import('../../../extension/src/core/profile/processTreeSampler');
    assert.throws(() => createProcessTreeSampler({}, 'darwin'), /not supported on darwin yet.*Linux/);
    assert.throws(() => createProcessTreeSampler({}, 'win32'), /not supported on win32 yet/);
  });

  it('reads this process (Linux): RSS, an interval peak ≥ RSS, and its command', () => {
    const { createProcessTreeSampler } = require('../../../extension/src/core/profile/processTreeSampler') as typeof import('../../../extension/src/core/profile/processTreeSampler');
    // exactIntervalPeaks off: resetting the test runner's own VmHWM is not this test's business.
    const s = createProcessTreeSampler({ exactIntervalPeaks: false });
    const [me] = s.read(process.pid).filter((r) => r.pid === process.pid);
    assert.ok(me && me.rssBytes > 10e6 && me.intervalPeakBytes >= me.rssBytes, JSON.stringify(me));
    assert.match(me.command, /node|mocha/);
    assert.strictEqual(s.peakMethod, 'linux-vmhwm');
  });

  it('keeps one open file per process between reads, sees the process go, and closes everything on dispose', async () => {
    const { spawn } = require('child_process') as typeof import('child_process');
    const { createProcessTreeSampler } = require('../../../extension/src/core/profile/processTreeSampler') as typeof import('../../../extension/src/core/profile/processTreeSampler');
    const openFds = () => fs.readdirSync('/proc/self/fd').length;
    const child = spawn('/bin/sleep', ['30'], { stdio: 'ignore' });
    const before = openFds();
    const s = createProcessTreeSampler({});
    try {
      const first = s.read(child.pid!);
      assert.strictEqual(first.length, 1);
      assert.ok(first[0].rssBytes > 0 && first[0].intervalPeakBytes >= first[0].rssBytes, JSON.stringify(first[0]));
      const opened = openFds() - before;
      assert.ok(opened >= 1 && opened <= 2, `status (+ clear_refs) held open: ${opened}`);
      for (let i = 0; i < 20; i++) assert.strictEqual(s.read(child.pid!).length, 1);
      assert.strictEqual(openFds() - before, opened, 'reads reuse the open files');
      s.dispose();
      assert.strictEqual(openFds(), before, 'dispose closes them');
      assert.strictEqual(s.read(child.pid!).length, 1, 'reading after dispose reopens');
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.deepStrictEqual(s.read(child.pid!), [], 'a reaped process reads as gone');
      assert.strictEqual(openFds(), before, 'files of a gone process are closed');
    } finally {
      child.kill('SIGKILL');
      s.dispose();
    }
  });
});

describe('attributeByProcess and processRole', () => {
  const codes = new Map([
    [0, { file: '/main.py', function: '<module>' }],
    [1, { file: '/main.py', function: 'work' }],
  ]);
  const t = [0, 0.1, 0.2, 0.3];
  it("charges a child's growth to its own samples, and a silent child's to its nearest sampled ancestor", () => {
    const procs = [
      { pid: 10, ppid: 1, t, rss: [100, 100, 100, 100], peak: [100, 100, 100, 100] },
      { pid: 11, ppid: 10, t, rss: [20, 520, 520, 520], peak: [20, 520, 520, 520] }, // a worker that samples
      { pid: 12, ppid: 10, t: [0.1, 0.2, 0.3], rss: [5, 305, 305], peak: [5, 305, 305] }, // `sort`: no samples
    ];
    const samples = [
      { t: 0.15, loc: 0, line: 3 }, // main, waiting on the child
      { t: 0.09, loc: 1, line: 7, pid: 11 },
    ];
    const { lines } = attributeByProcess(t, procs, 10, samples, codes);
    assert.deepStrictEqual(lines.map((l) => [l.function, l.line, l.growthBytes]), [['work', 7, 500], ['<module>', 3, 300]]);
  });
  it('names processes main, worker N, or the command without Memwise’s prelude', () => {
    const names = new Map([[11, 'ForkPoolWorker-2'], [12, 'Process-3'], [13, 'fetcher']]);
    const role = (pid: number, command = 'python3 x.py') => processRole({ pid, command }, 10, names);
    assert.deepStrictEqual([role(10), role(11), role(12), role(13)], ['main', 'worker 2', 'worker 3', 'fetcher']);
    assert.strictEqual(role(14, '/usr/bin/python3 -c #memwise{\ntry:\n pass\n#}memwise\nfrom multiprocessing.forkserver import main'), 'python3 -c from multiprocessing.forkserver import main');
  });
});
