// What a JS/TS rule sees: the file, the value facts, and `report`. Rules import only types from here and
// from typescript-estree, so the rule catalog can list their metas without loading the parser.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, LiteralInput, RuleMeta, TextRange } from '../types';

export type Node = TSESTree.Node;
export type Expr = TSESTree.Expression;

/** How `dataCollectionSource` starts for records of a stream (readline lines, fast-csv rows) collected into an array. */
export const STREAMED_RECORDS = 'records read from a stream';

/** Where a piece of text came from, in words a message can use, plus the calls that produced it. */
export interface TextOrigin {
  /** e.g. "a csv-parse record field", "a readline line". */
  what: string;
  /** The tabular parse call (csv-parse, PapaParse, d3-dsv) whose records hold this text, if any. */
  parseCall?: TSESTree.CallExpression;
  /** The whole-file read call this text was split from, if any. */
  readCall?: TSESTree.CallExpression;
  /** A whole line of input (a readline line, a line of a file read whole), not a field split from one. */
  wholeLine?: boolean;
  /** One item of a stream of data records (a readline line, a fast-csv or csv-parser row field, or a part of one): many of them are as many as the data has. */
  streamed?: boolean;
  /** A part of a version string (`pkg.version.split('.')`, `process.versions.node.split('.')`). */
  versionPart?: boolean;
}

export interface TabularParseInfo {
  library: 'csv-parse' | 'papaparse' | 'd3-dsv';
  /** How records are converted if the fix is taken (`cast: true`, `dynamicTyping: true`, `d3.autoType`). */
  castOption: string;
  /** The options object literal, when the call has one. */
  options?: TSESTree.ObjectExpression;
}

/** Questions rules ask about values in one file. Unknown answers are `undefined`/false: rules stay silent. */
export interface FileFacts {
  /** The origin if `expr` evaluates to text that came from parsed data (a field, a line part, argv, env…). */
  textOrigin(expr: Node): TextOrigin | undefined;
  /** True when `expr` holds (or is meant to hold) a number: literals, conversions, numeric bindings. */
  isNumeric(expr: Node): boolean;
  /**
   * True when the file uses the value of `expr` as a number elsewhere: the same field (by name) or the variable
   * and the fields its value flows from and into are converted, used in arithmetic, compared with or added to a number.
   */
  hasNumericEvidence(expr: Node): boolean;
  /** True when the identifier/param is the accumulator of a `reduce` callback with a numeric initial value. */
  isNumericReduceAccumulator(expr: Node): boolean;
  /** 'numeric': a `reduce` accumulator with a numeric initial value; 'first': one with no initial value (starts as the first element). */
  reduceAccumulator(expr: Node): 'numeric' | 'first' | undefined;
  /** Tabular parse calls without casting, with where their text was used as a number without conversion. */
  untypedParseNumericUse(call: TSESTree.CallExpression): { info: TabularParseInfo; use: Node } | undefined;
  /** For a whole-file read call whose content is split into lines/records and walked exactly once. */
  wholeFileWalkedOnce(call: TSESTree.CallExpression): { how: string; split: Node } | undefined;
  /** The variable a name refers to, if declared in this file. */
  binding(id: TSESTree.Identifier): BindingInfo | undefined;
  parent(node: Node): Node | undefined;
  /** The nearest enclosing loop (or iteration callback) of `node`, stopping at `stopAt` or a function boundary. */
  enclosingLoop(node: Node, stopAt?: Node): Node | undefined;
  /** Module-level bindings (declared at the top level of the program). */
  moduleBindings(): BindingInfo[];
  /** Every in-file call of a function or class method; undefined when it also escapes (passed as a value, exported by reference…). */
  callsOf(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): readonly Node[] | undefined;
  /** What a function returns (an expression-bodied arrow returns its body). */
  returnedValues(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): readonly Node[];
  /** True when `expr` is a value read from a JSON.parse document (a number there stays a number). */
  isJsonValue(expr: Node): boolean;
  /** True if `expr` is a large collection from data (parsed records, file lines, a directory listing). */
  isDataCollection(expr: Node): boolean;
  /** For a data collection, where it comes from in words ("csv-parse records parsed at line 4"); else undefined. */
  dataCollectionSource(expr: Node): string | undefined;
}

export interface BindingInfo {
  name: string;
  kind: 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch';
  id: TSESTree.Identifier;
  /** Initialiser, when declared as `name = init`. */
  init?: TSESTree.Expression;
  refs: TSESTree.Identifier[];
  /** Plain `name = expr` assignments after the declaration. */
  assignments: TSESTree.Expression[];
}

/**
 * One finding, as typescript-eslint rules report it: a message id naming one of the rule's `messages`, and
 * the `data` its `{{placeholders}}` take. Tests assert the id, so a message can be reworded freely.
 */
export interface ReportDescriptor<M extends string = string> {
  node?: Node;
  range?: TextRange;
  messageId: M;
  data?: Readonly<Record<string, string | number>>;
  fixes?: Fix[];
  /** Data-scale rules: 'unknown' shows the finding at information severity (see dataScale.ts). */
  scale?: 'data' | 'unknown';
  /** The literal-path file the data comes from (`inputOf(scale)`); the engine weighs it (literalInputSize.ts). */
  input?: LiteralInput;
}

export interface JsRuleContext<M extends string = string> {
  readonly path: string;
  readonly text: string;
  readonly facts: FileFacts;
  rangeOf(node: Node): TextRange;
  textOf(node: Node): string;
  report(d: ReportDescriptor<M>): void;
}

/** The estree node of one node type: `NodeOfType<'BinaryExpression'>` is `TSESTree.BinaryExpression`. */
export type NodeOfType<K extends Node['type']> = Extract<Node, { type: K }>;

/**
 * A rule's visitor: one optional handler per estree node type, each receiving that node type (as
 * typescript-eslint's RuleListener maps AST_NODE_TYPES to handlers). A misspelled node type or a handler
 * for the wrong node does not compile.
 */
export type JsVisitors = { [K in Node['type']]?: (node: NodeOfType<K>) => void };

export interface JsRule<M extends string = string> {
  meta: RuleMeta;
  /** Message templates by id; `{{name}}` is replaced by the report's `data.name`. */
  messages: Readonly<Record<M, string>>;
  create(ctx: JsRuleContext<M>): JsVisitors;
}

/**
 * A message template filled with a report's data. A placeholder without data is a bug in the rule: it throws,
 * and the dispatcher turns that into a visible `internal` notice instead of a half-written message.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message placeholder {{${key}}} has no data`);
    return String(data[key]);
  });
}

/**
 * A literal that is not a number (a string, template, boolean, null or regex): never data text, never numeric.
 * A `+` or a comparison with one on either side cannot be MW151/MW152/MW153's bug, and those rules return
 * before asking a value question (which would resolve the file's scopes: facts.ts).
 */
export function isNonNumericLiteral(n: Node): boolean {
  return (n.type === 'Literal' && typeof n.value !== 'number' && typeof n.value !== 'bigint') || n.type === 'TemplateLiteral';
}

/** Short text of an expression for messages, elided when long. */
export function snippet(ctx: JsRuleContext, node: Node, max = 40): string {
  const t = ctx.textOf(node).replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** A fix that wraps `node` in `Number(...)`. */
export function wrapInNumberFix(ctx: JsRuleContext, node: Node): Fix {
  return {
    title: `Convert ${snippet(ctx, node, 30)} with Number(…)`,
    safety: 'safe',
    edits: [{ range: ctx.rangeOf(node), newText: `Number(${ctx.textOf(node)})` }],
  };
}

export { nameEndsWithWord } from '../textualNames';
