// The Python front end: tree-sitter parse (lazy, incremental) + value facts + rules.
import type { Node as TsNode } from 'web-tree-sitter';
import type { LanguageLinter, LanguageLintRequest, LanguageLintResult, Notice } from '../types';
import { dropSuperseded } from '../overlap';
import { runRules, SITES_QUERY, type EngineOptions, type EngineQueries } from './engine';
import { describeFailure, RuleError, strictByDefault } from './ruleDispatch';
import { loadPython, parsePython, PythonParseState, pythonQuery } from './parser';
import { pythonRules } from './rules/index';
import { ruleFreeText } from './textGate';
import { formatSpecStart } from './syntax';
import type { LintSnapshot } from './reuse';
import { nextHistory, reuseBase } from './reuseBase';

export const pythonLinter: LanguageLinter & { lint(request: LanguageLintRequest, options?: EngineOptions): Promise<LanguageLintResult> } = {
  language: 'python',
  rules: pythonRules.map((r) => r.meta),
  /** `options`: exhaustive mode and strict mode (engine.ts); editors and the CLI pass none. */
  async lint(request: LanguageLintRequest, options: EngineOptions = {}): Promise<LanguageLintResult> {
    const rules = pythonRules.filter((r) => request.isEnabled(r.meta.code));
    // A one-shot lint of a text where no rule can have a candidate needs no tree (textGate.ts); an editor session
    // (a previous state) keeps its tree for the next edit, and exhaustive mode evaluates every node.
    if (request.previous === undefined && !options.exhaustive) {
      const g0 = options.phases ? performance.now() : 0;
      const gated = ruleFreeText(request.text, rules);
      if (options.phases) options.phases.set('gate', performance.now() - g0);
      if (gated) return { findings: [], notices: [] };
    }
    const loaded = await loadPython();
    const t0 = options.phases ? performance.now() : 0;
    const tree = parsePython(loaded, request.text, request.previous, request.edits);
    const t1 = options.phases ? performance.now() : 0;
    const notices: Notice[] = [];
    const err = tree.rootNode.hasError ? firstError(tree.rootNode) : null;
    if (options.phases) options.phases.set('parse', performance.now() - t0).set('parse:tree', t1 - t0);
    if (err) {
      notices.push({
        kind: 'parse-error',
        message: `${request.path}:${err.row + 1}:${err.column + 1}: syntax error; findings come from the parts that parsed.`,
      });
    }
    let findings: LanguageLintResult['findings'] = [];
    let snapshot: LintSnapshot | undefined;
    let reused = 0;
    let reusedCandidates = 0;
    if (rules.length) {
      try {
        // After an edit, chunks the edit cannot affect keep their findings from the previous run (reuse.ts).
        // A previous state means an editor session: record dependencies from then on (the CLI never passes one).
        // A clean text after a broken one reuses from the last clean run instead (reuseBase.ts).
        const session = request.previous instanceof PythonParseState ? request.previous : undefined;
        const prev = reuseBase(session, request.edits, request.text, !!err);
        const run = runRules(tree, request.text, { sites: lazySites(loaded) }, rules, (r) => r.meta.defaultSeverity, prev, !!session, options);
        for (const f of run.failures) notices.push({ kind: 'internal', message: `${request.path}: ${describeFailure(f)}.` });
        findings = dropSuperseded(run.findings, rules.map((r) => r.meta));
        // A run with a failed rule is not reused after the next edit: its findings are incomplete.
        snapshot = run.failures.length ? undefined : run.snapshot;
        reused = run.reused;
        reusedCandidates = run.reusedCandidates;
      } catch (e) {
        if (e instanceof RuleError || (options.strict ?? strictByDefault())) throw e; // strict mode: tests see the error
        notices.push({ kind: 'internal', message: `${request.path}: Python rules failed (${(e as Error).message}); no findings for this file.` });
      }
    }
    const t2 = options.phases ? performance.now() : 0;
    const state = new PythonParseState(tree, request.text);
    Object.assign(state, nextHistory(request.previous instanceof PythonParseState ? request.previous : undefined, tree, request.text, snapshot, !!err));
    state.reused = reused;
    state.reusedCandidates = reusedCandidates;
    if (options.phases) options.phases.set('history', performance.now() - t2);
    return { findings, notices, state };
  },
};

/**
 * The sites query, compiled on first use: only trees with syntax errors ask it (facts/siteWalk.ts), and compiling
 * it costs a few milliseconds per thread that a clean file never repays.
 */
function lazySites(loaded: Parameters<typeof pythonQuery>[0]): EngineQueries['sites'] {
  return { captures: (node, options) => pythonQuery(loaded, SITES_QUERY).captures(node, options) };
}

/**
 * Where the first real syntax error is, or null when there is none. tree-sitter-python reads the format spec of
 * `f"{x:=^30}"` as a walrus (`x := ^30`) and marks the `^` as an error; Python ends the expression at that `:`
 * (a walrus must be parenthesized in a replacement field) and reads `=^30` as the format spec, whose text is
 * free: errors after the `:` count only inside its nested replacement fields (`{x:=^{w +}}`), which tree-sitter
 * reads as sets or dicts. Depth-first in document order, through flagged children only, with an explicit stack.
 */
function firstError(root: TsNode): { row: number; column: number } | null {
  // each entry: a node, and where the format spec of the replacement field around it starts (Infinity: none)
  const stack: [TsNode, number][] = [[root, Infinity]];
  for (let i = 0; stack.length && i < 100000; i++) {
    const [n, entry] = stack.pop()!;
    let spec = NESTED_FIELDS.has(n.type) ? Infinity : entry;
    if (n.type === 'interpolation') spec = formatSpecStart(n);
    const inSpec = n.startIndex >= spec;
    if (!inSpec && (n.isError || n.isMissing)) return n.startPosition;
    const flagged = n.children.filter((c): c is TsNode => !!c && (c.hasError || c.isError || c.isMissing));
    if (!flagged.length && !inSpec) return n.startPosition; // the error is in this node's own tokens
    for (let k = flagged.length - 1; k >= 0; k--) stack.push([flagged[k], spec]);
  }
  return stack.length ? stack[stack.length - 1][0].startPosition : null; // past the walk's bound: report, never hide
}

/** How tree-sitter reads a nested replacement field (`{w}`) in a format spec it took for an expression. */
const NESTED_FIELDS = new Set(['set', 'dictionary']);
