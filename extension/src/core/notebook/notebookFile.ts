// Reads a Jupyter notebook file (nbformat 4) into its cells, and keeps where each cell's source sits in
// the JSON text so a finding can also be placed within the .ipynb file itself (SARIF, GitHub annotations).
// jsonc-parser gives every JSON node's offset, which the standard JSON.parse does not.
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { lineStarts, rowOf } from '../textLines';

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookCell {
  /** 0-based position among all cells of the notebook (VS Code's cell index). */
  index: number;
  kind: CellKind;
  /** The cell's source with `\n` line ends. */
  source: string;
}

export interface NotebookFile {
  cells: NotebookCell[];
  /** The kernel's language (`python` when the notebook does not say). */
  language: string;
  /** Map a 0-based (line, column) inside cell `index` to the 0-based (line, column) of that character in the JSON text. */
  filePosition(index: number, line: number, column: number): { line: number; column: number } | undefined;
}

export class NotebookFormatError extends Error {}

/** One JSON string literal of a cell's source and where its decoded text starts within the cell source. */
interface SourcePiece {
  /** Offset of the literal's opening quote in the JSON text. */
  offset: number;
  length: number;
  /** Offset in the decoded cell source where this literal's text begins. */
  sourceOffset: number;
}

/** Parse notebook JSON. Throws NotebookFormatError with a message that names the problem. */
export function parseNotebook(jsonText: string): NotebookFile {
  const errors: ParseError[] = [];
  const root = parseTree(jsonText, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length || root.type !== 'object') {
    throw new NotebookFormatError('is not valid notebook JSON (open and save it in Jupyter or VS Code to repair it)');
  }
  const major = propertyValue(root, 'nbformat');
  if (major?.type === 'number' && major.value !== 4) {
    throw new NotebookFormatError(`uses nbformat ${String(major.value)}; only nbformat 4 is read (convert it with "jupyter nbconvert --to notebook")`);
  }
  const cellsNode = propertyValue(root, 'cells');
  if (!cellsNode || cellsNode.type !== 'array') throw new NotebookFormatError('has no "cells" list; is it an nbformat 4 notebook?');
  const cells: NotebookCell[] = [];
  const pieces: SourcePiece[][] = [];
  (cellsNode.children ?? []).forEach((cellNode, index) => {
    const typeNode = cellNode.type === 'object' ? propertyValue(cellNode, 'cell_type') : undefined;
    const kind: CellKind = typeNode?.value === 'code' ? 'code' : typeNode?.value === 'markdown' ? 'markdown' : 'raw';
    const sourceNode = cellNode.type === 'object' ? propertyValue(cellNode, 'source') : undefined;
    const literals = sourceNode?.type === 'string' ? [sourceNode] : sourceNode?.type === 'array' ? (sourceNode.children ?? []).filter((n) => n.type === 'string') : [];
    let source = '';
    const cellPieces: SourcePiece[] = [];
    for (const lit of literals) {
      cellPieces.push({ offset: lit.offset, length: lit.length, sourceOffset: source.length });
      source += String(lit.value);
    }
    cells.push({ index, kind, source: source.replace(/\r\n?/g, '\n') });
    pieces.push(cellPieces);
  });
  const language = String(
    propertyValue(propertyValue(propertyValue(root, 'metadata'), 'kernelspec'), 'language')?.value ??
      propertyValue(propertyValue(propertyValue(root, 'metadata'), 'language_info'), 'name')?.value ??
      'python',
  ).toLowerCase();
  const starts = lineStarts(jsonText);
  return {
    cells,
    language,
    filePosition(index, line, column) {
      const cell = cells[index];
      const cellPieces = pieces[index];
      if (!cell || !cellPieces?.length) return undefined;
      const sourceOffset = offsetOfLine(cell.source, line) + column;
      let piece = cellPieces[0];
      for (const p of cellPieces) if (p.sourceOffset <= sourceOffset) piece = p;
      const jsonOffset = rawOffset(jsonText, piece, sourceOffset - piece.sourceOffset);
      return positionOf(starts, jsonOffset);
    },
  };
}

function propertyValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

/** Offset in the JSON text of the `decoded`-th decoded character of a string literal, stepping over escapes. */
function rawOffset(jsonText: string, piece: SourcePiece, decoded: number): number {
  let raw = piece.offset + 1;
  const end = piece.offset + piece.length - 1;
  for (let n = 0; n < decoded && raw < end; n++) {
    if (jsonText.charCodeAt(raw) !== 0x5c) raw++;
    else raw += jsonText[raw + 1] === 'u' ? 6 : 2;
  }
  return raw;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  const line = rowOf(starts, offset);
  return { line, column: offset - starts[line] };
}

export function isNotebookPath(file: string): boolean {
  return file.toLowerCase().endsWith('.ipynb');
}
