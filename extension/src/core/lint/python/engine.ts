// Runs the Python rules over one tree. Querying or walking every node costs about as much as the parse,
// so candidates are found from the text: one scan (stepping over comments and strings) finds each rule's
// trigger tokens (such as `readlines`), its `appliesTo` words and the data-text sources, and operator-heavy
// rules (MW1xx/MW2xx) only look inside top-level chunks that hold a source. Facts (scopes, bindings) are
// collected per chunk on first question.
import type { Node, Tree } from 'web-tree-sitter';
import type { Finding, IncrementalEdit, Severity } from '../types';
import { reusableChunks, type LintSnapshot } from './reuse';
import { FileFacts, HINT_WORDS, type QueryLike } from './facts/fileFacts';
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

/**
 * Tokens that introduce data text (a chunk without them cannot produce MW1xx/MW2xx findings), as alternatives
 * of the engine's single scan (see tokenScanner): words after its `\b`, and `.method(` calls.
 */
const SOURCE_WORD_ALTS = String.raw`(?:csv|DictReader|argv|environ|getenv|read_(?:csv|table)|stdin|findall|loadtxt|genfromtxt|read_text|splitlines|fileinput|(?:np|numpy)\.(?:as)?array)\b|(?:readlines?|input|open)\s*\(`;
const SOURCE_DOT_ALTS = String.raw`\.\s*(?:r?split|r?partition|group(?:s|dict)?|search|match|fullmatch)\s*\(`;

/**
 * Whether the `open(` at `at` can give lines of text, decided from the text as FileFacts decides it from the tree
 * (openFact, callFact): the builtin, `io.open` or `codecs.open` with no mode or a literal read-text one,
 * `gzip`/`bz2`/`lzma.open` only with a `t` mode, `Path(…).open(…)` likewise. Any other `x.open(` (`os.open`,
 * `webbrowser.open`, `self.open`) is never data text. When the call cannot be read, it counts as a source.
 */
function opensText(text: string, at: number): boolean {
  let modeIndex = 1;
  let needT = false;
  if (text.charCodeAt(at - 1) === 46 /* . */) {
    const before = text.slice(Math.max(0, at - 40), at - 1);
    const recv = /(\w+)\s*$/.exec(before)?.[1];
    if (recv === 'gzip' || recv === 'bz2' || recv === 'lzma') needT = true;
    else if (recv === undefined && /\)\s*$/.test(before)) modeIndex = 0; // Path(p).open(mode)
    else if (recv !== 'io' && recv !== 'codecs') return false;
  }
  const args = callArguments(text, text.indexOf('(', at));
  if (!args) return true;
  const keyword = args.find((a) => /^mode\s*=/.test(a));
  const positional = args.filter((a) => !/^\w+\s*=(?!=)/.test(a) && !a.startsWith('*'));
  const modeText = keyword ? keyword.replace(/^mode\s*=\s*/, '') : positional[modeIndex];
  if (modeText === undefined) return !needT;
  const mode = /^[rRuUfF]{0,2}(['"])([^'"{\\]*)\1$/.exec(modeText)?.[2];
  if (mode === undefined || /[bwax]/.test(mode)) return false;
  return !needT || mode.includes('t');
}

/** The top-level arguments of the call whose `(` is at `paren`, trimmed; null when it does not close soon. */
function callArguments(text: string, paren: number): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = paren + 1;
  const end = Math.min(text.length, paren + 600);
  for (let i = paren + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      // a string argument: skip to its closing quote on the same line
      let k = i + 1;
      while (k < end && text.charCodeAt(k) !== c && text.charCodeAt(k) !== 10) k += text.charCodeAt(k) === 92 ? 2 : 1;
      if (text.charCodeAt(k) !== c) return null;
      i = k;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last) out.push(last);
        return out;
      }
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (c === 35 /* # */) return null;
  }
  return null;
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
 * Module-level names bound from data text by a top-level assignment: `PAGE_SIZE = os.environ.get(…)`,
 * `ROWS = list(csv.reader(open(p)))`, or `LIMIT = read_limit(…)` of an in-file function that has a source.
 * Functions and methods that read such a global hold data text without a source of their own. Only assignments
 * that are statements of the module itself count, not bindings inside a module-level `for`/`with`/`if` (`line`,
 * `f`, `m` there are everyday local names too), and only names of two characters or more: each name found makes
 * every definition that mentions it hot.
 */
