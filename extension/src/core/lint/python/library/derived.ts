// Sets generated from the library model (model.ts), the only form in which the analysis, the rules and the
// candidate scan see library knowledge. Generated once at load.
import { FRAME_PROPERTIES, FRAME_VIEW_PROPERTIES, LIBRARY, PATH_PROPERTIES, TIME_PROPERTIES, type FunctionEvaluation, type LibraryEntry, type MethodEvaluation, type Returns } from './model';

export { FRAME_VIEW_PROPERTIES, PATH_PROPERTIES, TIME_PROPERTIES };

const functions = LIBRARY.filter((e) => !e.callee.startsWith('.'));
// Methods of datetime values (`onTime`) answer only on such a receiver: apart, in TIME_METHODS.
const methods = LIBRARY.filter((e) => e.callee.startsWith('.') && !e.onTime);
const names = (rows: readonly LibraryEntry[]) => new Set(rows.map((e) => e.callee.replace(/^\./, '')));
const returning = (rows: readonly LibraryEntry[], r: Returns) => names(rows.filter((e) => e.returns === r));

/** Functions (dotted as written, or builtins) that return a number. */
export const NUMBER_FUNCTIONS: ReadonlySet<string> = returning(functions, 'number');
/** datetime constructors and parsers, as written (`datetime.strptime`, `dt.date.today`) → a moment or a span. */
export const TIME_FUNCTIONS: ReadonlyMap<string, 'moment' | 'span'> = new Map(
  functions.flatMap((e) => (e.returns === 'moment' || e.returns === 'span' ? [[e.callee, e.returns] as const] : [])),
);
/** Methods of datetime values → the receiver kind they need and what they return there (`.date` of a moment: a moment). */
export const TIME_METHODS: ReadonlyMap<string, { on: 'moment' | 'span'; returns: Returns }> = new Map(
  LIBRARY.flatMap((e) => (e.onTime && e.returns ? [[e.callee.slice(1), { on: e.onTime, returns: e.returns }] as const] : [])),
);
/** Functions returning text that is not data (`str(x)`, `os.path.join`). */
export const STR_FUNCTIONS: ReadonlySet<string> = returning(functions, 'str');
/** Functions returning a sequence of their last argument's elements. */
export const SEQUENCE_FUNCTIONS: ReadonlySet<string> = returning(functions, 'seq-of-arg');
/** Functions returning a list of file names (`os.listdir`), text that is not data. */
export const NAME_LISTS: ReadonlySet<string> = returning(functions, 'names');
/** Functions returning a filesystem path. */
export const PATH_FUNCTIONS: ReadonlySet<string> = returning(functions, 'path');
/** Methods returning a path when their receiver is one (`p.with_suffix(".gz")`), and an iterator of paths (`.glob`, `.rglob`, `.iterdir`). */
export const PATH_METHODS: ReadonlySet<string> = returning(methods, 'path');
export const PATH_LISTING_METHODS: ReadonlySet<string> = returning(methods, 'paths');
/** Container methods returning one of the receiver's elements (`q.popleft()`, `d.pop(k)`). */
export const ELEMENT_METHODS: ReadonlySet<string> = returning(methods, 'element');
/** Methods that reduce a numeric Series/ndarray receiver to one number (`.max()`, `.mean()`). */
export const COLUMN_REDUCTIONS: ReadonlySet<string> = returning(methods, 'number');
/** Methods giving the receiver Series'/DataFrame's cells as an ndarray (`.to_numpy()`). */
export const ARRAY_METHODS: ReadonlySet<string> = returning(methods, 'array-of-receiver');
/** Functions joining the frames of their list argument. */
export const FRAME_JOINS: ReadonlySet<string> = returning(functions, 'joined-frames');
/** Frame constructors that, called without data, give an empty frame to be filled later (`pd.DataFrame()`). */
export const EMPTY_FRAMES: ReadonlySet<string> = returning(functions, 'empty-frame');
/** Methods returning an argparse namespace. */
export const NAMESPACE_METHODS: ReadonlySet<string> = returning(methods, 'namespace');
/** Methods reading the next piece of a stream (`f.readline()`, `sock.recv(n)`, `f.read(n)`). */
export const PIECE_READS: readonly string[] = [...names(methods.filter((e) => e.readsPiece))];
/** Methods declaring a command-line argument (`parser.add_argument("--limit", type=int)`). */
export const ARGUMENT_METHODS: readonly string[] = [...names(methods.filter((e) => e.declaresArgument))];
/** A call of a NAMESPACE_METHODS method anywhere in a text (argparse attributes are only asked about then). */
export const NAMESPACE_CALL = new RegExp(String.raw`\.\s*(?:${[...NAMESPACE_METHODS].join('|')})\s*\(`);
/** Callees (functions as written, methods as `.name`) that call a function argument on an iterable's elements. */
export const CALLBACKS: ReadonlyMap<string, NonNullable<LibraryEntry['callback']>> = new Map(LIBRARY.flatMap((e) => (e.callback ? [[e.callee, e.callback] as const] : [])));
/** A fold's name in a text (`reduce`, `accumulate`): without one, no callback parameter is an accumulator. */
export const FOLD_WORD = new RegExp(`\\b(?:${lastWords([...CALLBACKS].filter(([, v]) => v.accumulator).map(([k]) => k)).join('|')})\\b`);
/** Functions that walk their iterable argument once, lazily. */
export const STREAMING_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.streams));
/** Methods consuming an iterable argument lazily, once (`f.writelines(lines)`). */
export const STREAMING_METHODS: ReadonlySet<string> = names(methods.filter((e) => e.streams));
/** Container methods that store their argument in the receiver (`append`, `setdefault`…). */
export const FILLING_METHODS: ReadonlySet<string> = names(methods.filter((e) => e.fills));
/** Every container method that stores into its receiver, a mapping's entries too (`d.update(x)`), → what it stores. */
export const FILLS: ReadonlyMap<string, NonNullable<LibraryEntry['fills']>> = new Map(methods.flatMap((e) => (e.fills ? [[e.callee.slice(1), e.fills] as const] : [])));
/** Container methods that store their first argument, one element, in the receiver (`rows.append(x)`, `seen.add(x)`). */
export const ELEMENT_FILLS: ReadonlySet<string> = new Set([...FILLS].flatMap(([name, what]) => (what === 'element' ? [name] : [])));
/** List methods taking out the element at their position argument, the last without one (`rows.pop(i)`). */
export const LIST_TAKES_AT_INDEX: ReadonlySet<string> = names(methods.filter((e) => e.takesAtIndex));
/** List methods that edit the list where it is (`append`, `remove`, `reverse`…), whether or not they store into it. */
export const LIST_EDITS: ReadonlySet<string> = names(methods.filter((e) => e.editsList));
/** Text-to-number converters (`float`, `Decimal`, `np.float64`). */
export const CONVERTERS: ReadonlySet<string> = names(functions.filter((e) => e.converts === 'number'));
/** Aggregates over an iterable, as written (`sum`, `statistics.stdev`). */
export const AGGREGATES: ReadonlySet<string> = names(functions.filter((e) => e.aggregates === 'iterable'));
/** Bare names that mean a library aggregate only after `from <module> import …`, with that module. */
export const BARE_AGGREGATES: ReadonlyMap<string, string> = new Map(
  functions.filter((e) => e.aggregates === 'iterable' && e.bareFrom).map((e) => [e.callee.slice(e.callee.lastIndexOf('.') + 1), e.bareFrom!]),
);
/** Methods that return their receiver's text. */
export const TEXT_METHODS: ReadonlySet<string> = returning(methods, 'same-text');
/** DataFrame methods that return a frame with the same columns. */
export const FRAME_METHODS: ReadonlySet<string> = returning(methods, 'same-frame');
/** Column (Series/array) aggregate methods. */
export const COLUMN_AGGREGATES: ReadonlySet<string> = names(methods.filter((e) => e.aggregates === 'column'));
/** Column aggregates that join the strings of a text column (`.sum()`, `.cumsum()`). */
export const TEXT_JOINING_AGGREGATES: ReadonlySet<string> = names(methods.filter((e) => e.aggregates === 'column' && e.concatenatesText));
export const FRAME_ATTRIBUTES: ReadonlySet<string> = new Set(FRAME_PROPERTIES);

