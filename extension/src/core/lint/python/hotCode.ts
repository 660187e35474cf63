// Which code can hold data text ("hot" code): chunks with a source token, functions reached from them through
// calls and returns, methods sharing attributes with hot methods, and definitions reading tainted module globals.
// Only hot code is searched for MW1xx/MW2xx operator candidates by the fast path (engine.ts); exhaustive mode
// treats all code as hot, and a test proves both give the same findings.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts/fileFacts';
import type { Chunk } from './facts/readUnits';
import { FILLING_METHODS } from './library/derived';
import { hasPosition } from '../rangeSearch';
import { ASCII_NAME, callsIn, indentBreak, type ChunkCalls, type ClassSegments } from './chunkCalls';
import { isWord } from './facts/nameSearch';

/** `self.x = …`, `self.x[k] = …`, `self.x.append(…)` (any filling method of the library model): a method storing into x. */
const FILLED_ATTRIBUTE = new RegExp(String.raw`self\.(\w+)\s*(?:=[^=]|\[[^\]\n]*\]\s*=[^=]|\.\s*(?:${[...FILLING_METHODS].join('|')})\s*\()`, 'g');

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
export function taintedGlobals(facts: FileFacts, text: string, sources: readonly number[], calls: ChunkCalls): Set<string> {
  const names = new Set<string>();
  const root = facts.rootNode;
  /** In-file functions with a source of their own: their results are data text too. */
  const readers = new Set<string>();
  /** The last definition chunk looked at: sources are in text order, and a definition holds many (its name is asked once). */
  let lastDef: Chunk | null = null;
  for (const p of sources) {
    const chunk = facts.chunkAt(p);
    if (!chunk) continue;
    if (chunk.isDef) {
      if (chunk === lastDef) continue;
      lastDef = chunk;
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
    // Each module chunk is searched in its own stretch of text: a search of the whole text from the chunk's start
    // would run on to the next match, possibly at the end of the file, once per chunk (quadratic on a file of
    // many statements). The stretch starts one character early, so the look-behind sees what it saw in the whole
    // text, and ends at the end of the chunk's last line, so a match that starts inside the chunk is whole.
    // Only chunks that call one of them (their call lists say so) are searched, unless a name is not ASCII.
    const callRe = new RegExp(`(?<![\\w.])(?:${[...readers].join('|')})[ \\t]*\\(`, 'g');
    const anyChunk = [...readers].some((r) => !ASCII_NAME.test(r));
    const chunks = facts.chunks();
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      if (c.isDef || (!anyChunk && !calls.of(i).some((w) => readers.has(w)))) continue;
      const from = Math.max(0, c.start - 1);
      const lineEnd = text.indexOf('\n', c.end);
      const stretch = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
      callRe.lastIndex = c.start - from;
      for (let b = callRe.exec(stretch); b && from + b.index < c.end; b = callRe.exec(stretch)) {
        const m = { index: from + b.index };
        const line = text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index);
        const target = /^([A-Za-z_][\w \t,]*?)[ \t]*=(?!=)/.exec(line)?.[1];
        for (const w of target?.match(/[A-Za-z_]\w+/g) ?? []) names.add(w);
      }
    }
  }
  return names;
}

