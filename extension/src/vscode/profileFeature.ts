// "Memwise: Profile this script": run the active script under the profiler with a cancellable progress
// notification, live status bar and chart, then save the run file and show the profile and line costs.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { locationText } from '../core/notebook/notebookRun';
import { profileViaCli } from '../core/profile/profileViaCli';
import type { ProfileEvent, RunFile } from '../core/profile/runFileTypes';
import { listRuns, loadRun } from '../core/profile/runStore';
import { formatBytes, parseSize } from '../core/profile/sizes';
import { registerProfileCodeLens } from './codeLens';
import { describeScriptLaunch, onProfileArgsChanged, registerProfileArgs, resolveScriptLaunch, type ProfileArgsOverride } from './profileArgs';
import { showLineCosts } from './decorations';
import type { FeatureContext } from './featureContext';
import { pickInterpreter } from './interpreter';
import { activeFileUri, cellDocumentUri, revealCellLine } from './notebookCells';
import { beginLiveProfile, showProfile } from './profilePanel';
import { createProfileStatusBar } from './statusBar';

const UNTRUSTED =
  'Memwise profiling is disabled in untrusted workspaces: it runs the workspace\'s scripts with an interpreter, which could execute anything. Trust the workspace (Manage Workspace Trust) to enable it.';

/** What the command returns (tests use it), also kept on the API object. */
export interface ProfileCommandResult {
  run?: RunFile;
  runPath?: string;
  skipped?: string;
}

export function registerProfiling(fc: FeatureContext): void {
  const statusHistory: string[] = [];
  fc.api.profileStatusHistory = statusHistory;
  const diagnostics = vscode.languages.createDiagnosticCollection('memwise-profile');
  const scriptOutput = vscode.window.createOutputChannel('Memwise: script output');
  registerProfileArgs(fc);
  const lensChanged = registerProfileCodeLens(fc.extension, (uri) => describeScriptLaunch(fc, uri), onProfileArgsChanged);
  let running = false;
  fc.extension.subscriptions.push(
    diagnostics,
    scriptOutput,
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      fc.log.info('Workspace trusted: profiling is enabled.');
      lensChanged.fire();
    }),
    // The notebook editor's toolbar passes nothing (or the notebook); the cells run as one program.
    vscode.commands.registerCommand('memwise.profileNotebook', (target?: vscode.Uri | { notebookEditor?: { notebookUri?: vscode.Uri } }) =>
      vscode.commands.executeCommand('memwise.profile', target instanceof vscode.Uri ? target : (target?.notebookEditor?.notebookUri ?? vscode.window.activeNotebookEditor?.notebook.uri)),
    ),
    // `override.args`: run with exactly these arguments (the integration tests; no launch.json, no question).
    vscode.commands.registerCommand('memwise.profile', async (target?: vscode.Uri | string, override?: ProfileArgsOverride): Promise<ProfileCommandResult> => {
      if (!vscode.workspace.isTrusted) {
        fc.log.warn(UNTRUSTED);
        fc.api.lastRefusal = { command: 'memwise.profile', message: UNTRUSTED };
        void vscode.window.showWarningMessage(UNTRUSTED);
        return { skipped: 'untrusted' };
      }
      if (running) {
        void vscode.window.showInformationMessage('Memwise is already profiling a script; cancel it from its notification first.');
        return { skipped: 'busy' };
      }
      const script = await resolveScript(target);
      if (!script) {
        const msg = 'Memwise: open a Python or JavaScript file or a Jupyter notebook (or pick one in the Explorer) to profile it.';
        void vscode.window.showWarningMessage(msg);
        return { skipped: 'no script' };
      }
      running = true;
      try {
        return await profileOne(fc, script, statusHistory, diagnostics, scriptOutput, override);
      } finally {
        running = false;
      }
    }),
  );
}

async function resolveScript(target?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
  const uri = typeof target === 'string' ? vscode.Uri.file(target) : target instanceof vscode.Uri ? target : activeFileUri();
  if (!uri || uri.scheme !== 'file') return undefined;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save(); // profile what the user sees
  const notebook = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === uri.toString());
  if (notebook?.isDirty) await notebook.save();
  return /\.(py|pyw|js|mjs|cjs|ts|mts|cts|ipynb)$/i.test(uri.fsPath) ? uri : undefined;
}

