// Re-parsing only the top-level statements an edit touched. typescript-estree has no incremental mode,
// and a full parse of a 3,000-line file costs ~30 ms, so after an edit the region made of the touched
// statements plus one unchanged statement on each side is parsed alone, and its nodes are moved to where
// the region sits in the file. The result is accepted only when it provably equals a full parse:
//   - the unchanged neighbour on each side comes back with exactly its old range (so the edit neither
//     joined statements across a boundary, by ASI or otherwise, nor left an open string, template,
//     comment or bracket: those fail the parse or move a neighbour's end);
//   - the file's module/script goal and its "use strict" are the same in the partial parse as in the file;
//   - the text differs from the previous one in a single span without \r or Unicode line separators (the
//     line arithmetic below counts \n only).
// Anything else returns undefined and the caller parses the whole file. Statements after the region are
// the old node objects, moved by the edit's size in place (the previous parse state is consumed); when
// the edit moved no line, only their statement node moves until something reads them (settle).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseJs, type Program } from './parser';

type Stmt = TSESTree.ProgramStatement;

/** The single changed span between two texts (common prefix and suffix), or undefined when equal. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Compare in blocks first (substring equality is a memory compare), then character by character.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (start + step <= max && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
  }
  const room = max - start;
  let tail = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (tail + step <= room && before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)) tail += step;
  }
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export interface Reparse {
  program: Program;
  /**
   * The old statements `from`..`oldTo` (inclusive) were replaced by the new statements `from`..`newTo`.
   * Only the ones the change touched differ: the unchanged neighbour parsed on each side (`keepFirst`,
   * `keepLast`) has the same text, and the same positions once the edit's shift is applied.
   */
  from: number;
  oldTo: number;
  newTo: number;
  keepFirst: 0 | 1;
  keepLast: 0 | 1;
  change: TextChange;
  /** 0-based lines of the change's start and end in the old text, and how many lines the change added. */
  startRow: number;
  oldEndRow: number;
  rowDelta: number;
  /** `lag` (see settle) for the new program's statements. */
  lag: number[];
}

const MODULE_STATEMENTS = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSExportAssignment']);

/** A statement that makes the file an ES module by its kind (typescript-estree's sourceType 'module'). */
function marksModule(s: Stmt): boolean {
  return MODULE_STATEMENTS.has(s.type) || (s.type === 'TSImportEqualsDeclaration' && s.moduleReference.type === 'TSExternalModuleReference');
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function columnOf(text: string, pos: number): number {
  return pos - (text.lastIndexOf('\n', pos - 1) + 1);
}

/** Index of the first statement whose end is at or after `pos` (body.length if none). */
function firstEndingAtOrAfter(body: readonly Stmt[], pos: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid].range[1] >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last statement starting at or before `pos` (-1 if none). */
function lastStartingAtOrBefore(body: readonly Stmt[], pos: number): number {
  let lo = -1;
  let hi = body.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (body[mid].range[0] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How to move nodes: offsets by `delta`; lines by `rowDelta`; columns on line `colLine` (1-based) by `colDelta`. */
interface Shift {
  delta: number;
  rowDelta: number;
  colLine: number;
  colDelta: number;
}

/**
 * Move every node under `roots` (and the roots themselves unless `skipRoots`). Range and loc objects are
 * replaced, never written: typescript-estree shares some loc objects between nodes, and a shared object
 * written once would move twice.
 */
function shiftNodes(roots: readonly object[], shift: Shift, skipRoots = false): void {
  const { delta, rowDelta, colLine, colDelta } = shift;
  if (!roots.length || (delta === 0 && rowDelta === 0 && colDelta === 0)) return;
  const movesLoc = rowDelta !== 0 || colDelta !== 0;
  const move = (p: TSESTree.Position): TSESTree.Position => ({ line: p.line + rowDelta, column: p.line === colLine ? p.column + colDelta : p.column });
  const seen = new Set<object>(skipRoots ? roots : []);
  const stack: unknown[] = [];
  for (const r of roots) {
    if (skipRoots) pushChildren(r as Record<string, unknown>, stack);
    else stack.push(r);
  }
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') stack.push(x);
      continue;
    }
    const node = v as Record<string, unknown> & { type?: unknown; range?: [number, number]; loc?: TSESTree.SourceLocation };
    if (typeof node.type !== 'string' || seen.has(node)) continue;
    seen.add(node);
    if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta];
    if (node.loc && movesLoc) node.loc = { start: move(node.loc.start), end: move(node.loc.end) };
    pushChildren(node, stack);
  }
}

function pushChildren(node: Record<string, unknown>, stack: unknown[]): void {
  for (const key in node) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    const c = node[key];
    if (c && typeof c === 'object') stack.push(c);
  }
}

/**
 * Statements after an edit that the next lint does not read keep their nodes where they were: only the
 * statement node itself moves, and `lag[i]` says by how many characters its descendants' offsets are
 * behind (their lines and columns are right: such an edit moved no line under them). `settle` brings
 * them up to date before anything reads them.
 */
export function settle(program: Program, lag: number[], indices: Iterable<number>): void {
  for (const i of indices) {
    if (!lag[i]) continue;
    shiftNodes([program.body[i]], { delta: lag[i], rowDelta: 0, colLine: 0, colDelta: 0 }, true);
    lag[i] = 0;
  }
}

/**
 * Parse `text` reusing `program` (the parse of `before`; `lag` as for settle, updated in place). Returns
 * undefined when only a full parse can be trusted; never throws for a syntax error.
 */
