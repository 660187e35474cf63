// Precision/recall of the core families (MW1xx–MW3xx) over realistic scripts annotated `# expect: MWxxx`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expectedFindings, findingKey, newTally, precision, recall, scoreFile } from '../corpusScore';
import { lintPython } from './lintHelpers';

const corpus = path.resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'python-corpus');
const CORE = /^MW[123]\d\d$/;

describe('python lint accuracy on the corpus', function () {
  this.timeout(60000);
  it('meets precision >= 0.95 and recall >= 0.90 on MW1xx-MW3xx', async () => {
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.py')).sort();
    assert.ok(files.length >= 25, `corpus has ${files.length} files`);
    const t = newTally();
    for (const f of files) {
      const text = fs.readFileSync(path.join(corpus, f), 'utf8');
      const expected = new Set([...expectedFindings(text)].filter((k) => CORE.test(k.split(':')[1])));
      const found = new Set((await lintPython(text)).filter((x) => CORE.test(x.rule)).map(findingKey));
      scoreFile(expected, found, () => [t], (line, code) => `${f}:${line + 1}:${code}`);
    }
    const p = precision(t);
    const r = recall(t);
    console.log(`      python corpus: ${files.length} files, tp=${t.tp} fp=${t.fp.length} fn=${t.fn.length}, precision=${p.toFixed(3)} recall=${r.toFixed(3)}`);
    const misses = [...t.fp.map((w) => `FP ${w}`), ...t.fn.map((w) => `FN ${w}`)];
    if (misses.length) console.log('      ' + misses.join('\n      '));
    assert.ok(t.tp > 20, 'corpus must exercise the rules');
    assert.ok(p >= 0.95, `precision ${p.toFixed(3)}`);
    assert.ok(r >= 0.9, `recall ${r.toFixed(3)}`);
  });
});
