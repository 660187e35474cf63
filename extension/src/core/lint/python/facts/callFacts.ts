// Values of calls: the library model's rows (model.ts, through derived.ts) and the library callees whose
// effect needs code (open() modes, csv readers, numpy/pandas dtypes, regex matches), each named in the model
// with the kind of handler below (`evaluates`), so this file holds how a kind is evaluated and no library name;
// in-file functions, classes and methods go to their summaries (summaries.ts).
import type { Node } from 'web-tree-sitter';
import {
  ARRAY_METHODS, BARE_CSV_EVALUATIONS, COLUMN_REDUCTIONS, CONTAINER_FACTORIES, CONVERTERS, COPYING_FUNCTIONS, ELEMENT_METHODS, EMPTY_FRAMES, FRAME_JOINS, FRAME_METHODS, FUNCTION_EVALUATIONS, METHOD_EVALUATIONS, NAMESPACE_METHODS, NAME_LISTS, NOT_ON, NUMBER_FUNCTIONS, NUMBER_TYPES, PATH_FUNCTIONS, PATH_LISTING_METHODS, PATH_METHODS, SEQUENCE_FUNCTIONS, STR_FUNCTIONS, STR_METHODS, TEXT_FUNCTIONS, TEXT_METHODS, TIME_FUNCTIONS, TIME_METHODS, functionsEvaluatedAs, methodsEvaluatedAs,
} from '../library/derived';
import type { FunctionEvaluation } from '../library/model';
import { calleeOf, keywordArg, positionalArgs, stringValue, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { accumulatorOf, callbackSpecOf } from './callbacks';
import { elementOf, join, joinBranches, markStored, recordField, type Fact, type MaybeFact, type TextSource } from './factTypes';
import { dtypeIsNumeric, isNumericDtype } from './operators';
import { buildRecord } from './recordShapes';
import { scopeAt, type Scope } from './scopes';
import { functionReturn, methodOf, methodReturn } from './summaries';
import { timeMethod, valueOf } from './timeValues';

/** Method names whose library answer below reads the receiver's value first (an in-file method may shadow them). */
const RECEIVER_READ = new Set([
  ...methodsEvaluatedAs('read-line', 'read-lines', 'read-file', 'path-open', 'match-group', 'match-groups', 'match-groupdict', 'dict-setdefault', 'dict-get', 'record-pairs', 'record-keys', 'record-values', 'record-counts', 'astype', 'receiver'),
  ...ELEMENT_METHODS, ...PATH_METHODS, ...PATH_LISTING_METHODS, ...COLUMN_REDUCTIONS, ...ARRAY_METHODS,
]);

export function callFact(a: Analysis, call: Node, d: number): MaybeFact {
  const c = calleeOf(call);
  if (!c) return null;
  const full = c.full ?? '';
  const last = c.last;
  const args = positionalArgs(call);
  if (!c.object) {
    if (NUMBER_FUNCTIONS.has(full)) return { k: 'num' };
    if (STR_FUNCTIONS.has(full)) return { k: 'str' };
  }
  if (PATH_FUNCTIONS.has(full)) return { k: 'path' };
  if (TIME_FUNCTIONS.has(full)) return valueOf(TIME_FUNCTIONS.get(full)!); // `datetime.strptime(…)`, `timedelta(…)`
  a.ensureAt(call.startIndex);
  if (!c.object) {
    const kind = FUNCTION_EVALUATIONS.get(full) ?? (a.bareCsv.has(full) ? BARE_CSV_EVALUATIONS.get(full) : undefined);
    const r = kind ? libraryCall(a, kind, call, full, last, args, d) : undefined;
    if (r !== undefined) return r;
    if (SEQUENCE_FUNCTIONS.has(full)) return sequenceFact(a, full, args, d);
    // `cls(...)` in a classmethod: the class it is called on (the enclosing one).
    const clsName = full === 'cls' ? enclosingClassName(a, call) : null;
    if (clsName) return construct(a, clsName, call, d);
    return construct(a, full, call, d) ?? functionReturn(a, full, call, d);
  }
  // module functions with a dotted name
  if (NUMBER_FUNCTIONS.has(full)) return { k: 'num' };
  if (SEQUENCE_FUNCTIONS.has(full)) return sequenceFact(a, full, args, d);
  if (STR_FUNCTIONS.has(full)) return { k: 'str' };
  // `merged = pd.DataFrame()` before `merged = pd.concat([merged, part])` in a loop: the empty start adds no
  // columns, so the loop's join is the parts' frame (an unknown start would hide their text columns).
  if (NAME_LISTS.has(full)) return { k: 'seq', of: { k: 'str' } };
  if (EMPTY_FRAMES.has(full) && args.length === 0 && !keywordArg(call, 'data')) return { k: 'empty' };
  if (FRAME_JOINS.has(full)) {
    // pd.concat(frames): text when every joined frame is
    const el = elementOf(a.factOf(args[0] ?? null, d));
    return el && el.k === 'frame' ? { k: 'frame', text: el.text, src: el.src, columns: el.columns, call } : { k: 'frame', text: false, call };
  }
  const kind = FUNCTION_EVALUATIONS.get(full);
  const r = kind ? libraryCall(a, kind, call, full, last, args, d) : undefined;
  if (r !== undefined) return r;
  // methods: an in-file class's own method, before the library answers that read the receiver anyway
  // (`cfg.get(k, 30)` is not dict.get when cfg is a Config); other names ask it last, as a fallback.
  const own = () => (a.hasClasses() && a.memberNames().methods.has(last) ? selfMethodReturn(a, last, call, d) : undefined);
  if (RECEIVER_READ.has(last)) {
    const r = own();
    if (r !== undefined) return r;
  }
  const time = TIME_METHODS.has(last) ? timeMethod(last, a.factOf(c.object, d)) : undefined; // `d.date()`, `gap.total_seconds()`
  if (time !== undefined) return time;
  switch (METHOD_EVALUATIONS.get(last)) {
    case 'split-text': {
      // cv2.split / np.split / torch.split split arrays, not text; an object's `.split` (a KFold's folds, an
      // in-file class's method) is not str.split either.
      if (c.object && NOT_ON.get(last)?.has(c.object.text)) return null;
      const o = a.factOf(c.object, d);
      if (o && (o.k === 'object' || o.k === 'instance')) return own() ?? null;
      return { k: 'seq', of: { k: 'text', src: { label: 'str.' + last, kind: 'split', node: call } } };
    }
    case 'split-lines':
      return { k: 'seq', of: { k: 'text', src: { label: 'str.' + last, kind: 'split', node: call } } };
    case 'partition': {
      const t: Fact = { k: 'text', src: { label: 'str.' + last, kind: 'split', node: call } };
      return { k: 'tuple', items: [t, t, t] };
    }
    case 'read-line':
    case 'read-lines': {
      // Only text files: binary files yield bytes, whose items are ints.
      const o = a.factOf(c.object, d);
      if (!o || o.k !== 'file') return null;
      const t: Fact = { k: 'text', src: { label: last + '()', kind: 'file', node: call } };
      return METHOD_EVALUATIONS.get(last) === 'read-line' ? t : { k: 'seq', of: t, stored: true };
    }
    case 'read-file':
    case 'read-path': {
      const o = a.factOf(c.object, d);
      return METHOD_EVALUATIONS.get(last) === 'read-path' || (o && o.k === 'file') ? { k: 'text', src: { label: last + '()', kind: 'file', node: call } } : null;
    }
    case 'path-open': {
      const o = a.factOf(c.object, d);
      return o && o.k === 'path' ? openFact(call, args, 0) : null;
    }
    case 'regex-texts':
      return { k: 'seq', of: { k: 'text', src: { label: 'a regex group', kind: 'regex', node: call } } };
    case 'regex-match':
      return { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } };
    case 'match-group':
    case 'match-groups':
    case 'match-groupdict': {
      const o = a.factOf(c.object, d);
      if (!o || o.k !== 'match') return null;
      const t: Fact = { k: 'text', src: o.src };
      const kind = METHOD_EVALUATIONS.get(last);
      if (kind === 'match-groups') return { k: 'seq', of: t };
      if (kind === 'match-groupdict') return { k: 'record', of: t };
      return args.length > 1 ? { k: 'tuple', items: args.map(() => t) } : t;
    }
    case 'dict-setdefault': {
      // `d.setdefault(k, v)`: what `d` holds, or `v` (an empty dict holds nothing yet: then `v`)
      const o = a.factOf(c.object, d);
      if (args.length !== 2 || !o || (o.k !== 'record' && o.k !== 'empty')) return null;
      const v = a.factOf(args[1], d);
      return o.k === 'record' ? join(recordField(o, stringValue(args[0])), v) : v;
    }
    case 'dict-get': {
      const o = a.factOf(c.object, d);
      // `d.get(k, default)`: the entry or the default (a dict filled from its own `get` starts as bottom: the default)
      // The entry joined with a known default (data text against a number stays data text: the default is only the
      // missing key's fallback); a None or unknown default says nothing against the entry, which is what a present
      // key gives.
      if (o && o.k === 'record') {
        const entry = recordField(o, stringValue(args[0] ?? null));
        const fallback = args.length === 2 && args[1].type !== 'none' ? a.factOf(args[1], d) : null;
        return fallback ? joinBranches(entry, fallback, (i) => i === 1) : entry;
      }
      if (o && o.k === 'bottom' && args.length === 2) return join(o, a.factOf(args[1], d));
      // counts.get(key, 0): a dict read with a numeric default holds numbers
      return args.length === 2 && a.factOf(args[1], d)?.k === 'num' ? { k: 'num' } : null;
    }
    case 'record-pairs':
    case 'record-keys':
    case 'record-values':
    case 'record-counts': {
      const o = a.factOf(c.object, d);
      const kind = METHOD_EVALUATIONS.get(last);
      // A dict of modelling objects: its values are ones, its keys are not followed.
      if (o && o.k === 'algebraic' && !args.length && kind !== 'record-keys') return kind === 'record-values' ? { k: 'seq', of: o } : kind === 'record-pairs' ? { k: 'seq', of: { k: 'tuple', items: [null, o] } } : null;
      // most_common(n): the (key, count) pairs of a Counter, like items()
      if (!o || o.k !== 'record' || o.overwritten || (args.length && kind !== 'record-counts')) return null;
      if (kind === 'record-keys') return { k: 'seq', of: o.key ?? null };
      return kind === 'record-values' ? { k: 'seq', of: o.of } : { k: 'seq', of: { k: 'tuple', items: [o.key ?? null, o.of] } };
    }
    case 'astype': {
      const o = a.factOf(c.object, d);
      if (!o || (o.k !== 'array' && o.k !== 'series' && o.k !== 'frame')) return null;
      const numeric = dtypeIsNumeric(args[0] ?? null, (n) => a.factOf(n, d));
      if (numeric === null) return null;
      if (o.k === 'frame') return { k: 'frame', text: !numeric, call: o.call };
      return o.k === 'series' ? { k: 'series', text: !numeric, src: numeric ? undefined : o.src, numeric: numeric || undefined } : { k: 'array', text: !numeric, src: numeric ? undefined : o.src };
    }
    case 'receiver': {
      return a.factOf(c.object, d);
    }
  }
  if (STR_METHODS.has(last)) return { k: 'str' };
  if (PATH_METHODS.has(last) || PATH_LISTING_METHODS.has(last)) {
    // only on a path (`str.join`-like names on other receivers say nothing)
    const o = a.factOf(c.object, d);
    if (o && o.k === 'path') return PATH_METHODS.has(last) ? o : { k: 'seq', of: o };
  }
  if (ELEMENT_METHODS.has(last)) {
    // `q.popleft()`, `stack.pop()`, `xs.pop(0)`, `d.pop(k)`: one of the receiver's elements (`d.pop(k, dflt)` may be dflt)
    const o = a.factOf(c.object, d);
    if (o && (o.k === 'seq' || o.k === 'bottom')) return args.length <= 1 ? elementOf(o) : null;
    if (o && o.k === 'record') return args.length === 2 ? join(o.of, a.factOf(args[1], d)) : args.length === 1 ? o.of : null;
    return null;
  }
  if (NAMESPACE_METHODS.has(last)) return { k: 'namespace', src: { label: 'argparse', kind: 'input', node: call } };
  if (TEXT_METHODS.has(last)) {
    const o = a.factOf(c.object, d);
    if (o && (o.k === 'text' || o.k === 'str')) return o;
    if (o && o.k === 'series' && o.text) return o; // `s.str.strip()`, `s.replace(…)` of a text column
    return null;
  }
  if (FRAME_METHODS.has(last)) {
    const o = a.factOf(c.object, d);
    return o && (o.k === 'frame' || o.k === 'bottom') ? o : null;
  }
  if (COLUMN_REDUCTIONS.has(last) && !call.childForFieldName('arguments')?.namedChildCount) {
    // `counts.astype(float).max()`: one number (with `axis=` it would be a column again).
    const o = a.factOf(c.object, d);
    // A column of a frame read without a dtype may hold text: only a known-numeric column reduces to a number.
    return o && (o.k === 'series' ? o.numeric : o.k === 'array' && !o.text) ? { k: 'num' } : null;
  }
  if (ARRAY_METHODS.has(last)) {
    const o = a.factOf(c.object, d);
    return o && (o.k === 'series' || o.k === 'frame' || o.k === 'array') ? { k: 'array', text: o.text, src: o.src } : null;
  }
  return own() ?? null;
}