async function profileOne(
  fc: FeatureContext,
  scriptUri: vscode.Uri,
  statusHistory: string[],
  diagnostics: vscode.DiagnosticCollection,
  scriptOutput: vscode.OutputChannel,
  override?: ProfileArgsOverride,
): Promise<ProfileCommandResult> {
  const script = scriptUri.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(scriptUri);
  const cwd = folder?.uri.fsPath ?? path.dirname(script);
  const config = vscode.workspace.getConfiguration('memwise.profile', scriptUri);
  const intervalMs = config.get<number>('interval', 10);
  const capText = config.get<string>('memoryCap', '80%');
  let memoryCapBytes: number;
  try {
    memoryCapBytes = parseSize(capText, 'memwise.profile.memoryCap', os.totalmem());
  } catch (err) {
    const msg = `${(err as Error).message} Fix the setting; using 80% of RAM for now.`;
    fc.log.warn(msg);
    void vscode.window.showWarningMessage(msg);
    memoryCapBytes = Math.round(os.totalmem() * 0.8);
  }
  const runsDir = path.resolve(cwd, config.get<string>('runsDir', '.memwise/runs'));
  const keep = Math.max(1, config.get<number>('keepRuns', 20));
  const trace = config.get<boolean>('trace', false);
  const cgroup = config.get<boolean>('cgroup', true) ? 'auto' : 'off';
  const stdinMode = config.get<string>('stdin', 'eof');
  let stdinText: string | undefined;
  if (stdinMode === 'prompt') {
    stdinText = await vscode.window.showInputBox({
      title: `Input for ${path.basename(script)}`,
      prompt: 'Text passed to the script on stdin (memwise.profile.stdin is "prompt"). Use \\n for new lines.',
      ignoreFocusOut: true,
    });
    if (stdinText === undefined) return { skipped: 'cancelled' };
    stdinText = stdinText.replace(/\\n/g, '\n') + '\n';
  }
  const launch = await resolveScriptLaunch(fc, scriptUri, override);
  if (!launch) return { skipped: 'cancelled' };
  const { args } = launch;
  const runCwd = launch.cwd ?? cwd;
  fc.log.info(`Profile arguments for ${path.basename(script)} from ${launch.source}: ${JSON.stringify(args)}${launch.cwd ? `, cwd ${launch.cwd}` : ''}${launch.env ? `, env ${Object.keys(launch.env).join(', ')}` : ''}`);
  const interpreter = await pickInterpreter(scriptUri, fc.log);
  diagnostics.delete(scriptUri);
  const name = path.basename(script);
  const status = createProfileStatusBar(name, statusHistory);
  const live = beginLiveProfile(fc, script, runCwd);
  scriptOutput.clear();
  scriptOutput.appendLine(`$ memwise profile ${name}${args.length ? ' -- ' + args.join(' ') : ''}   (cwd ${runCwd}; arguments from ${launch.source})`);
  // Read before the run: the CLI saves the new run (and prunes old ones) before it returns.
  const previous = await previousRunOf(runsDir, script, fc);
  try {
    const { run, runPath, saveError } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Memwise: profiling ${name}`, cancellable: true },
      async (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        let lastReport = 0;
        // Scripts and notebooks run out of process: the CLI samples on its own event loop, so a busy extension
        // host costs no samples. A notebook's code cells run there as one program (core/notebook/notebookRun.ts),
        // and its cell spans arrive as `cells` events for the live chart.
        return profileViaCli({
          script,
          args,
          cwd: runCwd,
          env: launch.env,
          runsDir,
          keep,
          interpreter,
          intervalMs,
          memoryCapBytes,
          trace,
          cgroup,
          stdinText,
          signal: ac.signal,
          log: (m) => fc.log.info(m),
          onEvent: (e: ProfileEvent) => {
            live.push(e);
            if (e.type === 'sample') {
              status.update(e.rss, e.peak);
              const now = Date.now();
              if (now - lastReport > 500) {
                lastReport = now;
                progress.report({ message: `${formatBytes(e.rss)} now, peak ${formatBytes(e.peak)}` });
              }
            } else if (e.type === 'log') {
              scriptOutput.appendLine(`[${e.line.t.toFixed(2)}s]${e.line.stream === 'stderr' ? ' !' : ''} ${e.line.text}`);
            }
          },
        });
      },
    );
    if (saveError) {
      fc.log.warn(`The run could not be saved: ${saveError}`);
      void vscode.window.showWarningMessage(`Memwise: ${saveError.replace(/^memwise profile: /, '')}`);
    }
    fc.api.lastRun = run;
    fc.api.lastRunPath = runPath;
    const verdict = run.stoppedAtCap ? 'stopped at cap' : run.cancelled ? 'cancelled' : run.exitCode === 0 ? 'done' : `exit ${run.exitCode ?? run.signal}`;
    status.finish(`$(pulse) ${name}: peak ${formatBytes(run.peakBytes)} (${verdict})`);
    fc.log.info(`Profile of ${name}: peak ${formatBytes(run.peakBytes)}, ${run.durationS.toFixed(2)} s, ${run.sampling?.achievedHz} Hz; saved ${runPath ?? 'nowhere'}`);
    scriptOutput.appendLine(`— ${verdict}: peak ${formatBytes(run.peakBytes)} in ${run.durationS.toFixed(2)} s; run file ${runPath ?? '(not saved)'}`);
    if (run.logsOmitted) scriptOutput.appendLine(`  (${run.logsOmitted} more output lines are in ${run.logFile ?? 'the log file'})`);
    try {
      showProfile(fc, run, { runFilePath: runPath, previous });
      showLineCosts(fc, run);
    } catch (err) {
      fc.log.error(`Showing the profile failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    if (run.stoppedAtCap) {
      void vscode.window.showWarningMessage(`Memwise stopped ${name} at the memory cap. ${run.capContext ?? ''}`);
    }
    if (run.error) reportFailure(run, diagnostics, scriptOutput);
    return { run, runPath };
  } catch (err) {
    const msg = `Memwise could not profile ${name}: ${err instanceof Error ? err.message : String(err)}`;
    fc.log.error(msg);
    status.finish(`$(pulse) ${name}: failed to start`);
    void vscode.window.showErrorMessage(msg);
    return { skipped: msg };
  } finally {
    // Keep the final text visible for a while, then free the status bar.
    setTimeout(() => status.dispose(), 30000);
  }
}

