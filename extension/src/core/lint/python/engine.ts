// Runs the Python rules over one tree. Querying or walking every node costs about as much as the parse,
// so candidates are found from the text: each rule names regex triggers (tokens such as `readlines`),
// and operator-heavy rules (MW1xx/MW2xx) only look inside top-level chunks that hold a text source.
// Facts (scopes, bindings) are collected per chunk on first question.
import type { Node, Tree } from 'web-tree-sitter';
import type { Finding, Severity } from '../types';
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
}

const SOURCE_SCAN = new RegExp(SOURCE_RE.source, 'g');

/**
 * Ranges of code that hold data text: top-level chunks containing a source token, those calling a hot
 * top-level function, and inside classes only the hot methods (plus methods reading attributes or calling
 * methods of hot ones). Everything else cannot produce MW1xx/MW2xx findings.
 */
export function hotRanges(facts: FileFacts, text: string): { start: number; end: number }[] {
  const positions: number[] = [];
  SOURCE_SCAN.lastIndex = 0;
  for (let m = SOURCE_SCAN.exec(text); m; m = SOURCE_SCAN.exec(text)) positions.push(m.index);
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
  const defNames = chunks.map((c) => (c.isDef ? /^(?:@[^\n]*\n\s*)*(?:async\s+)?(?:def|class)\s+(\w+)/.exec(text.slice(c.start, Math.min(c.end, c.start + 2000)))?.[1] ?? null : null));
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
      if (!hot[i] || (c.isDef && /^(?:@[^\n]*\n\s*)*class\b/.test(text.slice(c.start, c.start + 300)))) return;
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
    const body = text.slice(c.start, c.end);
    if (!/^(?:@[^\n]*\n\s*)*class\b/.test(body)) {
      out.push(c);
      return;
    }
    // A class: split into method segments at indented `def`/decorator lines.
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
    // Attributes each segment reads (`self.x`), found once; hotness spreads to segments reading what hot
    // segments assign (`self.x = …`, `self.x.append(…)`) or calling hot methods.
    const reads = segs.map((g) => {
      const set = new Set<string>();
      const re = /self\.(\w+)/g;
      const seg = text.slice(g.start, g.end);
      for (let m = re.exec(seg); m; m = re.exec(seg)) set.add(m[1]);
      return set;
    });
    for (let round = 0; round < 3; round++) {
      const names = new Set<string>();
      segs.forEach((g, k) => {
        if (!segHot[k]) return;
        const seg = text.slice(g.start, g.end);
        const def = /def\s+(\w+)/.exec(seg);
        if (def) names.add(def[1]);
        const attrRe = /self\.(\w+)\s*(?:=[^=]|\.\s*(?:append|extend|insert)\s*\()/g;
        for (let m = attrRe.exec(seg); m; m = attrRe.exec(seg)) names.add(m[1]);
      });
      if (!names.size) break;
      let changed = false;
      segs.forEach((_, k) => {
        if (segHot[k]) return;
        for (const n of reads[k]) {
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

function applies(rule: PythonRule, text: string): boolean {
  return !rule.appliesTo || rule.appliesTo.some((needle) => text.includes(needle));
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
  const parts = [...(words.length ? [`\\b(?:${words.join('|')})\\b`] : []), ...symbols];
  return { re: new RegExp(parts.join('|'), 'g'), byToken };
}

const scanners = new Map<string, ReturnType<typeof tokenScanner>>();

export function runRules(tree: Tree, text: string, queries: EngineQueries, rules: readonly PythonRule[], severityOf: (r: PythonRule) => Severity): EngineRun {
  const root = tree.rootNode;
  const facts = new FileFacts(root, text, queries.sites);
  const findings: Finding[] = [];
  const byType = new Map<VisitedType, ((n: Node) => void)[]>();
  const enders: (() => void)[] = [];
  const triggers: Trigger[] = [];
  const opTypes = new Set<string>();
  for (const rule of rules) {
    if (!applies(rule, text)) continue;
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
          findings.push({ rule: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range, fixes: r.fixes ?? [] });
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
        list.push(fn as (n: Node) => void);
      }
    }
    if (rule.triggers) triggers.push(...rule.triggers);
    for (const t of rule.sourceOps ?? []) opTypes.add(t);
  }

  const candidates = new Map<number, Node>();
  const add = (n: Node | null) => {
    if (n && !candidates.has(n.id)) candidates.set(n.id, n);
  };
  const needSources = opTypes.size > 0 || triggers.some((t) => t.where === 'sources');
  const hot = needSources ? hotRanges(facts, text) : [];
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
  const key = rules.filter((r) => applies(r, text)).map((r) => r.meta.code).join(',');
  let scanner = scanners.get(key);
  if (scanner === undefined) scanners.set(key, (scanner = tokenScanner(triggers)));
  if (scanner) {
    const re = scanner.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      const tok = m[0];
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
        if (node === undefined) node = root.descendantForIndex(at); // UTF-16 units here (unlike query ranges)
        add(climb(node, t.type));
      }
    }
  }
  if (opTypes.size) {
    // Operators inside hot code, found by their token: cheaper than a query over those subtrees.
    const opRe = /\*\*|\/\/|[-+*]=|[=!<>]=|[-+*\/%<>]/g;
    for (const c of hot) {
      opRe.lastIndex = c.start;
      for (let m = opRe.exec(text); m && m.index < c.end; m = opRe.exec(text)) {
        const parent = root.descendantForIndex(m.index)?.parent;
        if (parent && opTypes.has(parent.type) && !candidates.has(parent.id)) candidates.set(parent.id, parent);
      }
    }
  }

  const ordered = [...candidates.values()].sort((a, b) => a.startIndex - b.startIndex);
  for (const node of ordered) {
    const list = byType.get(node.type as VisitedType);
    if (!list) continue;
    for (const fn of list) {
      try {
        fn(node);
      } catch {
        // a rule bug on one odd node must not lose the other findings
      }
    }
  }
  for (const end of enders) {
    try {
      end();
    } catch {
      // same as above
    }
  }
  findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.rule.localeCompare(b.rule));
  return { findings, facts };
}