/**
 * A library function the model marks `evaluates` (library/model.ts): its value, or undefined when this call
 * is not the shape the kind reads (`dict(a, b)`, `map(f)`), so the caller goes on to other answers.
 */
function libraryCall(a: Analysis, kind: FunctionEvaluation, call: Node, full: string, last: string, args: Node[], d: number): MaybeFact | undefined {
  switch (kind) {
    case 'input-text':
      return { k: 'text', src: { label: full + '()', kind: 'input', node: call } };
    case 'open-file':
      return openFact(call, args, 1);
    case 'compressed-open': {
      const mode = stringValue(keywordArg(call, 'mode') ?? args[1] ?? null);
      return mode && mode.includes('t') ? openFact(call, args, 1) : null;
    }
    case 'csv-reader':
    case 'csv-dict-reader':
      return csvFact(call, kind === 'csv-dict-reader');
    case 'reduced':
    case 'accumulated': {
      // (a function of the file named `reduce`/`accumulate` is its own: its summary answers)
      const spec = callbackSpecOf(call);
      if (!spec || (!full.includes('.') && a.functionScope(full, scopeAt(a.root, call.startIndex), call.startIndex))) return undefined;
      const acc = accumulatorOf(a, call, spec, d);
      return kind === 'reduced' ? acc : acc ? { k: 'seq', of: acc } : null;
    }
    case 'extreme': {
      if (keywordArg(call, 'key')) return args.length === 1 ? elementOf(a.factOf(args[0], d)) : null;
      if (args.length === 1) return elementOf(a.factOf(args[0], d));
      let acc: MaybeFact = a.factOf(args[0] ?? null, d);
      for (let i = 1; i < args.length && acc; i++) acc = join(acc, a.factOf(args[i], d));
      return acc;
    }
    case 'default-dict':
    case 'counter':
      return counterFact(a, call, kind, args, d);
    case 'next-element':
      return elementOf(a.factOf(args[0] ?? null, d));
    case 'pairs-record': {
      if (!(args.length === 1 && (args[0].type === 'generator_expression' || call.childForFieldName('arguments')?.namedChildCount === 1))) return undefined;
      // dict(zip(header, row)) / dict(pairs): a record of the pairs' second items
      // (or of `k=v` split pairs: `dict(p.split("=", 1) for p in parts)`)
      const pair = elementOf(a.factOf(args[0], d));
      if (pair && pair.k === 'seq' && pair.of && pair.of.k === 'text') return { k: 'record', of: pair.of };
      return pair && pair.k === 'tuple' && pair.items.length === 2 && pair.items[1] ? { k: 'record', of: pair.items[1] } : null;
    }
    case 'numbers':
      return { k: 'seq', of: { k: 'num' } };
    case 'modelling-object':
      return { k: 'algebraic' };
    case 'enumerated':
      return { k: 'seq', of: { k: 'tuple', items: [{ k: 'num' }, elementOf(a.iterable(a.factOf(args[0] ?? null, d), d))] } };
    case 'zipped':
      return args.length ? { k: 'seq', of: { k: 'tuple', items: args.map((x) => elementOf(a.factOf(x, d))) } } : transposed(a, call, d);
    case 'mapped': {
      if (args.length < 2) return undefined;
      const fn = unwrap(args[0]);
      const fnName = fn?.text ?? '';
      if (CONVERTERS.has(fnName)) return { k: 'seq', of: { k: 'num' } };
      if (TEXT_FUNCTIONS.has(fnName)) return { k: 'seq', of: elementOf(a.factOf(args[1], d)) };
      // map(parse_line, lines): what the in-file function returns for each element (its parameter, summaries.ts)
      if (fn?.type === 'identifier') {
        const r = functionReturn(a, fnName, call, d);
        return r ? { k: 'seq', of: r } : null;
      }
      // map(lambda r: r[1], rows): its body, whose parameter is an element of rows (a callback of the model)
      if (fn?.type === 'lambda') {
        const r = a.factOf(fn.childForFieldName('body'), d);
        return r ? { k: 'seq', of: r } : null;
      }
      return null;
    }
    case 'env-text':
      return { k: 'text', src: { label: full + '()', kind: 'input', node: call } };
    case 'file-lines':
      return { k: 'seq', of: { k: 'text', src: { label: full.slice(0, full.indexOf('.')), kind: 'file', node: call } } };
    case 'numpy-array':
    case 'numpy-load':
    case 'numpy-fromiter':
      return numpyFact(a, call, args, last, kind, d);
    case 'to-numeric': {
      const arg = a.factOf(args[0] ?? null, d);
      return arg && arg.k === 'array' ? { k: 'array', text: false } : { k: 'series', text: false, numeric: true };
    }
    case 'pandas-read': {
      const dtype = keywordArg(call, 'dtype');
      const numeric = dtype ? dtypeIsNumeric(dtype, (n) => a.factOf(n, d)) : null;
      if (dtype && numeric === false) return { k: 'frame', text: true, call, src: { label: `${full}(dtype=${unwrap(dtype)?.text ?? 'str'})`, kind: 'pandas', node: call } };
      // dtype={"amount": str, "qty": "int64"}: only the columns given a text dtype are text
      const columns = textColumns(dtype);
      if (columns.length) return { k: 'frame', text: false, call, columns, src: { label: `${full}(dtype={"${columns[0]}": str})`, kind: 'pandas', node: call } };
      return { k: 'frame', text: false, call };
    }
    case 'regex-match':
      return { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } };
    case 'regex-texts':
      return { k: 'seq', of: { k: 'text', src: { label: 'a regex group', kind: 'regex', node: call } } };
    case 'regex-matches':
      return { k: 'seq', of: { k: 'match', src: { label: 'a regex group', kind: 'regex', node: call } } };
    case 'fold-splitter':
      // (a class of the file with that name is its own: `construct` answers)
      return a.moduleClass(full) ? undefined : { k: 'object', cls: FOLD_SPLITTER };
  }
}

