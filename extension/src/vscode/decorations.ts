// Inline costs after a run: the top lines get an end-of-line annotation such as `▲ 812 MiB (64%)`,
// coloured by their share of the attributed growth (theme colours), with a hover giving the details and a
// link to the chart. Toggled by `memwise.toggleLineCosts` / `memwise.lineCosts.enabled`. Once a file is
// edited its annotations turn grey and say "stale": the numbers describe the code as it was run.
import * as path from 'path';
import * as vscode from 'vscode';
import { formatBytes } from '../core/bytes';
import type { LineCost, RunFile } from '../core/profile/runFileTypes';
import type { FeatureContext } from './featureContext';
import { cellKey, documentKey } from './notebookCells';

const TOP_LINES = 10;
/** Below this share a line isn't worth an annotation (noise from the sampler). */
const MIN_SHARE = 0.01;

interface Annotated {
  line: LineCost;
  share: number;
}

interface State {
  run?: RunFile;
  /** Absolute file path → its annotated lines. */
  byFile: Map<string, Annotated[]>;
  /** Files edited since the run (their annotations are stale). */
  stale: Set<string>;
  types?: { high: vscode.TextEditorDecorationType; mid: vscode.TextEditorDecorationType; low: vscode.TextEditorDecorationType; stale: vscode.TextEditorDecorationType };
}

const state: State = { byFile: new Map(), stale: new Set() };

export function registerLineCosts(fc: FeatureContext): void {
  const subs = fc.extension.subscriptions;
  state.types = {
    high: decorationType('editorError.foreground'),
    mid: decorationType('editorWarning.foreground'),
    low: decorationType('editorInfo.foreground'),
    stale: decorationType('disabledForeground', true),
  };
  subs.push(state.types.high, state.types.mid, state.types.low, state.types.stale);
  subs.push(
    vscode.commands.registerCommand('memwise.toggleLineCosts', async () => {
      const config = vscode.workspace.getConfiguration('memwise');
      const next = !enabled();
      await config.update('lineCosts.enabled', next, vscode.ConfigurationTarget.Global);
      refreshAll(fc);
      return next;
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => refreshAll(fc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('memwise.lineCosts')) refreshAll(fc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const file = documentKey(e.document);
      if (!e.contentChanges.length || !state.byFile.has(file) || state.stale.has(file)) return;
      state.stale.add(file);
      refreshAll(fc);
    }),
  );
}

/** Annotate the top lines of `run` in every visible editor (and in editors opened later). */
export function showLineCosts(fc: FeatureContext, run: RunFile): void {
  state.run = run;
  state.byFile = annotate(run);
  state.stale.clear();
  refreshAll(fc);
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('memwise').get<boolean>('lineCosts.enabled', true);
}

/** The top lines by growth with their share of the total attributed growth, grouped by absolute file. */
export function annotate(run: RunFile): Map<string, Annotated[]> {
  const positive = run.lines.filter((l) => l.growthBytes > 0);
  const total = positive.reduce((s, l) => s + l.growthBytes, 0);
  const byFile = new Map<string, Annotated[]>();
  if (!total) return byFile;
  for (const line of [...positive].sort((a, b) => b.growthBytes - a.growthBytes).slice(0, TOP_LINES)) {
    const share = line.growthBytes / total;
    if (share < MIN_SHARE) continue;
    // Notebook runs: a cell's lines are keyed by the cell, so they land on that cell's editor.
    const file = line.cell === undefined ? resolveFile(line.file, run) : cellKey(resolveFile(line.file, run), line.cell);
    const list = byFile.get(file) ?? [];
    list.push({ line, share });
    byFile.set(file, list);
  }
  return byFile;
}

function resolveFile(file: string, run: RunFile): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  const base = run.cwd && path.isAbsolute(run.cwd) ? run.cwd : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  return path.normalize(path.join(base, file));
}

function refreshAll(fc: FeatureContext): void {
  const types = state.types;
  if (!types) return;
  const on = enabled();
  let count = 0;
  for (const editor of vscode.window.visibleTextEditors) {
    const file = documentKey(editor.document);
    const items = on ? state.byFile.get(file) ?? [] : [];
    const stale = state.stale.has(file);
    const buckets = { high: [] as vscode.DecorationOptions[], mid: [] as vscode.DecorationOptions[], low: [] as vscode.DecorationOptions[], stale: [] as vscode.DecorationOptions[] };
    for (const a of items) {
      const lineIdx = a.line.line - 1;
      if (lineIdx < 0 || lineIdx >= editor.document.lineCount) continue;
      const end = editor.document.lineAt(lineIdx).range.end;
      const label = `▲ ${formatBytes(a.line.growthBytes)} (${(a.share * 100).toFixed(0)}%)${stale ? ' · stale (edited since the run)' : ''}`;
      const opt: vscode.DecorationOptions = {
        range: new vscode.Range(end, end),
        hoverMessage: hover(a, stale),
        renderOptions: { after: { contentText: label } },
      };
      buckets[stale ? 'stale' : a.share >= 0.5 ? 'high' : a.share >= 0.15 ? 'mid' : 'low'].push(opt);
      count++;
    }
    editor.setDecorations(types.high, buckets.high);
    editor.setDecorations(types.mid, buckets.mid);
    editor.setDecorations(types.low, buckets.low);
    editor.setDecorations(types.stale, buckets.stale);
  }
  fc.api.lineCosts = { enabled: on, shown: count, staleFiles: [...state.stale] };
}

function hover(a: Annotated, stale: boolean): vscode.MarkdownString {
  const l = a.line;
  const run = state.run;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['memwise.showLastProfile', 'memwise.toggleLineCosts'] };
  md.appendMarkdown(`**Memwise:** memory grew by **${formatBytes(l.growthBytes)}** while this line ran `);
  md.appendMarkdown(`(${(a.share * 100).toFixed(1)}% of the growth attributed to code, ${l.samples} samples`);
  if (run) md.appendMarkdown(`; run peak ${formatBytes(run.peakBytes)}`);
  md.appendMarkdown(').\n\n');
  md.appendText(`In ${l.function || '<module>'} — ${path.basename(l.file)}:${l.cell === undefined ? '' : `cell ${l.cell + 1}:`}${l.line}`);
  md.appendMarkdown('\n\n');
  if (stale) md.appendMarkdown('_The file was edited since the run; profile again for fresh numbers._\n\n');
  md.appendMarkdown('[Show the chart](command:memwise.showLastProfile) · [Hide line costs](command:memwise.toggleLineCosts)');
  return md;
}

function decorationType(color: string, italic = false): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor(color), margin: '0 0 0 2em', fontStyle: italic ? 'italic' : 'normal', fontWeight: italic ? 'normal' : '600' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

