import * as assert from 'assert';
import * as vscode from 'vscode';
import { memwiseApi, waitFor } from '../extensionApi';
import { harnessAvailable, screenshot, waitForWebview } from '../harnessClient';

describe('Foundation: the extension in a real VS Code', () => {
  it('activates and reports its activation time', async () => {
    const api = await memwiseApi();
    assert.ok(api.activationMs > 0 && api.activationMs < 5000, `activation took ${api.activationMs} ms`);
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['memwise.profile', 'memwise.showLastProfile', 'memwise.lintWorkspace']) {
      assert.ok(all.includes(id), `command ${id} is not registered`);
    }
  });

  it('runs a contributed command', async () => {
    await memwiseApi();
    const result = await vscode.commands.executeCommand<{ files: number }>('memwise.lintWorkspace');
    assert.ok(result && typeof result.files === 'number', `lintWorkspace returned ${JSON.stringify(result)}`);
  });

  it('opens the profile webview and its script runs', async function () {
    const api = await memwiseApi();
    await vscode.commands.executeCommand('memwise.showLastProfile');
    const panel = await waitFor(() => api.profilePanel, 'the profile panel');
    assert.strictEqual(panel.panel.title, 'Memwise: Memory profile');
    // The webview's script posts "ready" once it has run; this resolves only then.
    await Promise.race([
      panel.ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error('webview script never said ready')), 20000)),
    ]);
    if (!harnessAvailable()) return;
    const marker = await waitForWebview('body[data-memwise-ready="1"] h1', 20000);
    assert.match(marker[0].text, /Memwise/);
    const shot = await screenshot('foundation-profile-panel');
    assert.ok(shot.endsWith('.png'), `screenshot written to ${shot}`);
  });
});
