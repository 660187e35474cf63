// Hover on a code inside a suppression comment (`# noqa: MW101`, `// memwise-disable-line MW351`)
// shows the rule's documentation; "Show documentation" opens the same text as a Markdown document.
import * as vscode from 'vscode';
import { findRule, ruleDocUrl } from '../core/lint/catalog';
import { documentLintLanguage } from './documentLanguage';
import { ruleMarkdown } from '../core/lint/ruleText';
import { parseSuppressions } from '../core/lint/suppressions';

const SELECTOR: vscode.DocumentSelector = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'].map((language) => ({ language }));

export function ruleHoverMarkdown(code: string): vscode.MarkdownString | undefined {
  const meta = findRule(code);
  if (!meta) return undefined;
  const md = new vscode.MarkdownString(`**${meta.code}** \`${meta.name}\`\n\n${ruleMarkdown(meta, 4)}\n\n[Open documentation](${ruleDocUrl(meta)})`);
  return md;
}

export function registerRuleHover(): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    provideHover(doc, position) {
      const wordRange = doc.getWordRangeAtPosition(position, /MW\d+/i);
      if (!wordRange) return undefined;
      const language = documentLintLanguage(doc);
      if (!language) return undefined;
      const inDirective = parseSuppressions(doc.getText(), language).some((s) => {
        const r = new vscode.Range(s.range.startLine, s.range.startColumn, s.range.endLine, s.range.endColumn);
        return r.contains(wordRange);
      });
      if (!inDirective) return undefined;
      const md = ruleHoverMarkdown(doc.getText(wordRange));
      return md ? new vscode.Hover(md, wordRange) : undefined;
    },
  });
}

export async function showRuleDoc(code?: string): Promise<vscode.TextDocument | undefined> {
  let wanted = code;
  if (!wanted) {
    const { allRules } = (require('../core/lint/catalog') as typeof import('../core/lint/catalog'));
    const pick = await vscode.window.showQuickPick(
      allRules().map((r) => ({ label: r.code, description: r.name, detail: r.summary })),
      { placeHolder: 'Which Memwise rule?' },
    );
    wanted = pick?.label;
  }
  if (!wanted) return undefined;
  const meta = findRule(wanted);
  if (!meta) {
    void vscode.window.showWarningMessage(`Memwise: unknown rule ${wanted}.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# ${meta.code}: ${meta.name}\n\n${ruleMarkdown(meta, 2)}\n\nOnline: ${ruleDocUrl(meta)}\n` });
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return doc;
}
