// Summaries of recursive code (a function returning its own call, a parameter passed back to its own function)
// by a fixpoint with widening, the way Pyright treats incomplete types: a summary met again while it is being
// computed answers with its current approximation (bottom at first), the summary is recomputed until it stops
// changing, and after MAX_ROUNDS it is widened to unknown. Facts that read an approximation are "incomplete":
// the evaluator does not cache them (FileFacts.factOf), and a summary that read another summary's approximation
// (or met a cycle) is not final either, so no answer depends on the order questions were asked in.
// Such a summary is kept as a memo instead, with the approximations it read: asked again while each of those has
// the same value, it reads the same and gives the same, so it is not computed again. Without memos, every round
// of a summary computed again from scratch every summary nested in it that read an outer approximation, so a
// chain of k nested recursive summaries cost exponential work (x4 per summary in summaryChain.test.ts; a public
// repository's file made 11 million evaluations); with them each is computed once per set of values it read.
// What is in progress around it is not part of the context: like a final answer or a cached node fact, a memo is
// taken even where computing it again would meet a cycle earlier (a cut only loses information) - except a
// memo that met a cycle through an evaluation in progress outside it, which is taken only while that one still is.
import type { Analysis } from './analysis';
import type { Fact, MaybeFact } from './factTypes';

const MAX_ROUNDS = 3;

/** No value yet: a join with it gives the other side, operators and element reads pass it on. */
const BOTTOM: Fact = { k: 'bottom' };

/** What a summary's value read besides the code and final answers. */
interface Context {
  /** The approximations of summaries started before it that it read (directly or through others), by key. */
  deps: Map<string, MaybeFact>;
  /**
   * Evaluations in progress before it started that it met again (a cycle cut outside it), by id (nameBindings.ts):
   * where they are not in progress, computing it again would go on through them.
   */
  cutOn: Set<number>;
  /** A cycle was cut that its own computation started: who takes its value takes a cut too. */
  cutInside: boolean;
}

interface Entry extends Context {
  key: string;
  assumed: MaybeFact;
  /** Where it started in the evaluations' order (NameBindings.startedAt): which cycles are its own. */
  from: number;
  /** Its own approximation was read while computing it: it is recursive. */
  readOwn: boolean;
  /** It read the approximation of a summary started before it, or a cycle was cut under it: it is not final. */
  tainted: boolean;
  /** A budget ran out under it (fileFacts.ts): its value is whatever the cut left, kept nowhere. */
  cut: boolean;
}

/** A summary that was not final, with its context: valid while each approximation it read has the same value. */
interface Memo extends Context {
  value: MaybeFact;
  /** Who computed it (readLog.ts), and the key its reads are kept under. */
  by: number;
  kept: string;
}

interface State {
  done: Map<string, MaybeFact>;
  active: Map<string, Entry>;
  stack: Entry[];
  memos: Map<string, Memo[]>;
  serial: number;
}

const states = new WeakMap<Analysis, State>();

/** At most this many contexts are kept per summary (the latest). */
const MAX_MEMOS = 8;

/** The summary `key`, computed by `compute` (which may ask for `key` again, directly or through others). */
export function solve(a: Analysis, key: string, compute: () => MaybeFact): MaybeFact {
  let st = states.get(a);
  if (!st) states.set(a, (st = { done: new Map(), active: new Map(), stack: [], memos: new Map(), serial: 0 }));
  const done = st.done.get(key);
  if (done !== undefined) {
    if (a.tracking) a.noteKept('s:' + key); // what its computation read (readLog.ts)
    return done;
  }
  const active = st.active.get(key);
  if (active) {
    readApproximation(a, st, active);
    return active.assumed;
  }
  const checked = st.memos.has(key) ? new Map<string, Memo | null>() : null;
  const memo = checked ? validMemo(a, st, key, checked) : undefined;
  if (memo && checked) {
    if (a.tracking) a.noteKept(memo.kept);
    if (!replay(a, st, memo, checked, new Set())) {
      // Every summary it read has closed with the value it read, and it met no cycle: it is final now.
      st.done.set(key, memo.value);
      if (memo.by >= 0) a.keptBy('s:' + key, memo.by);
    }
    return memo.value;
  }
  const by = a.tracking ? a.currentReader() : -1;
  const entry: Entry = { key, assumed: BOTTOM, from: a.started, readOwn: false, tainted: false, cut: false, deps: new Map(), cutOn: new Set(), cutInside: false };
  st.active.set(key, entry);
  st.stack.push(entry);
  let r: MaybeFact = null;
  try {
    for (let round = 1; ; round++) {
      entry.readOwn = false;
      r = compute();
      if (!entry.readOwn || same(r, entry.assumed, 0)) break;
      if (!r || round >= MAX_ROUNDS) {
        r = null; // widened: unknown
        break;
      }
      entry.assumed = r;
    }
  } finally {
    st.active.delete(key);
    st.stack.pop();
  }
  if (r && r.k === 'bottom') r = null; // only ever its own approximation: no value at all
  if (!entry.tainted) {
    st.done.set(key, r);
    if (by >= 0) a.keptBy('s:' + key, by);
  } else if (!entry.cut) {
    entry.deps.delete(key);
    const kept = `m:${st.serial++}`;
    let list = st.memos.get(key);
    if (!list) st.memos.set(key, (list = []));
    if (list.length >= MAX_MEMOS) list.shift();
    list.push({ value: r, deps: entry.deps, cutOn: entry.cutOn, cutInside: entry.cutInside, by, kept });
    if (by >= 0) a.keptBy(kept, by);
  }
  return r;
}

