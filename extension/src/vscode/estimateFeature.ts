// "Memwise: Estimate peak memory for a larger input": pick the full input and the arguments, run the script
// on small samples under the profiler (progress, cancel), fit, show the chart and save the estimate file.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EstimateError, FitError, InputError, runEstimate, INPUT_PLACEHOLDER, DEFAULT_FRACTIONS } from '../core/estimate/estimate';
import { isNotebookPath } from '../core/notebook/notebookFile';
import { notebookEstimateArgs } from '../core/notebook/notebookRun';
import { activeFileUri } from './notebookCells';
import { profileViaCli } from '../core/profile/profileViaCli';
import type { EstimateFile } from '../core/estimate/estimateTypes';
import { formatBytes } from '../core/estimate/verdict';
import type { FeatureContext } from './featureContext';
import { askFullSize } from './estimateSizePrompt';
import { pickInterpreter } from './interpreter';
import { showEstimate } from './profilePanel';

/** Arguments for `executeCommand('memwise.estimate', …)`: anything given skips its prompt (tests, tasks). */
export interface EstimateCommandArgs {
  script?: string;
  input?: string;
  args?: string[];
  fractions?: number[];
  fudge?: number;
  /**
   * The size to predict for (`--full-size` forms: "10x", lines, "2GB"; '' = the input itself), or 'prompt' to
   * ask. Default: ask when the input was picked interactively, else the input itself.
   */
  fullSize?: string;
  /** Show the chart (default true). */
  show?: boolean;
}

export interface LastEstimate {
  estimate: EstimateFile;
  path: string;
}

const DATA_GLOB = '**/*.{csv,tsv,txt,log,json,jsonl,ndjson,csv.gz,tsv.gz,log.gz,jsonl.gz,gz}';
const EXCLUDE_GLOB = '**/{node_modules,.git,.memwise,.venv,venv,__pycache__,dist,out}/**';

export function registerEstimate(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    vscode.commands.registerCommand('memwise.estimate', (arg?: EstimateCommandArgs | vscode.Uri) =>
      estimateCommand(fc, arg instanceof vscode.Uri ? { script: arg.fsPath } : arg ?? {}),
    ),
  );
}

async function estimateCommand(fc: FeatureContext, arg: EstimateCommandArgs): Promise<EstimateFile | undefined> {
  if (!vscode.workspace.isTrusted) {
    const message =
      'Memwise: estimating runs the script on samples of its input, so it is disabled in untrusted workspaces. Trust this workspace (Manage Workspace Trust) to use it.';
    fc.log.warn(message);
    fc.api.lastRefusal = { command: 'memwise.estimate', message };
    void vscode.window.showWarningMessage(message);
    return undefined;
  }
  const script = arg.script ?? activeScript();
  if (!script) {
    void vscode.window.showErrorMessage('Memwise: open the Python or JavaScript script to estimate, then run "Estimate peak memory for a larger input" again.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(script)) ?? vscode.workspace.workspaceFolders?.[0];
  const cwd = folder?.uri.fsPath ?? path.dirname(script);
  const input = arg.input ?? (await pickInput(fc, cwd));
  if (!input) return undefined;
  let fullSize = arg.fullSize;
  if (fullSize === 'prompt' || (fullSize === undefined && arg.input === undefined)) {
    fullSize = await askFullSize(fc, script, path.resolve(cwd, input));
    if (fullSize === undefined) return undefined;
  }
  // A notebook takes each sample through its `# memwise: input` variable: no arguments to ask for.
  let args = arg.args ?? (isNotebookPath(script) ? [] : undefined);
  if (!args) {
    const text = await vscode.window.showInputBox({
      title: 'Memwise: script arguments',
      prompt: `Arguments for ${path.basename(script)}; ${INPUT_PLACEHOLDER} is replaced by each sample of the input.`,
      value: INPUT_PLACEHOLDER,
      validateInput: (v) => (v.includes(INPUT_PLACEHOLDER) ? undefined : `Write ${INPUT_PLACEHOLDER} where the input file goes.`),
    });
    if (text === undefined) return undefined;
    args = splitArgs(text);
  }
  // The same resolution as "Profile this script": the Python extension's interpreter, memwise.pythonPath
  // (or memwise.nodePath for JavaScript), then PATH; both settings are machine-scoped and restricted.
  const interpreter = await pickInterpreter(vscode.Uri.file(script), fc.log);

  try {
    const estimate = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Memwise: estimating ${path.basename(script)}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        // A notebook runs as one program; its `# memwise: input` variable receives each sample.
        const notebookArgs = isNotebookPath(script) ? notebookEstimateArgs(script, args!, INPUT_PLACEHOLDER) : undefined;
        return runEstimate({
          script,
          cwd,
          args: notebookArgs ?? args!,
          input: path.resolve(cwd, input),
          fractions: arg.fractions ?? DEFAULT_FRACTIONS,
          fudge: arg.fudge,
          fullSize: fullSize === '' ? undefined : fullSize,
          interpreter,
          signal: controller.signal,
          // Each sample is profiled by the CLI in a child process, off the extension host's event loop (a
          // notebook's too: the CLI runs its code cells as one program).
          profile: async (o) => (await profileViaCli(o)).run,
          onProgress: (p) => {
            if (p.type === 'input') fc.log.info(`Estimate input ${p.info.path}: ${formatBytes(p.info.sizeBytes)}, ${p.info.lines} lines`);
            else if (p.type === 'extending') fc.log.info(`Estimate: adding a larger sample: ${p.reason}`);
            else if (p.type === 'sample-start') progress.report({ message: `sample ${p.index + 1}/${p.total}: ${p.label}`, increment: p.index === 0 ? 5 : 0 });
            else if (p.type === 'sample-done') {
              fc.log.info(`Estimate sample ${p.index + 1}/${p.total} (${p.label}): peak ${formatBytes(p.point.peakBytes)}`);
              progress.report({ increment: 90 / p.total });
            } else fc.log.warn(p.reason);
          },
        });
      },
    );
    const file = saveEstimate(cwd, estimate);
    fc.api.lastEstimate = { estimate, path: file } satisfies LastEstimate;
    fc.log.info(`Estimate saved to ${file}: ${estimate.verdict}`);
    if (arg.show !== false) {
      try {
        showEstimate(fc, estimate, { estimateFilePath: file });
      } catch (err) {
        fc.log.error(`Could not open the estimate chart: ${String(err)}`);
      }
    }
    const worrying = estimate.model.superlinear || estimate.prediction.peakBytes * estimate.prediction.fudgeFactor > estimate.machine.totalMemBytes;
    if (worrying) void vscode.window.showWarningMessage(`Memwise: ${estimate.verdict}`);
    else void vscode.window.showInformationMessage(`Memwise: ${estimate.verdict}`);
    return estimate;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'AbortError') {
      void vscode.window.showInformationMessage('Memwise: estimate cancelled; the sample runs were stopped and their temporary files removed.');
      return undefined;
    }
    const known = err instanceof InputError || err instanceof FitError || err instanceof EstimateError;
    fc.log.error(`Estimate of ${script} failed: ${known ? e.message : e.stack ?? e.message}`);
    // The first line goes in the notification (for a failing script it ends with the script's own last error
    // line); the full traceback is in the output channel.
    const first = e.message.split('\n')[0];
    // Not awaited: the command must finish (and return) while the notification waits for a click.
    void vscode.window.showErrorMessage(`Memwise: ${known ? first : `internal error: ${first}`}`, 'Show output').then((choice) => {
      if (choice === 'Show output') fc.log.show(true);
    });
    fc.api.lastEstimateError = e.message;
    return undefined;
  }
}

