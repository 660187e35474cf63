// Issue 8: "Review changed files" in a multi-root workspace (`runCodeServer.mjs --multi-root`): two
// workspace folders, each its own git repository that the harness committed before the window opened.
// The built-in Git extension discovers both by itself (no repositoryRoots passed); one repository has a
// committed change on a feature branch, the other an edited tracked file and an untracked file.
// The review must put findings from both repositories in the Problems panel, and nothing for unchanged files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReviewSummary } from '../../../extension/src/vscode/reviewFeature';
import type { GitExtension } from '../../../extension/src/vscode/gitApi';
import { memwiseApi, waitFor } from '../extensionApi';
import { git, INCIDENT_SCRIPT } from '../gitFixture';

const READLINES = `with open("app.log") as log:\n    for line in log.readlines():\n        print(line)\n`;

function memwiseProblems(file: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((d) => d.source === 'memwise');
}

describe('@multi-root Review changed files across two repositories', () => {
  before(function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip(); // only in `runCodeServer.mjs --multi-root`
  });

  it('lints the changes of both workspace folders into the Problems panel', async function () {
    this.timeout(60000);
    await memwiseApi();
    const [a, b] = vscode.workspace.workspaceFolders!.map((f) => f.uri.fsPath);
    assert.ok(fs.existsSync(path.join(a, '.git')) && fs.existsSync(path.join(b, '.git')), 'the harness did not make both folders git repositories');

    // Folder A: an edited tracked file and an untracked new file (both against HEAD on main).
    const edited = path.join(a, 'log_parser_fixed.py');
    fs.appendFileSync(edited, '\n' + READLINES);
    const untracked = path.join(a, 'added_in_a.py');
    fs.writeFileSync(untracked, INCIDENT_SCRIPT);
    // Folder B: a committed change on a feature branch (found through the merge base with main).
    const committed = path.join(b, 'feature_in_b.py');
    git(b, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(committed, INCIDENT_SCRIPT);
    git(b, 'add', 'feature_in_b.py');
    git(b, 'commit', '-q', '-m', 'feature');

    const gitExtension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (gitExtension) {
      // Let the editor's own repository discovery find both folders; the command gets no hints.
      const gitApi = (gitExtension.isActive ? gitExtension.exports : await gitExtension.activate()).getAPI(1);
      await waitFor(() => gitApi.repositories.length >= 2, 'the Git extension to discover both repositories', 30000);
    }
    const summary = await vscode.commands.executeCommand<ReviewSummary>('memwise.reviewChanges');
    console.log(`[review multi-root] Git extension ${gitExtension ? 'present' : 'ABSENT'}; ${summary.message}`);
    if (!gitExtension) {
      assert.strictEqual(summary.ok, false);
      assert.match(summary.message ?? '', /Git extension .* not available/);
      return;
    }
    assert.ok(summary.ok, summary.message);
    assert.deepStrictEqual(summary.repositories.map((r) => r.root).sort(), [a, b].sort(), JSON.stringify(summary.repositories));
    assert.deepStrictEqual([...summary.files].sort(), [untracked, committed, edited].sort(), JSON.stringify(summary.files));

    // The Problems panel has findings from both repositories, on the changed lines' rules.
    const inA = [...memwiseProblems(edited), ...memwiseProblems(untracked)];
    const inB = memwiseProblems(committed);
    assert.ok(inA.length >= 2, `folder A problems: ${JSON.stringify(inA.map((d) => d.message))}`);
    assert.ok(inB.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'MW101'), `folder B problems: ${JSON.stringify(inB.map((d) => d.message))}`);
    assert.ok(memwiseProblems(edited).some((d) => d.range.start.line > 10), 'no finding on the appended readlines() loop');
    // Unchanged files in either repository are not reviewed.
    assert.deepStrictEqual(memwiseProblems(path.join(a, 'request_log.py')), [], 'an unchanged file in folder A was reviewed');
    assert.deepStrictEqual(memwiseProblems(path.join(b, 'quadratic_memory.py')), [], 'an unchanged file in folder B was reviewed');
  });
});
