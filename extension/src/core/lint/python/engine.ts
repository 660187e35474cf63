// Runs the Python rules over one tree. Querying or walking every node costs about as much as the parse,
// so candidates are found from the text: one scan (stepping over comments and strings) finds each rule's
// trigger tokens (such as `readlines`), its `appliesTo` words and the data-text sources, and operator-heavy
// rules (MW1xx/MW2xx) only look inside top-level chunks that hold a source (candidateScan.ts, hotCode.ts). Facts
// (scopes, bindings) are collected per chunk on first question. Exhaustive mode skips that fast path and visits
// every node; a test proves both give the same findings. Every call into a rule goes through ruleDispatch.ts.
import { indexOfRangeAt } from '../rangeSearch';
import type { Node, Tree } from 'web-tree-sitter';
import type { Finding, IncrementalEdit, Severity } from '../types';
import { reusableChunks, type LintSnapshot } from './reuse';
import { movedChunks, startsAfterEdit, startsOf } from './reuseMoves';
import { candidateReader } from './facts/readLog';
import { triviaEdit } from './triviaEdit';
import { unitsAfterEdit } from './reuseUnits';
import { ChunkCalls, type ChunkSummary } from './chunkCalls';
import { FileFacts, type QueryLike } from './facts/fileFacts';
import { mayHoldTextColumns } from './facts/callFacts';
import { needleWord, scannerFor, triggerTextMatches } from './candidateScan';
import { scanChunk, type ChunkScan } from './chunkScan';
import { opNode, operatorsInHotCode, type ChunkOps, type FoundOp } from './operatorScan';
import { topLevelChunks } from './facts/readUnits';
import { globalReads, hotRanges, mergeSorted, taintedGlobals } from './hotCode';
import { RuleDispatcher, strictByDefault, type RuleFailure } from './ruleDispatch';
import type { PythonRule, Trigger, VisitedType } from './ruleContext';
import { literalInputOf } from './literalInput';
import { reportedInput } from '../reportedInput';
import { rangeOf } from './syntax';
import { ARRAY_MODULES, CSV_MODULES } from './library/derived';

/** Scopes and binding sites: the query FileFacts runs per chunk of a tree with syntax errors (facts/siteWalk.ts). */
export { SITES_QUERY } from './facts/siteWalk';

export interface EngineQueries {
  sites: QueryLike;
}

export interface EngineRun {
  findings: Finding[];
  facts: FileFacts;
  /** For the next run after an edit (see reuse.ts); only when tracking. */
  snapshot?: LintSnapshot;
  /** How many chunks took all their findings from the previous run. */
  reused: number;
  /** How many candidates took their findings from the previous run (reuse.ts). */
  reusedCandidates: number;
  /** Exceptions caught inside rules (never in strict mode, which rethrows them). */
  failures: RuleFailure[];
}

export interface EngineOptions {
  /**
   * Evaluate every node of every visited type with every enabled rule, all code counted as hot: no token scan,
   * no `appliesTo`, no trigger filters. Slow; it exists to prove the fast path loses nothing (a test runs every
   * corpus both ways and requires identical findings).
   */
  exhaustive?: boolean;
  /** Rethrow an exception inside a rule instead of reporting it as a failure (tests). */
  strict?: boolean;
  /**
   * Milliseconds per phase of this run, added into the map (benchmarks: `bench/pythonEditorTail.mjs` logs the
   * slowest edits' phases). Keys `rule:<code>` time each rule's visits (`*`: a cacheable one), `evaluated:<code>`
   * count the candidates a cacheable rule evaluated.
   */
  phases?: Map<string, number>;
  /** Evaluation budgets other than the defaults (facts/fileFacts.ts QUESTION_BUDGET, FILE_BUDGET): tests. */
  budget?: { question: number; file: number };
}

/** A phase timer adding into `phases` the time since its previous call (nothing when not timing). */
function phaseTimer(phases: Map<string, number> | undefined): (name: string) => void {
  if (!phases) return () => {};
  let t0 = performance.now();
  return (name) => {
    const t = performance.now();
    phases.set(name, (phases.get(name) ?? 0) + t - t0);
    t0 = t;
  };
}

