// The "Memwise: Memory profile" webview panel: one panel, reused, showing a run, an estimate or a live
// profile. Strict CSP (nothing but our nonce'd bundle runs; nothing loads from outside dist/), every
// message from the webview validated by `parseFromWebview`, and a serializer so the panel survives a
// window reload — its state holds the run file's path, never the data.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EstimateFile } from '../core/estimate/estimateTypes';
import { htmlPage, newNonce } from '../core/report/htmlPage';
import { runToCsv } from '../core/profile/runCsv';
import type { ProfileEvent, RunFile } from '../core/profile/runFileTypes';
import { listRuns, loadRun } from '../core/profile/runStore';
import { parseFromWebview, type FromWebview, type RunListEntry, type ToWebview } from '../core/webviewProtocol';
import { mayOpenSource, noteLiveEvent, parsePanelState, rememberShownFile } from '../core/webviewPaths';
import { registerLineCosts, showLineCosts } from './decorations';
import type { FeatureContext } from './featureContext';
import { revealCellLine } from './notebookCells';

const VIEW_TYPE = 'memwise.profile';
const TITLE = 'Memwise: Memory profile';
const MAX_COMPARE_CHOICES = 12;
const LIVE_FLUSH_MS = 100;
/** workspaceState key: run/estimate files shown in the panel, the only ones a reloaded panel may reopen. */
const SHOWN_FILES_KEY = 'memwise.profilePanel.shownFiles';

type Content =
  | { kind: 'empty'; message?: string }
  | { kind: 'run'; run: RunFile; runFilePath?: string }
  | { kind: 'estimate'; estimate: EstimateFile; estimateFilePath?: string }
  | { kind: 'live'; script: string };

interface PanelState {
  panel: vscode.WebviewPanel;
  ready: Promise<void>;
  isReady: boolean;
  content: Content;
  /** The message that (re)draws the content; re-sent if the webview reloads and says ready again. */
  last?: ToWebview;
  /** Run files this panel offered for compare: the only paths a `compare` message may name. */
  offered: Set<string>;
  /** `files`: what the streamed samples pointed at, the only files (with the script) a live view may open. */
  live?: { script: string; cwd?: string; buffer: ProfileEvent[]; files: Set<string>; timer?: NodeJS.Timeout };
}

let current: PanelState | undefined;

export function registerProfilePanel(fc: FeatureContext): void {
  const subs = fc.extension.subscriptions;
  subs.push(
    vscode.commands.registerCommand('memwise.showLastProfile', () => showLastProfile(fc)),
    vscode.commands.registerCommand('memwise.openRunFile', (uri?: vscode.Uri) => openRunFile(fc, uri)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => restorePanel(fc, panel, state),
    }),
  );
  registerLineCosts(fc);
  // For the integration suite: drive the view the way the profile and estimate features do.
  fc.api.profileView = {
    showProfile: (run: RunFile | null, runFilePath?: string) => void showProfile(fc, run, { runFilePath }),
    showEstimate: (estimate: EstimateFile) => void showEstimate(fc, estimate),
    beginLiveProfile: (script: string) => beginLiveProfile(fc, script),
    showLineCosts: (run: RunFile) => showLineCosts(fc, run),
  };
}

/** Open (or reveal) the profile panel showing `run` (null: the empty state). */
export function showProfile(fc: FeatureContext, run: RunFile | null, opts: { runFilePath?: string; previous?: RunFile } = {}): vscode.WebviewPanel {
  const state = ensurePanel(fc);
  state.panel.title = TITLE;
  state.content = run ? { kind: 'run', run, runFilePath: opts.runFilePath } : { kind: 'empty' };
  stopLive(state);
  if (run && opts.runFilePath) rememberShown(fc, opts.runFilePath);
  const msg: ToWebview = { type: 'show', run, runFilePath: opts.runFilePath, previous: opts.previous ?? null };
  state.last = msg;
  post(state, msg);
  if (run) void offerRuns(fc, state, run, opts.runFilePath);
  return state.panel;
}

/** Open (or reveal) the panel showing an estimate: points, fit, extrapolation, RAM line, verdict. */
export function showEstimate(fc: FeatureContext, estimate: EstimateFile, opts: { estimateFilePath?: string } = {}): vscode.WebviewPanel {
  const state = ensurePanel(fc);
  // The estimate view has its own title: it is not a memory profile.
  state.panel.title = `Memwise: Estimate — ${path.basename(estimate.script)}`;
  stopLive(state);
  state.content = { kind: 'estimate', estimate, estimateFilePath: opts.estimateFilePath };
  if (opts.estimateFilePath) rememberShown(fc, opts.estimateFilePath);
  const msg: ToWebview = { type: 'showEstimate', estimate, estimateFilePath: opts.estimateFilePath };
  state.last = msg;
  post(state, msg);
  return state.panel;
}

