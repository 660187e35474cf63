// Which arguments, cwd and env "Profile this script" runs a script with. In order: arguments passed to the
// command, a `.vscode/launch.json` configuration naming the script (several: the user picks, and the pick
// is remembered), the arguments remembered for this script, the `memwise.profile.args` setting, and
// otherwise — when the script reads its command line at all — one question per script whose answer is
// remembered in workspace state. The CodeLens shows the
// result; "Memwise: Edit profile arguments" (also a button in the profile view) changes it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatArgs, launchChoicesFor, readsArguments, splitArgs, type LaunchChoice } from '../core/profile/launchConfig';
import type { FeatureContext } from './featureContext';

/** workspaceState: script path → the arguments the user gave for it. */
const ARGS_KEY = 'memwise.profile.argsByScript';
/** workspaceState: script path → the launch.json configuration name picked for it. */
const PICK_KEY = 'memwise.profile.launchPickByScript';

export interface ScriptLaunch {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Where they came from, in words (logged, shown in the output channel). */
  source: string;
}

/** What the command may be given (tests, the CodeLens): explicit arguments skip every lookup and question. */
export interface ProfileArgsOverride {
  args?: string[];
}

const changed = new vscode.EventEmitter<void>();
/** Fires when what a CodeLens would show may have changed (arguments edited, launch.json changed). */
export const onProfileArgsChanged = changed.event;

export function registerProfileArgs(fc: FeatureContext): void {
  fc.extension.subscriptions.push(
    changed,
    vscode.commands.registerCommand('memwise.editProfileArgs', (target?: vscode.Uri | string) => editProfileArgs(fc, target)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('launch') || e.affectsConfiguration('memwise.profile.args')) changed.fire();
    }),
  );
}

/** The launch.json configurations of the script's folder that name it. */
export function launchChoices(script: vscode.Uri): LaunchChoice[] {
  const folder = vscode.workspace.getWorkspaceFolder(script) ?? vscode.workspace.workspaceFolders?.[0];
  const configurations = vscode.workspace.getConfiguration('launch', folder?.uri).get<unknown>('configurations');
  return launchChoicesFor(script.fsPath, configurations, {
    workspaceFolder: folder?.uri.fsPath ?? path.dirname(script.fsPath),
    file: script.fsPath,
    env: process.env,
    userHome: os.homedir(),
  });
}

/** Resolves what to run the script with; undefined when the user cancelled a question. */
export async function resolveScriptLaunch(fc: FeatureContext, script: vscode.Uri, override?: ProfileArgsOverride): Promise<ScriptLaunch | undefined> {
  if (override?.args) return { args: override.args, source: 'the command\'s arguments' };
  const choices = launchChoices(script);
  if (choices.length) {
    const choice = choices.length === 1 ? choices[0] : await pickLaunch(fc, script, choices);
    if (!choice) return undefined;
    if (choice.unresolved.length) fc.log.warn(`launch.json "${choice.name}": ${choice.unresolved.join(', ')} cannot be resolved outside a debug session; passed as written.`);
    return { args: choice.args, cwd: choice.cwd, env: choice.env, source: `launch.json "${choice.name}"` };
  }
  const remembered = rememberedArgs(fc, script);
  if (remembered) return { args: remembered, source: 'the arguments remembered for this script' };
  const setting = vscode.workspace.getConfiguration('memwise.profile', script).get<string[]>('args', []);
  if (setting.length) return { args: setting, source: 'the memwise.profile.args setting' };
  if (!scriptReadsArguments(script)) return { args: [], source: 'no arguments (the script does not read any)' };
  const asked = await askArgs(fc, script, []);
  return asked && { args: asked, source: 'the arguments you entered' };
}

/** One line for the CodeLens: what the next profile of this script will run with. */
export function describeScriptLaunch(fc: FeatureContext, script: vscode.Uri): string {
  const choices = launchChoices(script);
  if (choices.length) {
    const picked = choices.find((c) => c.name === pickedName(fc, script)) ?? (choices.length === 1 ? choices[0] : undefined);
    if (!picked) return `launch.json: pick one of ${choices.length}`;
    return `launch.json "${picked.name}"${picked.args.length ? `: ${formatArgs(picked.args)}` : ''}`;
  }
  const remembered = rememberedArgs(fc, script);
  if (remembered) return remembered.length ? `args: ${formatArgs(remembered)}` : 'no args';
  const setting = vscode.workspace.getConfiguration('memwise.profile', script).get<string[]>('args', []);
  if (setting.length) return `args: ${formatArgs(setting)} (setting)`;
  return scriptReadsArguments(script) ? 'asks for args' : 'no args';
}