/** The class of a library cross-validation splitter's fact: not a Python name, so no in-file class matches it. */
const FOLD_SPLITTER = 'a cross-validation splitter';

/** `defaultdict(list)`: an empty dict of lists; `defaultdict(dict)` an empty dict of dicts; `defaultdict(int)` and a counting `Counter(xs)`: a dict of numbers. */
function counterFact(a: Analysis, call: Node, kind: FunctionEvaluation, args: Node[], d: number): MaybeFact {
  const first = unwrap(args[0] ?? null);
  const counts = kind === 'counter';
  if (!counts && first && CONTAINER_FACTORIES.get(first.text) === 'list') return { k: 'empty', keyed: true };
  // `defaultdict(dict)`: entries are dicts made on first use, filled as `d[k][j] = v` (containers.ts)
  if (!counts && first && CONTAINER_FACTORIES.get(first.text) === 'dict') return { k: 'empty', dict: true };
  if (counts ? counterCounts(a, call, d) : first && NUMBER_TYPES.has(first.text)) return { k: 'record', of: { k: 'num' } };
  return null;
}

/** `zip(*rows)`: the columns of a list of rows, each a sequence of the rows' fields. */
function transposed(a: Analysis, call: Node, d: number): MaybeFact {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  if (args.length !== 1 || args[0]?.type !== 'list_splat') return null;
  const field = elementOf(elementOf(a.factOf(args[0].namedChild(0), d)));
  return field ? { k: 'seq', of: { k: 'seq', of: field } } : null;
}

