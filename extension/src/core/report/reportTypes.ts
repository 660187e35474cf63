// What every output format (text, json, sarif, github, markdown) renders: one lint run.
import type { Finding, Notice, RuleMeta } from '../lint/types';

export interface FileReport {
  /** Path as the user gave it (relative to the working folder) or absolute. */
  file: string;
  findings: Finding[];
  notices: Notice[];
}

export interface LintReport {
  files: FileReport[];
  /** Every known rule, for formats that describe rules (SARIF, markdown). */
  rules: RuleMeta[];
  /** Run-level notices (configuration problems), shown once. */
  notices: Notice[];
  /** Working folder, for relative URIs in SARIF. */
  cwd: string;
  toolVersion: string;
}

export function findingCount(report: LintReport): number {
  return report.files.reduce((n, f) => n + f.findings.length, 0);
}
