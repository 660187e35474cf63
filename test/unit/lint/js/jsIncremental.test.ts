// The editor's incremental JS/TS re-lint (incrementalLint.ts, statementReparse.ts) must give exactly what a
// full lint of the same text gives. Real programs from the corpora, random edits of every kind (characters
// typed and deleted, lines joined and split, strings, templates and comments opened and closed, statements
// cut and pasted), each linted from the previous lint's state and compared with a fresh full lint: the same
// findings in the same order, the same notices, and the same tree as a full parse.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintJs } from '../../../../extension/src/core/lint/js/index';
import { JsLintState } from '../../../../extension/src/core/lint/js/incrementalLint';
import { parseJs } from '../../../../extension/src/core/lint/js/parser';
import { diffTexts } from '../../../../extension/src/core/lint/js/statementReparse';
import type { LanguageLintResult } from '../../../../extension/src/core/lint/types';
import { rng } from '../../seededRandom';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');

const TYPED = [' ', ' ', 'x', '1', ';', '\n', '\n', '{', '}', '(', ')', '[', ']', "'", '"', '`', '/', '*', '//', '/*', '*/', '${', ',', '.', '+', '=', 'const q = 1;\n', ' as any', 'Number(', 'export ', 'import.meta', '\r\n', 'await '];

/** One random edit of `text`: insert, delete, replace, or move a line. */
function randomEdit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.45) return text.slice(0, at) + TYPED[Math.floor(r() * TYPED.length)] + text.slice(at);
  if (kind < 0.75) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(r() * 3)));
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const line = lines[i];
  if (kind < 0.85) lines.splice(i, 1);
  else if (kind < 0.95) lines.splice(Math.floor(r() * lines.length), 0, line);
  else lines[i] = line.replace(/\d/, '7');
  return lines.join('\n');
}

/** The tree as plain data: every node's type, range, loc and children (parent pointers left out). */
function treeData(program: unknown): unknown {
  return JSON.parse(JSON.stringify(program, (k, v) => (k === 'parent' ? undefined : v)));
}