/** The columns a `dtype={...}` display gives a text dtype (str, object, "string"…), by their literal names. */
function textColumns(dtype: Node | null): string[] {
  const u = unwrap(dtype);
  if (!u || u.type !== 'dictionary') return [];
  const out: string[] = [];
  for (const pair of u.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const name = stringValue(pair.childForFieldName('key'));
    if (name !== null && isNumericDtype(pair.childForFieldName('value')) === false) out.push(name);
  }
  return out;
}

/**
 * Does `Counter(...)` hold counts? Empty, or counting an iterable's elements: yes. Built from a mapping (a dict
 * display, a record, keyword arguments) it copies that mapping's values instead, which may be anything.
 */
function counterCounts(a: Analysis, call: Node, d: number): boolean {
  const argList = call.childForFieldName('arguments');
  if (!argList || argList.namedChildCount === 0 || argList.type === 'generator_expression') return true; // Counter(x for …)
  if (argList.namedChildCount !== 1) return false;
  const arg = argList.namedChildren[0];
  if (!arg || arg.type === 'keyword_argument' || arg.type === 'dictionary' || arg.type === 'dictionary_comprehension' || arg.type.includes('splat')) return false;
  const f = a.factOf(arg, d);
  return !(f && (f.k === 'record' || (f.k === 'empty' && f.dict)));
}

