// What a re-lint after an edit takes from the previous run instead of finding again: the line starts of the new text
// (startsAfterEdit in reuseMoves.ts) and the read units of the chunks the edit only moved (reuseUnits.ts). Each must
// equal what a search of the new text or tree gives, through random edits of real code, and the shortcut must be
// taken (most units carried).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import { readUnits, topLevelChunks } from '../../../../extension/src/core/lint/python/facts/readUnits';
import { loadPython, parsePython } from '../../../../extension/src/core/lint/python/parser';
import { movedChunks, startsAfterEdit } from '../../../../extension/src/core/lint/python/reuseMoves';
import { unitsAfterEdit } from '../../../../extension/src/core/lint/python/reuseUnits';
import type { IncrementalEdit } from '../../../../extension/src/core/lint/types';
import { change } from '../textChanges';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The class-heavy programs of the third holdout, as one file (many classes, so many member units). */
function classHeavyText(): string {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'python-holdout3-multi');
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.py')).sort();
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).filter((t) => /^class /m.test(t)).join('\n\n');
}

describe('what a Python re-lint carries over from the previous run', () => {
  it('line starts after an edit equal a search of the new text (inserts and deletions of line breaks)', () => {
    let text = 'a = 1\n\nclass C:\n    def f(self):\n        return 2\n'.repeat(4);
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pieces = ['', '\n', 'x', 'x\ny', '\n\n', 'zz\n'];
    for (let step = 0; step < 400; step++) {
      const start = rand(text.length + 1);
      const end = Math.min(text.length, start + rand(7));
      const insert = pieces[rand(pieces.length)];
      const edit = toIncrementalEdit(change(text, start, end, insert));
      const next = text.slice(0, start) + insert + text.slice(end);
      assert.deepStrictEqual(startsAfterEdit({ text }, edit, next), lineStarts(next), `step ${step}: ${JSON.stringify(text.slice(start, end))} → ${JSON.stringify(insert)}`);
      text = next.length > 600 ? next.slice(0, 300) : next;
    }
  });

  it('line starts: an edit that does not fit the texts is not trusted (the new text is searched)', () => {
    const text = 'a\nbb\nccc\n';
    const next = 'a\nbXb\nccc\n';
    // Rows that say the insertion was on the first line, though the texts differ on the second.
    const wrong: IncrementalEdit = { startIndex: 3, oldEndIndex: 3, newEndIndex: 4, startPosition: { row: 0, column: 3 }, oldEndPosition: { row: 0, column: 3 }, newEndPosition: { row: 0, column: 4 } };
    assert.deepStrictEqual(startsAfterEdit({ text }, wrong, next), lineStarts(next));
    // A length change that is not the texts' one.
    const short: IncrementalEdit = { ...wrong, startPosition: { row: 1, column: 1 }, oldEndPosition: { row: 1, column: 1 }, newEndPosition: { row: 1, column: 3 }, newEndIndex: 5 };
    assert.deepStrictEqual(startsAfterEdit({ text }, short, next), lineStarts(next));
  });

  it('read units of moved chunks, carried, equal those of the new tree through 80 random edits of class-heavy code', async function () {
    this.timeout(60000);
    const loaded = await loadPython();
    let text = classHeavyText();
    assert.ok(text.length > 5000, 'the class-heavy programs are there');
    let tree = parsePython(loaded, text);
    let top = topLevelChunks(tree.rootNode, text);
    let units = readUnits(top, text);
    let seed = 5;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pieces = ['x', ' ', '\n', 'class D:\n', '\ndef g():\n    pass\n', ')', ''];
    let carried = 0;
    let all = 0;
    for (let step = 0; step < 80; step++) {
      const start = rand(text.length);
      const end = Math.min(text.length, start + rand(3));
      const insert = pieces[rand(pieces.length)];
      const edit = toIncrementalEdit(change(text, start, end, insert));
      const next = text.slice(0, start) + insert + text.slice(end);
      const nextTree = parsePython(loaded, next);
      const nextTop = topLevelChunks(nextTree.rootNode, next);
      const spans = (list: readonly { start: number; end: number; isDef: boolean }[]) => list.map((c) => ({ start: c.start, end: c.end, isDef: c.isDef }));
      const moved = movedChunks({ text, chunks: spans(top) }, [edit], spans(nextTop));
      assert.ok(moved, 'one edit maps chunks');
      const got = unitsAfterEdit(nextTop, next, moved, spans(top), units);
      const want = readUnits(nextTop, next);
      assert.deepStrictEqual(got, want, `step ${step}: ${JSON.stringify(text.slice(start, end))} → ${JSON.stringify(insert)} at ${start}`);
      moved.forEach((_, i) => {
        if (units.some((u) => u.start >= top[i].start && u.start < top[i].end && u.header >= 0)) carried++;
      });
      all += want.length;
      tree.delete();
      tree = nextTree;
      text = next;
      top = nextTop;
      units = want;
    }
    tree.delete();
    assert.ok(carried > 80, `classes with members carried: ${carried} (of ${all} units seen)`);
  });
});
