import * as assert from 'assert';
import { jsComments, pythonComments } from '../../../extension/src/core/lint/comments';
import { disableForLineEdit } from '../../../extension/src/core/lint/disableComment';
import { applySuppressions, parseSuppressions, unusedSuppressionFindings } from '../../../extension/src/core/lint/suppressions';
import type { Finding, TextEdit } from '../../../extension/src/core/lint/types';

function finding(rule: string, line: number, col = 0): Finding {
  return { rule, name: 'x', severity: 'warning', message: 'm', range: { startLine: line, startColumn: col, endLine: line, endColumn: col + 1 }, fixes: [] };
}

function applyEdit(text: string, e: TextEdit): string {
  const lines = text.split('\n');
  const off = (l: number, c: number) => lines.slice(0, l).reduce((n, x) => n + x.length + 1, 0) + c;
  return text.slice(0, off(e.range.startLine, e.range.startColumn)) + e.newText + text.slice(off(e.range.endLine, e.range.endColumn));
}

describe('comment scanning', () => {
  it('ignores # inside Python strings, including triple-quoted and escaped quotes', () => {
    const src = 'a = "x # noqa"\nb = \'it\\\'s # no\'  # real\nc = """\n# not a comment\n"""  # after\n';
    assert.deepStrictEqual(pythonComments(src).map((c) => c.text), ['# real', '# after']);
  });
  it('ignores // inside JS strings, templates and regex literals', () => {
    const src = 'const u = "http://x"; // one\nconst t = `a ${b + "//"} //c`; /* two */\nconst r = /\\/\\/x/g; // three\nconst d = a / b / c; // four\n';
    assert.deepStrictEqual(jsComments(src).map((c) => c.text), ['// one', '/* two */', '// three', '// four']);
  });
});

describe('Python suppressions', () => {
  it('parses bare, coded (beside Ruff codes) and file-level directives', () => {
    const src = 'x = 1  # noqa\ny = 2  # noqa: E501, MW101 MW102\n# memwise: noqa: MW301\nz = "# noqa: MW999"\n';
    const s = parseSuppressions(src, 'python');
    assert.strictEqual(s.length, 3);
    assert.deepStrictEqual([s[0].codes, s[0].fromLine], [undefined, 0]);
    assert.deepStrictEqual(s[1].codes!.map((c) => c.code), ['E501', 'MW101', 'MW102']);
    assert.strictEqual(s[2].fileLevel, true);
    assert.deepStrictEqual(s[2].codes!.map((c) => c.code), ['MW301']);
  });

  it('suppresses only the listed codes on that line, and file-level everywhere', () => {
    const src = 'a  # noqa: MW101\nb  # noqa\nc\n# memwise: noqa: MW301\n';
    const s = parseSuppressions(src, 'python');
    const { kept, suppressed } = applySuppressions([finding('MW101', 0), finding('MW102', 0), finding('MW401', 1), finding('MW101', 2), finding('MW301', 2)], s);
    assert.deepStrictEqual(kept.map((f) => `${f.rule}@${f.range.startLine}`), ['MW102@0', 'MW101@2']);
    assert.strictEqual(suppressed.length, 3);
  });

  it('reports unused Memwise codes only, with a fix that keeps other tools\' codes', () => {
    const src = 'x = 1  # noqa: E501, MW101\ny = 2  # noqa: MW102\nz = 3  # noqa\n';
    const s = parseSuppressions(src, 'python');
    applySuppressions([], s);
    const unused = unusedSuppressionFindings(src, 'python', s);
    assert.deepStrictEqual(unused.map((f) => [f.rule, f.range.startLine]), [['MW901', 0], ['MW901', 1]]);
    assert.match(unused[0].message, /MW101/);
    assert.strictEqual(applyEdit(src, unused[0].fixes[0].edits[0]).split('\n')[0], 'x = 1  # noqa: E501');
    assert.strictEqual(applyEdit(src, unused[1].fixes[0].edits[0]).split('\n')[1], 'y = 2');
  });

  it('does not report a used suppression', () => {
    const src = 'x = 1  # noqa: MW101\n';
    const s = parseSuppressions(src, 'python');
    applySuppressions([finding('MW101', 0)], s);
    assert.deepStrictEqual(unusedSuppressionFindings(src, 'python', s), []);
  });
});