/** Positions in definitions (not module code) where one of `names` is read: sources for hotRanges. */
export function globalReads(facts: FileFacts, text: string, names: Set<string>): number[] {
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
export function hotRanges(facts: FileFacts, text: string, positions: number[], calls: ChunkCalls): { start: number; end: number }[] {
  if (!positions.length) return [];
  const chunks = facts.chunks();
  /** Methods called from hot code: their segments get data as arguments. */
  const calledMethods = new Set<string>();
  /** Class chunks constructed from hot code (`StockLine(row)`): their `__init__` gets data as arguments. */
  const constructed = new Set<number>();
  const hot = chunks.map(() => false);
  let ci = 0;
  for (const p of positions) {
    while (ci < chunks.length && chunks[ci].end <= p) ci++;
    if (ci < chunks.length && chunks[ci].start <= p) hot[ci] = true;
  }
  // Data flows through calls both ways: callers of a hot function get its return value, and functions a
  // hot chunk calls may get data as arguments. One scan finds which top-level functions each chunk calls.
  const defNames = chunks.map((_, i) => calls.nameOf(i));
  const byName = new Map<string, number>();
  defNames.forEach((n, i) => {
    if (n && !byName.has(n)) byName.set(n, i);
  });
  // Methods too (`report.add(fields)` → `LogReport.add`): the class becomes hot, and that method's segment.
  const methodClasses = methodIndex(chunks, text, calls);
  if (byName.size || methodClasses.size) {
    // Return values flow up to every caller, transitively: the chunks calling a hot function. A name with
    // non-ASCII letters is never in a chunk's call list (ChunkCalls): its calls are searched in the text.
    let fresh = defNames.filter((n, i): n is string => !!n && hot[i]);
    for (let round = 0; fresh.length && round < 6; round++) {
      const next: string[] = [];
      const mark = (i: number) => {
        if (i >= 0 && !hot[i]) {
          hot[i] = true;
          if (defNames[i]) next.push(defNames[i]!);
        }
      };
      const names = new Set(fresh);
      for (let i = 0; i < chunks.length; i++) if (!hot[i] && calls.of(i).some((w) => names.has(w))) mark(i);
      const other = fresh.filter((n) => !ASCII_NAME.test(n));
      if (other.length) {
        const re = new RegExp(`\\b(?:${other.join('|')})[ \\t]*\\(`, 'g');
        for (let m = re.exec(text); m; m = re.exec(text)) if (text.charCodeAt(m.index - 1) !== 46 /* . */) mark(facts.chunkIndexAt(m.index));
      }
      fresh = next;
    }
    // Arguments flow down from hot functions and module code (`report(load(path))`), and on through the
    // functions they reach (`main` → `summary(table)` → `depth_in_metres(table)`), as far as calls go up; classes
    // are left out because their many helper calls would make most of a library hot.
    let from = chunks.map((_, i) => i).filter((i) => hot[i]);
    for (let round = 0; from.length && round < 6; round++) {
      const next: number[] = [];
      for (const i of from) {
        const c = chunks[i];
        if (c.isDef && isClassChunk(c, text)) continue;
        for (const w of calls.of(i)) {
          const j = byName.get(w);
          // `StockLine(row)`: a class called from hot code is constructed, so its `__init__` gets the data.
          if (j !== undefined && isClassChunk(chunks[j], text)) constructed.add(j);
          if (j !== undefined && !hot[j]) {
            hot[j] = true;
            next.push(j);
          }
        }
        // (each chunk's method calls and passed names are found once while it only moves: chunkCalls.ts)
        if (methodClasses.size) {
          for (const name of calls.methodCallsOf(i)) {
            for (const j of methodClasses.get(name) ?? []) {
              calledMethods.add(name);
              if (!hot[j]) {
                hot[j] = true;
                next.push(j);
              }
            }
          }
        }
        // Functions passed as arguments (`map(parse, lines)`, `key=price_of`) are called back with data.
        for (const name of calls.refsOf(i)) {
          const j = byName.get(name);
          if (j !== undefined && !hot[j]) {
            hot[j] = true;
            next.push(j);
          }
        }
      }
      from = next;
    }
  }
  const out: { start: number; end: number }[] = [];
  // Hot top-level functions, for the methods of a hot class that call them (`for rec in read_dump(p)` in a method):
  // found in each segment's plain calls; names that are not ASCII words are searched in the text.
  let hotFunctions: { names: Set<string>; other: RegExp | null } | undefined;
  const callsHotFunction = (seg: { start: number; end: number }, calls: readonly string[]): boolean => {
    if (!hotFunctions) {
      const names = defNames.filter((n, i): n is string => !!n && hot[i] && !isClassChunk(chunks[i], text));
      const other = names.filter((n) => !ASCII_NAME.test(n));
      hotFunctions = { names: new Set(names), other: other.length ? new RegExp(`(?<![\\w.])(?:${other.join('|')})[ \\t]*\\(`, 'g') : null };
    }
    if (calls.some((n) => hotFunctions!.names.has(n))) return true;
    const re = hotFunctions.other;
    if (!re) return false;
    const from = Math.max(0, seg.start - 1);
    const lineEnd = text.indexOf('\n', seg.end - 1);
    const stretch = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
    re.lastIndex = seg.start - from;
    const m = re.exec(stretch);
    return !!m && from + m.index < seg.end;
  };
  /** Per hot class, the attributes its hot methods store: a subclass's methods reading them get data too. */
  const classStores = new Map<string, Set<string>>();
  chunks.forEach((c, i) => {
    const header = (hot[i] || classStores.size) && c.isDef && isClassChunk(c, text) ? classHeader(c, text) : null;
    let inherited: Set<string> | null = null;
    if (!hot[i]) {
      // `class Stats(Base)` where Base's methods fill `self.values`: Stats's methods reading it are hot.
      for (const base of header?.bases ?? []) for (const n of classStores.get(base) ?? []) (inherited ??= new Set()).add(n);
      if (!inherited) return;
    }
    if (!c.isDef || !isClassChunk(c, text)) {
      out.push(c);
      return;
    }
    // A class: method segments and what each reads and fills, found once while the class only moves (chunkCalls.ts).
    const info = calls.segmentsOf(i, () => classSegments(text, c));
    const segs = info.starts.map((s0, k) => ({ start: c.start + s0, end: k + 1 < info.starts.length ? c.start + info.starts[k + 1] : c.end }));
    const exportsOf = (k: number): string[] => (info.exports[k] ??= segmentExports(text.slice(segs[k].start, segs[k].end)));
    // The first export alone (the method a segment defines) without the attribute scan, for segments not hot yet.
    const firstExportOf = (k: number): string | undefined => info.exports[k]?.[0] ?? definedMethod(text.slice(segs[k].start, segs[k].end)) ?? exportsOf(k)[0];
    // Attributes each segment reads (`self.x`), found only for segments that are not hot yet; hotness spreads to
    // segments reading what hot segments assign (`self.x = …`, `self.x.append(…)`) or calling hot methods.
    const readsOf = (k: number): Set<string> => (info.reads[k] ??= firstGroups(/self\.(\w+)/g, text.slice(segs[k].start, segs[k].end)));
    /**
     * Methods a segment calls on self or cls (`self.add(meter, kwh)`, and `cls(row[0])` in a classmethod, which
     * calls `__init__`): a hot caller gives them data as arguments.
     */
    const selfCallsOf = (k: number): Set<string> => (info.selfCalls[k] ??= selfCallNames(text.slice(segs[k].start, segs[k].end)));
    const segHot = segs.map((g, k) => hasPosition(positions, g.start, g.end) || calledMethods.has(firstExportOf(k) ?? '') || (constructed.has(i) && firstExportOf(k) === '__init__') || callsHotFunction(g, (info.calls[k] ??= callsIn(text, g.start, g.end))));
    const stored = new Set<string>(inherited);
    for (let round = 0; round < 3; round++) {
      const names = new Set<string>(inherited);
      const called = new Set<string>();
      segs.forEach((_, k) => {
        if (!segHot[k]) return;
        for (const n of exportsOf(k)) names.add(n);
        for (const n of selfCallsOf(k)) called.add(n);
      });
      if (!names.size && !called.size) break;
      let changed = false;
      segs.forEach((_, k) => {
        if (segHot[k]) return;
        // A segment after the first starts at its `def` or decorator line; the first is the class's own header.
        const own = firstExportOf(k);
        if (own !== undefined && called.has(own) && (k > 0 || /^\s*(?:@|(?:async\s+)?def\b)/.test(text.slice(segs[k].start, segs[k].end)))) {
          segHot[k] = true;
          changed = true;
          return;
        }
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
      if (!segHot[k]) return;
      out.push(g);
      for (const n of exportsOf(k)) stored.add(n);
    });
    if (header) classStores.set(header.name, stored);
  });
  return out;
}

const CLASS_HEADER = /(?:^|\n)[ \t]*class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?/;

/** The name and plain base-class names of a class chunk (`class Stats(Base, metaclass=M)` → Stats, [Base]). */
function classHeader(c: { start: number; end: number }, text: string): { name: string; bases: string[] } | null {
  // Past any decorator lines to the `class` keyword.
  const m = CLASS_HEADER.exec(text.slice(c.start, Math.min(c.end, c.start + 2000)));
  return m ? { name: m[1], bases: (m[2] ?? '').split(',').map((b) => b.trim()).filter((b) => /^\w+$/.test(b)) } : null;
}

/**
 * A class chunk split into method segments at indented `def`/decorator lines (a decorator and its def stay together):
 * the lines of [c.start, c.end) matching `\n[ \t]+(?:@|(?:async[ \t]+)?def\b)`, found from each `def` and `@` and a
 * check of the line before it (cheaper than the regex, which tried every line; a line holds at most one match).
 */
export function classSegments(text: string, c: { start: number; end: number }): ClassSegments {
  /** Each match's line break, times two, plus one for a decorator: in text order once sorted. */
  const lines: number[] = [];
  for (let d = text.indexOf('def', c.start); d >= 0 && d + 3 <= c.end; d = text.indexOf('def', d + 3)) {
    if (d + 3 < c.end && isWord(text.charCodeAt(d + 3))) continue;
    const k = indentBreak(text, c.start, d, true);
    if (k >= 0) lines.push(2 * k);
  }
  for (let d = text.indexOf('@', c.start); d >= 0 && d < c.end; d = text.indexOf('@', d + 1)) {
    const k = indentBreak(text, c.start, d, false);
    if (k >= 0) lines.push(2 * k + 1);
  }
  lines.sort((a, b) => a - b);
  const starts = [0];
  let prevDecorator = false;
  for (const l of lines) {
    if (!prevDecorator) starts.push((l >> 1) - c.start + 1);
    prevDecorator = (l & 1) === 1;
  }
  return { starts, exports: [], reads: [], selfCalls: [], calls: [] };
}

/** The method a segment defines (segmentExports' first entry when there is one). */
function definedMethod(seg: string): string | undefined {
  return /def\s+(\w+)/.exec(seg)?.[1];
}

/** The method a segment defines, then the attributes it fills. */
function segmentExports(seg: string): string[] {
  const list: string[] = [];
  const def = definedMethod(seg);
  if (def !== undefined) list.push(def);
  const attrRe = FILLED_ATTRIBUTE;
  attrRe.lastIndex = 0;
  for (let m = attrRe.exec(seg); m; m = attrRe.exec(seg)) list.push(m[1]);
  return list;
}

/** Methods a segment calls on self or cls; a bare `cls(...)` constructs, so it calls `__init__`. */
function selfCallNames(seg: string): Set<string> {
  const set = new Set<string>();
  const re = /(?<![\w.])(?:self\.(\w+)|cls(?:\.(\w+))?)[ \t]*\(/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) set.add(m[1] ?? m[2] ?? '__init__');
  return set;
}

/** The first groups of every match of the global `re` in `s`. */
function firstGroups(re: RegExp, s: string): Set<string> {
  const set = new Set<string>();
  for (let m = re.exec(s); m; m = re.exec(s)) set.add(m[1]);
  return set;
}

/** Method name → indices of the class chunks defining it. */
function methodIndex(chunks: readonly { node: Node; start: number; end: number; isDef: boolean }[], text: string, calls: ChunkCalls): Map<string, number[]> {
  const out = new Map<string, number[]>();
  // Per chunk from ChunkCalls, which carries the names of chunks an edit only moved to the next re-lint.
  chunks.forEach((c, i) => {
    for (const name of calls.methodsOf(i, () => isClassChunk(c, text)) ?? []) {
      const list = out.get(name);
      if (!list) out.set(name, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  return out;
}

/** Two sorted lists as one. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

