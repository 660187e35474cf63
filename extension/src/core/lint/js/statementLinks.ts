// Which top-level statements the value analysis can connect, without running it: values only travel
// between top-level statements through module-level names (a function and its callers, a collection and
// the statements that fill and read it, a class and its users, a parameter annotated with a class, an
// interface or type whose `number` fields numericEvidence.ts reads, and the statements that name it). An
// analysis that connects statements another way (say, by a property name alone) must add its link here. Statements that share such a name are one
// group, and a group's findings depend only on its own statements (and the imports, which every group
// may read). The grouping is deliberately coarse: a name that is merely mentioned links, whatever scope
// it resolves to, so a group can only be too large, never too small. incrementalLint.ts re-lints whole
// groups; the random-edit test checks the result against a full lint.
import type { Node } from './ruleContext';

export interface StatementSummary {
  /** Names this statement declares in the module scope (top-level declarations, `var` outside functions). */
  declares: string[];
  /** An `import … from` declaration: its names are read by every group, and link none. */
  isImport: boolean;
  /** Identifier names it mentions anywhere (not member or key names after a dot or before a colon). */
  mentions: Set<string>;
  /** `import.meta` appears in it (makes the file an ES module, like an import or export statement). */
  importMeta: boolean;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Collect the identifiers of a binding pattern (defaults and types included: a mention more only links more). */
function patternNames(pattern: Node, out: string[]): void {
  visitAll(
    pattern,
    (n) => {
      if (n.type === 'Identifier') out.push(n.name);
    },
    () => undefined,
  );
}

/**
 * Every node under `root` with its parent and key, types included (a parameter annotated `x: Ledger` makes
 * the analysis treat it as a Ledger: the annotation is a link like any other mention). Iterative.
 */
function visitAll(root: Node, enter: (node: Node, parent: Node | undefined, key: string) => void, exit: (node: Node) => void): void {
  const stack: { node: Node; parent: Node | undefined; key: string; out: boolean }[] = [{ node: root, parent: undefined, key: '', out: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.out) {
      exit(f.node);
      continue;
    }
    enter(f.node, f.parent, f.key);
    stack.push({ ...f, out: true });
    const rec = f.node as unknown as Record<string, unknown>;
    for (const key in rec) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const v = rec[key];
      const kids = Array.isArray(v) ? v : [v];
      for (const c of kids) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') stack.push({ node: c as Node, parent: f.node, key, out: false });
    }
  }
}

/** Start and end of each top-level statement, for finding the statement (and so the group) a node is in. */
export function statementSpans(program: { body: readonly Node[] }): { start: number; end: number }[] {
  return program.body.map((s) => ({ start: s.range[0], end: Math.max(s.range[1], s.range[0] + 1) }));
}

export function summarizeStatement(stmt: Node): StatementSummary {
  const declares: string[] = [];
  const mentions = new Set<string>();
  let importMeta = false;
  const top = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? (stmt.declaration ?? stmt) : stmt;
  if (top.type === 'ImportDeclaration') for (const s of top.specifiers) declares.push(s.local.name);
  else if ((top.type === 'FunctionDeclaration' || top.type === 'ClassDeclaration') && top.id) declares.push(top.id.name);
  // A type's fields declared `number` are evidence for the statements that use the type (numericEvidence.ts).
  else if (top.type === 'TSInterfaceDeclaration' || top.type === 'TSTypeAliasDeclaration') declares.push(top.id.name);
  else if (top.type === 'VariableDeclaration') for (const d of top.declarations) patternNames(d.id, declares);
  let fnDepth = 0;
  visitAll(
    stmt,
    (n, parent, key) => {
      if (FUNCTION_TYPES.has(n.type)) fnDepth++;
      if (n.type === 'Identifier') {
        if (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) return;
        if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && key === 'key' && !parent.computed) return;
        mentions.add(n.name);
      } else if (n.type === 'VariableDeclaration' && n.kind === 'var' && fnDepth === 0 && n !== top) {
        for (const d of n.declarations) patternNames(d.id, declares);
      } else if (n.type === 'MetaProperty' && n.meta.name === 'import') importMeta = true;
    },
    (n) => {
      if (FUNCTION_TYPES.has(n.type)) fnDepth--;
    },
  );
  return { declares, isImport: stmt.type === 'ImportDeclaration', mentions, importMeta };
}

/**
 * Group index per statement: statements sharing a module-level name that some non-import statement
 * declares end up in one group. Imports get their own groups (every group reads them anyway).
 */
export function linkGroups(summaries: readonly StatementSummary[]): number[] {
  const parent = summaries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const linking = new Set<string>();
  for (const s of summaries) if (!s.isImport) for (const name of s.declares) linking.add(name);
  const firstWith = new Map<string, number>();
  summaries.forEach((s, i) => {
    if (s.isImport) return;
    for (const name of s.mentions) {
      if (!linking.has(name)) continue;
      const j = firstWith.get(name);
      if (j === undefined) firstWith.set(name, i);
      else parent[find(i)] = find(j);
    }
  });
  return summaries.map((_, i) => find(i));
}
