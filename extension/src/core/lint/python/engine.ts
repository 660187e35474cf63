// Runs the Python rules over one tree. Querying or walking every node costs about as much as the parse,
// so candidates are found from the text: each rule names regex triggers (tokens such as `readlines`),
// and operator-heavy rules (MW1xx/MW2xx) only look inside top-level chunks that hold a text source.
// Facts (scopes, bindings) are collected per chunk on first question.
import type { Node, Tree } from 'web-tree-sitter';
import type { Finding, IncrementalEdit, Severity } from '../types';
import { reusableChunks, type LintSnapshot } from './reuse';
import { FileFacts, type QueryLike } from './facts/fileFacts';
import type { PythonRule, PythonVisitors, Trigger, VisitedType } from './ruleContext';
import { rangeOf } from './syntax';

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

/** Tokens that introduce data text; a chunk without them cannot produce MW1xx/MW2xx findings. */
export const SOURCE_RE =
  /\bcsv\b|\bDictReader\b|\.\s*r?split\s*\(|\.\s*r?partition\s*\(|\breadlines?\s*\(|\binput\s*\(|\bargv\b|\benviron\b|\bgetenv\b|\.\s*group(?:s|dict)?\s*\(|\bread_(?:csv|table)\b|\bstdin\b|\bfindall\b|\bloadtxt\b|\bgenfromtxt\b|\bread_text\b|\bsplitlines\b|\bfileinput\b|\b(?:np|numpy)\.(?:as)?array\b|\bopen\s*\(|\.\s*(?:search|match|fullmatch)\s*\(/;

export interface EngineQueries {
  sites: QueryLike;
}

export interface EngineRun {
  findings: Finding[];
  facts: FileFacts;
  /** For the next run after an edit (see reuse.ts); only when tracking. */
  snapshot?: LintSnapshot;
  /** How many chunks took their findings from the previous run. */
  reused: number;
}

/** The previous run of the same document and the edit since: lets unaffected chunks keep their findings. */
export interface PreviousRun {
  snapshot: LintSnapshot;
  edits: IncrementalEdit[];
}

// The same alternatives as SOURCE_RE in two scans: the `.method(` ones and the words. Each is faster alone
// than their union (V8 can skip ahead to a '.' in the first).
const SOURCE_DOT_SCAN = /\.\s*(?:r?split|r?partition|group(?:s|dict)?|search|match|fullmatch)\s*\(/g;
const SOURCE_WORD_SCAN = /\b(?:csv|DictReader|argv|environ|getenv|read_(?:csv|table)|stdin|findall|loadtxt|genfromtxt|read_text|splitlines|fileinput|(?:np|numpy)\.(?:as)?array)\b|\b(?:readlines?|input|open)\s*\(/g;

/** SOURCE_WORD_SCAN's alternatives after its `\b`, for the engine's combined scan (see tokenScanner). */
const SOURCE_WORD_ALTS = String.raw`(?:csv|DictReader|argv|environ|getenv|read_(?:csv|table)|stdin|findall|loadtxt|genfromtxt|read_text|splitlines|fileinput|(?:np|numpy)\.(?:as)?array)\b|(?:readlines?|input|open)\s*\(`;

/** Sorted positions of SOURCE_RE's matches; `words`: SOURCE_WORD_SCAN's, when already found. */
function sourcePositions(text: string, words?: number[]): number[] {
  const out: number[] = [];
  SOURCE_DOT_SCAN.lastIndex = 0;
  for (let m = SOURCE_DOT_SCAN.exec(text); m; m = SOURCE_DOT_SCAN.exec(text)) out.push(m.index);
  const dots = out.length;
  if (words) out.push(...words);
  else {
    SOURCE_WORD_SCAN.lastIndex = 0;
    for (let m = SOURCE_WORD_SCAN.exec(text); m; m = SOURCE_WORD_SCAN.exec(text)) out.push(m.index);
  }
  if (dots && out.length > dots) out.sort((a, b) => a - b);
  return out;
}

/** A class chunk (possibly decorated)? */
function isClassChunk(c: { node: Node; start: number }, text: string): boolean {
  // A definition chunk starts with `class`, `def`/`async` or a decorator: only a decorated one needs the tree.
  const ch = text.charCodeAt(c.start);
  if (ch !== 64 /* @ */) return ch === 99 /* c */;
  const n = c.node.type === 'decorated_definition' ? c.node.childForFieldName('definition') : c.node;
  return n?.type === 'class_definition';
}

/**
 * Ranges of code that hold data text: top-level chunks containing a source token, those calling a hot
 * top-level function, and inside classes only the hot methods (plus methods reading attributes or calling
 * methods of hot ones). Everything else cannot produce MW1xx/MW2xx findings.
 */
export function hotRanges(facts: FileFacts, text: string, sourceWords?: number[]): { start: number; end: number }[] {
  const positions = sourcePositions(text, sourceWords);
  if (!positions.length) return [];
  const chunks = facts.chunks();
  const hot = chunks.map(() => false);
  let ci = 0;
  for (const p of positions) {
    while (ci < chunks.length && chunks[ci].end <= p) ci++;
    if (ci < chunks.length && chunks[ci].start <= p) hot[ci] = true;
  }
  // Data flows through calls both ways: callers of a hot function get its return value, and functions a
  // hot chunk calls may get data as arguments. One scan finds which top-level functions each chunk calls.
  const defNames = chunks.map((c) => {
    if (!c.isDef) return null;
    const n = c.node.type === 'decorated_definition' ? c.node.childForFieldName('definition') : c.node;
    return n?.childForFieldName('name')?.text ?? null;
  });
  const byName = new Map<string, number>();
  defNames.forEach((n, i) => {
    if (n && !byName.has(n)) byName.set(n, i);
  });
  if (byName.size) {
    const chunkOf = (pos: number) => {
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (pos < chunks[mid].start) hi = mid - 1;
        else if (pos >= chunks[mid].end) lo = mid + 1;
        else return mid;
      }
      return -1;
    };
    // Return values flow up to every caller, transitively: search calls of the hot functions only.
    let fresh = defNames.filter((n, i): n is string => !!n && hot[i]);
    for (let round = 0; fresh.length && round < 6; round++) {
      const next: string[] = [];
      const re = new RegExp(`\\b(?:${fresh.join('|')})[ \\t]*\\(`, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (text.charCodeAt(m.index - 1) === 46 /* . */) continue;
        const i = chunkOf(m.index);
        if (i >= 0 && !hot[i]) {
          hot[i] = true;
          if (defNames[i]) next.push(defNames[i]!);
        }
      }
      fresh = next;
    }
    // Arguments flow one level down from hot functions and module code (`report(load(path))`); classes are
    // left out because their many helper calls would make most of a library hot.
    const down: number[] = [];
    const callRe = /\b(\w+)[ \t]*\(/g;
    chunks.forEach((c, i) => {
      if (!hot[i] || (c.isDef && isClassChunk(c, text))) return;
      callRe.lastIndex = c.start;
      for (let m = callRe.exec(text); m && m.index < c.end; m = callRe.exec(text)) {
        const j = byName.get(m[1]);
        if (j !== undefined && j !== i && text.charCodeAt(m.index - 1) !== 46) down.push(j);
      }
    });
    for (const j of down) hot[j] = true;
  }
  const out: { start: number; end: number }[] = [];
  chunks.forEach((c, i) => {
    if (!hot[i]) return;
    if (!c.isDef || !isClassChunk(c, text)) {
      out.push(c);
      return;
    }
    // A class: split into method segments at indented `def`/decorator lines.
    const body = text.slice(c.start, c.end);
    const starts = [0];
    const re = /\n[ \t]+(?:@|(?:async[ \t]+)?def\b)/g;
    let prevDecorator = false;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const isDecorator = m[0].trimStart().startsWith('@');
      if (!prevDecorator) starts.push(m.index + 1);
      prevDecorator = isDecorator;
    }
    const segs = starts.map((s0, k) => ({ start: c.start + s0, end: k + 1 < starts.length ? c.start + starts[k + 1] : c.end }));
    const segHot = segs.map((g) => hasPosition(positions, g.start, g.end));
    // Attributes each segment reads (`self.x`), found once and only for segments that are not hot yet;
    // hotness spreads to segments reading what hot segments assign (`self.x = …`, `self.x.append(…)`) or
    // calling hot methods.
    const reads: (Set<string> | undefined)[] = [];
    const readsOf = (k: number): Set<string> => {
      let set = reads[k];
      if (!set) {
        set = new Set<string>();
        const re = /self\.(\w+)/g;
        re.lastIndex = segs[k].start;
        for (let m = re.exec(text); m && m.index < segs[k].end; m = re.exec(text)) set.add(m[1]);
        reads[k] = set;
      }
      return set;
    };
    const exported: (string[] | undefined)[] = [];
    const exportsOf = (k: number): string[] => {
      let list = exported[k];
      if (!list) {
        list = [];
        const seg = text.slice(segs[k].start, segs[k].end);
        const def = /def\s+(\w+)/.exec(seg);
        if (def) list.push(def[1]);
        const attrRe = /self\.(\w+)\s*(?:=[^=]|\.\s*(?:append|extend|insert)\s*\()/g;
        for (let m = attrRe.exec(seg); m; m = attrRe.exec(seg)) list.push(m[1]);
        exported[k] = list;
      }
      return list;
    };
    for (let round = 0; round < 3; round++) {
      const names = new Set<string>();
      segs.forEach((_, k) => {
        if (segHot[k]) for (const n of exportsOf(k)) names.add(n);
      });
      if (!names.size) break;
      let changed = false;
      segs.forEach((_, k) => {
        if (segHot[k]) return;
        for (const n of readsOf(k)) {
          if (names.has(n)) {
            segHot[k] = true;
            changed = true;
            break;
          }
        }
      });
      if (!changed) break;
    }
    segs.forEach((g, k) => {
      if (segHot[k]) out.push(g);
    });
  });
  return out;
}

/** Is any of the sorted positions inside [start, end)? */
function hasPosition(sorted: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < end;
}

interface NeedleScan {
  re: RegExp;
  needles: string[];
  /** For each needle, the needles whose match could overlap its start (a suffix of theirs is a prefix of it). */
  straddlers: Map<string, string[]>;
}

const needleScans = new Map<string, NeedleScan>();

function needleScan(needles: string[]): NeedleScan {
  const key = needles.join('\u0000');
  let scan = needleScans.get(key);
  if (!scan) {
    const sorted = [...needles].sort((a, b) => b.length - a.length);
    const straddlers = new Map<string, string[]>();
    for (const n of needles) {
      const list = needles.filter((y) => y !== n && [...Array(Math.min(y.length, n.length)).keys()].some((k) => k > 0 && k < n.length && y.endsWith(n.slice(0, k))));
      if (list.length) straddlers.set(n, list);
    }
    scan = { re: new RegExp(sorted.map(escapeRe).join('|'), 'g'), needles, straddlers };
    needleScans.set(key, scan);
  }
  return scan;
}

/**
 * Rules whose `appliesTo` needles occur in the text. One regex pass finds them all (most files lack most
 * needles, and a failed `includes` reads the whole text each time); a needle hidden inside a longer match is
 * found as a substring of it, and one that could straddle another's match is checked directly.
 */
function applicableRules(rules: readonly PythonRule[], text: string): PythonRule[] {
  const needles = [...new Set(rules.flatMap((r) => r.appliesTo ?? []))];
  if (!needles.length) return [...rules];
  const scan = needleScan(needles);
  const found = new Set<string>();
  scan.re.lastIndex = 0;
  for (let m = scan.re.exec(text); m && found.size < needles.length; m = scan.re.exec(text)) found.add(m[0]);
  const present = new Map<string, boolean>();
  const has = (n: string): boolean => {
    let b = present.get(n);
    if (b === undefined) {
      b = found.has(n) || [...found].some((y) => y.includes(n)) || (!!scan.straddlers.get(n)?.some((y) => found.has(y)) && text.includes(n));
      present.set(n, b);
    }
    return b;
  };
  return rules.filter((rule) => !rule.appliesTo || rule.appliesTo.some(has));
}

function climb(node: Node | null, type: string): Node | null {
  let n = node;
  for (let i = 0; n && i < 6; i++) {
    if (n.type === type) return n;
    n = n.parent;
  }
  return null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex for every token of every enabled trigger: the text is scanned once. */
function tokenScanner(triggers: Trigger[]): { re: RegExp; byToken: Map<string, Trigger[]> } | null {
  // `re` also finds SOURCE_WORD_SCAN's matches (group 1, tried first): one pass over the text instead of two.
  // A source match hides the trigger words inside it (`readlines`, `np.array`'s `array`); the engine checks those.
  const byToken = new Map<string, Trigger[]>();
  for (const t of triggers) {
    for (const tok of t.tokens) {
      let list = byToken.get(tok);
      if (!list) byToken.set(tok, (list = []));
      list.push(t);
    }
  }
  if (!byToken.size) return null;
  const toks = [...byToken.keys()].sort((a, b) => b.length - a.length);
  const words = toks.filter((t) => /^\w+$/.test(t));
  const symbols = toks.filter((t) => !/^\w+$/.test(t)).map(escapeRe);
  const parts = [`\\b(?:(${SOURCE_WORD_ALTS})${words.length ? `|(?:${words.join('|')})\\b` : ''})`, ...symbols];
  return { re: new RegExp(parts.join('|'), 'g'), byToken };
}

const scanners = new Map<string, ReturnType<typeof tokenScanner>>();

/**
 * `track`: record what each chunk's findings depend on, for reuse by the next run after an edit (editor
 * sessions); one-shot lints (the CLI) skip that bookkeeping.
 */
export function runRules(tree: Tree, text: string, queries: EngineQueries, rules: readonly PythonRule[], severityOf: (r: PythonRule) => Severity, previous?: PreviousRun, track = !!previous): EngineRun {
  const root = tree.rootNode;
  const facts = new FileFacts(root, text, queries.sites);
  facts.tracking = track;
  const findings: Finding[] = [];
  // Cacheable rules report into the bucket of the chunk whose candidate is being visited.
  const chunks = facts.chunks();
  const buckets: Finding[][] = chunks.map(() => []);
  // Cacheable findings outside any chunk, or when not tracking: still deduplicated, never reused.
  const untracked: Finding[] = [];
  let bucket: Finding[] = findings;
  const byType = new Map<VisitedType, { fn: (n: Node) => void; cacheable: boolean }[]>();
  const enders: (() => void)[] = [];
  const triggers: Trigger[] = [];
  const opTypes = new Set<string>();
  const active = applicableRules(rules, text);
  for (const rule of active) {
    const sev = severityOf(rule);
    let visitors: PythonVisitors;
    try {
      visitors = rule.create({
        text,
        facts,
        severity: sev,
        report(r) {
          const range = r.range ?? (r.node ? rangeOf(r.node) : null);
          if (!range) return;
          (rule.cacheable ? bucket : findings).push({ rule: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range, fixes: r.fixes ?? [] });
        },
      });
    } catch {
      continue;
    }
    for (const [k, fn] of Object.entries(visitors)) {
      if (k === 'onEnd') enders.push(fn as () => void);
      else {
        let list = byType.get(k as VisitedType);
        if (!list) byType.set(k as VisitedType, (list = []));
        list.push({ fn: fn as (n: Node) => void, cacheable: !!rule.cacheable && !visitors.onEnd });
      }
    }
    if (rule.triggers) triggers.push(...rule.triggers);
    for (const t of rule.sourceOps ?? []) opTypes.add(t);
  }

  const candidates = new Map<number, Node>();
  const add = (n: Node | null) => {
    if (n && !candidates.has(n.id)) candidates.set(n.id, n);
  };
  const scannerKey = active.map((r) => r.meta.code).join(',');
  let scanner = scanners.get(scannerKey);
  if (scanner === undefined) scanners.set(scannerKey, (scanner = tokenScanner(triggers)));
  // Trigger tokens, and the source words hot code is made of, in one pass (in text order).
  const occurrences: { at: number; tok: string }[] = [];
  let sourceWords: number[] | undefined;
  if (scanner) {
    sourceWords = [];
    const re = scanner.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const src = m[1];
      if (src === undefined) {
        occurrences.push({ at: m.index, tok: m[0] });
        continue;
      }
      sourceWords.push(m.index);
      const dot = src.indexOf('.'); // `np.array`: two words
      const first = dot > 0 ? src.slice(0, dot) : /^\w+/.exec(src)![0];
      if (scanner.byToken.has(first)) occurrences.push({ at: m.index, tok: first });
      if (dot > 0 && scanner.byToken.has(src.slice(dot + 1))) occurrences.push({ at: m.index + dot + 1, tok: src.slice(dot + 1) });
    }
  }
  const needSources = opTypes.size > 0 || triggers.some((t) => t.where === 'sources');
  const hot = needSources ? hotRanges(facts, text, sourceWords) : [];
  const inHot = (pos: number) => {
    let lo = 0;
    let hi = hot.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < hot[mid].start) hi = mid - 1;
      else if (pos >= hot[mid].end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  facts.hotTest = inHot;
  if (scanner) {
    for (const { at, tok } of occurrences) {
      let node: Node | null | undefined;
      let hotChecked: boolean | undefined;
      for (const t of scanner.byToken.get(tok) ?? []) {
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
  if (opTypes.size) {
    // Operators inside hot code, found by their token: cheaper than a query over those subtrees.
    const opRe = /\*\*|\/\/|[-+*]=|[=!<>]=|[-+*\/%<>]/g;
    for (const c of hot) {
      // Descend from the definition holding this code, not from the root (whose statements a descent scans
      // one by one): an index strictly inside a top-level node has the same descendant from either.
      const chunk = facts.chunkAt(c.start);
      const from = chunk && chunk.isDef ? chunk.node : root;
      opRe.lastIndex = c.start;
      for (let m = opRe.exec(text); m && m.index < c.end; m = opRe.exec(text)) {
        // `*args`, `**kw`, `-1`, `+x` right after `(`, `,`, `[`, `{`, `=` or `:` on the same line have no left
        // operand: a splat or a unary operator, never an operation rules visit (nothing to ask the tree).
        if (m[0].length === 1 || m[0] === '**') {
          const ch = m[0].charCodeAt(0);
          if (ch === 42 /* * */ || ch === 45 /* - */ || ch === 43 /* + */) {
            let k = m.index - 1;
            while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
            const prev = k >= 0 ? text.charCodeAt(k) : 10;
            if (prev === 40 /* ( */ || prev === 44 /* , */ || prev === 91 /* [ */ || prev === 123 /* { */ || prev === 61 /* = */ || prev === 58 /* : */) continue;
          }
        }
        // The smallest named node around an operator token is its operation (one call, and a `-` inside a
        // comment or string yields that comment or string instead).
        const op = (from !== root && m.index > chunk!.start && m.index < chunk!.end ? from : root).namedDescendantForIndex(m.index);
        if (op && opTypes.has(op.type) && !candidates.has(op.id)) candidates.set(op.id, op);
      }
    }
  }

  const ordered = [...candidates.values()].sort((a, b) => a.startIndex - b.startIndex);
  // Per chunk: the candidates and hot code it has (reuse needs both unchanged).
  const chunkOf = track ? ordered.map((n) => facts.chunkIndexAt(n.startIndex)) : [];
  const candSigs = chunks.map(() => '');
  ordered.forEach((n, k) => {
    const ci = track ? chunkOf[k] : -1;
    if (ci >= 0) candSigs[ci] += `${n.startIndex - chunks[ci].start}${n.type.charAt(0)},`;
  });
  const hotSigs = chunks.map(() => '');
  if (track) for (const h of hot) {
    for (let ci = Math.max(0, facts.chunkIndexAt(h.start)); ci < chunks.length && chunks[ci].start < h.end; ci++) {
      const c = chunks[ci];
      if (c.end > h.start) hotSigs[ci] += `${Math.max(h.start, c.start) - c.start}-${Math.min(h.end, c.end) - c.start},`;
    }
  }
  const key = scannerKey;
  const spans = chunks.map((c) => ({ start: c.start, end: c.end, isDef: c.isDef }));
  const reuse = previous ? reusableChunks(previous.snapshot, previous.edits, { text, key, chunks: spans, candSigs, hotSigs }) : null;

  for (let k = 0; k < ordered.length; k++) {
    const node = ordered[k];
    const list = byType.get(node.type as VisitedType);
    if (!list) continue;
    const ci = track ? chunkOf[k] : -1;
    const reused = ci >= 0 && !!reuse?.findings.has(ci);
    for (const { fn, cacheable } of list) {
      if (cacheable && reused) continue;
      // Facts read while answering a cacheable rule are charged to this chunk.
      facts.setReader(cacheable ? ci : -1);
      bucket = cacheable && ci >= 0 ? buckets[ci] : cacheable ? untracked : findings;
      try {
        fn(node);
      } catch {
        // a rule bug on one odd node must not lose the other findings
      }
    }
  }
  facts.setReader(-1);
  bucket = findings;
  for (const end of enders) {
    try {
      end();
    } catch {
      // same as above
    }
  }
  const reads = facts.reads;
  if (reuse) {
    for (const [ci, list] of reuse.findings) buckets[ci] = list;
    for (const [ci, r] of reuse.reads) reads.set(ci, r);
  }
  // Cacheable rules may report one range from several uses (MW201 at its reader): the first, in document
  // order, stands.
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const list of [...buckets, untracked]) {
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
  const snapshot: LintSnapshot | undefined = track ? { text, key, chunks: spans, candSigs, hotSigs, reads, buckets } : undefined;
  return { findings: out, facts, snapshot, reused: reuse?.findings.size ?? 0 };
}
