// The Python front end: tree-sitter parse (lazy, incremental) + value facts + rules.
import type { LanguageLinter, LanguageLintRequest, LanguageLintResult, Notice } from '../types';
import { runRules } from './engine';
import { SITES_QUERY } from './engine';
import { loadPython, parsePython, PythonParseState, pythonQuery } from './parser';
import { pythonRules } from './rules/index';

export const pythonLinter: LanguageLinter = {
  language: 'python',
  rules: pythonRules.map((r) => r.meta),
  async lint(request: LanguageLintRequest): Promise<LanguageLintResult> {
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
    if (rules.length) {
      try {
        findings = runRules(tree, request.text, { sites: pythonQuery(loaded, SITES_QUERY) }, rules, (r) => r.meta.defaultSeverity).findings;
      } catch (e) {
        notices.push({ kind: 'internal', message: `${request.path}: Python rules failed (${(e as Error).message}); no findings for this file.` });
      }
    }
    return { findings, notices, state: new PythonParseState(tree, request.text) };
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
