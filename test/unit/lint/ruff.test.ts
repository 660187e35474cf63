// MW401 ≈ C419, MW403 ≈ B019, MW405 ≈ PERF101: when the project's Ruff configuration selects the Ruff
// twin, Memwise stays quiet so the user never sees one warning twice.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../runCli';

// Each block is a data-scale case of one rule (lines of a file named on the command line).
const CODE = [
  'import csv',
  'import sys',
  'from functools import lru_cache',
  '',
  'total = sum([len(line) for line in open(sys.argv[1])])',
  '',
  'class Report:',
  '    @lru_cache(maxsize=None)',
  '    def rows(self, day):',
  '        return day',
  '',
  'with open(sys.argv[1]) as f:',
  '    rows = (line.split(",") for line in f)',
  '    for row in list(rows):',
  '        print(row, Report().rows(1))',
  '',
].join('\n');

async function rulesWith(files: Record<string, string>): Promise<string[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-ruff-'));
  fs.writeFileSync(path.join(root, 'job.py'), CODE);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const r = await runCli(['lint', '--format', 'json', 'job.py'], root);
  // Only the MW4xx twins: the same code also shows other families (the csv rows are MW2xx data too).
  return (JSON.parse(r.out).findings as Array<{ rule: string }>).map((f) => f.rule).filter((c) => c.startsWith('MW40')).sort();
}

describe('Ruff twins', () => {
  it('without a Ruff configuration (or with Ruff defaults) all three report', async () => {
    assert.deepStrictEqual(await rulesWith({}), ['MW401', 'MW403', 'MW405']);
    assert.deepStrictEqual(await rulesWith({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' }), ['MW401', 'MW403', 'MW405']);
  });

  it('[tool.ruff.lint] select with prefixes silences the duplicates', async () => {
    const pyproject = '[project]\nname = "job"\n\n[tool.ruff.lint]\nselect = ["E", "F", "C4", "B", "PERF"]\n';
    assert.deepStrictEqual(await rulesWith({ 'pyproject.toml': pyproject }), []);
  });

  it('exact codes, extend-select and ignore are honoured, most specific selector winning', async () => {
    assert.deepStrictEqual(await rulesWith({ 'ruff.toml': '[lint]\nextend-select = ["C419"]\n' }), ['MW403', 'MW405']);
    assert.deepStrictEqual(await rulesWith({ 'ruff.toml': 'select = ["ALL"]\nignore = ["PERF", "B019"]\n' }), ['MW403', 'MW405']);
    assert.deepStrictEqual(await rulesWith({ 'ruff.toml': '[lint]\nselect = ["B019", "PERF101"]\nignore = ["B", "PERF"]\n' }), ['MW401']);
  });

  it('.ruff.toml wins over ruff.toml and pyproject.toml in the same folder; a parent folder counts', async () => {
    const rules = await rulesWith({
      '.ruff.toml': '[lint]\nselect = ["C4"]\n',
      'ruff.toml': '[lint]\nselect = ["ALL"]\n',
      'pyproject.toml': '[tool.ruff.lint]\nselect = ["ALL"]\n',
    });
    assert.deepStrictEqual(rules, ['MW403', 'MW405']);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-ruff-'));
    fs.writeFileSync(path.join(root, 'ruff.toml'), '[lint]\nselect = ["B"]\n');
    fs.mkdirSync(path.join(root, 'jobs'));
    fs.writeFileSync(path.join(root, 'jobs', 'job.py'), CODE);
    const r = await runCli(['lint', '--format', 'json', 'jobs'], root);
    assert.deepStrictEqual((JSON.parse(r.out).findings as Array<{ rule: string }>).map((f) => f.rule).filter((c) => c.startsWith('MW40')).sort(), ['MW401', 'MW405']);
  });

  it('extend pulls in a base configuration; broken TOML keeps Memwise reporting', async () => {
    assert.deepStrictEqual(await rulesWith({ 'base.toml': '[lint]\nselect = ["PERF"]\n', 'ruff.toml': 'extend = "base.toml"\n[lint]\nextend-select = ["B"]\n' }), ['MW401']);
    assert.deepStrictEqual(await rulesWith({ 'ruff.toml': '[lint\nselect = ["ALL"]\n' }), ['MW401', 'MW403', 'MW405']);
  });
});
