// The notebook reader and notebook lint on real nbformat 4 JSON (fixtures in test/fixtures/notebook, and
// notebooks written here): magics, empty and markdown cells, values flowing across cells, a syntax error
// in one cell, suppressions and configuration, and every output format's cell position.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applySettings, defaultConfig } from '../../../extension/src/core/lint/config';
import { lintFile } from '../../../extension/src/core/lint/engine';
import { maskCell } from '../../../extension/src/core/notebook/magics';
import { parseNotebook } from '../../../extension/src/core/notebook/notebookFile';
import { lintNotebookCells, lintNotebookText, programEdit } from '../../../extension/src/core/notebook/notebookLint';
import { NotebookProgram } from '../../../extension/src/core/notebook/notebookProgram';
import { repoRoot, runCli } from '../runCli';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'notebook');

function notebookJson(cells: Array<{ kind: 'code' | 'markdown'; source: string }>): string {
  return JSON.stringify(
    {
      cells: cells.map((c) =>
        c.kind === 'code'
          ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: c.source.split(/(?<=\n)/) }
          : { cell_type: 'markdown', metadata: {}, source: c.source.split(/(?<=\n)/) },
      ),
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

const code = (source: string) => ({ kind: 'code' as const, source });
const markdown = (source: string) => ({ kind: 'markdown' as const, source });

describe('notebook reader', () => {
  it('reads code and markdown cells with their indexes, joining source lists', () => {
    const nb = parseNotebook(notebookJson([markdown('# Title\n'), code('import csv\nrows = []'), code('')]));
    assert.deepStrictEqual(
      nb.cells.map((c) => [c.index, c.kind, c.source]),
      [
        [0, 'markdown', '# Title\n'],
        [1, 'code', 'import csv\nrows = []'],
        [2, 'code', ''],
      ],
    );
    assert.strictEqual(nb.language, 'python');
  });

  it('places a cell position in the JSON text, stepping over escapes', () => {
    const text = notebookJson([code('x = 1\ns = "a\\tb" + y')]);
    const nb = parseNotebook(text);
    const pos = nb.filePosition(0, 1, 13)!; // the `y` after the escaped quotes and tab
    const line = text.split('\n')[pos.line];
    assert.strictEqual(line[pos.column], 'y', `column ${pos.column} of ${JSON.stringify(line)}`);
  });

  it('reads a source given as one string (nbformat allows it) and places positions in it', () => {
    const text = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: 'a = 1\nb = a * 2\n' }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const nb = parseNotebook(text);
    assert.strictEqual(nb.cells[0].source, 'a = 1\nb = a * 2\n');
    const pos = nb.filePosition(0, 1, 4)!;
    assert.strictEqual(text.split('\n')[pos.line].slice(pos.column, pos.column + 5), 'a * 2');
  });

  it('names the problem for JSON that is not a notebook', () => {
    assert.throws(() => parseNotebook('{"cells": ['), /not valid notebook JSON/);
    assert.throws(() => parseNotebook('{"nbformat": 3, "worksheets": []}'), /nbformat 3/);
    assert.throws(() => parseNotebook('[1, 2]'), /not valid notebook JSON/);
  });
});

describe('IPython magics are masked in place', () => {
  it('keeps line count and the columns of real code', () => {
    const src = '%matplotlib inline\n!ls -la\nfiles = !ls *.csv\nx = %env HOME\n%time scaled = row[1] * 1000\ndf?\nprint(1)';
    const m = maskCell(src);
    const lines = m.text.split('\n');
    assert.strictEqual(lines.length, 7);
    assert.deepStrictEqual(
      m.magics.map((x) => [x.line, x.kind]),
      [
        [0, 'line-magic'],
        [1, 'shell'],
        [2, 'shell'],
        [3, 'line-magic'],
        [4, 'line-magic'],
        [5, 'help'],
      ],
    );
    assert.match(lines[0], /^pass\b/);
    assert.match(lines[2], /^files = \.\.\./);
    // `%time stmt` keeps the statement analysed, in the same columns.
    assert.strictEqual(lines[4].indexOf('scaled'), src.split('\n')[4].indexOf('scaled'));
    assert.strictEqual(lines[6], 'print(1)');
  });

  it('masks a non-Python cell magic whole, and only the first line of %%time', () => {
    assert.ok(maskCell('%%bash\nfor f in *; do echo $f; done').text.split('\n').every((l) => l.startsWith('#')));
    const timed = maskCell('%%time\nx = 1').text.split('\n');
    assert.deepStrictEqual(timed, ['#%time', 'x = 1']);
  });

  it('keeps magics inside blocks as statements, and leaves % in strings and expressions alone', () => {
    const m = maskCell('for x in y:\n    !echo {x}\n    %time f(x)\ns = """\n%not a magic\n"""\nz = (a\n%b)');
    const lines = m.text.split('\n');
    assert.match(lines[1], /^ {4}pass\b/);
    assert.match(lines[2], /^ {4}if 1: +f\(x\)$/);
    assert.strictEqual(lines[4], '%not a magic');
    assert.strictEqual(lines[7], '%b)');
  });

  it('continues a magic over backslash lines', () => {
    const lines = maskCell('!pip install a \\\n    b\nimport a').text.split('\n');
    assert.match(lines[1], /^ {4}#/);
    assert.strictEqual(lines[2], 'import a');
  });
});

describe('notebook program positions', () => {
  it('maps program lines to cells and back, skipping markdown cells', () => {
    const p = new NotebookProgram([
      { index: 0, kind: 'markdown', source: '# t' },
      { index: 1, kind: 'code', source: 'a = 1\nb = 2' },
      { index: 2, kind: 'code', source: '' },
      { index: 3, kind: 'code', source: 'c = 3' },
    ]);
    assert.strictEqual(p.text, 'a = 1\nb = 2\n\nc = 3');
    assert.deepStrictEqual(p.toCell(3, 2), { cell: 3, line: 0, column: 2 });
    assert.deepStrictEqual(p.toCell(2, 0), { cell: 2, line: 0, column: 0 });
    assert.deepStrictEqual(p.toProgram({ cell: 1, line: 1, column: 4 }), { line: 1, column: 4 });
    assert.strictEqual(p.toProgram({ cell: 0, line: 0, column: 0 }), undefined);
  });

  it('gives the one edit between two programs, skipping unchanged cells', () => {
    const cells = (...sources: string[]) => new NotebookProgram(sources.map((source, index) => ({ index, kind: 'code' as const, source })));
    const e = programEdit(cells('ab', 'cd\nef', 'gh'), cells('ab', 'cd\neXf', 'gh'));
    assert.deepStrictEqual([e.startIndex, e.oldEndIndex, e.newEndIndex], [7, 7, 8]);
    assert.deepStrictEqual(e.startPosition, { row: 2, column: 1 });
    assert.deepStrictEqual(e.newEndPosition, { row: 2, column: 2 });
    // A cell added at the end, and one removed in the middle: the edit still turns one text into the other.
    for (const [x, y] of [
      [cells('ab', 'cd'), cells('ab', 'cd', 'new')],
      [cells('ab', 'cd', 'ab'), cells('ab', 'ab')],
      [cells('same', 'same'), cells('same', 'same')],
    ]) {
      const d = programEdit(x, y);
      assert.strictEqual(x.text.slice(0, d.startIndex) + y.text.slice(d.startIndex, d.newEndIndex) + x.text.slice(d.oldEndIndex), y.text);
      assert.strictEqual(x.text.length - d.oldEndIndex, y.text.length - d.newEndIndex);
    }
  });
});

describe('notebook lint', () => {
  it('follows a DataFrame read with dtype=str in one cell and multiplied in a later one', async () => {
    const r = await lintNotebookText('flows.ipynb', fs.readFileSync(path.join(FIXTURES, 'flows.ipynb'), 'utf8'), defaultConfig());
    const got = r.findings.map((f) => [f.rule, f.cell, f.range.startLine, f.range.startColumn]);
    assert.deepStrictEqual(got, [
      ['MW202', 2, 0, 5],
      ['MW105', 5, 1, 9],
    ]);
  });

  it('analyses code around magics of every kind (no syntax-error notice)', async () => {
    const r = await lintNotebookText('magics.ipynb', fs.readFileSync(path.join(FIXTURES, 'magics.ipynb'), 'utf8'), defaultConfig());
    assert.deepStrictEqual(r.notices, []);
    assert.deepStrictEqual(
      r.findings.map((f) => [f.rule, f.cell, f.range.startLine]),
      [
        ['MW201', 2, 2],
        ['MW101', 3, 1],
      ],
    );
  });

  it('keeps findings in other cells when one cell has a syntax error or an unclosed bracket', async () => {
    const r = await lintNotebookText('bad.ipynb', fs.readFileSync(path.join(FIXTURES, 'syntax-error.ipynb'), 'utf8'), defaultConfig());
    assert.ok(r.findings.some((f) => f.rule === 'MW101' && f.cell === 3), JSON.stringify(r.findings));
    const messages = r.notices.map((n) => n.message).join('\n');
    assert.match(messages, /bad\.ipynb:cell 3:1:\d+: syntax error/);
    assert.match(messages, /bad\.ipynb:cell 2: leaves an unclosed bracket/);
  });

  it('honours # noqa in a cell, and select/ignore/severity from configuration', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'editor.ipynb'), 'utf8');
    const plain = await lintNotebookText('e.ipynb', text, defaultConfig());
    assert.deepStrictEqual(
      plain.findings.map((f) => f.rule),
      ['MW301', 'MW407'],
    );
    const config = defaultConfig();
    applySettings(config, { ignore: ['MW301'], severity: { MW407: 'error' } }, 'test', 'settings');
    const configured = await lintNotebookText('e.ipynb', text, config);
    assert.deepStrictEqual(
      configured.findings.map((f) => [f.rule, f.severity]),
      [['MW407', 'error']],
    );
    const suppressed = await lintNotebookText('e.ipynb', text.replace('np.load(\\"embeddings.npy\\")', 'np.load(\\"embeddings.npy\\")  # noqa: MW407'), defaultConfig());
    assert.deepStrictEqual(
      suppressed.findings.map((f) => f.rule),
      ['MW301'],
    );
    assert.strictEqual(suppressed.suppressed, 1);
  });

  it('gives quick fixes relative to the cell', async () => {
    const r = await lintNotebookText('e.ipynb', fs.readFileSync(path.join(FIXTURES, 'editor.ipynb'), 'utf8'), defaultConfig());
    const f = r.findings.find((x) => x.rule === 'MW301')!;
    assert.strictEqual(f.cell, 2);
    const cellSource = parseNotebook(fs.readFileSync(path.join(FIXTURES, 'editor.ipynb'), 'utf8')).cells[2].source;
    const edit = f.fixes[0].edits[0];
    const lines = cellSource.split('\n');
    const line = lines[edit.range.startLine];
    lines[edit.range.startLine] = line.slice(0, edit.range.startColumn) + edit.newText + line.slice(edit.range.endColumn);
    assert.strictEqual(lines[1], '    for line in f:');
  });

  it('re-lints incrementally after an edit in one cell with the same findings as a fresh lint', async () => {
    const cells = parseNotebook(fs.readFileSync(path.join(FIXTURES, 'flows.ipynb'), 'utf8')).cells;
    const first = await lintNotebookCells({ path: 'f.ipynb', cells, config: defaultConfig() });
    const edited = cells.map((c) => (c.index === 5 ? { ...c, source: c.source + '\nmore = df["bytes"] * 2' } : c));
    const again = await lintNotebookCells({ path: 'f.ipynb', cells: edited, config: defaultConfig(), previous: first });
    const fresh = await lintNotebookCells({ path: 'f.ipynb', cells: edited, config: defaultConfig() });
    const shape = (r: typeof fresh) => r.findings.map((f) => [f.rule, f.cell, f.range.startLine, f.range.startColumn]);
    assert.deepStrictEqual(shape(again), shape(fresh));
    assert.strictEqual(again.findings.filter((f) => f.cell === 5).length, 2);
    for (const r of [again, fresh]) r.state?.dispose?.();
  });

  it('skips a non-Python notebook and a broken file with a message', async () => {
    const r = await lintNotebookText('r.ipynb', notebookJson([code('x <- 1')]).replace('"language": "python"', '"language": "R"'), defaultConfig());
    assert.match(r.notices[0].message, /a r notebook; only Python notebooks are linted/);
    const broken = await lintNotebookText('b.ipynb', '{"cells": [', defaultConfig());
    assert.match(broken.notices[0].message, /b\.ipynb: is not valid notebook JSON.*skipped/);
  });

  it('lintFile reads a notebook from disk, with each finding placed in the JSON too', async () => {
    const r = await lintFile(path.join(FIXTURES, 'flows.ipynb'), defaultConfig());
    assert.strictEqual(r.findings.length, 2);
    assert.ok(r.findings.every((f) => f.fileRange));
  });
});

