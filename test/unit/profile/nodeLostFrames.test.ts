// The Node preload's line samples when V8 loses the running frame (extension/node/memwise_lost_frames.cjs):
// real CPU profiles of a real Node process, and the resolution rule on its own.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cpuLinesOf, tempDir } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const grow = path.join(repo, 'test', 'fixtures', 'profile', 'grow.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveLostFrames } = require(path.join(repo, 'extension', 'node', 'memwise_lost_frames.cjs'));

interface Rec {
  t: number;
  file: string;
  fn: string;
  line: number;
  path: string[];
  self: boolean;
}

/** The S records (function:line) the preload's line sampler writes for one real V8 CPU profile. */
function linesOf(profile: unknown): string[] {
  return cpuLinesOf(profile, grow).map((r) => r.at);
}

describe('Node line samples where V8 lost the running frame', function () {
  this.timeout(120000);

  it('keeps the samples of a long call inside it: no caller-line sample between two samples of makeRows', () => {
    // --no-opt makes V8 lose the frame more often (16% of user samples against ~5%): 1 ms samples over 5 runs.
    const dir = tempDir('lostframes');
    let strays = 0;
    let inside = 0;
    const seen: string[] = [];
    for (let run = 0; run < 5; run++) {
      const r = spawnSync(process.execPath, ['--no-opt', '--cpu-prof', '--cpu-prof-interval', '1000', '--cpu-prof-dir', dir, grow, '100000'], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
    }
    for (const f of fs.readdirSync(dir)) {
      const lines = linesOf(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      const first = lines.indexOf('makeRows:4');
      const last = lines.lastIndexOf('makeRows:4');
      assert.ok(first >= 0, `no makeRows samples: ${lines.join(' ')}`);
      lines.slice(first, last + 1).forEach((l, i, all) => {
        if (l === 'makeRows:4') return void inside++;
        strays++;
        seen.push(all.slice(Math.max(0, i - 3), i + 4).join(' '));
      });
    }
    assert.ok(inside > 50, `${inside} samples inside makeRows`);
    assert.strictEqual(strays, 0, `${strays} samples between makeRows samples were charged elsewhere: ${seen.join(' | ')}`);
  });

  const T = 'file:///s.js\0\0' + '0\0' + '0';
  const C = 'file:///s.js\0makeRows\0' + '2\0' + '18';
  const D = 'file:///s.js\0other\0' + '9\0' + '14';
  const src: Record<number, string> = { 6: 'makeRows(n);', 7: 'const s = JSON.stringify(makeRows(n));' };
  const sourceLine = (_f: string, n: number) => src[n] ?? '';
  const top = (t: number, line: number, more: Partial<Rec> = {}): Rec => ({ t, file: '/s.js', fn: '', line, path: [T], self: true, ...more });
  const inRows = (t: number, line = 4): Rec => ({ t, file: '/s.js', fn: 'makeRows', line, path: [T, C], self: true });
  const where = (recs: Rec[]) => recs.map((r) => `${r.fn || 'top'}:${r.line}`).join(' ');

  it('gives a lost-frame run the location of the next sample inside the call', () => {
    const recs = [inRows(1), top(2, 6), top(3, 6), inRows(4)];
    const { ready, held } = resolveLostFrames(recs, true, sourceLine);
    assert.strictEqual(where(ready), 'makeRows:4 makeRows:4 makeRows:4 makeRows:4');
    assert.strictEqual(held.length, 0);
    // Lost frames around skipped GC pauses on a loaded machine: a longer run between two samples inside the call.
    const gcs = [inRows(1), top(2, 6), top(3, 6), top(4, 6), top(5, 6), top(6, 6), top(7, 6), top(8, 6), inRows(9)];
    assert.strictEqual(where(resolveLostFrames(gcs, true, sourceLine).ready), Array(9).fill('makeRows:4').join(' '));
    // Between two samples inside the call, a longer run (three in a row were seen under load).
    const three = [inRows(1), top(2, 6), top(3, 6), top(4, 6), inRows(5)];
    assert.strictEqual(where(resolveLostFrames(three, true, sourceLine).ready), Array(5).fill('makeRows:4').join(' '));
    // Entering the call: nothing inside it sampled yet.
    assert.strictEqual(where(resolveLostFrames([top(1, 6), inRows(2)], true, sourceLine).ready), 'makeRows:4 makeRows:4');
  });

  it('leaves the caller its own work: after the call returns, a long run, a library frame, a line not calling it', () => {
    const keep = (recs: Rec[]) => assert.strictEqual(where(resolveLostFrames(recs.map((r) => ({ ...r })), true, sourceLine).ready), where(recs));
    keep([inRows(1), top(2, 7), top(3, 7)]); // JSON.stringify(makeRows(n)) after makeRows returned
    keep([top(1, 6), top(2, 6), top(3, 6), inRows(4)]); // three own samples before the call: the caller ran there
    const other = (t: number): Rec => ({ t, file: '/s.js', fn: 'other', line: 10, path: [T, D], self: true });
    keep([other(1), top(2, 6), top(3, 6), top(4, 6), inRows(5)]); // ... also when it came from another call
    keep([inRows(1), top(2, 6, { self: false }), inRows(3)]); // a sample in a library frame the caller called
    keep([inRows(1), top(2, 9), inRows(3)]); // line 9 does not call makeRows
    keep([inRows(1), top(2, 6), other(3)]); // next is in a call line 6 does not make
  });

  it('holds a possible lost-frame run at the end of a chunk until the next chunk says', () => {
    const first = resolveLostFrames([inRows(1), top(2, 6)], false, sourceLine);
    assert.strictEqual(where(first.ready), 'makeRows:4');
    assert.strictEqual(where(first.held), 'top:6');
    const second = resolveLostFrames([...first.held, inRows(3)], false, sourceLine, first.ready[0]);
    assert.strictEqual(where(second.ready), 'makeRows:4 makeRows:4');
    // A run waits one chunk at most: still nothing after it, it is written as it is.
    const again = resolveLostFrames([...first.held], false, sourceLine, first.ready[0]);
    assert.strictEqual(where(again.ready), 'top:6');
    // At exit nothing follows: the run keeps its line.
    assert.strictEqual(where(resolveLostFrames([inRows(1), top(2, 6)], true, sourceLine).ready), 'makeRows:4 top:6');
  });
});