describe('JS suppressions', () => {
  it('handles disable-next-line, disable-line and a file-level block with codes', () => {
    const src = '// memwise-disable-next-line MW351\nfoo();\nbar(); // memwise-disable-line\n/* memwise-disable MW401 -- generated code */\nbaz();\n';
    const s = parseSuppressions(src, 'js');
    assert.deepStrictEqual(s.map((x) => [x.directive, x.fromLine, x.toLine === Number.MAX_SAFE_INTEGER ? 'end' : x.toLine]), [
      ['memwise-disable-next-line', 1, 1],
      ['memwise-disable-line', 2, 2],
      ['memwise-disable', 3, 'end'],
    ]);
    const { kept } = applySuppressions([finding('MW351', 1), finding('MW352', 1), finding('MW999', 2), finding('MW401', 4), finding('MW402', 4)], s);
    assert.deepStrictEqual(kept.map((f) => `${f.rule}@${f.range.startLine}`), ['MW352@1', 'MW402@4']);
  });

  it('ends a disable region at memwise-enable', () => {
    const src = '/* memwise-disable */\na();\n/* memwise-enable */\nb();\n';
    const { kept } = applySuppressions([finding('MW351', 1), finding('MW351', 3)], parseSuppressions(src, 'js'));
    assert.deepStrictEqual(kept.map((f) => f.range.startLine), [3]);
  });

  it('reports an unused directive with a removal fix', () => {
    const src = 'a();\n// memwise-disable-next-line MW351\nb();\n';
    const s = parseSuppressions(src, 'js');
    applySuppressions([], s);
    const [u] = unusedSuppressionFindings(src, 'js', s);
    assert.strictEqual(u.rule, 'MW951');
    assert.strictEqual(applyEdit(src, u.fixes[0].edits[0]), 'a();\nb();\n');
  });
});

describe('Disable for this line', () => {
  it('appends a noqa comment, or merges into an existing list', () => {
    assert.strictEqual(applyEdit('x = row[1] * 1000   \n', disableForLineEdit('x = row[1] * 1000   \n', 0, 'MW101', 'python')), 'x = row[1] * 1000  # noqa: MW101\n');
    const src = 'x = y  # noqa: E501\n';
    assert.strictEqual(applyEdit(src, disableForLineEdit(src, 0, 'MW101', 'python')), 'x = y  # noqa: E501, MW101\n');
  });
  it('adds or merges a disable-next-line comment with the line\'s indentation in JS', () => {
    const src = 'if (a) {\n  total += row.d;\n}\n';
    const once = applyEdit(src, disableForLineEdit(src, 1, 'MW151', 'js'));
    assert.strictEqual(once, 'if (a) {\n  // memwise-disable-next-line MW151\n  total += row.d;\n}\n');
    const twice = applyEdit(once, disableForLineEdit(once, 2, 'MW152', 'js'));
    assert.strictEqual(twice, 'if (a) {\n  // memwise-disable-next-line MW151, MW152\n  total += row.d;\n}\n');
  });
});

describe('suppression parsing never throws', () => {
  it('survives 2,000 random mutations of directive-heavy sources in both languages', () => {
    const seeds: Array<[string, 'python' | 'js']> = [
      ['x = "a#b"  # noqa: E501, MW101\n"""doc # noqa"""\n# memwise: noqa: MW301\ny = 1  # noqa\n', 'python'],
      ['const s = `a ${"//" + b} c`; // memwise-disable-line MW351\n/* memwise-disable MW401 -- why */\nconst r = /\\/\\//; // memwise-disable-next-line\nx();\n/* memwise-enable */\n', 'js'],
    ];
    const alphabet = ['#', '/', '*', '"', "'", '`', '\\', '\n', '{', '}', '$', 'noqa', ':', ',', 'MW1', ' ', 'memwise-disable', '-'];
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 2000; i++) {
      const [base, language] = seeds[i % 2];
      let text = base;
      for (let k = 0; k < 1 + rand(6); k++) {
        const at = rand(text.length + 1);
        text = text.slice(0, at) + alphabet[rand(alphabet.length)] + text.slice(at + rand(3));
      }
      const s = parseSuppressions(text, language);
      applySuppressions([finding('MW101', rand(6))], s);
      for (const f of unusedSuppressionFindings(text, language, s)) for (const e of f.fixes[0].edits) applyEdit(text, e);
    }
  });
});