/** `list(xs)`, `sorted(xs)`, `deque(xs, maxlen=n)`: a sequence of xs's elements; `list()`, `deque()`, `set()`: empty, filled later (`seen.add(x)`, `seen.update(xs)`). */
function sequenceFact(a: Analysis, full: string, args: Node[], d: number): MaybeFact {
  const container = CONTAINER_FACTORIES.get(full);
  if (args.length === 0) return container === 'list' || container === 'set' || container === 'deque' ? { k: 'empty' } : null;
  // deque's second argument is maxlen; the others take the iterable last (`filter(fn, xs)`)
  const el = elementOf(a.iterable(a.factOf(container === 'deque' ? args[0] : args[args.length - 1], d), d));
  return COPYING_FUNCTIONS.has(full) ? { k: 'seq', of: markStored(el), stored: true } : { k: 'seq', of: el };
}

/**
 * Can a value of this file be a text column (a str DataFrame, Series or ndarray with its source)? Only two kinds
 * of call make one (below): `pd.read_csv`/`pd.read_table` with a dtype, and `np.array`/`asarray`/`loadtxt`/
 * `genfromtxt`/`fromiter` with a str dtype or text elements; every other text column is one of theirs passed on
 * (columns, `.values`, `.astype`, `pd.concat`). Their callee is a dotted name, so both of its words are in the text.
 * MW105 and the column checks of MW103/MW2xx skip evaluating operands in files where neither pair occurs (a file
 * that only mentions `pd`, say `self.pd()`). A new origin of text columns must be added here too; exhaustive mode
 * does not use this test, so the exhaustive-vs-fast test of every corpus would show a missing one.
 */