/** The newest saved run of the same script (the panel compares against it); a damaged file is skipped. */
async function previousRunOf(runsDir: string, script: string, fc: FeatureContext): Promise<RunFile | undefined> {
  for (const file of (await listRuns(runsDir)).slice(0, 10)) {
    try {
      const r = loadRun(file);
      if (r.script === script) return r;
    } catch (err) {
      fc.log.warn(`Skipped a run file: ${(err as Error).message}`);
    }
  }
  return undefined;
}

/** The traceback: diagnostics on the user's frames (clickable in Problems) and file:line links in the output. */
function reportFailure(run: RunFile, diagnostics: vscode.DiagnosticCollection, scriptOutput: vscode.OutputChannel): void {
  const error = run.error!;
  const byFile = new Map<string, vscode.Diagnostic[]>();
  error.frames.forEach((f, i) => {
    const innermost = i === error.frames.length - 1;
    const line = Math.max(0, f.line - 1);
    const d = new vscode.Diagnostic(
      new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
      innermost ? `${error.message} (profiled run)` : `called from here: ${error.message}`,
      innermost ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Information,
    );
    d.source = 'memwise profile';
    const key = f.cell === undefined ? vscode.Uri.file(f.file).toString() : (cellDocumentUri(f.file, f.cell) ?? vscode.Uri.file(f.file)).toString();
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
  });
  for (const [uri, list] of byFile) diagnostics.set(vscode.Uri.parse(uri), list);
  scriptOutput.appendLine(`Traceback (frames in your files, innermost last):`);
  for (const f of error.frames) scriptOutput.appendLine(`  ${locationText(f)}  in ${f.function}`);
  scriptOutput.appendLine(error.message);
  scriptOutput.show(true);
  const top = error.frames.at(-1);
  void vscode.window.showErrorMessage(`The profiled script failed: ${error.message}`, ...(top ? ['Go to error'] : [])).then((choice) => {
    if (choice && top?.cell !== undefined) void revealCellLine(top.file, top.cell, top.line);
    else if (choice && top) {
      const line = Math.max(0, top.line - 1);
      void vscode.window.showTextDocument(vscode.Uri.file(top.file), { selection: new vscode.Range(line, 0, line, 0) });
    }
  });
}
