import * as assert from 'assert';
import { decimateIndices, nearestIndex, pick } from '../../../extension/src/core/report/decimate';

/** What a canvas would show per column: [min, max] of each column. */
function columnExtents(t: number[], v: number[], idx: number[], cols: number): [number, number][] {
  const t0 = t[0];
  const span = t[t.length - 1] - t0;
  const out: [number, number][] = Array.from({ length: cols }, () => [Infinity, -Infinity]);
  for (const i of idx) {
    const c = Math.min(cols - 1, Math.floor(((t[i] - t0) / span) * cols));
    out[c][0] = Math.min(out[c][0], v[i]);
    out[c][1] = Math.max(out[c][1], v[i]);
  }
  return out;
}

describe('decimate: min/max per pixel column', () => {
  const n = 200_000;
  const t = Array.from({ length: n }, (_, i) => i * 0.001);
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const v = t.map((x) => 100 + 50 * Math.sin(x) + rnd() * 5);

  it('never drops a one-sample spike (up or down)', () => {
    const spikes = v.slice();
    spikes[123_457] = 10_000; // one sample, way above
    spikes[77_777] = -500; // one sample, way below
    const idx = decimateIndices(t, [spikes], 800);
    assert.ok(idx.includes(123_457), 'the upward spike is kept');
    assert.ok(idx.includes(77_777), 'the downward spike is kept');
    assert.strictEqual(Math.max(...pick(spikes, idx)), 10_000);
    assert.strictEqual(Math.min(...pick(spikes, idx)), -500);
  });

  it('keeps each column’s min and max, so the drawn shape is unchanged', () => {
    const cols = 500;
    const all = t.map((_, i) => i);
    const idx = decimateIndices(t, [v], cols);
    assert.ok(idx.length <= cols * 2 + 2, `kept ${idx.length}`);
    assert.ok(idx.length >= cols, `kept ${idx.length}`);
    assert.deepStrictEqual(columnExtents(t, v, idx, cols), columnExtents(t, v, all, cols));
  });

  it('returns ascending unique indices and keeps both ends', () => {
    const idx = decimateIndices(t, [v], 300);
    for (let k = 1; k < idx.length; k++) assert.ok(idx[k] > idx[k - 1], `not ascending at ${k}`);
    assert.strictEqual(idx[0], 0);
    assert.strictEqual(idx[idx.length - 1], n - 1);
  });

  it('keeps every sample when there are fewer than two per column', () => {
    assert.deepStrictEqual(decimateIndices([0, 1, 2, 3], [[5, 6, 7, 8]], 100), [0, 1, 2, 3]);
    assert.deepStrictEqual(decimateIndices([], [[]], 100), []);
  });

  it('decimates only the visible range (zoom), with one sample either side', () => {
    const idx = decimateIndices(t, [v], 100, 50, 60);
    const first = t[idx[0]];
    const last = t[idx[idx.length - 1]];
    assert.ok(first < 50 && first > 49.99, `first ${first}`);
    assert.ok(last > 60 && last < 60.01, `last ${last}`);
    assert.ok(idx.length <= 202 + 2);
  });

  it('keeps spikes of every series (per-process series) and skips gaps', () => {
    const a = v.slice();
    const b: (number | null)[] = v.map((x, i) => (i < 1000 ? null : x / 2));
    b[150_001] = 99_999;
    const idx = decimateIndices(t, [a, b], 400);
    assert.ok(idx.includes(150_001));
  });

  it('finds the nearest sample', () => {
    assert.strictEqual(nearestIndex([0, 1, 2, 3], 1.4), 1);
    assert.strictEqual(nearestIndex([0, 1, 2, 3], 1.6), 2);
    assert.strictEqual(nearestIndex([0, 1, 2, 3], -5), 0);
    assert.strictEqual(nearestIndex([0, 1, 2, 3], 99), 3);
  });
});
