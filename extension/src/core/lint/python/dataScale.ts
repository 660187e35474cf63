// One narrow question for the MW4xx rules: is this value (or this loop) data-scale — does its size grow with
// the program's input — and where does the data come from? A rule that wastes memory per element is worth
// a warning only at data scale; over a literal, a `range(10)` or a handful of config keys it is noise.
//
// Today the answers come from the value facts (facts/fileFacts.ts: files, csv rows, DataFrames, split text)
// plus a few syntactic shapes (literals, range bounds, directory walks, query results, lists filled in a data
// loop). The interface is deliberately small so the Python value analysis being rewritten can answer it
// directly later: implement `DataScale` and hand it to the rules instead of `dataScaleFrom(facts)`.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts/fileFacts';
import { textSourceOf, type Fact, type TextSource } from './facts/factTypes';
import { calleeOf, keywordArg, positionalArgs, snippet, stringValue, unwrap } from './syntax';
import { CALLBACKS, COUNTING_FUNCTIONS, SLICING_FUNCTIONS, ELEMENT_FUNCTIONS, FUNCTION_EVALUATIONS, LISTING_FUNCTIONS, LISTING_METHODS, METHOD_EVALUATIONS, MODULE_ATTRIBUTES, PARSERS, PATH_CONSTRUCTORS, QUERY_METHODS, RECEIVER_WALKS, SIZE_FUNCTIONS } from './library/derived';
import { argumentFor, callSitesOf, moduleClassIter, isModuleLevel, isYieldFrom, methodCallSitesOf, methodOf, moduleFunction, outputsOf, parameterIndex, type MethodInfo } from './inFileFunctions';

import { combineScales, withInput, type ScaleAnswer } from '../scaleAnswer';
import { COMMAND_LINE, CONFIG_FILE, PATH_CALL, QUERY_RECEIVER, WHOLE_READ, describeOpen, describeSource, lineOf, whileLoopScale } from './dataScaleText';
import { literalInputOf, literalInputOfSource } from './literalInput';
import { assignmentsOf, enclosingScope, fillsOf, isEmptyContainer, loopsBetween, unpackingsOf } from './scopeSites';
import { fixedInteger } from './fixedNames';
import { listValues, unpackedPart, type TraceSteps } from './dataScaleParts';

export { loopsBetween, loopsGrowing } from './scopeSites';
export { describeOpen } from './dataScaleText';

export type { ScaleAnswer };
export { unknownScaleNote } from '../scaleAnswer';

export interface DataScale {
  /** Is the collection or text `value` data-scale? */
  ofValue(value: Node): ScaleAnswer;
  /** Is the number of iterations of a `for`/`while` loop data-scale? */
  ofLoop(loop: Node): ScaleAnswer;
}

/**
 * How many steps from one name or function to another (a binding, a parameter's call sites, what a function
 * returns or yields, the loop that fills a list) a trace takes at most. Walking into a part of the same expression
 * (a comprehension's iterable, `sorted(x)`'s argument, `x.items()`'s receiver) is not counted: it always ends.
 * 10, not 8: a pipeline of four small functions (read → best per key → ranked → rendered, the table cut to its top
 * rows on a branch) takes ten; nothing else on the corpora, stdlib or real repositories moved.
 */
const MAX_STEPS = 10;
/** `range(n)` with a literal bound up to this many items counts as bounded. */
const SMALL_RANGE = 100_000;
class FactsDataScale implements DataScale, TraceSteps {
  /** Bindings, parameters and functions being traced: a cycle (`xs.append(x)` in `for x in xs`) ends in unknown. */
  private readonly busy = new Set<string>();
  /** Per file: module-level functions by name, call sites by callee, and each function's yields and returns. */
  private readonly defs = new Map<string, Node | null>();
  private readonly calls = new Map<string, Node[] | null>();
  private readonly outputs = new Map<number, ReturnType<typeof outputsOf>>();

  constructor(private readonly facts: FileFacts) {}

  /** Trace `fn` once per key at a time; a key met again while tracing it answers `undefined`. */
  guarded<T>(key: string, fn: () => T): T | undefined {
    if (this.busy.has(key)) return undefined;
    this.busy.add(key);
    try {
      return fn();
    } finally {
      this.busy.delete(key);
    }
  }

