// The library model: one data table of what library callees do to values, in the spirit of CodeQL's "models
// as data" and Pysa's model stubs. The analysis (facts/fileFacts.ts, numericText.ts), the rules' trigger tokens
// and the candidate scan read the sets generated from it in ./derived.ts; nothing else may hold its own list
// of library names. Adding a library function is one row here plus a test.
//
// Rows for callees whose effect needs code (csv.reader records, open() modes, numpy/pandas dtypes) still name
// their role here (`source`), and their evaluation lives in the analysis. The columns a row may fill, and what
// each means, are declared in ./columns.ts.

import type { LibraryEntry } from './columns';

export type { FunctionEvaluation, LibraryEntry, MethodEvaluation, Returns } from './columns';

const statistics = ['mean', 'median', 'median_low', 'median_high', 'fmean', 'stdev', 'pstdev', 'variance', 'pvariance', 'geometric_mean', 'harmonic_mean', 'quantiles', 'mode'];

export const LIBRARY: readonly LibraryEntry[] = [
  // builtins and numeric constructors
  ...['int', 'float', 'complex', 'Decimal', 'decimal.Decimal', 'Fraction', 'fractions.Fraction'].map((callee): LibraryEntry => ({ callee, returns: 'number', converts: 'number' })),
  ...['np.float64', 'np.int64', 'np.float32', 'np.int32', 'numpy.float64'].map((callee): LibraryEntry => ({ callee, converts: 'number' })),
  ...['len', 'round', 'abs', 'ord', 'int.from_bytes'].map((callee): LibraryEntry => ({ callee, returns: 'number' })),
  { callee: 'sum', returns: 'number', aggregates: 'iterable' },
  { callee: 'max', aggregates: 'iterable', callback: { fn: 'key', over: 0 } },
  { callee: 'min', aggregates: 'iterable', callback: { fn: 'key', over: 0 } },
  { callee: 'sorted', returns: 'seq-of-arg', callback: { fn: 'key', over: 0 } },
  { callee: '.sort', callback: { fn: 'key', over: 'receiver' } },
  ...['map', 'filter'].map((callee): LibraryEntry => ({ callee, callback: { fn: 0, over: 1 } })),
  // reduce gives its final running value, accumulate an iterator of every running value (its default func adds)
  ...['reduce', 'functools.reduce'].map((callee): LibraryEntry => ({ callee, callback: { fn: 0, over: 1, accumulator: { at: 2 } }, evaluates: 'reduced' })),
  ...['accumulate', 'itertools.accumulate'].map((callee): LibraryEntry => ({ callee, callback: { fn: 1, fnKeyword: 'func', over: 0, accumulator: { keyword: 'initial' } }, evaluates: 'accumulated' })),
  ...['itertools.groupby', 'groupby'].map((callee): LibraryEntry => ({ callee, callback: { fn: 'key', over: 0 } })),
  ...['str', 'repr', 'format', 'chr', 'hex', 'oct', 'bin', 'ascii'].map((callee): LibraryEntry => ({ callee, returns: 'str' })),
  ...['list', 'tuple', 'reversed', 'set', 'frozenset', 'iter', 'filter'].map((callee): LibraryEntry => ({ callee, returns: 'seq-of-arg' })),
  ...['enumerate', 'zip', 'map', 'filter'].map((callee): LibraryEntry => ({ callee, streams: true })),
  // `dst.writelines(src.readlines())`: writes the lines one by one, in one pass
  { callee: '.writelines', streams: true },
  { callee: 'input', source: 'input', scan: { call: 'input' } },
  { callee: 'open', source: 'file', scan: { call: 'open' } },
  // pathlib: a path's `.open()` is a file (the analysis reads its mode like open()'s)
  ...['Path', 'pathlib.Path'].map((callee): LibraryEntry => ({ callee, pathFromArg: true })),
  { callee: 'len', sizeOf: true },
  ...['Path', 'pathlib.Path', 'Path.home', 'Path.cwd', 'pathlib.Path.home', 'pathlib.Path.cwd'].map((callee): LibraryEntry => ({ callee, returns: 'path' })),
  { callee: '.open', source: 'file', scan: { method: 'open' } },
  ...['resolve', 'absolute', 'expanduser', 'with_name', 'with_suffix', 'with_stem', 'joinpath', 'relative_to'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'path' })),
  // argparse: arguments without type= are text (the analysis reads each add_argument call)
  { callee: '.parse_args', returns: 'namespace', source: 'input', scan: { method: 'parse_args' } },
  { callee: '.add_argument', declaresArgument: true },
  // stream reads, piece by piece (file handles, sockets)
  ...['readline', 'recv', 'read'].map((name): LibraryEntry => ({ callee: `.${name}`, readsPiece: true })),
  // math, statistics, time
  ...['math.floor', 'math.ceil', 'math.sqrt', 'math.log', 'math.exp', 'math.fsum'].map((callee): LibraryEntry => ({ callee, returns: 'number' })),
  // Every statistics function returns a number (mode aside) and reduces its iterable, dotted or imported bare.
  ...statistics.map((name): LibraryEntry => ({ callee: `statistics.${name}`, returns: name === 'mode' || name === 'quantiles' ? undefined : 'number', aggregates: name === 'mode' ? undefined : 'iterable', bareFrom: 'statistics' })),
  ...['time.time', 'time.perf_counter', 'time.monotonic', 'os.cpu_count', 'os.path.getsize'].map((callee): LibraryEntry => ({ callee, returns: 'number' })),
  // os, json, collections
  ...['os.path.join', 'os.path.basename', 'os.path.dirname', 'os.path.abspath', 'os.path.normpath', 'json.dumps'].map((callee): LibraryEntry => ({ callee, returns: 'str' })),
  { callee: 'os.path.join', pathPart: 'join' },
  { callee: 'os.path.dirname', pathPart: 'folder' },
  { callee: 'os.getenv', source: 'input', scan: { word: 'getenv' } },
  { callee: 'os.environ.get', source: 'input' },
  // module attributes that are data text (not called)
  { callee: 'sys.argv', source: 'input', scan: { word: 'argv' }, attribute: 'text-list' },
  { callee: 'sys.stdin', source: 'file', scan: { word: 'stdin' }, attribute: 'text-file' },
  { callee: 'os.environ', source: 'input', scan: { word: 'environ' }, attribute: 'text-record' },
  ...['collections.deque', 'deque'].map((callee): LibraryEntry => ({ callee, returns: 'seq-of-arg' })),
  // directory listings, query results, parsed documents, walks of a receiver (data scale)
  ...['os.walk', 'os.scandir'].map((callee): LibraryEntry => ({ callee, scale: 'listing' })),
  ...['os.listdir', 'glob.glob', 'glob.iglob'].map((callee): LibraryEntry => ({ callee, scale: 'listing', returns: 'names' })),
  // `Path.glob`, `folder.iterdir()`, and a bare `glob()` after `from glob import glob`
  ...['iterdir', 'rglob', 'glob'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'listing', returns: 'paths' })),
  ...['fetchall', 'fetchmany', 'execute', 'scan', 'query', 'find', 'stream'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'query' })),
  ...['items', 'keys', 'values', 'most_common', 'iterrows', 'itertuples', 'iteritems'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'walks-receiver' })),
  ...['collections.Counter', 'Counter'].map((callee): LibraryEntry => ({ callee, scale: 'counts-arg' })),
  ...['itertools.islice', 'islice'].map((callee): LibraryEntry => ({ callee, scale: 'slices-arg', lazy: true })),
  ...['json.load', 'json.loads', 'yaml.load', 'yaml.safe_load', 'pickle.load', 'pickle.loads'].map((callee): LibraryEntry => ({ callee, scale: 'parse' })),
  // csv, io, fileinput, re
  { callee: 'csv.reader', source: 'csv', scan: { word: 'csv' } },
  { callee: 'csv.DictReader', source: 'csv', scan: { word: 'DictReader' } },
  ...['io.open', 'codecs.open'].map((callee): LibraryEntry => ({ callee, source: 'file' })),
  { callee: 'fileinput.input', source: 'file', scan: { word: 'fileinput' } },
  { callee: 're.findall', source: 'regex', scan: { word: 'findall' } },
  { callee: 're.split', source: 'regex' },
  ...['group', 'groups', 'groupdict', 'search', 'match', 'fullmatch'].map((name): LibraryEntry => ({ callee: `.${name}`, source: 'regex', scan: { method: name } })),
  // file methods
  { callee: '.read_text', source: 'file', scan: { word: 'read_text' } },
  ...['readlines', 'readline'].map((name): LibraryEntry => ({ callee: `.${name}`, source: 'file', scan: { call: name } })),
  // container methods that store values (list, deque, set, dict.setdefault/update) and that take one out; those of
  // a list edit it where it is (`editsList`), as do the list methods that store nothing; a list's pop takes the
  // element at a position (`takesAtIndex`)
  { callee: '.append', fills: 'element', editsList: true },
  ...['appendleft', 'add'].map((name): LibraryEntry => ({ callee: `.${name}`, fills: 'element' })),
  { callee: '.extend', fills: 'elements', editsList: true },
  { callee: '.extendleft', fills: 'elements' },
  { callee: '.insert', fills: 'at-index', editsList: true },
  ...['remove', 'reverse', 'clear'].map((name): LibraryEntry => ({ callee: `.${name}`, editsList: true })),
  { callee: '.setdefault', fills: 'default' },
  { callee: '.update', fills: 'mapping' },
  { callee: '.pop', returns: 'element', takesAtIndex: true },
  { callee: '.popleft', returns: 'element' },
  // str methods
  ...['strip', 'lstrip', 'rstrip', 'lower', 'upper', 'replace', 'title', 'casefold', 'removeprefix', 'removesuffix', 'zfill', 'ljust', 'rjust', 'center', 'expandtabs', 'capitalize', 'swapcase'].map(
    (name): LibraryEntry => ({ callee: `.${name}`, returns: 'same-text' }),
  ),
  ...['split', 'rsplit', 'partition', 'rpartition'].map((name): LibraryEntry => ({ callee: `.${name}`, source: 'split', scan: { method: name } })),
  { callee: '.splitlines', source: 'split', scan: { word: 'splitlines' } },
  // numpy and pandas
  { callee: 'np.mean', returns: 'number' },
  { callee: 'np.sum', returns: 'number' },
  ...['array', 'asarray'].map((name): LibraryEntry => ({ callee: `np.${name}`, source: 'numpy', scan: { word: String.raw`(?:np|numpy)\.${name}` } })),
  ...['loadtxt', 'genfromtxt'].map((name): LibraryEntry => ({ callee: `np.${name}`, source: 'numpy', scan: { word: name } })),
  ...['read_csv', 'read_table'].map((name): LibraryEntry => ({ callee: `pd.${name}`, source: 'pandas', scan: { word: name } })),
  ...['pd.concat', 'pandas.concat'].map((callee): LibraryEntry => ({ callee, returns: 'joined-frames' })),
  ...['pd.DataFrame', 'pandas.DataFrame'].map((callee): LibraryEntry => ({ callee, returns: 'empty-frame' })),
  // Column reductions: on a numeric Series or ndarray (no axis) they give one number (cumsum gives a column).
  // Over a column of text, sum and cumsum join the strings; the others compare them or fail.
  ...['sum', 'mean', 'max', 'min', 'median', 'std', 'var', 'cumsum', 'prod'].map(
    (name): LibraryEntry => ({ callee: `.${name}`, aggregates: 'column', returns: name === 'cumsum' ? undefined : 'number', concatenatesText: name === 'sum' || name === 'cumsum' ? true : undefined }),
  ),
  // A Series' or DataFrame's cells as an ndarray of the same dtype.
  { callee: '.to_numpy', returns: 'array-of-receiver' },
  ...['copy', 'fillna', 'dropna', 'head', 'tail', 'reset_index', 'sort_values', 'sort_index', 'query', 'drop_duplicates', 'drop', 'rename', 'set_index', 'sample'].map(
    (name): LibraryEntry => ({ callee: `.${name}`, returns: 'same-frame' }),
  ),

  // Callees evaluated by code (`evaluates`: the handler kind in facts/callFacts.ts)
  { callee: 'input', evaluates: 'input-text' },
  ...['open', 'io.open', 'codecs.open'].map((callee): LibraryEntry => ({ callee, evaluates: 'open-file' })),
  ...['gzip.open', 'bz2.open', 'lzma.open'].map((callee): LibraryEntry => ({ callee, evaluates: 'compressed-open' })),
  // `reader`/`DictReader` alone after `from csv import reader`
  { callee: 'csv.reader', evaluates: 'csv-reader', bareFrom: 'csv' },
  { callee: 'csv.DictReader', evaluates: 'csv-dict-reader', bareFrom: 'csv' },
  ...['max', 'min'].map((callee): LibraryEntry => ({ callee, evaluates: 'extreme' })),
  // bare only: `collections.Counter(...)` is not read (yet)
  { callee: 'defaultdict', evaluates: 'default-dict' },
  { callee: 'Counter', evaluates: 'counter' },
  { callee: 'next', evaluates: 'next-element' },
  { callee: 'dict', evaluates: 'pairs-record' },
  { callee: 'range', evaluates: 'numbers' },
  { callee: 'enumerate', evaluates: 'enumerated' },
  { callee: 'zip', evaluates: 'zipped' },
  { callee: 'map', evaluates: 'mapped' },
  ...['os.getenv', 'os.environ.get'].map((callee): LibraryEntry => ({ callee, evaluates: 'env-text' })),
  { callee: 'fileinput.input', evaluates: 'file-lines' },
  ...['np', 'numpy'].flatMap((m): LibraryEntry[] => [
    ...['array', 'asarray'].map((name): LibraryEntry => ({ callee: `${m}.${name}`, evaluates: 'numpy-array' })),
    ...['loadtxt', 'genfromtxt'].map((name): LibraryEntry => ({ callee: `${m}.${name}`, evaluates: 'numpy-load' })),
    { callee: `${m}.fromiter`, evaluates: 'numpy-fromiter' },
  ]),
  ...['pd', 'pandas'].flatMap((m): LibraryEntry[] => [
    { callee: `${m}.to_numeric`, evaluates: 'to-numeric' },
    ...['read_csv', 'read_table'].map((name): LibraryEntry => ({ callee: `${m}.${name}`, evaluates: 'pandas-read' })),
  ]),
  ...['re.match', 're.search', 're.fullmatch', '.match', '.search', '.fullmatch'].map((callee): LibraryEntry => ({ callee, evaluates: 'regex-match' })),
  ...['re.findall', 're.split', '.findall'].map((callee): LibraryEntry => ({ callee, evaluates: 'regex-texts' })),
  { callee: 're.finditer', evaluates: 'regex-matches' },
  // MW305: whole-text regex scans, and what makes a pattern object for the methods
  ...['re.findall', 're.finditer', '.findall', '.finditer'].map((callee): LibraryEntry => ({ callee, scansText: true })),
  { callee: 're.compile', compilesRegex: true },
  // scikit-learn's cross-validation splitters, bare (`from sklearn.model_selection import KFold`) or dotted: their
  // `.split(X, y)` cuts a data set into folds (realrepos15: `for n, (tr, va) in enumerate(folds.split(df, y))`)
  ...['KFold', 'StratifiedKFold', 'GroupKFold', 'StratifiedGroupKFold', 'RepeatedKFold', 'RepeatedStratifiedKFold', 'ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'TimeSeriesSplit', 'LeaveOneOut', 'LeavePOut', 'LeaveOneGroupOut', 'LeavePGroupsOut', 'PredefinedSplit'].flatMap((name) =>
    [name, `model_selection.${name}`, `sklearn.model_selection.${name}`].map((callee): LibraryEntry => ({ callee, evaluates: 'fold-splitter' })),
  ),
  // str methods whose result needs code; `.split` on these modules is their own function (arrays, paths, shell words)
  ...['.split', '.rsplit'].map((callee): LibraryEntry => ({ callee, evaluates: 'split-text', notOn: ['cv2', 'np', 'numpy', 'torch', 'tf', 'jnp', 'os.path', 'posixpath', 'ntpath', 'shlex'] })),
  { callee: '.splitlines', evaluates: 'split-lines' },
  { callee: '.split', linesBy: 'separator' },
  ...['.partition', '.rpartition'].map((callee): LibraryEntry => ({ callee, evaluates: 'partition' })),
  ...['.join', '.format'].map((callee): LibraryEntry => ({ callee, returns: 'str' })),
  // `map(str.strip, lines)`: the unbound str method gives its argument's text
  ...['strip', 'lstrip', 'rstrip', 'lower', 'upper'].map((name): LibraryEntry => ({ callee: `str.${name}`, returns: 'same-text' })),
  // file and path methods
  { callee: '.readline', evaluates: 'read-line' },
  { callee: '.readlines', evaluates: 'read-lines' },
  { callee: '.read', evaluates: 'read-file' },
  { callee: '.read_text', evaluates: 'read-path' },
  { callee: '.open', evaluates: 'path-open' },
  // regex match objects, dicts and Counters, arrays
  { callee: '.group', evaluates: 'match-group' },
  { callee: '.groups', evaluates: 'match-groups' },
  { callee: '.groupdict', evaluates: 'match-groupdict' },
  { callee: '.setdefault', evaluates: 'dict-setdefault' },
  { callee: '.get', evaluates: 'dict-get' },
  { callee: '.items', evaluates: 'record-pairs' },
  { callee: '.values', evaluates: 'record-values' },
  { callee: '.keys', evaluates: 'record-keys' },
  { callee: '.most_common', evaluates: 'record-counts' },
  { callee: '.astype', evaluates: 'astype' },
  { callee: '.copy', evaluates: 'receiver' },
  // The MW3xx use analysis (wholeFileUse.ts): uses that need every element at once, writes back into the file read.
  // (`random.choices` is not read bare: a bare `choices` is too common a name.)
  ...['sorted', 'random.shuffle', 'random.sample', 'random.choice', 'random.choices'].map((callee): LibraryEntry => ({ callee, needsWhole: true, bareFrom: callee === 'sorted' || callee === 'random.choices' ? undefined : 'random' })),
  { callee: '.sort', needsWhole: true },
  ...['write', 'writelines', 'truncate', 'seek', 'write_text', 'write_bytes'].map((name): LibraryEntry => ({ callee: `.${name}`, writesFile: true })),
  // Whole-file reads that rules report, reducers, caching decorators
  ...['np', 'numpy'].map((m): LibraryEntry => ({ callee: `${m}.load`, readsWhole: 'array' })),
  ...['pd', 'pandas'].flatMap((m) => [
    ...['read_csv', 'read_table'].map((name): LibraryEntry => ({ callee: `${m}.${name}`, readsWhole: 'table', columnsParam: 'usecols' })),
    { callee: `${m}.read_parquet`, readsWhole: 'table', columnsParam: 'columns' } as LibraryEntry,
  ]),
  { callee: 'json.load', readsWhole: 'document' },
  ...['sum', 'any', 'all', 'min', 'max'].map((callee): LibraryEntry => ({ callee, reduces: callee === 'any' || callee === 'all' ? 'short-circuit' : 'every' })),
  ...['pd.concat', 'pandas.concat', '.append'].map((callee): LibraryEntry => ({ callee, copiesFrame: true })),
  { callee: 'functools.lru_cache', caches: 'maxsize', bareFrom: 'functools' },
  { callee: 'functools.cache', caches: 'unbounded', bareFrom: 'functools' },
  // record classes and the empty containers that start their fields
  { callee: 'dataclasses.dataclass', declaresRecord: 'decorator', bareFrom: 'dataclasses' },
  { callee: 'typing.NamedTuple', declaresRecord: 'base', bareFrom: 'typing' },
  { callee: 'collections.namedtuple', declaresRecord: 'factory', bareFrom: 'collections' },
  { callee: 'dataclasses.field', declaresRecord: 'field', bareFrom: 'dataclasses' },
  ...(['list', 'dict', 'set', 'deque', 'collections.deque'] as const).map((callee): LibraryEntry => ({ callee, container: callee === 'collections.deque' ? 'deque' : callee })),
  ...['defaultdict', 'collections.defaultdict'].map((callee): LibraryEntry => ({ callee, container: 'dict' })),
  ...['list', 'sorted', 'tuple'].map((callee): LibraryEntry => ({ callee, copies: true })),
  ...['sys.exit', 'exit', 'quit', 'os._exit'].map((callee): LibraryEntry => ({ callee, exits: true })),
  ...['int', 'float'].map((callee): LibraryEntry => ({ callee, numberType: true })),
  // MW405: iterators and lazy ranges, whose list() in a `for` header is only a copy
  ...['range', 'reversed', 'open'].map((callee): LibraryEntry => ({ callee, lazy: true })),
  // datetime: moments and spans (facts/timeValues.ts). Numbers taken from them are numbers (`(today - due).days`,
  // `gap.total_seconds()`); the text they are parsed from stays data text, the text they format is not data.
  ...timeClass('datetime', 'date').flatMap((cls): LibraryEntry[] => [
    { callee: cls, returns: 'moment' },
    ...['strptime', 'fromisoformat', 'today', 'now', 'utcnow', 'fromtimestamp', 'utcfromtimestamp', 'fromordinal', 'combine'].map((name): LibraryEntry => ({ callee: `${cls}.${name}`, returns: 'moment' })),
  ]),
  ...timeClass('timedelta').map((callee): LibraryEntry => ({ callee, returns: 'span' })),
  ...['date', 'replace', 'astimezone'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'moment', onTime: 'moment' })),
  ...['timestamp', 'toordinal', 'weekday', 'isoweekday'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'number', onTime: 'moment' })),
  ...['strftime', 'isoformat', 'ctime'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'str', onTime: 'moment' })),
  { callee: '.total_seconds', returns: 'number', onTime: 'span' },
  // PuLP's variables and expressions, bare (`from pulp import *`) or on the module (`pulp.`, `plp.`): `total = ""`
  // then `total += x * points` builds an expression (realrepos16: fantasy-lineup optimizers), not a str.
  ...['LpVariable', 'LpVariable.dicts', 'LpVariable.dict', 'LpVariable.matrix', 'LpAffineExpression', 'lpSum', 'lpDot'].flatMap((name) =>
    [name, `pulp.${name}`, `plp.${name}`].map((callee): LibraryEntry => ({ callee, evaluates: 'modelling-object' })),
  ),
];

