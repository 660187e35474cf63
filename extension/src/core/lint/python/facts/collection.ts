// Lazy collection of a file's scopes and binding sites, one top-level chunk (or class member) at a time, and
// the record of what each chunk's answers read, so the engine can reuse a chunk's findings across edits
// (reuse.ts). The evaluator (fileFacts.ts) extends it; files are mostly code no rule asks about.
import type { Node } from 'web-tree-sitter';
import { indexOfRangeAt } from '../../rangeSearch';
import { ARRAY_MODULES, CSV_MODULES, FILLING_METHODS } from '../library/derived';
import { mayBindSelfAttr } from './attributeTargets';
import { defLines, eachClassLine, selfBindingNames } from './definitionLines';
import { defPositions, selfMentions, selfTargetPositions, textPositions } from './nameSearch';
import { type TextProbe } from './readLog';
import { TextScans } from './textScans';
import { ExpressionWords, runCaptures, siteCaptures } from './siteWalk';
import { readUnits, topLevelChunks, type Chunk, type Unit } from './readUnits';

export type { Chunk };
import { newScope, scopeAt, type BindingSiteKind, type Scope, type ScopeKind } from './scopes';

/** A module-level class statement (reuse notes it: adding the first class changes what attributes can mean). */
const CLASS_LINE = /^class[ \t]/m;

/**
 * An indented `def name` (a method) and `self.name` followed by what can follow a binding target (searched by
 * definitionLines.ts; the patterns for one name are noted for reuse, see memberNames).
 */
const SELF_BINDING = /\bself\.(\w+)(?=\s*[=+\-*/%@&|^<>:,)\]}#\\.[]|\s+in\b)/g;
/** Membership in one of memberNames()' sets. */
export interface NameSet {
  has(name: string): boolean;
}
/** Whether classLines() finds any class (`^class[ \t]+(\w+)`), triggered by any module-level class line. */
const HAS_CLASSES: TextProbe = { trigger: CLASS_LINE, value: (text) => String(/^class[ \t]+\w/m.test(text)) };

