// The questions the evaluator's parts ask one another, as a type only: callFacts, memberFacts and summaries
// take an `Analysis` (FileFacts implements it), so no part imports another's code and there is no cycle.
import type { Node } from 'web-tree-sitter';
import type { MaybeFact } from './factTypes';
import type { RecordShapes } from './recordShapes';
import type { Binding, Scope } from './scopes';

export interface Analysis {
  readonly text: string;
  readonly rootNode: Node;
  readonly root: Scope;
  readonly mentionsArrays: boolean;
  readonly bareCsv: ReadonlySet<string>;
  /** Work under way (node ids, and negative keys for summaries): meeting one again is a cycle, so unknown. */
  readonly inProgress: Set<number>;
  /** Evaluations started so far, and when each one in progress started (fixpoint.ts: whose cycle a cut is). */
  readonly started: number;
  readonly startedAt: ReadonlyMap<number, number>;
  /** Reads of a recursive summary's approximation so far (fixpoint.ts); facts computed across one are not cached. */
  incomplete: number;
  /** Code that can hold data text (set by the engine); call-site facts only come from there. */
  hotTest: (pos: number) => boolean;
  /** The value of an expression; `d` is the evaluation depth (past the cap: unknown). */
  factOf(node: Node | null, d?: number): MaybeFact;
  /** The value a name has at `pos`. */
  lookupName(name: string, pos: number, d: number): MaybeFact;
  /**
   * The value a name has at `pos` as bound, before stores into its entries (`row[-1] = int(row[-1])`) made it
   * unknown: which rows a store converts in place (rowFieldStores.ts).
   */
  lookupBeforeEntryStores(name: string, pos: number, d: number): MaybeFact;
  /** The value one binding of a name gives it. */
  bindingFact(b: Binding, d: number): MaybeFact;
  /** What iterating a value walks: an in-file class's `__iter__`, else the value itself. */
  iterable(f: MaybeFact, d: number): MaybeFact;
  shapes(): RecordShapes;
  // lazy collection and the reads it records (collection.ts)
  ensureAt(pos: number): void;
  ensureMembers(cls: Scope, needle: string): void;
  ensureMethodDefs(cls: Scope, name: string): void;
  ensureBindingMembers(cls: Scope, attr: string): void;
  noteChunkAt(pos: number): void;
  /** Editor sessions record who read what (readLog.ts): kept answers charge their computer's reads to a later reader. */
  readonly tracking: boolean;
  currentReader(): number;
  keptBy(key: number | string, reader: number): void;
  noteKept(key: number | string): void;
  noteRegex(re: RegExp): void;
  textTest(re: RegExp): boolean;
  /** Does some class header of the file name `name` among its bases? (textScans.ts) */
  namedAmongBases(name: string): boolean;
  regexFor(kind: string, name: string, make: () => RegExp): RegExp;
  classScopeOf(node: Node): Scope | null;
  moduleClass(name: string): Scope | null;
  hasClasses(): boolean;
  memberNames(): { methods: { has(name: string): boolean }; selfBound: { has(name: string): boolean } };
  functionScope(name: string, from: Scope, at: number): Scope | null;
  callsOf(name: string): Node[];
  referencesOf(name: string): Node[];
  methodCallsOf(name: string): Node[];
}
