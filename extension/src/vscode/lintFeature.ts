// Lint while editing: diagnostics on open and on change (debounced, incremental re-parse from the
// previous state), quick fixes, rule hovers, and "Memwise: Lint workspace".
import * as vscode from 'vscode';
import { toIncrementalEdit } from '../core/lint/incrementalEdit';
import type { IncrementalEdit } from '../core/lint/types';
import { registerCodeActions } from './codeActions';
import { documentLintLanguage } from './documentLanguage';
import type { FeatureContext } from './featureContext';
import { lintService, type LintService } from './lintService';
import { registerRuleHover, showRuleDoc } from './ruleHover';
import { WorkspaceFindings } from './workspaceFindings';

const DEBOUNCE_MS = 150;

interface DocState {
  /** Front-end parse state for `text`, reused for the incremental re-parse. */
  state?: { dispose?(): void };
  /** Edits made since `state` was produced, in order. */
  pending: IncrementalEdit[];
  timer?: NodeJS.Timeout;
  running: Promise<void>;
  lintedVersion: number;
}

const LINTED_LANGUAGES = new Set(['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

/** A Python/JS file (or a `bin/tool` script by its `#!` line) still in its language mode (one switched to Plain Text is not linted live). */
function lintable(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote') && LINTED_LANGUAGES.has(doc.languageId) && !!documentLintLanguage(doc);
}

/** Untitled documents have no extension; use the language id to pick the front end. */
function pathFor(doc: vscode.TextDocument): string {
  if (doc.uri.scheme !== 'untitled') return doc.uri.fsPath;
  const ext: Record<string, string> = { python: '.py', javascript: '.js', typescript: '.ts', javascriptreact: '.jsx', typescriptreact: '.tsx' };
  return `${doc.uri.path}${ext[doc.languageId] ?? ''}`;
}

export function registerLinting(fc: FeatureContext): void {
  const service = lintService(fc.log);
  const docs = new Map<string, DocState>();
  const workspaceFindings = new WorkspaceFindings(service, fc.log, (uri) => docs.has(uri.toString()));
  let lintCount = 0;

  const lintNow = (doc: vscode.TextDocument, st: DocState): Promise<void> => {
    st.running = st.running.then(async () => {
      if (doc.isClosed || !service.enabled()) return;
      const { lintText } = (require('../core/lint/engine') as typeof import('../core/lint/engine'));
      const edits = st.pending;
      st.pending = [];
      const version = doc.version;
      const config = service.configResolver().forFile(pathFor(doc));
      service.reportNotices(config.notices);
      const previous = st.state;
      const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
      const result = await lintText({ path: pathFor(doc), text: doc.getText(), config, previous, edits: previous ? edits : undefined, root });
      if (previous && previous !== result.state) previous.dispose?.();
      st.state = result.state;
      lintCount++;
      if (doc.isClosed) {
        st.state?.dispose?.();
        return;
      }
      // A newer edit is already queued: its lint publishes; stale ranges would flicker.
      if (doc.version !== version) return;
      st.lintedVersion = version;
      service.publish(doc.uri, result);
    }).catch((err) => {
      st.state = undefined; // start over with a full parse next time
      fc.log.error(`Memwise lint of ${doc.uri.fsPath} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    });
    return st.running;
  };

  const stateFor = (doc: vscode.TextDocument): DocState => {
    const key = doc.uri.toString();
    let st = docs.get(key);
    if (!st) {
      st = { pending: [], running: Promise.resolve(), lintedVersion: -1 };
      docs.set(key, st);
    }
    return st;
  };

  const schedule = (doc: vscode.TextDocument, delay: number) => {
    if (!lintable(doc)) return;
    const st = stateFor(doc);
    clearTimeout(st.timer);
    st.timer = setTimeout(() => void lintNow(doc, st), delay);
  };

  const forget = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    const st = docs.get(key);
    if (!st) return;
    clearTimeout(st.timer);
    void st.running.then(() => st.state?.dispose?.());
    docs.delete(key);
    if (!workspaceFindings.keepOnClose(doc.uri)) service.clear(doc.uri);
  };

  const relintOpen = () => {
    service.resetConfig();
    for (const doc of vscode.workspace.textDocuments) {
      if (!service.enabled()) service.clear(doc.uri);
      else schedule(doc, 0);
    }
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/pyproject.toml');
  fc.extension.subscriptions.push(
    service,
    workspaceFindings,
    watcher,
    watcher.onDidChange(relintOpen),
    watcher.onDidCreate(relintOpen),
    watcher.onDidDelete(relintOpen),
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!lintable(e.document) || e.contentChanges.length === 0) return;
      const st = stateFor(e.document);
      for (const c of e.contentChanges) st.pending.push(toIncrementalEdit(c));
      schedule(e.document, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('memwise.lint')) relintOpen();
    }),
    vscode.commands.registerCommand('memwise.lintWorkspace', () => lintWorkspace(service, fc, docs, workspaceFindings)),
    vscode.commands.registerCommand('memwise.showRuleDoc', (code?: string) => showRuleDoc(code)),
    registerCodeActions(service),
    registerRuleHover(),
  );
  for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);

  fc.api.lint = {
    /** Number of lint passes run (tests wait on it). */
    get lintCount() {
      return lintCount;
    },
    /** Version of the document the current diagnostics belong to, or -1. */
    lintedVersion: (uri: vscode.Uri) => docs.get(uri.toString())?.lintedVersion ?? -1,
  };
}

async function lintWorkspace(service: LintService, fc: FeatureContext, open: Map<string, DocState>, kept: WorkspaceFindings): Promise<{ files: number; findings: number; notices: number }> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const total = { files: 0, findings: 0, notices: 0 };
  if (!service.enabled()) {
    void vscode.window.showInformationMessage('Memwise linting is turned off (memwise.lint.enable).');
    return total;
  }
  const { lintPaths } = (require('../core/lint/lintRun') as typeof import('../core/lint/lintRun'));
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Memwise: linting workspace' }, async () => {
    for (const folder of folders) {
      const run = await lintPaths({
        paths: [folder.uri.fsPath],
        cwd: folder.uri.fsPath,
        overrides: service.overrides(),
        workerThreshold: 0, // the extension bundle is not a worker script; lint in-process
        onFile: (r) => {
          const uri = vscode.Uri.file(r.path);
          kept.note(uri);
          // Open documents keep their live (unsaved-text) diagnostics.
          if (!open.has(uri.toString())) service.publish(uri, r);
        },
      });
      service.reportNotices(run.notices);
      total.files += run.results.length;
      total.findings += run.results.reduce((n, r) => n + r.findings.length, 0);
      total.notices += run.notices.length + run.results.reduce((n, r) => n + r.notices.length, 0);
    }
  });
  fc.log.info(`Memwise: linted ${total.files} files in ${folders.length} folder(s): ${total.findings} findings.`);
  return total;
}
