// Value facts for one JS/TS file, answered on demand with memoisation and a depth cap: where each value
// comes from (parsed text, a whole file, a number…). Unknown stays unknown: rules only speak when a fact is
// established. This class only wires the analysis modules together and answers the rules' questions
// (FileFacts); the work is done by scopes.ts (one pass: nodes, parents, classes; then the scope manager's bindings), evaluator.ts
// (expressions and bindings), memberAndCallFacts.ts, callbackParams.ts, classSlots.ts, numericFacts.ts,
// libraryModel.ts (library knowledge, as data) and wholeFileWalks.ts (MW351's use analysis).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis, BindingTables, WalkTable } from './analysis';
import { callbackArgFact, paramFact, reduceAccumulator } from './callbackParams';
import { callsOf } from './callSites';
import { slotFact } from './classSlots';
import { computeBindingFact, evaluate } from './evaluator';
import { FN_TYPES, ITERATION_METHODS, LOOP_TYPES, MAX_DEPTH, isStringLiteral, propName } from './factTypes';
import type { Binding, Call, Fact, Fn, Node, ThisSlot } from './factTypes';
import { MAY_PARSE_TABLES, type LibraryHost } from './libraryModel';
import { callFact, localCallee, memberFact, returnFact } from './memberAndCallFacts';
import { NumericEvidence } from './numericEvidence';
import { computeNumericUses, isNumeric } from './numericFacts';
import { STREAMED_RECORDS, type BindingInfo, type FileFacts, type TabularParseInfo, type TextOrigin } from './ruleContext';
import { resolveBindings, walkTree } from './scopes';
import { WholeFileWalks } from './wholeFileWalks';

/**
 * Cheap whole-text gates: a file that never names a tabular parser's module (MAY_PARSE_TABLES) or a file read cannot have MW2xx/MW3xx
 * facts. They read the whole text, so an incremental re-lint keeps earlier findings only while they are
 * unchanged (incrementalLint.ts compares this key): add any new whole-text test here.
 */
export function textGates(text: string | undefined): { mayParseTables: boolean; mayReadFiles: boolean } {
  return { mayParseTables: text === undefined || MAY_PARSE_TABLES.test(text), mayReadFiles: text === undefined || text.includes('readFile') };
}

/** Text parsed from a data file, read from one or streamed from one (not an argument, a query parameter or a literal). */
function fromData(f: Fact | undefined): boolean {
  return f?.t === 'text' && !!(f.origin.parseCall || f.origin.readCall || f.origin.streamed);
}

// The value walk's tables (WalkTable) become this object's own fields: one object answers every question.
export interface JsFileFacts extends WalkTable {}

export class JsFileFacts implements FileFacts, Analysis {
  readonly tabular = new Map<Call, TabularParseInfo>();
  readonly parseCalls = new Map<Call, TabularParseInfo['library']>();
  /** Questions being answered right now (nodes, bindings, slots), each with its nesting level. */
  private readonly open = new Map<unknown, number>();
  /**
   * The outermost open question that an answer in progress met again (a cycle, answered unknown there): every
   * answer nested deeper than it was computed from that provisional unknown, so it is returned but not
   * remembered, or the order in which rules ask would decide the facts (`h[k] = (h[k] || 0) + 1` asked from
   * its own `h[k]` first remembered the sum as unknown, and `h[k]` stopped being a number for every later rule).
   */
  private cycleFloor = Infinity;
  readonly slotMemo = new Map<ThisSlot, Fact | undefined>();
  readonly numberMapMemo = new Map<Binding, boolean>();
  readonly lib: LibraryHost = {
    factOf: (node, depth) => this.factOf(node, depth),
    returnFact: (fn, depth) => this.returnFact(fn, depth),
    noteParse: (call, library, info) => {
      this.parseCalls.set(call, library);
      if (info && !this.tabular.has(call)) this.tabular.set(call, info);
    },
  };
  private readonly memo = new Map<Node, Fact | undefined>();
  private readonly bindingMemo = new Map<Binding, Fact | undefined>();
  private numericUses?: Map<Call, Node>;
  private numericEvidence?: NumericEvidence;
  private walkedOnce?: Map<Call, { how: string; split: Node }>;

  /** textGates(text), computed once. */
  private readonly mayParseTables: boolean;
  private readonly mayReadFiles: boolean;

  private readonly program: TSESTree.Program;
  private bindingTables?: BindingTables;

