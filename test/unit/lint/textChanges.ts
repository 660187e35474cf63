// Editor text changes for incremental-lint tests: what VS Code reports when `start..end` of `text` is replaced.
import type { TextChange } from '../../../extension/src/core/lint/incrementalEdit';

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function change(text: string, start: number, end: number, insert: string): TextChange {
  return { rangeOffset: start, rangeLength: end - start, range: { start: position(text, start), end: position(text, end) }, text: insert };
}
