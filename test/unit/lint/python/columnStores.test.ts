// A text column converted by a store in a loop over literal column names (memberFacts.ts columnStoredByLoop) is
// read from the loop's list in the tree: an editor re-lint after an edit to that list must equal a full lint.
import * as assert from 'assert';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

const show = (f: { rule: string; range: { startLine: number; startColumn: number } }) => `${f.rule}@${f.range.startLine + 1}:${f.range.startColumn + 1}`;

/** The text with `insert` at `at`, as one editor change. */
function edited(before: string, at: number, insert: string) {
  const row = before.slice(0, at).split('\n').length - 1;
  const column = at - (before.lastIndexOf('\n', at - 1) + 1);
  const edit = toIncrementalEdit({ rangeOffset: at, rangeLength: 0, range: { start: { line: row, character: column }, end: { line: row, character: column } }, text: insert });
  return { text: before.slice(0, at) + insert + before.slice(at), edit };
}

describe('Python lint: column stores in a loop over literal names, across edits', () => {
  it('adding the column to the loop list re-lints as a full lint does', async () => {
    // The read and the loop each sit in their own function (their own read units); neither reads the other.
    const before = 'import sys\nimport pandas as pd\n\n\ndef convert(frame):\n    for c in ["wa"]:\n        frame[c] = frame[c].astype(int)\n\n\ndef report(frame):\n    sub = frame[frame["sex"] == "f"]\n    print(sub["totpop"] * 2)\n\n\ndf = pd.read_csv(sys.argv[1], dtype=str)\nconvert(df)\nreport(df)\n';
    const enabled = { isEnabled: () => true };
    const first = await pythonLinter.lint({ path: 'c.py', text: before, ...enabled, previous: undefined });
    const opened = await pythonLinter.lint({ path: 'c.py', text: before, ...enabled, previous: first.state, edits: [] });
    first.state?.dispose?.();
    assert.ok(opened.findings.map(show).some((x) => x.startsWith('MW105@12:')), opened.findings.map(show).join(', '));
    const add = edited(before, before.indexOf('"wa"') + 4, ', "totpop"');
    const next = await pythonLinter.lint({ path: 'c.py', text: add.text, ...enabled, previous: opened.state, edits: [add.edit] });
    const full = await pythonLinter.lint({ path: 'c.py', text: add.text, ...enabled });
    assert.deepStrictEqual(next.findings.map(show), full.findings.map(show));
    assert.ok(!full.findings.some((f) => f.rule === 'MW105'), full.findings.map(show).join(', '));
    for (const r of [opened, next, full]) r.state?.dispose?.();
  });
});
