// The "Disable MW101 for this line" edit, in the language's own syntax: merge into an existing
// `# noqa: …` / `// memwise-disable-next-line …` list when there is one, otherwise add a new comment.
import { parseSuppressions } from './suppressions';
import type { LintLanguage, TextEdit } from './types';

export function disableForLineEdit(text: string, line: number, code: string, language: LintLanguage): TextEdit {
  const lines = text.split('\n');
  const lineText = (lines[line] ?? '').replace(/\r$/, '');
  const existing = parseSuppressions(text, language).find(
    (s) => !s.fileLevel && s.codes && s.codesSpan && s.fromLine === line && s.toLine === line && (language === 'python' || s.directive === 'memwise-disable-next-line'),
  );
  if (existing && existing.codesSpan) {
    const end = existing.codesSpan[1];
    const pos = positionOf(text, end);
    return { range: { startLine: pos.line, startColumn: pos.column, endLine: pos.line, endColumn: pos.column }, newText: `, ${code}` };
  }
  if (language === 'python') {
    const trimmed = lineText.replace(/\s+$/, '');
    return {
      range: { startLine: line, startColumn: trimmed.length, endLine: line, endColumn: lineText.length },
      newText: `  # noqa: ${code}`,
    };
  }
  const indent = /^\s*/.exec(lineText)![0];
  return { range: { startLine: line, startColumn: 0, endLine: line, endColumn: 0 }, newText: `${indent}// memwise-disable-next-line ${code}\n` };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) };
}
