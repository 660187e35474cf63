// Is a whole-file load written back to the file it was read from, through a second handle? `with open(p) as f:
// rows = list(csv.reader(f))`, then `with open(p, "w") as f: csv.writer(f).writerows(…rows…)`: the list is the
// snapshot of a file being rewritten, needed whole (streaming the file while it is truncated would lose it). The
// same handle written, rewound or truncated is wholeFileUse.ts's own test; this one follows the path instead: the
// handle's `open(P)` (or `P.open()`), or an unnamed `open(P).read()` / `Path(P).read_text()`, then, later in the
// same scope, `open(P, <writing mode>)`, `P.open(<writing mode>)` or `P.write_text(…)` with P written the same way
// (`Path(P)` and `P` name the same file).
import type { Node } from 'web-tree-sitter';
import { FILE_WRITES, isOpenCall, PATH_CONSTRUCTORS } from './library/derived';
import { calleeOf, keywordArg, positionalArgs, stringValue, unwrap } from './syntax';

/** More calls than this after the load are not searched (a long script: stay silent rather than walk it all). */
const MAX_CALLS = 400;

/**
 * The handle a `list(h)` / `list(csv.reader(h, …))` load reads: `h` when it is a plain name, or the opening call
 * itself when the handle is never named (`list(open(p))`).
 */
export function listedHandle(load: Node): Node | null {
  let arg = unwrap(positionalArgs(load)[0] ?? null);
  if (arg?.type === 'call' && !openedPath(arg)) arg = unwrap(positionalArgs(arg)[0] ?? null);
  return arg?.type === 'identifier' || (arg?.type === 'call' && openedPath(arg)) ? arg : null;
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

/** The file a path expression names, as compared here: `Path(p)` and `p` are the same file. */
function pathKey(path: Node): string {
  const p = unwrap(path) ?? path;
  if (p.type === 'call' && PATH_CONSTRUCTORS.includes(calleeOf(p)?.full ?? '')) {
    const args = positionalArgs(p);
    if (args.length === 1) return pathKey(args[0]);
  }
  return p.text;
}

/**
 * The file an unnamed source of a whole read names (`open(P)` in `open(P).read()`, `Path(P)` in
 * `Path(P).read_text()`), as a path key; null for any other expression.
 */
export function fileOfSource(source: Node): string | null {
  if (source.type !== 'call') return null;
  const opened = openedPath(source);
  if (opened) return pathKey(opened.path);
  return PATH_CONSTRUCTORS.includes(calleeOf(source)?.full ?? '') ? pathKey(source) : null;
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
    path = opened && !writes(value, opened.mode) ? pathKey(opened.path) : null;
  }
  return path;
}

/**
 * Is the file `name` reads opened again for writing, or written through its path, after `load`? `name` is a
 * handle (the file is the path it was opened from) or a path (`p` of `p.read_text()`).
 */
export function reopenedForWriting(name: string, load: Node, scope: Node): boolean {
  return fileWrittenAfter(pathOfHandle(name, load, scope) ?? name, load, scope);
}

/** Is the file with this path key opened for writing (`open(P, "w")`, `P.open("w")`) or written (`P.write_text`) after `load`? */
export function fileWrittenAfter(path: string, load: Node, scope: Node): boolean {
  let seen = 0;
  for (const call of scope.descendantsOfType('call', load.endPosition, scope.endPosition)) {
    if (!call || call.startIndex < load.endIndex) continue;
    if (++seen > MAX_CALLS) return false;
    const opened = openedPath(call);
    if (opened && pathKey(opened.path) === path && writes(call, opened.mode)) return true;
    const c = calleeOf(call);
    if (c?.object && pathKey(c.object) === path && FILE_WRITES.has(c.last) && !opened) return true;
  }
  return false;
}
