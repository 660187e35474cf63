// `--format sarif`: SARIF 2.1.0 for GitHub code scanning (upload-sarif). Regions are 1-based with an
// exclusive end column, in UTF-16 code units (SARIF's default columnKind, and the unit our ranges use).
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocUrl, RULES_DOC_URL } from '../lint/catalog';
import { ruleMarkdown, ruleText } from '../lint/ruleText';
import type { Severity } from '../lint/types';
import type { LintReport } from './reportTypes';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Relative posix URI under %SRCROOT% for files inside the working folder, an absolute file URI otherwise. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

export function toSarif(report: LintReport): Record<string, unknown> {
  const rules = report.rules;
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results: unknown[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      const result: Record<string, unknown> = {
        ruleId: x.rule,
        level: LEVEL[x.severity],
        message: { text: x.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(f.file, report.cwd),
              region: {
                startLine: x.range.startLine + 1,
                startColumn: x.range.startColumn + 1,
                endLine: x.range.endLine + 1,
                endColumn: x.range.endColumn + 1,
              },
            },
          },
        ],
      };
      const i = index.get(x.rule);
      if (i !== undefined) result.ruleIndex = i;
      results.push(result);
    }
  }
  const notifications = [
    ...report.notices.map((n) => ({ level: 'warning', message: { text: n.message } })),
    ...report.files.flatMap((f) =>
      f.notices.map((n) => ({
        level: n.kind === 'internal' ? 'error' : 'note',
        message: { text: n.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, report.cwd) } }],
      })),
    ),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Memwise',
            semanticVersion: report.toolVersion,
            informationUri: RULES_DOC_URL,
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.docs.whatItDoes },
              help: { text: ruleText(r), markdown: ruleMarkdown(r, 3) },
              helpUri: ruleDocUrl(r),
              defaultConfiguration: { enabled: r.defaultEnabled, level: LEVEL[r.defaultSeverity] },
              properties: { tags: ['memory', r.language === 'python' ? 'python' : 'javascript'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd + path.sep).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

export function formatSarif(report: LintReport): string {
  return JSON.stringify(toSarif(report), null, 2);
}