  constructor(program: TSESTree.Program, text?: string) {
    ({ mayParseTables: this.mayParseTables, mayReadFiles: this.mayReadFiles } = textGates(text));
    this.program = program;
    Object.assign(this, walkTree(program));
  }

  // ---------- bindings, resolved by the scope manager when a question first needs one ----------
  // Many files never ask (no rule meets candidate syntax), and those skip the scope analysis entirely.

  private bindings(): BindingTables {
    return (this.bindingTables ??= resolveBindings(this.program, this.parents));
  }

  get refBinding(): Map<TSESTree.Identifier, Binding> {
    return this.bindings().refBinding;
  }

  get declBinding(): Map<TSESTree.Identifier, Binding> {
    return this.bindings().declBinding;
  }

  get allBindings(): Binding[] {
    return this.bindings().allBindings;
  }

  get moduleVars(): Map<string, Binding> {
    return this.bindings().moduleVars;
  }

  // ---------- memoised questions (Analysis) ----------

  factOf(node: Node, depth: number): Fact | undefined {
    if (depth > MAX_DEPTH && !this.memo.has(node)) return undefined;
    return this.ask(node, this.memo, () => evaluate(this, node, depth + 1));
  }

  bindingFact(b: Binding, d: number): Fact | undefined {
    if (d > MAX_DEPTH && !this.bindingMemo.has(b)) return undefined;
    return this.ask(b, this.bindingMemo, () => computeBindingFact(this, b, d));
  }

  ask<K, V>(key: K, memo: Map<K, V | undefined>, compute: () => V | undefined): V | undefined {
    if (memo.has(key)) return memo.get(key);
    const at = this.open.get(key);
    if (at !== undefined) {
      this.cycleFloor = Math.min(this.cycleFloor, at);
      return undefined;
    }
    const level = this.open.size;
    this.open.set(key, level);
    let answer: V | undefined;
    try {
      answer = compute();
    } finally {
      this.open.delete(key);
      if (this.cycleFloor >= level || level === 0) {
        // No cycle reached below this question, or every one closed here: the answer is final.
        if (this.cycleFloor >= level) memo.set(key, answer);
        this.cycleFloor = Infinity;
      }
    }
    return answer;
  }

  memberFact(n: TSESTree.MemberExpression, d: number): Fact | undefined {
    return memberFact(this, n, d);
  }

  callFact(n: Call, d: number): Fact | undefined {
    return callFact(this, n, d);
  }

  returnFact(fn: Fn, d: number): Fact | undefined {
    return returnFact(this, fn, d);
  }

  paramFact(fn: Fn, index: number, d: number): Fact | undefined {
    return paramFact(this, fn, index, d);
  }

  callbackArgFact(call: Call, argIndex: number, index: number, d: number): Fact | undefined {
    return callbackArgFact(this, call, argIndex, index, d);
  }

  slotFact(slot: ThisSlot, d: number): Fact | undefined {
    return slotFact(this, slot, d);
  }

  localCallee(call: Call | TSESTree.NewExpression): Fn | undefined {
    return localCallee(this, call);
  }

  // ---------- FileFacts ----------

  parent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  binding(id: TSESTree.Identifier): BindingInfo | undefined {
    return this.refBinding.get(id) ?? this.declBinding.get(id);
  }

  moduleBindings(): BindingInfo[] {
    return [...this.moduleVars.values()];
  }

  returnedValues(fn: Fn): readonly Node[] {
    return this.returns.get(fn) ?? [];
  }

  isJsonValue(expr: Node): boolean {
    const f = this.factOf(expr, 0);
    return f?.t === 'list' && !!f.json;
  }

  callsOf(fn: Fn): readonly Node[] | undefined {
    return callsOf(this, fn, 0);
  }

  textOrigin(expr: Node): TextOrigin | undefined {
    const f = this.factOf(expr, 0);
    return f?.t === 'text' ? f.origin : undefined;
  }

  isNumeric(expr: Node): boolean {
    return isNumeric(this, expr);
  }

  hasNumericEvidence(expr: Node): boolean {
    if (!this.numericEvidence) this.numericEvidence = new NumericEvidence(this, (e) => this.isJsonValue(e));
    return this.numericEvidence.has(expr);
  }

  isNumericReduceAccumulator(expr: Node): boolean {
    return this.reduceAccumulator(expr) === 'numeric';
  }

  reduceAccumulator(expr: Node): 'numeric' | 'first' | undefined {
    return reduceAccumulator(this, expr);
  }

