// Ruff-like terminal output: `path:line:col: CODE message`, then a one-line summary.
import { cellLabel } from '../notebook/notebookProgram';
import { findingCount, type LintReport } from './reportTypes';

export function formatText(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      const fixable = x.fixes.some((fix) => fix.safety === 'safe') ? ' [*]' : '';
      const where = x.cell === undefined ? f.file : `${f.file}:${cellLabel(x.cell)}`;
      lines.push(`${where}:${x.range.startLine + 1}:${x.range.startColumn + 1}: ${x.rule}${fixable} ${x.message}`);
    }
  }
  const total = findingCount(report);
  const withFindings = report.files.filter((f) => f.findings.length).length;
  const failed = report.files.filter((f) => f.notices.some((n) => n.kind === 'internal')).length;
  // A file skipped whole (not code by its name, binary, minified, too big) was not linted: never count it as clean.
  const skipped = report.files.filter((f) => f.notices.some((n) => n.kind === 'skipped')).length;
  const linted = `${plural(report.files.length - skipped, 'file')} linted${skipped ? `, ${skipped} skipped` : ''}`;
  if (failed) lines.push(`${plural(failed, 'file')} could not be linted (see the messages above).`);
  if (total === 0 && !failed && skipped === report.files.length && skipped) lines.push(`Nothing linted: ${plural(skipped, 'file')} skipped (see the messages above).`);
  else if (total === 0 && !failed) lines.push(`All checks passed! (${linted})`);
  else if (total === 0) lines.push(`No findings in the files that could be linted.`);
  else {
    lines.push(`Found ${plural(total, 'finding')} in ${plural(withFindings, 'file')} (${linted}).`);
    const fixable = report.files.reduce((n, f) => n + f.findings.filter((x) => x.fixes.some((fix) => fix.safety === 'safe')).length, 0);
    if (fixable) lines.push(`[*] ${fixable} with a safe quick fix in the editor.`);
  }
  return lines.join('\n');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
