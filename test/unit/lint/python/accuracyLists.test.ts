// The exact false alarms and misses of every rule (MW1xx–MW4xx) on every Python corpus, compared with the committed lists in
// accuracy.expected.json: any change in accuracy, better or worse, shows up as a diff of that file rather than
// hiding under a precision/recall threshold. Corpora without `# expect:` annotations (examples/, the lint
// fixtures) list their findings instead. After an intended change, update the JSON and say why in the commit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import { applySuppressions, parseSuppressions } from '../../../../extension/src/core/lint/suppressions';
import { expectedFindings, findingKey, newTally, scoreFile } from '../corpusScore';
import { PYTHON_CORPORA, pythonFiles, ROOT } from './pythonCorpora';
const EXPECTED = path.join(ROOT, 'test', 'unit', 'lint', 'python', 'accuracy.expected.json');
/** Every rule code: MW4xx (data scale) is annotated by the corpus writers too, and its misses must show as a diff. */
const CORE = /^MW\d\d\d$/;

interface CorpusLists {
  falseAlarms?: string[];
  misses?: string[];
  findings?: string[];
}

async function listsOf(corpus: string): Promise<CorpusLists> {
  const t = newTally();
  const found: string[] = [];
  let annotated = false;
  for (const file of pythonFiles(corpus)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const expected = new Set([...expectedFindings(text)].filter((k) => CORE.test(k.split(':')[1])));
    if (expected.size) annotated = true;
    const r = await pythonLinter.lint({ path: file, text, isEnabled: () => true });
    r.state?.dispose?.();
    // What the user sees: a `# noqa` the writer put on a line hides its findings, as in the CLI and the editor.
    const core = applySuppressions(r.findings, parseSuppressions(text, 'python')).kept.filter((f) => CORE.test(f.rule));
    for (const f of core) found.push(`${file}:${f.range.startLine + 1} ${f.rule}`);
    scoreFile(expected, new Set(core.map(findingKey)), () => [t], (line, code) => `${file}:${line + 1} ${code}`);
  }
  return annotated ? { falseAlarms: t.fp.sort(), misses: t.fn.sort() } : { findings: found };
}

describe('Python lint accuracy lists (exact)', function () {
  this.timeout(300000);
  it('has exactly the committed false alarms and misses on every corpus', async () => {
    const actual: Record<string, CorpusLists> = {};
    for (const corpus of PYTHON_CORPORA) actual[corpus] = await listsOf(corpus);
    if (process.env.MEMWISE_UPDATE_ACCURACY === '1') fs.writeFileSync(EXPECTED, JSON.stringify(actual, null, 2) + '\n');
    const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Record<string, CorpusLists>;
    assert.deepStrictEqual(actual, expected);
  });
});
