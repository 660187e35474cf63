// Use analysis for MW3xx: is a whole-file load (a list of every line) provably used as one forward stream?
// Read from the tree, never from text patterns: every read of the name the load is bound to is classified by
// its place in the tree. Only a single pass (a `for`, a comprehension, or enumerate/zip/map/filter) plus the
// documented tail idioms (`lines[-1]`, `lines[-n:]`) and truthiness tests may remain; an index, a slice, len(),
// a second walk (two loops, or one loop inside another loop), a method call, being returned (unless every
// in-file caller walks the result once), passed to another function, printed, stored or read from a nested
// function all make the whole list needed, and the rules stay silent.
import type { Node } from 'web-tree-sitter';
import { attributeUses } from './attributeWalks';
import { FILE_WRITES, methodsEvaluatedAs, SIZE_FUNCTIONS, WHOLE_LIST_FUNCTIONS, WHOLE_LIST_METHODS } from './library/derived';
import { enclosing, isSelfAttribute, isTailRead, iterates, MAX_CALLER_DEPTH, MAX_USES, methodOf, parentOf, scopeOf, streamedBy, type StreamUse } from './listReads';
import { namesVariable, shadowedIn } from './localNames';
import { unwrap } from './syntax';
import { fileOfSource, fileWrittenAfter, listedHandle, reopenedForWriting } from './writtenBack';
import { isSlice, keptAsWorkingSet, workingSetUse } from './workingSet';

export type { StreamUse } from './listReads';

/**
 * What counts as a stream. `once`: one forward pass (MW301/MW302, whose advice is "walk the file instead").
 * `passes`: only walked, any number of times one after another, also past a header (`for r in rows[1:]`), its
 * len() read only after the first pass (a count the pass could keep): MW303's test for a list returned to callers,
 * which is reported unless they need the list itself (index it, len() it first, keep it, print it, pass it to code
 * not in the file).
 */
type Walks = 'once' | 'passes';

/** `for r in rows[1:]`, `sum(… for r in rows[1:])`: a slice of x (a head or a skipped header) walked where it is made. */
function slicedWalk(p: Node, x: Node): boolean {
  if (p.type !== 'subscript' || p.childForFieldName('value')?.id !== x.id) return false;
  const idx = p.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  if (idx.length !== 1 || idx[0].type !== 'slice') return false;
  const up = parentOf(p);
  return !!up && (iterates(up, p) || !!streamedBy(up));
}

/**
 * For a load (`f.readlines()`, `f.read().splitlines()`): whether the loaded list is walked once. Null when that
 * cannot be proven.
 */
export function walkedOnce(load: Node, depth = 0, walks: Walks = 'once'): StreamUse | null {
  const p = parentOf(load);
  if (!p) return null;
  if (depth === 0 && rewrittenInPlace(load)) return null;
  if (iterates(p, load)) return { direct: true };
  if (streamedBy(p)) return { direct: false };
  if (p.type === 'assignment' && p.childForFieldName('left')?.type === 'identifier' && unwrap(p.childForFieldName('right'))?.id === load.id) {
    const scope = scopeOf(p);
    return scope ? usesOf(p.childForFieldName('left')!.text, p, scope, depth, walks) : null;
  }
  if (p.type === 'assignment' && unwrap(p.childForFieldName('right'))?.id === load.id && isSelfAttribute(p.childForFieldName('left'))) {
    return attributeUses(p, p.childForFieldName('left')!, depth);
  }
  if (p.type === 'return_statement') return returnedToStreams(p, depth, walks);
  // `len(f.readlines())`: the lines are made only to be counted, one pass (a wc clone over user files)
  if (depth === 0 && walks === 'once' && p.type === 'argument_list' && p.namedChildCount === 1 && p.parent?.type === 'call' && SIZE_FUNCTIONS.has(p.parent.childForFieldName('function')?.text ?? '')) return { direct: false, counted: true };
  if (p.type === 'argument_list') return passedToStream(p, load, depth, walks);
  if (walks === 'passes' && slicedWalk(p, load)) return { direct: false };
  return null;
}

