// "Profile this script" runs a script the way its .vscode/launch.json configuration does (issue 16): the
// configuration's args, cwd and env reach the real script, and the CodeLens says what it will use.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { waitFor, workspaceRoot } from '../extensionApi';

const SCRIPT = 'launch_args.py';
const SCRIPT_TEXT = `import os, sys
print("argv", sys.argv[1:])
print("cwd", os.path.basename(os.getcwd()))
print("env", os.environ.get("MEMWISE_LAUNCH_TEST", "<unset>"))
`;

describe('Profile arguments from .vscode/launch.json (real VS Code, real Python)', function () {
  this.timeout(90000);
  let launchFile: string;

  before(async () => {
    const root = workspaceRoot();
    fs.writeFileSync(path.join(root, SCRIPT), SCRIPT_TEXT);
    fs.mkdirSync(path.join(root, 'launch_cwd'), { recursive: true });
    fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
    launchFile = path.join(root, '.vscode', 'launch.json');
    fs.writeFileSync(
      launchFile,
      `{
  // comments are allowed in launch.json
  "version": "0.2.0",
  "configurations": [
    { "name": "Current file", "type": "debugpy", "request": "launch", "program": "\${file}", "args": ["--ignored"] },
    {
      "name": "ETL with a sample",
      "type": "debugpy",
      "request": "launch",
      "program": "\${workspaceFolder}/${SCRIPT}",
      "args": ["--rows", "7", "two words", "\${workspaceFolderBasename}"],
      "cwd": "\${workspaceFolder}/launch_cwd",
      "env": { "MEMWISE_LAUNCH_TEST": "from launch.json" }
    },
    { "name": "Other script", "type": "node", "request": "launch", "program": "\${workspaceFolder}/other.js", "args": ["x"] }
  ]
}
`,
    );
    await waitFor(() => {
      const configs = vscode.workspace.getConfiguration('launch', vscode.workspace.workspaceFolders?.[0]?.uri).get<{ name: string }[]>('configurations') ?? [];
      return configs.some((c) => c.name === 'ETL with a sample');
    }, 'VS Code to read the new launch.json');
  });

  after(() => fs.rmSync(launchFile, { force: true }));

  /** Runs the profile command, accepting whatever quick pick or input box it opens (the first item / the value as it is). */
  async function profileAccepting(uri: vscode.Uri): Promise<{ run?: RunFile; skipped?: string }> {
    let done = false;
    const result = Promise.resolve(vscode.commands.executeCommand<{ run?: RunFile; skipped?: string }>('memwise.profile', uri)).finally(() => (done = true));
    let accepts = 0;
    while (!done && accepts < 100) {
      await new Promise((r) => setTimeout(r, 300));
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      accepts++;
    }
    return result;
  }

  const lensTitle = async (uri: vscode.Uri): Promise<string> => {
    const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    return l?.find((x) => x.command?.command === 'memwise.profile')?.command?.title ?? '';
  };

  it('the CodeLens shows the configuration and its arguments', async () => {
    const uri = vscode.Uri.file(path.join(workspaceRoot(), SCRIPT));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return l?.some((x) => x.command?.command === 'memwise.profile' && /launch\.json/.test(x.command.title)) ? l : undefined;
    }, 'the profile CodeLens');
    const title = lenses.find((x) => x.command?.command === 'memwise.profile')!.command!.title;
    assert.strictEqual(title, `$(pulse) Profile memory (launch.json "ETL with a sample": --rows 7 'two words' ${path.basename(workspaceRoot())})`);
    assert.ok(lenses.some((x) => x.command?.command === 'memwise.editProfileArgs'), 'an "Edit arguments" lens');
  });

  it('the configuration\'s args, cwd and env reach the profiled script', async () => {
    const uri = vscode.Uri.file(path.join(workspaceRoot(), SCRIPT));
    const result = await vscode.commands.executeCommand<{ run?: RunFile; skipped?: string }>('memwise.profile', uri);
    assert.ok(result?.run, JSON.stringify(result));
    const out = result.run.logs.map((l) => l.text);
    assert.strictEqual(result.run.exitCode, 0, out.join('\n'));
    assert.ok(out.includes(`argv ['--rows', '7', 'two words', '${path.basename(workspaceRoot())}']`), out.join('\n'));
    assert.ok(out.includes('cwd launch_cwd'), out.join('\n'));
    assert.ok(out.includes('env from launch.json'), out.join('\n'));
    assert.strictEqual(result.run.cwd, path.join(workspaceRoot(), 'launch_cwd'));
  });

  it('several configurations name the script: the user picks one, and the pick is remembered', async () => {
    const root = workspaceRoot();
    const text = fs.readFileSync(launchFile, 'utf8').replace(
      '{ "name": "Other script"',
      `{ "name": "ETL full", "type": "debugpy", "request": "launch", "program": "\${workspaceFolder}/${SCRIPT}", "args": ["--rows", "1000"] },\n    { "name": "Other script"`,
    );
    fs.writeFileSync(launchFile, text);
    const uri = vscode.Uri.file(path.join(root, SCRIPT));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(async () => /pick one of 2/.test(await lensTitle(uri)) || undefined, 'the CodeLens to offer a pick of 2 configurations');
    const result = await profileAccepting(uri);
    assert.ok(result?.run, JSON.stringify(result));
    assert.ok(result.run.logs.some((l) => l.text.startsWith("argv ['--rows', '7'")), 'the first configuration was picked');
    assert.match(await lensTitle(uri), /launch\.json "ETL with a sample"/, 'the pick is remembered and shown');
  });

  it('a script that reads sys.argv is asked for its arguments once; the answer is remembered', async () => {
    const file = path.join(workspaceRoot(), 'asks_args.py');
    fs.writeFileSync(file, 'import sys\nprint("args", sys.argv[1:])\n');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.match(await waitFor(async () => (await lensTitle(uri)) || undefined, 'the lens'), /asks for args/);
    const first = await profileAccepting(uri);
    assert.ok(first?.run, JSON.stringify(first));
    assert.match(await lensTitle(uri), /\(no args\)/, 'the (empty) answer is remembered');
    // The second run asks nothing: it finishes without anyone answering.
    const second = await vscode.commands.executeCommand<{ run?: RunFile }>('memwise.profile', uri);
    assert.ok(second?.run?.logs.some((l) => l.text === 'args []'), JSON.stringify(second?.run?.logs));
  });
});
