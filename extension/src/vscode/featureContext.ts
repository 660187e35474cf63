import * as vscode from 'vscode';
import type { MemwiseApi } from './api';

/** What every feature's `register` gets: the extension context, the shared log and the API object tests read. */
export interface FeatureContext {
  extension: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  api: MemwiseApi;
}
