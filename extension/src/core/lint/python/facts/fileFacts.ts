// The per-file value-facts layer: answers "what is this expression?" on demand, following assignments,
// unpacking, loops, comprehensions, containers, in-file function returns and self.<attr> across methods.
// Every walk is bounded (depth cap + in-progress set) so deep nesting or cycles end in "unknown".
import { indexOfRangeAt } from '../../rangeSearch';
import type { Node } from 'web-tree-sitter';
import { calleeOf, comparisonPairs, keywordArg, positionalArgs, stringValue, unwrap } from '../syntax';
import { filledDict } from './containers';
import { buildRecord, recordShapes, type RecordShapes } from './recordShapes';
import { elementOf, textSourceOf, join, markStored, unpackAt, type Fact, type MaybeFact, type TextSource } from './factTypes';
import { CONVERTERS, FILLING_METHODS, FRAME_ATTRIBUTES, FRAME_METHODS, NUMBER_FUNCTIONS, SEQUENCE_FUNCTIONS, STR_FUNCTIONS, TEXT_METHODS } from '../library/derived';
import { namesOf, newScope, paramsOf, scopeAt, type Binding, type BindingSite, type BindingSiteKind, type Scope, type ScopeKind } from './scopes';

const MAX_DEPTH = 40;

/** In FileFacts.reads: "read every module-level chunk" (a module-level name lookup). */
export const MODULE_CHUNKS = -2;


export function isNumericDtype(node: Node | null): boolean | null {
  const n = unwrap(node);
  if (!n) return null;
  const s = stringValue(n);
  const t = s ?? n.text;
  if (/^(str|object|np\.str_|np\.object_|numpy\.str_|string|U\d*|<U\d+|O)$/.test(t)) return false;
  if (/^(float|int|complex|bool|(np|numpy)\.(float|int|uint|complex)\w*|float\d+|int\d+|uint\d+|f[248]|i[248]|u[1248]|Float64|Int64|Int32|double)$/.test(t)) return true;
  return null;
}

/** `x = None` (or `a = b = None`): a plain assignment of the None literal. */
function isNoneBinding(b: Binding): boolean {
  if (b.site.kind !== 'assignment' || b.path.length) return false;
  let right = b.site.node.childForFieldName('right');
  for (let i = 0; right && right.type === 'assignment' && i < 50; i++) right = right.childForFieldName('right');
  return right?.type === 'none';
}

/** A boolean row mask written in place: a comparison, `and`/`or`, `~m`, `a & b`, `a | b`. */
function isMask(n: Node): boolean {
  if (n.type === 'comparison_operator' || n.type === 'boolean_operator') return true;
  if (n.type === 'unary_operator') return n.text.startsWith('~');
  if (n.type === 'binary_operator') {
    const op = n.childForFieldName('operator')?.text;
    return op === '&' || op === '|';
  }
  return false;
}

