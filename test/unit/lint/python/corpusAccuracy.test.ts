// Precision/recall of the core families (MW1xx–MW3xx) over realistic scripts annotated `# expect: MWxxx`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from './lintHelpers';

const corpus = path.resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'python-corpus');
const CORE = /^MW[123]\d\d$/;

describe('python lint accuracy on the corpus', function () {
  this.timeout(60000);
  it('meets precision >= 0.95 and recall >= 0.90 on MW1xx-MW3xx', async () => {
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.py')).sort();
    assert.ok(files.length >= 25, `corpus has ${files.length} files`);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(corpus, f), 'utf8');
      const expected = new Set<string>();
      text.split('\n').forEach((line, i) => {
        const m = /#\s*expect:\s*((?:MW\d{3}\s*)+)/.exec(line);
        if (m) for (const code of m[1].trim().split(/\s+/)) if (CORE.test(code)) expected.add(`${i + 1}:${code}`);
      });
      const got = new Set((await lintPython(text)).filter((x) => CORE.test(x.rule)).map((x) => `${x.range.startLine + 1}:${x.rule}`));
      for (const g of got) {
        if (expected.has(g)) tp++;
        else {
          fp++;
          misses.push(`FP ${f}:${g}`);
        }
      }
      for (const e of expected) if (!got.has(e)) {
        fn++;
        misses.push(`FN ${f}:${e}`);
      }
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(`      python corpus: ${files.length} files, tp=${tp} fp=${fp} fn=${fn}, precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`);
    if (misses.length) console.log('      ' + misses.join('\n      '));
    assert.ok(tp > 20, 'corpus must exercise the rules');
    assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
    assert.ok(recall >= 0.9, `recall ${recall.toFixed(3)}`);
  });
});
