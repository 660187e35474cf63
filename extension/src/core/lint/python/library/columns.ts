// The columns of the library model (model.ts): what a row may say about a callee. The rows themselves, and the
// constants that go with them (dtype spellings, properties), are in model.ts; this file holds only their types.

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
  | 'names'
  /** a point in time, a datetime or a date (`datetime.strptime(text, fmt)`, `date.today()`, `d.date()`) */
  | 'moment'
  /** a duration, a timedelta (`timedelta(days=1)`); the difference of two moments is one too (facts/timeValues.ts) */
  | 'span';

/**
 * A callee whose value needs code: the name of its handler in the analysis (facts/callFacts.ts), which holds
 * how each kind is evaluated but no library names. Functions:
 */
export type FunctionEvaluation =
  /** text typed by the user (`input()`) */
  | 'input-text'
  /** a file handle from a path and a mode at position 1 (`open`, `io.open`): text lines unless binary or written */
  | 'open-file'
  /** a compressed file's handle, text only with a `t` mode (`gzip.open(p, "rt")`) */
  | 'compressed-open'
  /** csv rows, lists of text fields (`csv.reader`) */
  | 'csv-reader'
  /** csv records, dicts of text fields by header (`csv.DictReader`) */
  | 'csv-dict-reader'
  /** the largest/smallest of its arguments, or of its one iterable's elements (`max`, `min`) */
  | 'extreme'
  /** a dict grouping into lists or counting, by its factory (`defaultdict(list)`, `defaultdict(int)`) */
  | 'default-dict'
  /** a dict of counts when it counts an iterable (`Counter(xs)`), not when it copies a mapping */
  | 'counter'
  /** one element of its iterable argument (`next(it)`) */
  | 'next-element'
  /** a record of pairs' second items (`dict(zip(header, row))`) */
  | 'pairs-record'
  /** a sequence of numbers (`range(n)`) */
  | 'numbers'
  /** (index, element) pairs of its iterable (`enumerate`) */
  | 'enumerated'
  /** tuples of its iterables' elements, or the columns of `*rows` (`zip`) */
  | 'zipped'
  /** its function argument applied to each element (`map(float, xs)`) */
  | 'mapped'
  /** the final running value of a callback folded over an iterable (`functools.reduce(f, xs, 0)`) */
  | 'reduced'
  /** an iterator of every running value (`itertools.accumulate(xs)`, `accumulate(xs, f, initial=0)`) */
  | 'accumulated'
  /** text from the environment (`os.getenv`) */
  | 'env-text'
  /** lines of the files named on the command line (`fileinput.input()`) */
  | 'file-lines'
  /** an ndarray whose dtype is given or read from its elements (`np.array`, `np.asarray`) */
  | 'numpy-array'
  /** an ndarray parsed from a text file, numeric unless a dtype says otherwise (`np.loadtxt`) */
  | 'numpy-load'
  /** an ndarray from an iterator: numeric only with a numeric dtype (`np.fromiter`) */
  | 'numpy-fromiter'
  /** numbers converted from its argument (`pd.to_numeric`) */
  | 'to-numeric'
  /** a DataFrame read from a file, with text columns where `dtype=` says so (`pd.read_csv`) */
  | 'pandas-read'
  /** a regex match object, whose groups are text (`re.match`, `pattern.search`) */
  | 'regex-match'
  /** a list of regex groups' text (`re.findall`, `re.split`, `pattern.findall`) */
  | 'regex-texts'
  /** an iterator of regex match objects (`re.finditer`) */
  | 'regex-matches'
  /**
   * a cross-validation splitter (`KFold(n_splits=5)`): an object, not text, so its `.split(X, y)` yields the
   * train/test folds of a data set and is not `str.split`
   */
  | 'fold-splitter'
  /**
   * a modelling object whose arithmetic is its own (PuLP's variables, dicts of them, expressions: `LpVariable`,
   * `lpSum`): `+ - * /` with one gives another, a str on the left too (`"" + x` is `x.__radd__`), so an
   * accumulator started as `""` and added such values holds an expression, never a growing str (MW402)
   */
  | 'modelling-object';