  ofLoop(loop: Node, depth = 0): ScaleAnswer {
    if (loop.type === 'for_statement') {
      const right = loop.childForFieldName('right');
      return right ? this.ofValue(right, depth) : { scale: 'unknown', why: 'the loop has no iterable' };
    }
    if (loop.type === 'while_statement') return whileLoopScale(loop);
    // Comprehensions: their first `for … in` clause.
    const clause = loop.namedChildren.find((c) => c?.type === 'for_in_clause');
    const right = clause?.childForFieldName('right');
    return right ? this.ofValue(right, depth) : { scale: 'unknown', why: 'its iterable is not visible' };
  }

  ofValue(value: Node, depth = 0): ScaleAnswer {
    const v = unwrap(value) ?? value;
    if (depth > MAX_STEPS) return { scale: 'unknown', why: `the size of \`${snippet(v, 30)}\` depends on values traced too far` };
    switch (v.type) {
      case 'list':
      case 'tuple':
      case 'set':
      case 'dictionary':
        if (v.namedChildren.some((c) => c?.type === 'list_splat' || c?.type === 'dictionary_splat')) break;
        return { scale: 'bounded', why: `a literal of ${v.namedChildren.length} item${v.namedChildren.length === 1 ? '' : 's'}` };
      case 'string':
      case 'concatenated_string':
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
        return { scale: 'bounded', why: 'a literal' };
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.ofLoop(v, depth);
      case 'call': {
        const answer = this.ofCall(v, depth);
        if (answer) return answer;
        break;
      }
      case 'subscript': {
        // One list of a dict of lists: `conv[name]`.
        const dict = v.childForFieldName('subscript')?.type !== 'slice' ? v.childForFieldName('value') : null;
        const listed = dict ? listValues(this, dict, depth + 1) : undefined;
        if (listed) return listed;
        break;
      }
      case 'attribute':
        if (MODULE_ATTRIBUTES.get(v.text)?.holds === 'text-file') return { scale: 'data', source: 'lines of standard input' };
        break;
      case 'identifier': {
        const bound = this.ofBinding(v, depth);
        if (bound) return bound;
        break;
      }
    }
    return this.fromFact(v, this.safeFact(v));
  }

  /**
   * The whole file's text this split (`s.split(…)`, `re.split(p, s)`, `re.findall(p, s)`) cuts, read right there
   * (`f.read().split("\n")`), kept in a name (`text = f.read()`) or returned by a function of the file
   * (`load(path).splitlines()` after `return fh.read()`): its parts are the file's lines, data. Null otherwise.
   */
  private wholeTextSplit(call: Node): TextSource | 'read here' | null {
    const fn = call.type === 'call' ? call.childForFieldName('function') : null;
    const whole = fn?.type === 'attribute' && fn.childForFieldName('object')?.text !== 're' ? fn.childForFieldName('object') : call.type === 'call' ? positionalArgs(call)[1] : null;
    const f = whole ? this.safeFact(whole) : null;
    if (f?.k === 'text' && f.src.kind === 'file') return WHOLE_READ.test(f.src.node.text) ? f.src : null;
    return WHOLE_READ.test(call.text) ? 'read here' : null;
  }

  private safeFact(v: Node): Fact | null {
    try {
      return this.facts.factOf(v);
    } catch {
      return null;
    }
  }

