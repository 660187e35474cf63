// Runs the Python rules over one tree. Querying or walking every node costs about as much as the parse,
// so candidates are found from the text: one scan (stepping over comments and strings) finds each rule's
// trigger tokens (such as `readlines`), its `appliesTo` words and the data-text sources, and operator-heavy
// rules (MW1xx/MW2xx) only look inside top-level chunks that hold a source (candidateScan.ts, hotCode.ts). Facts
// (scopes, bindings) are collected per chunk on first question. Exhaustive mode skips that fast path and visits
// every node; a test proves both give the same findings. Every call into a rule goes through ruleDispatch.ts.
import { indexOfRangeAt } from '../rangeSearch';
import type { Node, Tree } from 'web-tree-sitter';
import type { Finding, IncrementalEdit, Severity } from '../types';
import { movedChunks, reusableChunks, type LintSnapshot } from './reuse';
import { candidateReader, chunkReader } from './facts/readLog';
import { ChunkCalls, type ChunkSummary } from './chunkCalls';
import { FileFacts, type QueryLike } from './facts/fileFacts';
import { mayHoldTextColumns } from './facts/callFacts';
import { FSTRING_OPERATOR, isFString, needleWord, OPERATOR_SCAN, opensText, scanners, tokenScanner } from './candidateScan';
import { globalReads, hotRanges, mergeSorted, taintedGlobals } from './hotCode';
import { RuleDispatcher, strictByDefault, type RuleFailure } from './ruleDispatch';
import type { PythonRule, Trigger, VisitedType } from './ruleContext';
import { rangeOf } from './syntax';
import { ARRAY_MODULES, CSV_MODULES, functionsEvaluatedAs, lastWords } from './library/derived';

/** The word of open() and its module spellings (`io.open`): a source token that is a call of one opens a file (library model). */
const OPEN_WORDS = lastWords(functionsEvaluatedAs('open-file'));

/** Scopes and binding sites; run per chunk by FileFacts. */
export const SITES_QUERY = `
(function_definition) @scope.function
(class_definition) @scope.class
(lambda) @scope.lambda
[(list_comprehension) (generator_expression) (set_comprehension) (dictionary_comprehension)] @scope.comp
(assignment) @site.assignment
(augmented_assignment) @site.augmented_assignment
(for_statement) @site.for_statement
(for_in_clause) @site.for_in_clause
(named_expression) @site.named_expression
(with_item) @site.with_item
(return_statement) @return
(yield) @yield
`;

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


/**
 * Where the f-string whose quote is at `quote` ends, from the tree (the scan's regex ended it at `scanned`): a
 * Python 3.12 f-string may reuse its quote inside `{…}`. Never earlier than `scanned`, so the scan always moves on.
 */
