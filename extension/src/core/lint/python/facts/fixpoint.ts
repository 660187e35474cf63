// Summaries of recursive code (a function returning its own call, a parameter passed back to its own function)
// by a fixpoint with widening, the way Pyright treats incomplete types: a summary met again while it is being
// computed answers with its current approximation (bottom at first), the summary is recomputed until it stops
// changing, and after MAX_ROUNDS it is widened to unknown. Facts that read an approximation are "incomplete":
// the evaluator does not cache them (FileFacts.factOf), and a summary that read another summary's approximation
// is not kept either, so no answer depends on the order questions were asked in.
import type { Analysis } from './analysis';
import type { Fact, MaybeFact } from './factTypes';

const MAX_ROUNDS = 3;

/** No value yet: a join with it gives the other side, operators and element reads pass it on. */
const BOTTOM: Fact = { k: 'bottom' };

interface Entry {
  assumed: MaybeFact;
  /** Its own approximation was read while computing it: it is recursive. */
  readOwn: boolean;
  /** It read the approximation of a summary started before it: its result is not final. */
  tainted: boolean;
}

interface State {
  done: Map<string, MaybeFact>;
  active: Map<string, Entry>;
  stack: Entry[];
}

const states = new WeakMap<Analysis, State>();

/** The summary `key`, computed by `compute` (which may ask for `key` again, directly or through others). */
export function solve(a: Analysis, key: string, compute: () => MaybeFact): MaybeFact {
  let st = states.get(a);
  if (!st) states.set(a, (st = { done: new Map(), active: new Map(), stack: [] }));
  const done = st.done.get(key);
  if (done !== undefined) {
    if (a.tracking) a.noteKept('s:' + key); // what its computation read (readLog.ts)
    return done;
  }
  const by = a.tracking ? a.currentReader() : -1;
  const active = st.active.get(key);
  if (active) {
    a.incomplete++;
    active.readOwn = true;
    for (let i = st.stack.indexOf(active) + 1; i < st.stack.length; i++) st.stack[i].tainted = true;
    return active.assumed;
  }
  const entry: Entry = { assumed: BOTTOM, readOwn: false, tainted: false };
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
  }
  return r;
}

/** A cycle was cut somewhere under every summary being computed: none of them is final. */
export function taintActiveSummaries(a: Analysis): void {
  const st = states.get(a);
  if (st) for (const e of st.stack) e.tainted = true;
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
