// A module's top-level chunks (a definition, or a run of module statements: what facts are collected in and hot
// code is made of), and the units reuse across edits tracks reads by (readLog.ts, reuse.ts): a top-level chunk, except that a class is
// its header (decorators and `class` line, up to its first statement) and then each statement of its body, so an
// edit in one method leaves the others, and whatever read them, as they were. Reading a member reads its header
// (reuse.ts), and a question about a class as a whole (its record fields) reads every unit of it.
import type { Node } from 'web-tree-sitter';

/** A top-level statement (def/class) or a run of module-level statements: the unit facts are collected in. */
export interface Chunk {
  start: number;
  end: number;
  isDef: boolean;
  collected: boolean;
  /** The top-level statement (the first one of a run of module statements). */
  node: Node;
  /** Its index among the root's named children (a run's other statements follow it there). */
  index: number;
}

/** The top-level chunks of a module, in text order. */
export function topLevelChunks(root: Node, text: string): Chunk[] {
  const out: Chunk[] = [];
  // Node type and end are wasm calls: the type is only asked of statements starting like a definition
  // (`def`, `async`, `class`, `@`), and a run of other statements asks its last one for its end.
  let runLast: Node | null = null;
  const kids = root.namedChildren;
  for (let index = 0; index < kids.length; index++) {
    const c = kids[index];
    if (!c) continue;
    const ch = text.charCodeAt(c.startIndex);
    const maybeDef = ch === 100 /* d */ || ch === 97 /* a */ || ch === 99 /* c */ || ch === 64; /* @ */
    const type = maybeDef ? c.type : '';
    const isDef = type === 'function_definition' || type === 'class_definition' || type === 'decorated_definition';
    const last = out[out.length - 1];
    if (!isDef && last && !last.isDef) runLast = c;
    else {
      if (runLast) last.end = runLast.endIndex;
      runLast = null;
      out.push({ start: c.startIndex, end: isDef ? c.endIndex : -1, isDef, collected: false, node: c, index });
      if (!isDef) runLast = c;
    }
  }
  const last = out[out.length - 1];
  if (runLast && last) last.end = runLast.endIndex;
  return out;
}

export interface Unit {
  start: number;
  end: number;
  isDef: boolean;
  /** The index of the class header unit a member belongs to; -1 for headers and other chunks. */
  header: number;
}

/** The read units of `chunks`, in text order. */
export function readUnits(chunks: readonly Chunk[], text: string): Unit[] {
  const out: Unit[] = [];
  for (const c of chunks) {
    // A definition chunk starting with `c` is a class; one starting with `@` asks the tree.
    const ch = text.charCodeAt(c.start);
    const def = !c.isDef || (ch !== 99 /* c */ && ch !== 64) /* @ */ ? null : c.node.type === 'decorated_definition' ? c.node.childForFieldName('definition') : c.node;
    const members = def?.type === 'class_definition' ? def.childForFieldName('body')?.namedChildren : undefined;
    if (!members || !members.length || !members[0]) {
      out.push({ start: c.start, end: c.end, isDef: c.isDef, header: -1 });
      continue;
    }
    const header = out.length;
    out.push({ start: c.start, end: members[0].startIndex, isDef: true, header: -1 });
    for (const m of members) if (m) out.push({ start: m.startIndex, end: m.endIndex, isDef: true, header });
  }
  return out;
}
