// One finding per expression: where two rules cover the same code (`for line in list(f)` is both "a whole file
// in a list", MW303, and "a list copy in a for header", MW405), the rule whose meta `supersedes` the other keeps
// the finding. Users saw two warnings for one mistake, and blind corpus writers split on which rule it belongs
// to; the docs of both rules name the winner. The loser's quick fixes move to the winner when it has none.
import type { Finding, RuleMeta, TextRange } from './types';

const key = (r: TextRange) => `${r.startLine}:${r.startColumn}:${r.endLine}:${r.endColumn}`;

/** `findings` without those superseded by another finding of the same range; the input is left as it is. */
export function dropSuperseded(findings: readonly Finding[], metas: readonly RuleMeta[]): Finding[] {
  const winners = metas.filter((m) => m.supersedes?.length);
  if (!winners.length || findings.length < 2) return [...findings];
  const beats = new Map(winners.map((m) => [m.code, new Set(m.supersedes)]));
  const byRange = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!beats.has(f.rule)) continue;
    const k = key(f.range);
    byRange.set(k, [...(byRange.get(k) ?? []), f]);
  }
  if (!byRange.size) return [...findings];
  const dropped = new Set<Finding>();
  const moved = new Map<Finding, Finding['fixes']>();
  for (const f of findings) {
    const here = byRange.get(key(f.range));
    const winner = here?.find((w) => w !== f && beats.get(w.rule)!.has(f.rule));
    if (!winner) continue;
    dropped.add(f);
    if (!winner.fixes.length && f.fixes.length && !moved.has(winner)) moved.set(winner, f.fixes);
  }
  return findings.filter((f) => !dropped.has(f)).map((f) => (moved.has(f) ? { ...f, fixes: moved.get(f)! } : f));
}