// Data scale (dataScale.ts)
/** Directory listings by function (`os.listdir`) and by method name (`.glob`, `.iterdir`). */
export const LISTING_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.scale === 'listing'));
export const LISTING_METHODS: ReadonlySet<string> = names(methods.filter((e) => e.scale === 'listing'));
/** Query-result methods (`.fetchall`), on a receiver named like a cursor. */
export const QUERY_METHODS: ReadonlySet<string> = names(methods.filter((e) => e.scale === 'query'));
/** Methods whose result walks the receiver's elements (`.items`, `.iterrows`). */
export const RECEIVER_WALKS: ReadonlySet<string> = names(methods.filter((e) => e.scale === 'walks-receiver'));
/** Parsers whose document is as large as their input (`json.load`). */
export const PARSERS: ReadonlySet<string> = names(functions.filter((e) => e.scale === 'parse'));
/** Lazy slices of their first argument up to a stop (`islice(records, n)`). */
export const SLICING_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.scale === 'slices-arg'));
/** Counting dicts (`Counter`): one entry per distinct element of their argument; called empty, filled by `c[k] += n`. */
export const COUNTING_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.scale === 'counts-arg'));
/** Functions whose result holds their arguments' elements: copies (`list`, `sorted`), lazy walks (`zip`, `map`) and counts (`Counter`). */
export const ELEMENT_FUNCTIONS: ReadonlySet<string> = new Set([...SEQUENCE_FUNCTIONS, ...STREAMING_FUNCTIONS, ...COUNTING_FUNCTIONS]);

