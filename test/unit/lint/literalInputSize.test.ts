// Findings whose data is a file named by a literal path are weighed against that file on disk (real files in
// a temp folder; a sparse file stands in for a big input): small → information with a message that says why,
// big → its size as evidence, absent / not a literal / setting 0 / MW1xx → exactly as before.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applySettings, ConfigResolver, defaultConfig, type ResolvedConfig } from '../../../extension/src/core/lint/config';
import { lintFile, lintText } from '../../../extension/src/core/lint/engine';
import type { Finding } from '../../../extension/src/core/lint/types';
import { runCli } from '../runCli';

const SMALL_TEXT = 'bad\nworse\nworst\n';
const BIG = 150 * 1024 * 1024;

function folder(files: Record<string, string | number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-input-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === 'number') {
      fs.writeFileSync(full, '');
      fs.truncateSync(full, content); // sparse: no data written, the size is what a stat reports
    } else fs.writeFileSync(full, content);
  }
  return dir;
}

async function lintIn(dir: string, file: string, text: string, config: ResolvedConfig = defaultConfig(), root?: string): Promise<Finding[]> {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  const r = await lintText({ path: full, text, config, root });
  for (const f of r.findings) assert.ok(!('input' in f), 'the literal input is the engine\'s, not part of a shown finding');
  return r.findings;
}

function only(findings: Finding[], rule: string): Finding {
  const hits = findings.filter((f) => f.rule === rule);
  assert.strictEqual(hits.length, 1, `one ${rule} expected, got ${JSON.stringify(findings.map((f) => f.rule))}`);
  return hits[0];
}

