// Editor change events → the tree-sitter-shaped IncrementalEdit the front ends re-parse from.
// Offsets and columns stay in UTF-16 code units, the unit of editor positions and of our ranges.
import type { IncrementalEdit } from './types';

export interface TextChange {
  /** Offset of the replaced range in the text before the change. */
  rangeOffset: number;
  rangeLength: number;
  /** Start and end (before the change) of the replaced range. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

export function toIncrementalEdit(c: TextChange): IncrementalEdit {
  const lines = c.text.split('\n');
  const newEnd =
    lines.length === 1
      ? { row: c.range.start.line, column: c.range.start.character + c.text.length }
      : { row: c.range.start.line + lines.length - 1, column: lines[lines.length - 1].length };
  return {
    startIndex: c.rangeOffset,
    oldEndIndex: c.rangeOffset + c.rangeLength,
    newEndIndex: c.rangeOffset + c.text.length,
    startPosition: { row: c.range.start.line, column: c.range.start.character },
    oldEndPosition: { row: c.range.end.line, column: c.range.end.character },
    newEndPosition: newEnd,
  };
}
