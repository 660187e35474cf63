// The JS/TS front end: parse with typescript-estree (loaded on first use), build value facts, run the
// rules' visitors in one pass. Nothing here throws on bad input: parse errors, minified and huge files
// become notices.
import { RuleDispatcher, strictRules } from '../ruleDispatch';
import type { Finding, LanguageLinter, LanguageLintRequest, LanguageLintResult, Notice, TextRange } from '../types';
import { JsFileFacts } from './facts';
import { looksMinified } from './minified';
import { parseJs, type Program } from './parser';
import { formatMessage, type JsRuleContext, type Node } from './ruleContext';
import { jsRules } from './rules/index';

/** Files above this are skipped (the Python front end uses the same default). */
export const MAX_JS_BYTES = 5 * 1024 * 1024;
/** Syntax errors are blanked out line by line (keeping offsets) this many times before giving up. */
const MAX_ERROR_RECOVERIES = 8;

interface ParseFailure {
  lineNumber?: number;
  message: string;
}

function parseFailure(e: unknown): ParseFailure {
  const err = e as { lineNumber?: number; message?: string };
  return { lineNumber: typeof err?.lineNumber === 'number' ? err.lineNumber : undefined, message: String(err?.message ?? e).split('\n')[0] };
}

/** Replace one (1-based) line's characters with spaces so every other offset is unchanged. */
function blankLine(text: string, lineNumber: number): string | undefined {
  let start = 0;
  for (let l = 1; l < lineNumber; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  if (!line.trim()) return undefined;
  return text.slice(0, start) + line.replace(/[^\r]/g, ' ') + text.slice(end);
}

/** Parse, recovering from syntax errors by blanking the offending lines so the valid parts still get findings. */
export function parseWithRecovery(text: string, path: string, notices: Notice[]): Program | undefined {
  let current = text;
  for (let attempt = 0; attempt <= MAX_ERROR_RECOVERIES; attempt++) {
    try {
      return parseJs(current, path);
    } catch (e) {
      if (e instanceof RangeError) {
        notices.push({ kind: 'parse-error', message: `${path}: too deeply nested to parse (${e.message}); skipped.` });
        return undefined;
      }
      const f = parseFailure(e);
      if (attempt === 0) notices.push({ kind: 'parse-error', message: `${path}${f.lineNumber ? `:${f.lineNumber}` : ''}: ${f.message}. Lines with syntax errors are skipped; the rest is linted.` });
      const next = f.lineNumber ? blankLine(current, f.lineNumber) : undefined;
      if (!next) return undefined;
      current = next;
    }
  }
  return undefined;
}

function rangeOfNode(node: Node): TextRange {
  return { startLine: node.loc.start.line - 1, startColumn: node.loc.start.column, endLine: node.loc.end.line - 1, endColumn: node.loc.end.column };
}

export async function lintJs(request: LanguageLintRequest): Promise<LanguageLintResult> {
  const notices: Notice[] = [];
  const findings: Finding[] = [];
  const { text, path } = request;
  if (text.length > MAX_JS_BYTES) {
    notices.push({ kind: 'skipped', message: `${path}: ${(text.length / 1048576).toFixed(1)} MB is over the ${MAX_JS_BYTES / 1048576} MB lint limit; skipped.` });
    return { findings, notices };
  }
  if (looksMinified(text)) {
    notices.push({ kind: 'skipped', message: `${path}: looks minified or generated (very long lines); skipped.` });
    return { findings, notices };
  }
  const rules = jsRules.filter((r) => request.isEnabled(r.meta.code));
  if (!rules.length) return { findings, notices };
  const program = parseWithRecovery(text, path, notices);
  if (!program) return { findings, notices };
  const dispatch = new RuleDispatcher(path, notices, strictRules(request));
  // The scope pass runs eagerly; everything else in the analysis runs lazily inside the rule that asks,
  // so an analysis bug is reported under the rule and node that met it.
  const facts = dispatch.run('analysis', 'the scope pass', undefined, () => new JsFileFacts(program, text));
  if (!facts) return { findings, notices };
  const handlers = new Map<string, { code: string; fn: (node: never) => void }[]>();
  for (const rule of rules) {
    const code = rule.meta.code;
    const ctx: JsRuleContext = {
      path,
      text,
      facts,
      rangeOf: rangeOfNode,
      textOf: (node) => text.slice(node.range[0], node.range[1]),
      report(d) {
        const range = d.range ?? (d.node ? rangeOfNode(d.node) : undefined);
        if (!range) return;
        const template = rule.messages[d.messageId];
        if (template === undefined) throw new Error(`unknown message id '${d.messageId}'`);
        const message = formatMessage(template, d.data);
        findings.push({ rule: code, name: rule.meta.name, severity: rule.meta.defaultSeverity, message, messageId: d.messageId, range, fixes: d.fixes ?? [], ...(d.scale ? { scale: d.scale } : {}) });
      },
    };
    const visitors = dispatch.run(code, 'its start (create)', undefined, () => rule.create(ctx));
    if (!visitors) continue;
    for (const [type, fn] of Object.entries(visitors) as [string, ((node: never) => void) | undefined][]) {
      if (!fn) continue;
      if (!handlers.has(type)) handlers.set(type, []);
      handlers.get(type)!.push({ code, fn });
    }
  }
  for (const node of facts.nodes) {
    const hs = handlers.get(node.type);
    if (!hs) continue;
    for (const h of hs) {
      if (dispatch.isLive(h.code)) dispatch.run(h.code, node.type, node.loc.start, () => h.fn(node as never));
    }
  }
  findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.rule.localeCompare(b.rule));
  return { findings, notices };
}

export const jsLinter: LanguageLinter = {
  language: 'js',
  rules: jsRules.map((r) => r.meta),
  lint: lintJs,
};
