// The value analysis's evaluator: answers "what is this expression?" on demand, per node and cached
// (Pyright's lazy evaluator is the model): names through their bindings (assignment, unpacking, loops, `with`,
// walrus, comprehensions; nameBindings.ts, which this class extends), with calls, attributes and subscripts
// answered by callFacts.ts / memberFacts.ts and in-file functions, parameters, `self.<attr>` and containers by their summaries (summaries.ts). Every
// walk is bounded (depth cap + in-progress set), so deep nesting or cycles end in "unknown".
import type { Node } from 'web-tree-sitter';
import { comparisonPairs, isGeneratorCall, stringValue, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { callFact, methodCalled } from './callFacts';
import { isAccumulatorParam } from './callbacks';
import { join, joinBranches, markStored, textSourceOf, type MaybeFact, type TextSource } from './factTypes';
import { attributeBeforeUpdate, attributeFact, subscriptFact } from './memberFacts';
import { binop } from './operators';
import { NameBindings } from './nameBindings';
import { RECORD_WORD, recordShapes, type RecordShapes } from './recordShapes';
import { iterableOf } from './summaries';

export { HINT_WORDS, type Chunk, type QueryLike, type TextHints } from './collection';

const MAX_DEPTH = 40;
/**
 * Evaluations one question from a rule may compute (not cached ones): a bound on whatever the analysis has not
 * foreseen. Nested summaries of recursive code once cost exponential work (each computed again in every round
 * of every summary around it): a public repository's file made 11 million evaluations in 45 s; fixpoint.ts now
 * keeps them with what they read, and that file's largest question takes 2,280. Past this many, the question's
 * remaining parts are unknown, as a cycle is: nothing computed after is cached, so the next question starts afresh.
 * The largest question of the corpora, the CPython stdlib and the other real repositories takes 185 (1,047 before
 * the memos).
 */
export const QUESTION_BUDGET = 20_000;
/** Uncached evaluations of a whole file: the largest of the CPython stdlib and the real repositories takes about 6,700 (summarize_cnvs.py; the next, _pydecimal.py, 1,800). */
export const FILE_BUDGET = 200_000;
/** An edit whose lines match this may add or remove a record class in a text with record words (recordShapes.ts). */
const RECORD_DECLARATION_EDIT = new RegExp(`${RECORD_WORD.source}|^[ \\t]*class\\b`, 'm');
/** Dict displays with more entries than this are not summarised (a literal table, not a record). */
const MAX_DISPLAY = 64;

export class FileFacts extends NameBindings implements Analysis {
  private cache = new Map<number, MaybeFact>();
  /** Code that can hold data text (set by the engine); call-site facts only come from there. */
  hotTest: (pos: number) => boolean = () => true;
  /**
   * Can a value here be a text column (a str DataFrame/Series/ndarray with its source)? Set by the engine from
   * callFacts.ts mayHoldTextColumns (never in exhaustive mode); otherwise as numpy/pandas are mentioned.
   */
  private textColumns: boolean | undefined;
  get mayHoldTextColumns(): boolean {
    return this.mentionsArrays && this.textColumns !== false;
  }
  set mayHoldTextColumns(v: boolean) {
    this.textColumns = v;
  }

  /** Reuse across edits needs the file-level facts unchanged, this one included. */
  override fileLevelKey(): string {
    return `${super.fileLevelKey()}|${this.mayHoldTextColumns}`;
  }

  // ---- shared, memoised node parts (several rules look at the same operator) ----

  private partsMemo = new Map<number, { op: string; left: Node | null; right: Node | null }>();
  private pairsMemo = new Map<number, { left: Node; right: Node; op: string }[]>();

  /** Operator and operands of a binary operator or augmented assignment. */
  parts(node: Node): { op: string; left: Node | null; right: Node | null } {
    let p = this.partsMemo.get(node.id);
    if (!p) {
      p = { op: node.childForFieldName('operator')?.text ?? '', left: node.childForFieldName('left'), right: node.childForFieldName('right') };
      this.partsMemo.set(node.id, p);
    }
    return p;
  }

  /** Operand pairs of a comparison. */
  pairs(node: Node): { left: Node; right: Node; op: string }[] {
    let p = this.pairsMemo.get(node.id);
    if (!p) {
      p = comparisonPairs(node, this.text);
      this.pairsMemo.set(node.id, p);
    }
    return p;
  }

  // ---- queries ----

  /**
   * Where the data a value holds comes from, for data-scale questions (MW4xx: "is this loop over data, and read
   * from what?"): the reader/loader of the text, rows, file, frame or array the value is or contains, with its kind
   * (file, csv, pandas, numpy, input, split, regex). Null when the value holds no data the analysis can see.
   */
  dataSourceOf(node: Node | null): TextSource | null {
    return textSourceOf(this.factOf(node));
  }

  /**
   * The value the target of an update (`total += x`, `counts[k] += x`, `self.total += x`) has before it: for a
   * name or an item its value there; for an attribute what its class assigns it.
   */
  valueBeforeUpdate(target: Node): MaybeFact {
    if (target.type === 'identifier' || target.type === 'subscript') return this.factOf(target);
    return target.type === 'attribute' ? attributeBeforeUpdate(this, target, 0) : null;
  }

  /** Uncached evaluations of the question being answered, and how many factOf calls are open (0: a rule's). */
  private questionWork = 0;
  private open = 0;
  /** The most evaluations one question has taken in this file, and how many questions ran out (tests, benches). */
  maxQuestionWork = 0;
  fileWork = 0;
  budgetCuts = 0;
  /** The two budgets (tests set small ones to see a cut end in "unknown"). */
  questionBudget = QUESTION_BUDGET;
  fileBudget = FILE_BUDGET;

  factOf(node: Node | null, depth = 0): MaybeFact {
    if (!node) return null;
    if (this.open === 0) this.questionWork = 0;
    this.open++;
    try {
      return this.evaluate(node, depth);
    } finally {
      // A question's work only grows while it is open: its largest is its last, read once it closes.
      if (--this.open === 0 && this.questionWork > this.maxQuestionWork) this.maxQuestionWork = this.questionWork;
    }
  }

  private evaluate(node: Node, depth: number): MaybeFact {
    const id = node.id;
    // Editor sessions record who asked what (readLog.ts); most questions stay inside the reader's chunk.
    const tracking = this.tracking;
    const ci = tracking ? this.readerFor(node.startIndex) : -1;
    const hit = this.cache.get(id);
    if (hit !== undefined) {
      if (tracking) this.noteKept(id);
      return hit;
    }
    // Only names need this chunk's scopes and bindings; `self.x` and calls collect on their own (so `len(x) > 0`
    // or a literal never collects a chunk), and other node types only ask about their children.
    const type = node.type; // a wasm call each time it is read
    if (type === 'identifier') this.ensureAt(node.startIndex);
    if (depth > MAX_DEPTH) {
      this.depthCuts++;
      return null;
    }
    // A call is not guarded here: every way back to it passes a binding or a summary, which are, and a
    // recursive summary must meet itself in fixpoint.ts (to iterate) rather than be cut at its call node.
    let guarded = type !== 'call';
    if (guarded && this.inProgress.has(id)) {
      // A fold's accumulator read again while its value is solved (`acc` in `lambda acc, r: acc + r[3]`): the
      // fixpoint answers with its approximation (callbacks.ts), so this read goes on, leaving the guard to its owner.
      if (type !== 'identifier' || !isAccumulatorParam(this, node)) return this.cycleCut(id);
      guarded = false;
    }
    this.fileWork++;
    if (++this.questionWork > this.questionBudget || this.fileWork > this.fileBudget) {
      this.budgetCuts++;
      return this.cycleCut();
    }
    if (guarded) this.enter(id);
    if (tracking) this.readers.push(ci);
    const incompleteBefore = this.incomplete;
    const cutsBefore = this.depthCuts;
    let f: MaybeFact = null;
    // No catch: an exception here is a bug in the analysis, and it must reach the rule dispatcher, which names
    // the rule and position in an `internal` notice (or rethrows in strict mode), never read as "unknown".
    try {
      f = this.compute(node, type, depth + 1);
    } finally {
      if (guarded) this.leave(id);
      if (tracking) this.readers.pop();
    }
    // Not cached when it read a recursive summary's approximation (fixpoint.ts): a later round may differ. An
    // unknown found below the top is cached only when no evaluation under it met the depth cap: then the same
    // question asked from the top would take the same path and find the same unknown (deep chains of names
    // were otherwise evaluated again for every operand that reached them).
    if ((depth === 0 || f !== null || this.depthCuts === cutsBefore) && this.incomplete === incompleteBefore) {
      this.cache.set(id, f);
      if (tracking) this.keptBy(id, ci);
    }
    return f;
  }

  private compute(node: Node, type: string, d: number): MaybeFact {
    switch (type) {
      case 'parenthesized_expression':
        return this.factOf(node.namedChild(0), d);
      case 'integer':
      case 'float':
        return { k: 'num' };
      case 'string':
      case 'concatenated_string':
        return { k: 'str' };
      case 'list':
      case 'tuple':
      case 'expression_list': {
        const kids = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        if (kids.length === 0) return node.type === 'list' ? { k: 'empty' } : null;
        if (kids.length > 64 || kids.some((c) => c.type === 'list_splat')) return null;
        return { k: 'tuple', items: kids.map((c) => this.factOf(c, d)) };
      }
      case 'identifier':
        return this.lookupName(node.text, node.startIndex, d);
      case 'attribute':
        return attributeFact(this, node, d);
      case 'subscript':
        return subscriptFact(this, node, d);
      case 'call':
        return callFact(this, node, d);
      case 'binary_operator':
        return binop(this.factOf(node.childForFieldName('left'), d), node.childForFieldName('operator')?.text ?? '', this.factOf(node.childForFieldName('right'), d));
      case 'unary_operator': {
        const a = this.factOf(node.childForFieldName('argument'), d);
        return a && (a.k === 'num' || a.k === 'algebraic') ? a : null;
      }
      case 'conditional_expression': {
        const kids = node.namedChildren;
        const [x, y] = [kids[0] ?? null, kids[2] ?? null];
        // `m.group(1) if m else None`: a None branch does not decide the type, as `return None` does not (callers test for it).
        if (y?.type === 'none' || x?.type === 'none') return this.factOf(y?.type === 'none' ? x : y, d);
        return joinBranches(this.factOf(x, d), this.factOf(y, d), (i) => isConstantNumber(i ? y : x));
      }
      case 'boolean_operator': {
        const [x, y] = [node.childForFieldName('left'), node.childForFieldName('right')];
        const l = this.factOf(x, d);
        const r = this.factOf(y, d);
        return node.childForFieldName('operator')?.text === 'or' ? joinBranches(l, r, (i) => isConstantNumber(i ? y : x)) : join(l, r);
      }
      case 'list_comprehension':
        return { k: 'seq', of: markStored(this.factOf(node.childForFieldName('body'), d)), stored: true };
      case 'generator_expression':
      case 'set_comprehension':
        return { k: 'seq', of: this.factOf(node.childForFieldName('body'), d) };
      case 'named_expression':
        return this.factOf(node.childForFieldName('value'), d);
      case 'dictionary_comprehension': {
        // `{name: cut(line, name) for name in LAYOUT}`: a record of the values (as a `{k: v}` display is)
        const body = node.childForFieldName('body');
        return body?.type === 'pair' ? { k: 'record', of: this.factOf(body.childForFieldName('value'), d) } : null;
      }
      case 'dictionary':
        return node.namedChildCount === 0 ? { k: 'empty', dict: true } : this.dictDisplay(node, d);
      default:
        return null;
    }
  }

  /** What iterating a value walks (an in-file class's `__iter__`; summaries.ts). */
  iterable(f: MaybeFact, d: number): MaybeFact {
    return iterableOf(this, f, d);
  }

  /**
   * A call that makes a fresh one-shot iterator: a module-level generator function of this file, or a method of an
   * in-file class whose own body yields (`vault.nitrate_reels()`, `self.rows()`), undecorated (a decorator may wrap
   * it in anything).
   */
  generatorCall(call: Node): boolean {
    if (isGeneratorCall(call)) return true;
    const m = call.childForFieldName('function')?.type === 'attribute' ? methodCalled(this, call, 0) : null;
    return !!m && m.fn.yields.length > 0 && m.fn.node.parent?.type !== 'decorated_definition';
  }

  private shapesMemo: RecordShapes | null = null;
  /** The file's record classes (dataclass, namedtuple), found on first question. */
  shapes(): RecordShapes {
    const s = (this.shapesMemo ??= recordShapes(this.rootNode, this.text));
    if (this.tracking) {
      // Editor sessions (readLog.ts): the answer reads every declaration. Without a record word in the text, only an
      // edit adding one can add a record; with one, an edit of a `class` line may too (under `@dataclass`).
      this.noteRegex(s.words ? RECORD_DECLARATION_EDIT : RECORD_WORD);
      for (const at of s.sites) this.noteChunkWhole(at);
    }
    return s;
  }

  /**
   * `{"ts": ts, "n": 0}`: a record of the join of its values (unknown with `**splat` or many entries). When every key
   * is a string literal, each key keeps its own value too (`fields`), so a record mixing text and numbers (whose
   * join is unknown) still answers `rec["ts"]`.
   */
  private dictDisplay(node: Node, d: number): MaybeFact {
    const kids = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (kids.length > MAX_DISPLAY || kids.some((c) => c.type !== 'pair')) return null;
    let acc: MaybeFact = null;
    let fields: [string, MaybeFact][] | null = [];
    for (let i = 0; i < kids.length; i++) {
      const f = this.factOf(kids[i].childForFieldName('value'), d);
      acc = i === 0 ? f : acc && join(acc, f);
      const key = stringValue(kids[i].childForFieldName('key'));
      if (fields && key !== null && !fields.some(([n]) => n === key)) fields.push([key, f]);
      else fields = null; // a computed or repeated key: only the join is known
      if (!acc && !fields) return null;
    }
    return fields && fields.length ? { k: 'record', of: acc, literal: true, fields } : { k: 'record', of: acc, literal: true };
  }
}

/** A number written as a literal (`90`, `-1`, `0.5`) or a module constant's name (`DEFAULT_LIMIT`): a fallback value. */
function isConstantNumber(n: Node | null): boolean {
  const u = unwrap(n);
  if (!u) return false;
  if (u.type === 'integer' || u.type === 'float') return true;
  if (u.type === 'unary_operator') return isConstantNumber(u.childForFieldName('argument'));
  return u.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(u.text);
}
