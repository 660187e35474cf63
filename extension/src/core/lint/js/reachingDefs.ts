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
  const byStatement = plainAssignments(fx, b);
  if (!byStatement.size) return undefined;
  let crossedFunction = false;
  let cur: Node = ref;
  for (let p = fx.parents.get(cur); p; cur = p, p = fx.parents.get(cur)) {
    if (p.type === 'FunctionDeclaration') return undefined;
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression') crossedFunction = true;
    const list = statementList(p);
    const at = list ? list.indexOf(cur as never) : -1;
    for (let i = at - 1; i >= 0; i--) {
      const def = byStatement.get(list![i]);
      if (!def) continue;
      const after = list![i].range[1];
      const until = crossedFunction ? Infinity : cur.range[1];
      return [def, ...b.defs.filter((x) => x !== def && (mayFollow(fx, x, after, until) || inOtherFunction(fx, x, ref)))];
    }
  }
  return undefined;
}

/** `x = v;` statements that assign `b`, each with its definition. */
function plainAssignments(fx: Analysis, b: Binding): Map<Node, Def> {
  const out = new Map<Node, Def>();
  for (const def of b.defs) {
    if (def.k !== 'expr' || def.path.length) continue;
    const assign = fx.parents.get(def.expr);
    if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.right !== def.expr) continue;
    const stmt = fx.parents.get(assign);
    if (stmt?.type === 'ExpressionStatement') out.set(stmt, def);
  }
  return out;
}

function statementList(p: Node): readonly Node[] | undefined {
  if (p.type === 'BlockStatement' || p.type === 'Program' || p.type === 'StaticBlock') return p.body;
  if (p.type === 'SwitchCase') return p.consequent;
  return undefined;
}

/**
 * A definition inside a function that does not hold the read (a timer's or a listener's callback, a helper):
 * it may run whenever that function is called, also between the assignment and the read.
 */
function inOtherFunction(fx: Analysis, def: Def, ref: Node): boolean {
  if (def.k !== 'expr' && def.k !== 'iter') return false;
  for (let p = fx.parents.get(def.expr); p; p = fx.parents.get(p)) {
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') return !(p.range[0] <= ref.range[0] && ref.range[1] <= p.range[1]);
  }
  return false;
}

/**
 * Whether `def` may run between `after` and `until` (source offsets). A definition with no node of its own
 * (`x += 1`, `x++`) may run anywhere; a parameter, an import or a function is given before any statement.
 */
function mayFollow(fx: Analysis, def: Def, after: number, until: number): boolean {
  if (def.k === 'opaque') return true;
  if (def.k !== 'expr' && def.k !== 'iter') return false;
  const at = (fx.parents.get(def.expr) ?? def.expr).range[0];
  return at > after && at < until;
}
