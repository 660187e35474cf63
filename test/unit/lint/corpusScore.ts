// Scoring annotated corpora: every accuracy test (Python and JS, tuning corpus and blind holdout) reads
// `expect:` annotations the same way and counts findings the same way, so their figures are comparable.

/** True positives, and where each false alarm (fp) and miss (fn) is. */
export interface Tally {
  tp: number;
  fp: string[];
  fn: string[];
}

export const newTally = (): Tally => ({ tp: 0, fp: [], fn: [] });
export const precision = (t: Tally): number => t.tp / Math.max(1, t.tp + t.fp.length);
export const recall = (t: Tally): number => t.tp / Math.max(1, t.tp + t.fn.length);

/**
 * `# expect: MW101` / `// expect: MW151, MW251` annotations as `line:code` keys, 0-based lines like
 * TextRange. Codes may be separated by commas or spaces.
 */
export function expectedFindings(text: string): Set<string> {
  const keys = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const m = /(?:#|\/\/)\s*expect:\s*(MW\d{3}(?:[\s,]+MW\d{3})*)/.exec(line);
    if (m) for (const code of m[1].match(/MW\d{3}/g) ?? []) keys.add(`${i}:${code}`);
  });
  return keys;
}

/** The `line:code` key of a finding, matching `expectedFindings`. */
export const findingKey = (f: { rule: string; range: { startLine: number } }): string => `${f.range.startLine}:${f.rule}`;

/**
 * Count one file: a key both expected and found is a true positive, found only is a false alarm, expected only
 * is a miss. `tallies(code)` says which tallies a code counts in (e.g. its family's and the overall one);
 * `where(line, code)` describes a place for the lists.
 */
export function scoreFile(expected: Set<string>, found: Set<string>, tallies: (code: string) => Tally[], where: (line: number, code: string) => string): void {
  for (const key of new Set([...expected, ...found])) {
    const [lineText, code] = key.split(':');
    const line = Number(lineText);
    for (const t of tallies(code)) {
      if (expected.has(key) && found.has(key)) t.tp++;
      else if (found.has(key)) t.fp.push(where(line, code));
      else t.fn.push(where(line, code));
    }
  }
}
