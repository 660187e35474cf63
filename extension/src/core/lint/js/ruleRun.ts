// Runs the JS rules over one program: value facts (built lazily inside the rules that ask), then every
// rule's visitors in one pass over the nodes. The program is either the whole file or, after an edit in
// the editor, only the statements that have to be linted again (incrementalLint.ts); each finding
// remembers the top-level statement it belongs to, so the next edit can keep it when that statement is
// untouched.
import { jsLiteralInputOf } from './literalInput';
import { reportedInput } from '../reportedInput';
import { indexOfRangeAt } from '../rangeSearch';
import { RuleDispatcher } from '../ruleDispatch';
import type { Finding, Notice, TextRange } from '../types';
import { JsFileFacts } from './facts';
import type { Program } from './parser';
import { formatMessage, type JsRule, type JsRuleContext, type Node } from './ruleContext';
import { NestingTooDeep } from './scopes';
import { statementSpans } from './statementLinks';

/** A finding and the index (in the linted program's body) of the top-level statement it belongs to; -1: none. */
export interface OwnedFinding {
  finding: Finding;
  owner: number;
}

export interface RuleRun {
  findings: OwnedFinding[];
  /** False when a rule failed (its findings are incomplete: not worth keeping for the next edit). */
  complete: boolean;
}

function rangeOfNode(node: Node): TextRange {
  return { startLine: node.loc.start.line - 1, startColumn: node.loc.start.column, endLine: node.loc.end.line - 1, endColumn: node.loc.end.column };
}

export function runJsRules(program: Program, text: string, path: string, rules: readonly JsRule[], notices: Notice[], strict: boolean): RuleRun {
  const findings: OwnedFinding[] = [];
  const failuresBefore = notices.length;
  const dispatch = new RuleDispatcher(path, notices, strict);
  const spans = statementSpans(program);
  // The statement that owns what a visitor reports: the visited node's; for the Program visitor (which
  // looks at the whole file) the reported node's. A finding with no node under the Program visitor has none.
  let visiting: Node = program;
  const ownerOf = (reported: Node | undefined): number => {
    const at = visiting.type === 'Program' ? reported?.range[0] : visiting.range[0];
    return at === undefined ? -1 : indexOfRangeAt(spans, at);
  };
  // The value walk runs eagerly (and refuses a tree nested too deep for the scope manager); the scope
  // manager and everything else in the analysis run lazily inside the rule that asks first, so an analysis
  // bug is reported under the rule and node that met it.
  let tooDeep: NestingTooDeep | undefined;
  const facts = dispatch.run('analysis', 'the scope pass', undefined, () => {
    try {
      return new JsFileFacts(program, text);
    } catch (e) {
      if (!(e instanceof NestingTooDeep)) throw e;
      tooDeep = e;
      return undefined;
    }
  });
  if (tooDeep) {
    // As ESLint reports a fatal error for a file its parser or scope analysis cannot take: never silence.
    const n = rules.length;
    notices.push({ kind: 'parse-error', message: `${path}: ${tooDeep.message}; ${n} rule${n === 1 ? '' : 's'} skipped for this file. Split the most deeply nested expression or statement to lint it.` });
  }
  if (!facts) return { findings, complete: false };
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
        const input = reportedInput(rule.meta.family, d.input, d.node, (n) => jsLiteralInputOf(facts, n));
        const finding: Finding = { rule: code, name: rule.meta.name, severity: rule.meta.defaultSeverity, message, messageId: d.messageId, range, fixes: d.fixes ?? [], ...(d.scale ? { scale: d.scale } : {}), ...(input ? { input } : {}) };
        findings.push({ finding, owner: ownerOf(d.node) });
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
    visiting = node;
    for (const h of hs) {
      if (!dispatch.isLive(h.code)) continue;
      // Called directly (no closure per node and rule); a failure goes through the dispatcher like any other.
      try {
        h.fn(node as never);
      } catch (e) {
        dispatch.run(h.code, node.type, node.loc.start, () => {
          throw e;
        });
      }
    }
  }
  return { findings, complete: notices.length === failuresBefore };
}

/**
 * Document order; findings at the same place by rule, then by owning statement (the order a full pass
 * visits them in), so a re-lint that keeps some statements' findings sorts exactly like a full lint.
 * Array.prototype.sort is stable: findings of one statement keep the order its visit reported them in.
 */
export function sortOwned(list: OwnedFinding[]): OwnedFinding[] {
  return list.sort((a, b) => {
    const x = a.finding.range;
    const y = b.finding.range;
    return x.startLine - y.startLine || x.startColumn - y.startColumn || a.finding.rule.localeCompare(b.finding.rule) || a.owner - b.owner;
  });
}
