// The small ESLint-like API Python rules are written against: `create(ctx)` returns visitors keyed by
// tree-sitter node type; the engine calls them in document order on the candidates it found, then `onEnd`.
// Type-only imports: rule modules must not load the parser (the catalog lists metas without parsing).
import type { Node } from 'web-tree-sitter';
import type { Fix, LiteralInput, RuleMeta, Severity, TextEdit, TextRange } from '../types';
import type { FileFacts } from './facts/fileFacts';
import { rangeOf } from './syntax';

/** Node types the engine dispatches. */
export type VisitedType = 'call' | 'binary_operator' | 'comparison_operator' | 'augmented_assignment' | 'for_statement' | 'decorator';

/**
 * Where a rule's candidate nodes are. Querying or walking every node costs about as much as parsing, so
 * rules name the tokens that must be present: the engine scans the text once for all tokens, checks the
 * text right before/after the token, asks tree-sitter for the node at the token and climbs to the nearest
 * ancestor of `type`. `where: 'sources'` limits the search to code that holds text sources (csv, split, open…).
 */
export interface Trigger {
  /** Words (matched on word boundaries) or symbols such as `+=` and `@`. */
  tokens: readonly string[];
  type: VisitedType;
  where?: 'file' | 'sources';
  /** Must match the text right after the token (anchor it with ^). */
  after?: RegExp;
  /** Must match the text right before the token (anchor it with $). */
  before?: RegExp;
  filter?: (text: string, at: number, before: RegExpExecArray | null) => boolean;
}

export type PythonVisitors = { [K in VisitedType]?: (node: Node) => void } & { onEnd?: () => void };

export interface PythonReport {
  node?: Node;
  range?: TextRange;
  message: string;
  fixes?: Fix[];
  /** Data-scale rules: 'unknown' shows the finding at information severity (see dataScale.ts). */
  scale?: 'data' | 'unknown';
  /** The literal-path file the data comes from (`inputOf(scale)`); the engine weighs it (literalInputSize.ts). */
  input?: LiteralInput;
}

export interface PythonRuleContext {
  readonly text: string;
  readonly facts: FileFacts;
  readonly severity: Severity;
  report(r: PythonReport): void;
  /**
   * A cacheable rule's visit reads, from here on, more than FileFacts answers and its candidate's own chunk (a
   * data-scale walk over the whole scope, say): its findings at this candidate are evaluated again after every
   * edit. Visits that returned before calling it (most of them: the facts said no) stay reusable.
   */
  untracked(): void;
}

export interface PythonRule {
  meta: RuleMeta;
  /**
   * Cheap whole-text test: unless one of these occurs as a word (a dotted one by its first word: `pd.` is `pd`),
   * the rule cannot fire and is not run. The engine's single token scan finds them.
   */
  appliesTo?: readonly string[];
  triggers?: Trigger[];
  /** Operator nodes the rule wants from chunks that hold text sources (every one there, by query). */
  sourceOps?: ('binary_operator' | 'comparison_operator' | 'augmented_assignment')[];
  /**
   * The rule's findings at a candidate depend only on the text around it and on FileFacts answers (no
   * `onEnd`, no whole-text reads of its own other than `facts.textTest`), so after an edit the engine may
   * reuse them for chunks the edit cannot affect. A rule that reads more past some point calls `ctx.untracked()`
   * there. The engine drops repeated reports of one range.
   */
  cacheable?: boolean;
  /**
   * The rule's visitors include `onEnd`, which may report without any candidate: every file is parsed for it
   * (textGate.ts skips the parse of files where no candidate can occur). The engine fails a rule that returns
   * `onEnd` without saying so here.
   */
  readsWholeFile?: boolean;
  create(ctx: PythonRuleContext): PythonVisitors;
}

export function replaceNode(node: Node, newText: string): TextEdit {
  return { range: rangeOf(node), newText };
}

export function insertAt(line: number, column: number, newText: string): TextEdit {
  return { range: { startLine: line, startColumn: column, endLine: line, endColumn: column }, newText };
}

/** Wraps a data-text expression in a converter: the quick fix for MW1xx. Unsafe: the program's result changes. */
export function wrapFix(node: Node, fn: 'float' | 'int'): Fix {
  return { title: `Convert \`${node.text.length > 30 ? node.text.slice(0, 29) + '…' : node.text}\` with ${fn}()`, edits: [replaceNode(node, `${fn}(${node.text})`)], safety: 'unsafe' };
}

/** Edit that adds `from collections import deque` after the last top-level import when missing. */
export function ensureImport(text: string, root: Node, module: string, name: string): TextEdit[] {
  if (new RegExp(`^\\s*from\\s+${module.replace('.', '\\.')}\\s+import\\s+[^\\n]*\\b${name}\\b`, 'm').test(text)) return [];
  let line = 0;
  for (const c of root.namedChildren) {
    if (!c) continue;
    if (c.type === 'import_statement' || c.type === 'import_from_statement' || c.type === 'future_import_statement') line = c.endPosition.row + 1;
    else if (c.type === 'expression_statement' && line === 0 && c.namedChild(0)?.type === 'string') line = c.endPosition.row + 1; // after a module docstring
  }
  return [insertAt(line, 0, `from ${module} import ${name}\n`)];
}