/** The approximation of the open summary `e` is read: it is recursive, and everything started after it is not final. */
function readApproximation(a: Analysis, st: State, e: Entry): void {
  a.incomplete++;
  e.readOwn = true;
  for (let i = st.stack.indexOf(e) + 1; i < st.stack.length; i++) {
    st.stack[i].tainted = true;
    st.stack[i].deps.set(e.key, e.assumed);
  }
}

/** What asking `key` now would give without computing it, if known: open, final, or a memo still valid. */
function currentValue(a: Analysis, st: State, key: string, checked: Map<string, Memo | null>): MaybeFact | undefined {
  const e = st.active.get(key);
  if (e) return e.assumed;
  const done = st.done.get(key);
  if (done !== undefined) return done;
  return validMemo(a, st, key, checked)?.value;
}

/**
 * A memo of `key` that computing it now would give: every approximation it read has the same value now (open, final
 * or itself a valid memo), and every evaluation it met in progress from outside still is. `checked`: the keys
 * already looked at in this check.
 */
function validMemo(a: Analysis, st: State, key: string, checked: Map<string, Memo | null>): Memo | undefined {
  const seen = checked.get(key);
  if (seen !== undefined) return seen ?? undefined;
  checked.set(key, null); // (met again while checking it: a memo that read its own reader's memo is not taken)
  let found: Memo | undefined;
  const list = st.memos.get(key) ?? [];
  outer: for (let i = list.length - 1; i >= 0 && !found; i--) {
    const m = list[i];
    for (const id of m.cutOn) if (!a.inProgress.has(id)) continue outer;
    for (const [k, v] of m.deps) {
      const now = currentValue(a, st, k, checked);
      if (now === undefined || (now !== v && !same(now, v, 0))) continue outer;
    }
    found = m;
  }
  checked.set(key, found ?? null);
  return found;
}

/**
 * What computing a memo's summary again would do to the summaries open now: read the same approximations (through
 * other memos too) and meet the same cycles. True when its value is still not final.
 */
function replay(a: Analysis, st: State, m: Memo, checked: Map<string, Memo | null>, replayed: Set<Memo>): boolean {
  replayed.add(m);
  let open = m.cutOn.size > 0 || m.cutInside;
  for (const id of m.cutOn) cycleMet(a, id);
  if (m.cutInside) {
    a.incomplete++;
    for (const e of st.stack) {
      e.tainted = true;
      e.cutInside = true;
    }
  }
  for (const k of m.deps.keys()) {
    const e = st.active.get(k);
    if (e) {
      readApproximation(a, st, e);
      open = true;
    } else if (!st.done.has(k)) {
      const inner = validMemo(a, st, k, checked);
      if (inner && (replayed.has(inner) || replay(a, st, inner, checked, replayed))) open = true;
    }
  }
  return open;
}

/**
 * A cycle was cut at the evaluation `at` in progress (nameBindings.ts), or a budget ran out (`at` undefined): no
 * summary being computed is final. The ones started after `at` only meet that cut while `at` is in progress.
 */
export function cycleMet(a: Analysis, at?: number): void {
  a.incomplete++;
  const st = states.get(a);
  if (!st) return;
  const started = at === undefined ? undefined : a.startedAt.get(at);
  for (const e of st.stack) {
    e.tainted = true;
    if (at === undefined) e.cut = true;
    else if (started === undefined || started < e.from) e.cutOn.add(at);
    else e.cutInside = true;
  }
}

/** Structural equality of two facts (sources compared by their node). */
function same(x: MaybeFact, y: MaybeFact, depth: number): boolean {
  if (x === y) return true;
  if (!x || !y || x.k !== y.k || depth > 8) return false;
  const a = x as unknown as Record<string, unknown>;
  const b = y as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const u = a[k];
    const v = b[k];
    if (u === v) continue;
    if (k === 'src' || k === 'call') {
      const un = (u as { node?: { id: number }; id?: number } | undefined);
      const vn = (v as { node?: { id: number }; id?: number } | undefined);
      if ((un?.node?.id ?? un?.id) !== (vn?.node?.id ?? vn?.id)) return false;
      continue;
    }
    if (Array.isArray(u) && Array.isArray(v)) {
      if (u.length !== v.length) return false;
      for (let i = 0; i < u.length; i++) {
        const ui = u[i];
        const vi = v[i];
        if (Array.isArray(ui) && Array.isArray(vi) ? ui[0] !== vi[0] || !same(ui[1], vi[1], depth + 1) : !same(ui as MaybeFact, vi as MaybeFact, depth + 1)) return false;
      }
      continue;
    }
    if (typeof u === 'object' && typeof v === 'object' && u && v && 'k' in u && 'k' in v) {
      if (!same(u as Fact, v as Fact, depth + 1)) return false;
      continue;
    }
    return false;
  }
  return true;
}