/** A datetime class as written: bare (`from datetime import date`), or on the module (`datetime.date`, `dt.date`). */
function timeClass(...classes: string[]): string[] {
  return classes.flatMap((cls) => [cls, `datetime.${cls}`, `dt.${cls}`]);
}

/** Number attributes of datetime values, by the kind that has them (`gap.days`, `d.year`). */
export const TIME_PROPERTIES: Readonly<Record<string, 'moment' | 'span'>> = {
  days: 'span', seconds: 'span', microseconds: 'span',
  year: 'moment', month: 'moment', day: 'moment', hour: 'moment', minute: 'moment', second: 'moment', microsecond: 'moment',
};

/** Attributes of a pathlib path: another path, or text that is not data. */
/**
 * Regex flags by name (`re.I`, `re.MULTILINE`…: the attribute's last word): whether a pattern compiled with them
 * can still be applied line by line (MW305). `multiline`: `^`/`$` match at every line, as they do on one line;
 * `crosses-lines`: `.` matches a newline (DOTALL), or whitespace in the pattern is ignored (VERBOSE, read
 * conservatively). A flag not listed here is taken as crossing lines.
 */
export const REGEX_FLAGS: Readonly<Record<string, 'neutral' | 'multiline' | 'crosses-lines'>> = {
  I: 'neutral', IGNORECASE: 'neutral', A: 'neutral', ASCII: 'neutral', U: 'neutral', UNICODE: 'neutral', L: 'neutral', LOCALE: 'neutral',
  M: 'multiline', MULTILINE: 'multiline',
  S: 'crosses-lines', DOTALL: 'crosses-lines', X: 'crosses-lines', VERBOSE: 'crosses-lines',
};

