// `--format sarif`: SARIF 2.1.0 for GitHub code scanning (upload-sarif). Regions are 1-based with an
// exclusive end column, in UTF-16 code units (SARIF's default columnKind, and the unit our ranges use).
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocUrl, RULES_DOC_URL } from '../lint/catalog';
import { ruleMarkdown, ruleText } from '../lint/ruleText';
import type { Fix, Severity, TextRange } from '../lint/types';
import { cellLabel } from '../notebook/notebookProgram';
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

/** A 0-based TextRange as a SARIF region: 1-based lines and columns, exclusive end column. */
function region(r: TextRange): Record<string, number> {
  return { startLine: r.startLine + 1, startColumn: r.startColumn + 1, endLine: r.endLine + 1, endColumn: r.endColumn + 1 };
}

/**
 * The editor's quick fixes as SARIF fixes (replacements in the finding's file), so a SARIF viewer can offer
 * them too. Unsafe ones say so: they change behaviour, which is the point of most of them (`float(row[1])`).
 */
function sarifFixes(fixes: readonly Fix[], location: { uri: string; uriBaseId?: string }): unknown[] {
  return fixes.map((fix) => ({
    description: { text: fix.safety === 'safe' ? fix.title : `${fix.title} (unsafe: changes what the code computes; review it)` },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      },
    ],
    properties: { safety: fix.safety },
  }));
}

export function toSarif(report: LintReport): Record<string, unknown> {
  const rules = report.rules;
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results: unknown[] = [];
  for (const f of report.files) {
    const location = artifactLocation(f.file, report.cwd);
    for (const x of f.findings) {
      // Notebooks: the region is where the line sits in the .ipynb file itself, so code scanning marks the
      // right line of the file; the cell and the position within it ride along as properties.
      const inNotebook = x.cell !== undefined;
      const result: Record<string, unknown> = {
        ruleId: x.rule,
        level: LEVEL[x.severity],
        message: { text: inNotebook ? `${cellLabel(x.cell!)}, line ${x.range.startLine + 1}: ${x.message}` : x.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(x.fileRange ?? x.range) } }],
      };
      if (inNotebook) result.properties = { cell: x.cell! + 1, cellLine: x.range.startLine + 1, cellColumn: x.range.startColumn + 1 };
      const i = index.get(x.rule);
      if (i !== undefined) result.ruleIndex = i;
      // A cell edit is not a replacement in the JSON text (escaping), so notebook fixes stay in the editor.
      if (x.fixes.length && !inNotebook) result.fixes = sarifFixes(x.fixes, location);
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
