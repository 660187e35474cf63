// Bad input never throws: syntax errors, deep nesting, minified and huge files, and a seeded fuzz of
// mutations of the corpus. Also the parser basics: lazy load, TS/JSX, loc → 0-based TextRange.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { MAX_JS_BYTES } from '../../../../extension/src/core/lint/js/index';
import { runJsRules } from '../../../../extension/src/core/lint/js/ruleRun';
import { jsRules } from '../../../../extension/src/core/lint/js/rules/index';
import { MAX_ANALYSED_DEPTH } from '../../../../extension/src/core/lint/js/scopes';
import type { Notice } from '../../../../extension/src/core/lint/types';
import { parseJs, rangeOfLoc } from '../../../../extension/src/core/lint/js/parser';
import { findings, lint } from './jsLintHelpers';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'js-corpus');

describe('JS/TS parser', () => {
  it('parses TS, TSX and JSX by extension and converts loc to 0-based ranges', () => {
    const ts = parseJs('const a: number = 1;\nlet b = "é😀" + a;\n', 'x.ts');
    const decl = ts.body[1];
    assert.deepStrictEqual(rangeOfLoc(decl.loc), { startLine: 1, startColumn: 0, endLine: 1, endColumn: 18 });
    parseJs('const el = <div>{1}</div>;\n', 'x.tsx');
    parseJs('const el = <div>{1}</div>;\n', 'x.jsx');
    parseJs('export const x = <T,>(a: T) => a;\n', 'x.mts');
    assert.throws(() => parseJs('const el = <div>{1}</div>;\n', 'x.ts'));
  });

  it('loads typescript-estree only when the first JS/TS file is linted', () => {
    // A fresh process: loading the front end and its rule metas must not pull in the parser.
    const index = require.resolve('../../../../extension/src/core/lint/js/index');
    const script = `
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('typescript-estree') || k.includes('/typescript/lib/'));
      const { jsLinter } = require(${JSON.stringify(index)});
      const before = loaded();
      jsLinter.lint({ path: 'a.ts', text: 'const a: number = 1;', isEnabled: () => true }).then((r) => {
        console.log(JSON.stringify({ before, after: loaded(), rules: jsLinter.rules.length, notices: r.notices.length }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), { before: false, after: true, rules: 10, notices: 0 });
  });

  it('columns are UTF-16 code units (astral characters count two)', async () => {
    const src = "const [a] = 'x'.split(' ');\nconst s = '😀'; const b = a + 1;\n";
    const [f] = await findings(src, 'MW151');
    assert.deepStrictEqual([f.range.startLine, f.range.startColumn, f.range.endColumn], [1, 26, 31]);
  });
});

describe('JS/TS lint robustness', () => {
  it('reports a parse error as a notice and still lints the valid parts', async () => {
    const src = "const [a] = 'x'.split(' ');\nconst broken = ;\nconst b = a + 1;\n";
    const r = await lint(src);
    assert.strictEqual(r.notices.length, 1);
    assert.strictEqual(r.notices[0].kind, 'parse-error');
    assert.match(r.notices[0].message, /script\.mjs:2/);
    assert.deepStrictEqual(r.findings.map((f) => [f.rule, f.range.startLine]), [['MW151', 2]]);
  });

  it('gives up quietly on hopeless input', async () => {
    const r = await lint('}}}{{{ ))) (((\n'.repeat(50));
    assert.ok(r.notices.length >= 1);
    assert.deepStrictEqual(r.findings, []);
  });

  it('survives 10,000-deep nesting without overflowing the stack', async function () {
    this.timeout(20000);
    // One bracket a line: on one line the file would be skipped as minified before it is parsed.
    const deep = "const [a] = 'x'.split(' ');\nconst v = " + '(\n'.repeat(10000) + 'a + 1' + ')\n'.repeat(10000) + ';\n';
    const blocks = 'if (x) {\n'.repeat(10000) + '}\n'.repeat(10000);
    const arrays = 'const d = ' + '[\n'.repeat(10000) + ']\n'.repeat(10000) + ';\n';
    for (const text of [deep, blocks, arrays]) {
      const r = await lint(text);
      // Never an empty result that looks clean: the file gets a notice saying why it was not linted.
      assert.deepStrictEqual(r.findings, []);
      assert.deepStrictEqual(r.notices.map((n) => n.kind), ['parse-error']);
      assert.match(r.notices[0].message, /too deeply nested to parse/);
    }
  });

  it('reports a tree nested deeper than the scope analysis takes, naming the rules it skipped (never silence)', () => {
    // Built without the parser, whose own recursion stops first in this stack (bench/jsScopeDepth.mjs).
    const at = <T extends object>(o: T) => ({ ...o, loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } }, range: [0, 1] as [number, number] });
    let e: TSESTree.Expression = at({ type: 'ArrayExpression', elements: [] }) as unknown as TSESTree.ArrayExpression;
    for (let i = 0; i < MAX_ANALYSED_DEPTH + 200; i++) e = at({ type: 'ArrayExpression', elements: [e] }) as unknown as TSESTree.ArrayExpression;
    const program = at({ type: 'Program', sourceType: 'module', body: [at({ type: 'ExpressionStatement', expression: e })], comments: [], tokens: [] }) as unknown as TSESTree.Program;
    const notices: Notice[] = [];
    const run = runJsRules(program, '[]', 'deep.js', jsRules, notices, true);
    assert.deepStrictEqual(run.findings, []);
    assert.strictEqual(run.complete, false);
    assert.deepStrictEqual(
      notices.map((n) => [n.kind, n.message]),
      [['parse-error', `deep.js: nested ${MAX_ANALYSED_DEPTH + 202} levels deep, over the ${MAX_ANALYSED_DEPTH} levels the scope analysis handles; ${jsRules.length} rules skipped for this file. Split the most deeply nested expression or statement to lint it.`]],
    );
  });

  it('with a larger stack, lints a file nested 900 deep and refuses one nested 1,200 deep with a notice', function () {
    this.timeout(60000);
    // In Node's default stack the parser gives up first ("too deeply nested to parse", above); with three
    // times the stack it parses both, and the scope manager runs on the first and is refused on the second.
    const index = require.resolve('../../../../extension/src/core/lint/js/index');
    const nested = (n: number) => "const [a] = 'x'.split(' ');\nconst v = " + '['.repeat(n) + 'a + 1' + ']'.repeat(n) + ';\n';
    const script = `
      const { jsLinter } = require(${JSON.stringify(index)});
      const texts = ${JSON.stringify([nested(900), nested(1200)])};
      Promise.all(texts.map((text) => jsLinter.lint({ path: 'deep.js', text, isEnabled: () => true }))).then((rs) =>
        console.log(JSON.stringify(rs.map((r) => ({ rules: r.findings.map((f) => f.rule), notices: r.notices.map((x) => x.message) })))));`;
    const r = spawnSync(process.execPath, ['--stack-size=3000', '-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const [shallow, deep] = JSON.parse(r.stdout) as { rules: string[]; notices: string[] }[];
    assert.deepStrictEqual(shallow, { rules: ['MW151'], notices: [] });
    assert.deepStrictEqual(deep.rules, []);
    assert.strictEqual(deep.notices.length, 1);
    assert.match(deep.notices[0], /^deep\.js: nested \d+ levels deep, over the 1000 levels the scope analysis handles; 10 rules skipped for this file\./);
  });

  it('skips minified files with a notice', async () => {
    const min = 'var a=1;'.repeat(3000) + 'var b="x".split(" ")[0]+1;';
    const r = await lint(min, 'bundle.min.js');
    assert.deepStrictEqual(r.findings, []);
    assert.strictEqual(r.notices[0].kind, 'skipped');
    assert.match(r.notices[0].message, /minified/);
  });

  it('skips files over the size limit with a notice', async () => {
    const filler = '// filler line of a generated file\n';
    const big = filler.repeat(Math.ceil((MAX_JS_BYTES + 10) / filler.length));
    const r = await lint(big, 'huge.js');
    assert.deepStrictEqual(r.findings, []);
    assert.strictEqual(r.notices[0].kind, 'skipped');
    assert.match(r.notices[0].message, /MB/);
  });

  it('never throws or hangs on seeded mutations of the corpus', async function () {
    this.timeout(120000);
    let seed = 20261121;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const tokens = ['(', ')', '{', '}', '[', ']', ';', ',', '+', '+=', '`', "'", '"', '/', '*', '=>', 'await ', 'for (', '.split(', '\n', '...', '?.', '<', '>', '#'];
    const files = fs.readdirSync(CORPUS).map((f) => ({ f, text: fs.readFileSync(path.join(CORPUS, f), 'utf8') }));
    let runs = 0;
    for (const { f, text } of files) {
      for (let m = 0; m < 6; m++) {
        let t = text;
        const edits = 1 + Math.floor(rand() * 4);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rand() * t.length);
          const kind = rand();
          if (kind < 0.4) t = t.slice(0, at) + tokens[Math.floor(rand() * tokens.length)] + t.slice(at);
          else if (kind < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 20));
          else {
            const from = Math.floor(rand() * t.length);
            t = t.slice(0, at) + t.slice(from, from + 40) + t.slice(at);
          }
        }
        const started = Date.now();
        const r = await lint(t, f);
        runs++;
        assert.ok(Array.isArray(r.findings) && Array.isArray(r.notices), `${f} mutation ${m}`);
        assert.ok(Date.now() - started < 5000, `${f} mutation ${m} took ${Date.now() - started} ms`);
        assert.ok(!r.notices.some((n) => n.kind === 'internal'), `${f} mutation ${m}: ${JSON.stringify(r.notices)}`);
      }
    }
    assert.ok(runs >= 120);
  });
});
