// The editor's lint state shared by the lint and review features: one diagnostic collection, the fix
// store, and configuration (pyproject.toml layered under the memwise.lint.* settings).
import * as vscode from 'vscode';
import { ConfigResolver, type LintSettings } from '../core/lint/config';
import type { LintFileResult, LintTextResult } from '../core/lint/engine';
import type { Notice, Severity } from '../core/lint/types';
import { FindingStore, toDiagnostic } from './diagnostics';

/** A setting's value only where the user (or workspace) set it, so the default leaves pyproject.toml in charge. */
function explicitSetting<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

export class LintService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('memwise');
  readonly findings = new FindingStore();
  private resolver: ConfigResolver | undefined;
  private shownNotices = new Set<string>();

  constructor(private log: vscode.LogOutputChannel) {}

  enabled(): boolean {
    return vscode.workspace.getConfiguration('memwise.lint').get<boolean>('enable', true);
  }

  /** Editor settings as an override layer over each pyproject.toml. */
  settings(): LintSettings {
    const c = vscode.workspace.getConfiguration('memwise.lint');
    return {
      select: c.get<string[]>('select', []),
      ignore: c.get<string[]>('ignore', []),
      severity: c.get<Record<string, Severity>>('severity', {}),
      // Only an explicit true overrides [tool.memwise]; the default leaves the project's choice alone.
      includeVendored: c.get<boolean>('includeVendored', false) || undefined,
      // Only a value the user set overrides [tool.memwise]'s small-input-bytes.
      smallInputBytes: explicitSetting<number>(c, 'smallInputBytes'),
    };
  }

  overrides(): Array<{ settings: LintSettings; where: string }> {
    return [{ settings: this.settings(), where: 'settings: memwise.lint.' }];
  }

  configResolver(): ConfigResolver {
    this.resolver ??= new ConfigResolver(this.overrides());
    return this.resolver;
  }

  /** Settings or a pyproject.toml changed: forget cached configuration. */
  resetConfig(): void {
    this.resolver = undefined;
    this.shownNotices.clear();
  }

  /** Show each configuration problem once (log + warning), and log per-file notices. */
  reportNotices(notices: Notice[]): void {
    for (const n of notices) {
      if (this.shownNotices.has(n.message)) continue;
      this.shownNotices.add(n.message);
      if (n.kind === 'config') {
        this.log.warn(`Memwise config: ${n.message}`);
        void vscode.window.showWarningMessage(`Memwise: ${n.message}`);
      } else if (n.kind === 'internal') this.log.error(n.message);
      else this.log.info(n.message);
    }
  }

  publish(uri: vscode.Uri, result: LintTextResult | LintFileResult): void {
    // A notebook linted from disk ("Lint workspace") is shown on the .ipynb file at the JSON lines; once
    // it is opened, notebookLintFeature.ts publishes on the cells instead.
    const fromDisk = result.findings.some((f) => f.fileRange);
    if (fromDisk && vscode.workspace.notebookDocuments.some((n) => n.uri.toString() === uri.toString())) return; // its cells hold the live findings
    const findings = fromDisk ? result.findings.map((f) => (f.fileRange ? { ...f, range: f.fileRange, fixes: [] } : f)) : result.findings;
    this.findings.record(uri, findings);
    this.collection.set(uri, findings.map(toDiagnostic));
    this.reportNotices(result.notices);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.findings.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

let service: LintService | undefined;

export function lintService(log: vscode.LogOutputChannel): LintService {
  service ??= new LintService(log);
  return service;
}
