// The library model (extension/src/core/lint/python/library/model.ts) is the one place that knows library
// callees: every other module of the Python front end reads the sets generated from it (library/derived.ts).
// This test scans those modules' code (comments skipped) for the ways a second copy shows up: a quoted
// module-qualified name (`'json.load'`), a regex naming a model module before a dot (`/^(np|numpy)\.load$/`,
// `/sys\.stdin/`), or a callee/method name compared by hand (`c.last === 'readlines'`, `full === 'range'`).
// KNOWN lists what is still hand-written, each with why; a new hand copy fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../runCli';
import { LIBRARY } from '../../../../extension/src/core/lint/python/library/model';
import * as d from '../../../../extension/src/core/lint/python/library/derived';
import { HINT_WORDS } from '../../../../extension/src/core/lint/python/facts/fileFacts';
import { opensText } from '../../../../extension/src/core/lint/python/candidateScan';

const ROOT = path.join(repoRoot, 'extension', 'src', 'core', 'lint', 'python');

/** Every .ts file of the Python front end outside library/, relative to ROOT. */
function sourceFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'library') out.push(...sourceFiles(p));
    } else if (e.name.endsWith('.ts')) out.push(path.relative(ROOT, p));
  }
  return out.sort();
}

/** Module words of the model's dotted callees (`np`, `json`, `collections`…). */
const MODULES = [...new Set(LIBRARY.filter((e) => !e.callee.startsWith('.') && e.callee.includes('.')).map((e) => e.callee.slice(0, e.callee.indexOf('.'))))];
/** Method names of the model (`.split` → `split`). */
const METHODS = [...new Set(LIBRARY.filter((e) => e.callee.startsWith('.')).map((e) => e.callee.slice(1)))];
/** Every name the model knows, functions (last word too) and methods. */
const NAMES = new Set(LIBRARY.flatMap((e) => [e.callee.replace(/^\./, ''), e.callee.slice(e.callee.lastIndexOf('.') + 1)]));

/** The code of a TypeScript file with its comments blanked (strings, templates and regexes kept). */
function withoutComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const ch = src[i];
    if (ch === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      out += src.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== ch) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

/** The hand-written library knowledge in one file's code. */
function handCopies(file: string, src = fs.readFileSync(path.join(ROOT, file), 'utf8')): Hit[] {
  const code = withoutComments(src);
  const mods = MODULES.join('|');
  const patterns = [
    // a quoted module-qualified name: 'json.load', "np.float64" (a template literal is message or docs prose)
    new RegExp(String.raw`(['"])(?:${mods})\.[A-Za-z_]\w*\1`, 'g'),
    // a regex (literal or source) naming a model module before a dot, or two modules as alternatives
    new RegExp(String.raw`\b(?:${mods})\\\\?\.(?:\(|[A-Za-z_])|\((?:\?:)?(?:${mods})\|(?:${mods})\)`, 'g'),
    // a model method name after an escaped dot in a regex, spaces allowed (`\\.add_argument\\s*\\(`,
    // `/\.(read|read_text)\(/`, `\\.\\s*(?:append|add)`)
    new RegExp(String.raw`\\\\?\.(?:\\\\?s\*)?\(?(?:\?:)?(?:${METHODS.join('|')})(?![\w])`, 'g'),
    // a callee or method name compared by hand
    /\b(?:last|full|fnText|method|name)\s*[!=]==\s*'([A-Za-z_]\w*)'/g,
    // a hand-written alternation of callee names in a regex: /^(range|reversed|open)$/
    /\/\^\(?(?:\?:)?([A-Za-z_]\w*(?:\|[A-Za-z_]\w*)+)\)?\$\//g,
  ];
  const hits: Hit[] = [];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      if (m[1] && /^[A-Za-z_]/.test(m[1]) && !m[1].split('|').some((w) => NAMES.has(w))) continue;
      const line = code.slice(0, m.index).split('\n').length;
      hits.push({ file, line, text: m[0] });
    }
  }
  // a set or array of quoted words that are all model names: `new Set(['list', 'tuple', 'sorted'])`
  for (const m of code.matchAll(/\[\s*'[A-Za-z_][\w.]*'(?:\s*,\s*'[A-Za-z_][\w.]*')+\s*,?\s*\]/g)) {
    if (!m[0].match(/'[^']*'/g)!.every((w) => NAMES.has(w.slice(1, -1)))) continue;
    hits.push({ file, line: code.slice(0, m.index).split('\n').length, text: m[0] });
  }
  return hits;
}

/**
 * Still hand-written, each for a reason: `file: text` of the match. Shrink this list; never grow it without
 * saying why here.
 */
const KNOWN: Record<string, string> = {
  // MW303/MW405's own subject, the builtin list() copy (a rule's trigger, not a library fact)
  "rules/list-of-file.ts: full !== 'list'": 'the rule is about list() itself',
  "rules/list-copy-in-for.ts: full !== 'list'": 'the rule is about list() itself',
};

