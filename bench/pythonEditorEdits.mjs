// The editor case of the Python benchmarks, shared by bench/pythonLint.mjs (latency figures) and
// bench/pythonEditorTail.mjs (where the slowest edits spend their time): the 5,000-line file made of the corpus's
// first files, and the one-character edits applied to it.

/** The first 5,000 lines of the corpus's files (sorted, none over 200,000 characters), concatenated. */
export function editorFile(files) {
  let big = '';
  for (const f of files) {
    if (big.split('\n').length >= 5000) break;
    if (f.text.length < 200000) big += f.text + '\n';
  }
  return big.split('\n').slice(0, 5000).join('\n') + '\n';
}

function lineStartOf(text, lineNo) {
  let off = 0;
  for (let l = 0; l < lineNo; l++) off = text.indexOf('\n', off) + 1;
  return off;
}

/**
 * The 300 edits of one mode, each as the text after it and the tree-sitter edit. `typing`: each step inserts one
 * character at a random place and the next step deletes it again, so the file stays close to valid as while
 * typing. `drift`: 300 random characters accumulate, and the file ends up broken in many places (error recovery
 * makes tree-sitter's incremental parse slower). Deterministic (a fixed seed).
 */
export function* editorEdits(big, mode) {
  let text = big;
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let undo = null;
  for (let i = 0; i < 300; i++) {
    let edit;
    if (undo) {
      const { at, row, col } = undo;
      text = text.slice(0, at) + text.slice(at + 1);
      edit = { startIndex: at, oldEndIndex: at + 1, newEndIndex: at, startPosition: { row, column: col }, oldEndPosition: { row, column: col + 1 }, newEndPosition: { row, column: col } };
      undo = null;
    } else {
      const row = Math.floor(rand() * 4990);
      const start = lineStartOf(text, row);
      const lineLen = text.indexOf('\n', start) - start;
      const col = Math.floor(rand() * (lineLen + 1));
      const at = start + col;
      const ch = (mode === 'typing' ? i % 4 < 2 : i % 2 === 1) ? 'x' : ' '; // drift: the sequence earlier versions of this bench used
      text = text.slice(0, at) + ch + text.slice(at);
      edit = { startIndex: at, oldEndIndex: at, newEndIndex: at + 1, startPosition: { row, column: col }, oldEndPosition: { row, column: col }, newEndPosition: { row, column: col + 1 } };
      if (mode === 'typing') undo = { at, row, col };
    }
    yield { text, edit };
  }
}

/** The first edits warm the process up and are not counted. */
export const WARM_EDITS = 20;
