// The editor's re-lint after an edit, equal to a full lint but doing only what the edit can change:
//   1. re-parse only the statements around the edit (statementReparse.ts);
//   2. group the top-level statements the value analysis can connect (statementLinks.ts): a group whose
//      statements are all untouched, before and after the edit, keeps its findings;
//   3. lint the other groups, together with the imports every group reads, as one smaller program (the
//      analysis and the rules run unchanged on it, with the whole text).
// Everything that could make the untouched groups' findings differ sends the lint down the full path or
// re-lints those groups too: other rules or whole-text gates (textGates), an edited import, a statement on
// a line the edit touched, lines moving under findings whose messages may quote line numbers, a finding
// with no statement, a rule failure in the previous run. The random-edit test compares with a full lint.
import type { Notice } from '../types';
import { textGates } from './facts';
import type { Program } from './parser';
import type { JsRule } from './ruleContext';
import { runJsRules, type OwnedFinding } from './ruleRun';
import { linkGroups, summarizeStatement, type StatementSummary } from './statementLinks';
import { reparseStatements, settle } from './statementReparse';

/** What a JS lint leaves for the next lint of the same document (the LanguageLintResult's `state`). */
export class JsLintState {
  /** Set once the next lint has moved this state's nodes: it cannot serve another edit. */
  consumed = false;
  /** Top-level statements whose findings the lint that produced this state took from the previous one. */
  reused = 0;
  /** Statements that were re-parsed (the rest of the tree was kept). */
  reparsed = -1;

  constructor(
    readonly text: string,
    readonly program: Program,
    /** Rules, path and whole-text gates: any difference and nothing is kept. */
    readonly key: string,
    /** Owners are indices into program.body. */
    readonly findings: OwnedFinding[],
    /** Per statement, filled on first use. */
    readonly summaries: (StatementSummary | undefined)[],
    /** Per statement, how far its descendants' offsets lag behind (statementReparse.ts, settle). */
    readonly lag: number[] = [],
  ) {}

  /** The whole tree, every node where it is (tests compare it with a full parse). */
  settledProgram(): Program {
    settle(this.program, this.lag, this.lag.keys());
    return this.program;
  }

  summary(i: number): StatementSummary {
    return (this.summaries[i] ??= summarizeStatement(this.program.body[i]));
  }

  allSummaries(): StatementSummary[] {
    return this.program.body.map((_, i) => this.summary(i));
  }

  dispose(): void {
    this.consumed = true;
    this.findings.length = 0;
  }
}

export function lintKey(path: string, text: string, rules: readonly JsRule[]): string {
  const g = textGates(text);
  return `${path}|${rules.map((r) => r.meta.code).join(',')}|${g.mayParseTables}|${g.mayReadFiles}`;
}

/** Every statement in a group with one of `seeds`. */
function groupsOf(groups: readonly number[], seeds: Iterable<number>): Set<number> {
  const hit = new Set<number>();
  for (const s of seeds) hit.add(groups[s]);
  const out = new Set<number>();
  groups.forEach((g, i) => hit.has(g) && out.add(i));
  return out;
}

/**
 * Lint `text` from `prev` (same document, same key), or return undefined when only a full lint is right.
 * Notices of the partial run (rule failures) go to `notices`.
 */
export function lintIncrementally(prev: JsLintState, text: string, path: string, key: string, rules: readonly JsRule[], notices: Notice[], strict: boolean): JsLintState | undefined {
  if (prev.consumed || prev.key !== key) return undefined;
  if (prev.text === text) {
    prev.consumed = true;
    const same = new JsLintState(text, prev.program, key, [...prev.findings], prev.summaries, prev.lag);
    same.reused = prev.program.body.length;
    same.reparsed = 0;
    return same;
  }
  if (prev.findings.some((f) => f.owner < 0)) return undefined;
  const oldSummaries = prev.allSummaries();
  const oldBody = prev.program.body;
  // Line spans of the old statements, read before the re-parse moves them.
  const oldLines = oldBody.map((s) => [s.loc.start.line, s.loc.end.line]);
  const r = reparseStatements(prev.program, prev.lag, prev.text, text, path);
  if (!r) return undefined;
  prev.consumed = true;
  const body = r.program.body;
  // Old statements oldFirst..oldLast were replaced by new ones newFirst..newLast (either may be empty);
  // the neighbours parsed with them are unchanged statements like every other.
  const newFirst = r.from + r.keepFirst;
  const oldLast = r.oldTo - r.keepLast;
  const newLast = r.newTo - r.keepLast;
  const added = newLast - oldLast;
  const oldRegion = oldBody.slice(newFirst, oldLast + 1);
  const toNew = (i: number) => (i < newFirst ? i : i > oldLast ? i + added : -1);
  const summaries: (StatementSummary | undefined)[] = body.map((_, j) => (j < newFirst ? oldSummaries[j] : j > newLast ? oldSummaries[j - added] : undefined));
  const state = new JsLintState(text, r.program, key, [], summaries, r.lag);
  state.reparsed = r.newTo - r.from + 1;
  const newSummaries = state.allSummaries();
  // Every group reads the imports: when an import itself changed (not only the space around it), all of them
  // are linted again.
  const importText = (from: string, stmts: readonly Program['body'][number][]) => stmts.map((s) => (s.type === 'ImportDeclaration' ? from.slice(s.range[0], s.range[1]) : '')).join('\n');
  const everything = importText(prev.text, oldRegion) !== importText(text, body.slice(newFirst, newLast + 1));

  // Seeds: the new statements, unchanged ones whose positions move other than by whole lines (a statement
  // on a line the change spans), everything after the change when lines moved (messages may quote line
  // numbers), and the old groups of the replaced statements.
  const seeds = new Set<number>();
  for (let j = newFirst; j <= newLast; j++) seeds.add(j);
  oldLines.forEach(([first, last], i) => {
    const j = toNew(i);
    if (j < 0) return;
    const after = i > oldLast;
    if ((last >= r.startRow + 1 && first <= r.oldEndRow + 1) || (after && r.rowDelta !== 0)) seeds.add(j);
  });
  const oldGroups = linkGroups(oldSummaries);
  const replaced = Array.from({ length: Math.max(0, oldLast - newFirst + 1) }, (_, k) => newFirst + k);
  for (const i of groupsOf(oldGroups, replaced)) {
    const j = toNew(i);
    if (j >= 0) seeds.add(j);
  }
  const dirty = everything ? new Set(body.map((_, j) => j)) : groupsOf(linkGroups(newSummaries), seeds);
  for (let j = 0; j < body.length; j++) if (newSummaries[j].isImport) dirty.add(j);

  // Lint the dirty statements as one program; keep the clean ones' findings.
  const subIndex: number[] = [];
  body.forEach((_, j) => dirty.has(j) && subIndex.push(j));
  settle(r.program, r.lag, subIndex);
  const sub: Program = subIndex.length === body.length ? r.program : { ...r.program, body: subIndex.map((j) => body[j]) };
  const run = runJsRules(sub, text, path, rules, notices, strict);
  const kept = prev.findings.flatMap((f) => {
    const j = toNew(f.owner);
    return j >= 0 && !dirty.has(j) ? [{ finding: f.finding, owner: j }] : [];
  });
  state.findings.push(...kept, ...run.findings.map((f) => ({ finding: f.finding, owner: f.owner < 0 ? -1 : subIndex[f.owner] })));
  state.reused = body.length - dirty.size;
  if (!run.complete) state.consumed = true; // incomplete findings must not be kept for the next edit
  return state;
}
