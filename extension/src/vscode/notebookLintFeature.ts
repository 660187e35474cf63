// Lint Jupyter notebooks in VS Code's built-in notebook editor as you type: the code cells go through the
// notebook lint (core/notebook) as one program, and each finding is published on its cell's document
// (scheme vscode-notebook-cell), where quick fixes, "disable for this line" and hovers work as in scripts.
import * as vscode from 'vscode';
import type { NotebookLintResult } from '../core/notebook/notebookLint';
import type { CellInput } from '../core/notebook/notebookProgram';
import type { Finding } from '../core/lint/types';
import { NOTEBOOK_CELL_SCHEME } from './documentLanguage';
import type { FeatureContext } from './featureContext';
import { lintService } from './lintService';

const DEBOUNCE_MS = 150;
const JUPYTER = 'jupyter-notebook';

interface NotebookState {
  previous?: NotebookLintResult;
  timer?: NodeJS.Timeout;
  running: Promise<void>;
  /** Cell documents that hold diagnostics from this notebook, to clear them when cells go away. */
  published: Set<string>;
  /** Milliseconds each lint of this notebook took, newest last (tests and the bench read them). */
  timings: number[];
}

/** The notebook's cells as the notebook lint wants them; non-Python code cells count as text. */
export function cellInputs(nb: vscode.NotebookDocument): CellInput[] {
  return nb.getCells().map((c) => ({
    index: c.index,
    kind: c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python' ? 'code' : 'markdown',
    source: c.document.getText(),
  }));
}

export function registerNotebookLinting(fc: FeatureContext): void {
  const service = lintService(fc.log);
  const states = new Map<string, NotebookState>();
  let lintCount = 0;

  const lintNow = (nb: vscode.NotebookDocument, st: NotebookState): Promise<void> => {
    st.running = st.running
      .then(async () => {
        if (nb.isClosed || !service.enabled()) return;
        const { lintNotebookCells } = require('../core/notebook/notebookLint') as typeof import('../core/notebook/notebookLint');
        const config = service.configResolver().forFile(nb.uri.fsPath);
        service.reportNotices(config.notices);
        const started = performance.now();
        const result = await lintNotebookCells({ path: nb.uri.fsPath, cells: cellInputs(nb), config, previous: st.previous });
        st.timings.push(performance.now() - started);
        if (st.timings.length > 1000) st.timings.shift();
        st.previous = result;
        lintCount++;
        if (nb.isClosed) return;
        publish(nb, st, result);
      })
      .catch((err) => {
        st.previous = undefined; // start over with a full parse next time
        fc.log.error(`Memwise lint of ${nb.uri.fsPath} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      });
    return st.running;
  };

  const publish = (nb: vscode.NotebookDocument, st: NotebookState, result: NotebookLintResult) => {
    const byCell = new Map<number, Finding[]>();
    for (const f of result.findings) byCell.set(f.cell!, [...(byCell.get(f.cell!) ?? []), f]);
    const now = new Set<string>();
    for (const cell of nb.getCells()) {
      const findings = byCell.get(cell.index) ?? [];
      const key = cell.document.uri.toString();
      if (!findings.length && !st.published.has(key)) continue;
      service.publish(cell.document.uri, { findings, notices: [], suppressed: 0 });
      if (findings.length) now.add(key);
    }
    for (const key of st.published) if (!now.has(key)) service.clear(vscode.Uri.parse(key));
    st.published = now;
    service.reportNotices(result.notices);
  };

  const stateFor = (nb: vscode.NotebookDocument): NotebookState => {
    const key = nb.uri.toString();
    let st = states.get(key);
    if (!st) {
      st = { running: Promise.resolve(), published: new Set(), timings: [] };
      states.set(key, st);
    }
    return st;
  };

  const schedule = (nb: vscode.NotebookDocument, delay: number) => {
    if (nb.notebookType !== JUPYTER) return;
    const st = stateFor(nb);
    clearTimeout(st.timer);
    st.timer = setTimeout(() => void lintNow(nb, st), delay);
  };

  const forget = (nb: vscode.NotebookDocument) => {
    const st = states.get(nb.uri.toString());
    if (!st) return;
    clearTimeout(st.timer);
    void st.running.then(() => st.previous?.state?.dispose?.());
    for (const key of st.published) service.clear(vscode.Uri.parse(key));
    states.delete(nb.uri.toString());
  };

  const relintAll = () => {
    for (const nb of vscode.workspace.notebookDocuments) schedule(nb, 0);
  };
  // lintFeature.ts drops the cached configuration when a pyproject.toml changes; notebooks re-lint with the new one.
  const watcher = vscode.workspace.createFileSystemWatcher('**/pyproject.toml');

  const notebookOf = (doc: vscode.TextDocument) => vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));

  fc.extension.subscriptions.push(
    watcher,
    watcher.onDidChange(relintAll),
    watcher.onDidCreate(relintAll),
    watcher.onDidDelete(relintAll),
    vscode.workspace.onDidOpenNotebookDocument((nb) => {
      service.clear(nb.uri); // "Lint workspace" may have published on the file itself; the cells take over
      schedule(nb, 0);
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.contentChanges.length) schedule(e.notebook, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== NOTEBOOK_CELL_SCHEME || !e.contentChanges.length) return;
      const nb = notebookOf(e.document);
      if (nb) schedule(nb, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidCloseNotebookDocument(forget),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('memwise.lint')) return;
      for (const nb of vscode.workspace.notebookDocuments) {
        if (!service.enabled()) forget(nb);
        else schedule(nb, 0);
      }
    }),
  );
  for (const nb of vscode.workspace.notebookDocuments) schedule(nb, 0);

  fc.api.notebookLint = {
    get lintCount() {
      return lintCount;
    },
    /** Lint a notebook now and wait for it (tests). */
    lint: (nb: vscode.NotebookDocument) => lintNow(nb, stateFor(nb)),
    timings: (uri: vscode.Uri) => states.get(uri.toString())?.timings ?? [],
  };
}
