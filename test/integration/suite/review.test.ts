// "Memwise: Review changed files" on a real git repository the test creates inside the workspace:
// changed and new files are linted into the Problems panel; unchanged files are not.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReviewSummary } from '../../../extension/src/vscode/reviewFeature';
import { memwiseApi, workspaceRoot } from '../extensionApi';
import { git, INCIDENT_SCRIPT } from '../gitFixture';

describe('Review changed files', () => {
  it('lints the files changed against the base branch into the Problems panel', async function () {
    this.timeout(60000);
    await memwiseApi();
    const repo = path.join(workspaceRoot(), 'review-fixture');
    fs.mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'unchanged.py'), INCIDENT_SCRIPT);
    fs.writeFileSync(path.join(repo, 'report.py'), 'print("hello")\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(path.join(repo, 'report.py'), 'with open("app.log") as log:\n    for line in log.readlines():\n        print(line)\n');
    git(repo, 'commit', '-q', '-am', 'read the log');
    fs.writeFileSync(path.join(repo, 'added.py'), INCIDENT_SCRIPT); // untracked, uncommitted

    const gitExtension = vscode.extensions.getExtension('vscode.git');
    const summary = await vscode.commands.executeCommand<ReviewSummary>('memwise.reviewChanges', { repositoryRoots: [repo] });
    console.log(`[review] built-in Git extension ${gitExtension ? 'present' : 'ABSENT'}; ${summary.message}`);
    if (!gitExtension) {
      // The editor build has no Git extension: the command must say so clearly.
      assert.strictEqual(summary.ok, false);
      assert.match(summary.message ?? '', /Git extension .* not available/);
      return;
    }
    assert.ok(summary.ok, summary.message);
    const names = summary.files.map((f) => path.relative(repo, f)).sort();
    assert.deepStrictEqual(names, ['added.py', 'report.py']);
    assert.ok(summary.findings >= 2, JSON.stringify(summary));
    assert.ok(Object.keys(summary.byRule).some((c) => c.startsWith('MW3')), JSON.stringify(summary.byRule));
    assert.ok(Object.keys(summary.byRule).includes('MW101'), JSON.stringify(summary.byRule));
    assert.match(summary.message ?? '', /finding\(s\) in 2 changed file\(s\)/);

    const problems = (name: string) => vscode.languages.getDiagnostics(vscode.Uri.file(path.join(repo, name))).filter((d) => d.source === 'memwise');
    assert.ok(problems('report.py').some((d) => d.range.start.line === 1), JSON.stringify(problems('report.py').map((d) => d.message)));
    assert.ok(problems('added.py').length >= 1);
    assert.strictEqual(problems('unchanged.py').length, 0, 'an unchanged file was reviewed');
  });
});