  private fromFact(v: Node, f: Fact | null): ScaleAnswer {
    if (f) {
      switch (f.k) {
        case 'file':
          return this.fileAnswer(f.src);
        case 'frame':
        case 'series':
        case 'array':
          if (f.src) return this.sourceAnswer(f.src);
          return { scale: 'data', source: `the ${f.k === 'frame' ? 'DataFrame' : f.k} \`${snippet(v, 30)}\`` };
        case 'seq': {
          const of = f.of;
          if (of && (of.k === 'text' || of.k === 'file' || of.k === 'record' || of.k === 'match' || of.k === 'tuple' || of.k === 'seq')) {
            const src = of.k === 'match' ? of.src : textSourceOf(of) ?? undefined;
            // Split parts of one line are a handful of fields; split parts of a whole file are its lines.
            // So are the pieces of re.split/re.findall over one string (a log-format template, one line), unlike
            // regex groups collected across lines (stored).
            if (src?.kind === 'split' || (src?.kind === 'regex' && !src.stored)) {
              const read = this.wholeTextSplit(src.node);
              if (!read) return { scale: 'unknown', why: `\`${snippet(v, 30)}\` holds the parts of one split string, whose count depends on the data` };
              const config = read !== 'read here' && this.configFileOf(read);
              if (config) return { scale: 'bounded', why: `\`${config}\` is a fixed configuration file` };
            }
            // One csv row: the fields a reader yields per line. Fields collected across rows (`[r[1] for r in
            // reader]`) are stored outside a row and stay data. Fields stored in a row may be either a row kept
            // in a list of rows or a column taken from such a list: the binding decides (see ofBinding).
            if (of.k === 'text' && src?.kind === 'csv') {
              if (!src.stored) return { scale: 'bounded', why: `\`${snippet(v, 30)}\` is one csv row (a fixed set of fields)` };
              if (src.storedInRow) return { scale: 'unknown', why: `\`${snippet(v, 30)}\` holds csv fields, and Memwise cannot tell one row from a column` };
            }
            // The command line (`sys.argv`) is a handful of arguments, not data (lines read by input() may be).
            if (of.k === 'text' && src?.kind === 'input' && COMMAND_LINE.test(src.node.text)) return { scale: 'bounded', why: `\`${snippet(v, 30)}\` holds the command-line arguments` };
            const config = src && this.configFileOf(src);
            if (config) return { scale: 'bounded', why: `\`${config}\` is a fixed configuration file` };
            if (src) return this.sourceAnswer(src);
            return { scale: 'unknown', why: `\`${snippet(v, 30)}\` is a sequence whose source Memwise cannot see` };
          }
          break;
        }
        case 'text':
          if (f.src.kind === 'file' && WHOLE_READ.test(f.src.node.text)) return { scale: 'data', source: `the whole text of ${f.src.node.type === 'call' ? `\`${snippet(f.src.node, 30)}\` at line ${lineOf(f.src.node)}` : 'a file'}` };
          return { scale: 'unknown', why: `\`${snippet(v, 30)}\` is one piece of text from ${f.src.label}, whose length depends on the data` };
        case 'record':
        case 'tuple':
          return { scale: 'bounded', why: `\`${snippet(v, 30)}\` is one record (a fixed set of fields)` };
        case 'num':
        case 'str':
          return { scale: 'bounded', why: 'a scalar' };
        default:
          break;
      }
    }
    return { scale: 'unknown', why: `nothing shows where \`${snippet(v, 30)}\` comes from or how large it gets` };
  }

  private fileAnswer(src: TextSource): ScaleAnswer {
    const config = this.configFileOf(src);
    if (config) return { scale: 'bounded', why: `\`${config}\` is a fixed configuration file` };
    return this.sourceAnswer(src);
  }

  /** A data answer from a reader, with the file it names when that is a literal (the engine weighs it). */
  private sourceAnswer(src: TextSource): ScaleAnswer {
    return withInput({ scale: 'data', source: describeSource(src) }, literalInputOfSource(this.facts, src));
  }

  /**
   * The literal path when file text comes from a fixed configuration file: `open("settings.ini")`, or a read
   * (`f.readlines()`, `Path("app.toml").read_text()`) of such a file.
   */
  private configFileOf(src: TextSource, depth = 0): string | null {
    if (src.kind !== 'file' || src.node.type !== 'call' || depth > 3) return null;
    const c = calleeOf(src.node);
    if (FUNCTION_EVALUATIONS.get(c?.full ?? '') === 'open-file') return this.configPath(unwrap(positionalArgs(src.node)[0] ?? null));
    const receiver = c?.object ? unwrap(c.object) : null;
    if (!receiver) return null;
    if (receiver.type === 'call' && PATH_CONSTRUCTORS.includes(calleeOf(receiver)?.full ?? '')) return this.configPath(unwrap(positionalArgs(receiver)[0] ?? null));
    const f = this.safeFact(receiver);
    return f?.k === 'file' && f.src.node.id !== src.node.id ? this.configFileOf(f.src, depth + 1) : null;
  }

  /**
   * The configuration file a path names: a literal (`"settings.ini"`), or a parameter every in-file call gives such a
   * literal, by argument or by its default (`def load(path="config.json")` called as `load()`).
   */
  private configPath(path: Node | null): string | null {
    const literal = stringValue(path);
    if (literal !== null || path?.type !== 'identifier') return literal !== null && CONFIG_FILE.test(literal) ? literal : null;
    const scope = enclosingScope(path);
    const name = scope?.type === 'function_definition' && isModuleLevel(scope) ? scope.childForFieldName('name')?.text : undefined;
    // A parameter the function never rebinds (`path = path or DEFAULT` could name any file).
    const index = name && !assignmentsOf(scope!, path.text).length ? parameterIndex(scope!, path.text) : -1;
    const calls = index >= 0 ? this.callsOf(name!) : null;
    if (!calls?.length) return null;
    const paths = calls.map((call) => stringValue(unwrap(argumentFor(call, scope!, index, path.text))));
    return paths.every((p) => p !== null && CONFIG_FILE.test(p)) ? paths[0] : null;
  }

  private ofCall(call: Node, depth: number): ScaleAnswer | undefined {
    const c = calleeOf(call);
    const full = c?.full ?? '';
    const args = positionalArgs(call);
    if (FUNCTION_EVALUATIONS.get(full) === 'numbers') {
      const bound = unwrap(args.length === 1 ? args[0] : args[1] ?? null);
      // `range(SIZE)` after `SIZE = 8`, never rebound: as fixed as `range(8)`.
      const count = bound?.type === 'identifier' ? fixedInteger(bound) ?? bound : bound;
      if (count && count.type === 'integer') {
        const n = Number(count.text.replace(/_/g, ''));
        return n <= SMALL_RANGE ? { scale: 'bounded', why: `\`range(${bound!.text})\` has at most ${count.text} items` } : { scale: 'data', source: `\`${snippet(call, 30)}\`` };
      }
      // range(len(x)) walks x.
      if (bound && bound.type === 'call' && SIZE_FUNCTIONS.has(calleeOf(bound)?.full ?? '')) {
        const inner = positionalArgs(bound)[0];
        if (inner) return this.ofValue(inner, depth);
      }
      return bound ? { scale: 'unknown', why: `\`${snippet(bound, 30)}\` is only known at run time` } : undefined;
    }
    // `islice(records, n)`: as large as records, unless the stop is a small literal (`islice(f, 10)`).
    if (SLICING_FUNCTIONS.has(full) && args.length >= 2) {
      const stop = unwrap(args.length === 2 ? args[1] : args[2]);
      if (stop?.type === 'integer' && Number(stop.text.replace(/_/g, '')) <= SMALL_RANGE) return { scale: 'bounded', why: `\`${snippet(call, 30)}\` stops after ${stop.text} items` };
      return this.ofValue(args[0], depth);
    }
    // A deque with a maxlen keeps at most that many elements.
    if (ELEMENT_FUNCTIONS.has(full) && args.length && !keywordArg(call, 'maxlen')) {
      // The largest of the arguments decides (zip of a literal and a file is file-sized); map/filter walk their last one.
      const over = CALLBACKS.get(full)?.over;
      return combineScales((typeof over === 'number' ? args.slice(over) : args).map((a) => this.ofValue(a, depth)));
    }
    if (c && c.object && RECEIVER_WALKS.has(c.last ?? '')) return this.ofValue(c.object, depth);
    const openCall = FUNCTION_EVALUATIONS.get(full) === 'open-file';
    if (openCall || (c && METHOD_EVALUATIONS.get(c.last) === 'path-open' && c.object && PATH_CALL.test(c.object.text))) {
      const pathArg = unwrap(openCall ? args[0] ?? null : positionalArgs(unwrap(c!.object)!)[0] ?? null);
      const literal = this.configPath(pathArg);
      if (literal !== null) return { scale: 'bounded', why: `\`${literal}\` is a fixed configuration file` };
      return withInput({ scale: 'data', source: `lines of ${describeOpen(call)}` }, literalInputOf(this.facts, call));
    }
    if (LISTING_FUNCTIONS.has(full) || LISTING_METHODS.has(c?.last ?? '')) return { scale: 'data', source: `the directory listing from \`${snippet(call, 40)}\` at line ${lineOf(call)}` };
    if (c?.object && QUERY_METHODS.has(c.last ?? '') && QUERY_RECEIVER.test(full)) return { scale: 'data', source: `the query results of \`${snippet(call, 40)}\` at line ${lineOf(call)}` };
    if (PARSERS.has(full)) {
      const f = unwrap(args[0] ?? null);
      const target = f?.type === 'call' ? this.ofValue(f, depth + 1) : f ? this.ofValue(f, depth + 1) : undefined;
      if (target?.scale === 'bounded') return target;
      return withInput({ scale: 'data', source: `the document parsed by \`${snippet(call, 40)}\` at line ${lineOf(call)}` }, literalInputOf(this.facts, f));
    }
    if (c && !c.object && c.full) return this.ofInFileCall(call, c.full, depth);
    return undefined;
  }

  /** The module-level function `name` of this file and its yields and returns, looked up once per name. */
  inFileFunction(at: Node, name: string): { fn: Node; out: ReturnType<typeof outputsOf> } | null {
    let fn = this.defs.get(name);
    // A class of this file is called to make an instance: iterating it runs its `__iter__`.
    if (fn === undefined) this.defs.set(name, (fn = moduleFunction(at.tree.rootNode, name) ?? moduleClassIter(at.tree.rootNode, name)));
    if (!fn) return null;
    let out = this.outputs.get(fn.id);
    if (!out) this.outputs.set(fn.id, (out = outputsOf(fn)));
    return { fn, out };
  }

  /**
   * A call of a module-level function of this file: a generator is as large as the loops around its yields
   * (or what it yields from); another function gives what it returns. Only data-scale answers are taken (a
   * function may return a small part of data); anything else leaves the call to the value facts.
   */
  private ofInFileCall(call: Node, name: string, depth: number): ScaleAnswer | undefined {
    const found = this.inFileFunction(call, name);
    if (!found) return undefined;
    const { fn, out: { yields, returns } } = found;
    const answer = this.guarded(`fn:${fn.id}`, () => {
      if (yields.length) {
        return combineScales(yields.map((y) => {
          if (isYieldFrom(y)) {
            const from = y.namedChildren.find((x) => x && x.type !== 'comment');
            return from ? this.ofValue(from, depth + 1) : { scale: 'unknown', why: 'an empty yield from' };
          }
          const loops = loopsBetween(y, fn!);
          return loops.length ? combineScales(loops.map((l) => this.ofLoop(l, depth + 1))) : { scale: 'bounded', why: 'one yield outside any loop' };
        }));
      }
      const values = returns.map((r) => r.namedChild(0)).filter((x): x is Node => !!x);
      return values.length ? combineScales(values.map((x) => this.ofValue(x, depth + 1))) : undefined;
    });
    if (answer?.scale !== 'data') return undefined;
    return withInput({ scale: 'data', source: `what \`${name}()\` ${yields.length ? 'yields' : 'returns'}: ${answer.source}` }, answer.input);
  }

  /**
   * A parameter of a module-level function or of a method of a module-level class: data-scale when a call site
   * in this file passes data (`Cls(...)` for `__init__`, `self.m(...)` in the class, `obj.m(...)` on an instance).
   */
  private ofParameter(id: Node, scope: Node, depth: number): ScaleAnswer | undefined {
    if (scope.type !== 'function_definition') return undefined;
    const method = isModuleLevel(scope) ? null : methodOf(scope);
    if (!method && !isModuleLevel(scope)) return undefined;
    const name = id.text;
    const index = parameterIndex(scope, name);
    const fnName = scope.childForFieldName('name')?.text;
    const shift = method ? method.shift : 0;
    if (index < shift || !fnName) return undefined;
    const calls = method ? this.methodCalls(method, scope) : this.callsOf(fnName);
    if (!calls || !calls.length) return undefined;
    const answer = this.guarded(`param:${scope.id}:${index}`, () =>
      combineScales(calls.map((call): ScaleAnswer => {
        const arg = argumentFor(call, scope, index, name, shift);
        return arg ? this.ofValue(arg, depth + 1) : { scale: 'unknown', why: 'a call passes it through a splat' };
      })),
    );
    // Bounded only when every call passes something bounded (`merge(["a.csv", "b.csv"])`).
    if (answer?.scale === 'bounded') return { scale: 'bounded', why: `every call of \`${fnName}()\` in this file passes a bounded \`${name}\` (${answer.why})` };
    if (answer?.scale !== 'data') return undefined;
    return withInput({ scale: 'data', source: `\`${name}\`, passed ${answer.source}` }, answer.input);
  }

  callsOf(fnName: string): Node[] | null {
    let calls = this.calls.get(fnName);
    if (calls === undefined) this.calls.set(fnName, (calls = callSitesOf(this.facts.rootNode, this.facts.text, fnName)));
    return calls;
  }

  /** Calls of a method (`obj.m(...)` where the value facts say obj is an instance of its class). */
  private methodCalls(method: MethodInfo, fn: Node): Node[] | null {
    if (method.name === '__init__') return this.callsOf(method.clsName);
    const key = `.${fn.id}`;
    let calls = this.calls.get(key);
    if (calls === undefined) this.calls.set(key, (calls = methodCallSitesOf(this.facts.rootNode, this.facts.text, method, (recv) => this.safeFact(recv))));
    return calls;
  }

  /** The loop or comprehension clause around `id` that binds its name as a loop variable, if any. */
  private loopBinding(id: Node, scope: Node): Node | null {
    const binds = (left: Node | null) => !!left && (left.text === id.text || (left.type !== 'identifier' && new RegExp(`(^|[^\\w.])${id.text}([^\\w]|$)`).test(left.text)));
    for (let n = id.parent; n && n !== scope; n = n.parent) {
      if (n.type === 'for_statement' && binds(n.childForFieldName('left')) && n.childForFieldName('body')?.startIndex! <= id.startIndex) return n;
      if (/_comprehension$|^generator_expression$/.test(n.type)) {
        for (const cl of n.namedChildren) if (cl?.type === 'for_in_clause' && binds(cl.childForFieldName('left'))) return cl;
      }
    }
    return null;
  }

  /** A name: the loop or assignment that binds it, when the value facts have nothing to say. */
  private ofBinding(id: Node, depth: number): ScaleAnswer | undefined {
    const fact = this.safeFact(id);
    const a = fact ? this.fromFact(id, fact) : undefined;
    // A record fact reads as one record's fields, but a counting dict (`Counter(words)`) has an entry per distinct
    // element: there the binding's value decides when it is data.
    if (a && a.scale !== 'unknown' && fact?.k !== 'record') return a;
    const scope = enclosingScope(id);
    if (!scope) return a?.scale === 'bounded' ? a : undefined;
    const bound = this.guarded(`bind:${scope.id}:${id.text}:${id.startIndex}`, () => this.ofBindingIn(id, scope, depth));
    return a?.scale === 'bounded' && bound?.scale !== 'data' ? a : bound;
  }

  /** `before`: the bindings taken are those ending before it (the use, or a binding on a branch the use may skip). */
  private ofBindingIn(id: Node, scope: Node, depth: number, before = id.startIndex): ScaleAnswer | undefined {
    const name = id.text;
    // A loop variable: one element of its iterable. One element of a list of csv rows is one row.
    const loop = this.loopBinding(id, scope);
    if (loop) {
      const iter = loop.childForFieldName('right');
      const f = iter ? this.safeFact(iter) : null;
      if (f?.k === 'seq' && f.of?.k === 'seq' && f.of.of?.k === 'text' && f.of.of.src.kind === 'csv') return { scale: 'bounded', why: `\`${name}\` is one csv row (a fixed set of fields)` };
      // One list of a dict of lists: `for tour, bookings in groups.items()`, `for rows in by_day.values()`.
      const dict = iter ? valuesWalked(iter, loop.childForFieldName('left'), name) : null;
      return dict ? listValues(this, dict, depth + 1) : undefined;
    }
    let last: Node | null = null;
    let filledIn: Node | null = null;
    // The binding before the name; one whose right side holds the name (`xs = [x for x in xs if …]`) reads it.
    for (const n of assignmentsOf(scope, name)) {
      if (n.endIndex <= before) last = n;
    }
    // `header, rows = load(path)`: the name's part of what is unpacked, when that binding is the later one.
    let unpacked: { node: Node; index: number } | null = null;
    for (const u of unpackingsOf(scope, name)) if (u.node.endIndex <= before && (!last || u.node.startIndex > last.startIndex)) unpacked = u;
    if (unpacked) return unpackedPart(this, unpacked.node.childForFieldName('right'), unpacked.index, depth, (p, d) => this.ofValue(p, d));
    if (last) {
      const right = last.childForFieldName('right');
      // `Counter()` called empty is filled in place like `defaultdict(int)` (`c[k] += 1`).
      const emptyCounter = right?.type === 'call' && !positionalArgs(right).length && COUNTING_FUNCTIONS.has(calleeOf(right)?.full ?? '');
      if (right && (isEmptyContainer(right) || emptyCounter)) {
        // An empty container filled in a loop is as large as the loops around the fill (the inner loop over
        // one directory's files inside an os.walk is as large as the walk).
        // A defaultdict gains a key at each fill of one of its values (`by_patient[p].append(fit)`).
        const elements = right.type === 'call' && FUNCTION_EVALUATIONS.get(calleeOf(right)?.full ?? '') === 'default-dict';
        for (const fill of fillsOf(scope, name, elements)) {
          for (const loop of loopsBetween(fill, scope)) {
            filledIn = loop;
            const a = this.ofLoop(loop, depth + 1);
            if (a.scale === 'data') return withInput({ scale: 'data', source: `\`${name}\`, filled in the loop at line ${lineOf(loop)} over ${a.source}` }, a.input);
          }
        }
        if (!filledIn) return { scale: 'bounded', why: `\`${name}\` starts empty and is not filled in a loop` };
        return undefined;
      }
      if (right) {
        const a = this.ofValue(right, depth + 1);
        // A binding on a branch the use may skip (`if len(board) > n: board = board[:n]`) joins the one before it.
        if (a.scale !== 'data' && onBranchSkipping(last, id, scope)) {
          const earlier = this.ofBindingIn(id, scope, depth, last.startIndex);
          if (earlier?.scale === 'data') return earlier;
        }
        return a;
      }
    }
    return this.ofParameter(id, scope, depth);
  }
}

