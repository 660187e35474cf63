// A compromised profile webview (it renders what a script printed) posting its own messages through the
// real webview host: the extension must open only files the shown run (or live profile) names.
// The message is posted the way page script could: through the host frame's post function, reached
// via a fresh child frame's `parent` getter (the webview deletes its own `window.parent`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProfileEvent, RunFile } from '../../../extension/src/core/profile/runFileTypes';
import type { MemwiseApi } from '../../../extension/src/vscode/api';
import { memwiseApi, waitFor, workspaceRoot } from '../extensionApi';
import { evalInWebview, harnessAvailable } from '../harnessClient';

interface ProfileViewApi {
  showProfile(run: RunFile | null, runFilePath?: string): void;
  beginLiveProfile(script: string): { push(event: ProfileEvent): void };
}

/** Posts `message` to the extension from inside the Memwise webview, as injected page script would. */
async function postFromWebview(message: unknown): Promise<void> {
  const results = await evalInWebview(`(() => {
    if (document.body.dataset.memwiseReady !== '1') return 'not memwise';
    const f = document.createElement('iframe');
    document.body.appendChild(f);
    const host = Object.getOwnPropertyDescriptor(f.contentWindow, 'parent').get.call(window);
    f.remove();
    host.__vscode_post_message__('onmessage', { message: ${JSON.stringify(message)} });
    return 'posted';
  })()`);
  assert.ok(results.some((r) => r.value === 'posted'), `could not post from the webview: ${JSON.stringify(results)}`);
}

function minimalRun(root: string, script: string, lineFile: string): RunFile {
  return {
    schema: 'memwise.run/1',
    peakBytes: 50 * 1024 * 1024,
    samples: { t: [0, 0.5, 1], rss: [10e6, 30e6, 50e6] },
    processes: [],
    lines: [{ file: lineFile, line: 3, function: '<module>', growthBytes: 40e6, samples: 3 }],
    logs: [{ t: 0.2, stream: 'stdout', text: path.join(root, 'not-in-the-run.txt') }],
    exitCode: 0,
    durationS: 1,
    stoppedAtCap: false,
    startedAt: new Date().toISOString(),
    script,
    cwd: root,
    command: ['python3', script],
    interpreter: { kind: 'python', path: 'python3', version: '3.11' },
    platform: { os: 'linux', release: '6', arch: 'x64', totalMemBytes: 8e9, cpus: 2 },
  };
}

describe('Profile view: a compromised webview cannot open arbitrary files', () => {
  before(function () {
    if (!harnessAvailable()) this.skip(); // needs the harness to reach into the webview
  });

  let root: string;
  const isOpen = (file: string) => vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file);
  /** A file nothing shown names (one per test: a document stays in textDocuments after it was opened). */
  const secretFile = (name: string) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, 'nothing the run names\n');
    return file;
  };
  before(() => {
    root = workspaceRoot();
  });

  it('a shown run: opens a file the run names, ignores one it does not', async () => {
    const api = await memwiseApi();
    const secret = secretFile('not-in-the-run.txt');
    const script = path.join(root, 'request_log.py');
    (api.profileView as ProfileViewApi).showProfile(minimalRun(root, script, script));
    const panel = await waitFor(() => api.profilePanel, 'the profile panel');
    await panel.ready;
    api.profileViewLastOpened = undefined;
    await postFromWebview({ type: 'openSource', file: secret, line: 1 });
    await assertNotOpened(api, secret);
    await postFromWebview({ type: 'openSource', file: script, line: 3 });
    const opened = await waitFor(() => api.profileViewLastOpened as { file: string; line: number } | undefined, 'the allowed file to open');
    assert.deepStrictEqual(opened, { file: script, line: 3 });
    assert.ok(!isOpen(secret), 'the webview opened a file the run does not name');
  });

  it('a live profile: opens the script or a sampled location, nothing else', async () => {
    const api = await memwiseApi();
    const secret = secretFile('not-sampled.txt');
    const script = path.join(root, 'log_parser.py');
    const sampled = path.join(root, 'make_data.py');
    const live = (api.profileView as ProfileViewApi).beginLiveProfile(script);
    live.push({ type: 'start', pid: 1, command: ['python3', script, secret], startedAt: new Date().toISOString() });
    live.push({ type: 'sample', t: 0.1, rss: 1e6, peak: 1e6, location: { file: sampled, line: 2, function: '<module>' } });
    await panel(api);
    api.profileViewLastOpened = undefined;
    await postFromWebview({ type: 'openSource', file: secret, line: 1 });
    await assertNotOpened(api, secret);
    await postFromWebview({ type: 'openSource', file: sampled, line: 2 });
    const opened = await waitFor(() => api.profileViewLastOpened as { file: string; line: number } | undefined, 'the sampled file to open');
    assert.deepStrictEqual(opened, { file: sampled, line: 2 });
    assert.ok(!isOpen(secret), 'the live view opened a file no sample pointed at');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

/** Watches for 1.5 s that the refused file neither opens nor becomes the panel's last opened file. */
async function assertNotOpened(api: MemwiseApi, file: string): Promise<void> {
  const deadline = Date.now() + 1500;
  while (Date.now() < deadline) {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), `the webview made the editor open ${file}`);
    assert.strictEqual(api.profileViewLastOpened, undefined, `the webview made the editor open ${JSON.stringify(api.profileViewLastOpened)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function panel(api: { profilePanel?: { ready: Promise<void> } }): Promise<void> {
  await (await waitFor(() => api.profilePanel, 'the profile panel')).ready;
}
