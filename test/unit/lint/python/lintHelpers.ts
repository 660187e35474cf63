// Shared helpers for the Python lint tests: real tree-sitter parses through the public front end.
import type { Finding, TextEdit } from '../../../../extension/src/core/lint/types';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

export async function lintPython(text: string, only?: string): Promise<Finding[]> {
  const r = await pythonLinter.lint({ path: 'test.py', text, isEnabled: (c) => !only || c === only });
  r.state?.dispose?.();
  return r.findings;
}

/** Applies non-overlapping edits (0-based UTF-16 ranges) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number) => {
    let o = 0;
    for (let i = 0; i < line; i++) o += lines[i].length + 1;
    return o + col;
  };
  const withOffsets = edits.map((e) => ({ s: offset(e.range.startLine, e.range.startColumn), e: offset(e.range.endLine, e.range.endColumn), t: e.newText }));
  withOffsets.sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