/** Methods: what `x.name(…)` gives, read from the receiver `x` where the kind says so. */
export type MethodEvaluation =
  /** a list of text pieces (`s.split(",")`) */
  | 'split-text'
  /** a list of lines (`s.splitlines()`) */
  | 'split-lines'
  /** a (head, separator, tail) tuple of text (`s.partition("=")`) */
  | 'partition'
  /** one line of a text file receiver (`f.readline()`) */
  | 'read-line'
  /** every line of a text file receiver, as a list (`f.readlines()`) */
  | 'read-lines'
  /** the whole text of a text file receiver (`f.read()`) */
  | 'read-file'
  /** the whole text of a path (`p.read_text()`) */
  | 'read-path'
  /** a file opened from a path receiver, mode at position 0 (`Path(p).open("r")`) */
  | 'path-open'
  /** a regex match (`pattern.search(s)`); see FunctionEvaluation */
  | 'regex-match'
  /** regex groups' text (`pattern.findall(s)`) */
  | 'regex-texts'
  /** one group (or a tuple of the groups named) of a match receiver (`m.group(1)`) */
  | 'match-group'
  /** all groups of a match receiver, a sequence (`m.groups()`) */
  | 'match-groups'
  /** the named groups of a match receiver, a record (`m.groupdict()`) */
  | 'match-groupdict'
  /** what a dict receiver holds at a key, or the default stored there (`d.setdefault(k, [])`) */
  | 'dict-setdefault'
  /** what a dict receiver holds at a key, a number with a numeric default (`counts.get(k, 0)`) */
  | 'dict-get'
  /** the (key, value) pairs of a dict receiver, no arguments (`d.items()`) */
  | 'record-pairs'
  /** the values of a dict receiver (`d.values()`) */
  | 'record-values'
  /** the keys of a dict receiver, when known (`d.keys()`) */
  | 'record-keys'
  /** the (key, count) pairs of a Counter receiver, any arguments (`c.most_common(3)`) */
  | 'record-counts'
  /** an array/Series/DataFrame receiver converted to the dtype given (`s.astype(float)`) */
  | 'astype'
  /** the receiver's own value (`rows.copy()`) */
  | 'receiver';