describe('Library model: no second copy of library knowledge outside library/', () => {
  const hits = sourceFiles().flatMap((f) => handCopies(f));
  it('finds the patterns it looks for (the scan works)', () => {
    // a planted copy of each kind is found
    const probe = (text: string) => handCopies('probe.ts', text).length;
    assert.strictEqual(probe("const a = c.full === 'json.load';\n"), 1);
    assert.strictEqual(probe("const r = new RegExp('^sys\\\\.stdin$');\n"), 1);
    assert.strictEqual(probe('const r = /^(np|numpy)\\.load$/;\n'), 1);
    assert.strictEqual(probe("if (c.last === 'readlines') x();\n"), 1);
    assert.strictEqual(probe('const r = /^(range|reversed|open)$/;\n'), 1);
    assert.strictEqual(probe('const r = new RegExp(`\\\\.add_argument\\\\s*\\\\(`);\n'), 1);
    assert.strictEqual(probe('const r = /\\.(read|read_text)\\s*\\(/;\n'), 1);
    assert.strictEqual(probe('const r = new RegExp(`\\\\.\\\\s*(?:append|add)\\\\s*\\\\(`);\n'), 1);
    assert.strictEqual(probe("const arg = method === 'pop' ? 1 : 0;\n"), 1);
    assert.strictEqual(probe("const COPIES = new Set(['list', 'tuple', 'sorted']);\n"), 1);
    assert.strictEqual(probe("const KINDS = new Set(['tuple', 'list', 'pattern_list']);\n"), 0);
    assert.strictEqual(probe("// c.last === 'readlines' in a comment\nconst s = 'a plain string';\n"), 0);
  });
  it('every module outside library/ reads library names from the model', () => {
    const unexpected = hits.filter((h) => !(`${h.file}: ${h.text}` in KNOWN)).map((h) => `${h.file}:${h.line}: ${h.text}`);
    assert.deepStrictEqual(unexpected, [], 'library knowledge outside library/model.ts: add a model row (or a field) and read it through library/derived.ts');
  });
  it('every KNOWN exception still exists (the list only shrinks)', () => {
    const seen = new Set(hits.map((h) => `${h.file}: ${h.text}`));
    assert.deepStrictEqual(Object.keys(KNOWN).filter((k) => !seen.has(k)), []);
  });
});

