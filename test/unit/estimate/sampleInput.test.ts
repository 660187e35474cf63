import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { createSamples, inspectInput, InputError, validateFractions } from '../../../extension/src/core/estimate/sampleInput';

describe('estimate input sampling', () => {
  let dir: string;
  let tmp: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-sample-test-'));
    tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function csv(rows: number): string {
    let s = 'id,duration,path\n';
    for (let i = 0; i < rows; i++) s += `${i},${(i % 97) / 10},/api/v${i % 3}/items\n`;
    return s;
  }

  it('counts bytes and lines by streaming and detects a CSV header', async () => {
    const text = csv(1000);
    const file = path.join(dir, 'requests.csv');
    fs.writeFileSync(file, text);
    const info = await inspectInput(file);
    assert.deepStrictEqual(
      { sizeBytes: info.sizeBytes, lines: info.lines, gzip: info.gzip, header: info.header },
      { sizeBytes: Buffer.byteLength(text), lines: 1001, gzip: false, header: true },
    );
  });

  it('writes line prefixes at each fraction, header kept in each, and cleans up', async () => {
    const text = csv(1000);
    const file = path.join(dir, 'requests.csv');
    fs.writeFileSync(file, text);
    const info = await inspectInput(file);
    const set = await createSamples(info, [0.01, 0.1, 0.5], { tmpDir: tmp });
    const lines = text.split('\n');
    for (const [i, want] of [10, 100, 500].entries()) {
      const s = set.samples[i];
      const got = fs.readFileSync(s.path, 'utf8');
      assert.strictEqual(path.basename(s.path), 'requests.csv', 'the sample keeps the input file name');
      assert.strictEqual(got, lines.slice(0, want + 1).join('\n') + '\n');
      assert.strictEqual(s.lines, want + 1);
      assert.strictEqual(s.sizeBytes, Buffer.byteLength(got));
    }
    await set.cleanup();
    assert.ok(!fs.existsSync(set.dir));
    assert.deepStrictEqual(fs.readdirSync(tmp), []);
  });

  it('keeps no header for plain text and honours --header keep/none', async () => {
    const file = path.join(dir, 'words.txt');
    fs.writeFileSync(file, Array.from({ length: 100 }, (_, i) => `${i}`).join('\n')); // no trailing newline
    const info = await inspectInput(file);
    assert.strictEqual(info.header, false);
    assert.strictEqual(info.lines, 100);
    const set = await createSamples(info, [0.05, 1], { tmpDir: tmp });
    assert.strictEqual(fs.readFileSync(set.samples[0].path, 'utf8'), '0\n1\n2\n3\n4\n');
    assert.strictEqual(fs.readFileSync(set.samples[1].path, 'utf8'), fs.readFileSync(file, 'utf8'), 'fraction 1 is the whole input');
    await set.cleanup();
    assert.strictEqual((await inspectInput(file, 'keep')).header, true);
    assert.strictEqual((await inspectInput(path.join(dir, 'words.txt'), 'none')).header, false);
    const csvFile = path.join(dir, 'r.csv');
    fs.writeFileSync(csvFile, csv(10));
    assert.strictEqual((await inspectInput(csvFile, 'none')).header, false);
  });

  it('handles gzip input: counts decompressed content and writes gzipped samples under the same name', async () => {
    const text = csv(2000);
    const file = path.join(dir, 'requests.csv.gz');
    fs.writeFileSync(file, zlib.gzipSync(text));
    const info = await inspectInput(file);
    assert.strictEqual(info.gzip, true);
    assert.strictEqual(info.sizeBytes, Buffer.byteLength(text));
    assert.strictEqual(info.lines, 2001);
    assert.ok(info.fileBytes < info.sizeBytes);
    const set = await createSamples(info, [0.1], { tmpDir: tmp });
    const s = set.samples[0];
    assert.ok(s.path.endsWith('requests.csv.gz'));
    const got = zlib.gunzipSync(fs.readFileSync(s.path)).toString('utf8');
    assert.strictEqual(got, text.split('\n').slice(0, 201).join('\n') + '\n');
    assert.strictEqual(s.sizeBytes, Buffer.byteLength(got));
    await set.cleanup();
  });

  it('removes the temporary folder when cancelled', async () => {
    const file = path.join(dir, 'requests.csv');
    fs.writeFileSync(file, csv(50000));
    const info = await inspectInput(file);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(createSamples(info, [0.5, 1], { tmpDir: tmp, signal: ac.signal }), (e: Error) => e.name === 'AbortError');
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'no sample folder is left behind');
  });

  it('rejects a missing, empty or header-only input with a message naming the file', async () => {
    const missing = path.join(dir, 'nope.csv');
    await assert.rejects(inspectInput(missing), (e: Error) => e instanceof InputError && e.message.includes('input file not found') && e.message.includes(missing));
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    await assert.rejects(inspectInput(empty), (e: Error) => e instanceof InputError && /input file is empty/.test(e.message));
    const emptyGz = path.join(dir, 'empty.csv.gz');
    fs.writeFileSync(emptyGz, zlib.gzipSync(''));
    await assert.rejects(inspectInput(emptyGz), (e: Error) => e instanceof InputError && /empty.*after decompressing/.test(e.message));
    const headerOnly = path.join(dir, 'h.csv');
    fs.writeFileSync(headerOnly, 'a,b\n');
    await assert.rejects(inspectInput(headerOnly), (e: Error) => e instanceof InputError && /only its header/.test(e.message));
  });

  it('validates fractions: increasing, within (0, 1]', () => {
    assert.doesNotThrow(() => validateFractions([0.01, 0.02, 0.05, 0.1]));
    assert.throws(() => validateFractions([0.1, 0.05]), /fractions must be increasing: 0.05 comes after 0.1/);
    assert.throws(() => validateFractions([0.1, 0.1]), /must be increasing/);
    assert.throws(() => validateFractions([0, 0.1]), /out of range/);
    assert.throws(() => validateFractions([0.5, 1.5]), /fraction 1.5 is out of range/);
    assert.throws(() => validateFractions([]), /no fractions/);
  });
});
