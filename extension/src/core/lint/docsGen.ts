// Generates docs/rules.md from the rule metadata: `npm run docs:rules`. A unit test fails when the
// committed file differs from this output, so the docs cannot drift from the rules.
import * as fs from 'fs';
import * as path from 'path';
import { allRules, ruleAnchor } from './catalog';
import { FILE_BUDGET, QUESTION_BUDGET } from './python/facts/fileFacts';
import { ruleMarkdown } from './ruleText';
import type { RuleMeta } from './types';

const FAMILIES: Record<number, string> = {
  1: 'MW1xx: string-typed numerics',
  2: 'MW2xx: untyped tabular parsing',
  3: 'MW3xx: whole-file loading',
  4: 'MW4xx: other memory antipatterns',
  9: 'MW9xx: suppression hygiene',
};

/**
 * What the Python value analysis (core/lint/python/facts/) follows and where it stops: the MW1xx–MW3xx rules
 * report only what it can prove, so anything past these limits is silent rather than guessed.
 */
const PYTHON_ANALYSIS = [
  '## How far the Python rules follow a value',
  '',
  'MW1xx–MW3xx report data text (a csv field, a `split()` part, a line, `sys.argv`, `input()`, an environment variable, an argparse option without `type=` (also when its `default=` is a number: given on the command line it is text), a regex group, a str column or array) only where the analysis can follow it from its reader to its use, within one file:',
  '',
  '- **names**: assignments, unpacking (starred too), walrus, `for` and `with` targets, comprehensions; a value set in a branch joins the others. `x if c else DEFAULT` and `x or 0` with data text on one side and a number literal or constant on the other are data text. A number plus, minus or divided by a value of unknown kind (a JSON value, a library call) is a number: with a str it would raise.',
  '- **functions**: returns, generators\' `yield`s received by a `for` elsewhere, parameters (the join of every in-file call site and the default; keyword-only ones by keyword), `key=`/lambda and `map`/`filter`/`reduce` callbacks (`map(lambda r: r[1], rows)` holds what the lambda returns), module globals (also names declared `global` in a function: its reads and updates are the module\'s, and its plain assignments join the module\'s value), functions nested in functions (called inside the outer one; `nonlocal` names are the outer function\'s).',
  '- **classes**: `self.attr` joined over every method of the class and its in-file base classes (a method may rebind it from itself: `self.df = self.df.dropna()`) (and `obj.attr` of its instances), method parameters from `self.m(…)`, `obj.m(…)` (a subclass instance too), `Cls(…)` and `cls(…)` in a classmethod, `for x in obj` through the class\'s `__iter__`, its own methods before library methods of the same name (`cfg.get(k, 30)`, `cfg.values`), namedtuple and dataclass fields (built by position, keyword, `*row` or `**mapping`), also read through `self` in the record\'s own methods (the join of every construction; a `field(default_factory=list)` filled by its methods) (a declared `float` is a claim, not a conversion).',
  '- **containers**: `append`/`extend`/`insert`/`add`/`update` (lists, deques, sets; on the entries of a dict that holds instances of an in-file class defining a method of that name, `days[k].add(txn, rate)`, the call is that method), `[x] * n` and `a + b`, `d[k] = v`, `d.setdefault(k, v)`, `d.setdefault(k, []).append(v)` and `d.setdefault(k, {})[j] = v` (also through an alias: `bucket = d.setdefault(k, [])`, then `bucket.append(v)`), dict displays (also unpacked from `.items()`), the keys of a dict filled in place (`d[k] += 1`, `d[k].append(v)`, `Counter(xs)`: what `for k in d`, `.keys()` and `.items()` give), `defaultdict(list)`, `.get()`, `.items()`, `.values()`, `.pop()` (`.pop(0)` too), `deque` (`popleft()` too), tuples by position, columns by `zip(*rows)`; a list passed to an in-file function that appends to its parameter (`load_into(rows, path)`); a field of list rows converted where the rows sit (`for row in rows: row[-1] = int(row[-1])`, `rows[i][0] = float(rows[i][0])`) is no longer text at that position in later statements (another position still is). Likewise an argparse option converted where it sits (`args.w = float(args.w)`) is no longer text in later statements (another option still is).',
  '- **libraries**, from one declarative model: csv, open/pathlib (a path through names and parameters), str methods, re, json, statistics, math, itertools, collections, pandas `read_csv`/`read_table` dtypes (the whole frame or one column: `dtype={"amount": str}`), `astype`, `to_numeric`, numpy `array`/`loadtxt`/`genfromtxt` dtypes, datetime (`datetime.strptime`, `date.fromisoformat`, `date.today()`, `timedelta`; a difference of two dates is a timedelta, and its `.days`, `.total_seconds()`, the `.year` of a date are numbers).',
  '- **whole-file loads (MW301/MW302)**: the list or text must provably be walked once: directly, through a local name, through `self.attr` walked by one method that runs once per load (called at one place that runs once, or once per instance built on each turn of a loop when `__init__` loads it), or returned to or passed to in-file code that walks it once; a helper that returns `f.read()` to a caller that splits it into lines and walks them once. A file rewritten from its own lines (the same handle written, or its path opened again for writing after the read) is needed whole.',
  '',
  'Known limits (the rules stay silent): anything across files or imports; a function called from more than 10 places or through `*args`/`**kwargs`; a call site in code that cannot hold data; a base class\'s `__init__` reached through a subclass\'s constructor, and a base class\'s container filled by a subclass method; a container filled through a method or a library call it is passed to; `setattr`, `__dict__` and class-level attributes; values whose kind depends on the data (`int(v) if key in INT_FIELDS else v`) or that join two different kinds; pandas columns made by `merge`, `groupby` results, `apply` or `converters=`; recursion that does not settle in three rounds; a value whose question needs more than ' + QUESTION_BUDGET.toLocaleString('en-US') + ' evaluations, or any value of a file past ' + FILE_BUDGET.toLocaleString('en-US') + ' (no file of the test corpora, the CPython standard library or the real repositories we tried comes near). Only the last lines of a whole-file load (`[-n]`, `[-n:]`) are MW304 alone.',
];

