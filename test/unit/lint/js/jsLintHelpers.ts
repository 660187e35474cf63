// Shared helpers for the JS/TS lint tests: lint a snippet with every rule (real typescript-estree parse),
// and apply TextEdits to text the way an editor would.
import { lintJs } from '../../../../extension/src/core/lint/js/index';
import type { Finding, LanguageLintResult, TextEdit, TextRange } from '../../../../extension/src/core/lint/types';

export async function lint(text: string, path = 'script.mjs', only?: string): Promise<LanguageLintResult> {
  return lintJs({ path, text, isEnabled: (code) => !only || code === only });
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
