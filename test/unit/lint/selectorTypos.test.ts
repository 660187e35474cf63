// `--select`/`--ignore` and config selectors that name no rule (issue 16: `lint --select MW7` printed two
// warnings, then "All checks passed!" and exit 0). Now: exit 2, one clear line, "did you mean" where one fits.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unknownSelectorMessages } from '../../../extension/src/core/lint/selectorCheck';
import { repoRoot, runCli } from '../runCli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('rule selector typos', () => {
  it('knows codes and prefixes; suggests the near code or lists the families', () => {
    assert.deepStrictEqual(unknownSelectorMessages(['MW', 'MW1', 'MW10', 'MW101', 'mw301', 'M'], ''), []);
    const [family] = unknownSelectorMessages(['MW7'], '--select: ');
    assert.match(family, /^--select: unknown rule code or prefix 'MW7'\. Rule families: MW1, MW2, MW3, MW4/);
    assert.match(unknownSelectorMessages(['MW1O1'], '')[0], /Did you mean MW101\?/);
    assert.match(unknownSelectorMessages(['MW1001'], '')[0], /Did you mean MW101\?/);
    assert.match(unknownSelectorMessages(['MW110'], '')[0], /Did you mean MW101\b/);
    assert.doesNotMatch(unknownSelectorMessages(['PANDAS'], '')[0], /Did you mean/);
  });

  it('--select MW7 and --ignore typos are usage errors (exit 2), never "All checks passed!"', async () => {
    const sel = await runCli(['lint', '--select', 'MW7', 'incident.py'], fixtures);
    assert.strictEqual(sel.code, 2, sel.out + sel.err);
    assert.match(sel.err, /--select: unknown rule code or prefix 'MW7'/);
    assert.doesNotMatch(sel.out, /All checks passed/);
    const ign = await runCli(['lint', '--ignore', 'MW1O1', 'incident.py'], fixtures);
    assert.strictEqual(ign.code, 2, ign.out + ign.err);
    assert.match(ign.err, /--ignore: unknown rule code or prefix 'MW1O1'\. Did you mean MW101\?/);
    const mixed = await runCli(['lint', '--select', 'MW1,MW77', 'incident.py'], fixtures);
    assert.strictEqual(mixed.code, 2);
  });

  it('an unknown selector in [tool.memwise] is a usage error too, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-seltypo-'));
    try {
      fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.memwise]\nselect = ["MW1", "MW3O1"]\n');
      fs.copyFileSync(path.join(fixtures, 'clean.py'), path.join(dir, 'a.py'));
      const r = await runCli(['lint', '.'], dir);
      assert.strictEqual(r.code, 2, r.out + r.err);
      assert.match(r.err, /pyproject\.toml.*select: unknown rule code or prefix 'MW3O1'\. Did you mean MW301\?/);
      assert.doesNotMatch(r.out, /All checks passed/);
      fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.memwise]\nselect = ["MW1", "MW301"]\n');
      assert.strictEqual((await runCli(['lint', '.'], dir)).code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