/** Asks for the script's arguments (prefilled with the current ones) and remembers the answer. */
export async function editProfileArgs(fc: FeatureContext, target?: vscode.Uri | string): Promise<string[] | undefined> {
  const script = typeof target === 'string' ? vscode.Uri.file(target) : target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (!script || script.scheme !== 'file') return undefined;
  const choices = launchChoices(script);
  if (choices.length) {
    // launch.json stays the one place for them: open it rather than keep a second copy that would disagree.
    const open = 'Open launch.json';
    const answer = await vscode.window.showInformationMessage(
      `${path.basename(script.fsPath)} is profiled with its launch.json configuration${choices.length > 1 ? 's' : ''} (${choices.map((c) => `"${c.name}"`).join(', ')}). Edit the arguments there.`,
      open,
    );
    if (answer === open) {
      const folder = vscode.workspace.getWorkspaceFolder(script) ?? vscode.workspace.workspaceFolders?.[0];
      if (folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, '.vscode', 'launch.json'));
    }
    return undefined;
  }
  return askArgs(fc, script, rememberedArgs(fc, script) ?? vscode.workspace.getConfiguration('memwise.profile', script).get<string[]>('args', []));
}

async function askArgs(fc: FeatureContext, script: vscode.Uri, current: string[]): Promise<string[] | undefined> {
  const name = path.basename(script.fsPath);
  const text = await vscode.window.showInputBox({
    title: `Memwise: arguments for ${name}`,
    prompt: `Command-line arguments for ${name}, quoted like in a shell; leave empty for none. Remembered for this script (change them with "Memwise: Edit profile arguments" or from the profile view).`,
    placeHolder: 'e.g. data/input.csv --rows 100000',
    value: formatArgs(current),
    ignoreFocusOut: true,
  });
  if (text === undefined) return undefined;
  const args = splitArgs(text);
  await remember(fc, ARGS_KEY, script, args);
  fc.log.info(`Profile arguments for ${script.fsPath}: ${args.length ? formatArgs(args) : '(none)'}`);
  return args;
}

async function pickLaunch(fc: FeatureContext, script: vscode.Uri, choices: LaunchChoice[]): Promise<LaunchChoice | undefined> {
  const last = pickedName(fc, script);
  const items = choices.map((c) => ({
    label: c.name,
    description: c.args.length ? formatArgs(c.args) : 'no arguments',
    detail: [c.cwd ? `cwd ${c.cwd}` : '', c.env && Object.keys(c.env).length ? `env ${Object.keys(c.env).join(', ')}` : ''].filter(Boolean).join(' · ') || undefined,
    choice: c,
  }));
  items.sort((a, b) => Number(b.label === last) - Number(a.label === last));
  const picked = await vscode.window.showQuickPick(items, { title: `Memwise: ${choices.length} launch.json configurations run ${path.basename(script.fsPath)}`, placeHolder: 'Profile with which one?', ignoreFocusOut: true });
  if (!picked) return undefined;
  await remember(fc, PICK_KEY, script, picked.choice.name);
  return picked.choice;
}

function scriptReadsArguments(script: vscode.Uri): boolean {
  if (/\.ipynb$/i.test(script.fsPath)) return false; // a notebook's cells get no command line
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === script.toString());
  try {
    return readsArguments(open ? open.getText() : fs.readFileSync(script.fsPath, 'utf8'));
  } catch {
    return true; // unreadable here: ask rather than guess
  }
}

function rememberedArgs(fc: FeatureContext, script: vscode.Uri): string[] | undefined {
  const v = stateMap(fc, ARGS_KEY)[script.fsPath];
  return Array.isArray(v) && v.every((a) => typeof a === 'string') ? (v as string[]) : undefined;
}

function pickedName(fc: FeatureContext, script: vscode.Uri): string | undefined {
  const v = stateMap(fc, PICK_KEY)[script.fsPath];
  return typeof v === 'string' ? v : undefined;
}

function stateMap(fc: FeatureContext, key: string): Record<string, unknown> {
  const v = fc.extension.workspaceState.get<unknown>(key);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

async function remember(fc: FeatureContext, key: string, script: vscode.Uri, value: unknown): Promise<void> {
  await fc.extension.workspaceState.update(key, { ...stateMap(fc, key), [script.fsPath]: value });
  changed.fire();
}
