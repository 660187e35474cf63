// `--format json`: a stable, versioned shape. Lines and columns are 1-based; end columns are exclusive.
import type { LintReport } from './reportTypes';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  name: string;
  severity: string;
  message: string;
  fixable: boolean;
  /** Notebooks only: the 1-based cell number; line and column are then within that cell. */
  cell?: number;
}

export function toJson(report: LintReport): { version: 1; findings: JsonFinding[]; notices: Array<{ file?: string; kind: string; message: string }> } {
  const findings: JsonFinding[] = [];
  const notices: Array<{ file?: string; kind: string; message: string }> = report.notices.map((n) => ({ kind: n.kind, message: n.message }));
  for (const f of report.files) {
    for (const x of f.findings) {
      findings.push({
        file: f.file,
        line: x.range.startLine + 1,
        column: x.range.startColumn + 1,
        endLine: x.range.endLine + 1,
        endColumn: x.range.endColumn + 1,
        rule: x.rule,
        name: x.name,
        severity: x.severity,
        message: x.message,
        fixable: x.fixes.length > 0,
        ...(x.cell === undefined ? {} : { cell: x.cell + 1 }),
      });
    }
    for (const n of f.notices) notices.push({ file: f.file, kind: n.kind, message: n.message });
  }
  return { version: 1, findings, notices };
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(toJson(report), null, 2);
}