/**
 * The call tokens at which numericUseSources can find a numeric use of data text (conversions, aggregates,
 * column aggregates, pandas/numpy conversions): the trigger tokens of every rule that reports from there, so
 * they can never disagree.
 */
/** The call tokens of aggregates (iterable ones, bare statistics imports, column methods): MW104's candidates. */
export const AGGREGATE_CALL_TOKENS: readonly string[] = [...new Set([...AGGREGATES, ...COLUMN_AGGREGATES, ...BARE_AGGREGATES.keys()].map((n) => n.slice(n.lastIndexOf('.') + 1)))].sort();

/** The last words of conversions of whole columns or arrays (`pd.to_numeric`, `.astype`, `np.array(dtype=…)`). */
const NUMERIC_CONVERSION_CALLS = [...functionsEvaluatedAs('to-numeric', 'numpy-array'), ...methodsEvaluatedAs('astype')].map((n) => n.slice(n.lastIndexOf('.') + 1));

export const NUMERIC_USE_CALL_TOKENS: readonly string[] = [
  ...new Set([...CONVERTERS, ...AGGREGATES, ...COLUMN_AGGREGATES].map((n) => n.slice(n.lastIndexOf('.') + 1)).concat(NUMERIC_CONVERSION_CALLS).concat([...BARE_AGGREGATES.keys()])),
].sort();

// Callees evaluated by code (facts/callFacts.ts): callee as written → handler kind, and the reverse.
/** Functions (dotted as written, or builtins) → how the analysis evaluates them. */
export const FUNCTION_EVALUATIONS: ReadonlyMap<string, FunctionEvaluation> = new Map(functions.flatMap((e) => (e.evaluates ? [[e.callee, e.evaluates as FunctionEvaluation] as const] : [])));
/** Bare names that mean an evaluated function after `from csv import …` (`reader`, `DictReader`). */
export const BARE_CSV_EVALUATIONS: ReadonlyMap<string, FunctionEvaluation> = new Map(
  functions.filter((e) => (e.evaluates === 'csv-reader' || e.evaluates === 'csv-dict-reader') && e.bareFrom).map((e) => [e.callee.slice(e.callee.lastIndexOf('.') + 1), e.evaluates as FunctionEvaluation] as const),
);
/** Method names → how the analysis evaluates `x.name(…)`. */
export const METHOD_EVALUATIONS: ReadonlyMap<string, MethodEvaluation> = new Map(methods.flatMap((e) => (e.evaluates ? [[e.callee.slice(1), e.evaluates as MethodEvaluation] as const] : [])));
/** The callees (as written) a function kind is the evaluation of. */
export function functionsEvaluatedAs(...kinds: FunctionEvaluation[]): string[] {
  return functions.filter((e) => e.evaluates && kinds.includes(e.evaluates as FunctionEvaluation)).map((e) => e.callee);
}
/** The method names a method kind is the evaluation of. */
export function methodsEvaluatedAs(...kinds: MethodEvaluation[]): string[] {
  return methods.filter((e) => e.evaluates && kinds.includes(e.evaluates as MethodEvaluation)).map((e) => e.callee.slice(1));
}
/** Method name → receivers (modules) on which it is another library's function (`np.split`). */
export const NOT_ON: ReadonlyMap<string, ReadonlySet<string>> = new Map(methods.filter((e) => e.notOn).map((e) => [e.callee.slice(1), new Set(e.notOn)] as const));
/** str methods that split a text into lines given a line-end separator (`split`). */
export const SEPARATOR_SPLITS: readonly string[] = [...names(methods.filter((e) => e.linesBy === 'separator'))];
/** Path constructors from a path argument (`Path`, `pathlib.Path`), as written. */
export const PATH_CONSTRUCTORS: readonly string[] = functions.filter((e) => e.pathFromArg).map((e) => e.callee);
/** Functions giving their argument's number of elements (`len`). */
export const SIZE_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.sizeOf));
/**
 * How a record-declaring callee of this kind may be written, as a regex source: its name, after its module
 * optionally (`(?:dataclasses\.)?dataclass`).
 */