export function reparseStatements(program: Program, lag: number[], before: string, text: string, path: string): Reparse | undefined {
  const body = program.body;
  const change = diffTexts(before, text);
  if (!change || body.length === 0) return undefined;
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  const oddBreak = /[\r\u2028\u2029]/;
  if (oddBreak.test(before.slice(Math.max(0, start - 1), oldEnd + 1)) || oddBreak.test(text.slice(Math.max(0, start - 1), newEnd + 1))) return undefined;
  const n = body.length;
  const lo = firstEndingAtOrAfter(body, start);
  const hi = lastStartingAtOrBefore(body, oldEnd);
  const from = Math.max(0, lo - 1);
  const to = Math.min(n - 1, hi + 1);
  const regStart = from === 0 ? 0 : body[from].range[0];
  const regEndOld = to === n - 1 ? before.length : body[to].range[1];
  const regEndNew = regEndOld + delta;
  if (start < regStart || oldEnd > regEndOld) return undefined;

  // The module goal: certain when a statement outside the region is an import/export; otherwise the
  // region decides, unless the old file was a module through something the region does not show.
  let moduleOutside = false;
  for (let i = 0; i < n && !moduleOutside; i++) if ((i < from || i > to) && marksModule(body[i])) moduleOutside = true;
  if (!moduleOutside && program.sourceType === 'module') {
    const outside = before.slice(0, regStart) + ' ' + before.slice(regEndOld);
    if (!body.slice(from, to + 1).some(marksModule) || /\bimport\s*\.\s*meta\b/.test(outside)) return undefined;
  }

  // The region is parsed alone, after as many spaces as its first line's column (so columns come out
  // right) and after "use strict" when a directive before it makes the file strict; its nodes are then
  // moved to the region's offset and line.
  let strict = false;
  for (let i = 0; i < from; i++) {
    const s = body[i];
    if (s.type !== 'ExpressionStatement' || s.directive === undefined) break;
    if (s.directive === 'use strict') strict = true;
  }
  const pre = strict ? "'use strict';\n" : '';
  const startLine = from === 0 ? 1 : body[from].loc.start.line;
  const startColumn = from === 0 ? 0 : body[from].loc.start.column;
  const pad = pre.length + startColumn;
  const partialText = pre + ' '.repeat(startColumn) + text.slice(regStart, regEndNew) + (moduleOutside ? '\nexport {};' : '');
  let partial: Program;
  try {
    partial = parseJs(partialText, path);
  } catch {
    return undefined; // a syntax error (or one the edit created across the region's edge): parse it all
  }
  const regionEnd = pad + (regEndNew - regStart);
  const fresh: Stmt[] = [];
  for (const s of partial.body) {
    if (s.range[0] >= pad && s.range[1] <= regionEnd) fresh.push(s);
    else if (strict && s.range[1] <= pre.length) continue;
    else if (moduleOutside && s.range[0] >= regionEnd) continue;
    else return undefined;
  }
  shiftNodes(fresh, { delta: regStart - pad, rowDelta: startLine - 1 - (strict ? 1 : 0), colLine: 0, colDelta: 0 });
  if (from < lo && (fresh.length === 0 || fresh[0].range[0] !== body[from].range[0] || fresh[0].range[1] !== body[from].range[1])) return undefined;
  if (to > hi) {
    const last = fresh[fresh.length - 1];
    if (!last || last.range[0] !== body[to].range[0] + delta || last.range[1] !== body[to].range[1] + delta) return undefined;
  }

  const startRow = countNewlines(before, 0, start);
  const oldEndRow = startRow + countNewlines(before, start, oldEnd);
  const rowDelta = countNewlines(text, start, newEnd) - countNewlines(before, start, oldEnd);
  const colDelta = columnOf(text, newEnd) - columnOf(before, oldEnd);
  const shift: Shift = { delta, rowDelta, colLine: oldEndRow + 1, colDelta };
  // Statements after the region: moved now when their lines or columns change (the next lint reads
  // them), else only the statement node, the rest left to settle.
  const after = body.slice(to + 1);
  const newLag = [...body.slice(0, from).map((_, i) => lag[i] ?? 0), ...fresh.map(() => 0)];
  after.forEach((s, k) => {
    const old = lag[to + 1 + k] ?? 0;
    if (rowDelta !== 0 || s.loc.start.line <= oldEndRow + 1) {
      if (old) shiftNodes([s], { delta: old, rowDelta: 0, colLine: 0, colDelta: 0 }, true);
      shiftNodes([s], shift);
      newLag.push(0);
    } else {
      s.range = [s.range[0] + delta, s.range[1] + delta];
      newLag.push(old + delta);
    }
  });
  const move = (p: TSESTree.Position): TSESTree.Position => ({ line: p.line + rowDelta, column: p.line === oldEndRow + 1 ? p.column + colDelta : p.column });
  const newBody = [...body.slice(0, from), ...fresh, ...after];
  // typescript-estree's program spans the whole text, from offset 0 to the end.
  const spliced: Program = {
    ...program,
    body: newBody,
    sourceType: moduleOutside ? 'module' : partial.sourceType,
    range: [0, text.length],
    loc: { start: program.loc.start, end: move(program.loc.end) },
  };
  const keepFirst = from < lo ? 1 : 0;
  const keepLast = to > hi ? 1 : 0;
  return { program: spliced, lag: newLag, from, oldTo: to, newTo: from + fresh.length - 1, keepFirst, keepLast, change, startRow, oldEndRow, rowDelta };
}