/** How a finding's literal-path input on disk changes how it is shown (core/lint/literalInputSize.ts). */
const LITERAL_INPUTS = [
  '## Inputs named by a literal path',
  '',
  'When the data a MW2xx, MW3xx or MW4xx finding grows with is a file the program names with a string literal (Python `open("words.txt")`, `Path("x.csv").read_text()`, `pd.read_csv("data.csv")`, `csv.reader(open(...))`, or a handle or reader kept in a name first; JS/TS `fs.readFileSync(\'x.txt\')`, `readFile`, `createReadStream`, a const holding such a read, `readline.createInterface({ input: … })`), Memwise looks that path up beside the linted file, then in each folder above it, up to the nearest of the folders below that holds it (an exercise\'s `solution/convert.py` run from the exercise folder that holds `input.csv`), then in the workspace folder (the CLI: the current folder), the `pyproject.toml` folder and the root of the git repository holding the file (script collections are run from there: `open("./Tarot Reader/tarot.txt")`). A path in the author\'s home folder that is not on this machine (`C:/Users/me/Desktop/app/country.txt`, `/home/me/…`) is weighed by the file of that name beside the script. It reads the file\'s size only (one cached `stat`), never its content:',
  '',
  '- **smaller than `small-input-bytes`** (64 KiB by default; `memwise.lint.smallInputBytes` in the editor, `--small-input-bytes` on the command line): the finding is shown as information, and its message names the file, its size and the setting. Reading a 10-line word list whole costs nothing; the finding still marks the pattern for when the real input is larger. `0` turns this off.',
  '- **100 MiB or more**: the finding keeps its severity and its message adds the file\'s size (`requests.csv` beside this script is 5.1 GiB) as evidence.',
  '- **program source**: a file picked by a source-code extension (a line counter: `os.listdir`/`os.walk`/`glob` filtered by `.endswith(".py")`, `splitext(p)[1] == ".c"`, `glob("**/*.py")`, an in-file lister that keeps such names, an earlier `if not name.endswith(".py"): continue`), the script itself (`open(__file__)`, `sys.argv[0]`; JS `__filename`), or a literal path with a source extension that is not in the project (`open("code.cpp")`). Source files are small by nature, whatever folder is walked: the finding is shown as information and says so. The same setting (`0`) turns this off; a committed source file of 64 KiB or more is weighed by its size as above.',
  '- **not on this machine**: a relative path to a file with an extension (or one in the author\'s home folder) found in none of those places, while the linted file itself is on disk (not an untitled buffer). This is what a repository that does not ship its data looks like (course notebooks reading `AppleStore.csv`): nothing says how large the data is, so the finding is shown as information and says so. It keeps its severity when the data is absent on purpose or made here: a `.gitignore` between the path and the repository root ignores it (`data/`, `*.csv`: the author\'s real data, missing from this checkout, as in CI), or a program in the linted file\'s folder (the file itself included) names it on a line that writes or fetches it (`open(p, "w")`, `to_csv`, `np.save`, `writeFileSync`, `urlretrieve`, `wget`, `python3 make_input.py 200000 requests.csv`, a shell redirect such as `os.system("blastp … > hits.txt")`) or marks it `# memwise: input`. The same setting (`0`) turns this off.',
  '- **anything else** (a path from `sys.argv`, a parameter, an f-string or template, a join of names, a glob pattern, an absolute path that is not there such as `/srv/data/events.csv`, a file name without an extension, several sources of which the file is only one): the finding is unchanged.',
  '',
  'Only families whose cost grows with the data are weighed: MW2xx (parsed rows kept as text: per-row overhead), MW3xx (whole files loaded: peak memory is the file) and MW4xx (per-element waste). MW1xx is not: text compared with or added to a number gives a wrong result (or a TypeError) on a 10-line file as on a 5 GB one, so a small input makes it no less worth fixing. Measured on 12 public repositories never linted before, this turned 46 of 74 correct-but-trivial findings into information, and one of 10 actionable ones (a converter whose committed sample input is 140 bytes) (docs/benchmarks.md, "Findings worth acting on").',
];

