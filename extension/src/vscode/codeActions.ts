// Quick fixes for Memwise diagnostics. Fixes were computed with the finding and are looked up from the
// store (never recomputed); each diagnostic also gets "Disable MWxxx for this line" and its docs.
import * as vscode from 'vscode';
import { disableForLineEdit } from '../core/lint/disableComment';
import type { TextEdit } from '../core/lint/types';
import { codeOf, toRange } from './diagnostics';
import { documentLintLanguage } from './documentLanguage';
import type { LintService } from './lintService';

const SELECTOR: vscode.DocumentSelector = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'].map((language) => ({ language }));

function workspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toRange(e.range), e.newText);
  return we;
}

export function registerCodeActions(service: LintService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    SELECTOR,
    {
      provideCodeActions(doc, _range, context) {
        const actions: vscode.CodeAction[] = [];
        const language = documentLintLanguage(doc);
        for (const d of context.diagnostics) {
          if (d.source !== 'memwise') continue;
          const code = codeOf(d);
          const finding = service.findings.lookup(doc.uri, d);
          finding?.fixes.forEach((fix, i) => {
            const a = new vscode.CodeAction(fix.safety === 'unsafe' ? `${fix.title} (may change behaviour)` : fix.title, vscode.CodeActionKind.QuickFix);
            a.diagnostics = [d];
            a.edit = workspaceEdit(doc.uri, fix.edits);
            a.isPreferred = i === 0 && fix.safety === 'safe';
            actions.push(a);
          });
          if (language) {
            const disable = new vscode.CodeAction(`Disable ${code} for this line`, vscode.CodeActionKind.QuickFix);
            disable.diagnostics = [d];
            disable.edit = workspaceEdit(doc.uri, [disableForLineEdit(doc.getText(), d.range.start.line, code, language)]);
            actions.push(disable);
          }
          const docs = new vscode.CodeAction(`Show documentation for ${code}`, vscode.CodeActionKind.QuickFix);
          docs.command = { command: 'memwise.showRuleDoc', title: `Show documentation for ${code}`, arguments: [code] };
          actions.push(docs);
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