/**
 * Live view while a profile runs: the chart streams the profiler's events. Events are batched and posted
 * at most every 100 ms; the webview redraws at ~10 fps. The `end` event shows the finished run.
 */
/** `cwd`: the script's working folder, so the header shows the script as the user would type it. */
export function beginLiveProfile(fc: FeatureContext, script: string, cwd?: string): { push(event: ProfileEvent): void } {
  const state = ensurePanel(fc, true);
  state.panel.title = TITLE;
  stopLive(state);
  state.content = { kind: 'live', script };
  state.last = undefined;
  const live = { script, cwd, buffer: [] as ProfileEvent[], files: new Set<string>(), timer: undefined as NodeJS.Timeout | undefined };
  state.live = live;
  const flush = (): void => {
    live.timer = undefined;
    if (state.live !== live || !state.isReady || !live.buffer.length) return;
    const events = live.buffer.splice(0);
    void state.panel.webview.postMessage({ type: 'live', script, cwd, events } satisfies ToWebview);
  };
  return {
    push(event: ProfileEvent): void {
      if (state.live !== live || current !== state) return; // panel closed or another profile took over
      live.buffer.push(event);
      noteLiveEvent(live.files, event);
      if (event.type === 'end') {
        flush();
        state.content = { kind: 'run', run: event.run, runFilePath: event.runFilePath };
        state.last = { type: 'show', run: event.run, runFilePath: event.runFilePath };
        state.live = undefined;
        if (live.timer) clearTimeout(live.timer);
        if (event.runFilePath) rememberShown(fc, event.runFilePath);
        void offerRuns(fc, state, event.run, event.runFilePath);
        return;
      }
      if (!live.timer) live.timer = setTimeout(flush, LIVE_FLUSH_MS);
    },
  };
}

/** The runs folder of the workspace (`memwise.profile.runsDir`, default `.memwise/runs`). */
export function runsDir(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const configured = vscode.workspace.getConfiguration('memwise').get<string>('profile.runsDir');
  const rel = configured && configured.trim() ? configured.trim() : path.join('.memwise', 'runs');
  if (path.isAbsolute(rel)) return rel;
  return folder ? path.join(folder.uri.fsPath, rel) : undefined;
}

async function showLastProfile(fc: FeatureContext): Promise<vscode.WebviewPanel> {
  const dir = runsDir();
  const files = dir ? await listRuns(dir) : [];
  for (const file of files) {
    try {
      return showProfile(fc, loadRun(file), { runFilePath: file });
    } catch (err) {
      // A damaged newest run must not hide the older good ones; say which file was skipped.
      fc.log.warn(`Skipped a run file that could not be read: ${errorText(err)}`);
    }
  }
  return showProfile(fc, null);
}

