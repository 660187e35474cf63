// "Memwise: Review changed files": for each Git repository in the workspace (multi-root aware), find
// the files changed against the base branch with the built-in Git extension, lint them into the
// Problems panel and summarise the findings by rule.
import * as path from 'path';
import * as vscode from 'vscode';
import { languageOf } from '../core/lint/languages';
import type { FeatureContext } from './featureContext';
import { DELETED_STATUSES, type GitAPI, type GitExtension, type GitRepository } from './gitApi';
import { lintService } from './lintService';

export interface ReviewSummary {
  ok: boolean;
  /** Set when the review could not run (no Git, no repository). */
  message?: string;
  repositories: Array<{ root: string; base: string; files: number }>;
  files: string[];
  findings: number;
  byRule: Record<string, number>;
}

const BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

async function gitApi(): Promise<GitAPI | string> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return 'the built-in Git extension (vscode.git) is not available in this editor, so Memwise cannot find changed files. Run `memwise lint --diff` in a terminal instead.';
  let exports: GitExtension;
  try {
    exports = ext.isActive ? ext.exports : await ext.activate();
  } catch (err) {
    return `the built-in Git extension failed to start (${err instanceof Error ? err.message : String(err)}). Run \`memwise lint --diff\` in a terminal instead.`;
  }
  if (!exports?.enabled) return 'Git is disabled (setting "git.enabled" is false, or git is not installed). Enable it, or run `memwise lint --diff` in a terminal.';
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 10000);
      const sub = api.onDidChangeState((s) => {
        if (s === 'initialized') {
          clearTimeout(t);
          sub.dispose();
          resolve();
        }
      });
    });
  }
  return api;
}

async function baseOf(repo: GitRepository): Promise<string> {
  for (const ref of BASE_CANDIDATES) {
    try {
      const mb = await repo.getMergeBase(ref, 'HEAD');
      if (mb) return mb;
    } catch {
      /* ref does not exist in this repository */
    }
  }
  return 'HEAD';
}

export async function reviewChanges(fc: FeatureContext, args?: { repositoryRoots?: string[] }): Promise<ReviewSummary> {
  const summary: ReviewSummary = { ok: false, repositories: [], files: [], findings: 0, byRule: {} };
  const api = await gitApi();
  if (typeof api === 'string') {
    summary.message = `Memwise review: ${api}`;
    void vscode.window.showWarningMessage(summary.message);
    return summary;
  }
  for (const root of args?.repositoryRoots ?? []) {
    try {
      await api.openRepository?.(vscode.Uri.file(root));
    } catch (err) {
      fc.log.warn(`Memwise review: could not open repository ${root}: ${String(err)}`);
    }
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inWorkspace = (p: string) => folders.some((f) => !path.relative(f.uri.fsPath, p).startsWith('..'));
  const repos = api.repositories.filter((r) => inWorkspace(r.rootUri.fsPath) || folders.some((f) => !path.relative(r.rootUri.fsPath, f.uri.fsPath).startsWith('..')));
  if (repos.length === 0) {
    summary.message = 'Memwise review: no Git repository found in this workspace. Open a folder that is a Git repository (or run "git init").';
    void vscode.window.showWarningMessage(summary.message);
    return summary;
  }
  const service = lintService(fc.log);
  const { lintText, lintFile } = (require('../core/lint/engine') as typeof import('../core/lint/engine'));
  const resolver = service.configResolver();
  for (const repo of repos) {
    const base = await baseOf(repo);
    await repo.status().catch(() => undefined);
    const changed = new Map<string, vscode.Uri>();
    const add = (uri: vscode.Uri, status: number) => {
      if (!DELETED_STATUSES.has(status) && languageOf(uri.fsPath)) changed.set(uri.toString(), uri);
    };
    try {
      for (const c of await repo.diffWith(base)) add(c.uri, c.status);
    } catch (err) {
      fc.log.warn(`Memwise review: git diff against ${base} failed in ${repo.rootUri.fsPath}: ${String(err)}`);
    }
    for (const c of [...repo.state.indexChanges, ...repo.state.workingTreeChanges, ...(repo.state.untrackedChanges ?? [])]) add(c.uri, c.status);
    for (const uri of changed.values()) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const config = resolver.forFile(uri.fsPath);
      if (resolver.isExcluded(uri.fsPath)) continue;
      const result = open ? await lintText({ path: uri.fsPath, text: open.getText(), config }) : await lintFile(uri.fsPath, config);
      if (open) result.state?.dispose?.();
      service.publish(uri, result);
      summary.files.push(uri.fsPath);
      summary.findings += result.findings.length;
      for (const f of result.findings) summary.byRule[f.rule] = (summary.byRule[f.rule] ?? 0) + 1;
    }
    summary.repositories.push({ root: repo.rootUri.fsPath, base, files: changed.size });
  }
  summary.ok = true;
  const rules = Object.entries(summary.byRule)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ');
  summary.message =
    summary.findings === 0
      ? `Memwise review: no memory findings in ${summary.files.length} changed file(s).`
      : `Memwise review: ${summary.findings} finding(s) in ${summary.files.length} changed file(s): ${rules}.`;
  fc.log.info(summary.message);
  void vscode.window.showInformationMessage(summary.message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

export function registerReview(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    vscode.commands.registerCommand('memwise.reviewChanges', async (args?: { repositoryRoots?: string[] }) => {
      const summary = await reviewChanges(fc, args);
      fc.api.lastReview = summary;
      return summary;
    }),
  );
}
