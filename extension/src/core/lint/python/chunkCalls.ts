// The plain calls (`name(`, not `obj.name(`) each top-level chunk makes: what hot-code propagation (hotCode.ts)
// follows from caller to callee and back. Found once per chunk, on demand, and carried over to the next re-lint for
// chunks an edit only moved (their text is the same: see movedChunks in reuse.ts), so typing in one function
// searches that function again, not the whole file once per propagation round.
//
// Equal to searching the whole text for `\bname[ \t]*\(` not preceded by `.`: such a match is a whole word (an
// ASCII name followed by a non-word character), it starts inside one chunk, and two calls never overlap. A name with
// non-ASCII letters is not a `\w+` word, so hotCode.ts searches those few names in the text itself.

/** Every `word(` / `word (` (word ASCII, not after a `.`), as `\b(\w+)[ \t]*\(` finds them in the whole text. */
const CALL = /\b(\w+)[ \t]*\(/g;

/** Names made of ASCII word characters only: the ones a chunk's call list can hold. */
export const ASCII_NAME = /^\w+$/;

export class ChunkCalls {
  private readonly words: (readonly string[] | undefined)[];

  /** `carried[i]`: chunk i's calls from the previous run (chunks that only moved), or undefined to search. */
  constructor(
    private readonly text: string,
    private readonly chunks: readonly { start: number; end: number }[],
    carried?: (readonly string[] | undefined)[],
  ) {
    this.words = carried ?? [];
  }

  /** The distinct names chunk `i` calls, in order of first call. */
  of(i: number): readonly string[] {
    let list = this.words[i];
    if (!list) {
      const c = this.chunks[i];
      // One character before the chunk, so `\b` sees what it sees in the whole text; to the end of its last line, so
      // a call that starts inside the chunk is matched whole.
      const from = Math.max(0, c.start - 1);
      const lineEnd = this.text.indexOf('\n', c.end);
      const stretch = this.text.slice(from, lineEnd < 0 ? this.text.length : lineEnd);
      const seen = new Set<string>();
      CALL.lastIndex = c.start - from;
      for (let m = CALL.exec(stretch); m && from + m.index < c.end; m = CALL.exec(stretch)) {
        if (from + m.index > 0 && this.text.charCodeAt(from + m.index - 1) === 46 /* . */) continue;
        seen.add(m[1]);
      }
      this.words[i] = list = [...seen];
    }
    return list;
  }

  /** What the next run can carry over (chunks never asked about stay undefined). */
  snapshot(): (readonly string[] | undefined)[] {
    return this.words;
  }
}
