// Rule selectors (`--select`, `--ignore`, `select = [...]` in the config) that name no rule. A typo such as
// `MW7` or `MW1O1` used to print a warning and then "All checks passed!": the user's gate silently checked
// nothing. Now it is a usage error, and the message says what was probably meant.
import { allRules } from './catalog';

/** One message per selector that names no rule ("did you mean …" where a near one exists), [] when all are known. */
export function unknownSelectorMessages(selectors: readonly string[], where: string): string[] {
  const out: string[] = [];
  for (const raw of selectors) {
    const s = raw.trim().toUpperCase();
    if (!s || knownSelectors().some((k) => k.startsWith(s))) continue;
    out.push(`${where}unknown rule code or prefix '${raw}'.${suggestion(s)} Run "memwise rule" for the list.`);
  }
  return out;
}

/** Every rule code, plus the family prefixes (MW1, MW10, …) a selector may stop at. */
function knownSelectors(): string[] {
  return allRules().map((r) => r.code);
}

/** " Did you mean MW101?" for a near code; the list of families for a short prefix; "" otherwise. */
function suggestion(s: string): string {
  const codes = knownSelectors();
  const families = [...new Set(codes.map((c) => c.slice(0, 3)))];
  // MW7: every family is one edit away, so name them all rather than guess.
  if (s.length <= 3) return ` Rule families: ${families.join(', ')}.`;
  // Letters typed for look-alike digits (MW1O1, MWl01) have one obvious meaning.
  const digits = s.slice(0, 2) + s.slice(2).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (digits !== s && codes.some((c) => c.startsWith(digits))) return ` Did you mean ${digits}?`;
  const candidates = [...new Set([...codes, ...codes.map((c) => c.slice(0, s.length))])];
  const scored = candidates.map((c) => ({ c, d: editDistance(s, c) })).filter((x) => x.d <= 2);
  if (!scored.length) return '';
  const best = Math.min(...scored.map((x) => x.d));
  const near = scored.filter((x) => x.d === best).map((x) => x.c);
  return near.length <= 4 ? ` Did you mean ${near.join(' or ')}?` : '';
}

/** Levenshtein distance with adjacent transpositions counted as one edit (MW110 for MW101). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