export const PATH_PROPERTIES: Readonly<Record<string, 'path' | 'str'>> = { parent: 'path', name: 'str', stem: 'str', suffix: 'str' };

/**
 * numpy/pandas dtype spellings (as written, or a string literal's value): text dtypes and numeric ones. A
 * `dtype=` that is neither is unknown.
 */
export const DTYPES: { readonly text: RegExp; readonly numeric: RegExp } = {
  text: /^(str|object|unicode|(np|numpy)\.(str_|object_|unicode_)|string(\[(python|pyarrow)\])?|U\d*|<U\d+|O)$/,
  numeric: /^(float|int|complex|bool|(np|numpy)\.(float|int|uint|complex)\w*|float\d+|int\d+|uint\d+|f[248]|i[248]|u[1248]|Float64|Int64|Int32|double)$/,
};

/**
 * Dtypes, as written, whose conversion is a numeric use of text (the MW2xx sinks, numericText.ts): for
 * `.astype(…)` (`float`, `"int64"`, `np.float32`) and for `np.array(…, dtype=…)`.
 */
export const NUMBER_DTYPES: { readonly astype: RegExp; readonly array: RegExp } = {
  astype: /^(float|int|['"]?(float|int)\d*['"]?|(np|numpy)\.(float|int)\w*)$/,
  array: /^(float|int|(np|numpy)\.(float|int)\w*|['"](float|int)\d*['"])$/,
};

/** Builtin types named as a value (`read(path, object)`): the dtype each means. */
export const BUILTIN_DTYPES: Readonly<Record<string, 'text' | 'numeric'>> = { str: 'text', object: 'text', int: 'numeric', float: 'numeric', bool: 'numeric', complex: 'numeric' };

/**
 * DataFrame/Series/ndarray attributes that view the same cells: the cells as an ndarray, the same value (`df.T`,
 * `df.loc`), or a text Series' string accessor (`s.str`, whose same-text methods keep the column text).
 */
export const FRAME_VIEW_PROPERTIES: Readonly<Record<string, 'array' | 'same' | 'text-view'>> = { values: 'array', T: 'same', loc: 'same', iloc: 'same', str: 'text-view' };

/** DataFrame attributes that are not columns (`df.shape`), for `df.name` column access. */
export const FRAME_PROPERTIES: readonly string[] = ['shape', 'columns', 'index', 'dtypes', 'size', 'ndim', 'empty', 'at', 'iat', 'str', 'dt', 'cat', 'plot', 'style', 'attrs', 'flags', 'axes', 'array', 'sparse', 'name', 'hasnans', 'is_unique', 'values', 'T', 'loc', 'iloc'];
