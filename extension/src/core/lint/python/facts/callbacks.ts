// Library callbacks (model.ts `callback`): what the parameters of a function passed to a library call hold
// (`max(rows, key=lambda r: r[1])`, `map(parse, lines)`, `functools.reduce(add, rows, 0)`), and the running value
// of a fold (`reduce`, `accumulate`). A fold's accumulator starts from its initial value (or the first element) and
// then holds what the callback returns, which reads the accumulator itself: a fixpoint (fixpoint.ts). A return whose
// value is unknown (`acc + r[3]`, a number plus data text, raises; `merge(acc, r)`) adds nothing: the accumulator
// keeps what the start and the known returns give, which is what makes `acc + r[3]` reportable.
import type { Node } from 'web-tree-sitter';
import { CALLBACKS, FOLD_WORD } from '../library/derived';
import type { LibraryEntry } from '../library/model';
import { calleeOf, keywordArg, positionalArgs, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { Joined, elementOf, type MaybeFact } from './factTypes';
import { solve } from './fixpoint';
import { scopeAt, type Scope } from './scopes';

type CallbackSpec = NonNullable<LibraryEntry['callback']>;

/** The model's callback row of a call: a module function as written (`functools.reduce`), else a method (`.sort`). */
export function callbackSpecOf(call: Node): CallbackSpec | undefined {
  const c = calleeOf(call);
  if (!c) return undefined;
  return CALLBACKS.get(c.full ?? '') ?? (c.object ? CALLBACKS.get('.' + c.last) : undefined);
}

/**
 * A lambda's parameter, when the lambda is a callback of a library call that walks an iterable
 * (`max(rows, key=lambda r: r[1])`, `filter(lambda r: …, rows)`, `reduce(lambda acc, r: …, rows, 0)`).
 */
export function callbackParam(a: Analysis, scope: Scope, name: string, d: number): MaybeFact {
  const params = (scope.node.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p && p.type === 'identifier');
  const at = params.findIndex((p) => p.text === name);
  return at < 0 ? null : callbackArgument(a, scope.node, at, d) ?? null;
}

/**
 * Parameter `index`'s value when the function `ref` (a lambda, or the name of a function) is called back by a
 * library call of the model (`map(parse, rows)`, `sorted(rows, key=price_of)`); undefined when `ref` is
 * anything else.
 */
export function callbackArgument(a: Analysis, ref: Node, index: number, d: number): MaybeFact | undefined {
  const holder = ref.parent;
  const kw = holder?.type === 'keyword_argument' && holder.childForFieldName('value')?.id === ref.id ? holder.childForFieldName('name')?.text : null;
  const call = (kw ? holder?.parent : holder)?.parent;
  if (!call || call.type !== 'call' || (kw ? holder?.parent : holder)?.type !== 'argument_list') return undefined;
  const spec = callbackSpecOf(call);
  if (!spec) return undefined;
  if (kw ? spec.fn !== kw && spec.fnKeyword !== kw : spec.fn !== positionalArgs(call).findIndex((x) => x.id === ref.id)) return undefined;
  if (spec.accumulator) return index === 0 ? accumulatorOf(a, call, spec, d) : index === 1 ? elementOf(a.factOf(iterableOf(call, spec), d)) : null;
  return index === 0 ? elementOf(a.factOf(iterableOf(call, spec), d)) : null;
}

function iterableOf(call: Node, spec: CallbackSpec): Node | null {
  return spec.over === 'receiver' ? calleeOf(call)?.object ?? null : positionalArgs(call)[spec.over] ?? null;
}

/** The function a callback call is given: at its position, or by its keyword. */
function callbackNode(call: Node, spec: CallbackSpec): Node | null {
  const byKeyword = typeof spec.fn === 'string' ? keywordArg(call, spec.fn) : spec.fnKeyword ? keywordArg(call, spec.fnKeyword) : null;
  return unwrap(byKeyword ?? (typeof spec.fn === 'number' ? positionalArgs(call)[spec.fn] ?? null : null));
}

/**
 * The running value of a fold (`reduce(f, xs, init)`, `accumulate(xs, f, initial=…)`): the join of its start and
 * every value the callback returns. Unknown when the callback is neither a lambda nor a function of the file.
 */
export function accumulatorOf(a: Analysis, call: Node, spec: CallbackSpec, d: number): MaybeFact {
  return solve(a, `acc:${call.startIndex}`, () => {
    const acc = spec.accumulator ?? {};
    const init = (acc.keyword ? keywordArg(call, acc.keyword) : null) ?? (acc.at !== undefined ? positionalArgs(call)[acc.at] ?? null : null);
    const all = new Joined();
    if (!all.add(init ? a.factOf(init, d) : elementOf(a.factOf(iterableOf(call, spec), d)))) return null;
    const fn = callbackNode(call, spec);
    if (!fn) {
      // accumulate() without a function adds: the running sums of numbers are numbers, of text longer text
      if (!spec.fnKeyword) return null;
      if (init && !all.add(elementOf(a.factOf(iterableOf(call, spec), d)))) return null;
      return all.value;
    }
    const returned = returnedBy(a, fn, call);
    if (!returned) return null;
    for (const r of returned) {
      const f = a.factOf(r, d);
      // An unknown return says nothing: `acc + r[3]` (a TypeError on data text), `merge(acc, r)`. A fold keeps the
      // kind it starts with, so the start decides; a known return of another kind makes the accumulator unknown.
      if (f && !all.add(f)) return null;
    }
    return all.value;
  });
}

/** The expressions a callback returns: a lambda's body, or the `return` values of a function of the file. */
function returnedBy(a: Analysis, fn: Node, call: Node): Node[] | null {
  if (fn.type === 'lambda') {
    const body = fn.childForFieldName('body');
    return body ? [body] : null;
  }
  if (fn.type !== 'identifier') return null;
  const scope = a.functionScope(fn.text, scopeAt(a.root, call.startIndex), call.startIndex);
  if (!scope || scope.yields.length || !scope.returns.length) return null;
  a.noteChunkAt(scope.start);
  const out: Node[] = [];
  for (const r of scope.returns) {
    const v = r.namedChild(0);
    if (!v) return null; // a bare `return`: None
    out.push(v);
  }
  return out;
}

/**
 * Is the identifier `node` the accumulator parameter (the first) of a lambda or function that a fold calls back?
 * Reading it again while its own value is being solved is the fold's recursion, which the fixpoint answers with
 * its approximation (fileFacts.ts lets that read through instead of cutting it as a cycle).
 */
export function isAccumulatorParam(a: Analysis, node: Node): boolean {
  if (!a.textTest(FOLD_WORD)) return false;
  const scope = scopeAt(a.root, node.startIndex);
  if (scope.kind !== 'lambda' && scope.kind !== 'function') return false;
  const first = scope.node.childForFieldName('parameters')?.namedChild(0);
  if (!first || first.type !== 'identifier' || first.text !== node.text) return false;
  // (a function nested in another is passed from inside it: any of its name's references may be the fold's)
  const refs = scope.kind === 'lambda' ? [scope.node] : scope.name ? a.referencesOf(scope.name) : [];
  return refs.some((ref) => {
    const holder = ref.parent?.type === 'keyword_argument' ? ref.parent.parent : ref.parent;
    const call = holder?.type === 'argument_list' ? holder.parent : null;
    return !!call && call.type === 'call' && !!callbackSpecOf(call)?.accumulator;
  });
}
