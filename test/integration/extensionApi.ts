import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MemwiseApi } from '../../extension/src/vscode/api';

export const EXTENSION_ID = 'memwise.memwise';

/** Activate Memwise (if needed) and return the API object `activate` returned. */
export async function memwiseApi(): Promise<MemwiseApi> {
  const ext = vscode.extensions.getExtension<MemwiseApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this host`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** Poll `probe` until it returns a truthy value; VS Code updates (diagnostics, panels) arrive asynchronously. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has no folder open');
  return folder.uri.fsPath;
}
