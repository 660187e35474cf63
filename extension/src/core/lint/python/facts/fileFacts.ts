// The value analysis's evaluator: answers "what is this expression?" on demand, per node and cached
// (Pyright's lazy evaluator is the model): names through their bindings (assignment, unpacking, loops, `with`,
// walrus, comprehensions), with calls, attributes and subscripts answered by callFacts.ts / memberFacts.ts
// and in-file functions, parameters, `self.<attr>` and containers by their summaries (summaries.ts). Every
// walk is bounded (depth cap + in-progress set), so deep nesting or cycles end in "unknown".
import type { Node } from 'web-tree-sitter';
import { comparisonPairs, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { callFact } from './callFacts';
import { FactCollection } from './collection';
import { filledDict } from './containers';
import { withStoredKeys } from './dictKeys';
import { CONDITIONAL_BODIES, loopAround } from './loopsAndBranches';
import { declarationIn, DECLARES, globalRebinds } from './declaredNames';
import { elementOf, join, joinBranches, Joined, markStored, textSourceOf, unpackAt, type MaybeFact, type TextSource } from './factTypes';
import { taintActiveSummaries } from './fixpoint';
import { attributeBeforeUpdate, attributeFact, subscriptFact } from './memberFacts';
import { binop, builtinTypeValue } from './operators';
import { RECORD_WORD, recordShapes, type RecordShapes } from './recordShapes';
import { namesOf, paramsOf, scopeAt, type Binding, type BindingSite, type Scope } from './scopes';
import { containerScopes, filledContainer, isNoneBinding, iterableOf, paramFact } from './summaries';

export { HINT_WORDS, type Chunk, type QueryLike, type TextHints } from './collection';

const MAX_DEPTH = 40;
/** An edit whose lines match this may add or remove a record class in a text with record words (recordShapes.ts). */
const RECORD_DECLARATION_EDIT = new RegExp(`${RECORD_WORD.source}|^[ \\t]*class\\b`, 'm');
/** Dict displays with more entries than this are not summarised (a literal table, not a record). */
const MAX_DISPLAY = 64;

export class FileFacts extends FactCollection implements Analysis {
  private cache = new Map<number, MaybeFact>();
  readonly inProgress = new Set<number>();
  incomplete = 0;
  /** Evaluations cut at MAX_DEPTH so far: an unknown computed across a cut may only be the cap's doing. */
  private depthCuts = 0;
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

  factOf(node: Node | null, depth = 0): MaybeFact {
    if (!node) return null;
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
    const guarded = type !== 'call';
    if (guarded && this.inProgress.has(id)) return this.cycleCut();
    if (guarded) this.inProgress.add(id);
    if (tracking) this.readers.push(ci);
    const incompleteBefore = this.incomplete;
    const cutsBefore = this.depthCuts;
    let f: MaybeFact = null;
    // No catch: an exception here is a bug in the analysis, and it must reach the rule dispatcher, which names
    // the rule and position in an `internal` notice (or rethrows in strict mode), never read as "unknown".
    try {
      f = this.compute(node, type, depth + 1);
    } finally {
      if (guarded) this.inProgress.delete(id);
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
        return a && a.k === 'num' ? a : null;
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

  // ---- names ----

  lookupName(name: string, pos: number, d: number): MaybeFact {
    let scope: Scope | null = scopeAt(this.root, pos);
    let own = true;
    const declares = this.textTest(DECLARES);
    for (let guard = 0; scope && guard < 500; guard++) {
      if (!own && scope.kind === 'class') {
        scope = scope.parent;
        continue;
      }
      const decl: 'global' | 'nonlocal' | null = declares && scope.kind === 'function' ? declarationIn(this, scope, name) : null;
      if (decl) {
        // `global total` / `nonlocal total`: the name is the module's or the enclosing function's
        scope = decl === 'global' ? this.root : scope.parent;
        own = false;
        continue;
      }
      if (scope === this.root) {
        // Builtins and imported names are never assigned: skip collecting the module's code for them.
        if (!this.maybeBound(name)) return builtinTypeValue(name);
        this.ensureModule();
        // Which module-level bindings there are depends on the module code naming it (reuse.ts searches the edit).
        this.noteModuleName(name);
      } else if (scope.kind === 'class') this.ensureMembers(scope, name);
      let list = namesOf(scope).get(name);
      if (declares && scope === this.root) {
        const rebinds = globalRebinds(this, name);
        if (!rebinds) return null;
        if (rebinds.length && own) {
          const rebound = this.joinBindings(rebinds, d);
          return list?.length ? join(this.reachingFact(list, pos, scope, d), rebound) : rebound;
        }
        // (`LIMIT = None` until `setup()` sets it: a None start says nothing about the value once it is used)
        if (rebinds.length) list = [...(list ?? []).filter((b) => !isNoneBinding(b)), ...rebinds];
      }
      if (scope.kind === 'comp') {
        if (list && list.length) return this.bindingFact(list[list.length - 1], d);
      } else if (list && list.length) {
        if (own) {
          // Before the first binding in its own function a parameter still holds its argument (`df = df.copy()`).
          // (Not when a loop around the read rebinds it: a later turn reads the new value.)
          const fn = scope;
          if (list[0].effect > pos && paramsOf(fn).has(name)) return list.some((b) => loopAround(b.site.node, pos, fn.node)) ? null : paramFact(this, fn, name, d);
          return this.reachingFact(list, pos, scope, d);
        }
        const acc = this.joinBindings(list, d);
        return acc && acc.k === 'empty' ? null : acc;
      }
      if (paramsOf(scope).has(name)) return paramFact(this, scope, name, d);
      if (scope.kind !== 'comp') own = false;
      scope = scope.parent;
    }
    return builtinTypeValue(name);
  }

  /**
   * What the entry alias that `site` binds (`bucket = d.setdefault(k, [])`, `{}` or `set()`) is filled with in
   * place: read from the alias's own stores, so d's value is not needed (it is being computed).
   */
  private boundBy(site: BindingSite, d: number): MaybeFact {
    const name = site.node.childForFieldName('left')?.text ?? '';
    const right = unwrap(site.node.childForFieldName('right'));
    const init = right?.type === 'call' ? positionalArgs(right)[1]?.text : '';
    if (init === '{}' || init === 'dict()') return filledDict(containerScopes(this, name, site.node), name, (n) => this.factOf(n, d), (s) => this.boundBy(s, d));
    return filledContainer(this, name, site.node, d);
  }

  private joinBindings(list: Binding[], d: number): MaybeFact {
    let acc: MaybeFact = this.bindingFact(list[0], d);
    for (let i = 1; i < list.length && acc; i++) acc = join(acc, this.bindingFact(list[i], d));
    return acc;
  }

  /** A cycle met outside a summary: unknown, and not final (neither cached nor kept as a summary). */
  private cycleCut(): null {
    this.incomplete++;
    taintActiveSummaries(this);
    return null;
  }

  /**
   * `row[2] = …` for the name `b` binds, in the scope the binding belongs to (a class for `self.x`): another
   * function's `row` is another variable. Null when there is none; the keys when every store names a string
   * key (`resp["band"] = …`: the other keys keep their values); 'any' otherwise.
   */
  private entriesReassigned(b: Binding): readonly string[] | 'any' | null {
    const re = this.regexFor('reassigned', b.name, () => new RegExp(`(?<![\\w.])${b.name.replace(/[.]/g, '\\.')}\\s*\\[([^\\]\\n]*)\\]\\s*=[^=]`, 'g'));
    this.noteRegex(re);
    let scope: Scope | null = scopeAt(this.root, b.site.node.startIndex);
    if (b.name.startsWith('self.')) scope = this.classScopeOf(b.site.node);
    const whole = !scope || scope === this.root;
    if (whole && !this.textTest(re)) return null;
    const end = whole ? this.text.length : scope!.end;
    const keys: string[] = [];
    re.lastIndex = whole ? 0 : scope!.start;
    for (let m = re.exec(this.text); m && m.index < end; m = re.exec(this.text)) {
      const key = /^\s*(['"])(\w[\w .-]*)\1\s*$/.exec(m[1]);
      if (!key || keys.length > 16) return 'any';
      keys.push(key[2]);
    }
    return keys.length ? keys : null;
  }

  /**
   * The value of a name at `pos` from its bindings in one scope: the last binding before `pos`, joined with the
   * ones before it while that binding sits in a branch or loop body `pos` is not in (`size = "0"` under an
   * `if` may not have run). A few steps back at most; then the earlier ones are not looked at.
   */
  private reachingFact(list: Binding[], pos: number, scope: Scope, d: number): MaybeFact {
    let i = -1;
    for (let k = 0; k < list.length; k++) if (list[k].effect <= pos) i = k;
    if (i < 0) return null;
    // `current = None` before a loop that rebinds it further down its body (`yield current` /
    // `current = Commit(...)`): on every turn that gets past None the name holds the previous turn's binding.
    if (isNoneBinding(list[i])) return this.loopCarried(list, i, pos, scope, d);
    let acc = this.bindingFact(list[i], d);
    for (let steps = 0; acc && i > 0 && steps < 4 && this.conditionalFrom(list[i].site.node, pos, scope.node); steps++) {
      // `price = None` before a loop that may set it: None says nothing about the value once it is used
      // (arithmetic or a comparison on None would fail anyway), as for `self.x = None`.
      if (isNoneBinding(list[--i])) break;
      acc = join(this.bindingFact(list[i], d), acc);
    }
    return acc;
  }

  /**
   * The value of a name read at `pos` while it still holds None (`list[i]`): the join of the bindings after `pos`
   * in a loop that also holds `pos` (what the previous turn left), or None's own value (unknown) when there are
   * none. None itself says nothing about the value once it is used, as in reachingFact. A binding whose own
   * statement holds `pos` (`cur = merge(cur, x)`) is left out: it would only meet itself.
   */
  private loopCarried(list: Binding[], i: number, pos: number, scope: Scope, d: number): MaybeFact {
    const all = new Joined();
    for (let k = i + 1; k < list.length; k++) {
      const b = list[k];
      if (isNoneBinding(b)) continue;
      const site = b.site.node;
      if (site.startIndex <= pos && pos < site.endIndex) return null;
      // after the loop, or in a loop that sets None again before `pos` on every turn: it never reaches `pos`
      if (!loopAround(site, pos, scope.node, list[i].site.node)) continue;
      if (!all.add(this.bindingFact(b, d))) return null;
    }
    return all.any ? all.value : this.bindingFact(list[i], d);
  }

  /** Per binding site: the ranges of the branch and loop bodies (below its scope) that hold it. */
  private conditionalBodies = new Map<number, number[]>();

  /** Is `site` inside a branch or loop body (below `scopeNode`) that does not contain `pos`? */
  private conditionalFrom(site: Node, pos: number, scopeNode: Node): boolean {
    let ranges = this.conditionalBodies.get(site.id);
    if (!ranges) {
      ranges = [];
      let n: Node | null = site.parent;
      for (let i = 0; n && i < 200 && n.id !== scopeNode.id; i++, n = n.parent) {
        if (n.type === 'block' && CONDITIONAL_BODIES.has(n.parent?.type ?? '')) ranges.push(n.startIndex, n.endIndex);
      }
      this.conditionalBodies.set(site.id, ranges);
    }
    for (let k = 0; k < ranges.length; k += 2) if (pos < ranges[k] || pos >= ranges[k + 1]) return true;
    return false;
  }

  /** What each binding gives, in one-shot lints: kept under the rule factOf keeps node facts by. */
  private bindingMemo = new Map<string, MaybeFact>();

  bindingFact(b: Binding, d: number): MaybeFact {
    // Editor sessions record what each chunk's answers read (reuse.ts), and a kept answer would not record it again
    // for the next chunk asking: only the CLI's one-shot lints keep them.
    if (this.tracking) return this.computeBinding(b, d);
    const memoKey = `${b.site.node.id}|${b.name}|${b.path.join(',')}`;
    const hit = this.bindingMemo.get(memoKey);
    if (hit !== undefined) return hit;
    const incompleteBefore = this.incomplete;
    const cutsBefore = this.depthCuts;
    const f = this.computeBinding(b, d);
    if (this.incomplete === incompleteBefore && this.depthCuts === cutsBefore) this.bindingMemo.set(memoKey, f);
    return f;
  }

  private computeBinding(b: Binding, d: number): MaybeFact {
    const key = b.site.node.id * 64 + Math.min(b.path.length, 63);
    if (this.inProgress.has(-key - 1)) return this.cycleCut();
    this.inProgress.add(-key - 1);
    try {
      let v = this.siteValue(b.site, b.name, d);
      for (const i of b.path) v = unpackAt(v, i);
      // (`rows = []`, or `xs, ys = [], []`: an unpacked empty list is filled the same way)
      if (v && v.k === 'empty' && v.dict) {
        // `d = {}` then `d[k] = v` / `d.setdefault(k, []).append(v)`: a record of what was stored (entries
        // written in place are what fills it, so the reassignment check below does not apply).
        return b.path.length === 0 ? withStoredKeys(this, filledDict(containerScopes(this, b.name, b.site.node), b.name, (n) => this.factOf(n, d), (site) => this.boundBy(site, d)), b, d) : null;
      }
      if (v && v.k === 'empty' && (b.path.length === 0 || (b.path.length === 1 && b.site.kind === 'assignment'))) {
        const filled = filledContainer(this, b.name, b.site.node, d, !!v.keyed);
        // Never filled here (`self.rows = []` in __init__, assigned whole elsewhere): still empty, which a join
        // with the other bindings ignores.
        if (filled?.k !== 'empty') v = filled && v.keyed ? { k: 'record', of: filled } : filled;
      }
      if (v && v.k === 'record' && v.literal) {
        // `run = {"ts": ts}` then `run[key] = value`: the display's values joined with what is stored later; a
        // display reached by unpacking (`for k, rec in by_id.items()`) is filled through its own name the same way.
        const filled = filledDict(containerScopes(this, b.name, b.site.node), b.name, (n) => this.factOf(n, d), (site) => this.boundBy(site, d));
        return !filled ? null : filled.k === 'empty' ? v : join(v, filled);
      }
      // A dict or row whose entries are reassigned (`row[2] = int(row[2])`) no longer holds only text; a dict
      // given new string keys (`resp["band"] = band(resp["age"])`) still does under its other keys.
      if (v && (v.k === 'record' || v.k === 'seq' || v.k === 'tuple')) {
        const stored = this.entriesReassigned(b);
        if (stored && (stored === 'any' || v.k !== 'record')) return null;
        if (stored && v.k === 'record') return { ...v, overwritten: [...(v.overwritten ?? []), ...stored] };
      }
      return withStoredKeys(this, v, b, d); // `defaultdict(int)` / `Counter()` then `d[k] += 1`: keys k (dictKeys.ts)
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
        return elementOf(this.iterable(this.factOf(n.childForFieldName('right'), d), d));
      case 'named_expression':
        return this.factOf(n.childForFieldName('value'), d);
      case 'with_item': {
        const v = n.childForFieldName('value');
        return v?.type === 'as_pattern' ? this.factOf(v.namedChild(0), d) : null;
      }
    }
  }

  /** What iterating a value walks (an in-file class's `__iter__`; summaries.ts). */
  iterable(f: MaybeFact, d: number): MaybeFact {
    return iterableOf(this, f, d);
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

  /** `{"ts": ts, "n": 0}`: a record of the join of its values (unknown with `**splat` or many entries). */
  private dictDisplay(node: Node, d: number): MaybeFact {
    const kids = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (kids.length > MAX_DISPLAY || kids.some((c) => c.type !== 'pair')) return null;
    let acc: MaybeFact = null;
    for (let i = 0; i < kids.length; i++) {
      const f = this.factOf(kids[i].childForFieldName('value'), d);
      acc = i === 0 ? f : join(acc, f);
      if (!acc) return null;
    }
    return { k: 'record', of: acc, literal: true };
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