  enclosingLoop(node: Node, stopAt?: Node): Node | undefined {
    let child = node;
    let cur = this.parents.get(node);
    for (let i = 0; cur && i < 10000; i++) {
      if (cur === stopAt) return undefined;
      if (LOOP_TYPES.has(cur.type)) {
        // The iterable/initialiser of a loop runs once; only its body (and test/update) repeat.
        const once = ((cur.type === 'ForOfStatement' || cur.type === 'ForInStatement') && cur.right === child) || (cur.type === 'ForStatement' && cur.init === child);
        if (!once) return cur;
      }
      if (FN_TYPES.has(cur.type)) {
        const call = this.parents.get(cur);
        if (call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.arguments.includes(cur as TSESTree.Expression)) {
          const m = propName(call.callee);
          if (m && ITERATION_METHODS.has(m)) return call;
          if ((m === 'on' || m === 'once') && isStringLiteral(call.arguments[0]) && ['data', 'line', 'record', 'readable'].includes(String((call.arguments[0] as TSESTree.Literal).value))) return call;
        }
        return undefined;
      }
      child = cur;
      cur = this.parents.get(cur);
    }
    return undefined;
  }

  isDataCollection(expr: Node): boolean {
    const f = this.factOf(expr, 0);
    if (f?.t !== 'list' || f.batch || this.isFlushedBatch(expr)) return false;
    if (f.big) return true;
    const e = f.elem;
    if (e?.t === 'text') return fromData(e);
    if (e?.t === 'list') return fromData(e.elem);
    // Records copied out of parsed ones (`orders.push({ id: rec.id, amount: rec.amount })`).
    if (e?.t === 'obj') return [...e.props.values(), e.rest].some(fromData);
    return false;
  }

  /**
   * `batch.push(e); if (batch.length >= LIMIT) { await flush(); batch = []; }`: a variable emptied again
   * (`= []`, `.length = 0`) whose length is compared holds one bounded batch, not the whole data.
   */
  private isFlushedBatch(expr: Node): boolean {
    const b = expr.type === 'Identifier' ? this.refBinding.get(expr) : undefined;
    if (!b) return false;
    const emptied = (e: Node) => e.type === 'ArrayExpression' && e.elements.length === 0;
    let reset = b.assignments.some(emptied);
    let compared = false;
    for (const ref of b.refs) {
      const m = this.parents.get(ref);
      if (m?.type !== 'MemberExpression' || m.object !== ref || propName(m) !== 'length') continue;
      const use = this.parents.get(m);
      if (use?.type === 'AssignmentExpression' && use.left === m && use.right.type === 'Literal' && use.right.value === 0) reset = true;
      else if (use?.type === 'BinaryExpression' && ['>=', '>', '===', '=='].includes(use.operator)) compared = true;
    }
    return reset && compared;
  }

  dataCollectionSource(expr: Node): string | undefined {
    if (!this.isDataCollection(expr)) return undefined;
    const f = this.factOf(expr, 0);
    if (f?.t !== 'list') return undefined;
    const e = f.elem?.t === 'list' ? f.elem.elem : f.elem?.t === 'obj' ? [...f.elem.props.values(), f.elem.rest].find(fromData) : f.elem;
    const origin = e?.t === 'text' ? e.origin : undefined;
    const call = origin?.parseCall ?? origin?.readCall;
    const at = call?.loc ? ` at line ${call.loc.start.line}` : '';
    if (f.big) return `${f.big}${at}`;
    if (origin && !call) return `${STREAMED_RECORDS} (${origin.what})`;
    return origin ? `${origin.parseCall ? 'records parsed' : 'lines of the file read'}${at}` : 'a collection built from parsed data';
  }

  untypedParseNumericUse(call: Call): { info: TabularParseInfo; use: Node } | undefined {
    if (!this.mayParseTables) return undefined;
    // Uses are found from the use sites back to their parse call (a callback API's records are only
    // known once its callback parameter is evaluated), so compute them all once per file.
    if (!this.numericUses) this.numericUses = computeNumericUses(this);
    const use = this.numericUses.get(call);
    const info = this.tabular.get(call);
    return use && info ? { info, use } : undefined;
  }

  wholeFileWalkedOnce(call: Call): { how: string; split: Node } | undefined {
    if (!this.mayReadFiles) return undefined;
    if (!this.walkedOnce) this.walkedOnce = new WholeFileWalks(this).compute();
    return this.walkedOnce.get(call);
  }
}
