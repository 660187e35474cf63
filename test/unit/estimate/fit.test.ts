import * as assert from 'assert';
import { FitError, fitPeak, predictAt, type FitPoint } from '../../../extension/src/core/estimate/fit';
import { pooledNoise } from '../../../extension/src/core/estimate/sampleRuns';
import { rng } from '../seededRandom';

const MB = 1024 * 1024;
// Sample sizes like the default fractions 1%, 2%, 5%, 10% of a 1 GB input; the target is the full input.
const FULL = 1e9;
const XS = [0.01, 0.02, 0.05, 0.1].map((f) => f * FULL);

function points(f: (x: number) => number, noise = 0, seed = 1, xs = XS): FitPoint[] {
  const r = rng(seed);
  return xs.map((x) => ({ x, y: f(x) * (1 + noise * (2 * r() - 1)) }));
}

function relErr(got: number, want: number): number {
  return Math.abs(got - want) / want;
}

describe('estimate fit', () => {
  it('recovers an exact linear curve and chooses linear', () => {
    const f = (x: number) => 12 * MB + 2.5 * x;
    const fit = fitPeak(points(f));
    assert.strictEqual(fit.model.kind, 'linear');
    assert.strictEqual(fit.model.exponent, 1);
    assert.ok(!fit.model.superlinear);
    assert.ok(relErr(fit.model.a, 12 * MB) < 1e-6, `a=${fit.model.a}`);
    assert.ok(relErr(fit.model.b, 2.5) < 1e-9);
    const p = predictAt(fit, FULL);
    assert.ok(relErr(p.peakBytes, f(FULL)) < 1e-6);
    assert.ok(p.lowBytes <= p.peakBytes && p.peakBytes <= p.highBytes);
  });

  it('recovers an exact quadratic curve: power model, k ≈ 2, superlinear', () => {
    const f = (x: number) => 10 * MB + 3e-10 * x * x;
    const fit = fitPeak(points(f));
    assert.strictEqual(fit.model.kind, 'power');
    assert.ok(Math.abs(fit.model.exponent - 2) < 0.01, `k=${fit.model.exponent}`);
    assert.ok(fit.model.superlinear);
    assert.ok(relErr(predictAt(fit, FULL).peakBytes, f(FULL)) < 0.01);
  });

  it('handles a constant curve (streaming): flat prediction, not superlinear', () => {
    const fit = fitPeak(points(() => 20 * MB));
    assert.ok(!fit.model.superlinear);
    const p = predictAt(fit, FULL);
    assert.ok(relErr(p.peakBytes, 20 * MB) < 1e-6, `predicted ${p.peakBytes}`);
  });

  it('predicts n log n within 10% from 10% of the input and does not call it linear-exact', () => {
    const f = (x: number) => 5 * MB + 0.05 * x * Math.log(x);
    const fit = fitPeak(points(f));
    const p = predictAt(fit, FULL);
    assert.ok(relErr(p.peakBytes, f(FULL)) < 0.1, `predicted ${p.peakBytes} vs ${f(FULL)}`);
    assert.ok(fit.model.exponent < 1.15, `n log n should not be flagged superlinear (k=${fit.model.exponent})`);
  });

  it('noisy linear (±2%, several seeds): within 15%, true value inside or near the band', () => {
    const f = (x: number) => 15 * MB + 1.2 * x;
    for (const seed of [1, 2, 3, 4, 5]) {
      const fit = fitPeak(points(f, 0.02, seed));
      const p = predictAt(fit, FULL);
      assert.ok(relErr(p.peakBytes, f(FULL)) < 0.15, `seed ${seed}: ${p.peakBytes} vs ${f(FULL)} (${fit.model.kind} k=${fit.model.exponent})`);
      assert.ok(p.highBytes >= f(FULL) * 0.95 && p.lowBytes <= f(FULL) * 1.05, `seed ${seed}: band ${p.lowBytes}..${p.highBytes} misses ${f(FULL)}`);
      assert.ok(!fit.model.superlinear, `seed ${seed}: linear data flagged superlinear (k=${fit.model.exponent})`);
    }
  });

  it('noisy quadratic (±1%, more points): flagged superlinear, within 30%', () => {
    // The quadratic term must stand out of the noise at 10% of the input: 30 MB over a 10 MB base.
    const f = (x: number) => 10 * MB + 3e-9 * x * x;
    const xs = [0.02, 0.04, 0.06, 0.08, 0.1].map((q) => q * FULL);
    for (const seed of [7, 8, 9]) {
      const fit = fitPeak(points(f, 0.01, seed, xs));
      const p = predictAt(fit, FULL);
      assert.ok(fit.model.superlinear, `seed ${seed}: k=${fit.model.exponent}`);
      assert.ok(relErr(p.peakBytes, f(FULL)) < 0.3, `seed ${seed}: ${p.peakBytes} vs ${f(FULL)}`);
    }
  });

  it('noisy constant (±0.5%): stays within 15%', () => {
    for (const seed of [11, 12, 13]) {
      const fit = fitPeak(points(() => 30 * MB, 0.005, seed));
      const p = predictAt(fit, FULL);
      assert.ok(relErr(p.peakBytes, 30 * MB) < 0.15, `seed ${seed}: ${p.peakBytes} (${fit.model.kind} k=${fit.model.exponent})`);
    }
  });

  it('chooses by leave-one-out, not R²: power always has R² ≥ linear yet linear wins on linear data', () => {
    const fit = fitPeak(points((x) => 15 * MB + 1.2 * x, 0.02, 3));
    const [lin, pow] = fit.candidates;
    assert.strictEqual(lin.kind, 'linear');
    assert.strictEqual(pow.kind, 'power');
    assert.ok(pow.rSquared >= lin.rSquared - 1e-12);
    assert.strictEqual(fit.model.kind, 'linear');
  });

  it('with exactly 3 points fits linear only', () => {
    const fit = fitPeak(points((x) => MB + x, 0, 1, XS.slice(0, 3)));
    assert.strictEqual(fit.candidates.length, 1);
    assert.strictEqual(fit.model.kind, 'linear');
  });

  it('rejects degenerate input with a clear message', () => {
    assert.throws(() => fitPeak([{ x: 1, y: 1 }, { x: 2, y: 2 }]), (e: Error) => e instanceof FitError && /too few valid points.*at least 3/.test(e.message));
    assert.throws(
      () => fitPeak([{ x: 5, y: 1 }, { x: 5, y: 2 }, { x: 5, y: 3 }, { x: 5, y: 4 }]),
      (e: Error) => e instanceof FitError && /only 1 distinct size/.test(e.message),
    );
    assert.throws(
      () => fitPeak([{ x: 0, y: 1 }, { x: -1, y: 2 }, { x: 3, y: -3 }, { x: 4, y: NaN }, { x: 5, y: 9 }]),
      (e: Error) => e instanceof FitError && /1 of 5 have a positive size/.test(e.message),
    );
  });

  it('does not choose a power law from noise: linear is kept when its misses are within the measured run-to-run noise', () => {
    const sigma = 150 * 1024;
    const xs = [4000, 8000, 20000, 40000, 80000];
    const truth = (x: number) => 20 * MB + 1000 * x;
    // Bumps of about one noise standard deviation that happen to bow the points downwards.
    for (const bumps of [[0, 1, 1, 0.5, -1], [-1, 0.8, 1, 0.6, -1.2], [-1, 1, 1.5, 1, -1.5]]) {
      const pts = xs.map((x, i) => ({ x, y: truth(x) + bumps[i] * sigma }));
      const naive = fitPeak(pts, { sizeScatter: 0 });
      assert.strictEqual(naive.model.kind, 'power', 'without the noise figure the bumps look like curvature');
      const fit = fitPeak(pts, { noiseBytes: sigma });
      assert.strictEqual(fit.model.kind, 'linear');
      const p = predictAt(fit, 800000);
      assert.ok(relErr(p.peakBytes, truth(800000)) < 0.01, `${p.peakBytes}`);
      assert.ok(p.lowBytes <= truth(800000) && truth(800000) <= p.highBytes);
    }
  });

  it('widens the range by the measured noise, and by at least 3%', () => {
    const xs = [4000, 8000, 20000, 40000, 80000];
    const pts = xs.map((x) => ({ x, y: 20 * MB + 1000 * x }));
    const plain = predictAt(fitPeak(pts), 800000);
    const noisy = predictAt(fitPeak(pts, { noiseBytes: 20 * MB }), 800000);
    assert.ok(noisy.highBytes - noisy.peakBytes >= 40 * MB - 1, `±2σ: ${noisy.highBytes - noisy.peakBytes}`);
    assert.ok(plain.highBytes - plain.peakBytes >= 0.03 * plain.peakBytes - 1, 'at least ±3%');
    assert.ok(plain.highBytes - plain.peakBytes < noisy.highBytes - noisy.peakBytes);
  });

  // Peaks measured by the real profiler (3 repeats per size, under CPU load) for examples/estimate/linear_memory.py
  // on the ×10 test's samples; the real run on 400,000 rows peaked at 159,608,832 B. The first set is one whole
  // estimate of estimateFullSize.test.ts that came out +14.4% (power k = 1.07); the second combines measured
  // repeats from different estimates.
  const measuredLinear: { name: string; runs: [number, number[]][] }[] = [
    {
      name: 'one estimate of the ×10 test, +14.4% with a power law',
      runs: [
        [4000, [16207872, 16236544, 16228352]],
        [8000, [17539072, 17518592, 17580032]],
        [14000, [19636224, 19787776, 19644416]],
        [20000, [21864448, 21864448, 21905408]],
        [40000, [29319168, 29335552, 29372416]],
      ],
    },
    {
      name: '4 sizes, +20% with a power law',
      runs: [
        [4000, [16162816, 16158720, 16154624]],
        [8000, [17514496, 17530880, 17543168]],
        [14000, [19636224, 19644416, 19599360]],
        [20000, [21856256, 21868544, 21868544]],
      ],
    },
  ];
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor((v.length - 1) / 2)];

  it('does not read the allocator scatter between sizes as curvature: measured linear peaks stay linear at ×10 (issue 17 flake)', () => {
    const real = 159608832;
    for (const { name, runs } of measuredLinear) {
      const pts = runs.map(([x, r]) => ({ x, y: median(r) }));
      const noiseBytes = pooledNoise(runs.map(([, runPeaks]) => ({ runPeaks })));
      // Against the repeat noise alone (σ ≈ 15–50 KB) the ±0.1 MB scatter between sizes looked like k ≈ 1.08.
      const naive = predictAt(fitPeak(pts, { noiseBytes, sizeScatter: 0 }), 400000);
      assert.ok(relErr(naive.peakBytes, real) > 0.1, `${name}: without the scatter floor: ${naive.peakBytes}`);
      const fit = fitPeak(pts, { noiseBytes });
      assert.strictEqual(fit.model.kind, 'linear', name);
      const p = predictAt(fit, 400000, Math.max(...pts.map((q) => q.y)));
      assert.ok(relErr(p.peakBytes, real) < 0.05, `${name}: ${p.peakBytes} vs ${real}`);
      assert.ok(p.lowBytes <= real && real <= p.highBytes, `${name}: ${p.lowBytes}..${p.highBytes}`);
    }
  });

  it('still chooses a power law where measured curvature clears the scatter (quadratic and sub-linear workloads)', () => {
    // Medians measured by the real profiler on examples/estimate/quadratic_memory.py and bench/estimate-workloads/sublinear.py.
    const quadratic = [[8, 14684160], [16, 14692352], [40, 14692352], [80, 14692352], [160, 14663680], [320, 15437824], [640, 17969152]];
    const sublinear = [[400, 15138816], [800, 15409152], [2000, 16027648], [4000, 16736256], [8000, 17833984], [16000, 19292160], [32000, 21737472], [40000, 22814720]];
    const q = fitPeak(quadratic.map(([x, y]) => ({ x, y })), { noiseBytes: 82508 });
    assert.strictEqual(q.model.kind, 'power');
    assert.ok(q.model.superlinear, `k=${q.model.exponent}`);
    const s = fitPeak(sublinear.map(([x, y]) => ({ x, y })), { noiseBytes: 55843 });
    assert.strictEqual(s.model.kind, 'power');
    assert.ok(s.model.exponent < 0.8, `k=${s.model.exponent}`);
  });
});
