// Findings from "Memwise: Lint workspace" stay in Problems until the file changes (issue 16: closing a file
// dropped them). Files the workspace lint covered are remembered: when one is closed its findings are
// re-read from the file on disk (its unsaved edits are gone) instead of cleared, and a change on disk to a
// file that is not open re-lints it; a deleted file loses its findings.
import * as vscode from 'vscode';
import { languageOf } from '../core/lint/languages';
import type { LintService } from './lintService';

export class WorkspaceFindings implements vscode.Disposable {
  private readonly covered = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,pyi,js,mjs,cjs,jsx,ts,tsx,mts,cts}');
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly service: LintService,
    private readonly log: vscode.LogOutputChannel,
    private readonly isOpen: (uri: vscode.Uri) => boolean,
  ) {
    this.subs = [
      this.watcher,
      this.watcher.onDidChange((uri) => this.onDiskChange(uri)),
      this.watcher.onDidCreate((uri) => this.onDiskChange(uri)),
      this.watcher.onDidDelete((uri) => {
        if (this.covered.delete(uri.toString())) this.service.clear(uri);
      }),
    ];
  }

  /** "Lint workspace" reported on this file (open or not). */
  note(uri: vscode.Uri): void {
    this.covered.add(uri.toString());
  }

  /** A document closed. True when its findings are kept (re-linted from disk); false: clear them as before. */
  keepOnClose(uri: vscode.Uri): boolean {
    if (!this.covered.has(uri.toString()) || uri.scheme !== 'file') return false;
    void this.relint(uri);
    return true;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }

  private onDiskChange(uri: vscode.Uri): void {
    // Open files are linted from their editor text as they change; only closed, covered files need this.
    if (this.covered.has(uri.toString()) && !this.isOpen(uri)) void this.relint(uri);
  }

  private async relint(uri: vscode.Uri): Promise<void> {
    if (!languageOf(uri.fsPath) || !this.service.enabled()) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const { lintPaths } = require('../core/lint/lintRun') as typeof import('../core/lint/lintRun');
    try {
      const run = await lintPaths({
        paths: [uri.fsPath],
        cwd: folder?.uri.fsPath ?? uri.fsPath.replace(/[\\/][^\\/]*$/, ''),
        overrides: this.service.overrides(),
        workerThreshold: 0,
        onFile: (r) => {
          if (!this.isOpen(uri)) this.service.publish(uri, r);
        },
      });
      if (!run.results.length) this.service.clear(uri); // gone or no longer lintable
    } catch (err) {
      this.log.error(`Memwise: re-linting ${uri.fsPath} from disk failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