export function recordDeclaration(kind: NonNullable<LibraryEntry['declaresRecord']>): string {
  const rows = functions.filter((e) => e.declaresRecord === kind);
  return `(?:${rows.map((e) => `(?:${e.callee.slice(0, e.callee.lastIndexOf('.')).replace(/\./g, '\\.')}\\.)?${e.callee.slice(e.callee.lastIndexOf('.') + 1)}`).join('|')})`;
}
/** The words without which a text declares no record class (`dataclass`, `NamedTuple`, `namedtuple`). */
export const RECORD_WORDS: readonly string[] = lastWords(functions.filter((e) => e.declaresRecord && e.declaresRecord !== 'field').map((e) => e.callee));
/** Functions copying their argument's elements into a new stored list or tuple (`list`, `sorted`). */
export const COPYING_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.copies));
/** Calls that end the program (`sys.exit`, `quit`). */
export const EXIT_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.exits));
/** Builtin number types named as values (`int`, `float`). */
export const NUMBER_TYPES: ReadonlySet<string> = names(functions.filter((e) => e.numberType));
/** `open(…)`/`io.open(…)` or any `.open(…)` (a path's, gzip's): a call that opens a file. */
export function isOpenCall(full: string | null, last: string): boolean {
  return FUNCTION_EVALUATIONS.get(full ?? '') === 'open-file' || METHOD_EVALUATIONS.get(last) === 'path-open';
}
/** Empty-container constructors, as written, → the container. */
export const CONTAINER_FACTORIES: ReadonlyMap<string, NonNullable<LibraryEntry['container']>> = new Map(functions.flatMap((e) => (e.container ? [[e.callee, e.container] as const] : [])));
/** Methods returning text that is not data (`", ".join(xs)`). */
export const STR_METHODS: ReadonlySet<string> = returning(methods, 'str');
/** Functions returning their argument's text (`str.strip`, as in `map(str.strip, lines)`). */
export const TEXT_FUNCTIONS: ReadonlySet<string> = returning(functions, 'same-text');
/** Module words of the callees of pandas and numpy (`pd`, `numpy`…): a file without one holds no frame or array. */
export const ARRAY_MODULES: readonly string[] = [
  ...new Set(functionsEvaluatedAs('numpy-array', 'numpy-load', 'numpy-fromiter', 'to-numeric', 'pandas-read').map((c) => c.slice(0, c.indexOf('.')))),
];

/** Module attributes holding data text (`sys.argv`), as written → what they hold and their source kind. */
export const MODULE_ATTRIBUTES: ReadonlyMap<string, { holds: NonNullable<LibraryEntry['attribute']>; source: NonNullable<LibraryEntry['source']> }> = new Map(
  functions.filter((e) => e.attribute && e.source).map((e) => [e.callee, { holds: e.attribute!, source: e.source! }] as const),
);