function activeScript(): string | undefined {
  const uri = activeFileUri();
  if (!uri || uri.scheme !== 'file') return undefined;
  return /\.(py|pyw|js|mjs|cjs|ts|ipynb)$/i.test(uri.fsPath) ? uri.fsPath : undefined;
}

/** QuickPick of likely inputs: paths named in the last profile's arguments, then data files in the workspace. */
async function pickInput(fc: FeatureContext, cwd: string): Promise<string | undefined> {
  const seen = new Set<string>();
  const items: (vscode.QuickPickItem & { file?: string })[] = [];
  const add = (file: string, detail: string) => {
    const abs = path.resolve(cwd, file);
    if (seen.has(abs) || !isFile(abs)) return;
    seen.add(abs);
    items.push({ label: path.relative(cwd, abs) || abs, description: formatBytes(fs.statSync(abs).size), detail, file: abs });
  };
  // The run file's command is [interpreter, helper, script, ...args]: only the script's own arguments count.
  const lastRun = fc.api.lastRun as { command?: string[]; script?: string } | undefined;
  const cmd = lastRun?.command ?? [];
  const at = lastRun?.script ? cmd.findIndex((c) => path.resolve(cwd, c) === path.resolve(cwd, lastRun.script!)) : -1;
  for (const a of at >= 0 ? cmd.slice(at + 1) : []) for (const part of a.split('=')) add(part, 'from the last profile run');
  const lastEstimate = fc.api.lastEstimate as LastEstimate | undefined;
  if (lastEstimate?.estimate.input) add(lastEstimate.estimate.input.path, 'from the last estimate');
  for (const uri of await vscode.workspace.findFiles(DATA_GLOB, EXCLUDE_GLOB, 50)) add(uri.fsPath, 'data file in the workspace');
  items.push({ label: '$(folder-opened) Browse…', detail: 'choose the full input file' });
  const pick = await vscode.window.showQuickPick(items, { title: 'Memwise: full input of the script', placeHolder: 'The file to sample (the script will run on small prefixes of it)' });
  if (!pick) return undefined;
  if (pick.file) return pick.file;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use as input', defaultUri: vscode.Uri.file(cwd) });
  return chosen?.[0]?.fsPath;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Splits an argument line like a shell would for quoting only (no expansion): `a "b c" 'd'` → [a, b c, d]. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  return out;
}

/** Writes the estimate under `.memwise/estimates/` atomically; returns its path. */
function saveEstimate(cwd: string, estimate: EstimateFile): string {
  const dir = path.join(cwd, '.memwise', 'estimates');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${path.basename(estimate.script).replace(/\.[^.]+$/, '')}-${stamp}.json`);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(estimate, null, 2) + '\n');
  fs.renameSync(tmp, file);
  return file;
}
