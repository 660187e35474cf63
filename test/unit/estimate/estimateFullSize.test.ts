// `--full-size` in each of its forms, and a JSON input, each checked against a real run at that size:
// the real CLI entry, the real profiler and real Python processes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runCli } from '../runCli';
import type { EstimateFile } from '../../../extension/src/core/estimate/estimateTypes';
import { profileScript } from '../../../extension/src/core/profile/runner';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const examples = path.join(repo, 'examples', 'estimate');
const fixtures = path.join(repo, 'test', 'fixtures', 'estimate');
const ROWS = 40000;

function make(generator: string, rows: number, out: string): void {
  const r = spawnSync('python3', [generator, String(rows), out]);
  assert.strictEqual(r.status, 0, String(r.stderr));
}

describe('estimate to any size, checked against real runs at that size', function () {
  this.timeout(180000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-fullsize-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function estimate(script: string, input: string, fullSize: string): Promise<{ est: EstimateFile; out: string }> {
    const json = path.join(dir, `est-${path.basename(input)}-${fullSize.replace(/\W/g, '_')}.json`);
    const r = await runCli(['estimate', script, '--input', input, '--fractions', '0.1,0.2,0.35,0.5', '--full-size', fullSize, '--json', json, '--', '{input}'], dir);
    assert.strictEqual(r.code, 0, r.err + r.out);
    return { est: JSON.parse(fs.readFileSync(json, 'utf8')) as EstimateFile, out: r.out };
  }

  function close(est: EstimateFile, realPeak: number, within: number): void {
    const p = est.prediction;
    const err = (p.peakBytes - realPeak) / realPeak;
    assert.ok(Math.abs(err) < within, `predicted ${p.peakBytes} (${p.lowBytes}–${p.highBytes}) for ${est.target?.described}, real run ${realPeak}: ${(err * 100).toFixed(1)}%`);
    assert.ok(p.lowBytes <= realPeak * 1.02 && realPeak <= p.highBytes * 1.02, `the real peak ${realPeak} lies in the range ${p.lowBytes}–${p.highBytes}`);
  }

  it('10x, a number of lines and a byte size with a unit all predict the 10× input', async () => {
    const small = path.join(dir, 'requests.csv');
    const big = path.join(dir, 'requests-10x.csv');
    make(path.join(examples, 'make_input.py'), ROWS, small);
    make(path.join(examples, 'make_input.py'), ROWS * 10, big);
    const script = path.join(examples, 'linear_memory.py');
    const real = (await profileScript({ script, args: [big], cwd: dir })).peakBytes;
    const bigKiB = (fs.statSync(big).size / 1024).toFixed(1);
    for (const form of ['10x', String(ROWS * 10), `${bigKiB}KiB`]) {
      const { est, out } = await estimate(script, small, form);
      assert.ok(Math.abs(est.prediction.x - ROWS * 10) <= ROWS * 0.01, `${form}: x ${est.prediction.x}`);
      assert.strictEqual(est.xLabel, 'CSV rows');
      assert.ok(est.target, 'the target is recorded');
      assert.match(out, /Full size: 400,000 CSV rows|Full size: 39\d,\d{3} CSV rows|Full size: 400,\d{3} CSV rows/);
      assert.match(out, /Plan with the 10% margin: .* — fits this machine's/);
      assert.match(out, /run(s)? at this size fit side by side/);
      assert.match(out, /Largest input that fits in .*: about [\d,]+ CSV rows/);
      // The curve reaches the target, with a band around it.
      const last = est.curve![est.curve!.length - 1];
      assert.ok(Math.abs(last.x - est.prediction.x) < 1 && last.lowBytes <= last.peakBytes && last.peakBytes <= last.highBytes);
      close(est, real, 0.15);
    }
  });

  it('a JSON array input is sampled into valid JSON and estimated correctly', async () => {
    const small = path.join(dir, 'requests.json');
    const big = path.join(dir, 'requests-10x.json');
    make(path.join(fixtures, 'make_json.py'), 20000, small);
    make(path.join(fixtures, 'make_json.py'), 200000, big);
    const script = path.join(fixtures, 'json_records.py');
    const { est, out } = await estimate(script, small, '10x');
    assert.strictEqual(est.input?.format, 'json-array');
    assert.strictEqual(est.xLabel, 'JSON array elements');
    assert.deepStrictEqual(est.points.slice(0, 4).map((p) => p.records), [2000, 4000, 7000, 10000]);
    assert.match(out, /x = JSON array elements of each sample/);
    const real = (await profileScript({ script, args: [big], cwd: dir })).peakBytes;
    close(est, real, 0.15);
  });
});
