// The fast path's token scan (candidateScan.ts's regex), run one top-level chunk at a time: what it finds in a
// chunk depends on that chunk's text alone (and its f-strings' ends, from its own subtree), so a re-lint after an
// edit scans only the chunks the edit did not just move and shifts the others' results (engine.ts). The CLI scans
// every chunk the same way, so a re-lint and a fresh lint always agree. The gaps between top-level statements hold
// only whitespace (comments are statements of the module here).
import type { Node } from 'web-tree-sitter';
import { isFString, opensText, type TokenScanner } from './candidateScan';
import { functionsEvaluatedAs, lastWords } from './library/derived';

/** The last words of the model's file-opening callees (`open`, `io.open` → `open`): the scan's `open(` sources. */
const OPEN_WORDS = lastWords(functionsEvaluatedAs('open-file'));

/** What the scan found in one chunk, at offsets from the chunk's start. */
export interface ChunkScan {
  /** Trigger tokens, in text order. */
  occurrences: { at: number; tok: string }[];
  /** Where data text can come from, in text order. */
  sources: number[];
  /** The `appliesTo` needles and hint words that occur. */
  present: string[];
}

/**
 * Where the f-string whose quote is at `quote` ends, from the tree (the scan's regex ended it at `scanned`): a
 * Python 3.12 f-string may reuse its quote inside `{…}`. Never earlier than `scanned`, so the scan always moves on.
 */
export function fStringEnd(root: Node, text: string, quote: number, scanned: number): number {
  // Only a literal the regex ended inside `{…}` can be longer (a reused quote); balanced braces need no tree.
  let open = 0;
  for (let i = quote + 1; i < scanned - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) open += text.charCodeAt(i + 1) === 123 ? (i++, 0) : 1;
    else if (c === 125 /* } */ && open > 0) open--;
  }
  if (open === 0) return scanned;
  let n: Node | null = root.descendantForIndex(quote);
  for (let i = 0; n && i < 4 && n.type !== 'string'; i++) n = n.parent;
  return n && n.type === 'string' && n.endIndex > scanned ? n.endIndex : scanned;
}

/** Scans the chunk [start, end) of `text` (`from`: the node to ask for f-string ends, holding the chunk). */
export function scanChunk(scanner: TokenScanner, text: string, start: number, end: number, from: Node): ChunkScan {
  const { re, inner } = scanner;
  const out: ChunkScan = { occurrences: [], sources: [], present: [] };
  const present = new Set<string>();
  const chunk = text.slice(start, end);
  const take = taker(scanner, chunk, out, present, true);
  re.lastIndex = 0;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    if (m[1] !== undefined) continue; // a comment
    const str = m[2];
    if (str === undefined) take(m, m.index, 2);
    else if (isFString(chunk, m.index)) {
      // The code inside an f-string's braces: its text is scanned as code (the words around it only cost time).
      // Since Python 3.12 the braces may reuse the quote (`f"{d["k"]}"`), which the regex cannot see: the tree
      // says where the literal really ends (never past the chunk), and the scan resumes there.
      const stop = Math.min(end, fStringEnd(from, text, start + m.index, start + re.lastIndex)) - start;
      const whole = chunk.slice(m.index, (re.lastIndex = Math.max(stop, re.lastIndex)));
      inner.lastIndex = 0;
      for (let n = inner.exec(whole); n; n = inner.exec(whole)) take(n, m.index + n.index, 0);
    }
  }
  out.present = [...present];
  return out;
}

/**
 * The scan's tokens and sources anywhere in `text`, before any parse (textGate.ts): the regex without its comment and
 * string alternatives, so what it finds is a superset of what the chunk scans find, whatever the tree makes of the
 * text (a string or comment the tree reads differently, a 3.12 f-string reusing its quote). Every `open(` counts
 * as a source (its mode is not read). `enough`: asked after each match; true ends the scan there.
 */
export function scanWholeText(scanner: TokenScanner, text: string, enough: (found: ChunkScan) => boolean): ChunkScan {
  const out: ChunkScan = { occurrences: [], sources: [], present: [] };
  const present = new Set<string>();
  const take = taker(scanner, text, out, present, false);
  const { inner } = scanner;
  inner.lastIndex = 0;
  for (let m = inner.exec(text); m; m = inner.exec(text)) {
    take(m, m.index, 0);
    if (enough(out)) break;
  }
  out.present = [...present];
  return out;
}

/**
 * What one match adds to `out`: a match of `re` (g = 2: its groups 3 and 4 are the source groups) or of `inner`
 * (g = 0), at `at` in `chunk`. `openMode`: read an `open(` call's mode (only text opened for reading is a source);
 * otherwise every `open(` is one.
 */
function taker(scanner: TokenScanner, chunk: string, out: ChunkScan, present: Set<string>, openMode: boolean): (m: RegExpExecArray, at: number, g: number) => void {
  const { byToken, needles } = scanner;
  return (m, at, g) => {
    const dotSrc = m[g + 2];
    if (dotSrc !== undefined) {
      // `.split(`: a source, and the method name may be a trigger token too.
      out.sources.push(at);
      const name = /\w+/.exec(dotSrc)!;
      if (byToken.has(name[0])) out.occurrences.push({ at: at + name.index, tok: name[0] });
      return;
    }
    const src = m[g + 1];
    if (src === undefined) {
      const tok = m[0];
      if (byToken.has(tok)) out.occurrences.push({ at, tok });
      if (needles.has(tok)) present.add(tok);
      return;
    }
    // `open(` is a source only when it opens text for reading (a word match ends in `(`).
    if (src.charCodeAt(src.length - 1) !== 40 /* ( */ || !OPEN_WORDS.some((w) => src.startsWith(w)) || !openMode || opensText(chunk, at)) out.sources.push(at);
    const dot = src.indexOf('.'); // `np.array`: two words
    const first = dot > 0 ? src.slice(0, dot) : /^\w+/.exec(src)![0];
    if (byToken.has(first)) out.occurrences.push({ at, tok: first });
    if (needles.has(first)) present.add(first);
    if (dot > 0) {
      const second = src.slice(dot + 1);
      if (byToken.has(second)) out.occurrences.push({ at: at + dot + 1, tok: second });
      if (needles.has(second)) present.add(second);
    }
  };
}
