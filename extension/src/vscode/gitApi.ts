// The slice of the built-in Git extension's API (vscode.git, getAPI(1)) that review uses.
// Declared here because the extension ships no types package.
import type * as vscode from 'vscode';

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly status: number;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { name?: string; commit?: string };
    readonly workingTreeChanges: GitChange[];
    readonly indexChanges: GitChange[];
    readonly untrackedChanges?: GitChange[];
  };
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  diffWith(ref: string): Promise<GitChange[]>;
  status(): Promise<void>;
}

export interface GitAPI {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}

/** Git status codes for deleted files (INDEX_DELETED, DELETED): nothing left to lint. */
export const DELETED_STATUSES = new Set([2, 6]);