export function mayHoldTextColumns(text: string): boolean {
  // The rare callee words first, by indexOf (a regex alternation with \b walks the text far more slowly).
  return TEXT_COLUMN_ORIGINS.some(([names, modules]) => hasAnyWord(text, names) && hasAnyWord(text, modules));
}

/** The callee words of the two origins of text columns, from the library model: [function names, module words]. */
const TEXT_COLUMN_ORIGINS: readonly (readonly [string[], string[]])[] = [functionsEvaluatedAs('pandas-read'), functionsEvaluatedAs('numpy-array', 'numpy-load', 'numpy-fromiter')].map((callees) => {
  const words = (part: 0 | 1) => [...new Set(callees.map((c) => [c.slice(0, c.indexOf('.')), c.slice(c.indexOf('.') + 1)][part]))];
  return [words(1), words(0)] as const;
});

/** Does one of `words` occur in `text` as a whole word (no ASCII letter, digit or `_` either side)? */
function hasAnyWord(text: string, words: readonly string[]): boolean {
  const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && !isWordChar(text.charCodeAt(at + w.length))) return true;
    }
  }
  return false;
}

function openFact(call: Node, args: Node[], modeIndex: number): MaybeFact {
  const modeNode = keywordArg(call, 'mode') ?? args[modeIndex] ?? null;
  if (modeNode) {
    const mode = stringValue(modeNode);
    if (mode === null || mode.includes('b') || mode.includes('w') || mode.includes('a') || mode.includes('x')) return null;
  }
  return { k: 'file', src: { label: 'a line read from a file', kind: 'file', node: call } };
}