function fStringEnd(root: Node, text: string, quote: number, scanned: number): number {
  // Only a literal the regex ended inside `{…}` can be longer (a reused quote); balanced braces need no tree.
  let open = 0;
  for (let i = quote + 1; i < scanned - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) open += text.charCodeAt(i + 1) === 123 ? (i++, 0) : 1;
    else if (c === 125 /* } */ && open > 0) open--;
  }
  if (open === 0) return scanned;
  let n: Node | null = root.descendantForIndex(quote);
  for (let i = 0; n && i < 4 && n.type !== 'string'; i++) n = n.parent;
  return n && n.type === 'string' && n.endIndex > scanned ? n.endIndex : scanned;
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
  const dispatch = new RuleDispatcher(options.strict ?? strictByDefault());
  const root = tree.rootNode;
  // Trigger tokens, `appliesTo` needles and the source words hot code is made of, in one pass (in text order).
  const scannerKey = rules.map((r) => r.meta.code).join(',');
  let scanner = scanners.get(scannerKey);
  if (!scanner) scanners.set(scannerKey, (scanner = tokenScanner(rules)));
  const occurrences: { at: number; tok: string }[] = [];
  /** Where data text can come from, in text order. */
  const sources: number[] = [];
  const present = new Set<string>();
  {
    const { re, inner, byToken, needles } = scanner;
    /** One match of `re` (g = 2: its groups 3 and 4 are the source groups) or of `inner` (g = 0). */
    const take = (m: RegExpExecArray, at: number, g: number) => {
      const dotSrc = m[g + 2];
      if (dotSrc !== undefined) {
        // `.split(`: a source, and the method name may be a trigger token too.
        sources.push(at);
        const name = /\w+/.exec(dotSrc)!;
        if (byToken.has(name[0])) occurrences.push({ at: at + name.index, tok: name[0] });
        return;
      }
      const src = m[g + 1];
      if (src === undefined) {
        const tok = m[0];
        if (byToken.has(tok)) occurrences.push({ at, tok });
        if (needles.has(tok)) present.add(tok);
        return;
      }
      // `open(` is a source only when it opens text for reading (a word match ends in `(`).
      if (src.charCodeAt(src.length - 1) !== 40 /* ( */ || !OPEN_WORDS.some((w) => src.startsWith(w)) || opensText(text, at)) sources.push(at);
      const dot = src.indexOf('.'); // `np.array`: two words
      const first = dot > 0 ? src.slice(0, dot) : /^\w+/.exec(src)![0];
      if (byToken.has(first)) occurrences.push({ at, tok: first });
      if (needles.has(first)) present.add(first);
      if (dot > 0) {
        const second = src.slice(dot + 1);
        if (byToken.has(second)) occurrences.push({ at: at + dot + 1, tok: second });
        if (needles.has(second)) present.add(second);
      }
    };
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1] !== undefined) continue; // a comment
      const str = m[2];
      if (str === undefined) take(m, m.index, 2);
      else if (isFString(text, m.index)) {
        // The code inside an f-string's braces: its text is scanned as code (the words around it only cost time).
        // Since Python 3.12 the braces may reuse the quote (`f"{d["k"]}"`), which the regex cannot see: the
        // tree says where the literal really ends, and the scan resumes there.
        const whole = text.slice(m.index, (re.lastIndex = fStringEnd(root, text, m.index, re.lastIndex)));
        inner.lastIndex = 0;
        for (let n = inner.exec(whole); n; n = inner.exec(whole)) take(n, m.index + n.index, 0);
      }
    }
  }
  const hints = exhaustive ? { arrays: true, csv: true } : { arrays: ARRAY_MODULES.some((w) => present.has(w)), csv: CSV_MODULES.some((w) => present.has(w)) };
  const facts = new FileFacts(root, text, queries.sites, hints);
  if (!exhaustive && hints.arrays) facts.mayHoldTextColumns = mayHoldTextColumns(text);
  facts.tracking = track;
  const findings: Finding[] = [];
  // Cacheable rules report into the bucket of the candidate being visited (per chunk, in candidate order).
  const chunks = facts.chunks();
  const buckets: Finding[][][] = chunks.map(() => []);
  // Cacheable findings outside any chunk, or when not tracking: still deduplicated, never reused.
  const untracked: Finding[] = [];
  let bucket: Finding[] = findings;
  const byType = new Map<VisitedType, { code: string; fn: (n: Node) => void; cacheable: boolean }[]>();
  const enders: { code: string; fn: () => void }[] = [];
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
          (rule.cacheable ? bucket : findings).push({ rule: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range, fixes: r.fixes ?? [], ...(r.scale ? { scale: r.scale } : {}) });
        },
      }),
    );
    if (!visitors) continue;
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

  const candidates = new Map<number, Node>();
  const add = (n: Node | null) => {
    if (n && !candidates.has(n.id)) candidates.set(n.id, n);
  };
  // Only the triggers of rules that are running (the scan looked for every rule's tokens).
  const running = new Set(triggers);
  const needSources = opTypes.size > 0 || triggers.some((t) => t.where === 'sources');
  const spans = chunks.map((c) => ({ start: c.start, end: c.end, isDef: c.isDef }));
  // Chunks the edit only moved keep what was found in their text last time (their calls, their findings).
  const moved = previous ? movedChunks(previous.snapshot, previous.edits, spans) : null;
  let carried: (ChunkSummary | undefined)[] | undefined;
  if (moved) {
    carried = [];
    for (const [i, j] of moved) carried[j] = previous!.snapshot.calls[i];
  }
  const calls = new ChunkCalls(text, chunks, carried);
  let hot: { start: number; end: number }[] = [];
  if (needSources && sources.length) {
    // Functions reading module-level data text are hot too, from where they read it.
    const reads = globalReads(facts, text, taintedGlobals(facts, text, sources, calls));
    hot = hotRanges(facts, text, reads.length ? mergeSorted(sources, reads) : sources, calls);
  }
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
        if (t.after && !t.after.test(text.slice(at + tok.length, at + tok.length + 300))) continue;
        let before: RegExpExecArray | null = null;
        if (t.before) {
          // Only the current line before the token: `before` patterns are line-local and short slices keep them cheap.
          before = t.before.exec(text.slice(Math.max(0, at - 300, text.lastIndexOf('\n', at - 1) + 1), at));
          if (!before) continue;
        }
        if (t.filter && !t.filter(text, at, before)) continue;
        if (node === undefined) {
          // UTF-16 units here (unlike query ranges); from the enclosing definition when inside one (see below)
          const chunk = facts.chunkAt(at);
          node = (chunk && chunk.isDef && at > chunk.start && at < chunk.end ? chunk.node : root).descendantForIndex(at);
        }
        add(climb(node, t.type));
      }
    }
  }
  if (!exhaustive && opTypes.size) {
    // Operators inside hot code, found by their token: cheaper than a query over those subtrees. Most `-`, `%`,
    // `<` tokens of hot code are in docstrings and comments: the scan steps over those (see OPERATOR_SCAN).
    const re = OPERATOR_SCAN;
    let h = 0;
    while (h < hot.length) {
      // Scan from the start of the chunk holding this hot code (a statement boundary, so never inside a string)
      // through its last hot range: a class's hot methods are scanned with the class's text before them.
      const chunk = facts.chunkAt(hot[h].start);
      const scanFrom = chunk ? Math.min(chunk.start, hot[h].start) : hot[h].start;
      let last = h;
      while (last + 1 < hot.length && chunk && hot[last + 1].start < chunk.end) last++;
      const scanTo = hot[last].end;
      // Descend from the definition holding this code, not from the root (whose statements a descent scans
      // one by one): an index strictly inside a top-level node has the same descendant from either.
      const from = chunk && chunk.isDef ? chunk.node : root;
      const visit = (at: number, tok: string) => {
        while (h <= last && hot[h].end <= at) h++;
        if (h > last || at < hot[h].start) return;
        // `*args`, `**kw`, `-1`, `+x` right after `(`, `,`, `[`, `{`, `=` or `:` on the same line have no left
        // operand: a splat or a unary operator, never an operation rules visit (nothing to ask the tree).
        if (tok.length === 1 || tok === '**') {
          const ch = tok.charCodeAt(0);
          if (ch === 42 /* * */ || ch === 45 /* - */ || ch === 43 /* + */) {
            let k = at - 1;
            while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
            const prev = k >= 0 ? text.charCodeAt(k) : 10;
            if (prev === 40 /* ( */ || prev === 44 /* , */ || prev === 91 /* [ */ || prev === 123 /* { */ || prev === 61 /* = */ || prev === 58 /* : */) return;
          }
        }
        // The smallest named node around an operator token is its operation (one call; a token the scan could
        // not tell from code, say in an f-string's text, yields that string instead).
        const op = (from !== root && at > chunk!.start && at < chunk!.end ? from : root).namedDescendantForIndex(at);
        if (op && opTypes.has(op.type) && !candidates.has(op.id)) candidates.set(op.id, op);
      };
      re.lastIndex = scanFrom;
      for (let m = re.exec(text); m && m.index < scanTo; m = re.exec(text)) {
        if (m[3] !== undefined) visit(m.index, m[3]);
        else if (m[2] !== undefined && isFString(text, m.index)) {
          // An f-string's `{…}` parts are code: its operator tokens go to the tree like any other (to its real
          // end, see fStringEnd).
          const whole = text.slice(m.index, (re.lastIndex = fStringEnd(root, text, m.index, re.lastIndex)));
          FSTRING_OPERATOR.lastIndex = 0;
          for (let o = FSTRING_OPERATOR.exec(whole); o; o = FSTRING_OPERATOR.exec(whole)) visit(m.index + o.index, o[0]);
        }
      }
      h = last + 1;
    }
  }

  const ordered = [...candidates.values()].sort((a, b) => a.startIndex - b.startIndex);
  // Per chunk: the candidates and hot code it has (reuse needs both unchanged).
  const chunkOf = track ? ordered.map((n) => facts.chunkIndexAt(n.startIndex)) : [];
  /** Each candidate's index among its chunk's candidates (its reader and bucket; readLog.ts). */
  const indexInChunk: number[] = [];
  const candSigs = chunks.map(() => '');
  const perChunk = chunks.map(() => 0);
  ordered.forEach((n, k) => {
    const ci = track ? chunkOf[k] : -1;
    if (ci < 0) return;
    candSigs[ci] += `${n.startIndex - chunks[ci].start}${n.type.charAt(0)},`;
    indexInChunk[k] = perChunk[ci]++;
  });
  const hotSigs = chunks.map(() => '');
  if (track) for (const h of hot) {
    for (let ci = Math.max(0, facts.chunkIndexAt(h.start)); ci < chunks.length && chunks[ci].start < h.end; ci++) {
      const c = chunks[ci];
      if (c.end > h.start) hotSigs[ci] += `${Math.max(h.start, c.start) - c.start}-${Math.min(h.end, c.end) - c.start},`;
    }
  }
  const key = `${active.map((r) => r.meta.code).join(',')}|${facts.fileLevelKey()}`;
  const current = { text, key, chunks: spans, candSigs, hotSigs } as Omit<LintSnapshot, 'reads' | 'buckets' | 'calls'>;
  const reuse = previous ? reusableChunks(previous.snapshot, previous.edits, current, moved) : null;

  for (let k = 0; k < ordered.length; k++) {
    const node = ordered[k];
    const list = byType.get(node.type as VisitedType);
    if (!list) continue;
    const ci = track ? chunkOf[k] : -1;
    const kc = ci >= 0 ? indexInChunk[k] : -1;
    const reused = ci >= 0 && reuse?.findings.get(ci)?.[kc] !== undefined;
    for (const { code, fn, cacheable } of list) {
      if (cacheable && reused) continue;
      // Facts read while answering a cacheable rule are charged to this candidate.
      facts.setReader(cacheable && ci >= 0 ? candidateReader(ci, kc) : -1);
      bucket = cacheable && ci >= 0 ? (buckets[ci][kc] ??= []) : cacheable ? untracked : findings;
      // A rule bug on one odd node must not lose the other findings, nor look like clean code (ruleDispatch.ts).
      dispatch.run(code, 'visit', node, () => fn(node));
    }
  }
  facts.setReader(-1);
  bucket = findings;
  for (const { code, fn } of enders) dispatch.run(code, 'end', null, fn);
  const reads = facts.reads;
  if (reuse) {
    for (const [ci, found] of reuse.findings) found.forEach((list, kc) => list && (buckets[ci][kc] = list));
    for (const [reader, r] of reuse.reads) reads.set(reader, r);
    // What reused findings went through, kept as one more reader of each chunk they read (reuse.ts).
    for (const [ci, cl] of reuse.carried) {
      const fresh = reads.get(chunkReader(ci));
      if (!fresh) reads.set(chunkReader(ci), cl);
      else for (const key of ['chunks', 'readers', 'regexes', 'probes', 'names'] as const) for (const x of cl[key] as Set<unknown>) (fresh[key] as Set<unknown>).add(x);
    }
  }
  // Cacheable rules may report one range from several uses (MW201 at its reader): the first, in document
  // order, stands.
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const list of [...buckets.flatMap((b) => Array.from(b, (x) => x ?? [])), untracked]) {
    for (const f of list) {
      const id = `${f.rule}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(f);
    }
  }
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
  const snapshot: LintSnapshot | undefined = track ? { ...current, reads, buckets, calls: calls.snapshot() } : undefined;
  return { findings: out, facts, snapshot, reused: reuse?.chunks ?? 0, reusedCandidates: reuse?.candidates ?? 0, failures: dispatch.failures };
}
