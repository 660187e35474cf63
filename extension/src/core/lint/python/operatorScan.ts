// Operations inside hot code (the operands MW1xx rules ask about), found by their operator token: cheaper than a
// query over those subtrees. Most `-`, `%`, `<` tokens of hot code are in docstrings and comments: the scan steps
// over those (see OPERATOR_SCAN). What each top-level chunk's hot code held is kept for the next run: after an
// edit, a chunk the edit only moved, with the same hot ranges, takes its operations from there, shifted, without
// scanning its text or asking the tree; a node is looked up only when a rule visits it (opNode).
import type { Node } from 'web-tree-sitter';
import type { Chunk } from './facts/readUnits';
import { FSTRING_OPERATOR, isFString, OPERATOR_SCAN } from './candidateScan';
import { fStringEnd } from './chunkScan';

/** An operation: where its operator token is, its node's span and type, and the node once looked up. */
export interface FoundOp {
  at: number;
  start: number;
  end: number;
  type: string;
  node?: Node;
}

/** One top-level chunk's operations, relative to its start, and the hot ranges (and types) they were found for. */
export interface ChunkOps {
  key: string;
  ops: FoundOp[];
}

/** The node of the operation whose token is at `at`: the smallest named node around it (as the scan found it). */
export function opNode(root: Node, chunk: Chunk | null, at: number): Node | null {
  // Descend from the definition holding this code, not from the root (whose statements a descent scans one by
  // one): an index strictly inside a top-level node has the same descendant from either.
  return (chunk && chunk.isDef && at > chunk.start && at < chunk.end ? chunk.node : root).namedDescendantForIndex(at);
}

/**
 * Calls `found` with every operation of one of `opTypes` in `hot` (sorted ranges), in text order, and returns what
 * each top-level chunk held for the next run. `carried[j]`: what chunk j held in the previous run, when the edit
 * only moved it (its key says for which hot ranges).
 */
export function operatorsInHotCode(root: Node, text: string, chunks: readonly Chunk[], chunkIndexAt: (pos: number) => number, hot: readonly { start: number; end: number }[], opTypes: ReadonlySet<string>, carried: readonly (ChunkOps | undefined)[] | undefined, found: (op: FoundOp) => void): (ChunkOps | undefined)[] {
  const kept: (ChunkOps | undefined)[] = [];
  const typesKey = [...opTypes].join(',');
  const re = OPERATOR_SCAN;
  let h = 0;
  while (h < hot.length) {
    // Scan from the start of the chunk holding this hot code (a statement boundary, so never inside a string)
    // through its last hot range: a class's hot methods are scanned with the class's text before them.
    const ci = chunkIndexAt(hot[h].start);
    const chunk = ci >= 0 ? chunks[ci] : null;
    const scanFrom = chunk ? Math.min(chunk.start, hot[h].start) : hot[h].start;
    let last = h;
    while (last + 1 < hot.length && chunk && hot[last + 1].start < chunk.end) last++;
    const scanTo = hot[last].end;
    // Kept only when the scan stays inside the chunk (its text is all an edit elsewhere leaves alone).
    let key: string | null = null;
    if (chunk && scanFrom >= chunk.start && scanTo <= chunk.end) {
      key = typesKey + '|';
      for (let k = h; k <= last; k++) key += `${hot[k].start - chunk.start}-${hot[k].end - chunk.start},`;
    }
    const before = key !== null ? carried?.[ci] : undefined;
    if (chunk && before && before.key === key) {
      for (const op of before.ops) found({ at: op.at + chunk.start, start: op.start + chunk.start, end: op.end + chunk.start, type: op.type });
      kept[ci] = before;
      h = last + 1;
      continue;
    }
    const ops: FoundOp[] = [];
    const visit = (at: number, tok: string) => {
      while (h <= last && hot[h].end <= at) h++;
      if (h > last || at < hot[h].start) return;
      // `*args`, `**kw`, `-1`, `+x` right after `(`, `,`, `[`, `{`, `=` or `:` on the same line have no left
      // operand: a splat or a unary operator, never an operation rules visit (nothing to ask the tree).
      if (tok.length === 1 || tok === '**') {
        const ch = tok.charCodeAt(0);
        if (ch === 42 /* * */ || ch === 45 /* - */ || ch === 43 /* + */) {
          let k = at - 1;
          while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
          const prev = k >= 0 ? text.charCodeAt(k) : 10;
          if (prev === 40 /* ( */ || prev === 44 /* , */ || prev === 91 /* [ */ || prev === 123 /* { */ || prev === 61 /* = */ || prev === 58 /* : */) return;
        }
      }
      // The smallest named node around an operator token is its operation (one call; a token the scan could
      // not tell from code, say in an f-string's text, yields that string instead).
      const node = opNode(root, chunk, at);
      const type = node?.type; // (a wasm call)
      if (!node || !type || !opTypes.has(type)) return;
      const op: FoundOp = { at, start: node.startIndex, end: node.endIndex, type, node };
      found(op);
      if (chunk) ops.push({ at: at - chunk.start, start: op.start - chunk.start, end: op.end - chunk.start, type: op.type });
    };
    re.lastIndex = scanFrom;
    for (let m = re.exec(text); m && m.index < scanTo; m = re.exec(text)) {
      if (m[3] !== undefined) visit(m.index, m[3]);
      else if (m[2] !== undefined && isFString(text, m.index)) {
        // An f-string's `{…}` parts are code: its operator tokens go to the tree like any other (to its real
        // end, see fStringEnd).
        const whole = text.slice(m.index, (re.lastIndex = fStringEnd(root, text, m.index, re.lastIndex)));
        FSTRING_OPERATOR.lastIndex = 0;
        for (let o = FSTRING_OPERATOR.exec(whole); o; o = FSTRING_OPERATOR.exec(whole)) visit(m.index + o.index, o[0]);
      }
    }
    if (key !== null) kept[ci] = { key, ops };
    h = last + 1;
  }
  return kept;
}