/** Is `binding` inside an `if`, `try` or loop (below `scope`) that does not hold `use`: a branch the use may skip? */
function onBranchSkipping(binding: Node, use: Node, scope: Node): boolean {
  for (let n = binding.parent; n && n.id !== scope.id; n = n.parent) {
    if (/^(if_statement|try_statement|for_statement|while_statement)$/.test(n.type) && !(n.startIndex <= use.startIndex && use.endIndex <= n.endIndex)) return true;
  }
  return false;
}

/**
 * The dict whose values the loop variable `name` takes: `X` of `for k, name in X.items()` or `for name in X.values()`.
 */
function valuesWalked(iter: Node, left: Node | null, name: string): Node | null {
  const call = unwrap(iter);
  const c = call?.type === 'call' && !positionalArgs(call).length ? calleeOf(call) : null;
  if (!c?.object || !left) return null;
  const method = METHOD_EVALUATIONS.get(c.last);
  const parts = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren : null;
  if (method === 'record-values' && left.type === 'identifier' && left.text === name) return c.object;
  if (method === 'record-pairs' && parts?.length === 2 && parts[1]?.type === 'identifier' && parts[1].text === name) return c.object;
  return null;
}

/** The combined scale of nested loops: data if any is, bounded only if all are (see combineScales). */
export function combineLoops(ds: DataScale, loops: readonly Node[]): ScaleAnswer {
  return combineScales(loops.map((l) => ds.ofLoop(l)));
}

const cache = new WeakMap<FileFacts, DataScale>();

/** Today's answers, from the value facts of one file. */
export function dataScaleFrom(facts: FileFacts): DataScale {
  let ds = cache.get(facts);
  if (!ds) {
    ds = new FactsDataScale(facts);
    cache.set(facts, ds);
  }
  return ds;
}
