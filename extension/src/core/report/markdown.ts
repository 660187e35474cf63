// `--format markdown`: a short summary for a pull-request comment (counts per rule, then the first findings).
import { ruleDocUrl } from '../lint/catalog';
import { cellLabel } from '../notebook/notebookProgram';
import { findingCount, type LintReport } from './reportTypes';
import { plural } from './text';

const MAX_LISTED = 50;

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatMarkdown(report: LintReport): string {
  const total = findingCount(report);
  if (total === 0) return `### Memwise: no memory findings\n\n${plural(report.files.length, 'file')} linted, all clean.\n`;
  const byRule = new Map<string, number>();
  for (const f of report.files) for (const x of f.findings) byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
  const meta = new Map(report.rules.map((r) => [r.code, r]));
  const out: string[] = [];
  const withFindings = report.files.filter((f) => f.findings.length).length;
  out.push(`### Memwise: ${plural(total, 'finding')} in ${plural(withFindings, 'file')}`, '');
  out.push('| Rule | Findings | What it means |', '| --- | ---: | --- |');
  for (const [code, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const m = meta.get(code);
    out.push(`| ${m ? `[${code}](${ruleDocUrl(m)}) \`${m.name}\`` : code} | ${n} | ${cell(m?.summary ?? '')} |`);
  }
  out.push('', '<details><summary>Findings</summary>', '', '| Location | Rule | Message |', '| --- | --- | --- |');
  let listed = 0;
  for (const f of report.files) {
    for (const x of f.findings) {
      if (listed++ >= MAX_LISTED) break;
      out.push(`| \`${cell(f.file)}${x.cell === undefined ? '' : `:${cellLabel(x.cell)}`}:${x.range.startLine + 1}\` | ${x.rule} | ${cell(x.message)} |`);
    }
  }
  if (total > MAX_LISTED) out.push('', `…and ${total - MAX_LISTED} more; see the SARIF upload or run \`memwise lint\` locally.`);
  out.push('', '</details>', '');
  return out.join('\n');
}