/**
 * `lines = f.readlines(); f.seek(0); … f.write(line); f.truncate()` (or `p.read_text().splitlines()` then
 * `p.write_text(…)`, or `rows = list(csv.reader(f))` then `open(p, "w")` of f's path, or `text = open(p).read()`
 * then `open(p, "w")`, writtenBack.ts): the list is a snapshot of a file rewritten in place, needed whole;
 * streaming the file instead would read lines that are being overwritten.
 */
function rewrittenInPlace(load: Node): boolean {
  const scope = scopeOf(load);
  const source = readSource(load);
  if (!scope || !source) return false;
  // `text = p.read_text()` then `text.splitlines()`: the text's own handle or path is what may be written back
  const sources = [source, source.type === 'identifier' ? readInto(source.text, load, scope) : null];
  return sources.some((s) => {
    if (!s) return false;
    // a handle never named (`open(p).read()`, `Path(p).read_text()`): only its path can be written back
    if (s.type !== 'identifier') {
      const file = fileOfSource(s);
      return !!file && fileWrittenAfter(file, load, scope);
    }
    const sameHandle = !!readsAfter(s.text, load, scope)?.some((r) => {
      const attr = r.parent;
      return attr?.type === 'attribute' && attr.childForFieldName('object')?.id === r.id && FILE_WRITES.has(attr.childForFieldName('attribute')?.text ?? '') && attr.parent?.type === 'call';
    });
    // or its path opened again for writing (`with open(p, "w") as f:`) after the load
    return sameHandle || reopenedForWriting(s.text, load, scope);
  });
}

/**
 * What a load reads: the handle or path name (`f` of `f.readlines()`, `f.read().splitlines()`, `list(f)`), or the
 * unnamed opening or path call (`open(p)` of `open(p).read().splitlines()`); null for anything else.
 */
function readSource(load: Node): Node | null {
  const callee = load.childForFieldName('function');
  let recv = callee?.type === 'attribute' ? unwrap(callee.childForFieldName('object')) : null;
  // `f.read().splitlines()`: the handle is the receiver of read(), unless the load is on an opening call itself
  if (recv?.type === 'call' && !fileOfSource(recv)) {
    const inner = recv.childForFieldName('function');
    recv = inner?.type === 'attribute' ? unwrap(inner.childForFieldName('object')) : null;
  }
  // `list(f)`, `list(csv.reader(f))`: the handle listed
  if (!recv && callee?.type === 'identifier') recv = listedHandle(load);
  if (recv?.type === 'identifier') return recv;
  return recv?.type === 'call' && fileOfSource(recv) ? recv : null;
}

/** Whole reads whose receiver is the handle or path read (`f.read()`, `p.read_text()`), from the library model. */
const WHOLE_READS: ReadonlySet<string> = new Set(methodsEvaluatedAs('read-file', 'read-path'));

/**
 * What `name` was last read whole from before `load` in `scope`: `p` of `text = p.read_text()`, `open(p)` of
 * `text = open(p).read()`.
 */
function readInto(name: string, load: Node, scope: Node): Node | null {
  let from: Node | null = null;
  for (const n of scope.descendantsOfType('assignment', scope.startPosition, load.startPosition)) {
    if (!n || n.startIndex >= load.startIndex || n.childForFieldName('left')?.text !== name) continue;
    const value = unwrap(n.childForFieldName('right'));
    const callee = value?.type === 'call' ? value.childForFieldName('function') : null;
    const obj = callee?.type === 'attribute' ? unwrap(callee.childForFieldName('object')) : null;
    const whole = !!obj && WHOLE_READS.has(callee!.childForFieldName('attribute')?.text ?? '');
    from = whole && (obj!.type === 'identifier' || fileOfSource(obj!)) ? obj : null;
  }
  return from;
}

/**
 * Reads of `name` after `assignment` in its scope, in document order (cursor walk: deep nesting is fine); null past
 * MAX_USES, or with `firstOnly` the first MAX_USES + 1 of them. An attribute or keyword spelt like the name
 * (`stats.rows`, `f(rows=…)`) is not a read of it. In a nested function they are reads of the scope's
 * `name` unless that function has its own local of the name (localNames.ts): another function's `rows` is another list.
 */