const READLINES = (p: string) => `with open(${p}) as f:\n    for line in f.readlines():\n        print(line)\n`;
const ABSENT_NOTE = /Shown as information: `[^`]+` is not beside this (?:script|notebook) or in the project folder \(nor kept out by \.gitignore, nor written by a program beside it\), so its size cannot be weighed: likely a data set the repository does not ship\. It matters if the real input is large \(memwise\.lint\.smallInputBytes, or small-input-bytes in \[tool\.memwise\]; 0 turns this off\)\.$/;
const PLAIN_MW301 = '`f.readlines()` loads every line into a list (~50 bytes per line plus the text) only to walk it once. Iterate `f` directly: one line in memory at a time.';

describe('lint: literal-path inputs weighed on disk', () => {
  describe('Python', () => {
    it('a small file beside the script: MW301 shown as information, saying why and which setting changes it', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const f = only(await lintIn(dir, 'a.py', READLINES('"words.txt"')), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.ok(f.message.startsWith(PLAIN_MW301), f.message);
      assert.match(f.message, /Shown as information: `words\.txt` beside this script is 16 B, so this costs nothing at that size; it matters if the real input is larger \(threshold: memwise\.lint\.smallInputBytes, or small-input-bytes in \[tool\.memwise\]; 0 turns this off\)\./);
    });

    it('a big file: the warning stays and names its size', async () => {
      const dir = folder({ 'requests.csv': BIG });
      const f = only(await lintIn(dir, 'a.py', READLINES('"requests.csv"')), 'MW301');
      assert.strictEqual(f.severity, 'warning');
      assert.strictEqual(f.message, `${PLAIN_MW301} \`requests.csv\` beside this script is 150 MiB.`);
      const abs = path.join(dir, 'requests.csv');
      const g = only(await lintIn(dir, 'b.py', READLINES(JSON.stringify(abs))), 'MW301');
      assert.strictEqual(g.message, `${PLAIN_MW301} \`${abs}\` is 150 MiB.`);
    });

    it('a mid-sized file, a path from argv or an f-string: unchanged', async () => {
      const dir = folder({ 'mid.txt': 1024 * 1024, 'words.txt': SMALL_TEXT });
      for (const p of ['"mid.txt"', 'sys.argv[1]', 'f"{name}.txt"', 'name']) {
        const f = only(await lintIn(dir, 'a.py', `import sys\nname = "words"\n${READLINES(p)}`), 'MW301');
        assert.strictEqual(f.severity, 'warning', p);
        assert.strictEqual(f.message, PLAIN_MW301, p);
      }
    });

    it('small-input-bytes = 0 turns it off; a lower threshold leaves a file above it alone', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      for (const setting of [0, 8]) {
        const config = defaultConfig();
        applySettings(config, { 'small-input-bytes': setting }, 'test:', 'toml');
        assert.deepStrictEqual(config.notices, []);
        const f = only(await lintIn(dir, 'a.py', READLINES('"words.txt"'), config), 'MW301');
        assert.strictEqual(f.severity, 'warning', String(setting));
        assert.strictEqual(f.message, PLAIN_MW301);
      }
    });

    it('MW4xx carry the file out of their data-scale answer (csv.reader over open(...), a handle kept in a name, a comprehension)', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT, 'requests.csv': BIG });
      const text = [
        'import csv',
        'out = ""',
        'for row in csv.reader(open("words.txt")):',
        '    out += row[0]',
        'big = ""',
        'with open("requests.csv") as f:',
        '    for row in csv.reader(f):',
        '        big += row[0]',
        'total = sum([len(l) for l in open("words.txt")])',
        'print(out, big, total)',
        '',
      ].join('\n');
      const findings = await lintIn(dir, 'a.py', text);
      const [small, big] = findings.filter((f) => f.rule === 'MW402');
      assert.strictEqual(small.severity, 'info');
      assert.match(small.message, /Data: rows from csv\.reader at line 3\. Shown as information: `words\.txt` beside this script is 16 B/);
      assert.strictEqual(big.severity, 'warning');
      assert.match(big.message, /Data: rows from csv\.reader at line 7\. `requests\.csv` beside this script is 150 MiB\.$/);
      const agg = only(findings, 'MW401');
      assert.strictEqual(agg.severity, 'info');
      assert.match(agg.message, /`words\.txt` beside this script is 16 B/);
    });

    it('Path(...).read_text().splitlines() (MW302) and pd.read_csv (MW203) find their literal file', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT, 'events.csv': 'user,amount,x\na,1,2\n' });
      const text = 'from pathlib import Path\nimport pandas as pd\n\nfor line in Path("words.txt").read_text().splitlines():\n    print(line)\n\ndf = pd.read_csv("events.csv")\ndf = df[["user", "amount"]]\n';
      const findings = await lintIn(dir, 'a.py', text);
      assert.strictEqual(only(findings, 'MW302').severity, 'info');
      const mw203 = only(findings, 'MW203');
      assert.strictEqual(mw203.severity, 'info');
      assert.match(mw203.message, /`events\.csv` beside this script is 20 B/);
    });

    it('MW1xx is a wrong result at any size: unchanged beside a small file', async () => {
      const text = 'import csv\nfor row in csv.reader(open("nums.csv")):\n    if row[1] > 10:\n        print(row)\n';
      const absent = only(await lintIn(folder({}), 'a.py', text), 'MW103');
      const present = only(await lintIn(folder({ 'nums.csv': 'a,1\nb,20\n' }), 'a.py', text), 'MW103');
      assert.strictEqual(present.severity, 'error');
      assert.deepStrictEqual(present, absent);
    });

    it('several sources in one answer: the size of one literal file does not speak for the others', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const text = 'import sys\nout = ""\nfor a in open(sys.argv[1]):\n    for b in open("words.txt"):\n        out += a + b\nprint(out)\n';
      const f = only(await lintIn(dir, 'a.py', text), 'MW402');
      assert.strictEqual(f.severity, 'warning');
      assert.doesNotMatch(f.message, /beside this script/);
    });

    it('a path relative to the workspace folder is found there too', async () => {
      const dir = folder({ 'data/words.txt': SMALL_TEXT });
      const f = only(await lintIn(dir, 'scripts/a.py', READLINES('"data/words.txt"'), defaultConfig(), dir), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`data\/words\.txt` in the project folder is 16 B/);
    });

    it('a notebook beside its small input', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const nb = {
        cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: READLINES('"words.txt"').split(/(?<=\n)/) }],
        metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      fs.writeFileSync(path.join(dir, 'n.ipynb'), JSON.stringify(nb));
      const r = await lintFile(path.join(dir, 'n.ipynb'), defaultConfig());
      const f = only(r.findings, 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`words\.txt` beside this notebook is 16 B/);
    });

    it('a path kept in a name bound once, given by every call, or joined to the script folder', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const cases = [
        `filename = "words.txt"\n${READLINES('filename')}`,
        `import os\nHERE = os.path.dirname(os.path.abspath(__file__))\n${READLINES('os.path.join(os.path.dirname(__file__), "words.txt")')}`,
        `from pathlib import Path\n${READLINES('Path(__file__).parent / "words.txt"')}`,
        `FILE = "words.txt"\ndef load(path):\n${READLINES('path').replace(/^/gm, '    ')}\ndef main():\n    load(FILE)\n`,
        `def store(filepath):\n    f = open(filepath, "rb")\n    for line in f.readlines():\n        print(line)\n\nif __name__ == "__main__":\n    store("words.txt")\n`,
      ];
      for (const text of cases) assert.strictEqual(only(await lintIn(dir, 'a.py', text), 'MW301').severity, 'info', text);
    });

    it('a name bound twice, a parameter given two paths, an empty file: unchanged', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT, 'other.txt': SMALL_TEXT, 'empty.txt': '' });
      const cases = [
        `import sys\nfilename = "words.txt"\nif len(sys.argv) > 1:\n    filename = sys.argv[1]\n${READLINES('filename')}`,
        `def load(path):\n${READLINES('path').replace(/^/gm, '    ')}\nload("words.txt")\nload("other.txt")\n`,
        READLINES('"empty.txt"'),
        READLINES(JSON.stringify(path.join(dir, 'words.txt'))), // absolute: this machine's file, not the project's
      ];
      for (const text of cases) {
        const f = only(await lintIn(dir, 'a.py', text), 'MW301');
        assert.strictEqual(f.severity, 'warning', text);
        assert.strictEqual(f.message, PLAIN_MW301, text);
      }
    });
  });

  describe("a path in the author's home folder, not on this machine", () => {
    it('with a file of that name committed beside the script: weighed by that copy; a production path is not', async () => {
      const dir = folder({ 'country.txt': SMALL_TEXT, 'app.log': SMALL_TEXT });
      for (const p of ['"C:/Users/prath/Desktop/app/country.txt"', 'r"C:\\Users\\me\\app\\country.txt"', '"/home/me/app/country.txt"']) {
        const f = only(await lintIn(dir, 'a.py', READLINES(p)), 'MW301');
        assert.strictEqual(f.severity, 'info', p);
        assert.match(f.message, /\(its copy `country\.txt` beside this script\) is 16 B, so this costs nothing at that size/, p);
      }
      for (const p of ['"/var/log/app.log"', '"D:/logs/app.log"']) {
        const f = only(await lintIn(dir, 'b.py', READLINES(p)), 'MW301');
        assert.strictEqual(f.severity, 'warning', p);
        assert.strictEqual(f.message, PLAIN_MW301, p);
      }
      // Not on this machine and no copy beside the script (`data/app.log` is not in data/): a data set not shipped.
      for (const p of ['"C:/Users/me/app/absent.txt"', '"data/app.log"']) {
        const f = only(await lintIn(dir, 'b.py', READLINES(p)), 'MW301');
        assert.strictEqual(f.severity, 'info', p);
        assert.match(f.message, ABSENT_NOTE, p);
      }
    });
  });

  describe("a method's parameter whose default names the file", () => {
    it('called on self without it: weighed; a call on another receiver, or with another path: unchanged', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const cls = (call: string) => `class Filter:\n    def __init__(self):\n        self.words = []\n        ${call}\n\n    def load(self, filename="words.txt"):\n        with open(filename) as f:\n            for line in f.readlines():\n                self.words.append(line.strip())\n`;
      const f = only(await lintIn(dir, 'a.py', cls('self.load()')), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`words\.txt` beside this script is 16 B/);
      for (const call of ['self.load("/var/log/big.log")', 'other.load()']) {
        const g = only(await lintIn(dir, 'b.py', `other = None\n${cls(call)}`), 'MW301');
        assert.strictEqual(g.severity, 'warning', call);
      }
    });
  });

  describe('a path relative to the git repository the script sits in', () => {
    it('found from the repository root (script collections run from there); without a repository: not found, so not on this machine', async () => {
      const repo = folder({ '.git/HEAD': 'ref: refs/heads/main\n', 'Tarot Reader/tarot.txt': SMALL_TEXT });
      const f = only(await lintIn(repo, 'Tarot Reader/reader.py', READLINES('"./Tarot Reader/tarot.txt"')), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`\.\/Tarot Reader\/tarot\.txt` in the project folder is 16 B/);
      // Without a repository (and no workspace folder given) the file is not found: shown as not on this machine.
      const plain = folder({ 'Tarot Reader/tarot.txt': SMALL_TEXT });
      const g = only(await lintIn(plain, 'Tarot Reader/reader.py', READLINES('"./Tarot Reader/tarot.txt"')), 'MW301');
      assert.strictEqual(g.severity, 'info');
      assert.match(g.message, ABSENT_NOTE);
    });
  });

  describe('program source (a line counter over .py files, a script reading itself)', () => {
    const COUNTER = 'import os\n\nfor name in os.listdir(".") :\n    if name.endswith(".py"):\n        with open(name) as f:\n            for line in f.readlines():\n                print(line)\n';
    const SOURCE_NOTE = /Shown as information: the file read is source code \(files picked by `\.py`\), and source files are small, so this costs nothing at that size; it matters if the real input is larger \(memwise\.lint\.smallInputBytes, or small-input-bytes in \[tool\.memwise\]; 0 turns this off\)\.$/;

    it('files picked by a source extension: information, saying why; small-input-bytes = 0 turns it off', async () => {
      const dir = folder({});
      const f = only(await lintIn(dir, 'count.py', COUNTER), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, SOURCE_NOTE);
      const config = defaultConfig();
      applySettings(config, { 'small-input-bytes': 0 }, 'test:', 'toml');
      const off = only(await lintIn(dir, 'count.py', COUNTER, config), 'MW301');
      assert.strictEqual(off.severity, 'warning');
      assert.strictEqual(off.message, PLAIN_MW301);
    });

    it('the script itself, and a literal `.cpp` path not in the project: information; a big committed source file keeps its size', async () => {
      const dir = folder({ 'huge.js': BIG });
      const self = only(await lintIn(dir, 'self.py', READLINES('__file__')), 'MW301');
      assert.strictEqual(self.severity, 'info');
      assert.match(self.message, /the file read is this script itself, and source files are small/);
      const cpp = only(await lintIn(dir, 'lines.py', READLINES('"code.cpp"')), 'MW301');
      assert.strictEqual(cpp.severity, 'info');
      assert.match(cpp.message, /the file read is source code \(`code\.cpp`\)/);
      const huge = only(await lintIn(dir, 'bundle.py', READLINES('"huge.js"')), 'MW301');
      assert.strictEqual(huge.severity, 'warning');
      assert.strictEqual(huge.message, `${PLAIN_MW301} \`huge.js\` beside this script is 150 MiB.`);
    });

    it('the same counter over `.log` files, and a JS test reading its own __filename', async () => {
      const dir = folder({});
      const logs = only(await lintIn(dir, 'logs.py', COUNTER.replace('.py"', '.log"')), 'MW301');
      assert.strictEqual(logs.severity, 'warning');
      assert.strictEqual(logs.message, PLAIN_MW301);
      const js = "var fs = require('fs');\nvar me = require('path').join(__filename);\nfs.readFileSync(me, 'utf-8').split('\\n').forEach(function (l) { console.log(l); });\n";
      const f = only(await lintIn(dir, 'split.test.js', js), 'MW351');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /the file read is this script itself, and source files are small/);
    });
  });

  describe('a data file that is not on this machine (a repository that does not ship its data)', () => {
    it('a relative literal found nowhere: information, saying so; a notebook too; small-input-bytes = 0 turns it off', async () => {
      const dir = folder({});
      const f = only(await lintIn(dir, 'a.py', READLINES('"AppleStore.csv"')), 'MW301');
      assert.strictEqual(f.severity, 'info');
      assert.ok(f.message.startsWith(PLAIN_MW301), f.message);
      assert.match(f.message, /`AppleStore\.csv` is not beside this script/);
      const nb = path.join(dir, 'lesson.ipynb');
      fs.writeFileSync(nb, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: READLINES('"AppleStore.csv"').split(/(?<=\n)/) }] }));
      const g = only((await lintFile(nb, defaultConfig())).findings, 'MW301');
      assert.strictEqual(g.severity, 'info');
      assert.match(g.message, /`AppleStore\.csv` is not beside this notebook/);
      const config = defaultConfig();
      applySettings(config, { 'small-input-bytes': 0 }, 'test:', 'toml');
      const off = only(await lintIn(dir, 'b.py', READLINES('"AppleStore.csv"'), config), 'MW301');
      assert.strictEqual(off.severity, 'warning');
      assert.strictEqual(off.message, PLAIN_MW301);
    });

    it('kept out by .gitignore (the author\'s real data, absent from this checkout): unchanged', async () => {
      for (const [ignore, p] of [['data/access.log\n', '"data/access.log"'], ['*.csv\n', '"sales.csv"'], ['# data\n/data/\n', '"data/2024/sales.csv"'], ['**/raw/\n', '"in/raw/x.txt"']]) {
        const dir = folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': ignore });
        const f = only(await lintIn(dir, 'scripts/a.py', READLINES(p), defaultConfig(), dir), 'MW301');
        assert.strictEqual(f.severity, 'warning', `${ignore} ${p}`);
        assert.strictEqual(f.message, PLAIN_MW301, p);
      }
      // A negated pattern, or one for another file, does not keep it.
      for (const ignore of ['*.csv\n!sales.csv\n', 'other.csv\n', 'sales.csv/\n']) {
        const dir = folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': ignore });
        const f = only(await lintIn(dir, 'a.py', READLINES('"sales.csv"'), defaultConfig(), dir), 'MW301');
        assert.strictEqual(f.severity, 'info', ignore);
      }
    });

    it('written, downloaded, generated or marked as the input by a program beside it: unchanged', async () => {
      const writers: Record<string, string> = {
        'make.py': 'import sys\nwith open("out-stream.csv", "w") as f:\n    f.write("x\\n" * int(sys.argv[1]))\n',
        'get.py': 'import urllib.request\nurllib.request.urlretrieve("https://example.org/a.csv", "download.csv")\n',
        'save.py': 'import pandas as pd\npd.DataFrame({"a": [1]}).to_csv("frame.csv")\n',
        'README.sh': 'python3 ../gen/make_input.py 200000 requests.csv\n',
        'marked.py': `PATH = "rows.csv"  # memwise: input\n${READLINES('PATH')}`, // on disk before the folder is read (cached 10 s)
      };
      const dir = folder(writers);
      for (const name of ['out-stream.csv', 'download.csv', 'frame.csv', 'requests.csv']) {
        const f = only(await lintIn(dir, 'read.py', READLINES(JSON.stringify(name))), 'MW301');
        assert.strictEqual(f.severity, 'warning', name);
        assert.strictEqual(f.message, PLAIN_MW301, name);
      }
      const marked = only(await lintIn(dir, 'marked.py', `PATH = "rows.csv"  # memwise: input\n${READLINES('PATH')}`), 'MW301');
      assert.strictEqual(marked.severity, 'warning');
      // Read (not written) by a sibling: still not on this machine.
      const read = only(await lintIn(dir, 'other.py', READLINES('"get.csv"')), 'MW301');
      assert.strictEqual(read.severity, 'info');
    });

    it('a file in a folder above the script, inside the project (an exercise\'s `solution/` run from the exercise folder)', async () => {
      // Round 14 (code4policy/conversions): `example3/solution/convert.py` reads `input.csv`, which sits in
      // `example3/` (over 4 MiB); it was shown as information, "likely a data set the repository does not ship".
      const dir = folder({ '.git/HEAD': 'ref: refs/heads/main\n', 'example3/input.csv': BIG, 'example1/input.csv': SMALL_TEXT, 'data/rows.csv': BIG });
      const big = only(await lintIn(dir, 'example3/solution/convert.py', READLINES('"input.csv"'), defaultConfig(), dir), 'MW301');
      assert.strictEqual(big.severity, 'warning');
      assert.strictEqual(big.message, `${PLAIN_MW301} \`input.csv\` in the folder above this script (\`..\`) is 150 MiB.`);
      const small = only(await lintIn(dir, 'example1/solution/deep/convert.py', READLINES('"input.csv"'), defaultConfig(), dir), 'MW301');
      assert.strictEqual(small.severity, 'info');
      assert.match(small.message, /`input\.csv` in the folder above this script \(`\.\.\/\.\.`\) is 16 B, so this costs nothing/);
      // A sibling folder's file (`code/` reading `rows.csv` that sits in `data/`): not above the script, still absent.
      const sibling = only(await lintIn(dir, 'code/a.py', READLINES('"rows.csv"'), defaultConfig(), dir), 'MW301');
      assert.strictEqual(sibling.severity, 'info');
      assert.match(sibling.message, ABSENT_NOTE);
    });

    it('the output of a command the script runs (`os.system("blastp … > hits.txt")`, `>>` in a shell script): unchanged', async () => {
      // Round 14 (vinibfranc/ScriptingTools pipelines/blast.py): the message said the file was "nor written by a
      // program beside it" on the line after the script wrote it with a shell redirect.
      const dir = folder({
        'fetch.sh': 'sort raw.tsv >> sorted.tsv\n',
        'compare.py': 'import sys\nif len(sys.argv) > 1:\n    print(sys.argv[1], ">", "other.txt")\n',
      });
      const text = `import os\nos.system("blastp -query a.fasta -subject b.fasta -outfmt 6 > hits.txt")\n${READLINES('"hits.txt"')}`;
      const own = only(await lintIn(dir, 'blast.py', text), 'MW301');
      assert.strictEqual(own.severity, 'warning');
      assert.strictEqual(own.message, PLAIN_MW301);
      const sorted = only(await lintIn(dir, 'read.py', READLINES('"sorted.tsv"')), 'MW301');
      assert.strictEqual(sorted.severity, 'warning');
      // A comparison on a line that names the file, or the file only read by a redirect (`< raw.tsv`): not written.
      for (const name of ['other.txt', 'raw.tsv']) {
        const f = only(await lintIn(dir, `read-${name}.py`, READLINES(JSON.stringify(name))), 'MW301');
        assert.strictEqual(f.severity, 'info', name);
      }
    });

    it('an absolute path, a glob, a file that is not on disk (untitled buffer), MW1xx: unchanged', async () => {
      const dir = folder({});
      for (const p of ['"/srv/data/events.csv"', '"D:\\\\logs\\\\app.log"']) {
        const f = only(await lintIn(dir, 'a.py', READLINES(p)), 'MW301');
        assert.strictEqual(f.severity, 'warning', p);
      }
      const untitled = only((await lintText({ path: 'Untitled-1.py', text: READLINES('"AppleStore.csv"'), config: defaultConfig() })).findings, 'MW301');
      assert.strictEqual(untitled.severity, 'warning');
      const mw1 = await lintIn(dir, 'cmp.py', 'for line in open("nums.txt"):\n    name, n = line.split(",")\n    if n > 10:\n        print(name)\n');
      assert.strictEqual(only(mw1, 'MW103').severity, 'error');
    });

    it('MW303 carries the file its list(reader) copies', async () => {
      const dir = folder({});
      const text = 'import csv\n\nwith open("guns.csv") as f:\n    data = list(csv.reader(f))\nfor row in data:\n    print(row[0])\n';
      const f = only(await lintIn(dir, 'a.py', text), 'MW303');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`guns\.csv` is not beside this script/);
    });
  });

  describe('JS/TS', () => {
    const SPLIT = (p: string) => `const fs = require('fs');\nconst text = fs.readFileSync(${p}, 'utf8');\nfor (const line of text.split('\\n')) console.log(line);\n`;

    it('fs.readFileSync of a small file (MW351): information; of a big one: its size', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT, 'requests.log': BIG });
      const small = only(await lintIn(dir, 'a.js', SPLIT("'words.txt'")), 'MW351');
      assert.strictEqual(small.severity, 'info');
      assert.match(small.message, /Shown as information: `words\.txt` beside this script is 16 B/);
      const big = only(await lintIn(dir, 'b.js', SPLIT("'requests.log'")), 'MW351');
      assert.strictEqual(big.severity, 'warning');
      assert.match(big.message, /`requests\.log` beside this script is 150 MiB\.$/);
    });

    it('process.argv, a template with a substitution: unchanged; an absent file: not on this machine', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const plain = only(await lintIn(dir, 'a.js', SPLIT('process.argv[2]')), 'MW351');
      assert.strictEqual(plain.severity, 'warning');
      const absent = only(await lintIn(dir, 'c.js', SPLIT("'absent.txt'")), 'MW351');
      assert.strictEqual(absent.severity, 'info');
      assert.match(absent.message, ABSENT_NOTE);
      for (const p of ['`${name}.txt`']) {
        const f = only(await lintIn(dir, 'b.js', `const name = 'words';\n${SPLIT(p)}`), 'MW351');
        assert.strictEqual(f.severity, 'warning', p);
        assert.doesNotMatch(f.message, /Shown as information|beside this script/, p);
      }
    });

    it('a const holding the path, path.join(__dirname, …): information; a let: unchanged', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      for (const [decl, p, sev] of [["const FILE = 'words.txt';", 'FILE', 'info'], ["const path = require('path');", "path.join(__dirname, 'words.txt')", 'info'], ["let FILE = 'words.txt';", 'FILE', 'warning']]) {
        const f = only(await lintIn(dir, 'a.js', `${decl}\n${SPLIT(p)}`), 'MW351');
        assert.strictEqual(f.severity, sev, decl);
      }
    });

    it('an ES module naming its folder with import.meta (dirname, new URL(…, import.meta.url)): information; another folder or a parameter: unchanged', async () => {
      const dir = folder({ 'input.txt': SMALL_TEXT, 'sample-input.txt': SMALL_TEXT });
      const head = "import fs from 'fs';\nimport path from 'path';\nimport { fileURLToPath } from 'url';\n";
      const cases: [string, string][] = [
        ["path.join(import.meta.dirname, 'input.txt')", 'info'],
        ["path.resolve(import.meta.dirname, 'sample-input.txt')", 'info'],
        ["new URL('input.txt', import.meta.url)", 'info'],
        ["fileURLToPath(new URL('input.txt', import.meta.url))", 'info'],
        ["path.join(process.cwd(), 'input.txt')", 'warning'],
        ["new URL('input.txt', base)", 'warning'],
      ];
      for (const [p, sev] of cases) {
        const text = `${head}const base = process.argv[2];\nexport const input = fs.readFileSync(${p}, 'utf8').trim().split('\\n');\nfor (const line of input) console.log(line);\n`;
        const f = only(await lintIn(dir, 'input.ts', text), 'MW351');
        assert.strictEqual(f.severity, sev, p);
        if (sev === 'info') assert.match(f.message, /`(sample-)?input\.txt` beside this script is 16 B/, p);
      }
      const param = `${head}function parse(name: string) {\n  return fs.readFileSync(path.join(import.meta.dirname, name), 'utf8').split('\\n').map((l) => l.length);\n}\nexport const input = parse('input.txt');\n`;
      assert.strictEqual(only(await lintIn(dir, 'p.ts', param), 'MW351').severity, 'warning');
    });

    it('the module reading itself through import.meta.filename: information as program source', async () => {
      const text = "import fs from 'fs';\nfor (const line of fs.readFileSync(import.meta.filename, 'utf8').split('\\n')) console.log(line);\n";
      const f = only(await lintIn(folder({}), 'self.mjs', text), 'MW351');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /this script itself/);
    });

    it('MW451 over the lines of a small literal file: information', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT });
      const text = "const fs = require('fs');\nlet s = '';\nfor (const line of fs.readFileSync('words.txt', 'utf8').split('\\n')) { s += line; }\nfs.writeFileSync('out.txt', s);\n";
      const f = only(await lintIn(dir, 'a.js', text), 'MW451');
      assert.strictEqual(f.severity, 'info');
      assert.match(f.message, /`words\.txt` beside this script is 16 B/);
    });

    it('MW1xx (MW152) unchanged beside a small file', async () => {
      const text = "const fs = require('fs');\nfor (const line of fs.readFileSync('nums.txt', 'utf8').split('\\n')) {\n  const [name, n] = line.split(',');\n  if (n > 10) console.log(name);\n}\n";
      const absent = await lintIn(folder({}), 'a.js', text);
      const present = await lintIn(folder({ 'nums.txt': 'a,1\nb,20\n' }), 'a.js', text);
      const mw1 = (fs: Finding[]) => fs.filter((f) => f.rule.startsWith('MW1'));
      assert.ok(mw1(present).length > 0, 'the fixture must give an MW1xx finding');
      assert.deepStrictEqual(mw1(present), mw1(absent));
    });
  });

  describe('configuration', () => {
    it('small-input-bytes in [tool.memwise] takes sizes and 0; a bad value is a notice naming the key', () => {
      const dir = folder({ 'pyproject.toml': '[tool.memwise]\nsmall-input-bytes = "1KiB"\n', 'off/pyproject.toml': '[tool.memwise]\nsmall-input-bytes = 0\n', 'bad/pyproject.toml': '[tool.memwise]\nsmall-input-bytes = "lots"\n' });
      const resolver = new ConfigResolver();
      assert.strictEqual(resolver.forFile(path.join(dir, 'a.py')).smallInputBytes, 1024);
      assert.strictEqual(resolver.forFile(path.join(dir, 'off', 'a.py')).smallInputBytes, 0);
      const bad = resolver.forFile(path.join(dir, 'bad', 'a.py'));
      assert.strictEqual(bad.smallInputBytes, 64 * 1024);
      assert.match(bad.notices.map((n) => n.message).join('\n'), /small-input-bytes: expected a size like 65536 or "64KiB" \(0 turns it off\), got "lots"/);
    });

    it('memwise lint --small-input-bytes: 0 turns it off, a bad value exits 2 naming the flag', async () => {
      const dir = folder({ 'words.txt': SMALL_TEXT, 'a.py': READLINES('"words.txt"') });
      const on = JSON.parse((await runCli(['lint', '.', '--format', 'json'], dir)).out);
      assert.strictEqual(on.findings[0].severity, 'info');
      const off = JSON.parse((await runCli(['lint', '.', '--format', 'json', '--small-input-bytes', '0'], dir)).out);
      assert.strictEqual(off.findings[0].severity, 'warning');
      assert.strictEqual(off.findings[0].message, PLAIN_MW301);
      const bad = await runCli(['lint', '.', '--small-input-bytes', 'huge'], dir);
      assert.strictEqual(bad.code, 2);
      assert.match(bad.err, /--small-input-bytes: expected a size like 65536 or 64KiB/);
    });

    it('the CLI also finds a path relative to its current folder', async () => {
      const dir = folder({ 'data/words.txt': SMALL_TEXT, 'scripts/a.py': READLINES('"data/words.txt"') });
      const r = JSON.parse((await runCli(['lint', 'scripts', '--format', 'json'], dir)).out);
      assert.strictEqual(r.findings[0].severity, 'info');
    });
  });
});