// Each hand list or regex moved into the model (2026-12-06) is generated back exactly: the rows below are the
// model entries that replaced it, and a change to one of them shows up here first.
describe('Library model: the sets generated from moved entries', () => {
  const eq = (actual: Iterable<string>, expected: string[]) => assert.deepStrictEqual([...actual].sort(), [...expected].sort());
  it('MW3xx use analysis: whole-list calls, whole-list methods, file writes; MW405 lazy iterables', () => {
    eq(d.WHOLE_LIST_FUNCTIONS, ['sorted', 'random.shuffle', 'random.sample', 'random.choice', 'random.choices', 'shuffle', 'sample', 'choice']);
    eq(d.WHOLE_LIST_METHODS, ['sort']);
    eq(d.FILE_WRITES, ['write', 'writelines', 'truncate', 'seek', 'write_text', 'write_bytes']);
    eq(d.LAZY_FUNCTIONS, ['range', 'reversed', 'open', 'itertools.islice', 'islice']);
  });
  it('callFacts.ts: evaluated functions and methods', () => {
    const kinds = (m: ReadonlyMap<string, string>) => [...m].map(([k, v]) => `${k} ${v}`);
    eq(kinds(d.FUNCTION_EVALUATIONS).filter((x) => /^(np|numpy|pd|pandas|re)\./.test(x)), [
      'np.array numpy-array', 'np.asarray numpy-array', 'np.loadtxt numpy-load', 'np.genfromtxt numpy-load', 'np.fromiter numpy-fromiter',
      'numpy.array numpy-array', 'numpy.asarray numpy-array', 'numpy.loadtxt numpy-load', 'numpy.genfromtxt numpy-load', 'numpy.fromiter numpy-fromiter',
      'pd.to_numeric to-numeric', 'pd.read_csv pandas-read', 'pd.read_table pandas-read', 'pandas.to_numeric to-numeric', 'pandas.read_csv pandas-read', 'pandas.read_table pandas-read',
      're.match regex-match', 're.search regex-match', 're.fullmatch regex-match', 're.findall regex-texts', 're.split regex-texts', 're.finditer regex-matches',
    ]);
    eq(kinds(d.BARE_CSV_EVALUATIONS), ['reader csv-reader', 'DictReader csv-dict-reader']);
    eq([...(d.NOT_ON.get('split') ?? [])], ['cv2', 'np', 'numpy', 'torch', 'tf', 'jnp', 'os.path', 'posixpath', 'ntpath', 'shlex']);
    eq(d.TEXT_FUNCTIONS, ['str.strip', 'str.lstrip', 'str.rstrip', 'str.lower', 'str.upper']);
    eq(d.STR_METHODS, ['join', 'format']);
    eq(d.COPYING_FUNCTIONS, ['list', 'sorted', 'tuple']);
    eq(d.NUMBER_TYPES, ['int', 'float']);
  });
  it('attributes, hint words, the candidate scan and the record classes', () => {
    eq([...d.MODULE_ATTRIBUTES].map(([k, v]) => `${k} ${v.holds} ${v.source}`), ['sys.argv text-list input', 'sys.stdin text-file file', 'os.environ text-record input']);
    eq(HINT_WORDS, ['pd', 'np', 'pandas', 'numpy', 'csv']);
    eq(d.PATH_CONSTRUCTORS, ['Path', 'pathlib.Path']);
    eq(d.RECORD_WORDS, ['dataclass', 'NamedTuple', 'namedtuple']);
    eq(d.CONTAINER_FACTORIES.keys(), ['list', 'dict', 'set', 'deque', 'collections.deque', 'defaultdict', 'collections.defaultdict']);
    assert.ok(!opensText('gzip.open("a.gz")', 5) && opensText('gzip.open("a.gz", "rt")', 5) && opensText('io.open("a")', 3) && !opensText('os.open("a")', 3));
  });
  it("rules' trigger words and checks", () => {
    eq(d.wholeReaders('array'), ['np.load', 'numpy.load']);
    eq(d.TABLE_READERS.keys(), ['pd.read_csv', 'pd.read_table', 'pd.read_parquet', 'pandas.read_csv', 'pandas.read_table', 'pandas.read_parquet']);
    assert.strictEqual(d.TABLE_READERS.get('pd.read_parquet'), 'columns');
    eq(d.wholeReaders('document'), ['json.load']);
    eq(d.REDUCERS, ['sum', 'any', 'all', 'min', 'max']);
    eq(d.SHORT_CIRCUIT_REDUCERS, ['any', 'all']);
    eq([...d.CACHE_DECORATORS].map(([k, v]) => `${k} ${v}`), ['functools.lru_cache maxsize', 'lru_cache maxsize', 'functools.cache unbounded', 'cache unbounded']);
    eq(d.FRAME_COPIES, ['pd.concat', 'pandas.concat']);
    eq(d.FRAME_COPY_METHODS, ['append']);
    assert.strictEqual(d.moduleDotBefore(d.wholeReaders('array')).source, String.raw`\b(?:np|numpy)\s*\.\s*$`);
    eq(d.methodsEvaluatedAs('read-file', 'read-path'), ['read', 'read_text']);
    eq(d.SEPARATOR_SPLITS, ['split']);
    eq([...d.FILLS].map(([k, v]) => `${k} ${v}`), ['append element', 'appendleft element', 'add element', 'extend elements', 'extendleft elements', 'insert at-index', 'setdefault default', 'update mapping']);
    // list edits in place (workingSet.ts): the list methods among the fills and those that store nothing, not add/update/setdefault
    eq(d.LIST_EDITS, ['append', 'extend', 'insert', 'remove', 'reverse', 'clear']);
    // one-element fills, a record field's stores (facts/memberFacts.ts), and the list take at a position (workingSet.ts)
    eq(d.ELEMENT_FILLS, ['append', 'appendleft', 'add']);
    eq(d.LIST_TAKES_AT_INDEX, ['pop']);
    // MW1xx's message for a column aggregate over text (rules/aggregate-over-text.ts): joins the strings, or compares/fails
    eq(d.TEXT_JOINING_AGGREGATES, ['sum', 'cumsum']);
    eq(d.ARGUMENT_METHODS, ['add_argument']);
    eq(d.PIECE_READS, ['readline', 'recv', 'read']);
    eq(d.methodsEvaluatedAs('dict-get'), ['get']);
    eq(d.functionsEvaluatedAs('mapped'), ['map']);
    // folds: the callback's first parameter is the running value (facts/callbacks.ts), the call gives it (or all of them)
    eq(d.functionsEvaluatedAs('reduced'), ['reduce', 'functools.reduce']);
    eq(d.functionsEvaluatedAs('accumulated'), ['accumulate', 'itertools.accumulate']);
    eq([...d.CALLBACKS].filter(([, v]) => v.accumulator).map(([k, v]) => `${k} ${v.fn}${v.fnKeyword ? '|' + v.fnKeyword : ''} over ${v.over} from ${v.accumulator?.at ?? v.accumulator?.keyword}`), [
      'reduce 0 over 1 from 2', 'functools.reduce 0 over 1 from 2', 'accumulate 1|func over 0 from initial', 'itertools.accumulate 1|func over 0 from initial',
    ]);
    eq(d.FILLING_METHODS, ['append', 'appendleft', 'add', 'extend', 'extendleft', 'insert', 'setdefault', 'update']);
  });
});