function taintedGlobals(facts: FileFacts, text: string, sources: readonly number[]): Set<string> {
  const names = new Set<string>();
  const root = facts.rootNode;
  /** In-file functions with a source of their own: their results are data text too. */
  const readers = new Set<string>();
  for (const p of sources) {
    const chunk = facts.chunkAt(p);
    if (!chunk) continue;
    if (chunk.isDef) {
      const def = chunk.node.type === 'decorated_definition' ? chunk.node.childForFieldName('definition') : chunk.node;
      const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
      if (name) readers.add(name);
      continue;
    }
    const stmt = root.firstNamedChildForIndex(p);
    const assignment = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
    if (!assignment || (assignment.type !== 'assignment' && assignment.type !== 'augmented_assignment')) continue;
    for (const w of assignment.childForFieldName('left')?.text.match(/[A-Za-z_]\w+/g) ?? []) names.add(w);
  }
  if (readers.size) {
    // Calls of those functions in module code, then whether their line is a top-level `NAME = …` (one scan of
    // the names, not a regex anchored at every line).
    const callRe = new RegExp(`(?<![\\w.])(?:${[...readers].join('|')})[ \\t]*\\(`, 'g');
    for (const c of facts.chunks()) {
      if (c.isDef) continue;
      callRe.lastIndex = c.start;
      for (let m = callRe.exec(text); m && m.index < c.end; m = callRe.exec(text)) {
        const line = text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index);
        const target = /^([A-Za-z_][\w \t,]*?)[ \t]*=(?!=)/.exec(line)?.[1];
        for (const w of target?.match(/[A-Za-z_]\w+/g) ?? []) names.add(w);
      }
    }
  }
  return names;
}

