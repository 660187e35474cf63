// The shape of one file's analysis, as the analysis modules see it: the tables the scope pass builds
// (ScopeTable, ClassTable) and the memoised questions (Analysis) that the evaluator, the call/member facts,
// the callback parameters, the class slots and the numeric-use analysis ask one another. Each of those
// modules takes an `Analysis` and asks its questions through it, so their imports of one another stay a few
// pure helpers and never form a cycle (jsModuleShape.test.ts checks): facts.ts wires them together.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LibraryHost } from './libraryModel';
import type { TabularParseInfo, TextOrigin } from './ruleContext';
import type { Binding, Call, Fact, Fn, Node, ThisSlot } from './factTypes';

/** `this.<prop>` slots and plain methods of every class, collected by the scope pass. */
export interface ClassTable {
  readonly classProps: Map<Node, Map<string, ThisSlot>>;
  readonly thisSlot: Map<Node, ThisSlot>;
  /** Plain methods of each class by name, and the class each `this.<name>` is written in: `this.load()` returns what load returns. */
  readonly classMethods: Map<Node, Map<string, Fn>>;
  /** Static methods of each class by name: `Reading.fromLine(l)` returns what fromLine returns. */
  readonly staticMethods: Map<Node, Map<string, Fn>>;
  readonly thisClass: Map<Node, Node>;
}

/** What the value walk records: nodes in document order, parents, returns and yields, the class table. */
export interface WalkTable extends ClassTable {
  /** Every node in document order, for the rule visitors. */
  readonly nodes: Node[];
  readonly parents: Map<Node, Node>;
  /** The returned expressions of every function (an expression-bodied arrow returns its body). */
  readonly returns: Map<Fn, Node[]>;
  /** The `yield` expressions of every generator function. */
  readonly yields: Map<Fn, TSESTree.YieldExpression[]>;
}

/** Bindings and their uses, from the scope manager (bindings.ts). */
export interface BindingTables {
  readonly refBinding: Map<TSESTree.Identifier, Binding>;
  readonly declBinding: Map<TSESTree.Identifier, Binding>;
  /** Every binding, by the position of its first declaration. */
  readonly allBindings: Binding[];
  /** The bindings declared at the file's top level (its module scope, or CommonJS's function scope), by name. */
  readonly moduleVars: Map<string, Binding>;
}

/** What the scope pass gives: the walk's tables, and the bindings (resolved on first use: scopes.ts). */
export interface ScopeTable extends WalkTable, BindingTables {}

/** The memoised questions and per-file state the analysis modules share (implemented by JsFileFacts). */
export interface Analysis extends ScopeTable {
  readonly lib: LibraryHost;
  /** Uncast tabular parse calls, with what the fix would add. */
  readonly tabular: Map<Call, TabularParseInfo>;
  /** Every tabular parse call, cast or not (a cast parse of a whole file still holds it twice). */
  readonly parseCalls: Map<Call, TabularParseInfo['library']>;
  /**
   * Answer a memoised question: a question asked again while it is being answered yields unknown, so cycles
   * end; an answer that depended on such an unknown of an outer question is not remembered (facts.ts).
   */
  ask<K, V>(key: K, memo: Map<K, V | undefined>, compute: () => V | undefined): V | undefined;
  readonly slotMemo: Map<ThisSlot, Fact | undefined>;
  readonly numberMapMemo: Map<Binding, boolean>;
  factOf(node: Node, depth: number): Fact | undefined;
  bindingFact(b: Binding, depth: number): Fact | undefined;
  memberFact(n: TSESTree.MemberExpression, depth: number): Fact | undefined;
  callFact(n: Call, depth: number): Fact | undefined;
  returnFact(fn: Fn, depth: number): Fact | undefined;
  paramFact(fn: Fn, index: number, depth: number): Fact | undefined;
  /** Parameter `index` of a function passed as argument `argIndex` of `call` (in place or by name). */
  callbackArgFact(call: Call, argIndex: number, index: number, depth: number): Fact | undefined;
  slotFact(slot: ThisSlot, depth: number): Fact | undefined;
  /** The function of this file a call runs (`load(…)`, `this.load(…)`, `loader.load(…)`, `Loader.load(…)`), read from declarations only. */
  localCallee(call: Call | TSESTree.NewExpression): Fn | undefined;
  textOrigin(expr: Node): TextOrigin | undefined;
  isNumeric(expr: Node): boolean;
  isNumericReduceAccumulator(expr: Node): boolean;
  hasNumericEvidence(expr: Node): boolean;
}