export interface LibraryEntry {
  /**
   * The callee as written: a dotted module function (`statistics.stdev`), a builtin (`sum`), or `.name` for a
   * method on any receiver (`.strip`).
   */
  callee: string;
  /** Builds a path: 'join' joins its arguments (`os.path.join`), 'folder' is its argument's folder (`os.path.dirname`); literal inputs (literalInput.ts). */
  pathPart?: 'join' | 'folder';
  returns?: Returns;
  /** Converts text to a number (`float(x)`): a use of x as a number (the MW2xx sinks), and a sanitizer. */
  converts?: 'number';
  /** Reduces an iterable (`sum(xs)`) or, for methods, a column (`df["x"].sum()`): a numeric use of the elements. */
  aggregates?: 'iterable' | 'column';
  /** A column aggregate that, over a column of text, joins the strings (`.sum()`, `.cumsum()`) rather than comparing or failing. */
  concatenatesText?: true;
  /**
   * A container method that stores into its receiver, and what it stores: its argument (`rows.append(x)`,
   * `seen.add(x)`), its argument's elements (`rows.extend(xs)`), its second argument (`rows.insert(0, x)`), a
   * default at a key (`d.setdefault(k, [])`), or a mapping's entries (`d.update(other)`).
   */
  fills?: 'element' | 'elements' | 'at-index' | 'default' | 'mapping';
  /**
   * A list `.method` that edits the list where it is, storing into it or not (`rows.append(r)`, `rows.remove(r)`,
   * `rows.reverse()`): a list used so is a working data set, not a stream (MW303, workingSet.ts). Not the other
   * containers' fills (`seen.add(x)`, `d.update(m)`).
   */
  editsList?: true;
  /**
   * A list `.method` that takes out the element at its position argument, the last one without it (`rows.pop(i)`,
   * `rows.pop()`): a take from anywhere but the header or the tail is an edit of a working data set (workingSet.ts).
   */
  takesAtIndex?: true;
  /** Consumes its iterable argument lazily, in one forward pass (the MW3xx use analysis, wholeFileUse.ts). */
  streams?: true;
  /**
   * Calls a function argument on the elements of an iterable (`max(xs, key=f)`, `map(f, xs)`,
   * `reduce(f, xs, init)`): `fn` is where the callback is (a position or `key`; `fnKeyword` when it may also be
   * passed by that keyword: `accumulate(xs, func=f)`), `over` the iterable (a position, or the method's receiver).
   * `accumulator`: the callback's first parameter is a running value, not an element (reduce, accumulate); it
   * starts from the initial value (a position `at` or a `keyword`), or from the first element when none is given,
   * and then holds whatever the callback returned (facts/callbacks.ts).
   */
  callback?: { fn: number | 'key'; fnKeyword?: string; over: number | 'receiver'; accumulator?: { at?: number; keyword?: string } };
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
   * `d.items()`), a `parse`d document as large as its input, or a container with an entry per element of its
   * argument (`counts-arg`: `Counter(words)`, as large as the words' vocabulary), or a slice of its first argument
   * up to a stop (`slices-arg`: `islice(records, n)`, as large as the records unless the stop is a small literal).
   */
  scale?: 'listing' | 'query' | 'walks-receiver' | 'parse' | 'counts-arg' | 'slices-arg';
  /** Builds a path from its first argument (`Path("data.csv")`), as opposed to one from nowhere (`Path.home()`). */
  pathFromArg?: true;
  /** The number of elements of its argument (`len(xs)`): `range(len(xs))` walks xs. */
  sizeOf?: true;
  /**
   * Declares a record class (recordShapes.ts): a class `decorator` (`@dataclass`), a `base` (`NamedTuple`), a
   * `factory` call (`namedtuple("P", "a b")`), or a dataclass `field(default_factory=…)`.
   */
  declaresRecord?: 'decorator' | 'base' | 'factory' | 'field';
  /** A new list (or tuple) holding its argument's elements, stored apart from the iterable (`list(xs)`, `sorted(xs)`). */
  copies?: true;
  /** Ends the program (`sys.exit()`, `quit()`): what follows a guard that calls it only runs when the guard passes. */
  exits?: true;
  /** A builtin number type: as a value, `type=int` (argparse) and `defaultdict(float)` make numbers. */
  numberType?: true;
  /**
   * A `.method` reading the next piece of a stream (a line, a chunk, a socket's bytes): a `while` loop calling it
   * until it comes back empty walks the whole stream (dataScale.ts).
   */
  readsPiece?: true;
  /** A `.method` declaring a command-line argument of a NAMESPACE parser, its attribute named by its flag or `dest=`. */
  declaresArgument?: true;
  /** Called without arguments: a new empty container of this kind (as a `default_factory`). */
  container?: 'list' | 'dict' | 'set' | 'deque';
  /** How the analysis evaluates the call (a function or a `.method`), when that needs code (see above). */
  evaluates?: FunctionEvaluation | MethodEvaluation;
  /**
   * For a `.method`: receivers (modules, as written) on which the name is another library's function, whose
   * result this row says nothing about (`np.split` splits arrays, not text).
   */
  notOn?: readonly string[];
  /**
   * Needs every element of its (first) argument at once (MW303's use analysis, wholeFileUse.ts): ordering,
   * shuffling, sampling, for a function; for a `.method`, on its receiver (`lines.sort()`).
   */
  needsWhole?: true;
  /**
   * A module attribute read without a call, and the value it holds, of its `source` kind: a list of text
   * (`sys.argv`), a text file (`sys.stdin`), a mapping of names to text (`os.environ`).
   */
  attribute?: 'text-list' | 'text-file' | 'text-record';
  /**
   * Reads a whole file into memory in one call (the MW2xx/MW4xx rules that report it): an `.npy` array (MW407,
   * unless `mmap_mode=`), a table (MW203, unless `columnsParam=` selects columns), a JSON document (MW406).
   */
  readsWhole?: 'array' | 'table' | 'document';
  /**
   * Applies a regex to the whole of its text argument at once (`re.findall(p, text)`, a compiled pattern's
   * `.finditer(text)`): given a whole file's text and a pattern that cannot match across lines, the file can be
   * scanned line by line instead (MW305). For a method, the receiver must be a compiled pattern (`re.compile`).
   */
  scansText?: true;
  /** Compiles a regex: its first argument is the pattern, `flags` its flags (`re.compile`). */
  compilesRegex?: true;
  /** For a table reader: the keyword that reads only the columns named (`usecols=`, `columns=`). */
  columnsParam?: 'usecols' | 'columns';
  /**
   * Reduces an iterable argument to one value in one pass, so it can take a generator (MW401): walking every
   * element (`sum`), or stopping at the first decisive one (`any`), where a generator skips later side effects.
   */
  reduces?: 'every' | 'short-circuit';
  /** For a str `.method`: splits a whole text into lines when its separator argument is a line end (`text.split("\n")`). */
  linesBy?: 'separator';
  /** Returns a new DataFrame holding every row of its frames (`pd.concat`, `df.append`): in a loop, O(n²) copying (MW404). */
  copiesFrame?: true;
  /** A decorator that caches a function's results, with or without a `maxsize` bound (MW403). */
  caches?: 'maxsize' | 'unbounded';
  /** A `.method` of a file handle or path that writes into that file (`f.write`, `p.write_text`). */
  writesFile?: true;
  /**
   * Its result is already an iterator or a lazy range, so `list()` around it in a `for` header only copies
   * (MW405, list-copy-in-for).
   */
  lazy?: true;
  /**
   * For a `.method` of datetime values: its `returns` holds only on a receiver of this kind (`d.date()` of a
   * moment, `gap.total_seconds()` of a span); on any other receiver the row says nothing (`s.replace` of text).
   */
  onTime?: 'moment' | 'span';
}
