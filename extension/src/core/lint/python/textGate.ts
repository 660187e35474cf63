// The text gate: before any parse, whether the text alone shows that no rule can have a candidate. Every finding
// starts at a candidate (engine.ts): a trigger token whose surrounding text matches, or an operator in hot code,
// and hot code starts at a data source. The token scan finds both without a tree; run over the whole text without
// stepping over comments and strings (chunkScan.ts scanWholeText), it finds a superset of what the engine's chunk
// scans find, however the tree reads the text. A file holding neither (in the CPython stdlib, half the files: no
// data read, nothing that could hold one) is not parsed at all. Exhaustive mode never gates, and the corpus test
// that compares it with the fast path checks this gate too.
import { scannerFor, triggerTextMatches } from './candidateScan';
import { scanWholeText } from './chunkScan';
import type { PythonRule } from './ruleContext';

/** True when no rule of `rules` can report anything in `text` (so no tree is needed); false when unsure. */
export function ruleFreeText(text: string, rules: readonly PythonRule[]): boolean {
  if (rules.some((r) => r.readsWholeFile)) return false;
  const scanner = scannerFor(rules);
  // The engine runs a rule only when one of its `appliesTo` needles occurs somewhere; the gate does not wait for
  // the whole text to know which: the first token that would be a candidate of any rule ends it (unsure: parse).
  const needSources = rules.some((r) => r.sourceOps?.length || r.triggers?.some((t) => t.where === 'sources'));
  let checked = 0;
  let candidate = false;
  scanWholeText(scanner, text, (found) => {
    // A data source makes hot code, where operators and source-bound triggers are candidates.
    if (needSources && found.sources.length) return (candidate = true);
    for (; checked < found.occurrences.length; checked++) {
      const { at, tok } = found.occurrences[checked];
      for (const t of scanner.byToken.get(tok) ?? []) {
        if (t.where !== 'sources' && triggerTextMatches(t, text, at, tok)) return (candidate = true);
      }
    }
    return false;
  });
  return !candidate;
}
