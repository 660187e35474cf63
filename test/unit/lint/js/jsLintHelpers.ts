// Shared helpers for the JS/TS lint tests: lint a snippet with every rule (real typescript-estree parse),
// and apply TextEdits to text the way an editor would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintJs } from '../../../../extension/src/core/lint/js/index';
import type { Finding, LanguageLintResult, TextEdit, TextRange } from '../../../../extension/src/core/lint/types';

/** Lint strictly: an exception inside a rule or the analysis fails the test instead of becoming a notice. */
export async function lint(text: string, path = 'script.mjs', only?: string): Promise<LanguageLintResult> {
  return lintJs({ path, text, isEnabled: (code) => !only || code === only, strict: true });
}

export async function findings(text: string, only?: string, path = 'script.mjs'): Promise<Finding[]> {
  return (await lint(text, path, only)).findings.filter((f) => !only || f.rule === only);
}

function offsetOf(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return off + column;
}

/** Apply edits (non-overlapping) from last to first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetOf(text, e.range.startLine, e.range.startColumn), end: offsetOf(text, e.range.endLine, e.range.endColumn), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The source text a range covers. */
export function textAt(text: string, r: TextRange): string {
  return text.slice(offsetOf(text, r.startLine, r.startColumn), offsetOf(text, r.endLine, r.endColumn));
}

/**
 * Every corpus commits its exact false-positive and false-negative list (`known-misses.json` beside the
 * scripts), so an accuracy change shows up as a diff of that file instead of hiding under a threshold.
 * Set MEMWISE_UPDATE_MISSES=1 to rewrite the lists after an intended change.
 */
export function assertKnownMisses(corpusDir: string, fp: string[], fn: string[]): void {
  const file = path.join(corpusDir, 'known-misses.json');
  const actual = { falsePositives: [...fp].sort(), falseNegatives: [...fn].sort() };
  if (process.env.MEMWISE_UPDATE_MISSES === '1') fs.writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
  const expected = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { falsePositives: [], falseNegatives: [] };
  assert.deepStrictEqual(actual, expected, `${path.basename(corpusDir)}: the false positives/negatives differ from ${file} (MEMWISE_UPDATE_MISSES=1 rewrites it after an intended change)`);
}