function numpyFact(a: Analysis, call: Node, args: Node[], last: string, kind: FunctionEvaluation, d: number): MaybeFact {
  const dtype = keywordArg(call, 'dtype');
  if (dtype) {
    const numeric = dtypeIsNumeric(dtype, (n) => a.factOf(n, d));
    if (numeric === true) return { k: 'array', text: false };
    if (numeric === false) return { k: 'array', text: true, src: { label: `np.${last}(dtype=${unwrap(dtype)?.text})`, kind: 'numpy', node: call } };
    return null;
  }
  if (kind === 'numpy-load') return { k: 'array', text: false };
  if (kind === 'numpy-fromiter') return null;
  const arg = a.factOf(args[0] ?? null, d);
  if (!arg) return null;
  if (arg.k === 'array') return arg;
  const el = elementOf(arg);
  if (!el) return null;
  if (el.k === 'num') return { k: 'array', text: false };
  if (el.k === 'text') return { k: 'array', text: true, src: el.src };
  const inner = elementOf(el);
  if (inner && inner.k === 'text' && (el.k === 'seq' || el.k === 'tuple')) return { k: 'array', text: true, src: inner.src };
  if (inner && inner.k === 'num') return { k: 'array', text: false };
  return null;
}

/** `Name(...)` of an in-file record class (an instance with its fields) or other class (an object). */
function construct(a: Analysis, name: string, call: Node, d: number): MaybeFact {
  const shape = a.shapes().byName.get(name);
  if (shape) return buildRecord(a.shapes(), name, shape, call, (n) => a.factOf(n, d), elementOf);
  // An in-file class: an instance whose attributes are what its methods store in `self`.
  if (/^[A-Za-z_]\w*$/.test(name) && a.moduleClass(name)) return { k: 'object', cls: name };
  return null;
}

function enclosingClassName(a: Analysis, node: Node): string | null {
  return a.classScopeOf(node)?.node.childForFieldName('name')?.text ?? null;
}

/**
 * `self.m(x)` inside a class, `obj.m(x)` on an instance of an in-file class, or `Reading.from_line(x)` on the
 * class itself (a classmethod or staticmethod): the method's summary. Undefined when the receiver is not
 * one of these (a library object: the library model answers).
 */
function selfMethodReturn(a: Analysis, name: string, call: Node, d: number): MaybeFact | undefined {
  const found = methodCalled(a, call, d);
  return found ? methodReturn(a, found.cls, name, d) : undefined;
}

/**
 * The in-file method a call `self.m(x)`, `obj.m(x)` (an instance of an in-file class) or `Cls.m(x)` reaches, with
 * its class; null when the receiver is none of these or its class lacks the method (inherited from a library base).
 */
export function methodCalled(a: Analysis, call: Node, d: number): { cls: Scope; fn: Scope } | null {
  const callee = calleeOf(call);
  const recv = unwrap(callee?.object ?? null);
  if (!callee || !recv) return null;
  let cls: Scope | null = null;
  if (recv.type === 'identifier' && /^[A-Z]/.test(recv.text)) cls = a.moduleClass(recv.text);
  if (!cls && recv.type === 'identifier' && recv.text === 'self') {
    a.ensureAt(call.startIndex); // its class's members may not be collected yet (a rule asking before any fact)
    cls = a.classScopeOf(call);
  } else if (!cls) {
    const o = a.factOf(recv, d);
    cls = o && (o.k === 'object' || o.k === 'instance') ? a.moduleClass(o.cls) : null;
  }
  const fn = cls ? methodOf(a, cls, callee.last) : null;
  return cls && fn ? { cls, fn } : null;
}

/** The label of a reader kind's rows in messages: its callee as the model writes it (`csv.DictReader`). */
const CSV_LABEL = { rows: functionsEvaluatedAs('csv-reader')[0], records: functionsEvaluatedAs('csv-dict-reader')[0] };

function csvFact(call: Node, dict: boolean): Fact {
  // QUOTE_NONNUMERIC (and QUOTE_STRINGS) readers turn unquoted fields into floats: fields are not known text.
  if (/QUOTE_(NONNUMERIC|STRINGS)/.test(keywordArg(call, 'quoting')?.text ?? '')) return { k: 'seq', of: dict ? { k: 'record', of: null } : { k: 'seq', of: null } };
  const src: TextSource = { label: dict ? CSV_LABEL.records : CSV_LABEL.rows, kind: 'csv', node: call };
  const field: Fact = { k: 'text', src };
  return { k: 'seq', of: dict ? { k: 'record', of: field } : { k: 'seq', of: field } };
}
