// What each top-level chunk's answers read, so the engine can reuse a chunk's findings after an edit that none
// of it meets (reuse.ts). Four kinds of read, each as narrow as the question was:
// - other chunks (their text, tree and hotness), by index;
// - regexes run over the whole text, whose matches were used (a match in the edited lines may change them);
// - probes: whole-text questions whose answer is a small value (a yes/no test, a set of names). An edit that
//   meets a probe's trigger changes nothing when the value is the same on the text before and after it;
// - module-level names looked up: which module statements bind a name can only change where the name is written,
//   so the edited module code is searched for it, instead of every module chunk counting as read.
// FactCollection (collection.ts) extends this; the CLI's one-shot lints never record (tracking is off).

/** A whole-text question whose answer is a value: reuse compares it before and after an edit that meets `trigger`. */
export interface TextProbe {
  /** A match of this in the edited lines (before or after the edit) may change the value. */
  readonly trigger: RegExp;
  /** The answer on a whole text (the same text always gives the same value). */
  value(text: string): string;
}

export interface ChunkReads {
  chunks: Set<number>;
  regexes: Set<RegExp>;
  probes: Set<TextProbe>;
  /** Module-level names looked up (their binding sites are module statements that mention them). */
  names: Set<string>;
}

export function emptyReads(): ChunkReads {
  return { chunks: new Set(), regexes: new Set(), probes: new Set(), names: new Set() };
}

/** `re.test(text)` from the start, whatever its flags (a global regex keeps a lastIndex). */
function testsFromStart(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const b = re.test(text);
  re.lastIndex = 0;
  return b;
}

/** Probes for "does `re` match the text anywhere?", one per regex (so a chunk's set holds each once). */
const testProbes = new WeakMap<RegExp, TextProbe>();

export function testProbe(re: RegExp): TextProbe {
  let p = testProbes.get(re);
  if (!p) testProbes.set(re, (p = { trigger: re, value: (text) => String(testsFromStart(re, text)) }));
  return p;
}

/** A probe whose value is the set of first groups of `re`'s matches (sorted): the names a text defines, say. */
export function namesProbe(re: RegExp): TextProbe {
  return {
    trigger: re,
    value(text) {
      const names = new Set<string>();
      for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) names.add(m[1]);
      return [...names].sort().join(',');
    },
  };
}

export abstract class ReadLog {
  /** Per chunk index: what its answers read. */
  readonly reads = new Map<number, ChunkReads>();
  /** Chunk whose question is being answered (top: the innermost fact being computed). */
  protected readers: number[] = [];

  /** Record reads at all (only editor sessions re-lint after edits; the CLI never does). */
  tracking = false;

  abstract chunkIndexAt(pos: number): number;

  /** Attribute the following questions to chunk `index` (the engine calls this per candidate). */
  setReader(index: number): void {
    this.readers = this.tracking && index >= 0 ? [index] : [];
  }

  private top(): number {
    return this.readers.length ? this.readers[this.readers.length - 1] : -1;
  }

  private readsOf(reader: number): ChunkReads {
    let r = this.reads.get(reader);
    if (!r) this.reads.set(reader, (r = emptyReads()));
    return r;
  }

  noteChunkAt(pos: number): void {
    if (this.readers.length) this.noteChunk(this.chunkIndexAt(pos));
  }

  noteChunk(index: number): void {
    const top = this.top();
    if (top >= 0 && index !== top) this.readsOf(top).chunks.add(index);
  }

  /** `re` (global or not) run over the whole text, its matches used: its answer can change with any edit it matches. */
  noteRegex(re: RegExp): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).regexes.add(re);
  }

  /** A whole-text question answered by a value (see TextProbe). */
  noteProbe(p: TextProbe): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).probes.add(p);
  }

  /** A name looked up in the module scope: its bindings there (and so its value) come from module code naming it. */
  noteModuleName(name: string): void {
    const top = this.top();
    if (top >= 0) this.readsOf(top).names.add(name);
  }
}
