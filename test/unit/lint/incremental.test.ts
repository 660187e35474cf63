// The editor path: text changes → IncrementalEdits → the engine re-linting from the previous parse state.
// After every random edit, the incremental result must equal a fresh full lint of the same text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../../extension/src/core/lint/config';
import { lintText } from '../../../extension/src/core/lint/engine';
import { toIncrementalEdit, type TextChange } from '../../../extension/src/core/lint/incrementalEdit';
import type { Finding } from '../../../extension/src/core/lint/types';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function change(text: string, start: number, end: number, insert: string): TextChange {
  return { rangeOffset: start, rangeLength: end - start, range: { start: position(text, start), end: position(text, end) }, text: insert };
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn}`);

describe('incremental re-lint', () => {
  it('converts a multi-line insertion into tree-sitter edit positions', () => {
    const e = toIncrementalEdit(change('ab\ncd', 1, 4, 'X\nYZ\nW'));
    assert.deepStrictEqual(e, {
      startIndex: 1,
      oldEndIndex: 4,
      newEndIndex: 7,
      startPosition: { row: 0, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 2, column: 1 },
    });
  });

  for (const example of ['request_log.py', 'log_parser.py']) {
    it(`matches a full lint after each of 40 random edits to examples/${example}`, async function () {
      this.timeout(30000);
      let text = fs.readFileSync(path.join(repoRoot, 'examples', example), 'utf8');
      const config = defaultConfig();
      let state = (await lintText({ path: example, text, config })).state;
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
      const pieces = ['x', ' * 1000', '\n', '(', ')', 'row[1]', '', '# noqa: MW101', '"""', '\n    rows.append(row)\n'];
      for (let i = 0; i < 40; i++) {
        const start = rand(text.length + 1);
        const end = Math.min(text.length, start + rand(8));
        const insert = pieces[rand(pieces.length)];
        const edit = toIncrementalEdit(change(text, start, end, insert));
        text = text.slice(0, start) + insert + text.slice(end);
        const inc = await lintText({ path: example, text, config, previous: state, edits: [edit] });
        if (state && state !== inc.state) state.dispose?.();
        state = inc.state;
        const full = await lintText({ path: example, text, config });
        full.state?.dispose?.();
        assert.deepStrictEqual(summary(inc.findings), summary(full.findings), `after edit ${i} (${JSON.stringify(insert)} at ${start}-${end})`);
      }
      state?.dispose?.();
    });
  }
});
