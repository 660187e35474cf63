// The text of each attributed line, stored in the run file, so "Where memory grew" reads
// `rows = [row[1] * 1000 for row in reader]` rather than only `request_log.py:9` — in the editor, in the
// standalone HTML report and later, after the file has changed.
import * as fs from 'fs';
import type { LineCost } from './runFileTypes';

/** Only the lines a view shows get their text; a large generated file is not read. */
const MAX_LINES = 50;
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_TEXT = 240;

/** Adds `source` (the trimmed line, at most 240 characters) to the top lines whose file can still be read. */
export function addSourceText(lines: LineCost[]): void {
  const files = new Map<string, string[] | null>();
  for (const l of lines.slice(0, MAX_LINES)) {
    if (l.cell !== undefined || /\.ipynb$/i.test(l.file)) continue; // a notebook cell's line is not a line of the .ipynb file
    let text = files.get(l.file);
    if (text === undefined) {
      text = readLines(l.file);
      files.set(l.file, text);
    }
    const src = text?.[l.line - 1]?.trim();
    if (src) l.source = src.length > MAX_TEXT ? `${src.slice(0, MAX_TEXT - 1)}…` : src;
  }
}

function readLines(file: string): string[] | null {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return null;
    return fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return null; // a <string> or frozen module, or a file deleted meanwhile: no text, the location still shows
  }
}
