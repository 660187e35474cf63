// Hover on a code inside a suppression comment (`# noqa: MW101`, `// memwise-disable-line MW351`)
// shows the rule's documentation; hover on a finding repeats its evidence with the rule's documentation below;
// "Show documentation" opens the same text rendered in the Markdown preview, from a read-only virtual document
// (`memwise-rule:/MW101.md`) that never asks to be saved.
import * as vscode from 'vscode';
import { findRule, ruleDocUrl } from '../core/lint/catalog';
import { documentLintLanguage } from './documentLanguage';
import { findingHoverMarkdown, ruleMarkdown } from '../core/lint/ruleText';
import { parseSuppressions } from '../core/lint/suppressions';

const SELECTOR: vscode.DocumentSelector = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'].map((language) => ({ language }));

export function ruleHoverMarkdown(code: string): vscode.MarkdownString | undefined {
  const meta = findRule(code);
  if (!meta) return undefined;
  const md = new vscode.MarkdownString(`**${meta.code}** \`${meta.name}\`\n\n${ruleMarkdown(meta, 4)}\n\n[Open documentation](${ruleDocUrl(meta)})`);
  return md;
}

const RULE_SCHEME = 'memwise-rule';

export function registerRuleHover(): vscode.Disposable {
  // Documents of this scheme are read-only by construction: VS Code offers no save for them.
  const docs = vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
    provideTextDocumentContent(uri) {
      const meta = findRule(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
      return meta ? `# ${meta.code}: ${meta.name}\n\n${ruleMarkdown(meta, 2)}\n\nOnline: ${ruleDocUrl(meta)}\n` : `Unknown rule ${uri.path}.`;
    },
  });
  return vscode.Disposable.from(docs, vscode.languages.registerHoverProvider(SELECTOR, {
    provideHover(doc, position) {
      const wordRange = doc.getWordRangeAtPosition(position, /MW\d+/i);
      if (!wordRange) return findingHover(doc, position);
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
  }));
}

/** The Memwise finding under the cursor: its message (the evidence) and the rule doc below it. */
function findingHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const here = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'memwise' && d.range.contains(position));
  const parts: string[] = [];
  let range: vscode.Range | undefined;
  for (const d of here) {
    const meta = findRule(typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));
    if (!meta) continue;
    parts.push(findingHoverMarkdown(meta, d.message));
    range ??= d.range;
  }
  return parts.length ? new vscode.Hover(new vscode.MarkdownString(parts.join('\n\n---\n\n')), range) : undefined;
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
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${meta.code}.md` }));
  try {
    // Rendered, beside the code; the built-in Markdown extension reads the virtual document.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
  return doc;
}