/** Names bound by `from csv import …` (`hasCsv`: the word `csv` occurs): a file-level fact every chunk may use. */
function bareCsvNames(text: string, hasCsv: boolean): Set<string> {
  const m = hasCsv ? /^[ \t]*from[ \t]+csv[ \t]+import[ \t]+([^\n#]+)/m.exec(text) : null;
  return new Set(m ? m[1].replace(/[()]/g, '').split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!.trim()) : []);
}

/**
 * What the engine's token scan already knows about the whole text, so FileFacts need not search it again:
 * whether numpy/pandas words (`pd`, `np`, `pandas`, `numpy`) and the word `csv` occur.
 */
export interface TextHints {
  arrays: boolean;
  csv: boolean;
}

/** Words the engine's scan must always look for, whatever rules run (see TextHints). */
export const HINT_WORDS = ['pd', 'np', 'pandas', 'numpy', 'csv'] as const;

export interface QueryLike {
  captures(node: Node, options?: { startIndex?: number; endIndex?: number }): { name: string; node: Node }[];
}

/** A top-level statement (def/class) or a run of module-level statements: the unit facts are collected in. */
export interface Chunk {
  start: number;
  end: number;
  isDef: boolean;
  collected: boolean;
  /** The top-level statement (the first one of a run of module statements). */
  node: Node;
}

/** A statement of a class body: classes are collected one member at a time (most of a hot class is cold). */
interface Member {
  start: number;
  end: number;
  collected: boolean;
  node: Node;
}

interface ClassChunk {
  scope: Scope;
  members: Member[];
  /** Needles already looked for by ensureMembers. */
  searched: Set<string>;
}

/** `.append(` and the other filling methods of the library model (setdefault is read through the append after it). */
const MUTATION_RE = new RegExp(String.raw`\.\s*(${[...FILLING_METHODS].filter((m) => m !== 'setdefault').join('|')})\s*\(`, 'g');

export class FileFacts {
  readonly root: Scope;
  private stack: Scope[];
  private cache = new Map<number, MaybeFact>();
  private inProgress = new Set<number>();
  private bareCsv: Set<string>;

  private chunkList: Chunk[] | null = null;
  private moduleCollected = false;
  private defIndex: Map<string, number[]> | null = null;
  /** Whether numpy/pandas appear at all: array/column questions are skipped otherwise. */
  readonly mentionsArrays: boolean;

  constructor(readonly rootNode: Node, readonly text: string, private sitesQuery: QueryLike, hints: TextHints) {
    this.root = newScope('module', rootNode, null);
    this.stack = [this.root];
    this.bareCsv = bareCsvNames(text, hints.csv);
    this.mentionsArrays = hints.arrays;
  }

  /** The file-level facts every chunk's answers may depend on (reuse across edits needs them unchanged). */
  fileLevelKey(): string {
    return `${this.mentionsArrays}|${[...this.bareCsv].join(',')}`;
  }

  // ---- lazy collection, one chunk at a time (files are mostly code rules never ask about) ----

  chunks(): Chunk[] {
    if (!this.chunkList) {
      const out: Chunk[] = [];
      // Node type and end are wasm calls: the type is only asked of statements starting like a definition
      // (`def`, `async`, `class`, `@`), and a run of other statements asks its last one for its end.
      let runLast: Node | null = null;
      for (const c of this.rootNode.namedChildren) {
        if (!c) continue;
        const ch = this.text.charCodeAt(c.startIndex);
        const maybeDef = ch === 100 /* d */ || ch === 97 /* a */ || ch === 99 /* c */ || ch === 64; /* @ */
        const type = maybeDef ? c.type : '';
        const isDef = type === 'function_definition' || type === 'class_definition' || type === 'decorated_definition';
        const last = out[out.length - 1];
        if (!isDef && last && !last.isDef) runLast = c;
        else {
          if (runLast) last.end = runLast.endIndex;
          runLast = null;
          out.push({ start: c.startIndex, end: isDef ? c.endIndex : -1, isDef, collected: false, node: c });
          if (!isDef) runLast = c;
        }
      }
      const last = out[out.length - 1];
      if (runLast && last) last.end = runLast.endIndex;
      this.chunkList = out;
    }
    return this.chunkList;
  }

  chunkAt(pos: number): Chunk | null {
    return this.chunks()[this.chunkIndexAt(pos)] ?? null;
  }

  // ---- what each chunk's facts read, so the engine can reuse a chunk's findings across edits ----

  /** Per chunk index: chunks it read (MODULE_CHUNKS = every module-level chunk) and regexes it ran over the whole text. */
  readonly reads = new Map<number, { chunks: Set<number>; regexes: Set<RegExp> }>();
  /** Chunk whose question is being answered (top: the innermost fact being computed). */
  private readers: number[] = [];

  /** Record reads at all (only editor sessions re-lint after edits; the CLI never does). */
  tracking = false;

  /** Attribute the following questions to chunk `index` (the engine calls this per candidate). */
  setReader(index: number): void {
    this.readers = this.tracking && index >= 0 ? [index] : [];
  }

  chunkIndexAt(pos: number): number {
    return indexOfRangeAt(this.chunks(), pos);
  }

  private readsOf(reader: number): { chunks: Set<number>; regexes: Set<RegExp> } {
    let r = this.reads.get(reader);
    if (!r) this.reads.set(reader, (r = { chunks: new Set(), regexes: new Set() }));
    return r;
  }

  private noteChunkAt(pos: number): void {
    if (this.readers.length) this.noteChunk(this.chunkIndexAt(pos));
  }

  private noteChunk(index: number): void {
    const top = this.readers.length ? this.readers[this.readers.length - 1] : -1;
    if (top >= 0 && index !== top) this.readsOf(top).chunks.add(index);
  }

  /** `re` (global or not) tested against the whole text: its answer can change with any edit it matches. */
  noteRegex(re: RegExp): void {
    const top = this.readers.length ? this.readers[this.readers.length - 1] : -1;
    if (top >= 0) this.readsOf(top).regexes.add(re);
  }

  /** A whole-text test for rules (recorded like the facts' own). */
  textTest(re: RegExp): boolean {
    this.noteRegex(re);
    // The text never changes within a lint: one search per regex (rules and bindings ask the same ones often).
    let b = this.textTests.get(re);
    if (b === undefined) {
      re.lastIndex = 0;
      this.textTests.set(re, (b = re.test(this.text)));
    }
    return b;
  }
  private textTests = new Map<RegExp, boolean>();

  private ensureAt(pos: number): void {
    const c = this.chunkAt(pos);
    if (!c) return;
    if (!c.collected) this.collect(c);
    const cls = this.classChunks.get(c);
    if (cls) {
      const m = memberAt(cls.members, pos);
      if (m && !m.collected) this.collectMember(cls, m);
    }
  }

  private classChunks = new Map<Chunk, ClassChunk>();
  private classOfScope = new Map<Scope, ClassChunk>();

  private collectMember(cls: ClassChunk, m: Member): void {
    m.collected = true;
    this.collectRange(m.start, m.end, [this.root, cls.scope], -1, m.node);
    cls.scope.children.sort((a, b) => a.start - b.start);
    cls.scope.names = undefined;
  }

  /**
   * Collects the members of a class that may bind `self.<attr>`: where it is followed by what can follow an
   * assignment, loop or `as` target (`=`, `+=`, `:`, `,`, `)`, ` in`…). Members that only read it add no
   * binding, and most mentions are reads.
   */
  private ensureBindingMembers(cls: Scope, attr: string): void {
    const cc = this.classOfScope.get(cls);
    const key = 'self.' + attr + '\u0000bind';
    if (!cc || cc.searched.has(key)) return;
    cc.searched.add(key);
    const re = this.regexFor('selfBind', attr, () => new RegExp(`\\bself\\.${attr}(?=\\s*[=+\\-*/%@&|^<>:,)\\]}#\\\\]|\\s+in\\b)`, 'g'));
    const end = cls.end;
    re.lastIndex = cls.start;
    for (let m = re.exec(this.text); m && m.index < end; m = re.exec(this.text)) {
      const mem = memberAt(cc.members, m.index);
      if (mem && !mem.collected) this.collectMember(cc, mem);
    }
  }

  /** Collects the members of a class whose text contains `needle` (bindings of a name can only be there). */
  private ensureMembers(cls: Scope, needle: string): void {
    const cc = this.classOfScope.get(cls);
    if (!cc || cc.searched.has(needle)) return;
    cc.searched.add(needle);
    const end = cls.end;
    for (let at = this.text.indexOf(needle, cls.start); at >= 0 && at < end; at = this.text.indexOf(needle, at + needle.length)) {
      const m = memberAt(cc.members, at);
      if (m && !m.collected) this.collectMember(cc, m);
    }
  }

  private ensureModule(): void {
    if (this.moduleCollected) return;
    this.moduleCollected = true;
    for (const c of this.chunks()) if (!c.isDef && !c.collected) this.collect(c);
  }

  private collect(chunk: Chunk): void {
    chunk.collected = true;
    const top = chunk.node;
    const clsNode = top.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
    const body = clsNode?.type === 'class_definition' ? clsNode.childForFieldName('body') : null;
    if (clsNode && body) {
      // A class: only its scope and header now; members on demand (ensureAt / ensureMembers).
      this.collectRange(chunk.start, clsNode.startIndex, [this.root], -1, top);
      const scope = newScope('class', clsNode, this.root);
      this.root.children.push(scope);
      this.root.children.sort((a, b) => a.start - b.start);
      this.root.names = undefined;
      this.collectRange(clsNode.startIndex, body.startIndex, [this.root, scope], clsNode.id, top);
      const members: Member[] = [];
      for (const m of body.namedChildren) if (m) members.push({ start: m.startIndex, end: m.endIndex, collected: false, node: m });
      const cc: ClassChunk = { scope, members, searched: new Set() };
      this.classChunks.set(chunk, cc);
      this.classOfScope.set(scope, cc);
      return;
    }
    this.collectRange(chunk.start, chunk.end, [this.root], -1, chunk.isDef ? chunk.node : undefined);
  }

  /** Scopes, binding sites, returns and container mutations of [start, end), nested under `stack`. */
  private collectRange(start: number, end: number, stack: Scope[], skipId: number, within?: Node): void {
    if (end <= start) return;
    this.stack = stack;
    // Query ranges are in bytes of the UTF-16 text tree-sitter parsed: 2 per code unit.
    // Run from the member or definition itself when it is the whole range: the query cursor then starts there
    // instead of walking down from the root past every earlier sibling (the captures are the same).
    const caps = this.sitesQuery.captures(within ?? this.rootNode, { startIndex: start * 2, endIndex: end * 2 });
    for (const cap of caps) {
      const node = cap.node;
      const at = node.startIndex;
      if (at < start || at >= end || node.id === skipId) continue;
      const name = cap.name;
      if (name.startsWith('scope.')) this.enterScope(name.slice(6) as ScopeKind, node);
      else if (name.startsWith('site.')) this.current(at).sites.push({ kind: name.slice(5) as BindingSiteKind, node });
      else if (name === 'return') this.current(at).returns.push(node);
      else if (name === 'yield') this.current(at).yields.push(node);
    }
    // Scopes of a class member are appended to its class in collection order; lookups bisect by position.
    for (const s of stack) s.children.sort((a, b) => a.start - b.start);
    // `rows.append(x)`: located by text, far cheaper than capturing every call.
    const body = this.text.slice(start, end);
    MUTATION_RE.lastIndex = 0;
    for (let m = MUTATION_RE.exec(body); m; m = MUTATION_RE.exec(body)) {
      const id = (within ?? this.rootNode).descendantForIndex(start + m.index + m[0].indexOf(m[1]));
      const attr = id?.parent;
      const call = attr?.parent;
      if (attr?.type === 'attribute' && call?.type === 'call') scopeAt(this.root, call.startIndex).mutations.push(call);
    }
    this.root.children.sort((a, b) => a.start - b.start);
    this.root.names = undefined;
  }

  private current(pos: number): Scope {
    let top = this.stack[this.stack.length - 1];
    while (this.stack.length > 1 && pos >= top.end) {
      this.stack.pop();
      top = this.stack[this.stack.length - 1];
    }
    return top;
  }

  private enterScope(kind: ScopeKind, node: Node): void {
    const parent = this.current(node.startIndex);
    const s = newScope(kind, node, parent);
    if (kind === 'function') s.name = node.childForFieldName('name')?.text;
    parent.children.push(s);
    this.stack.push(s);
  }

  /** Collects every top-level def named `name` (for return facts of in-file functions). */
  private ensureDef(name: string): void {
    if (!this.defIndex) {
      this.defIndex = new Map();
      const re = /^(?:async[ \t]+)?def[ \t]+(\w+)/gm;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
        const list = this.defIndex.get(m[1]);
        if (list) list.push(m.index);
        else this.defIndex.set(m[1], [m.index]);
      }
    }
    this.noteRegex(this.regexFor('def', name, () => new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${name}\\b`, 'm')));
    for (const at of this.defIndex.get(name) ?? []) {
      this.ensureAt(at);
      this.noteChunkAt(at); // which def is in force depends on all of them
    }
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

  factOf(node: Node | null, depth = 0): MaybeFact {
    if (!node) return null;
    const id = node.id;
    // Most questions stay inside the chunk being answered for: no search, nothing to note.
    const tracking = this.tracking;
    let ci = -1;
    if (tracking) {
      const top = this.readers.length ? this.readers[this.readers.length - 1] : -1;
      const at = node.startIndex;
      const here = top >= 0 && at >= this.chunkList![top].start && at < this.chunkList![top].end;
      ci = here ? top : this.chunkIndexAt(at);
      if (!here) this.noteChunk(ci);
    }
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    // Only names need this chunk's scopes and bindings; `self.x` and calls collect on their own (so `len(x) > 0`
    // or a literal never collects a chunk), and other node types only ask about their children.
    const type = node.type; // a wasm call each time it is read
    if (type === 'identifier') this.ensureAt(node.startIndex);
    if (depth > MAX_DEPTH || this.inProgress.has(id)) return null;
    this.inProgress.add(id);
    if (tracking) this.readers.push(ci);
    let f: MaybeFact = null;
    try {
      f = this.compute(node, type, depth + 1);
    } catch {
      f = null; // a malformed (error-recovered) subtree is simply unknown
    } finally {
      this.inProgress.delete(id);
      if (tracking) this.readers.pop();
    }
    if (depth === 0 || f !== null) this.cache.set(id, f);
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
        return this.attributeFact(node, d);
      case 'subscript':
        return this.subscriptFact(node, d);
      case 'call':
        return this.callFact(node, d);
      case 'binary_operator':
        return binop(this.factOf(node.childForFieldName('left'), d), node.childForFieldName('operator')?.text ?? '', this.factOf(node.childForFieldName('right'), d));
      case 'unary_operator': {
        const a = this.factOf(node.childForFieldName('argument'), d);
        return a && a.k === 'num' ? a : null;
      }
      case 'conditional_expression': {
        const kids = node.namedChildren;
        return join(this.factOf(kids[0] ?? null, d), this.factOf(kids[2] ?? null, d));
      }
      case 'boolean_operator':
        return join(this.factOf(node.childForFieldName('left'), d), this.factOf(node.childForFieldName('right'), d));
      case 'list_comprehension':
        return { k: 'seq', of: markStored(this.factOf(node.childForFieldName('body'), d)), stored: true };
      case 'generator_expression':
      case 'set_comprehension':
        return { k: 'seq', of: this.factOf(node.childForFieldName('body'), d) };
      case 'named_expression':
        return this.factOf(node.childForFieldName('value'), d);
      case 'dictionary':
        return node.namedChildCount === 0 ? { k: 'empty', dict: true } : null;
      default:
        return null;
    }
  }

  // ---- names ----

  private lookupName(name: string, pos: number, d: number): MaybeFact {
    let scope: Scope | null = scopeAt(this.root, pos);
    let own = true;
    for (let guard = 0; scope && guard < 500; guard++) {
      if (!own && scope.kind === 'class') {
        scope = scope.parent;
        continue;
      }
      if (scope === this.root) {
        // Builtins and imported names are never assigned: skip collecting the module's code for them.
        if (!this.maybeBound(name)) return null;
        this.ensureModule();
        this.noteChunk(MODULE_CHUNKS); // which module-level binding applies depends on all of them
      } else if (scope.kind === 'class') this.ensureMembers(scope, name);
      const list = namesOf(scope).get(name);
      if (scope.kind === 'comp') {
        if (list && list.length) return this.bindingFact(list[list.length - 1], d);
      } else if (list && list.length) {
        if (own) {
          let best: Binding | null = null;
          for (const b of list) if (b.effect <= pos) best = b;
          return best ? this.bindingFact(best, d) : null;
        }
        let acc: MaybeFact = this.bindingFact(list[0], d);
        for (let i = 1; i < list.length && acc; i++) acc = join(acc, this.bindingFact(list[i], d));
        return acc && acc.k === 'empty' ? null : acc;
      }
      if (paramsOf(scope).has(name)) return scope.kind === 'lambda' ? this.keyLambdaParam(scope, name, d) : this.paramFact(scope, name, d);
      if (scope.kind !== 'comp') own = false;
      scope = scope.parent;
    }
    return null;
  }

  private boundMemo = new Map<string, boolean>();

  /** Could `name` be bound by an assignment, loop or `as` anywhere in the file? (text test, cached) */
  private boundRes = new Map<string, RegExp>();
  private regexes = new Map<string, RegExp>();

  /** One compiled regex per (kind, name): they are noted for reuse and compiling is the costly part. */
  private regexFor(kind: string, name: string, make: () => RegExp): RegExp {
    const key = kind + ':' + name;
    let re = this.regexes.get(key);
    if (!re) this.regexes.set(key, (re = make()));
    return re;
  }
  private maybeBound(name: string): boolean {
    let re = this.boundRes.get(name);
    if (!re) {
      re = new RegExp(`\\b${name}\\b[^\\n=()]*(?:=(?!=)|\\bin\\b)|\\bas\\s+${name}\\b`);
      this.boundRes.set(name, re);
    }
    this.noteRegex(re);
    let b = this.boundMemo.get(name);
    if (b === undefined) {
      b = re.test(this.text);
      this.boundMemo.set(name, b);
    }
    return b;
  }

  private paramCache = new Map<string, MaybeFact>();
  /** Code that can hold data text (set by the engine); call-site facts only come from there. */
  hotTest: (pos: number) => boolean = () => true;

  private paramFact(scope: Scope, name: string, d: number): MaybeFact {
    const key = `${scope.start}:${name}`;
    const hit = this.paramCache.get(key);
    if (hit !== undefined) return hit;
    const f = this.numericDefault(scope, name) ?? this.paramFromCalls(scope, name, d);
    this.paramCache.set(key, f);
    return f;
  }

  private callSites = new Map<string, Node[]>();

  /** Calls `name(...)` of a module-level function, found by text (at most 11 are needed). */
  private callsOf(name: string): Node[] {
    let list = this.callSites.get(name);
    const re = this.regexFor('call', name, () => new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'g'));
    this.noteRegex(re);
    if (!list) {
      list = [];
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m && list.length <= 10; m = re.exec(this.text)) {
        const id = this.rootNode.descendantForIndex(m.index);
        const call = id?.parent;
        if (id && id.type === 'identifier' && call && call.type === 'call' && call.childForFieldName('function')?.id === id.id) list.push(call);
      }
      this.callSites.set(name, list);
    }
    return list;
  }

  /**
   * A parameter of a module-level function takes the join of what every call in this file passes
   * (`summarize(load(path))`): unknown as soon as one call passes something unknown or by keyword.
   */
  private paramFromCalls(scope: Scope, name: string, d: number): MaybeFact {
    if (scope.kind !== 'function' || !scope.name) return null;
    // A module-level function's calls, or for `__init__` of a module-level class, the calls of the class
    // (`Watcher(sys.argv)`), whose arguments start after `self`.
    let callee = scope.name;
    let shift = 0;
    if (scope.parent !== this.root) {
      const cls = scope.parent;
      if (scope.name !== '__init__' || !cls || cls.kind !== 'class' || cls.parent !== this.root) return null;
      callee = cls.node.childForFieldName('name')?.text ?? '';
      shift = 1;
      if (!callee) return null;
    }
    const params = (scope.node.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p);
    let index = params.findIndex((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text) === name);
    if (index < shift || params.slice(0, index + 1).some((p) => p.type !== 'identifier' && p.type !== 'default_parameter' && p.type !== 'typed_parameter')) return null;
    const key = -(scope.node.id * 64 + index) - 1e9;
    if (this.inProgress.has(key)) return null;
    this.inProgress.add(key);
    try {
      index -= shift;
      const calls = this.callsOf(callee);
      for (const c of calls) this.noteChunkAt(c.startIndex); // their hotness and text
      const dflt = params[index + shift]?.type === 'default_parameter' ? params[index + shift].childForFieldName('value') : null;
      // Never called here: the default is all we know, and it only counts when it is data text itself
      // (`def f(limit=os.environ.get("LIMIT"))`).
      if (!calls.length) {
        const f = dflt ? this.factOf(dflt, d) : null;
        return f && f.k === 'text' ? f : null;
      }
      if (calls.length > 10 || calls.some((c) => !this.hotTest(c.startIndex))) return null;
      let acc: MaybeFact = null;
      for (let i = 0; i < calls.length; i++) {
        const call = calls[i];
        const args = call.childForFieldName('arguments');
        if (!args || args.type !== 'argument_list' || args.namedChildren.some((c) => c && (c.type === 'list_splat' || c.type === 'dictionary_splat'))) return null;
        // By keyword (`summarize(rows=load(p))`) or by position; a call that leaves it out gets the default.
        const kw = keywordArg(call, name);
        const arg = kw ?? positionalArgs(call)[index] ?? dflt;
        if (!arg) return null;
        const f = this.factOf(arg, d);
        acc = i === 0 ? f : join(acc, f);
        if (!acc) return null;
      }
      return acc;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** `def f(limit=5)`: a parameter whose default is a number literal is taken as a number. */
  private numericDefault(scope: Scope, name: string): MaybeFact {
    for (const p of scope.node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p || p.type !== 'default_parameter') continue;
      if (p.childForFieldName('name')?.text !== name) continue;
      const v = unwrap(p.childForFieldName('value'));
      return v && (v.type === 'integer' || v.type === 'float') ? { k: 'num' } : null;
    }
    return null;
  }

  /** `max(rows, key=lambda r: r[1])`: the lambda's first parameter is an element of the iterable. */
  private keyLambdaParam(scope: Scope, name: string, d: number): MaybeFact {
    const lam = scope.node;
    const first = lam.childForFieldName('parameters')?.namedChild(0);
    if (!first || first.type !== 'identifier' || first.text !== name) return null;
    const kw = lam.parent;
    if (kw && kw.type === 'argument_list' && kw.namedChild(0)?.id === lam.id) {
      // map(lambda r: …, rows) / filter(lambda r: …, rows)
      const call = kw.parent;
      if (!call || call.type !== 'call' || !/^(map|filter)$/.test(call.childForFieldName('function')?.text ?? '')) return null;
      return elementOf(this.factOf(positionalArgs(call)[1] ?? null, d));
    }
    if (!kw || kw.type !== 'keyword_argument' || kw.childForFieldName('name')?.text !== 'key') return null;
    const call = kw.parent?.parent;
    if (!call || call.type !== 'call' || !/^(max|min|sorted)$/.test(call.childForFieldName('function')?.text ?? '')) return null;
    return elementOf(this.factOf(positionalArgs(call)[0] ?? null, d));
  }

  private bindingFact(b: Binding, d: number): MaybeFact {
    const key = b.site.node.id * 64 + Math.min(b.path.length, 63);
    if (this.inProgress.has(-key - 1)) return null;
    this.inProgress.add(-key - 1);
    try {
      let v = this.siteValue(b.site, b.name, d);
      for (const i of b.path) v = unpackAt(v, i);
      // (`rows = []`, or `xs, ys = [], []`: an unpacked empty list is filled the same way)
      if (v && v.k === 'empty' && v.dict) {
        // `d = {}` then `d[k] = v` / `d.setdefault(k, []).append(v)`: a record of what was stored (entries
        // written in place are what fills it, so the reassignment check below does not apply).
        return b.path.length === 0 ? filledDict(this.containerScopes(b.name, b.site.node), b.name, (n) => this.factOf(n, d)) : null;
      }
      if (v && v.k === 'empty' && (b.path.length === 0 || (b.path.length === 1 && b.site.kind === 'assignment'))) {
        const filled = this.filledContainer(b.name, b.site.node, d, !!v.keyed);
        // Never filled here (`self.rows = []` in __init__, assigned whole elsewhere): still empty, which a join
        // with the other bindings ignores.
        if (filled?.k !== 'empty') v = filled && v.keyed ? { k: 'record', of: filled } : filled;
      }
      // A dict or row whose entries are reassigned (`row[2] = int(row[2])`) no longer holds only text.
      if (v && (v.k === 'record' || v.k === 'seq' || v.k === 'tuple') && this.textTest(this.regexFor('reassigned', b.name, () => new RegExp(`(?<![\\w.])${b.name.replace(/[.]/g, '\\.')}\\s*\\[[^\\]\\n]*\\]\\s*=[^=]`)))) return null;
      return v;
    } finally {
      this.inProgress.delete(-key - 1);
    }
  }

  private siteValue(site: BindingSite, name: string, d: number): MaybeFact {
    const n = site.node;
    switch (site.kind) {
      case 'assignment': {
        let right = n.childForFieldName('right');
        for (let i = 0; right && right.type === 'assignment' && i < 50; i++) right = right.childForFieldName('right');
        return right ? this.factOf(right, d) : null;
      }
      case 'augmented_assignment': {
        const prev = this.lookupName(name, n.startIndex, d);
        const op = (n.childForFieldName('operator')?.text ?? '').replace('=', '');
        const value = this.factOf(n.childForFieldName('right'), d);
        if (prev && (prev.k === 'empty' || prev.k === 'seq') && op === '+') return join(prev, value && value.k === 'tuple' ? { k: 'seq', of: elementOf(value), stored: true } : value);
        return binop(prev, op, value);
      }
      case 'for_statement':
      case 'for_in_clause':
        return elementOf(this.factOf(n.childForFieldName('right'), d));
      case 'named_expression':
        return this.factOf(n.childForFieldName('value'), d);
      case 'with_item': {
        const v = n.childForFieldName('value');
        return v?.type === 'as_pattern' ? this.factOf(v.namedChild(0), d) : null;
      }
    }
  }

  /** `rows = []` followed by `rows.append(x)`: a list of x, kept in memory. Unknown if any append is unknown. */
  private filledContainer(name: string, siteNode: Node, d: number, keyed = false): MaybeFact {
    const scopes = this.containerScopes(name, siteNode);
    let acc: MaybeFact = null;
    let any = false;
    for (const s of scopes) {
      for (const call of s.mutations) {
        const c = calleeOf(call);
        if (!c || !c.object) continue;
        const recv = c.object.text;
        if (keyed ? !recv.startsWith(name + '[') : recv !== name) continue;
        const args = positionalArgs(call);
        let el: MaybeFact;
        if (c.last === 'extend') el = elementOf(this.factOf(args[0] ?? null, d));
        else if (c.last === 'insert') el = this.factOf(args[1] ?? null, d);
        else el = this.factOf(args[0] ?? null, d);
        if (!el) return null;
        acc = any ? join(acc, el) : el;
        any = true;
        if (!acc) return null;
      }
    }
    return any ? { k: 'seq', of: markStored(acc), stored: true } : { k: 'empty' };
  }

  /** Where a container bound at `siteNode` is filled: its own scope, or every method for `self.<attr>`. */
  private containerScopes(name: string, siteNode: Node): Scope[] {
    if (!name.startsWith('self.')) return [scopeAt(this.root, siteNode.startIndex)];
    const cls = this.classScopeOf(siteNode);
    if (cls) this.ensureMembers(cls, name);
    return cls ? cls.children : [];
  }

  private classScopeOf(node: Node): Scope | null {
    let s: Scope | null = scopeAt(this.root, node.startIndex);
    for (let i = 0; s && i < 500; i++) {
      if (s.kind === 'class') return s;
      s = s.parent;
    }
    return null;
  }

  private selfAttrFact(attrName: string, node: Node, d: number): MaybeFact {
    const cls = this.classScopeOf(node);
    if (!cls) return null;
    const key = 'self.' + attrName;
    this.ensureBindingMembers(cls, attrName);
    let acc: MaybeFact = null;
    let any = false;
    for (const m of cls.children) {
      const list = namesOf(m).get(key);
      if (!list) continue;
      for (const b of list) {
        // `self.x = None` (typically in __init__, before a method fills it) says nothing about what x holds once
        // it is used: arithmetic or a comparison on None would fail anyway.
        if (isNoneBinding(b)) continue;
        const f = this.bindingFact(b, d);
        acc = any ? join(acc, f) : f;
        any = true;
        if (!acc) return null;
      }
    }
    return acc && acc.k === 'empty' ? null : acc;
  }

  private shapesMemo: RecordShapes | null = null;
  /** The file's record classes (dataclass, namedtuple), found on first question. */
  private shapes(): RecordShapes {
    return (this.shapesMemo ??= recordShapes(this.rootNode));
  }

  private attributeFact(node: Node, d: number): MaybeFact {
    const obj = unwrap(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute')?.text ?? '';
    if (!obj) return null;
    if (obj.type !== 'identifier' || obj.text !== 'self') {
      // `r.value` of a record instance: what the field was built from (only asked for field names in use).
      if (this.shapes().fieldNames.has(attr)) {
        const o = this.factOf(obj, d);
        if (o && o.k === 'instance') return o.fields.find(([n]) => n === attr)?.[1] ?? null;
      }
    }
    if (obj.type === 'identifier') {
      const o = obj.text;
      if (o === 'self') {
        this.ensureAt(node.startIndex);
        return this.selfAttrFact(attr, node, d);
      }
      if (o === 'sys' && attr === 'argv') return { k: 'seq', of: { k: 'text', src: { label: 'sys.argv', kind: 'input', node } } };
      if (o === 'sys' && attr === 'stdin') return { k: 'file', src: { label: 'sys.stdin', kind: 'file', node } };
      if (o === 'os' && attr === 'environ') return { k: 'record', of: { k: 'text', src: { label: 'os.environ', kind: 'input', node } } };
    }
    if (attr === 'values' || attr === 'T' || attr === 'loc' || attr === 'iloc') {
      const f = this.factOf(obj, d);
      if (f && f.k === 'frame') return attr === 'values' ? { k: 'array', text: f.text, src: f.src } : f;
      if (f && (f.k === 'series' || f.k === 'array')) return attr === 'values' ? { k: 'array', text: f.text, src: f.src } : f;
      return null;
    }
    // `people.height_m`: a column by attribute, of a frame read as text (not a method or frame property).
    if (this.mentionsArrays && /^[A-Za-z]\w*$/.test(attr) && !FRAME_ATTRIBUTES.has(attr) && obj.type === 'identifier') {
      const f = this.factOf(obj, d);
      if (f && f.k === 'frame' && f.text) return { k: 'series', text: true, src: f.src };
    }
    return null;
  }

  private subscriptFact(node: Node, d: number): MaybeFact {
    const v = this.factOf(node.childForFieldName('value'), d);
    if (!v) return null;
    const subs = node.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    const idx = unwrap(subs[0] ?? null);
    if (!idx) return null;
    const isSlice = idx.type === 'slice';
    switch (v.k) {
      case 'tuple': {
        if (isSlice) return { k: 'seq', of: elementOf(v) };
        if (idx.type === 'integer' || (idx.type === 'unary_operator' && idx.text.startsWith('-'))) {
          const i = parseInt(idx.text, 10);
          const j = i < 0 ? v.items.length + i : i;
          return j >= 0 && j < v.items.length ? v.items[j] : null;
        }
        return elementOf(v);
      }
      case 'seq':
        return isSlice ? v : v.of;
      case 'record':
        return v.of;
      case 'text':
        // a slice of data text is still data text; a single character (or a bytes value's int) is not
        return isSlice ? v : null;
      case 'match':
        return { k: 'text', src: v.src };
      case 'array':
        return v.text ? v : { k: 'array', text: false };
      case 'frame': {
        if (subs.length > 1) return null;
        const col = stringValue(idx);
        if (col !== null) {
          // `df["n"] = pd.to_numeric(df["n"])` anywhere: that column is no longer known to be text.
          const frameName = node.childForFieldName('value')?.text ?? '';
          const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          if (v.text) {
            // …on an earlier line (the reassignment's own right side still reads the text column)
            const lineStart = this.text.lastIndexOf('\n', node.startIndex) + 1;
            const re = new RegExp(`${esc(frameName)}\\s*\\[\\s*['"]${esc(col)}['"]\\s*\\]\\s*=[^=]`, 'g');
            this.noteRegex(re);
            for (let m = re.exec(this.text); m && m.index < lineStart; m = re.exec(this.text)) return null;
          }
          return { k: 'series', text: v.text, src: v.src };
        }
        if (idx.type === 'list') return v;
        if (idx.type === 'tuple' && v.text) return { k: 'series', text: true, src: v.src }; // df.loc[:, "col"]
        // Rows selected by a mask (`df[df["units"] != "n/a"]`, `df[a & b]`, `df[~m]`) or a slice: the same columns.
        if (isSlice || isMask(idx)) return v;
        return null;
      }
      case 'series':
        return isSlice || idx.type === 'comparison_operator' || idx.type === 'boolean_operator' ? v : v.text && v.src ? { k: 'text', src: v.src } : v.text ? null : { k: 'num' };
      default:
        return null;
    }
  }

  // ---- calls ----

  private callFact(call: Node, d: number): MaybeFact {
    const c = calleeOf(call);
    if (!c) return null;
    const full = c.full ?? '';
    const last = c.last;
    const args = positionalArgs(call);
    if (!c.object) {
      if (NUMBER_FUNCTIONS.has(full)) return { k: 'num' };
      if (STR_FUNCTIONS.has(full)) return { k: 'str' };
    }
    this.ensureAt(call.startIndex);
    if (!c.object) {
      if (full === 'input') return { k: 'text', src: { label: 'input()', kind: 'input', node: call } };
      if (full === 'open') return this.openFact(call, args, 1);
      if (this.bareCsv.has(full) && (full === 'reader' || full === 'DictReader')) return csvFact(call, full);
      if (full === 'max' || full === 'min') {
        if (keywordArg(call, 'key')) return args.length === 1 ? elementOf(this.factOf(args[0], d)) : null;
        if (args.length === 1) return elementOf(this.factOf(args[0], d));
        let acc: MaybeFact = this.factOf(args[0] ?? null, d);
        for (let i = 1; i < args.length && acc; i++) acc = join(acc, this.factOf(args[i], d));
        return acc;
      }
      if (SEQUENCE_FUNCTIONS.has(full)) {
        if (args.length === 0) return full === 'list' ? { k: 'empty' } : null;
        const el = elementOf(this.factOf(args[args.length - 1], d));
        return full === 'list' || full === 'sorted' || full === 'tuple' ? { k: 'seq', of: markStored(el), stored: true } : { k: 'seq', of: el };
      }
      if (/^(collections\.)?(defaultdict|Counter)$/.test(full)) {
        const a = unwrap(args[0] ?? null);
        if (full.endsWith('defaultdict') && a && a.text === 'list') return { k: 'empty', keyed: true };
        if (full.endsWith('Counter') ? args.length === 0 : a && /^(int|float)$/.test(a.text)) return { k: 'record', of: { k: 'num' } };
        return null;
      }
      if (full === 'next') return elementOf(this.factOf(args[0] ?? null, d));
      if (full === 'dict' && args.length === 1 && call.childForFieldName('arguments')?.namedChildCount === 1) {
        // dict(zip(header, row)) / dict(pairs): a record of the pairs' second items
        const pair = elementOf(this.factOf(args[0], d));
        return pair && pair.k === 'tuple' && pair.items.length === 2 && pair.items[1] ? { k: 'record', of: pair.items[1] } : null;
      }
      if (full === 'range') return { k: 'seq', of: { k: 'num' } };
      if (full === 'enumerate') return { k: 'seq', of: { k: 'tuple', items: [{ k: 'num' }, elementOf(this.factOf(args[0] ?? null, d))] } };
      if (full === 'zip') return args.length ? { k: 'seq', of: { k: 'tuple', items: args.map((a) => elementOf(this.factOf(a, d))) } } : null;
      if (full === 'map' && args.length >= 2) {
        const fn = unwrap(args[0]);
        const fnName = fn?.text ?? '';
        if (CONVERTERS.has(fnName)) return { k: 'seq', of: { k: 'num' } };
        if (/^str\.(strip|lstrip|rstrip|lower|upper)$/.test(fnName)) return { k: 'seq', of: elementOf(this.factOf(args[1], d)) };
        return null;
      }
      const shape = this.shapes().byName.get(full);
      if (shape) return buildRecord(full, shape, call, (n) => this.factOf(n, d), elementOf);
      return this.returnFact(full, call, d);
    }
    // module functions with a dotted name
    if (NUMBER_FUNCTIONS.has(full)) return { k: 'num' };
    if (STR_FUNCTIONS.has(full)) return { k: 'str' };
    if (full === 'csv.reader' || full === 'csv.DictReader') return csvFact(call, last);
    if (full === 'io.open' || full === 'codecs.open') return this.openFact(call, args, 1);
    if (/^(gzip|bz2|lzma)\.open$/.test(full)) {
      const mode = stringValue(keywordArg(call, 'mode') ?? args[1] ?? null);
      return mode && mode.includes('t') ? this.openFact(call, args, 1) : null;
    }
    if (full === 'os.getenv' || full === 'os.environ.get') return { k: 'text', src: { label: full + '()', kind: 'input', node: call } };
    if (full === 'fileinput.input') return { k: 'seq', of: { k: 'text', src: { label: 'fileinput', kind: 'file', node: call } } };
    if (/^(np|numpy)\.(array|asarray|loadtxt|genfromtxt|fromiter)$/.test(full)) return this.numpyFact(call, args, last, d);
    if (/^(pd|pandas)\.to_numeric$/.test(full)) {
      const a = this.factOf(args[0] ?? null, d);
      return a && a.k === 'array' ? { k: 'array', text: false } : { k: 'series', text: false };
    }
    if (/^(pd|pandas)\.(read_csv|read_table)$/.test(full)) {
      const dtype = keywordArg(call, 'dtype');
      const numeric = dtype ? isNumericDtype(dtype) : null;
      if (dtype && numeric === false) return { k: 'frame', text: true, call, src: { label: `${full}(dtype=${unwrap(dtype)?.text ?? 'str'})`, kind: 'pandas', node: call } };
      return { k: 'frame', text: false, call };
    }
    if (/^re\.(match|search|fullmatch)$/.test(full)) return { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } };
    if (/^re\.(findall|split)$/.test(full)) return { k: 'seq', of: { k: 'text', src: { label: 'a regex group', kind: 'regex', node: call } } };
    if (full === 're.finditer') return { k: 'seq', of: { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } } };
    // methods
    switch (last) {
      case 'split':
      case 'rsplit':
        // cv2.split / np.split / torch.split split arrays, not text.
        if (c.object && /^(cv2|np|numpy|torch|tf|jnp|os\.path|posixpath|ntpath|shlex)$/.test(c.object.text)) return null;
        return { k: 'seq', of: { k: 'text', src: { label: 'str.' + last, kind: 'split', node: call } } };
      case 'splitlines':
        return { k: 'seq', of: { k: 'text', src: { label: 'str.splitlines', kind: 'split', node: call } } };
      case 'partition':
      case 'rpartition': {
        const t: Fact = { k: 'text', src: { label: 'str.' + last, kind: 'split', node: call } };
        return { k: 'tuple', items: [t, t, t] };
      }
      case 'readline':
      case 'readlines': {
        // Only text files: binary files yield bytes, whose items are ints.
        const o = this.factOf(c.object, d);
        if (!o || o.k !== 'file') return null;
        const t: Fact = { k: 'text', src: { label: last + '()', kind: 'file', node: call } };
        return last === 'readline' ? t : { k: 'seq', of: t, stored: true };
      }
      case 'read':
      case 'read_text': {
        const o = this.factOf(c.object, d);
        return last === 'read_text' || (o && o.k === 'file') ? { k: 'text', src: { label: last + '()', kind: 'file', node: call } } : null;
      }
      case 'open': {
        const o = unwrap(c.object);
        if (o && o.type === 'call' && /^(pathlib\.)?Path$/.test(calleeOf(o)?.full ?? '')) return this.openFact(call, args, 0);
        return null;
      }
      case 'findall':
      case 'match':
      case 'search':
      case 'fullmatch':
        if (last === 'findall') return { k: 'seq', of: { k: 'text', src: { label: 'a regex group', kind: 'regex', node: call } } };
        return { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } };
      case 'group':
      case 'groups':
      case 'groupdict': {
        const o = this.factOf(c.object, d);
        if (!o || o.k !== 'match') return null;
        const t: Fact = { k: 'text', src: o.src };
        if (last === 'groups') return { k: 'seq', of: t };
        if (last === 'groupdict') return { k: 'record', of: t };
        return args.length > 1 ? { k: 'tuple', items: args.map(() => t) } : t;
      }
      case 'get': {
        const o = this.factOf(c.object, d);
        if (o && o.k === 'record') return o.of;
        // counts.get(key, 0): a dict read with a numeric default holds numbers
        return args.length === 2 && this.factOf(args[1], d)?.k === 'num' ? { k: 'num' } : null;
      }
      case 'join':
      case 'format':
        return { k: 'str' };
      case 'items':
      case 'values': {
        const o = this.factOf(c.object, d);
        if (!o || o.k !== 'record' || args.length) return null;
        return last === 'values' ? { k: 'seq', of: o.of } : { k: 'seq', of: { k: 'tuple', items: [null, o.of] } };
      }
      case 'astype': {
        const o = this.factOf(c.object, d);
        if (!o || (o.k !== 'array' && o.k !== 'series' && o.k !== 'frame')) return null;
        const numeric = isNumericDtype(args[0] ?? null);
        if (numeric === null) return null;
        return o.k === 'frame' ? { k: 'frame', text: !numeric, call: o.call } : { k: o.k, text: !numeric, src: numeric ? undefined : o.src };
      }
      case 'copy': {
        return this.factOf(c.object, d);
      }
    }
    if (TEXT_METHODS.has(last)) {
      const o = this.factOf(c.object, d);
      if (o && o.k === 'text') return o;
      if (o && o.k === 'str') return o;
      return null;
    }
    if (FRAME_METHODS.has(last)) {
      const o = this.factOf(c.object, d);
      return o && o.k === 'frame' ? o : null;
    }
    const o = unwrap(c.object);
    if (o && o.type === 'identifier' && o.text === 'self') return this.methodReturnFact(last, call, d);
    return null;
  }

  private openFact(call: Node, args: Node[], modeIndex: number): MaybeFact {
    const modeNode = keywordArg(call, 'mode') ?? args[modeIndex] ?? null;
    if (modeNode) {
      const mode = stringValue(modeNode);
      if (mode === null || mode.includes('b') || mode.includes('w') || mode.includes('a') || mode.includes('x')) return null;
    }
    return { k: 'file', src: { label: 'a line read from a file', kind: 'file', node: call } };
  }

  private numpyFact(call: Node, args: Node[], last: string, d: number): MaybeFact {
    const dtype = keywordArg(call, 'dtype');
    if (dtype) {
      const numeric = isNumericDtype(dtype);
      if (numeric === true) return { k: 'array', text: false };
      if (numeric === false) return { k: 'array', text: true, src: { label: `np.${last}(dtype=${unwrap(dtype)?.text})`, kind: 'numpy', node: call } };
      return null;
    }
    if (last === 'loadtxt' || last === 'genfromtxt') return { k: 'array', text: false };
    if (last === 'fromiter') return null;
    const a = this.factOf(args[0] ?? null, d);
    if (!a) return null;
    if (a.k === 'array') return a;
    const el = elementOf(a);
    if (!el) return null;
    if (el.k === 'num') return { k: 'array', text: false };
    if (el.k === 'text') return { k: 'array', text: true, src: el.src };
    const inner = elementOf(el);
    if (inner && inner.k === 'text' && (el.k === 'seq' || el.k === 'tuple')) return { k: 'array', text: true, src: inner.src };
    if (inner && inner.k === 'num') return { k: 'array', text: false };
    return null;
  }

  /**
   * The function `name` a call at `at` reaches. Module level: the def in force, which is the last one
   * before the call for module code and the last in the file for calls inside functions (they run later);
   * every def of that name is collected first, so the answer never depends on what was collected before.
   */
  private functionScope(name: string, from: Scope, at: number): Scope | null {
    let inFunction = false;
    for (let s: Scope | null = from, i = 0; s && i < 500; s = s.parent, i++) {
      if (s.kind === 'class') continue;
      if (s === this.root) {
        this.ensureDef(name);
        let pick: Scope | null = null;
        for (const c of s.children) if (c.kind === 'function' && c.name === name && (inFunction || c.start < at)) pick = c;
        return pick;
      }
      for (const c of s.children) if (c.kind === 'function' && c.name === name) return c;
      if (s.kind === 'function' || s.kind === 'lambda') inFunction = true;
    }
    return null;
  }

  private returnsOf(fn: Scope, d: number): MaybeFact {
    if (fn.yields.length) {
      // A generator: calling it gives an iterator of what it yields (`yield row` / `yield from rows`), and an
      // iterator even when what it yields is unknown.
      let acc: MaybeFact = null;
      for (let i = 0; i < fn.yields.length; i++) {
        const y = fn.yields[i];
        const v = y.namedChild(0);
        if (!v) return { k: 'seq', of: null };
        const from = y.children.some((c) => c && c.type === 'from');
        const f = from ? elementOf(this.factOf(v, d)) : this.factOf(v, d);
        acc = i === 0 ? f : join(acc, f);
        if (!acc) break;
      }
      return { k: 'seq', of: acc };
    }
    if (fn.returns.length === 0) return null;
    let acc: MaybeFact = null;
    let any = false;
    for (const r of fn.returns) {
      const v = r.namedChild(0);
      if (!v || v.type === 'none') continue; // `return` / `return None` does not decide the type (callers test for it)
      const f = this.factOf(v, d);
      acc = any ? join(acc, f) : f;
      any = true;
      if (!acc) return null;
    }
    return acc;
  }

  private returnFact(name: string, call: Node, d: number): MaybeFact {
    if (!/^[A-Za-z_]\w*$/.test(name)) return null;
    const fn = this.functionScope(name, scopeAt(this.root, call.startIndex), call.startIndex);
    if (fn) this.noteChunkAt(fn.start);
    return fn ? this.returnsOf(fn, d) : null;
  }

  private methodReturnFact(name: string, call: Node, d: number): MaybeFact {
    const cls = this.classScopeOf(call);
    if (!cls) return null;
    this.ensureMembers(cls, name);
    const fn = cls.children.find((c) => c.kind === 'function' && c.name === name);
    return fn ? this.returnsOf(fn, d) : null;
  }
}