const FROM_CSV_IMPORT = new RegExp(String.raw`^[ \t]*from[ \t]+(?:${CSV_MODULES.join('|')})[ \t]+import[ \t]+([^\n#]+)`, 'm');
/** Names bound by `from csv import …` (`hasCsv`: the word `csv` occurs): a file-level fact every chunk may use. */
function bareCsvNames(text: string, hasCsv: boolean): Set<string> {
  const m = hasCsv ? FROM_CSV_IMPORT.exec(text) : null;
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
export const HINT_WORDS: readonly string[] = [...ARRAY_MODULES, ...CSV_MODULES];

export interface QueryLike {
  captures(node: Node, options?: { startIndex?: number; endIndex?: number }): { name: string; node: Node }[];
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
const MUTATION_RE = new RegExp(String.raw`\.\s*(${[...FILLING_METHODS].join('|')})\s*\(`, 'g');

export abstract class FactCollection extends TextScans {
  readonly root: Scope;
  private stack: Scope[];
  readonly bareCsv: Set<string>;

  protected chunkList: Chunk[] | null = null;
  private moduleCollected = false;
  private defIndex: Map<string, number[]> | null = null;
  private classIndex: Map<string, number[]> | null = null;
  /** Whether numpy/pandas appear at all: array/column questions are skipped otherwise. */
  readonly mentionsArrays: boolean;

  /** `chunks`: topLevelChunks(rootNode, text), when the caller has them already. */
  constructor(rootNode: Node, text: string, private sitesQuery: QueryLike, hints: TextHints, chunks?: Chunk[]) {
    super(rootNode, text);
    this.chunkList = chunks ?? null;
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
    return (this.chunkList ??= topLevelChunks(this.rootNode, this.text));
  }

  private unitList: Unit[] | null = null;

  /** The read units in text order (readUnits.ts). */
  units(): Unit[] {
    return (this.unitList ??= readUnits(this.chunks(), this.text));
  }

  /** The read units, found by the caller (after an edit, moved chunks keep theirs: reuseUnits.ts); before any is asked. */
  useUnits(units: Unit[]): void {
    this.unitList ??= units;
  }

  /** Tracking: the whole top-level chunk at `pos` is read (a class: its header and every member). */
  noteChunkWhole(pos: number): void {
    const c = this.chunkAt(pos);
    if (c) this.noteUnitsIn(c.start, c.end);
  }

  chunkAt(pos: number): Chunk | null {
    return this.chunks()[this.chunkIndexAt(pos)] ?? null;
  }

  chunkIndexAt(pos: number): number {
    return indexOfRangeAt(this.chunks(), pos);
  }

  ensureAt(pos: number): void {
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
  }

  /**
   * Members that bind `self.<attr>`: a mention followed by `=`, `+=`, `:`, `,`, `)`, ` in`… may be a target, and
   * the tree says whether it is one (most such mentions are reads: `f(self.x)`, `self.x + 1`, `if self.x:`).
   */
  private selfIndex: Map<string, number[]> | undefined;
  ensureBindingMembers(cls: Scope, attr: string): void {
    const re = () => this.regexFor('selfBind', attr, () => new RegExp(`\\bself\\.${attr}(?=\\s*[=+\\-*/%@&|^<>:,)\\]}#\\\\]|\\s+in\\b)`, 'g'));
    this.collectMatching(cls, 'self.' + attr + '\u0000bind', re, (from, to, visit) => selfTargetPositions(this.text, (this.selfIndex ??= selfMentions(this.text)), attr, from, to, visit), (mem, at) => mayBindSelfAttr(mem.node, at, attr));
  }

  /** Members that may define method `name`, not every member mentioning it (most mentions of `get` are calls). */
  ensureMethodDefs(cls: Scope, name: string): void {
    const re = () => this.regexFor('methodDef', name, () => new RegExp(`\\bdef[\\s\\\\]+${name.replace(/[^\w]/g, '\\$&')}(?!\\w)`, 'g'));
    // Which members define it is read from the class's text: an edit there may add or remove one (readLog.ts).
    if (this.tracking) this.noteRegex(re());
    if (this.classOfScope.get(cls)?.searched.has(name)) return; // ensureMembers collected those already
    this.collectMatching(cls, name + '\u0000def', re, (from, to, visit) => defPositions(this.textWords, name, from, to, visit));
  }

  /**
   * Collects the members of class `cls` holding a match of the regex `make` gives, once per `key`. `search` gives
   * the same matches' positions without the regex (false: it cannot for this name); `keep`, when given, says
   * whether the match at `at` in a member not collected yet is one that needs it.
   */
  private collectMatching(cls: Scope, key: string, make: () => RegExp, search: (from: number, to: number, visit: (at: number) => void) => boolean, keep?: (mem: Member, at: number) => boolean): void {
    // Which members hold a match is read from the class's text, whoever searched first (readLog.ts).
    if (this.tracking) this.noteRegex(make());
    const cc = this.classOfScope.get(cls);
    if (!cc || cc.searched.has(key)) return;
    cc.searched.add(key);
    const visit = (at: number) => {
      const mem = memberAt(cc.members, at);
      if (mem && !mem.collected && (!keep || keep(mem, at))) this.collectMember(cc, mem);
    };
    const end = cls.end;
    if (search(cls.start, end, visit)) return;
    const made = make();
    // Walked by lastIndex: a regex without the g flag would match at the same place forever.
    const re = made.global ? made : new RegExp(made.source, made.flags + 'g');
    re.lastIndex = cls.start;
    for (let m = re.exec(this.text); m && m.index < end; m = re.exec(this.text)) visit(m.index);
  }

  /** Collects the members of a class whose text contains `needle` (bindings of a name can only be there). */
  ensureMembers(cls: Scope, needle: string): void {
    const re = () => this.regexFor('text', needle, () => new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
    this.collectMatching(cls, needle, re, (from, to, visit) => {
      textPositions(this.text, needle, from, to, visit);
      return true;
    });
  }

  ensureModule(): void {
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
      this.collectRange(clsNode.startIndex, body.startIndex, [this.root, scope], clsNode.id, top);
      const members: Member[] = [];
      for (const m of body.namedChildren) if (m) members.push({ start: m.startIndex, end: m.endIndex, collected: false, node: m });
      const cc: ClassChunk = { scope, members, searched: new Set() };
      this.classChunks.set(chunk, cc);
      this.classOfScope.set(scope, cc);
      return;
    }
    this.collectRange(chunk.start, chunk.end, [this.root], -1, chunk.isDef ? chunk.node : undefined, chunk.isDef ? undefined : chunk.index);
  }

  private treeHasError: boolean | undefined;
  private words: ExpressionWords | undefined;

  /** Scopes, binding sites, returns and container mutations of [start, end), nested under `stack`. */
  private collectRange(start: number, end: number, stack: Scope[], skipId: number, within?: Node, run?: number): void {
    if (end <= start) return;
    this.stack = stack;
    // A scope's name table (scopes.ts namesOf) is read from its sites alone: rebuilt only when this adds some.
    const sitesBefore = stack.map((s) => s.sites.length);
    // Query ranges are in bytes of the UTF-16 text tree-sitter parsed: 2 per code unit.
    // Run from the member or definition itself when it is the whole range: the query cursor then starts there
    // instead of walking down from the root past every earlier sibling (the captures are the same).
    // A tree with syntax errors is asked by the query, whose matching assumes nothing about the tree's shape.
    // `run`: a run of module statements, walked statement by statement (the root's named children from `run` on).
    const caps = (this.treeHasError ??= this.rootNode.hasError)
      ? this.sitesQuery.captures(within ?? this.rootNode, { startIndex: start * 2, endIndex: end * 2 })
      : run !== undefined && !within
        ? runCaptures(this.rootNode.namedChildren, run, end, (this.words ??= new ExpressionWords(this.text)))
        : siteCaptures(within ?? this.rootNode, start, end, (this.words ??= new ExpressionWords(this.text)), skipId);
    for (const cap of caps) {
      const node = cap.node;
      const at = node.startIndex;
      if (at < start || at >= end || node.id === skipId) continue;
      const name = cap.name;
      if (name.startsWith('scope.')) this.enterScope(name.slice(6) as ScopeKind, node);
      else if (name.startsWith('site.')) this.current(at).sites.push(this.treeHasError ? { kind: name.slice(5) as BindingSiteKind, node } : { kind: name.slice(5) as BindingSiteKind, node, text: this.text });
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
    stack.forEach((s, i) => {
      if (s.sites.length !== sitesBefore[i]) s.names = undefined;
    });
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
  ensureDef(name: string): void {
    if (!this.defIndex) {
      const index = (this.defIndex = new Map<string, number[]>());
      // `^(?:async[ \t]+)?def[ \t]+(\w+)` (m), by indexOf (definitionLines.ts)
      defLines(this.text, false, (at, def) => index.get(def)?.push(at) ?? index.set(def, [at]));
    }
    if (this.tracking) this.noteRegex(this.regexFor('def', name, () => new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${name}\\b`, 'm')));
    for (const at of this.defIndex.get(name) ?? []) {
      this.ensureAt(at);
      this.noteChunkAt(at); // which def is in force depends on all of them
    }
  }

  /**
   * The function `name` a call at `at` reaches. Module level: the def in force, which is the last one
   * before the call for module code and the last in the file for calls inside functions (they run later);
   * every def of that name is collected first, so the answer never depends on what was collected before.
   */
  functionScope(name: string, from: Scope, at: number): Scope | null {
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

  private memberNameSets: { methods: NameSet; selfBound: NameSet } | null = null;

  /**
   * Names of methods defined in classes (indented `def`s), and attributes bound through `self.<attr>` anywhere:
   * an instance's attribute or method can only resolve to one of them, so other names are not evaluated.
   * Asking for one name reads only the lines that could make it one (for reuse across edits).
   */
  memberNames(): { methods: NameSet; selfBound: NameSet } {
    if (!this.memberNameSets) {
      const methods = new Set<string>();
      const selfBound = new Set<string>();
      // METHOD_DEF's and SELF_BINDING's first groups, by indexOf (definitionLines.ts)
      defLines(this.text, true, (_, name) => methods.add(name));
      selfBindingNames(this.text, (name) => selfBound.add(name));
      // The same patterns for one name (a capture is a whole \w+ word, so the name followed by no word character).
      const noting = (set: Set<string>, kind: string, pattern: (name: string) => string, flags: string): NameSet => ({
        has: (name) => {
          if (this.tracking) this.noteRegex(this.regexFor(kind, name, () => new RegExp(pattern(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), flags)));
          return set.has(name);
        },
      });
      this.memberNameSets = {
        methods: noting(methods, 'methodDefLine', (n) => `^[ \\t]+(?:async[ \\t]+)?def[ \\t]+${n}(?!\\w)`, 'm'),
        selfBound: noting(selfBound, 'selfBinding', (n) => `\\bself\\.${n}(?!\\w)${SELF_BINDING.source.slice(SELF_BINDING.source.indexOf('(?='))}`, ''),
      };
    }
    return this.memberNameSets;
  }

  /** Does the file define a module-level class at all (else no value can be an instance of one)? */
  hasClasses(): boolean {
    this.noteProbe(HAS_CLASSES);
    return this.classLines().size > 0;
  }

  private classLines(): Map<string, number[]> {
    if (!this.classIndex) {
      const index = (this.classIndex = new Map<string, number[]>());
      // `^class[ \t]+(\w+)` (m), by indexOf (definitionLines.ts)
      eachClassLine(this.text, (at, name) => index.get(name)?.push(at) ?? index.set(name, [at]));
    }
    return this.classIndex;
  }

  /** The module-level class named `name` (the last one in the file), collected first. */
  moduleClass(name: string): Scope | null {
    this.classLines();
    if (this.tracking) this.noteRegex(this.regexFor('class', name, () => new RegExp(`^class[ \\t]+${name}\\b`, 'm')));
    let pick: Scope | null = null;
    for (const at of this.classIndex!.get(name) ?? []) {
      this.ensureAt(at);
      this.noteChunkAt(at);
      const s = scopeAt(this.root, at);
      if (s.kind === 'class' && s.parent === this.root) pick = s;
    }
    return pick;
  }

  classScopeOf(node: Node): Scope | null {
    let s: Scope | null = scopeAt(this.root, node.startIndex);
    for (let i = 0; s && i < 500; i++) {
      if (s.kind === 'class') return s;
      s = s.parent;
    }
    return null;
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
