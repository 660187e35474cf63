// The Python front end: tree-sitter parse (lazy, incremental) + value facts + rules.
import type { LanguageLinter, LanguageLintRequest, LanguageLintResult, Notice } from '../types';
import { dropSuperseded } from '../overlap';
import { runRules, SITES_QUERY, type EngineOptions } from './engine';
import { describeFailure, RuleError, strictByDefault } from './ruleDispatch';
import { loadPython, parsePython, PythonParseState, pythonQuery } from './parser';
import { pythonRules } from './rules/index';
import type { LintSnapshot } from './reuse';

export const pythonLinter: LanguageLinter & { lint(request: LanguageLintRequest, options?: EngineOptions): Promise<LanguageLintResult> } = {
  language: 'python',
  rules: pythonRules.map((r) => r.meta),
  /** `options`: exhaustive mode and strict mode (engine.ts); editors and the CLI pass none. */
  async lint(request: LanguageLintRequest, options: EngineOptions = {}): Promise<LanguageLintResult> {
    const loaded = await loadPython();
    const tree = parsePython(loaded, request.text, request.previous, request.edits);
    const notices: Notice[] = [];
    if (tree.rootNode.hasError) {
      const err = firstError(tree.rootNode);
      notices.push({
        kind: 'parse-error',
        message: `${request.path}${err ? `:${err.row + 1}:${err.column + 1}` : ''}: syntax error; findings come from the parts that parsed.`,
      });
    }
    const rules = pythonRules.filter((r) => request.isEnabled(r.meta.code));
    let findings: LanguageLintResult['findings'] = [];
    let snapshot: LintSnapshot | undefined;
    let reused = 0;
    let reusedCandidates = 0;
    if (rules.length) {
      try {
        // After an edit, chunks the edit cannot affect keep their findings from the previous run (reuse.ts).
        // A previous state means an editor session: record dependencies from then on (the CLI never passes one).
        const session = request.previous instanceof PythonParseState ? request.previous : undefined;
        const prev = session?.snapshot && request.edits ? { snapshot: session.snapshot, edits: request.edits } : undefined;
        const run = runRules(tree, request.text, { sites: pythonQuery(loaded, SITES_QUERY) }, rules, (r) => r.meta.defaultSeverity, prev, !!session, options);
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
    const state = new PythonParseState(tree, request.text);
    state.snapshot = snapshot;
    state.reused = reused;
    state.reusedCandidates = reusedCandidates;
    return { findings, notices, state };
  },
};

function firstError(root: import('web-tree-sitter').Node): { row: number; column: number } | null {
  // Descend toward the first error/missing node without walking the whole tree.
  let n: import('web-tree-sitter').Node | null = root;
  for (let i = 0; n && i < 10000; i++) {
    if (n.isError || n.isMissing) return n.startPosition;
    let next: import('web-tree-sitter').Node | null = null;
    for (const c of n.children) {
      if (c && (c.hasError || c.isError || c.isMissing)) {
        next = c;
        break;
      }
    }
    if (!next) return n.startPosition;
    n = next;
  }
  return null;
}