function memberAt(members: Member[], pos: number): Member | null {
  let lo = 0;
  let hi = members.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = members[mid];
    if (pos < m.start) hi = mid - 1;
    else if (pos >= m.end) lo = mid + 1;
    else return m;
  }
  return null;
}

function csvFact(call: Node, kind: string): Fact {
  const dict = kind === 'DictReader' || kind.endsWith('.DictReader');
  // QUOTE_NONNUMERIC (and QUOTE_STRINGS) readers turn unquoted fields into floats: fields are not known text.
  if (/QUOTE_(NONNUMERIC|STRINGS)/.test(keywordArg(call, 'quoting')?.text ?? '')) return { k: 'seq', of: dict ? { k: 'record', of: null } : { k: 'seq', of: null } };
  const src: TextSource = { label: dict ? 'csv.DictReader' : 'csv.reader', kind: 'csv', node: call };
  const field: Fact = { k: 'text', src };
  return { k: 'seq', of: dict ? { k: 'record', of: field } : { k: 'seq', of: field } };
}

/** The fact of `a op b`. */
export function binop(a: MaybeFact, op: string, b: MaybeFact): MaybeFact {
  if (!a || !b) {
    if (op === '%' && a && (a.k === 'str' || a.k === 'text')) return { k: 'str' };
    return null;
  }
  if (a.k === 'num' && b.k === 'num') return a;
  // A text column or array with a number is reported at that operation (MW105); what it yields (an error in
  // numpy, repeated strings in pandas) is not followed further, so one mistake is one finding.
  if (a.k === 'series' || a.k === 'array') {
    if (b.k === 'num') return a.text ? null : a;
    return a.k === b.k ? { ...a, text: a.text || (b as { text?: boolean }).text === true } : a;
  }
  if (b.k === 'series' || b.k === 'array') return a.k === 'num' && !b.text ? b : null;
  if (op === '+') {
    if (a.k === 'text' && (b.k === 'text' || b.k === 'str')) return a;
    if (b.k === 'text' && a.k === 'str') return b;
    if (a.k === 'str' && b.k === 'str') return a;
    return null;
  }
  if (op === '*') {
    if (a.k === 'text' && b.k === 'num') return a;
    if (b.k === 'text' && a.k === 'num') return b;
    if (a.k === 'str' && b.k === 'num') return a;
    if (b.k === 'str' && a.k === 'num') return b;
    return null;
  }
  if (op === '%' && (a.k === 'str' || a.k === 'text')) return { k: 'str' };
  return null;
}
