// The workspace-trust promise, in a real untrusted workbench (`runCodeServer.mjs --untrusted`):
// Memwise activates and lints (bundled parsers only), but profiling and estimating never start the
// workspace's script or an interpreter named by workspace settings, and the user is told why.
// Runs only in an untrusted window; the `@untrusted` tag keeps it out of the trusted run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProfileCommandResult } from '../../../extension/src/vscode/profileFeature';
import type { MemwiseApi } from '../../../extension/src/vscode/api';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';

/** Read through a call, so the reset before the command does not narrow the type to undefined. */
const refusalOf = (api: MemwiseApi): MemwiseApi['lastRefusal'] => api.lastRefusal;

/** Every process whose command line mentions `needle` (Linux /proc); the extension host sees the whole machine. */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch {
      /* the process ended while we looked */
    }
  }
  return found;
}

/** Watches for `ms` that no process mentions `needle` and `marker` is never written. */
async function assertNothingRuns(needle: string, marker: string, ms = 1500): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    assert.deepStrictEqual(processesMentioning(needle), [], `a process was started for ${needle}`);
    assert.ok(!fs.existsSync(marker), `${marker} was written: the script (or a configured interpreter) ran`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

describe('@untrusted Untrusted workspace: lint only, nothing from the workspace runs', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip(); // only meaningful in `runCodeServer.mjs --untrusted`
  });

  let root: string;
  let marker: string;
  let script: string;
  before(() => {
    root = workspaceRoot();
    marker = path.join(root, 'untrusted-marker.txt');
    script = path.join(root, 'writes_marker_untrusted.py');
    // If anything ran this script, the marker file would appear.
    fs.writeFileSync(script, `import pathlib\npathlib.Path(${JSON.stringify(marker)}).write_text("ran")\n`);
  });

  it('activates in the untrusted window', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const api = await memwiseApi();
    assert.ok(api.activationMs > 0, `activationMs ${api.activationMs}`);
  });

  it('still lints: the incident line gets its MW101 diagnostic', async () => {
    await memwiseApi();
    const uri = vscode.Uri.file(path.join(root, 'request_log.py'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'memwise' && (typeof x.code === 'object' ? x.code.value : x.code) === 'MW101');
      return d.length ? d : undefined;
    }, 'an MW101 diagnostic in the untrusted workspace');
    assert.match(diags[0].message, /1000/);
  });

  it('"Profile this script" refuses, starts no process and says why', async () => {
    const api = await memwiseApi();
    api.lastRefusal = undefined;
    const runsDir = path.join(root, '.memwise', 'runs');
    const runsBefore = listDir(runsDir);
    const result = await vscode.commands.executeCommand<ProfileCommandResult>('memwise.profile', vscode.Uri.file(script));
    assert.deepStrictEqual(result, { skipped: 'untrusted' });
    const refusal = refusalOf(api);
    assert.strictEqual(refusal?.command, 'memwise.profile');
    assert.match(refusal.message, /untrusted workspaces/);
    assert.match(refusal.message, /Manage Workspace Trust/);
    await assertNothingRuns(path.basename(script), marker);
    assert.deepStrictEqual(listDir(runsDir), runsBefore, 'a run file appeared');
    assert.strictEqual(api.lastRun, undefined, 'a run was recorded');
  });

  it('"Estimate peak memory" refuses, starts no process and says why', async () => {
    const api = await memwiseApi();
    api.lastRefusal = undefined;
    const input = path.join(root, 'untrusted-input.csv');
    fs.writeFileSync(input, 'a,b\n1,2\n3,4\n');
    const result = await vscode.commands.executeCommand('memwise.estimate', { script, input, args: ['{input}'], show: false });
    assert.strictEqual(result, undefined);
    const refusal = refusalOf(api);
    assert.strictEqual(refusal?.command, 'memwise.estimate');
    assert.match(refusal.message, /disabled in untrusted workspaces/);
    await assertNothingRuns(path.basename(script), marker);
    assert.deepStrictEqual(listDir(path.join(root, '.memwise', 'estimates')), [], 'an estimate file appeared');
    assert.strictEqual(api.lastEstimate, undefined);
  });

  it('ignores memwise.pythonPath and memwise.nodePath from the workspace settings', async function () {
    this.timeout(30000);
    const fake = path.join(root, 'fake-python.sh');
    fs.writeFileSync(fake, `#!/bin/sh\necho ran > ${JSON.stringify(marker)}\n`, { mode: 0o755 });
    fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
    // profile.interval is an ordinary setting: once it reads 37, VS Code has loaded this file.
    fs.writeFileSync(
      path.join(root, '.vscode', 'settings.json'),
      JSON.stringify({ 'memwise.pythonPath': fake, 'memwise.nodePath': fake, 'memwise.profile.interval': 37 }, null, 2),
    );
    await waitFor(() => vscode.workspace.getConfiguration('memwise').get<number>('profile.interval') === 37, 'the workspace settings.json to be loaded');
    const config = vscode.workspace.getConfiguration('memwise', vscode.Uri.file(script));
    assert.notStrictEqual(config.get('pythonPath'), fake, 'memwise.pythonPath from the workspace is in effect');
    assert.notStrictEqual(config.get('nodePath'), fake, 'memwise.nodePath from the workspace is in effect');
    assert.ok(!config.get<string>('pythonPath'), `pythonPath resolves to ${JSON.stringify(config.get('pythonPath'))}`);

    // And the commands still start nothing, not even the configured "interpreter".
    const result = await vscode.commands.executeCommand<ProfileCommandResult>('memwise.profile', vscode.Uri.file(script));
    assert.deepStrictEqual(result, { skipped: 'untrusted' });
    await assertNothingRuns(path.basename(fake), marker, 1000);
  });
});
