import * as assert from 'assert';
import { formatBytes, verdictText } from '../../../extension/src/core/estimate/verdict';

const GiB = 1024 ** 3;

describe('estimate verdict', () => {
  it('formats sizes in binary units with at most three significant digits', () => {
    assert.strictEqual(formatBytes(118 * GiB), '118 GiB');
    assert.strictEqual(formatBytes(1.5 * 1024), '1.5 KiB');
    assert.strictEqual(formatBytes(12.34 * 1024 ** 2), '12.3 MiB');
    assert.strictEqual(formatBytes(512), '512 B');
  });

  it('says plainly when the machine is too small', () => {
    const text = verdictText({ peakBytes: 118 * GiB, relativeBand: 0.12, margin: 0.1, totalMemBytes: 16 * GiB, model: { exponent: 1, superlinear: false }, script: 'report.py' });
    assert.strictEqual(
      text,
      'Needs about 118 GiB at full size (±12%); with the 10% margin, plan for 130 GiB. This machine has 16 GiB. Reduce memory first — run `memwise lint report.py` for memory antipatterns — or plan for a bigger machine.',
    );
  });

  it('says it fits, or fits only just', () => {
    assert.match(verdictText({ peakBytes: 2 * GiB, relativeBand: 0.05, margin: 0.1, totalMemBytes: 16 * GiB, model: { exponent: 1, superlinear: false } }), /It fits comfortably\.$/);
    assert.match(verdictText({ peakBytes: 13 * GiB, relativeBand: 0.05, margin: 0.1, totalMemBytes: 16 * GiB, model: { exponent: 1, superlinear: false } }), /only just/);
  });

  it('warns first when memory grows faster than the input', () => {
    const text = verdictText({ peakBytes: 2 * GiB, relativeBand: 0.3, margin: 0.1, totalMemBytes: 16 * GiB, model: { exponent: 2, superlinear: true } });
    assert.match(text, /^Warning: memory grows faster than the input \(exponent 2\.00\): doubling the input multiplies the peak by about 4\.0×\./);
  });
});
