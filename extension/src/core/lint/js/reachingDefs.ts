// Which of a variable's definitions can reach one read of it. A binding's fact is the join of every value it
// is given (evaluator.ts), which is right for `let max = 0; … max = field` but wrong where the code converts
// text in place and reads only the converted value afterwards:
//   let [count, color] = part.split(' ');
//   count = Number(count);          // every later read in this block sees a number
//   total += count;
// Only a plain `x = v` statement earlier in the same statement list as the read (or as a statement that holds
// it) counts: it runs on every path to the read, so a value given before it cannot reach the read. What can
// still reach it: that assignment, and any definition written between it and the end of the statement
// holding the read (a loop inside that statement may carry a later one back). A read inside a function
// expression created after the assignment may run later, so there every definition after the assignment
// counts; a function declaration is hoisted (it may run before the assignment), so nothing is narrowed there.
// A definition inside another function (a timer's callback) may run at any time, so it always counts.
import type { Analysis } from './analysis';
import type { Binding, Def, Node } from './factTypes';

/** The definitions of `b` that can reach the read `ref`, or undefined when every one may (no narrowing). */
export function reachingDefs(fx: Analysis, b: Binding, ref: Node): Def[] | undefined {
  if (b.defs.length < 2 || !(b.kind === 'let' || b.kind === 'var' || b.kind === 'param')) return undefined;
  const index = defIndex(fx, b);
  if (!index.byStatement.size) return undefined;
  let crossedFunction = false;
  let cur: Node = ref;
  for (let p = fx.parents.get(cur); p; cur = p, p = fx.parents.get(cur)) {
    if (p.type === 'FunctionDeclaration') return undefined;
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression') crossedFunction = true;
    const list = statementList(p);
    if (!list) continue;
    const at = positionIn(fx, list, cur);
    for (let i = at - 1; i >= 0; i--) {
      const def = index.byStatement.get(list[i]);
      if (!def) continue;
      const after = list[i].range[1];
      const until = crossedFunction ? Infinity : cur.range[1];
      const out = [def];
      for (let k = firstAfter(index.topLevel, after); k < index.topLevel.length && index.topLevel[k].at < until; k++) out.push(index.topLevel[k].def);
      for (const x of index.inFunctions) if (x.def !== def && ((x.at > after && x.at < until) || !encloses(x.fn, ref))) out.push(x.def);
      return [...out, ...index.unplaced];
    }
  }
  return undefined;
}

/**
 * A binding's definitions, indexed once: its `x = v;` statements, where each other definition sits (and in
 * which function), and those with no place of their own (`x += 1`, `x++`: they may run anywhere).
 */
interface DefIndex {
  byStatement: Map<Node, Def>;
  /** Definitions outside any function, by source offset. */
  topLevel: { def: Def; at: number }[];
  inFunctions: { def: Def; at: number; fn: Node }[];
  unplaced: Def[];
}

const indexes = new WeakMap<Binding, DefIndex>();

function defIndex(fx: Analysis, b: Binding): DefIndex {
  let index = indexes.get(b);
  if (index) return index;
  index = { byStatement: new Map(), topLevel: [], inFunctions: [], unplaced: [] };
  for (const def of b.defs) {
    if (def.k === 'opaque') index.unplaced.push(def);
    if (def.k !== 'expr' && def.k !== 'iter') continue; // a parameter, an import, a function: given before any statement
    const own = fx.parents.get(def.expr);
    const at = (own ?? def.expr).range[0];
    const fn = enclosingFunction(fx, def.expr);
    if (fn) index.inFunctions.push({ def, at, fn });
    else index.topLevel.push({ def, at });
    if (def.k !== 'expr' || def.path.length || own?.type !== 'AssignmentExpression' || own.operator !== '=' || own.right !== def.expr) continue;
    const stmt = fx.parents.get(own);
    if (stmt?.type === 'ExpressionStatement') index.byStatement.set(stmt, def);
  }
  index.topLevel.sort((x, y) => x.at - y.at);
  indexes.set(b, index);
  return index;
}

/** The first entry placed after `offset` (binary search over entries sorted by offset). */
function firstAfter(sorted: readonly { at: number }[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].at > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function enclosingFunction(fx: Analysis, n: Node): Node | undefined {
  for (let p = fx.parents.get(n); p; p = fx.parents.get(p)) {
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') return p;
  }
  return undefined;
}

/**
 * Whether `fn` holds the read (a definition at the top level is in no function). A definition inside a function
 * that does not hold the read (a timer's or a listener's callback, a helper) may run whenever that function is
 * called, also between the assignment and the read, so it always counts.
 */
function encloses(fn: Node | undefined, ref: Node): boolean {
  return !fn || (fn.range[0] <= ref.range[0] && ref.range[1] <= fn.range[1]);
}

function statementList(p: Node): readonly Node[] | undefined {
  if (p.type === 'BlockStatement' || p.type === 'Program' || p.type === 'StaticBlock') return p.body;
  if (p.type === 'SwitchCase') return p.consequent;
  return undefined;
}

/**
 * Where `n` sits in a statement list, indexed once per list and analysis (a long module body is asked about
 * often; an incremental re-parse edits a body array in place, so an index never outlives its analysis).
 */
const positions = new WeakMap<Analysis, Map<readonly Node[], Map<Node, number>>>();

function positionIn(fx: Analysis, list: readonly Node[], n: Node): number {
  let lists = positions.get(fx);
  if (!lists) positions.set(fx, (lists = new Map()));
  let at = lists.get(list);
  if (!at) lists.set(list, (at = new Map(list.map((x, i) => [x, i]))));
  return at.get(n) ?? -1;
}
