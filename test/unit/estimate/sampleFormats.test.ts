// Samples that are valid files of the input's format: CSV rows with quoted newlines, JSON arrays, JSON Lines;
// binary inputs refused with a message naming the supported formats. Real files, real parsers (Python's).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { createSamples, inspectInput, InputError } from '../../../extension/src/core/estimate/sampleInput';

/** Parses a file with Python's own json/csv modules and returns what it saw. */
function pythonReads(file: string, kind: 'json' | 'csv' | 'jsonl'): unknown {
  const code = {
    json: 'import json,sys; print(json.dumps(json.load(open(sys.argv[1], encoding="utf-8"))))',
    csv: 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))',
    jsonl: 'import json,sys; print(json.dumps([json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]))',
  }[kind];
  const r = spawnSync('python3', ['-c', code, file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `python could not read ${file} as ${kind}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('estimate samples keep the input format', () => {
  let dir: string;
  let tmp: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-formats-test-'));
    tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('cuts a JSON array between elements and writes each sample as a valid array', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ id: i, tags: ['a,b', `x]${i}`], note: `quote " and {brace} ${i}`, nested: { v: [i, i + 1] } }));
    const file = path.join(dir, 'records.json');
    fs.writeFileSync(file, JSON.stringify(records, null, 2));
    const info = await inspectInput(file);
    assert.strictEqual(info.format, 'json-array');
    assert.strictEqual(info.records, 200);
    assert.strictEqual(info.header, false);
    const set = await createSamples(info, [0.05, 0.5, 1], { tmpDir: tmp });
    for (const [i, want] of [10, 100, 200].entries()) {
      assert.deepStrictEqual(pythonReads(set.samples[i].path, 'json'), records.slice(0, want));
      assert.strictEqual(set.samples[i].records, want);
    }
    await set.cleanup();
  });

  it('samples a gzipped compact JSON array too', async () => {
    const records = Array.from({ length: 50 }, (_, i) => [i, `s${i}`]);
    const file = path.join(dir, 'rows.json.gz');
    fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(records)));
    const info = await inspectInput(file);
    assert.strictEqual(info.format, 'json-array');
    const set = await createSamples(info, [0.2], { tmpDir: tmp });
    const plain = path.join(dir, 'plain.json');
    fs.writeFileSync(plain, zlib.gunzipSync(fs.readFileSync(set.samples[0].path)));
    assert.deepStrictEqual(pythonReads(plain, 'json'), records.slice(0, 10));
    await set.cleanup();
  });

  it('keeps CSV rows whole when a quoted field holds newlines', async () => {
    const rows = [['id', 'comment']];
    for (let i = 0; i < 100; i++) rows.push([String(i), i % 3 === 0 ? `line one\nline "two", ${i}\nthree` : `plain ${i}`]);
    const text = rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n') + '\n';
    const file = path.join(dir, 'comments.csv');
    fs.writeFileSync(file, text);
    const info = await inspectInput(file);
    assert.strictEqual(info.format, 'csv');
    assert.strictEqual(info.records, 100, 'rows, not lines');
    assert.ok(info.lines > 150, `physical lines ${info.lines}`);
    const set = await createSamples(info, [0.1, 0.5], { tmpDir: tmp });
    assert.deepStrictEqual(pythonReads(set.samples[0].path, 'csv'), rows.slice(0, 11));
    assert.deepStrictEqual(pythonReads(set.samples[1].path, 'csv'), rows.slice(0, 51));
    await set.cleanup();
  });

  it('treats JSON Lines as lines, also under a .json name', async () => {
    const recs = Array.from({ length: 40 }, (_, i) => ({ i, s: `v${i}` }));
    for (const name of ['events.jsonl', 'events.json']) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const info = await inspectInput(file);
      assert.strictEqual(info.format, 'lines', name);
      const set = await createSamples(info, [0.25], { tmpDir: tmp });
      assert.deepStrictEqual(pythonReads(set.samples[0].path, 'jsonl'), recs.slice(0, 10));
      await set.cleanup();
    }
  });

  it('refuses binary inputs and single JSON objects, naming the supported formats', async () => {
    const parquet = path.join(dir, 'table.parquet');
    fs.writeFileSync(parquet, Buffer.concat([Buffer.from('PAR1'), Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from('PAR1')]));
    const xlsx = path.join(dir, 'sheet.xlsx');
    fs.writeFileSync(xlsx, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(20)]));
    const obj = path.join(dir, 'config.json');
    fs.writeFileSync(obj, JSON.stringify({ records: [1, 2, 3], meta: { a: 1 } }, null, 2));
    const unbalanced = path.join(dir, 'broken.csv');
    fs.writeFileSync(unbalanced, 'id,size\n1,"5 ft\n2,6\n3,7\n');
    const open = path.join(dir, 'cut.json');
    fs.writeFileSync(open, '[{"a": 1}, {"a": 2}');
    const cases: [string, RegExp][] = [
      [parquet, /cannot sample .*table\.parquet: it looks like a Parquet file, not text/],
      [xlsx, /it looks like a zip archive/],
      [obj, /its JSON is one object, not an array/],
      [open, /its JSON array is not closed/],
      [unbalanced, /a quoted field of its CSV never closes .*\.txt/],
    ];
    for (const [file, why] of cases) {
      await assert.rejects(inspectInput(file), (e: Error) => {
        assert.ok(e instanceof InputError, `${file}: ${e.stack}`);
        assert.match(e.message, why);
        assert.match(e.message, /CSV .*TSV, JSON Lines .*JSON array/);
        assert.match(e.message, /--sizes/);
        return true;
      });
    }
  });
});
