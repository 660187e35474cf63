// Trivia edits (triviaEdit.ts): typing inside a comment, a docstring or on a blank line cannot change any value, so
// the unit holding it counts as moved and the candidates that read it elsewhere keep their findings (reuse.ts). Every
// re-lint here must equal a fresh lint of the same text; the reuse counts prove the cutoff is taken, and the cases
// that change a value prove it is not taken then.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import type { IncrementalEdit, LanguageLintResult } from '../../../../extension/src/core/lint/types';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import { loadPython, parsePython, type PythonParseState } from '../../../../extension/src/core/lint/python/parser';
import { triviaEdit } from '../../../../extension/src/core/lint/python/triviaEdit';
import { change } from '../textChanges';
import { pythonFiles, ROOT } from './pythonCorpora';

const all = { isEnabled: () => true };
const stateOf = (r: LanguageLintResult) => r.state as PythonParseState;
const candidatesOf = (r: LanguageLintResult) => stateOf(r).snapshot!.candSigs.reduce((n, sig) => n + (sig.match(/,/g)?.length ?? 0), 0);
const at = (r: LanguageLintResult) => r.findings.map((f) => `${f.rule}@${f.range.startLine}`);

/** `text` with `insert` typed at `offset` (`remove` characters replaced), and the edit tree-sitter is told. */
function typed(text: string, offset: number, insert: string, remove = 0): { text: string; edit: IncrementalEdit } {
  return { text: text.slice(0, offset) + insert + text.slice(offset + remove), edit: toIncrementalEdit(change(text, offset, offset + remove, insert)) };
}

describe('trivia edits: which edits cannot change a value (Python)', () => {
  /** Whether typing `insert` right after the first `marker` of `text` (or replacing `remove` characters there) is trivia. */
  async function isTrivia(text: string, marker: string, insert: string, remove = 0): Promise<boolean> {
    const k = text.indexOf(marker);
    assert.ok(k >= 0, `${marker} is in the text`);
    const { text: after, edit } = typed(text, k + marker.length, insert, remove);
    const tree = parsePython(await loadPython(), after);
    try {
      return triviaEdit(tree.rootNode, text, after, [edit]) !== null;
    } finally {
      tree.delete();
    }
  }

  const src = 'def f(a):  # on the def line\n    """Doc string."""\n    x = 1  # after x\n    # alone\n    y = (a  # between\n         + 1)\n    s = "value"\n    t = f"{a} doc"\n    \n    return x + y\n';

  it('takes typing inside a comment between statements or a docstring', async () => {
    assert.strictEqual(await isTrivia(src, '# after', 'x'), true);
    assert.strictEqual(await isTrivia(src, '# alo', 'x'), true);
    assert.strictEqual(await isTrivia(src, '"""Doc', ' '), true);
    assert.strictEqual(await isTrivia(src, '"""Doc', '', 1), true);
  });

  it('takes spaces on a blank line between statements, not in indentation or code', async () => {
    assert.strictEqual(await isTrivia(src, 't = f"{a} doc"\n', ' '), true);
    assert.strictEqual(await isTrivia(src, 't = f"{a} doc"\n', 'x'), false); // a new statement
    assert.strictEqual(await isTrivia(src, '    \n  ', ' '), false); // the indentation of `return`
    assert.strictEqual(await isTrivia(src, 'x = 1', ' '), false); // between tokens of a statement: not a blank line
  });

  it('leaves out comments inside expressions, on def lines, strings that are values, f-strings and quote-joining edits', async () => {
    assert.strictEqual(await isTrivia(src, '# betw', 'x'), false); // between operands: the text between them is read
    assert.strictEqual(await isTrivia(src, '# on the', 'x'), false); // part of the def
    assert.strictEqual(await isTrivia(src, 's = "val', 'x'), false); // a string value
    assert.strictEqual(await isTrivia(src, '{a} do', 'x'), false); // an f-string
    assert.strictEqual(await isTrivia(src, '"""Doc', '"'), false); // a quote may end the string
    assert.strictEqual(await isTrivia(src, '"""Doc string.', 'x'), false); // beside the closing quotes
    assert.strictEqual(await isTrivia(src, '"""Doc', '\\'), false); // an escape
    assert.strictEqual(await isTrivia(src, '# after', '\n'), false); // a new line ends the comment
  });
});

