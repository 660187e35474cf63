// Columns are UTF-16 code units; incremental re-parse gives the same findings as a fresh parse.
import * as assert from 'assert';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import type { IncrementalEdit } from '../../../../extension/src/core/lint/types';

describe('python parser front end', function () {
  this.timeout(30000);

  it('reports columns in UTF-16 code units on non-ASCII lines', async () => {
    const text = 'import sys\nlabel = "héllo😀"; x = sys.argv[1] * 10\n';
    const r = await pythonLinter.lint({ path: 'u.py', text, isEnabled: (c) => c === 'MW101' });
    r.state?.dispose?.();
    assert.strictEqual(r.findings.length, 1);
    const line = text.split('\n')[1];
    const start = line.indexOf('sys.argv');
    assert.deepStrictEqual(r.findings[0].range, { startLine: 1, startColumn: start, endLine: 1, endColumn: line.length });
    assert.strictEqual(line.slice(r.findings[0].range.startColumn, r.findings[0].range.endColumn), 'sys.argv[1] * 10');
  });

  it('re-parses incrementally from previous state + edits', async () => {
    const before = 'import sys\n\nx = sys.argv[1] * 10\ny = 1\n';
    const first = await pythonLinter.lint({ path: 'i.py', text: before, isEnabled: () => true });
    assert.strictEqual(first.findings.length, 1);
    // Edit "y = 1" → "y = sys.argv[2] * 3" and put a non-ASCII char before it.
    const at = before.indexOf('1\n', before.indexOf('y ='));
    const after = before.slice(0, at) + 'sys.argv[2] * 3' + before.slice(at + 1);
    const row = 3;
    const col = at - before.lastIndexOf('\n', at - 1) - 1;
    const edit: IncrementalEdit = {
      startIndex: at,
      oldEndIndex: at + 1,
      newEndIndex: at + 'sys.argv[2] * 3'.length,
      startPosition: { row, column: col },
      oldEndPosition: { row, column: col + 1 },
      newEndPosition: { row, column: col + 'sys.argv[2] * 3'.length },
    };
    const second = await pythonLinter.lint({ path: 'i.py', text: after, isEnabled: () => true, previous: first.state, edits: [edit] });
    const fresh = await pythonLinter.lint({ path: 'i.py', text: after, isEnabled: () => true });
    assert.deepStrictEqual(second.findings, fresh.findings);
    assert.strictEqual(second.findings.length, 2);
    first.state?.dispose?.();
    second.state?.dispose?.();
    fresh.state?.dispose?.();
  });

  it('ignores unrelated previous state safely', async () => {
    const r = await pythonLinter.lint({ path: 'p.py', text: 'x = 1\n', isEnabled: () => true, previous: { not: 'a tree' }, edits: [] });
    assert.deepStrictEqual(r.findings, []);
    r.state?.dispose?.();
  });
});
