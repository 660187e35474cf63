// Findings → vscode.Diagnostic, plus the store of each diagnostic's fixes. Code actions look fixes up
// by (range, code, message hash) like vscode-eslint's CodeActions.record, so they never re-lint.
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { findRule, ruleDocUrl } from '../core/lint/catalog';
import type { Finding, Severity, TextRange } from '../core/lint/types';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(r: TextRange): vscode.Range {
  return new vscode.Range(r.startLine, r.startColumn, r.endLine, r.endColumn);
}

export function docsUri(code: string): vscode.Uri | undefined {
  const meta = findRule(code);
  return meta ? vscode.Uri.parse(ruleDocUrl(meta)) : undefined;
}

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = 'memwise';
  const target = docsUri(f.rule);
  d.code = target ? { value: f.rule, target } : f.rule;
  return d;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export function diagnosticKey(range: vscode.Range, code: string, message: string): string {
  const hash = createHash('sha1').update(message).digest('hex').slice(0, 12);
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${code}|${hash}`;
}

/** Findings (with their fixes) per document, keyed by diagnostic identity. */
export class FindingStore {
  private byUri = new Map<string, Map<string, Finding>>();

  record(uri: vscode.Uri, findings: Finding[]): void {
    const m = new Map<string, Finding>();
    for (const f of findings) m.set(diagnosticKey(toRange(f.range), f.rule, f.message), f);
    this.byUri.set(uri.toString(), m);
  }

  lookup(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
    return this.byUri.get(uri.toString())?.get(diagnosticKey(d.range, codeOf(d), d.message));
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }
}

export { codeOf };
