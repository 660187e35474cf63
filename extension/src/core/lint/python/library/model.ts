// The library model: one data table of what library callees do to values, in the spirit of CodeQL's "models
// as data" and Pysa's model stubs. The analysis (facts/fileFacts.ts, numericText.ts), the rules' trigger tokens
// and the candidate scan read the sets generated from it in ./derived.ts; nothing else may hold its own list
// of library names. Adding a library function is one row here plus a test.
//
// Rows for callees whose effect needs code (csv.reader records, open() modes, numpy/pandas dtypes) still name
// their role here (`source`), and their evaluation lives in the analysis.

/** What a call returns, as far as the value analysis is concerned. */
export type Returns =
  /** a number (int, float, Decimal…); for a method, one number from a numeric column (`xs.max()`) */
  | 'number'
  /** text that is not data (formatting, paths, JSON text) */
  | 'str'
  /** a sequence of the elements of its last argument (list(), sorted()…) */
  | 'seq-of-arg'
  /** a method returning its receiver's text, still data text when the receiver was (str.strip) */
  | 'same-text'
  /** a DataFrame method returning a frame with the receiver's columns (df.dropna()) */
  | 'same-frame'
  /** a DataFrame joining the frames of its list argument (pd.concat) */
  | 'joined-frames'
  /** called without data, an empty frame to be filled later (`pd.DataFrame()`): it adds no columns to a join */
  | 'empty-frame'
  /** a filesystem path (Path(), Path.home()); for a method, only on a path receiver (`p.with_suffix(".gz")`) */
  | 'path'
  /** for a method on a path receiver: the paths under it (`folder.glob("*.csv")`, `folder.iterdir()`) */
  | 'paths'
  /** for a container method: one of the receiver's elements (`q.popleft()`, `rows.pop()`, `d.pop(k)`) */
  | 'element'
  /** an ndarray of the receiver Series'/DataFrame's cells, text when they are (`s.to_numpy()`) */
  | 'array-of-receiver'
  /** an argparse namespace, whose attributes are the parsed command-line arguments */
  | 'namespace'
  /** a list of file names (`os.listdir`, `glob.glob`): text, but not data text */
  | 'names';