describe('memwise lint on a notebook', () => {
  it('prints cell positions in text, a cell field in JSON, a file region in SARIF', async () => {
    const text = await runCli(['lint', 'test/fixtures/notebook/flows.ipynb'], repoRoot);
    assert.strictEqual(text.code, 1);
    assert.match(text.out, /^test\/fixtures\/notebook\/flows\.ipynb:cell 6:2:10: MW105 /m);
    const json = JSON.parse((await runCli(['lint', '--format', 'json', 'test/fixtures/notebook/flows.ipynb'], repoRoot)).out);
    assert.deepStrictEqual(
      json.findings.map((f: { cell: number; line: number; column: number }) => [f.cell, f.line, f.column]),
      [
        [3, 1, 6],
        [6, 2, 10],
      ],
    );
    const sarifText = (await runCli(['lint', '--format', 'sarif', 'test/fixtures/notebook/flows.ipynb'], repoRoot)).out;
    const sarif = JSON.parse(sarifText);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(JSON.parse(sarifText)), JSON.stringify(validate.errors?.slice(0, 3)));
    const result = sarif.runs[0].results[1];
    const region = result.locations[0].physicalLocation.region;
    const fileLine = fs.readFileSync(path.join(FIXTURES, 'flows.ipynb'), 'utf8').split('\n')[region.startLine - 1];
    assert.strictEqual(fileLine.slice(region.startColumn - 1, region.endColumn - 1), 'df[\\"bytes\\"] * 1000');
    assert.deepStrictEqual(result.properties, { cell: 6, cellLine: 2, cellColumn: 10 });
  });

  it('--diff keeps only notebook findings on changed lines of the .ipynb (real git)', async function () {
    this.timeout(20000);
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-nbdiff-'));
    try {
      const git = (...args: string[]) => {
        const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
        assert.strictEqual(r.status, 0, r.stderr);
      };
      git('init', '-q');
      const text = fs.readFileSync(path.join(FIXTURES, 'flows.ipynb'), 'utf8');
      fs.writeFileSync(path.join(repo, 'flows.ipynb'), text);
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      // Change only cell 6's line: its finding stays, cell 3's goes.
      fs.writeFileSync(path.join(repo, 'flows.ipynb'), text.replace('df[\\"bytes\\"] * 1000', 'df[\\"bytes\\"] * 100'));
      const r = await runCli(['lint', '--format', 'json', '--diff=HEAD'], repo);
      assert.deepStrictEqual(
        JSON.parse(r.out).findings.map((f: { cell: number; rule: string }) => `${f.rule}@cell ${f.cell}`),
        ['MW105@cell 6'],
      );
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('finds notebooks when linting a folder', async () => {
    const r = await runCli(['lint', '--format', 'json', 'test/fixtures/notebook'], repoRoot);
    const files = new Set(JSON.parse(r.out).findings.map((f: { file: string }) => path.basename(f.file)));
    assert.ok(files.has('flows.ipynb') && files.has('magics.ipynb'), [...files].join(', '));
  });
});
