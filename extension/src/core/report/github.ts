// `--format github`: GitHub Actions workflow commands, which become annotations on the PR diff.
// Escaping follows the runner's rules: data escapes % CR LF; properties also escape `:` and `,`.
import type { Severity } from '../lint/types';
import { cellLabel } from '../notebook/notebookProgram';
import type { LintReport } from './reportTypes';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const file = f.file.split('\\').join('/');
    for (const x of f.findings) {
      // Notebooks: annotate the line of the .ipynb file and name the cell in the message.
      const r = x.fileRange ?? x.range;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${r.startLine + 1}`,
        `col=${r.startColumn + 1}`,
        `endLine=${r.endLine + 1}`,
        `endColumn=${r.endColumn + 1}`,
        `title=${escapeProperty(`${x.rule} ${x.name}`)}`,
      ];
      const where = x.cell === undefined ? '' : `${cellLabel(x.cell)}:${x.range.startLine + 1}:${x.range.startColumn + 1}: `;
      lines.push(`::${COMMAND[x.severity]} ${props.join(',')}::${escapeData(`${where}${x.rule} ${x.message}`)}`);
    }
    for (const n of f.notices) lines.push(`::notice file=${escapeProperty(file)},title=${escapeProperty(`Memwise ${n.kind}`)}::${escapeData(n.message)}`);
  }
  for (const n of report.notices) lines.push(`::warning title=${escapeProperty(`Memwise ${n.kind}`)}::${escapeData(n.message)}`);
  return lines.join('\n');
}
