// Precision and recall on the annotated corpus of realistic Node scripts (test/fixtures/js-corpus).
// Lines carry `// expect: MW151[, MW251]`; every (file, line, code) is compared with what the linter says.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expectedFindings, findingKey, newTally, precision, recall, scoreFile } from '../corpusScore';
import { assertKnownMisses, lint } from './jsLintHelpers';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'js-corpus');

describe('JS/TS lint accuracy on the realistic corpus', () => {
  it('reaches precision ≥ 0.95 and recall ≥ 0.90 on MW1xx–MW3xx (and reports MW4xx)', async function () {
    this.timeout(60000);
    const files = fs.readdirSync(CORPUS).filter((f) => /\.(m|c)?[jt]sx?$/.test(f)).sort();
    assert.ok(files.length >= 20, `corpus has ${files.length} files`);
    const core = newTally();
    const other = newTally();
    let cleanFiles = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
      const expected = expectedFindings(text);
      if (!expected.size) cleanFiles++;
      const r = await lint(text, f);
      assert.deepStrictEqual(r.notices, [], `${f} parses cleanly`);
      const found = new Set(r.findings.map(findingKey));
      scoreFile(expected, found, (code) => [Number(code[2]) <= 3 ? core : other], (line, code) => `${f}:${line + 1} ${code}`);
    }
    const c = { precision: precision(core), recall: recall(core) };
    const o = { precision: precision(other), recall: recall(other) };
    console.log(`      corpus: ${files.length} files (${cleanFiles} clean); MW1xx–MW3xx: ${core.tp} TP, ${core.fp.length} FP, ${core.fn.length} FN → precision ${c.precision.toFixed(3)}, recall ${c.recall.toFixed(3)}; MW4xx precision ${o.precision.toFixed(3)}, recall ${o.recall.toFixed(3)}`);
    if (core.fp.length || core.fn.length) console.log(`      FP: ${core.fp.join(', ') || '-'}\n      FN: ${core.fn.join(', ') || '-'}`);
    assertKnownMisses(CORPUS, [...core.fp, ...other.fp], [...core.fn, ...other.fn]);
    assert.ok(cleanFiles >= 6, 'the corpus includes clean code that must stay silent');
    assert.ok(c.precision >= 0.95, `precision ${c.precision}`);
    assert.ok(c.recall >= 0.9, `recall ${c.recall}`);
    assert.ok(o.precision >= 0.95 && o.recall >= 0.9, `MW4xx precision ${o.precision} recall ${o.recall}: ${[...other.fp, ...other.fn].join(', ')}`);
  });
});