async function openRunFile(fc: FeatureContext, uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
  if (!uri) {
    const dir = runsDir();
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      defaultUri: dir ? vscode.Uri.file(dir) : undefined,
      filters: { 'Memwise run files': ['json'] },
      openLabel: 'Show profile',
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  try {
    const run = loadRun(uri.fsPath);
    return showProfile(fc, run, { runFilePath: uri.fsPath });
  } catch (err) {
    const message = `Memwise could not open the run file: ${errorText(err)}`;
    fc.log.warn(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function restorePanel(fc: FeatureContext, panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
  const state = adoptPanel(fc, panel);
  // The state comes from the webview: reopen only a file this panel showed before (no arbitrary reads).
  const saved = parsePanelState(raw, shownFiles(fc));
  if (typeof raw === 'object' && raw !== null && Object.keys(raw).length > 0 && Object.keys(saved).length === 0) {
    fc.log.warn(`The profile panel's saved state names no file it showed before; ignored: ${safeJson(raw)}`);
  }
  try {
    if ('runFilePath' in saved) {
      showProfile(fc, loadRun(saved.runFilePath), { runFilePath: saved.runFilePath });
      return;
    }
    if ('estimateFilePath' in saved) {
      const estimate = JSON.parse(fs.readFileSync(saved.estimateFilePath, 'utf8')) as EstimateFile;
      if (estimate?.schema === 'memwise.estimate/1') {
        showEstimate(fc, estimate, { estimateFilePath: saved.estimateFilePath });
        return;
      }
    }
  } catch (err) {
    fc.log.warn(`The profile panel could not reopen its file after reload: ${errorText(err)}`);
  }
  if (current === state) await showLastProfile(fc);
}

function ensurePanel(fc: FeatureContext, preserveFocus = false): PanelState {
  if (current) {
    current.panel.reveal(undefined, preserveFocus);
    return current;
  }
  const panel = vscode.window.createWebviewPanel(VIEW_TYPE, TITLE, { viewColumn: vscode.ViewColumn.Active, preserveFocus }, webviewOptions(fc));
  return adoptPanel(fc, panel);
}

function webviewOptions(fc: FeatureContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // Only the bundle's folder may be loaded: no workspace files, no remote content.
    localResourceRoots: [vscode.Uri.joinPath(fc.extension.extensionUri, 'dist')],
    retainContextWhenHidden: true,
    enableFindWidget: true,
  };
}

function adoptPanel(fc: FeatureContext, panel: vscode.WebviewPanel): PanelState {
  if (current && current.panel !== panel) current.panel.dispose();
  panel.webview.options = webviewOptions(fc);
  panel.title = TITLE;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const state: PanelState = { panel, ready, isReady: false, content: { kind: 'empty' }, offered: new Set() };
  current = state;
  panel.webview.onDidReceiveMessage((raw) => {
    const msg = parseFromWebview(raw);
    if (!msg) {
      fc.log.warn(`Ignored an unexpected message from the profile webview: ${safeJson(raw)}`);
      return;
    }
    if (msg.type === 'ready') {
      state.isReady = true;
      markReady();
      if (state.last) void panel.webview.postMessage(state.last);
      if (state.live?.buffer.length) {
        const events = state.live.buffer.splice(0);
        void panel.webview.postMessage({ type: 'live', script: state.live.script, cwd: state.live.cwd, events } satisfies ToWebview);
      }
      return;
    }
    void handleMessage(fc, state, msg).catch((err) => fc.log.error(`Profile panel: ${errorText(err)}`));
  });
  panel.webview.html = webviewHtml(panel.webview, vscode.Uri.joinPath(fc.extension.extensionUri, 'dist', 'webview.js'));
  fc.api.profilePanel = { panel, ready };
  panel.onDidDispose(() => {
    stopLive(state);
    if (current === state) current = undefined;
    if (fc.api.profilePanel?.panel === panel) fc.api.profilePanel = undefined;
  });
  return state;
}

function post(state: PanelState, msg: ToWebview): void {
  // Before "ready" the webview isn't listening; `last` is sent when it says ready.
  if (state.isReady) void state.panel.webview.postMessage(msg);
}

function stopLive(state: PanelState): void {
  if (state.live?.timer) clearTimeout(state.live.timer);
  state.live = undefined;
}

async function handleMessage(fc: FeatureContext, state: PanelState, msg: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
  switch (msg.type) {
    case 'openSource':
      return openSource(fc, state, msg.file, msg.line, msg.cell);
    case 'compare': {
      if (!state.offered.has(msg.runFilePath)) {
        fc.log.warn(`Ignored a compare request for a run file the panel did not offer: ${msg.runFilePath}`);
        return;
      }
      try {
        void state.panel.webview.postMessage({ type: 'compare', run: loadRun(msg.runFilePath) } satisfies ToWebview);
      } catch (err) {
        void state.panel.webview.postMessage({ type: 'compare', run: null, error: errorText(err) } satisfies ToWebview);
      }
      return;
    }
    case 'export': {
      const run = state.content.kind === 'run' ? state.content.run : undefined;
      if (!run) return;
      const text = msg.format === 'csv' ? runToCsv(run) : JSON.stringify(run, null, 1);
      await saveAs(fc, run, msg.format, Buffer.from(text, 'utf8'));
      return;
    }
    case 'editArgs': {
      // Only the shown run's own script: the webview names no file here.
      const run = state.content.kind === 'run' ? state.content.run : undefined;
      if (!run?.script) return;
      const args = await vscode.commands.executeCommand<string[] | undefined>('memwise.editProfileArgs', vscode.Uri.file(run.script));
      if (!args) return;
      const again = 'Profile again';
      if ((await vscode.window.showInformationMessage(`Memwise will profile ${path.basename(run.script)} with: ${args.length ? args.join(' ') : 'no arguments'}.`, again)) === again) {
        await vscode.commands.executeCommand('memwise.profile', vscode.Uri.file(run.script));
      }
      return;
    }
    case 'exportPng': {
      const run = state.content.kind === 'run' ? state.content.run : undefined;
      const bytes = Buffer.from(msg.dataUrl.slice(msg.dataUrl.indexOf(',') + 1), 'base64');
      // The PNG signature: a webview can only hand us an image, never some other file type.
      if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x89504e47) {
        fc.log.warn('Ignored a PNG export that is not a PNG image.');
        return;
      }
      await saveAs(fc, run, 'png', bytes);
      return;
    }
  }
}

async function saveAs(fc: FeatureContext, run: RunFile | undefined, ext: 'csv' | 'json' | 'png', bytes: Uint8Array): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stem = run ? `memwise-${path.basename(run.script || 'run').replace(/\.[^.]*$/, '')}` : 'memwise-profile';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}.${ext}`) : undefined,
    filters: ext === 'png' ? { 'PNG image': ['png'] } : ext === 'csv' ? { CSV: ['csv'] } : { 'Run file (JSON)': ['json'] },
    saveLabel: `Export ${ext.toUpperCase()}`,
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  fc.log.info(`Exported the profile as ${ext.toUpperCase()} to ${target.fsPath}`);
}

function shownFiles(fc: FeatureContext): string[] {
  const list = fc.extension.workspaceState.get<unknown>(SHOWN_FILES_KEY);
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
}

function rememberShown(fc: FeatureContext, file: string): void {
  void fc.extension.workspaceState.update(SHOWN_FILES_KEY, rememberShownFile(shownFiles(fc), file));
}

/** Resolves a run's file path: absolute as is, else against the run's cwd, else the workspace folder. */
export function resolveRunPath(file: string, run: RunFile | undefined): string {
  if (path.isAbsolute(file)) return file;
  const base = run?.cwd && path.isAbsolute(run.cwd) ? run.cwd : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  return path.join(base, file);
}

async function openSource(fc: FeatureContext, state: PanelState, file: string, line: number, cell?: number): Promise<void> {
  const content = state.content;
  // Only files the shown run names (or, while live, the script and the samples' locations) may be opened.
  const shown =
    content.kind === 'run'
      ? ({ kind: 'run', run: content.run } as const)
      : content.kind === 'live' && state.live
        ? ({ kind: 'live', script: state.live.script, files: state.live.files } as const)
        : ({ kind: 'other' } as const);
  if (!mayOpenSource(file, shown)) {
    fc.log.warn(`Ignored a request to open a file the profile does not mention: ${file}`);
    return;
  }
  const run = content.kind === 'run' ? content.run : undefined;
  const target = resolveRunPath(file, run);
  try {
    if (cell !== undefined) {
      // Notebook runs: the row names a cell; open the notebook at that cell's line.
      await revealCellLine(target, cell, line);
      fc.api.profileViewLastOpened = { file: target, line, cell };
      return;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
    const pos = new vscode.Position(Math.min(Math.max(0, line - 1), Math.max(0, doc.lineCount - 1)), 0);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos), preview: true });
    fc.api.profileViewLastOpened = { file: target, line };
  } catch (err) {
    void vscode.window.showWarningMessage(`Memwise: cannot open ${target}:${line} (${errorText(err)}). The file may have moved since the run.`);
  }
}

/** Lists the other runs of the runs folder for the compare picker (newest first). */
async function offerRuns(fc: FeatureContext, state: PanelState, run: RunFile, runFilePath?: string): Promise<void> {
  const dir = runsDir();
  if (!dir) return;
  let files: string[];
  try {
    files = await listRuns(dir);
  } catch {
    return;
  }
  const entries: RunListEntry[] = [];
  for (const file of files) {
    if (entries.length >= MAX_COMPARE_CHOICES) break;
    if (runFilePath && path.resolve(file) === path.resolve(runFilePath)) continue;
    try {
      const other = loadRun(file);
      if (other.startedAt === run.startedAt && other.script === run.script && other.peakBytes === run.peakBytes) continue; // the shown run itself
      entries.push({ path: file, label: path.basename(other.script || file), peakBytes: other.peakBytes, durationS: other.durationS, startedAt: other.startedAt });
    } catch (err) {
      fc.log.warn(`Skipped a run file for compare: ${errorText(err)}`);
    }
  }
  if (current !== state || state.content.kind !== 'run' || state.content.run !== run) return;
  state.offered = new Set(entries.map((e) => e.path));
  if (!entries.length) return;
  const msg: ToWebview = { type: 'show', run, runFilePath, runs: entries, previous: null };
  state.last = msg;
  post(state, msg);
}

function webviewHtml(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = newNonce();
  return htmlPage({
    csp: [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource} 'unsafe-inline'`,
      `img-src ${webview.cspSource} data: blob:`,
      `font-src ${webview.cspSource}`,
    ],
    title: TITLE,
    body: `<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>`,
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function safeJson(raw: unknown): string {
  try {
    return (JSON.stringify(raw) ?? String(raw)).slice(0, 200);
  } catch {
    return String(raw).slice(0, 200);
  }
}