async function lintFull(text: string, file: string): Promise<LanguageLintResult> {
  return lintJs({ path: file, text, isEnabled: () => true, strict: true });
}

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const dir of ['js-holdout3-multi', 'js-holdout2', 'js-corpus']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if (/\.(ts|mjs|js)$/.test(f)) out.push({ file: f, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  return out;
}

describe('JS/TS incremental re-lint equals a full lint', function () {
  this.timeout(600_000);

  it('after 1,500 random edits of real programs (findings, order, notices and the tree itself)', async () => {
    let steps = 0;
    let partial = 0;
    let kept = 0;
    const files = sources();
    assert.ok(files.length >= 40, `only ${files.length} fixture programs found`);
    for (const [n, { file, text: original }] of files.entries()) {
      const r = rng(1000 + n);
      let text = original;
      let valid = original;
      let previous = (await lintFull(text, file)).state;
      for (let e = 0; e < 12; e++) {
        // An edit that broke the syntax is undone next (as a typist fixes it): the file stays mostly valid.
        text = text === valid ? randomEdit(text, r) : valid;
        const inc = await lintJs({ path: file, text, isEnabled: () => true, strict: true, previous });
        const full = await lintFull(text, file);
        const where = `${file}, seed ${1000 + n}, edit ${e}`;
        assert.deepStrictEqual(inc.findings, full.findings, `findings differ (${where})`);
        assert.deepStrictEqual(inc.notices, full.notices, `notices differ (${where})`);
        if (!full.notices.some((x) => x.kind === 'parse-error')) valid = text;
        const st = inc.state as JsLintState | undefined; // none when nothing could be parsed
        if (st && st.reparsed > 0) {
          partial++;
          assert.deepStrictEqual(treeData(st.settledProgram()), treeData(parseJs(text, file)), `tree differs from a full parse (${where})`);
        }
        if (st && st.reused > 0 && st.reparsed >= 0) kept++;
        steps++;
        previous = inc.state;
      }
    }
    // The comparison only means something if the incremental path ran: most edits keep the file valid.
    assert.ok(partial > steps * 0.3, `only ${partial} of ${steps} edits were re-parsed partially`);
    assert.ok(kept > steps * 0.1, `only ${kept} of ${steps} edits kept earlier findings`);
  });

  it('re-parses one statement and keeps the other groups when one character is typed', async () => {
    const text = [
      "import { parse } from 'csv-parse/sync';",
      "import fs from 'fs';",
      "const rows = parse(fs.readFileSync('a.csv'), { columns: true });",
      'let total = 0;',
      'for (const r of rows) total += r.bytes;',
      'function other(x: number) {',
      '  return x * 2;',
      '}',
      "const lines = fs.readFileSync('b.txt', 'utf8').split('\\n');",
      'for (const l of lines) console.log(l);',
      'console.log(other(3));',
    ].join('\n');
    const first = await lintFull(text, 'a.ts');
    const at = text.indexOf('x * 2') + 1;
    const edited = text.slice(0, at) + ' ' + text.slice(at);
    const inc = await lintJs({ path: 'a.ts', text: edited, isEnabled: () => true, strict: true, previous: first.state });
    const st = inc.state as JsLintState;
    assert.deepStrictEqual(inc.findings, (await lintFull(edited, 'a.ts')).findings);
    assert.ok(inc.findings.length >= 2, 'the sample must have findings to keep');
    // The function, the statement before it and the one after are parsed again; the groups the function
    // is not in (the csv rows, the file's lines) keep their findings.
    assert.strictEqual(st.reparsed, 3);
    assert.strictEqual(st.reused, 5);
  });

  it('falls back to a full parse when an edit opens a comment or string across statements', async () => {
    const text = 'const a = 1;\nconst b = 2;\nconst c = 3;\n';
    const first = await lintFull(text, 'a.ts');
    const edited = text.replace('const b', '/* const b');
    const inc = await lintJs({ path: 'a.ts', text: edited, isEnabled: () => true, strict: true, previous: first.state });
    // No state at all (nothing parsed) or a full parse's: never a partial re-parse.
    assert.ok(!inc.state || (inc.state as JsLintState).reparsed === -1, 'an unterminated comment must not be re-parsed alone');
    assert.deepStrictEqual(inc.notices, (await lintFull(edited, 'a.ts')).notices);
  });

  it('re-lints the comparison whose evidence of numbers an edit removes, and keeps unrelated data apart (numericEvidence.ts)', async () => {
    // The comparison is a finding while its own group converts the same field; `other.val` is another group's
    // data and no evidence. Removing the conversion must drop the finding, as a full lint does.
    const text = [
      "import { parse } from 'csv-parse/sync';",
      "import fs from 'fs';",
      "const rows = parse(fs.readFileSync('a.csv'), { columns: true });",
      'rows.sort((a, b) => (a.val > b.val ? -1 : 1));',
      'console.log(Number(rows[0].val));',
      "const other = JSON.parse(fs.readFileSync('b.json', 'utf8'));",
      'console.log(Number(other.val));',
    ].join('\n');
    const first = await lintFull(text, 'a.ts');
    assert.deepStrictEqual(first.findings.filter((f) => f.rule === 'MW152').map((f) => f.range.startLine), [3]);
    const edited = text.replace('Number(rows[0].val)', 'rows[0].val');
    const inc = await lintJs({ path: 'a.ts', text: edited, isEnabled: () => true, strict: true, previous: first.state });
    assert.deepStrictEqual(inc.findings, (await lintFull(edited, 'a.ts')).findings);
    assert.deepStrictEqual(inc.findings.filter((f) => f.rule === 'MW152'), []);
    const back = await lintJs({ path: 'a.ts', text, isEnabled: () => true, strict: true, previous: inc.state });
    assert.deepStrictEqual(back.findings, first.findings);
  });

  it('finds the single changed span between two texts', () => {
    assert.deepStrictEqual(diffTexts('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepStrictEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.strictEqual(diffTexts('same', 'same'), undefined);
    const long = 'x'.repeat(10000);
    assert.deepStrictEqual(diffTexts(long + 'a' + long, long + long), { start: 10000, oldEnd: 10001, newEnd: 10000 });
  });
});