function readsAfter(name: string, assignment: Node, scope: Node, firstOnly = false): Node[] | null {
  const out: Node[] = [];
  const cursor = scope.walk();
  const shadowing = new Map<number, boolean>();
  try {
    for (;;) {
      const n = cursor.currentNode;
      if (n.endIndex > assignment.endIndex && n.type === 'identifier' && n.text === name && n.startIndex >= assignment.endIndex && namesVariable(n) && !shadowedIn(n, scope, shadowing)) {
        out.push(n);
        if (out.length > MAX_USES) return firstOnly ? out : null;
      }
      // Descend only into nodes that reach past the assignment.
      if (n.endIndex > assignment.endIndex && cursor.gotoFirstChild()) continue;
      let moved = false;
      while (!moved) {
        if (cursor.gotoNextSibling()) moved = true;
        else if (!cursor.gotoParent() || cursor.currentNode.id === scope.id) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Does `n` run whenever its scope runs (only plain blocks and `with` between them)? */
function unconditional(n: Node, scope: Node): boolean {
  for (let a = n.parent; a && a.id !== scope.id; a = a.parent) {
    if (a.type !== 'expression_statement' && a.type !== 'block' && a.type !== 'with_statement') return false;
  }
  return true;
}

/**
 * `lines = <load>` (or a parameter given the load, `after` then being the parameter list): every later read of
 * `name` in `scope`, classified.
 */
function usesOf(name: string, assignment: Node, scope: Node, depth: number, walks: Walks): StreamUse | null {
  const uses = readsAfter(name, assignment, scope);
  if (!uses || !uses.length) return null;
  let passes = 0;
  let tails = 0;
  let stopAt = Infinity;
  // `passes`: where the first pass's statement ends, and where the list's len() is read
  let firstPassEnd = Infinity;
  let firstCount = Infinity;
  for (const use of uses) {
    if (use.startIndex >= stopAt) break;
    const p = parentOf(use);
    if (!p) return null;
    // `name = …` again, unconditionally: later reads see the new value (its right side, read first, still
    // counts). Under a branch (`except: lines = []`) later reads may see either value, so they still count.
    if (p.type === 'assignment' && p.childForFieldName('left')?.id === use.id) {
      if (unconditional(p, scope)) stopAt = p.endIndex;
      continue;
    }
    const where = enclosing(use, scope, assignment);
    if (where.nested) return null;
    if (iterates(p, use) || streamedBy(p) || (walks === 'passes' && slicedWalk(p, use))) {
      if (where.loop) return null; // walked again on every turn of an outer loop
      if (passes++ === 0) firstPassEnd = statementEnd(use);
    } else if (walks === 'passes' && isCount(p)) {
      firstCount = Math.min(firstCount, use.startIndex);
    } else if (p.type === 'return_statement' || p.type === 'argument_list') {
      // returned to callers, or passed to an in-file function, that each walk it once
      const on = p.type === 'return_statement' ? returnedToStreams(p, depth, walks) : passedToStream(p, use, depth, walks);
      if (!on || on.tail || where.loop) return null;
      if (passes++ === 0) firstPassEnd = statementEnd(use);
    } else if (p.type === 'subscript' && p.childForFieldName('value')?.id === use.id && isTailRead(p)) tails++;
    else if (p.type === 'if_statement' || p.type === 'while_statement' || (p.type === 'not_operator') || p.type === 'boolean_operator') {
      // `if lines:` / `not lines`: an emptiness test, not a walk
      if (p.type === 'boolean_operator' && parentOf(p)?.type === 'return_statement') return null;
    } else return null;
  }
  if (passes > 1 && walks === 'once') return null;
  // `print(len(rows) - 1, "rows")` after the loop: a count the pass could keep; before it, the list is needed whole
  if (firstCount < firstPassEnd) return null;
  if (passes === 0) return tails ? { direct: false, tail: true } : null;
  return { direct: false };
}

/** `len(x)`: p is the argument list of a size function with x alone. */
function isCount(p: Node): boolean {
  const call = p.type === 'argument_list' ? p.parent : null;
  return call?.type === 'call' && SIZE_FUNCTIONS.has(call.childForFieldName('function')?.text ?? '') && p.namedChildCount === 1;
}

/** Where the statement holding `n` ends (a `for` loop over it: the whole loop). */
function statementEnd(n: Node): number {
  let s: Node | null = n;
  for (let i = 0; s && i < 200 && !s.type.endsWith('_statement'); i++) s = s.parent;
  return s ? s.endIndex : Infinity;
}

/** The module-level, undecorated function `name` (null when there is none or more than one). */
function moduleFunction(root: Node, name: string): Node | null {
  let found: Node | null = null;
  for (const st of root.namedChildren) {
    if (st?.type === 'function_definition' && st.childForFieldName('name')?.text === name) {
      if (found) return null;
      found = st;
    }
  }
  return found;
}

/**
 * `walk(lines)` / `walk(f.readlines())`: a positional argument of an in-file function whose parameter is
 * itself walked once there (the same classification, one call deeper).
 */
function passedToStream(args: Node, arg: Node, depth: number, walks: Walks): StreamUse | null {
  if (depth >= MAX_CALLER_DEPTH) return null;
  const call = args.parent;
  const fnName = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (!call || fnName?.type !== 'identifier') return null;
  let index = -1;
  let i = 0;
  for (const c of args.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'keyword_argument' || c.type === 'list_splat' || c.type === 'dictionary_splat') return null;
    if (c.id === arg.id) index = i;
    i++;
  }
  const fn = index >= 0 ? moduleFunction(call.tree.rootNode, fnName.text) : null;
  const params = fn?.childForFieldName('parameters');
  const param = params?.namedChildren.filter((c) => c && c.type !== 'comment')[index] ?? null;
  const name = param?.type === 'identifier' ? param.text : param?.type === 'typed_parameter' ? param.namedChildren.find((c) => c?.type === 'identifier')?.text : undefined;
  if (!fn || !params || !name || params.namedChildren.some((c) => c && (c.type === 'list_splat_pattern' || c.type === 'dictionary_splat_pattern'))) return null;
  return usesOf(name, params, fn, depth + 1, walks);
}

/**
 * Calls of a module-level function (`name(…)`) or of a method (`x.name(…)`, any receiver) in the whole file, by
 * the tree; at most 10. For a method, null unless it is the file's only function of that name, so that a call
 * cannot reach another class's method (or a library method of the same name) unseen.
 */
function callsOf(fn: Node, method: boolean): Node[] | null {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return null;
  const root = fn.tree.rootNode;
  const out: Node[] = [];
  let defs = 0;
  const cursor = root.walk();
  try {
    for (;;) {
      const n = cursor.currentNode;
      const callee = n.type === 'call' ? n.childForFieldName('function') : null;
      const called = method ? callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === name : callee?.type === 'identifier' && callee.text === name;
      if (method && n.type === 'function_definition' && n.childForFieldName('name')?.text === name && ++defs > 1) return null;
      if (called) {
        out.push(n);
        if (out.length > 10) return null;
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * `return <load>` from a module-level helper or a method of a module-level class: a stream when every in-file
 * caller walks the result once.
 */
function returnedToStreams(ret: Node, depth: number, walks: Walks): StreamUse | null {
  if (depth >= MAX_CALLER_DEPTH) return null;
  const fn = scopeOf(ret);
  if (!fn || fn.type !== 'function_definition') return null;
  const holder = fn.parent?.type === 'decorated_definition' ? null : fn.parent; // decorators may change what is returned
  const method = !!methodOf(ret) && !fn.childForFieldName('name')?.text.startsWith('__');
  if (!holder || (holder.type !== 'module' && !method)) return null;
  const calls = callsOf(fn, method);
  if (!calls || !calls.length) return null;
  for (const call of calls) {
    const use = walkedOnce(call, depth + 1, walks);
    if (!use || use.tail) return null;
  }
  return { direct: false };
}

/**
 * Is a loaded whole provably needed whole, so that "loop over it directly" would be wrong advice? The file is
 * rewritten from it (read, then written back), it is transposed (`zip(*rows)`) or unpacked into a call, it is
 * sorted in place or by sorted(), or it is shuffled or sampled. Used by MW303, which (unlike MW301/MW302)
 * reports a list of a file wherever it is used, except where the list itself is the point.
 */
export function neededWhole(load: Node): boolean {
  if (rewrittenInPlace(load)) return true;
  const p = parentOf(load);
  if (!p) return false;
  if (wholeUse(p, load) || returnedWhole(p) || keptAsWorkingSet(p, load, wholeUse)) return true;
  if (p.type !== 'assignment' || p.childForFieldName('left')?.type !== 'identifier' || unwrap(p.childForFieldName('right'))?.id !== load.id) return false;
  const scope = scopeOf(p);
  // Only evidence that the list is needed whole is looked for: the first uses of a name used very often suffice.
  const uses = scope ? readsAfter(p.childForFieldName('left')!.text, p, scope, true) : null;
  return !!uses?.some((u) => {
    const up = parentOf(u);
    if (!up) return false;
    if (wholeUse(up, u) || returnedWhole(up) || workingSetUse(up, u, wholeUse)) return true;
    // `random.sample(rows[1:], k)`: a slice past the header, used whole where it is made
    const sliced = up.type === 'subscript' && up.childForFieldName('value')?.id === u.id ? parentOf(up) : null;
    if (sliced && (wholeUse(sliced, up) || (isSlice(up) && workingSetUse(sliced, up, wholeUse)))) return true;
    // `header, values = rows[0], rows[1:]` then `zip(*values)`: a slice kept in a name and used whole
    const kept = up.type === 'subscript' && up.childForFieldName('value')?.id === u.id ? boundName(up) : null;
    const keptAt = kept?.parent?.type === 'assignment' ? kept.parent : kept?.parent?.parent;
    // (the name's own scope: a slice kept in a nested function is that function's local)
    const keptScope = keptAt ? scopeOf(keptAt) : null;
    const keptUses = kept && keptAt && keptScope ? readsAfter(kept.text, keptAt, keptScope, true) : null;
    return !!keptUses?.some((k) => {
      const kp = parentOf(k);
      return !!kp && (wholeUse(kp, k) || (isSlice(up) && workingSetUse(kp, k, wholeUse)));
    });
  });
}

/**
 * Returned (alone, or inside a returned tuple): the list goes to callers, so it is needed whole unless it comes
 * from a module-level function whose in-file callers each walk the result once. A method, a decorated function
 * or a function with no in-file caller hands the list to code Memwise cannot see (`def read(self): return
 * list(csv.DictReader(f))` is a reader interface).
 */
function returnedWhole(p: Node): boolean {
  const ret = p.type === 'return_statement' ? p : (p.type === 'expression_list' || p.type === 'tuple') && parentOf(p)?.type === 'return_statement' ? parentOf(p)! : null;
  if (!ret) return false;
  if (ret.id !== p.id) return true;
  return !returnedToStreams(ret, 0, 'passes');
}

/** The name an expression is assigned to, alone or by position in a tuple assignment (`a, b = x, y`). */
function boundName(e: Node): Node | null {
  const p = parentOf(e);
  if (p?.type === 'assignment' && unwrap(p.childForFieldName('right'))?.id === e.id) {
    const left = p.childForFieldName('left');
    return left?.type === 'identifier' ? left : null;
  }
  const a = p?.type === 'expression_list' ? p.parent : null;
  if (a?.type !== 'assignment' || a.childForFieldName('right')?.id !== p!.id) return null;
  const left = a.childForFieldName('left');
  if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return null;
  const i = p!.namedChildren.findIndex((c) => c?.id === e.id);
  const target = i >= 0 ? left.namedChildren[i] : null;
  return target?.type === 'identifier' && left.namedChildCount === p!.namedChildCount ? target : null;
}

/** `zip(*x)`, `f(*x)`, `sorted(x)`, `random.sample(x, k)`, `x.sort()`: a use of x that needs all of it. */
function wholeUse(p: Node, x: Node): boolean {
  if (p.type === 'list_splat') return true;
  if (p.type === 'argument_list') {
    const fn = p.parent?.type === 'call' ? p.parent.childForFieldName('function')?.text ?? '' : '';
    return WHOLE_LIST_FUNCTIONS.has(fn) && p.namedChildren[0]?.id === x.id;
  }
  return p.type === 'attribute' && p.childForFieldName('object')?.id === x.id && WHOLE_LIST_METHODS.has(p.childForFieldName('attribute')?.text ?? '') && p.parent?.type === 'call';
}
