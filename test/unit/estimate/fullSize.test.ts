import * as assert from 'assert';
import { FullSizeError, parseFullSize } from '../../../extension/src/core/estimate/fullSize';
import { capacityFor } from '../../../extension/src/core/estimate/capacity';

describe('--full-size forms and capacity answers', () => {
  const info = { records: 1000, sizeBytes: 32000, header: true, format: 'csv' as const };

  it('reads a multiple, a count of records and a byte size with a unit', () => {
    assert.deepStrictEqual(parseFullSize('10x', info), { records: 10000, sizeBytes: 320000, described: '10× the input', multiple: 10 });
    assert.strictEqual(parseFullSize('2.5×', info).records, 2500);
    assert.deepStrictEqual(parseFullSize('50000', info), { records: 50000, sizeBytes: 1600000, described: '50,000 CSV rows', multiple: 50 });
    assert.strictEqual(parseFullSize('1_000_000', info).records, 1000000);
    assert.deepStrictEqual(parseFullSize('3.2MB', info), { records: 100000, sizeBytes: 3200000, described: '3.2 MB', multiple: 100 });
    assert.strictEqual(parseFullSize('32000 KiB', info).sizeBytes, 32000 * 1024);
    assert.strictEqual(parseFullSize('1GB', info).records, 31250000);
    assert.strictEqual(parseFullSize(undefined, info).records, 1000);
  });

  it('rejects what it cannot mean, showing the accepted forms', () => {
    for (const bad of ['abc', '-5', '0x', '10 parsecs', '2.5']) {
      assert.throws(() => parseFullSize(bad, info), (e: Error) => e instanceof FullSizeError && /--full-size/.test(e.message) && /(10x|unit)/.test(e.message), bad);
    }
  });

  it('answers parallel runs and the largest input from the model', () => {
    const GiB = 1024 ** 3;
    // peak = 100 MiB + 1 KiB per record; plan ×1.1.
    const model = { a: 100 * 2 ** 20, b: 1024, exponent: 1 };
    const peak = model.a + model.b * 1e6;
    const c = capacityFor(model, Math.round(peak * 1.1), 1.1, 16 * GiB, 32);
    assert.strictEqual(c.parallelRuns, Math.floor((16 * GiB) / Math.round(peak * 1.1)));
    const x = c.largestX!;
    assert.ok(Math.abs((model.a + model.b * x) * 1.1 - 16 * GiB) < 2048, `planned peak at the largest x is the RAM: ${x}`);
    assert.strictEqual(c.largestInputBytes, Math.round(x * 32));
    // Quadratic: invert the power law.
    const q = capacityFor({ a: 0, b: 1, exponent: 2 }, 1, 1, 1e6, 0);
    assert.strictEqual(q.largestX, 1000);
    // Flat: no limit from the input; too big even at zero: none.
    assert.strictEqual(capacityFor({ a: 50, b: 0, exponent: 1 }, 55, 1.1, 1000, 1).largestX, null);
    assert.strictEqual(capacityFor({ a: 5000, b: 1, exponent: 1 }, 6000, 1.1, 1000, 1).largestX, 0);
  });
});
