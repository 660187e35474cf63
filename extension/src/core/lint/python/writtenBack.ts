// Is a whole-file load written back to the file it was read from, through a second handle? `with open(p) as f:
// rows = list(csv.reader(f))`, then `with open(p, "w") as f: csv.writer(f).writerows(…rows…)`: the list is the
// snapshot of a file being rewritten, needed whole (streaming the file while it is truncated would lose it). The
// same handle written, rewound or truncated is wholeFileUse.ts's own test; this one follows the path instead: the
// handle's `open(P)` (or `P.open()`), then, later in the same scope, `open(P, <writing mode>)`,
// `P.open(<writing mode>)` or `P.write_text(…)` with P written the same way.
import type { Node } from 'web-tree-sitter';
import { FILE_WRITES, isOpenCall } from './library/derived';
import { calleeOf, keywordArg, positionalArgs, stringValue, unwrap } from './syntax';

/** More calls than this after the load are not searched (a long script: stay silent rather than walk it all). */
const MAX_CALLS = 400;

/** The handle a `list(h)` / `list(csv.reader(h, …))` load reads: `h`, when it is a plain name. */
export function listedHandle(load: Node): Node | null {
  let arg = unwrap(positionalArgs(load)[0] ?? null);
  if (arg?.type === 'call') arg = unwrap(positionalArgs(arg)[0] ?? null);
  return arg?.type === 'identifier' ? arg : null;
}

/** The path expression of an opening call (`open(P, …)`, `P.open(…)`), and its mode argument's position. */
function openedPath(call: Node): { path: Node; mode: number } | null {
  const c = calleeOf(call);
  if (!c || !isOpenCall(c.full, c.last)) return null;
  if (c.object) return { path: c.object, mode: 0 };
  const p = positionalArgs(call)[0];
  return p ? { path: p, mode: 1 } : null;
}

/** Does this mode (a literal) write the file? Unknown modes do not count. */
function writes(call: Node, modeAt: number): boolean {
  const mode = stringValue(keywordArg(call, 'mode') ?? positionalArgs(call)[modeAt] ?? null);
  return !!mode && /[wax+]/.test(mode);
}

/** The path `handle` was last opened from in `scope` before `load` (`with open(P) as h`, `h = open(P)`). */
function pathOfHandle(handle: string, load: Node, scope: Node): string | null {
  let path: string | null = null;
  for (const n of scope.descendantsOfType(['as_pattern', 'assignment'], scope.startPosition, load.startPosition)) {
    if (!n) continue;
    const target = n.type === 'as_pattern' ? n.childForFieldName('alias') : n.childForFieldName('left');
    const value = unwrap(n.type === 'as_pattern' ? n.namedChild(0) : n.childForFieldName('right'));
    if (target?.text !== handle || value?.type !== 'call') continue;
    const opened = openedPath(value);
    path = opened && !writes(value, opened.mode) ? opened.path.text : null;
  }
  return path;
}

/** Is the file `handle` was opened from opened again for writing, or written through its path, after `load`? */
export function reopenedForWriting(handle: string, load: Node, scope: Node): boolean {
  const path = pathOfHandle(handle, load, scope);
  if (!path) return false;
  let seen = 0;
  for (const call of scope.descendantsOfType('call', load.endPosition, scope.endPosition)) {
    if (!call || call.startIndex < load.endIndex) continue;
    if (++seen > MAX_CALLS) return false;
    const opened = openedPath(call);
    if (opened && opened.path.text === path && writes(call, opened.mode)) return true;
    const c = calleeOf(call);
    if (c?.object && c.object.text === path && FILE_WRITES.has(c.last) && !opened) return true;
  }
  return false;
}
