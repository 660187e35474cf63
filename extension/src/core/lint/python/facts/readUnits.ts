// The units reuse across edits tracks reads by (readLog.ts, reuse.ts): a top-level chunk, except that a class is
// its header (decorators and `class` line, up to its first statement) and then each statement of its body, so an
// edit in one method leaves the others, and whatever read them, as they were. Reading a member reads its header
// (reuse.ts), and a question about a class as a whole (its record fields) reads every unit of it.
import type { Node } from 'web-tree-sitter';

export interface Unit {
  start: number;
  end: number;
  isDef: boolean;
  /** The index of the class header unit a member belongs to; -1 for headers and other chunks. */
  header: number;
}

/** The read units of `chunks`, in text order. */
export function readUnits(chunks: readonly { start: number; end: number; isDef: boolean; node: Node }[], text: string): Unit[] {
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
