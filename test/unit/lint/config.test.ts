import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tempTree as sharedTempTree } from '../tempTree';
import { ConfigResolver, defaultConfig, isRuleEnabled, parseSize, severityFor } from '../../../extension/src/core/lint/config';

function tempTree(files: Record<string, string>): string {
  return sharedTempTree(files, 'memwise-config-');
}

describe('lint configuration', () => {
  it('selects by prefix with Ruff-style specificity; opt-in rules need an explicit selector', () => {
    const c = { ...defaultConfig(), select: ['MW1', 'MW301'], ignore: ['MW10'] };
    assert.strictEqual(isRuleEnabled(c, 'MW101', { defaultEnabled: true }), false); // MW10 ignore is more specific than MW1
    assert.strictEqual(isRuleEnabled(c, 'MW111', { defaultEnabled: true }), true);
    assert.strictEqual(isRuleEnabled(c, 'MW301', { defaultEnabled: true }), true);
    assert.strictEqual(isRuleEnabled(c, 'MW302', { defaultEnabled: true }), false);
    const d = defaultConfig();
    assert.strictEqual(isRuleEnabled(d, 'MW901', { defaultEnabled: false }), false);
    assert.strictEqual(isRuleEnabled({ ...d, extendSelect: ['MW9'] }, 'MW901', { defaultEnabled: false }), true);
  });

  it('reads [tool.memwise] from the nearest pyproject.toml walking up, with severity prefixes', () => {
    const root = tempTree({
      'pyproject.toml': '[project]\nname = "x"\n\n[tool.memwise]\nignore = ["MW4"]\nmax-file-size = "1MB"\nexclude = ["generated/"]\n\n[tool.memwise.severity]\nMW1 = "error"\nMW101 = "hint"\n',
      'pkg/sub/a.py': '',
      'generated/g.py': '',
    });
    const r = new ConfigResolver();
    const c = r.forFile(path.join(root, 'pkg/sub/a.py'));
    assert.deepStrictEqual(c.notices, []);
    assert.strictEqual(c.source, path.join(root, 'pyproject.toml'));
    assert.deepStrictEqual(c.ignore, ['MW4']);
    assert.strictEqual(c.maxFileSize, 1024 * 1024);
    assert.strictEqual(severityFor(c, 'MW101', 'warning'), 'hint');
    assert.strictEqual(severityFor(c, 'MW102', 'warning'), 'error');
    assert.strictEqual(severityFor(c, 'MW301', 'warning'), 'warning');
    assert.strictEqual(r.isExcluded(path.join(root, 'generated/g.py')), true);
    assert.strictEqual(r.isExcluded(path.join(root, 'pkg/sub/a.py')), false);
  });

  it('names the file and key for a bad value and keeps linting with defaults for that key', () => {
    const root = tempTree({ 'pyproject.toml': '[tool.memwise]\nselect = "MW1"\nseverity = { MW101 = "loud" }\nmax-file-size = "huge"\ncolour = 1\n' });
    const c = new ConfigResolver().forDir(root);
    const messages = c.notices.map((n) => n.message);
    const file = path.join(root, 'pyproject.toml');
    assert.ok(messages.includes(`${file}: [tool.memwise] severity.MW101: expected one of error|warning|info|hint, got 'loud'; using the rule's default.`), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith(`${file}: [tool.memwise] select: expected a list`)), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('max-file-size: expected a positive size')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('colour: unknown key')), messages.join('\n'));
    assert.deepStrictEqual(c.select, ['MW']);
    assert.deepStrictEqual(c.severity, {});
  });

  it('reports invalid TOML with its position instead of throwing', () => {
    const root = tempTree({ 'pyproject.toml': '[tool.memwise]\nselect = [\n' });
    const c = new ConfigResolver().forDir(root);
    assert.strictEqual(c.notices.length, 1);
    assert.match(c.notices[0].message, /pyproject\.toml:\d+:\d+: invalid TOML/);
    assert.deepStrictEqual(c.select, ['MW']);
  });

  it('layers editor/CLI overrides over the file', () => {
    const root = tempTree({ 'pyproject.toml': '[tool.memwise]\nselect = ["MW1"]\n' });
    const c = new ConfigResolver([{ settings: { select: ['MW3'], ignore: ['MW302'], severity: { MW301: 'error' } }, where: 'settings:' }]).forDir(root);
    assert.deepStrictEqual(c.select, ['MW3']);
    assert.deepStrictEqual(c.ignore, ['MW302']);
    assert.strictEqual(c.severity.MW301, 'error');
  });

  it('parses sizes', () => {
    assert.strictEqual(parseSize('5MB'), 5 * 1024 * 1024);
    assert.strictEqual(parseSize('500 kb'), 500 * 1024);
    assert.strictEqual(parseSize(1234), 1234);
    assert.strictEqual(parseSize('lots'), undefined);
  });

  it('reads a pyproject.toml of blank lines and a 10 MB one without a regex over the whole text', function () {
    // The old check, a multiline /^\s*\[.../m regex, was quadratic in blank lines: 200 KB took 47 s, 10 MB never ends.
    this.timeout(30000);
    const blank = tempTree({ 'pyproject.toml': '\n'.repeat(200_000) + '[tool.memwise]\nignore = ["MW4"]\n' });
    assert.deepStrictEqual(new ConfigResolver().forDir(blank).ignore, ['MW4']);
    const table = Array.from({ length: 120_000 }, (_, i) => `k${i} = "${'x'.repeat(60)}"`).join('\n');
    const big = tempTree({ 'pyproject.toml': `[project]\nname = "big"\n${'\n'.repeat(2_000_000)}[tool.other]\n${table}\n[tool.memwise]\nselect = ["MW1"]\n` });
    assert.ok(fs.statSync(path.join(big, 'pyproject.toml')).size >= 10 * 1024 * 1024);
    const c = new ConfigResolver().forDir(big);
    assert.deepStrictEqual(c.select, ['MW1']);
    assert.deepStrictEqual(c.notices, []);
  });
});