export interface LibraryEntry {
  /**
   * The callee as written: a dotted module function (`statistics.stdev`), a builtin (`sum`), or `.name` for a
   * method on any receiver (`.strip`).
   */
  callee: string;
  returns?: Returns;
  /** Converts text to a number (`float(x)`): a use of x as a number (the MW2xx sinks), and a sanitizer. */
  converts?: 'number';
  /** Reduces an iterable (`sum(xs)`) or, for methods, a column (`df["x"].sum()`): a numeric use of the elements. */
  aggregates?: 'iterable' | 'column';
  /** A container method that stores its argument in the receiver (`rows.append(x)`); how is in the analysis. */
  fills?: true;
  /** Consumes its iterable argument lazily, in one forward pass (the MW3xx use analysis, wholeFileUse.ts). */
  streams?: true;
  /**
   * Calls a function argument on the elements of an iterable (`max(xs, key=f)`, `map(f, xs)`,
   * `reduce(f, xs, init)`): `fn` is where the callback is (a position or `key`), `over` the iterable (a position,
   * or the method's receiver), `accumulator` the initial value's position, given to the callback's first parameter.
   */
  callback?: { fn: number | 'key'; over: number | 'receiver'; accumulator?: number };
  /** `from <module> import <name>` makes the bare name mean this callee. */
  bareFrom?: string;
  /** Introduces data text, read from the code in the analysis; `scan` is what the candidate scan looks for. */
  source?: 'file' | 'csv' | 'split' | 'regex' | 'input' | 'pandas' | 'numpy';
  /**
   * How the candidate scan (candidateScan.ts) finds this source in text, as a regex fragment: `word` (on word
   * boundaries), `call` (followed by `(`) or `method` (`.name(`). A source without one is found through another
   * row's fragment (`os.environ.get` through `environ`).
   */
  scan?: { word: string } | { call: string } | { method: string };
  /**
   * What the call means for data scale (dataScale.ts): a directory `listing`, `query` results (on a receiver
   * named like a cursor or connection), a walk of its receiver's elements (`walks-receiver`: `df.iterrows()`,
   * `d.items()`), or a `parse`d document as large as its input.
   */
  scale?: 'listing' | 'query' | 'walks-receiver' | 'parse';
}

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
  ...['reduce', 'functools.reduce'].map((callee): LibraryEntry => ({ callee, callback: { fn: 0, over: 1, accumulator: 2 } })),
  ...['itertools.groupby', 'groupby'].map((callee): LibraryEntry => ({ callee, callback: { fn: 'key', over: 0 } })),
  ...['str', 'repr', 'format', 'chr', 'hex', 'oct', 'bin', 'ascii'].map((callee): LibraryEntry => ({ callee, returns: 'str' })),
  ...['list', 'tuple', 'reversed', 'set', 'frozenset', 'iter', 'filter'].map((callee): LibraryEntry => ({ callee, returns: 'seq-of-arg' })),
  ...['enumerate', 'zip', 'map', 'filter'].map((callee): LibraryEntry => ({ callee, streams: true })),
  // `dst.writelines(src.readlines())`: writes the lines one by one, in one pass
  { callee: '.writelines', streams: true },
  { callee: 'input', source: 'input', scan: { call: 'input' } },
  { callee: 'open', source: 'file', scan: { call: 'open' } },
  // pathlib: a path's `.open()` is a file (the analysis reads its mode like open()'s)
  ...['Path', 'pathlib.Path', 'Path.home', 'Path.cwd', 'pathlib.Path.home', 'pathlib.Path.cwd'].map((callee): LibraryEntry => ({ callee, returns: 'path' })),
  { callee: '.open', source: 'file', scan: { method: 'open' } },
  ...['resolve', 'absolute', 'expanduser', 'with_name', 'with_suffix', 'with_stem', 'joinpath', 'relative_to'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'path' })),
  // argparse: arguments without type= are text (the analysis reads each add_argument call)
  { callee: '.parse_args', returns: 'namespace', source: 'input', scan: { method: 'parse_args' } },
  // math, statistics, time
  ...['math.floor', 'math.ceil', 'math.sqrt', 'math.log', 'math.exp', 'math.fsum'].map((callee): LibraryEntry => ({ callee, returns: 'number' })),
  // Every statistics function returns a number (mode aside) and reduces its iterable, dotted or imported bare.
  ...statistics.map((name): LibraryEntry => ({ callee: `statistics.${name}`, returns: name === 'mode' || name === 'quantiles' ? undefined : 'number', aggregates: name === 'mode' ? undefined : 'iterable', bareFrom: 'statistics' })),
  ...['time.time', 'time.perf_counter', 'time.monotonic', 'os.cpu_count', 'os.path.getsize'].map((callee): LibraryEntry => ({ callee, returns: 'number' })),
  // os, json, collections
  ...['os.path.join', 'os.path.basename', 'os.path.dirname', 'os.path.abspath', 'os.path.normpath', 'json.dumps'].map((callee): LibraryEntry => ({ callee, returns: 'str' })),
  { callee: 'os.getenv', source: 'input', scan: { word: 'getenv' } },
  { callee: 'os.environ.get', source: 'input' },
  // module attributes that are data text (not called)
  { callee: 'sys.argv', source: 'input', scan: { word: 'argv' } },
  { callee: 'sys.stdin', source: 'file', scan: { word: 'stdin' } },
  { callee: 'os.environ', source: 'input', scan: { word: 'environ' } },
  ...['collections.deque', 'deque'].map((callee): LibraryEntry => ({ callee, returns: 'seq-of-arg' })),
  // directory listings, query results, parsed documents, walks of a receiver (data scale)
  ...['os.walk', 'os.scandir'].map((callee): LibraryEntry => ({ callee, scale: 'listing' })),
  ...['os.listdir', 'glob.glob', 'glob.iglob'].map((callee): LibraryEntry => ({ callee, scale: 'listing', returns: 'names' })),
  // `Path.glob`, `folder.iterdir()`, and a bare `glob()` after `from glob import glob`
  ...['iterdir', 'rglob', 'glob'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'listing', returns: 'paths' })),
  ...['fetchall', 'fetchmany', 'execute', 'scan', 'query', 'find', 'stream'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'query' })),
  ...['items', 'keys', 'values', 'most_common', 'iterrows', 'itertuples', 'iteritems'].map((name): LibraryEntry => ({ callee: `.${name}`, scale: 'walks-receiver' })),
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
  // container methods that store values (list, deque, set, dict.setdefault/update) and that take one out
  ...['append', 'extend', 'insert', 'appendleft', 'extendleft', 'add', 'update', 'setdefault'].map((name): LibraryEntry => ({ callee: `.${name}`, fills: true })),
  ...['pop', 'popleft'].map((name): LibraryEntry => ({ callee: `.${name}`, returns: 'element' })),
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
  ...['sum', 'mean', 'max', 'min', 'median', 'std', 'var', 'cumsum', 'prod'].map((name): LibraryEntry => ({ callee: `.${name}`, aggregates: 'column', returns: name === 'cumsum' ? undefined : 'number' })),
  // A Series' or DataFrame's cells as an ndarray of the same dtype.
  { callee: '.to_numpy', returns: 'array-of-receiver' },
  ...['copy', 'fillna', 'dropna', 'head', 'tail', 'reset_index', 'sort_values', 'sort_index', 'query', 'drop_duplicates', 'drop', 'rename', 'set_index', 'sample'].map(
    (name): LibraryEntry => ({ callee: `.${name}`, returns: 'same-frame' }),
  ),
];

/** Attributes of a pathlib path: another path, or text that is not data. */
export const PATH_PROPERTIES: Readonly<Record<string, 'path' | 'str'>> = { parent: 'path', name: 'str', stem: 'str', suffix: 'str' };

/** DataFrame attributes that are not columns (`df.shape`), for `df.name` column access. */
export const FRAME_PROPERTIES: readonly string[] = ['shape', 'columns', 'index', 'dtypes', 'size', 'ndim', 'empty', 'at', 'iat', 'str', 'dt', 'cat', 'plot', 'style', 'attrs', 'flags', 'axes', 'array', 'sparse', 'name', 'hasnans', 'is_unique', 'values', 'T', 'loc', 'iloc'];