describe('trivia edits keep the findings of the code that reads them (Python)', () => {
  const results: LanguageLintResult[] = [];
  afterEach(() => {
    for (const r of results.splice(0)) r.state?.dispose?.();
  });

  async function opened(text: string): Promise<LanguageLintResult> {
    const first = await pythonLinter.lint({ path: 't.py', text, ...all });
    const second = await pythonLinter.lint({ path: 't.py', text, ...all, previous: first.state, edits: [] });
    results.push(first, second);
    return second;
  }

  /** Re-lint after typing at `offset`; asserted equal to a fresh lint of the same text in every field. */
  async function relint(prev: LanguageLintResult, text: string, offset: number, insert: string, remove = 0): Promise<{ result: LanguageLintResult; text: string }> {
    const { text: after, edit } = typed(text, offset, insert, remove);
    const result = await pythonLinter.lint({ path: 't.py', text: after, ...all, previous: prev.state, edits: [edit] });
    const fresh = await pythonLinter.lint({ path: 't.py', text: after, ...all });
    results.push(result, fresh);
    assert.deepStrictEqual(result.findings, fresh.findings);
    assert.deepStrictEqual(result.notices, fresh.notices);
    return { result, text: after };
  }

  // use() multiplies what load() returns: its finding reads load()'s return summary, in another function.
  const text =
    'import sys\n\n\ndef load():\n    """Read the count.\n\n    It comes from the command line.\n    """\n    # return sys.argv[1].split(",")\n    n = sys.argv[1]\n\n    return n\n\n\ndef use():\n    total = load() * 2\n    return total\n';

  it('a docstring or comment edit in a helper keeps its reader’s finding in another function', async () => {
    const first = await opened(text);
    assert.deepStrictEqual(at(first), ['MW101@15']);
    const all0 = candidatesOf(first);
    assert.ok(all0 >= 1);
    // Typing in load()'s docstring: nothing is evaluated again, use()'s finding is kept.
    const doc = await relint(first, text, text.indexOf('the count') + 3, 'x');
    assert.strictEqual(stateOf(doc.result).reusedCandidates, candidatesOf(doc.result), 'every candidate kept');
    // In a comment that reads like code, and deleting it again.
    const com = await relint(doc.result, doc.text, doc.text.indexOf('# return') + 2, 'y');
    assert.strictEqual(stateOf(com.result).reusedCandidates, candidatesOf(com.result));
    const back = await relint(com.result, com.text, com.text.indexOf('# yreturn') + 2, '', 1);
    assert.strictEqual(stateOf(back.result).reusedCandidates, candidatesOf(back.result));
    // A space on load()'s blank line, next to code a regex reads (`return n`).
    const blank = await relint(back.result, back.text, back.text.indexOf('\n\n    return n') + 1, '  ');
    assert.strictEqual(stateOf(blank.result).reusedCandidates, candidatesOf(blank.result));
    assert.deepStrictEqual(at(blank.result), ['MW101@15']);
  });

  it('an edit that changes the helper’s summary still updates the finding in the other function', async () => {
    const first = await opened(text);
    assert.deepStrictEqual(at(first), ['MW101@15']);
    // `n = sys.argv[1]` becomes `n = len(sys.argv[1])`: load() returns a number, use()'s finding goes.
    const k = text.indexOf('sys.argv[1]\n\n');
    const one = await relint(first, text, k, 'len(');
    const two = await relint(one.result, one.text, k + 'len('.length + 'sys.argv[1]'.length, ')');
    assert.deepStrictEqual(at(two.result), []);
    assert.ok(stateOf(two.result).reusedCandidates < candidatesOf(two.result), 'use() evaluated again');
    // The same text in a docstring changes nothing, and the code edit taken back brings the finding back.
    const three = await relint(two.result, two.text, k + 'len('.length + 'sys.argv[1]'.length, '', 1);
    const four = await relint(three.result, three.text, k, '', 'len('.length);
    assert.deepStrictEqual(at(four.result), ['MW101@15']);
  });

  it('random typing in comments, docstrings and blank lines of every example and fixture equals a fresh lint', async function () {
    this.timeout(120000);
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const files = [...pythonFiles('examples'), ...pythonFiles('test/fixtures/python-corpus')].slice(0, 40);
    let taken = 0;
    for (const file of files) {
      let cur = fs.readFileSync(path.join(ROOT, file), 'utf8');
      let prev = await opened(cur);
      // Places inside comments, triple-quoted strings and blank lines, found by text (the edit decides what it is).
      const spots: number[] = [];
      for (const m of cur.matchAll(/#[^\n]*|"""[^"]*"""|\n[ \t]*\n/g)) spots.push(m.index! + 1 + rand(Math.max(1, m[0].length - 2)));
      for (let i = 0; i < Math.min(6, spots.length); i++) {
        const spot = spots[rand(spots.length)];
        if (spot >= cur.length) continue;
        const ch = rand(2) ? ' ' : 'x';
        const step = await relint(prev, cur, spot, ch);
        if (stateOf(step.result).reusedCandidates > 0) taken++;
        const undo = await relint(step.result, step.text, spot, '', 1);
        prev = undo.result;
        cur = undo.text;
      }
    }
    assert.ok(taken > 0, 'some edits kept candidates');
  });
});
