// What a name holds at a point of the code (reaching definitions) and what each of its bindings gives it:
// the name half of the value analysis's evaluator (fileFacts.ts holds the expression half and extends this
// class). A binding inside a branch or loop body joins the ones before it; a name still None there holds the
// previous turn's binding from further down an enclosing loop; a `global`/`nonlocal` name is the module's or the
// enclosing function's; containers filled in place, dicts given new keys and rows with reassigned entries are
// read here. Cycles between bindings meet the in-progress set and are unknown.
import type { Node } from 'web-tree-sitter';
import { positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { FactCollection } from './collection';
import { filledDict } from './containers';
import { withStoredKeys } from './dictKeys';
import { CONDITIONAL_BODIES, loopAround } from './loopsAndBranches';
import { declarationIn, DECLARES, globalRebinds } from './declaredNames';
import { elementOf, join, Joined, unpackAt, type MaybeFact } from './factTypes';
import { cycleMet, solve } from './fixpoint';
import { binop, builtinTypeValue } from './operators';
import type { RecordShapes } from './recordShapes';
import { namesOf, paramsOf, scopeAt, type Binding, type BindingSite, type Scope } from './scopes';
import { containerScopes, filledContainer, isNoneBinding, methodOf, paramFact } from './summaries';

export abstract class NameBindings extends FactCollection implements Analysis {
  /** Work under way (node ids, and negative keys for bindings): meeting one again is a cycle, so unknown. */
  readonly inProgress = new Set<number>();
  /**
   * Evaluations started so far (node ids and binding keys), and when each one in progress started: fixpoint.ts
   * tells a cycle a summary's own computation closed from one it met in progress from outside.
   */
  started = 0;
  readonly startedAt = new Map<number, number>();
  /** Reads of a recursive summary's approximation so far (fixpoint.ts); facts computed across one are not cached. */
  incomplete = 0;
  /** Evaluations cut at the depth cap so far: an unknown computed across a cut may only be the cap's doing. */
  protected depthCuts = 0;

  /** The value of an expression (fileFacts.ts). */
  abstract factOf(node: Node | null, d?: number): MaybeFact;
  /** What iterating a value walks (fileFacts.ts). */
  abstract iterable(f: MaybeFact, d: number): MaybeFact;
  abstract shapes(): RecordShapes;
  abstract hotTest: (pos: number) => boolean;

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

  /** Set by lookupBeforeEntryStores for its one binding: skip the entry-store check there (and its memo). */
  private entryStoresIgnoredFor: string | null = null;

  lookupBeforeEntryStores(name: string, pos: number, d: number): MaybeFact {
    this.entryStoresIgnoredFor = name;
    try {
      return this.lookupName(name, pos, d);
    } finally {
      this.entryStoresIgnoredFor = null;
    }
  }

  /** Does in-file class `cls` (or a base) define `method`? Tells a method call on a dict's entries from a fill. */
  private readonly entryMethod = (cls: string, method: string): boolean => {
    const scope = this.moduleClass(cls);
    return !!scope && !!methodOf(this, scope, method);
  };

  /**
   * What the entry alias that `site` binds (`bucket = d.setdefault(k, [])`, `{}` or `set()`) is filled with in
   * place: read from the alias's own stores, so d's value is not needed (it is being computed).
   */
  private boundBy(site: BindingSite, d: number): MaybeFact {
    const name = site.node.childForFieldName('left')?.text ?? '';
    const right = unwrap(site.node.childForFieldName('right'));
    const init = right?.type === 'call' ? positionalArgs(right)[1]?.text : '';
    if (init === '{}' || init === 'dict()') return filledDict(containerScopes(this, name, site.node), name, (n) => this.factOf(n, d), (s) => this.boundBy(s, d), this.entryMethod);
    return filledContainer(this, name, site.node, d);
  }

  private joinBindings(list: Binding[], d: number): MaybeFact {
    let acc: MaybeFact = this.bindingFact(list[0], d);
    for (let i = 1; i < list.length && acc; i++) acc = join(acc, this.bindingFact(list[i], d));
    return acc;
  }

  /** Evaluation `id` starts (its cycle guard). */
  protected enter(id: number): void {
    this.inProgress.add(id);
    this.startedAt.set(id, this.started++);
  }

  protected leave(id: number): void {
    this.inProgress.delete(id);
    this.startedAt.delete(id);
  }

  /**
   * A cycle met outside a summary, at the evaluation `at` in progress (none: a budget ran out): unknown, and not
   * final (neither cached nor kept as a summary).
   */
  protected cycleCut(at?: number): null {
    cycleMet(this, at);
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
      // Each node's parent and type read once (each a wasm call), the parent's type carried up.
      let n: Node | null = site.parent;
      let type = n?.type;
      for (let i = 0; n && i < 200 && n.id !== scopeNode.id; i++) {
        const up: Node | null = n.parent;
        const upType = up?.type;
        if (type === 'block' && CONDITIONAL_BODIES.has(upType ?? '')) ranges.push(n.startIndex, n.endIndex);
        n = up;
        type = upType;
      }
      this.conditionalBodies.set(site.id, ranges);
    }
    for (let k = 0; k < ranges.length; k += 2) if (pos < ranges[k] || pos >= ranges[k + 1]) return true;
    return false;
  }

  /** Bindings of an empty dict whose fill is being solved (computeBinding). */
  private fillingDicts = new Set<number>();

  /** What each binding gives, in one-shot lints: kept under the rule factOf keeps node facts by. */
  private bindingMemo = new Map<string, MaybeFact>();

  bindingFact(b: Binding, d: number): MaybeFact {
    // Editor sessions record what each chunk's answers read (reuse.ts), and a kept answer would not record it again
    // for the next chunk asking: only the CLI's one-shot lints keep them.
    if (this.tracking || this.entryStoresIgnoredFor === b.name) return this.computeBinding(b, d);
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
    // A dict read while it is being filled (`best[k] = max(best.get(k, v), v)`): its fill's approximation (fixpoint.ts)
    if (this.inProgress.has(-key - 1)) return this.fillingDicts.has(key) ? solve(this, dictFillKey(b), () => null) : this.cycleCut(-key - 1);
    this.enter(-key - 1);
    try {
      let v = this.siteValue(b.site, b.name, d);
      for (const i of b.path) v = unpackAt(v, i);
      // (`rows = []`, or `xs, ys = [], []`: an unpacked empty list is filled the same way)
      if (v && v.k === 'empty' && v.dict) {
        // `d = {}` then `d[k] = v` / `d.setdefault(k, []).append(v)`: a record of what was stored (entries
        // written in place are what fills it, so the reassignment check below does not apply).
        // A store may read the dict itself (`best[k] = max(best.get(k, v), v)`): solved as a recursive summary.
        // The nodes being evaluated are set aside meanwhile: a read of the dict inside a store (`best` above) asked
        // first must meet the fill's approximation at this binding, as it does when asked from outside the fill,
        // not be cut at its own node (every way back passes this binding, so the recursion still ends here).
        if (b.path.length !== 0) return null;
        const nodes = [...this.inProgress].filter((k) => k >= 0);
        for (const k of nodes) this.inProgress.delete(k);
        this.fillingDicts.add(key);
        try {
          return solve(this, dictFillKey(b), () => withStoredKeys(this, filledDict(containerScopes(this, b.name, b.site.node), b.name, (n) => this.factOf(n, d), (site) => this.boundBy(site, d), this.entryMethod), b, d));
        } finally {
          this.fillingDicts.delete(key);
          for (const k of nodes) this.inProgress.add(k);
        }
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
        const filled = filledDict(containerScopes(this, b.name, b.site.node), b.name, (n) => this.factOf(n, d), (site) => this.boundBy(site, d), this.entryMethod);
        return !filled ? null : filled.k === 'empty' ? v : join(v, filled);
      }
      // A dict or row whose entries are reassigned (`row[2] = int(row[2])`) no longer holds only text; a dict
      // given new string keys (`resp["band"] = band(resp["age"])`) still does under its other keys.
      const asBound = this.entryStoresIgnoredFor === b.name;
      if (asBound) this.entryStoresIgnoredFor = null;
      if (v && (v.k === 'record' || v.k === 'seq' || v.k === 'tuple') && !asBound) {
        const stored = this.entriesReassigned(b);
        if (stored && (stored === 'any' || v.k !== 'record')) return null;
        if (stored && v.k === 'record') return { ...v, overwritten: [...(v.overwritten ?? []), ...stored] };
      }
      return withStoredKeys(this, v, b, d); // `defaultdict(int)` / `Counter()` then `d[k] += 1`: keys k (dictKeys.ts)
    } finally {
      this.leave(-key - 1);
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
}

/** The fixpoint key of the fill of the empty dict `b` binds. */
function dictFillKey(b: Binding): string {
  return `dict:${b.site.node.startIndex}:${b.name}`;
}
