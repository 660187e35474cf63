// tomlSubtree (issue 15): one table of a pyproject.toml is read by a linear scan plus smol-toml on that part
// only. Checked against smol-toml on the whole file (the real library, not a stub), on documents built to
// confuse a statement scanner: headers and `=` inside strings, multiline strings and arrays, quoted and
// dotted keys, inline tables, comments.
import * as assert from 'assert';
import { parse } from 'smol-toml';
import { readTomlTable, tomlSubtree } from '../../../extension/src/core/lint/tomlSubtree';

function whole(text: string, want: string[]): unknown {
  let v: unknown = parse(text);
  for (const k of want) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** smol-toml's tables have no prototype; compared with object literals as plain data. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

const DOCS: Record<string, string> = {
  plain: '[project]\nname = "x"\n\n[tool.memwise]\nselect = ["MW1", "MW2"]\nmax-file-size = "5MB"\n\n[tool.other]\na = 1\n',
  subtables: '[tool.memwise]\nselect = ["MW"]\n[tool.memwise.severity]\nMW301 = "error"\n[tool.ruff]\nselect = ["E"]\n[tool.memwise.extra]\nx = 1\n',
  dottedUnderTool: '[tool]\nmemwise.select = ["MW3"]\nmemwise.severity.MW1 = "info"\nother.k = 2\n',
  dottedAtRoot: 'tool.memwise.ignore = ["MW4"]\ntool.black.line-length = 100\n[project]\nname = "y"\n',
  inlineTable: 'tool = { memwise = { select = ["MW5"] }, other = { a = [1, 2] } }\n',
  quotedKeys: '[ tool . "memwise" ]\n"select" = [\'MW6\']\n[tool."me mwise"]\nselect = ["no"]\n[\'tool\'.memwise.severity]\n"MW\\u0031" = "error"\n',
  stringsThatLookLikeHeaders:
    '[tool.other]\ntext = """\n[tool.memwise]\nselect = ["WRONG"]\n"""\nlit = \'\'\'\n[tool.memwise]\n\'\'\'\nq = "[tool.memwise] = 1 # not a comment"\n' +
    '[tool.memwise]\nselect = ["MW7"] # a comment with [brackets] and "quotes\nnote = """a ""quoted"" \\""" value"""\n',
  multilineArrays: '[tool.memwise]\nselect = [\n  "MW1", # one\n  "MW2",\n  [\n "x" ],\n]\nignore = [ "MW9" ]\n[tool.after]\nv = """\n]\n"""\n',
  fiveQuotes: '[tool.memwise]\nnote = """ends with two quotes"""""\nlit = \'\'\'x\'\'\'\'\'\nselect = ["MW8"]\n',
  arrayOfTables: '[[tool.memwise.plugin]]\nname = "a"\n[[tool.memwise.plugin]]\nname = "b"\n[[tool.other]]\nn = 1\n',
  crlf: '[project]\r\nname = "z"\r\n[tool.memwise]\r\nselect = ["MW1"]\r\n',
  absent: '[project]\nname = "none"\n[tool.ruff]\nselect = ["E"]\n',
};

describe('tomlSubtree: one table of a TOML file by a linear scan (issue 15)', () => {
  for (const [name, text] of Object.entries(DOCS)) {
    for (const want of [
      ['tool', 'memwise'],
      ['tool', 'ruff'],
    ]) {
      it(`${name}: [${want.join('.')}] equals smol-toml's reading of the whole file`, () => {
        const expected = whole(text, want);
        const got = readTomlTable(text, want);
        assert.strictEqual(got.error, undefined, JSON.stringify(got.error));
        assert.deepStrictEqual(got.value, expected);
        assert.strictEqual(got.found, expected !== undefined);
      });
    }
  }

  it('reports a syntax error inside the table at its line in the file', () => {
    const text = '[project]\nname = "p"\n\n\n[tool.memwise]\nselect = ["MW1"]\nignore = [\n';
    const got = readTomlTable(text, ['tool', 'memwise']);
    assert.ok(got.error, 'an error');
    let line: number | undefined;
    try {
      parse(text);
    } catch (e) {
      line = (e as { line?: number }).line;
    }
    assert.strictEqual(got.error!.line, line, `smol-toml on the whole file says line ${line}; got ${JSON.stringify(got.error)}`);
  });

  it('ignores errors in tables it does not read, and unterminated strings end at the end of the file', () => {
    assert.deepStrictEqual(plain(readTomlTable('[tool.memwise]\nselect = ["MW1"]\n[tool.broken]\nx = = 1\n', ['tool', 'memwise']).value), { select: ['MW1'] });
    assert.deepStrictEqual(plain(readTomlTable('[tool.memwise]\nselect = ["MW1"]\n[tool.x]\ns = """never closed\n[tool.memwise]\n', ['tool', 'memwise']).value), { select: ['MW1'] });
  });

  it('hands the TOML parser only the wanted statements of a 10 MB file (what makes the read linear)', () => {
    // The cost figure is printed by bench/pyprojectRead.mjs; here the size the parser sees is the check.
    const table = Array.from({ length: 120_000 }, (_, i) => `k${i} = "${'x'.repeat(60)}"`).join('\n');
    const text = `[project]\nname = "big"\n${'\n'.repeat(2_000_000)}[tool.other]\n${table}\n[tool.memwise]\nselect = ["MW1"]\n`;
    assert.ok(text.length >= 10 * 1024 * 1024);
    const sub = tomlSubtree(text, ['tool', 'memwise']);
    assert.strictEqual(sub.text, '[tool.memwise]\nselect = ["MW1"]\n');
    assert.deepStrictEqual(sub.lineOf, [2_000_000 + 3 + 120_000 + 1, 2_000_000 + 3 + 120_000 + 2]);
    assert.deepStrictEqual(plain(readTomlTable(text, ['tool', 'memwise']).value), { select: ['MW1'] });
  });
});