// Callees that rules report, and the trigger words generated from them
/** MW305: functions applying a regex to a whole text (`re.findall`), and methods doing so on a compiled pattern. */
export const TEXT_SCAN_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.scansText));
export const TEXT_SCAN_METHODS: readonly string[] = [...names(methods.filter((e) => e.scansText))];
/** Functions compiling a regex (`re.compile`), as written. */
export const REGEX_COMPILERS: ReadonlySet<string> = names(functions.filter((e) => e.compilesRegex));
/** Functions that read a whole file of this kind in one call, as written (`np.load`), in model order. */
export function wholeReaders(kind: NonNullable<LibraryEntry['readsWhole']>): string[] {
  return functions.filter((e) => e.readsWhole === kind).map((e) => e.callee);
}
/** Table readers (as written) → the keyword that selects columns. */
export const TABLE_READERS: ReadonlyMap<string, string> = new Map(functions.filter((e) => e.readsWhole === 'table' && e.columnsParam).map((e) => [e.callee, e.columnsParam!] as const));
/** Builtins reducing an iterable in one pass (`sum`, `any`), and those that stop early (`any`, `all`). */
export const REDUCERS: readonly string[] = functions.filter((e) => e.reduces).map((e) => e.callee);
export const SHORT_CIRCUIT_REDUCERS: ReadonlySet<string> = new Set(functions.filter((e) => e.reduces === 'short-circuit').map((e) => e.callee));
/** Caching decorators, as written and bare, → whether `maxsize` bounds them. */
export const CACHE_DECORATORS: ReadonlyMap<string, 'maxsize' | 'unbounded'> = new Map(
  functions.filter((e) => e.caches).flatMap((e) => [[e.callee, e.caches!] as const, ...(e.bareFrom ? [[e.callee.slice(e.callee.lastIndexOf('.') + 1), e.caches!] as const] : [])]),
);
/** Functions (as written) and methods that copy every row of a frame into a new one (`pd.concat`, `.append`). */
export const FRAME_COPIES: readonly string[] = functions.filter((e) => e.copiesFrame).map((e) => e.callee);
export const FRAME_COPY_METHODS: readonly string[] = [...names(methods.filter((e) => e.copiesFrame))];
/** The distinct last words of callees as written (`np.load` → `load`), in order: trigger tokens. */
export function lastWords(callees: readonly string[]): string[] {
  return [...new Set(callees.map((c) => c.slice(c.lastIndexOf('.') + 1)))];
}
/** The distinct module words of dotted callees (`np.load` → `np`), in order: `appliesTo` needles. */
export function moduleWords(callees: readonly string[]): string[] {
  return [...new Set(callees.filter((c) => c.includes('.')).map((c) => c.slice(0, c.indexOf('.'))))];
}
/** A trigger's `before` test for a call written `<module>.`: one of the callees' modules, then a dot, at the end. */
export function moduleDotBefore(callees: readonly string[]): RegExp {
  return new RegExp(String.raw`\b(?:${moduleWords(callees).join('|')})\s*\.\s*$`);
}
/** Modules whose word in a file says csv rows may be read (`csv`). */
export const CSV_READERS: readonly string[] = functionsEvaluatedAs('csv-reader', 'csv-dict-reader');
export const CSV_MODULES: readonly string[] = moduleWords(CSV_READERS);

// The MW3xx use analysis (wholeFileUse.ts) and MW405
/** Calls needing every element of their first argument at once, as written and bare (`sorted`, `random.sample`, `sample`). */
export const WHOLE_LIST_FUNCTIONS: ReadonlySet<string> = new Set(
  functions.filter((e) => e.needsWhole).flatMap((e) => (e.bareFrom ? [e.callee, e.callee.slice(e.callee.lastIndexOf('.') + 1)] : [e.callee])),
);
/** Methods needing every element of their receiver (`lines.sort()`). */
export const WHOLE_LIST_METHODS: ReadonlySet<string> = names(methods.filter((e) => e.needsWhole));
/** Methods of a handle or path that write into its file. */
export const FILE_WRITES: ReadonlySet<string> = names(methods.filter((e) => e.writesFile));
/** Functions whose result is an iterator or a lazy range (`range`, `open`). */
export const LAZY_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.lazy));

const scans = LIBRARY.flatMap((e) => (e.scan ? [e.scan] : []));
const fragments = (pick: (s: NonNullable<LibraryEntry['scan']>) => string | undefined) =>
  [...new Set(scans.map(pick).filter((f): f is string => !!f))].sort((a, b) => b.length - a.length).join('|');

/**
 * Source tokens for the candidate scan, generated from the model's `scan` fragments: words (after the scan's
 * `\b`) and calls, then `.method(` calls. Longer fragments first, so `readlines(` wins over `readline(`.
 */
export const SOURCE_WORD_ALTS = `(?:${fragments((s) => ('word' in s ? s.word : undefined))})\\b|(?:${fragments((s) => ('call' in s ? s.call : undefined))})\\s*\\(`;
export const SOURCE_DOT_ALTS = `\\.\\s*(?:${fragments((s) => ('method' in s ? s.method : undefined))})\\s*\\(`;

/** Functions that join path parts (`os.path.join`) and that give a path's folder (`os.path.dirname`). */
export const PATH_JOINS: ReadonlySet<string> = names(functions.filter((e) => e.pathPart === 'join'));
export const FOLDER_FUNCTIONS: ReadonlySet<string> = names(functions.filter((e) => e.pathPart === 'folder'));