function undeclaredEnd(): never {
  throw new Error('its visitors have onEnd but the rule does not declare readsWholeFile (ruleContext.ts)');
}

/** The previous run of the same document and the edit since: lets unaffected chunks keep their findings. */
export interface PreviousRun {
  snapshot: LintSnapshot;
  edits: IncrementalEdit[];
}

function climb(node: Node | null, type: string): Node | null {
  let n = node;
  for (let i = 0; n && i < 6; i++) {
    if (n.type === type) return n;
    n = n.parent;
  }
  return null;
}


/** The first of `spans` (sorted, not overlapping) that ends after `pos`. */
function firstEndingAfter(spans: readonly { end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every node of one of `types`, in document order, by an explicit-stack cursor walk (deep nesting is fine). */
function everyNodeOf(root: Node, types: Set<string>, visit: (n: Node) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * `track`: record what each chunk's findings depend on, for reuse by the next run after an edit (editor
 * sessions); one-shot lints (the CLI) skip that bookkeeping.
 */
export function runRules(tree: Tree, text: string, queries: EngineQueries, rules: readonly PythonRule[], severityOf: (r: PythonRule) => Severity, previous?: PreviousRun, track = !!previous, options: EngineOptions = {}): EngineRun {
  const exhaustive = !!options.exhaustive;
  const phases = options.phases;
  const mark = phaseTimer(phases);
  const dispatch = new RuleDispatcher(options.strict ?? strictByDefault());
  const root = tree.rootNode;
  // Trigger tokens, `appliesTo` needles and the source words hot code is made of, in one pass (in text order).
  const scanner = scannerFor(rules);
  // One scan per top-level chunk (chunkScan.ts); after an edit, chunks it only moved keep their results, shifted.
  const chunks = topLevelChunks(root, text);
  const spans = chunks.map((c) => ({ start: c.start, end: c.end, isDef: c.isDef }));
  const prevSnap = previous?.snapshot;
  const moved = prevSnap ? movedChunks({ text: prevSnap.text, chunks: prevSnap.topChunks, starts: startsOf(prevSnap) }, previous!.edits, spans) : null;
  const scans: ChunkScan[] = [];
  if (moved && prevSnap!.scanKey === scanner.key) moved.forEach((j, i) => (scans[j] = prevSnap!.scans[i]));
  const occurrences: { at: number; tok: string }[] = [];
  /** Where data text can come from, in text order. */
  const sources: number[] = [];
  const present = new Set<string>();
  chunks.forEach((c, j) => {
    const scan = (scans[j] ??= scanChunk(scanner, text, c.start, c.end, root));
    for (const o of scan.occurrences) occurrences.push({ at: c.start + o.at, tok: o.tok });
    for (const s of scan.sources) sources.push(c.start + s);
    for (const w of scan.present) present.add(w);
  });
  mark('scan');
  const hints = exhaustive ? { arrays: true, csv: true } : { arrays: ARRAY_MODULES.some((w) => present.has(w)), csv: CSV_MODULES.some((w) => present.has(w)) };
  const facts = new FileFacts(root, text, queries.sites, hints, chunks);
  if (options.budget) {
    facts.questionBudget = options.budget.question;
    facts.fileBudget = options.budget.file;
  }
  if (!exhaustive && hints.arrays) facts.mayHoldTextColumns = mayHoldTextColumns(text);
  facts.tracking = track;
  const findings: Finding[] = [];
  // Cacheable rules report into the bucket of the candidate being visited (per read unit: a top-level chunk or a
  // class's header or member, FactCollection.units; in candidate order). Only editor sessions track units.
  if (track && moved) facts.useUnits(unitsAfterEdit(chunks, text, moved, prevSnap!.topChunks, prevSnap!.chunks));
  const units = track ? facts.units() : [];
  const buckets: Finding[][][] = units.map(() => []);
  // Cacheable findings outside any chunk, or when not tracking: still deduplicated, never reused.
  const untracked: Finding[] = [];
  let bucket: Finding[] = findings;
  const byType = new Map<VisitedType, { code: string; fn: (n: Node) => void; cacheable: boolean }[]>();
  const enders: { code: string; fn: () => void }[] = [];
  /** The candidate a cacheable rule is visiting (its reader), and those whose visits called ctx.untracked(). */
  let visiting = -1;
  const volatile = new Set<number>();
  const triggers: Trigger[] = [];
  const opTypes = new Set<string>();
  // Rules whose needles occur (most files lack most of them).
  const active = exhaustive ? rules : rules.filter((r) => !r.appliesTo || r.appliesTo.some((n) => present.has(needleWord(n))));
  for (const rule of active) {
    const sev = severityOf(rule);
    const visitors = dispatch.run(rule.meta.code, 'create', null, () =>
      rule.create({
        text,
        facts,
        severity: sev,
        report(r) {
          const range = r.range ?? (r.node ? rangeOf(r.node) : null);
          if (!range) return;
          const input = reportedInput(rule.meta.family, r.input, r.node, (n) => literalInputOf(facts, n));
          // The literal input is read from the syntax of the whole file (every call site of a function passing
          // the path: literalNames.ts), which the facts do not track: a finding that looked for one is evaluated
          // again after every edit, or an edit elsewhere would leave its input (its demotion) stale.
          if (visiting >= 0 && (r.input || (r.node && (rule.meta.family === 2 || rule.meta.family === 3)))) volatile.add(visiting);
          (rule.cacheable ? bucket : findings).push({ rule: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range, fixes: r.fixes ?? [], ...(r.scale ? { scale: r.scale } : {}), ...(input ? { input } : {}) });
        },
        untracked() {
          if (visiting >= 0) volatile.add(visiting);
        },
      }),
    );
    if (!visitors) continue;
    // (an `onEnd` the text gate does not know of could report in a file it left unparsed)
    if (visitors.onEnd && !rule.readsWholeFile && !dispatch.run(rule.meta.code, 'create', null, () => undeclaredEnd())) continue;
    for (const [k, fn] of Object.entries(visitors)) {
      if (k === 'onEnd') enders.push({ code: rule.meta.code, fn: fn as () => void });
      else {
        let list = byType.get(k as VisitedType);
        if (!list) byType.set(k as VisitedType, (list = []));
        list.push({ code: rule.meta.code, fn: fn as (n: Node) => void, cacheable: !!rule.cacheable && !visitors.onEnd });
      }
    }
    if (rule.triggers) triggers.push(...rule.triggers);
    for (const t of rule.sourceOps ?? []) opTypes.add(t);
  }

  mark('facts+create');
  // Candidates by span and type (one node each): operations kept from the previous run have no node until a rule
  // visits them (operatorScan.ts).
  const candidates: FoundOp[] = [];
  const byStart = new Map<number, FoundOp[]>();
  const addOp = (op: FoundOp) => {
    const same = byStart.get(op.start);
    if (!same) byStart.set(op.start, [op]);
    else if (same.some((o) => o.end === op.end && o.type === op.type)) return;
    else same.push(op);
    candidates.push(op);
  };
  const add = (n: Node | null) => {
    if (n) addOp({ at: n.startIndex, start: n.startIndex, end: n.endIndex, type: n.type, node: n });
  };
  // Only the triggers of rules that are running (the scan looked for every rule's tokens).
  const running = new Set(triggers);
  const needSources = opTypes.size > 0 || triggers.some((t) => t.where === 'sources');
  // Chunks the edit only moved keep what was found in their text last time: their scan (above), their calls here,
  // and per read unit their findings (below).
  let carried: (ChunkSummary | undefined)[] | undefined;
  if (moved) {
    carried = [];
    moved.forEach((j, i) => (carried![j] = previous!.snapshot.calls[i]));
  }
  const calls = new ChunkCalls(text, chunks, carried);
  let hot: { start: number; end: number }[] = [];
  if (needSources && sources.length) {
    // Functions reading module-level data text are hot too, from where they read it.
    const reads = globalReads(facts, text, taintedGlobals(facts, text, sources, calls));
    hot = hotRanges(facts, text, reads.length ? mergeSorted(sources, reads) : sources, calls);
  }
  mark('hot');
  const inHot = (pos: number) => indexOfRangeAt(hot, pos) >= 0;
  // Hot ranges only exist when a running rule asked for them; without them every call site counts (as in
  // exhaustive mode), or a parameter fed data at its call sites would look unknown (`--select MW401`).
  facts.hotTest = needSources ? inHot : () => true;
  if (exhaustive) {
    hot = [{ start: 0, end: text.length }];
    facts.hotTest = () => true;
    everyNodeOf(root, new Set(byType.keys()), add);
  } else if (running.size) {
    for (const { at, tok } of occurrences) {
      let node: Node | null | undefined;
      let hotChecked: boolean | undefined;
      for (const t of scanner.byToken.get(tok) ?? []) {
        if (!running.has(t)) continue;
        if (t.where === 'sources' && !(hotChecked ??= inHot(at))) continue;
        if (!triggerTextMatches(t, text, at, tok)) continue;
        if (node === undefined) {
          // UTF-16 units here (unlike query ranges); from the enclosing definition when inside one (see below)
          const chunk = facts.chunkAt(at);
          node = (chunk && chunk.isDef && at > chunk.start && at < chunk.end ? chunk.node : root).descendantForIndex(at);
        }
        add(climb(node, t.type));
      }
    }
  }
  mark('triggers');
  let ops: (ChunkOps | undefined)[] = [];
  if (!exhaustive && opTypes.size) {
    const carriedOps: (ChunkOps | undefined)[] = [];
    if (moved) moved.forEach((j, i) => (carriedOps[j] = prevSnap!.ops[i]));
    ops = operatorsInHotCode(root, text, chunks, (pos) => facts.chunkIndexAt(pos), hot, opTypes, carriedOps, addOp);
  }
  mark('operators');
  const ordered = candidates.sort((a, b) => a.start - b.start);
  // Per read unit: the candidates and hot code it has (reuse needs both unchanged).
  const chunkOf = track ? ordered.map((n) => facts.unitIndexAt(n.start)) : [];
  /** Each candidate's index among its unit's candidates (its reader and bucket; readLog.ts). */
  const indexInChunk: number[] = [];
  const candSigs = units.map(() => '');
  const perChunk = units.map(() => 0);
  ordered.forEach((n, k) => {
    const ci = track ? chunkOf[k] : -1;
    if (ci < 0) return;
    candSigs[ci] += `${n.start - units[ci].start}${n.type.charAt(0)},`;
    indexInChunk[k] = perChunk[ci]++;
  });
  const hotSigs = units.map(() => '');
  if (track) for (const h of hot) {
    for (let ci = firstEndingAfter(units, h.start); ci < units.length && units[ci].start < h.end; ci++) {
      const c = units[ci];
      if (c.end > h.start) hotSigs[ci] += `${Math.max(h.start, c.start) - c.start}-${Math.min(h.end, c.end) - c.start},`;
    }
  }
  const key = `${active.map((r) => r.meta.code).join(',')}|${facts.fileLevelKey()}`;
  const unitSpans = units.map((u) => ({ start: u.start, end: u.end, isDef: u.isDef, header: u.header }));
  const current = { text, key, chunks: unitSpans, topChunks: spans, candSigs, hotSigs } as Omit<LintSnapshot, 'reads' | 'buckets' | 'calls' | 'volatile' | 'scans' | 'scanKey' | 'ops'>;
  // This text's line starts, from the previous ones moved by the edit (the reuse check and the next edit ask them).
  if (prevSnap && track && previous!.edits.length === 1) current.starts = startsAfterEdit(prevSnap, previous!.edits[0], text);
  const unitsMoved = prevSnap ? movedChunks(prevSnap, previous!.edits, unitSpans) : null;
  mark('signatures');
  const trivia = prevSnap ? triviaEdit(root, prevSnap.text, text, previous!.edits) : null;
  const reuse = prevSnap ? reusableChunks(prevSnap, previous!.edits, current, unitsMoved, trivia) : null;
  mark('reuse');

  for (let k = 0; k < ordered.length; k++) {
    const cand = ordered[k];
    const list = byType.get(cand.type as VisitedType);
    if (!list) continue;
    const ci = track ? chunkOf[k] : -1;
    const kc = ci >= 0 ? indexInChunk[k] : -1;
    const reused = ci >= 0 && reuse?.findings[ci]?.[kc] !== undefined;
    for (const { code, fn, cacheable } of list) {
      if (cacheable && reused) continue;
      const node = (cand.node ??= opNode(root, facts.chunkAt(cand.at), cand.at)!);
      // Facts read while answering a cacheable rule are charged to this candidate.
      visiting = cacheable && ci >= 0 && track ? candidateReader(ci, kc) : -1;
      facts.setReader(visiting);
      bucket = cacheable && ci >= 0 ? (buckets[ci][kc] ??= []) : cacheable ? untracked : findings;
      // A rule bug on one odd node must not lose the other findings, nor look like clean code (ruleDispatch.ts).
      dispatch.run(code, 'visit', node, () => fn(node));
      if (phases) {
        mark(`rule:${code}${cacheable ? '*' : ''}`);
        if (cacheable) phases.set(`evaluated:${code}`, (phases.get(`evaluated:${code}`) ?? 0) + 1);
      }
    }
  }
  facts.setReader(-1);
  visiting = -1;
  bucket = findings;
  for (const { code, fn } of enders) dispatch.run(code, 'end', null, fn);
  mark('enders');
  if (phases) {
    // Counts, not times: the largest question's uncached evaluations, and the questions cut by a budget.
    phases.set('work:max-question', Math.max(phases.get('work:max-question') ?? 0, facts.maxQuestionWork));
    phases.set('work:budget-cuts', (phases.get('work:budget-cuts') ?? 0) + facts.budgetCuts);
  }
  const reads = facts.reads;
  if (reuse) {
    reuse.findings.forEach((found, ci) => found.forEach((list, kc) => list && (buckets[ci][kc] = list)));
    // What reused findings depend on, renumbered; merged into this run's reads of the same reader (reuse.ts).
    reuse.reads.forEach((r, reader) => {
      const fresh = reads.get(reader);
      if (!fresh) reads.set(reader, r);
      else for (const key of ['chunks', 'readers', 'regexes', 'probes', 'names'] as const) for (const x of r[key] as Set<unknown>) (fresh[key] as Set<unknown>).add(x);
    });
  }
  // Cacheable rules may report one range from several uses (MW201 at its reader): the first, in document
  // order, stands.
  const seen = new Set<string>();
  const out: Finding[] = [];
  const keep = (list: readonly Finding[] | undefined) => {
    if (!list) return;
    for (const f of list) {
      const id = `${f.rule}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(f);
    }
  };
  // (buckets are sparse: plain loops, no copy of every candidate's list per keystroke)
  for (const b of buckets) for (let k = 0; k < b.length; k++) keep(b[k]);
  keep(untracked);
  out.push(...findings);
  out.sort(
    (a, b) =>
      a.range.startLine - b.range.startLine ||
      a.range.startColumn - b.range.startColumn ||
      a.rule.localeCompare(b.rule) ||
      a.range.endLine - b.range.endLine ||
      a.range.endColumn - b.range.endColumn ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  mark('merge');
  const snapshot: LintSnapshot | undefined = track ? { ...current, reads, buckets, calls: calls.snapshot(), volatile, scans, scanKey: scanner.key, ops } : undefined;
  return { findings: out, facts, snapshot, reused: reuse?.chunks ?? 0, reusedCandidates: reuse?.candidates ?? 0, failures: dispatch.failures };
}