export function rulesMarkdown(rules: RuleMeta[] = allRules()): string {
  const out: string[] = [
    '# Memwise rules',
    '',
    '<!-- Generated by `npm run docs:rules` from the rule metadata (extension/src/core/lint/docsGen.ts). Do not edit by hand. -->',
    '',
    'Codes are stable and never reused. The hundreds digit is the family; Python rules use x01–x49, JavaScript/TypeScript rules x51–x99.',
    'Suppress one with `# noqa: MW101` (Python) or `// memwise-disable-next-line MW151` (JS/TS); see [configuration](configuration.md).',
    '',
    '| Code | Name | Language | Summary |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rules) {
    out.push(`| [${r.code}](#${ruleAnchor(r)}) | \`${r.name}\` | ${r.language === 'python' ? 'Python' : 'JS/TS'} | ${r.summary.replace(/\|/g, '\\|')} |`);
  }
  out.push('', ...PYTHON_ANALYSIS, '', ...LITERAL_INPUTS);
  const families = [...new Set(rules.map((r) => r.family))].sort((a, b) => a - b);
  for (const fam of families) {
    out.push('', `## ${FAMILIES[fam] ?? `MW${fam}xx`}`);
    for (const r of rules.filter((x) => x.family === fam)) {
      out.push('', `### ${r.code}: ${r.name}`, '', ruleMarkdown(r, 4));
    }
  }
  return out.join('\n') + '\n';
}

export function rulesDocPath(repoRoot: string): string {
  return path.join(repoRoot, 'docs', 'rules.md');
}

if (require.main === module) {
  // out/extension/src/core/lint/docsGen.js → repo root is five levels up.
  const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
  const target = rulesDocPath(root);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, rulesMarkdown());
  console.log(`wrote ${path.relative(root, target)} (${allRules().length} rules)`);
}
