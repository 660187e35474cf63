// Syntax errors, pathological nesting and random mutations must never throw, hang or lose valid findings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import { rng } from '../../seededRandom';

const repo = path.resolve(__dirname, '..', '..', '..', '..', '..');

async function lint(text: string) {
  const r = await pythonLinter.lint({ path: 'x.py', text, isEnabled: () => true });
  r.state?.dispose?.();
  return r;
}

describe('python lint robustness', function () {
  this.timeout(120000);

  it('reports findings from the valid parts of a file with syntax errors, plus a parse-error notice', async () => {
    const text = 'def broken(:\n    pass\n\nimport sys\nx = sys.argv[1] * 1000\nclass (:\n';
    const r = await lint(text);
    assert.ok(r.findings.some((f) => f.rule === 'MW101' && f.range.startLine === 4), JSON.stringify(r.findings));
    assert.ok(r.notices.some((n) => n.kind === 'parse-error'));
  });

  it('a format spec starting with `=` (`f"{x:=^30}"`) is no syntax error, and real errors around it still are: as Python (ast.parse) says', async () => {
    const cases = [
      'x = "t"\nw = 9\nprint(f"{x:=^30}")\n',
      'print(f"{x:=>10} {x!r:=<5} {x=:>10}")\n',
      'print(f"{x:=^{w}} {x:={w}} {x:=10} {(y:=10)}")\n',
      'print(f"{x:=.2f} {x:=,} {x:==^5} {x:=*^8} {x:=-8}")\n',
      'print(f"{x + 1:=^30} {d[\'k\']:=^30} {xs[0]:=^9} {f(x):=>9} {a, b:==5}")\n',
      'print(f"{x:=^30}")\ndef f(:\n    pass\n',
      'print(f"{x:=^30")\n',
      'print(f"{x:=^30}"\ny = 2\n',
      'print(f"{x:=^30} {x +}")\n',
      'print(f"{x:=^{w +}}")\n',
      'print(f"{x:=^{w +}")\n',
    ];
    // Each after a data read: a file where no rule can have a candidate is not parsed at all (textGate.ts).
    for (const text of cases.map((c) => `import sys\nn = sys.argv[1]\n${c}`)) {
      const python = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: text, encoding: 'utf8' });
      assert.ok(python.status === 0 || /SyntaxError/.test(python.stderr), python.stderr);
      const notices = (await lint(text)).notices.filter((n) => n.kind === 'parse-error');
      assert.strictEqual(notices.length, python.status === 0 ? 0 : 1, `${JSON.stringify(text)}: ${JSON.stringify(notices)}`);
    }
  });

  it('a walrus-looking format spec binds nothing: `f"{size:=10}"` leaves size the text it was', async () => {
    const text = 'import sys\n\nfor line in sys.stdin:\n    size = line.split()[1]\n    print(f"{size:=10}")\n    if size > 100:\n        print(line)\n';
    const r = await lint(text);
    assert.deepStrictEqual(r.notices, []);
    assert.deepStrictEqual(r.findings.filter((f) => f.rule === 'MW103').map((f) => f.range.startLine), [5]);
  });

  it('survives 10,000-deep nesting of expressions, parentheses and blocks', async () => {
    const deepParens = 'import sys\nx = ' + '('.repeat(10000) + 'sys.argv[1]' + ')'.repeat(10000) + ' * 1000\n';
    const r1 = await lint(deepParens);
    assert.ok(Array.isArray(r1.findings));
    const chain = 'import sys\nx = sys.argv[1]' + ' * 2'.repeat(10000) + '\n';
    await lint(chain);
    const lists = 'x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\n';
    await lint(lists);
    let blocks = '';
    for (let i = 0; i < 2000; i++) blocks += ' '.repeat(i) + 'if x:\n';
    blocks += ' '.repeat(2000) + 'y = input() * 3\n';
    const r4 = await lint(blocks);
    assert.ok(r4.findings.some((f) => f.rule === 'MW101'));
    const calls = 'y = ' + 'f('.repeat(10000) + 'input()' + ')'.repeat(10000) + '\n';
    await lint(calls);
  });

  it('random mutations of the corpus never throw or hang (seeded fuzz)', async () => {
    const dir = path.join(repo, 'test/fixtures/python-corpus');
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    sources.push(...['request_log.py', 'log_parser.py', 'pandas_report.py'].map((f) => fs.readFileSync(path.join(repo, 'examples', f), 'utf8')));
    const rand = rng(20261121);
    const pieces = ['(', ')', '[', ']', ':', '\n', '    ', '"', "'", '*', ' * 1000', '.split(",")', 'for x in ', 'def ', '=', '\\', '#', '\u00e9', '😀', '\t', 'lambda', ',', 'csv.reader(f)', 'f.readlines()'];
    const started = Date.now();
    let runs = 0;
    for (let i = 0; i < 400; i++) {
      let t = sources[Math.floor(rand() * sources.length)];
      const n = 1 + Math.floor(rand() * 6);
      for (let k = 0; k < n; k++) {
        const at = Math.floor(rand() * (t.length + 1));
        const op = rand();
        if (op < 0.4) t = t.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + t.slice(at);
        else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 20));
        else {
          const from = Math.floor(rand() * t.length);
          t = t.slice(0, at) + t.slice(from, from + Math.floor(rand() * 80)) + t.slice(at);
        }
      }
      const t0 = Date.now();
      const r = await lint(t);
      assert.ok(Date.now() - t0 < 5000, `mutation ${i} took too long`);
      for (const f of r.findings) assert.ok(f.range.startLine >= 0 && f.range.endLine >= f.range.startLine);
      runs++;
    }
    assert.strictEqual(runs, 400);
    assert.ok(Date.now() - started < 100000);
  });
});
