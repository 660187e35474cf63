// One rule doc, three renderings: Markdown (docs/rules.md, hovers, SARIF help) and plain text (`memwise rule`).
import { ruleDocUrl } from './catalog';
import { SEVERITY_MEANING } from './severities';
import type { RuleMeta } from './types';

function ruffNote(twin: string): string {
  return `Ruff reports the same pattern as ${twin}. When the project's Ruff configuration (\`[tool.ruff]\` in pyproject.toml, ruff.toml or .ruff.toml) selects ${twin}, Memwise does not report it, so the warning is shown once.`;
}

function fence(code: string, language: string): string {
  return '```' + language + '\n' + code.replace(/\n+$/, '') + '\n```';
}

/** Markdown body for one rule; `level` is the heading depth of its sections. */
export function ruleMarkdown(meta: RuleMeta, level = 3): string {
  const h = '#'.repeat(level);
  const lang = meta.language === 'python' ? 'python' : 'ts';
  const d = meta.docs;
  const parts = [
    `${meta.summary}`,
    `Language: ${meta.language === 'python' ? 'Python' : 'JavaScript/TypeScript'} · Default severity: ${meta.defaultSeverity} · ${meta.defaultEnabled ? 'On by default' : 'Opt-in (select it to enable)'} · Fix: ${meta.fixable ? 'available' : 'none'}`,
    `${h} What it does\n\n${d.whatItDoes.trim()}`,
    `${h} Why is this bad?\n\n${d.whyIsThisBad.trim()}`,
    `${h} Severity\n\n${meta.defaultSeverity}: ${SEVERITY_MEANING[meta.defaultSeverity]}${meta.severityWhy ? ` ${meta.severityWhy.trim()}` : ''}`,
  ];
  if (d.dataScale) parts.push(`${h} Data scale\n\n${d.dataScale.trim()}`);
  if (d.ruffTwin) parts.push(`${h} Ruff\n\n${ruffNote(d.ruffTwin)}`);
  parts.push(
    `${h} Example\n\n${fence(d.example, lang)}`,
    `${h} Use instead\n\n${fence(d.useInstead, lang)}`,
  );
  if (d.knownProblems) parts.push(`${h} Known problems\n\n${d.knownProblems.trim()}`);
  if (d.fixSafety) parts.push(`${h} Fix safety\n\n${d.fixSafety.trim()}`);
  if (d.references?.length) parts.push(`${h} References\n\n${d.references.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

/**
 * The hover over a finding: its message first (with the evidence: where the data comes from, bytes per row),
 * then the rule's documentation below a rule.
 */
export function findingHoverMarkdown(meta: RuleMeta, message: string): string {
  const escaped = message.replace(/([\\*_[\]<>])/g, '\\$1');
  return `**${meta.code}** \`${meta.name}\`\n\n${escaped}\n\n---\n\n${ruleMarkdown(meta, 4)}\n\n[Open documentation](${ruleDocUrl(meta)})`;
}

function indent(s: string): string {
  return s
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l ? '    ' + l : l))
    .join('\n');
}

/** Plain text for the terminal. */
export function ruleText(meta: RuleMeta): string {
  const d = meta.docs;
  const parts = [
    `${meta.code} ${meta.name}`,
    meta.summary,
    `What it does:\n${d.whatItDoes.trim()}`,
    `Why is this bad?\n${d.whyIsThisBad.trim()}`,
    `Severity: ${meta.defaultSeverity} (${SEVERITY_MEANING[meta.defaultSeverity]})${meta.severityWhy ? ` ${meta.severityWhy.trim()}` : ''}`,
  ];
  if (d.dataScale) parts.push(`Data scale:\n${d.dataScale.trim()}`);
  if (d.ruffTwin) parts.push(`Ruff:\n${ruffNote(d.ruffTwin)}`);
  parts.push(`Example:\n${indent(d.example)}`, `Use instead:\n${indent(d.useInstead)}`);
  if (d.knownProblems) parts.push(`Known problems:\n${d.knownProblems.trim()}`);
  if (d.fixSafety) parts.push(`Fix safety:\n${d.fixSafety.trim()}`);
  if (d.references?.length) parts.push(`References:\n${d.references.map((r) => `  ${r}`).join('\n')}`);
  parts.push(`Docs: ${ruleDocUrl(meta)}`);
  return parts.join('\n\n');
}