/** Positions in definitions (not module code) where one of `names` is read: sources for hotRanges. */
function globalReads(facts: FileFacts, text: string, names: Set<string>): number[] {
  const out: number[] = [];
  if (!names.size) return out;
  const re = new RegExp(`(?<![\\w.])(?:${[...names].join('|')})(?!\\w)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const chunk = facts.chunkAt(m.index);
    if (chunk?.isDef) out.push(m.index);
  }
  return out;
}

/**
 * Ranges of code that hold data text: top-level chunks containing a source token, those calling a hot
 * top-level function, and inside classes only the hot methods (plus methods reading attributes or calling
 * methods of hot ones). Everything else cannot produce MW1xx/MW2xx findings.
 */
export function hotRanges(facts: FileFacts, text: string, positions: number[]): { start: number; end: number }[] {
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

/** Two sorted lists as one. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
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

/**
 * A rule's `appliesTo` needle as the word the engine's single scan looks for. Needles are a cheap filter, so
 * widening one is always safe: `pd.` is the word `pd`, `np.load` the word `np`.
 */
function needleWord(n: string): string {
  return /^\w+/.exec(n)?.[0] ?? n;
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

/**
 * A comment, and a whole string literal with its escapes, as capturing alternatives: scans step over them (most
 * of a file's `-`, `<`, `@` and English words are in docstrings and comments). An unterminated literal does not
 * match, and its text is then scanned as code, which only costs lookups. f-strings match too: their `{…}` parts
 * are code, so callers scan their text again (see isFString).
 */
const COMMENT_ALT = String.raw`(#[^\n]*)`;
const STRING_ALT =
  '(' + [String.raw`"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""`, String.raw`'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''`, String.raw`"(?:[^"\\\n]|\\[\s\S])*"`, String.raw`'(?:[^'\\\n]|\\[\s\S])*'`].join('|') + ')';

interface TokenScanner {
  /** Steps over comments (group 1) and string literals (group 2); then SOURCE words (3), `.split(` (4), tokens. */
  re: RegExp;
  /** The same without groups 1 and 2 (its groups are 1 and 2): for the code inside an f-string. */
  inner: RegExp;
  byToken: Map<string, Trigger[]>;
  /** The rules' `appliesTo` needles, as words (see needleWord). */
  needles: Set<string>;
}

/**
 * One regex for every trigger token and `appliesTo` needle of the given rules, the HINT_WORDS and the sources
 * (SOURCE_WORD_ALTS tried first, then SOURCE_DOT_ALTS): the text is scanned once for all of them, stepping over
 * comments and strings. A source match hides the words inside it (`readlines`, `np.array`'s `np` and `array`,
 * `.split(`'s `split`); the engine looks inside those.
 */
function tokenScanner(rules: readonly PythonRule[]): TokenScanner {
  const byToken = new Map<string, Trigger[]>();
  for (const t of rules.flatMap((r) => r.triggers ?? [])) {
    for (const tok of t.tokens) {
      let list = byToken.get(tok);
      if (!list) byToken.set(tok, (list = []));
      list.push(t);
    }
  }
  const needles = new Set([...rules.flatMap((r) => (r.appliesTo ?? []).map(needleWord)), ...HINT_WORDS]);
  const toks = [...new Set([...byToken.keys(), ...needles])].sort((a, b) => b.length - a.length);
  const words = toks.filter((t) => /^\w+$/.test(t));
  const symbols = toks.filter((t) => !/^\w+$/.test(t)).map(escapeRe);
  const parts = [`\\b(?:(${SOURCE_WORD_ALTS})${words.length ? `|(?:${words.join('|')})\\b` : ''})`, `(${SOURCE_DOT_ALTS})`, ...symbols];
  return { re: new RegExp([COMMENT_ALT, STRING_ALT, ...parts].join('|'), 'g'), inner: new RegExp(parts.join('|'), 'g'), byToken, needles };
}

const scanners = new Map<string, TokenScanner>();

/** Binary, comparison and augmented-assignment operator tokens. */
const OPERATOR_ALT = String.raw`\*\*|\/\/|[-+*]=|[=!<>]=|[-+*\/%<>]`;
/** Operator tokens (group 3), stepping over comments (group 1) and string literals (group 2). */
const OPERATOR_SCAN = new RegExp([COMMENT_ALT, STRING_ALT, `(${OPERATOR_ALT})`].join('|'), 'g');
/** Operator tokens in an f-string's text (whose `{…}` parts are code). */
const FSTRING_OPERATOR = new RegExp(OPERATOR_ALT, 'g');

/** Does the string literal starting at `quote` have an `f` among its prefix letters (`f"`, `rf'`, `Fr"""`)? */
function isFString(text: string, quote: number): boolean {
  for (let k = quote - 1; k >= 0 && k >= quote - 2; k--) {
    const c = text.charCodeAt(k) | 0x20; // lower case
    if (c === 102 /* f */) return true;
    if (c !== 114 /* r */ && c !== 98 /* b */ && c !== 117 /* u */) return false;
  }
  return false;
}

/**
 * `track`: record what each chunk's findings depend on, for reuse by the next run after an edit (editor
 * sessions); one-shot lints (the CLI) skip that bookkeeping.
 */
export function runRules(tree: Tree, text: string, queries: EngineQueries, rules: readonly PythonRule[], severityOf: (r: PythonRule) => Severity, previous?: PreviousRun, track = !!previous): EngineRun {
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
      if (src.charCodeAt(src.length - 1) !== 40 /* ( */ || !src.startsWith('open') || opensText(text, at)) sources.push(at);
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
        inner.lastIndex = 0;
        for (let n = inner.exec(str); n; n = inner.exec(str)) take(n, m.index + n.index, 0);
      }
    }
  }
  const facts = new FileFacts(root, text, queries.sites, { arrays: present.has('pd') || present.has('np') || present.has('pandas') || present.has('numpy'), csv: present.has('csv') });
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
  // Rules whose needles occur (most files lack most of them).
  const active = rules.filter((r) => !r.appliesTo || r.appliesTo.some((n) => present.has(needleWord(n))));
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
          (rule.cacheable ? bucket : findings).push({ rule: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range, fixes: r.fixes ?? [], ...(r.scale ? { scale: r.scale } : {}) });
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
  // Only the triggers of rules that are running (the scan looked for every rule's tokens).
  const running = new Set(triggers);
  const needSources = opTypes.size > 0 || triggers.some((t) => t.where === 'sources');
  let hot: { start: number; end: number }[] = [];
  if (needSources && sources.length) {
    // Functions reading module-level data text are hot too, from where they read it.
    const reads = globalReads(facts, text, taintedGlobals(facts, text, sources));
    hot = hotRanges(facts, text, reads.length ? mergeSorted(sources, reads) : sources);
  }
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
  if (running.size) {
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
  if (opTypes.size) {
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
          // An f-string's `{…}` parts are code: its operator tokens go to the tree like any other.
          FSTRING_OPERATOR.lastIndex = 0;
          for (let o = FSTRING_OPERATOR.exec(m[2]); o; o = FSTRING_OPERATOR.exec(m[2])) visit(m.index + o.index, o[0]);
        }
      }
      h = last + 1;
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
  const key = `${active.map((r) => r.meta.code).join(',')}|${facts.fileLevelKey()}`;
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
