// Data scale as a fact for the MW4xx rules: for each rule a data-scale case that fires (at the rule's
// severity, naming where the data comes from), a bounded case that stays silent, and where the rule allows
// it an unknown-scale case shown only as information with the reason.
import * as assert from 'assert';
import { findRule } from '../../../extension/src/core/lint/catalog';
import { defaultConfig } from '../../../extension/src/core/lint/config';
import { lintText } from '../../../extension/src/core/lint/engine';
import { findingHoverMarkdown } from '../../../extension/src/core/lint/ruleText';

interface ScaleCase {
  rule: string;
  data: string;
  /** What the data-scale message must name as the source. */
  source: RegExp;
  bounded: string;
  unknown?: string;
  /** The rule stays silent at unknown scale (MW402: CPython grows a local string in place below data scale). */
  unknownSilent?: boolean;
}

const CSV_JS = "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync(process.argv[2]), { columns: true });\n";

const CASES: ScaleCase[] = [
  {
    rule: 'MW401',
    data: 'import sys\ntotal = sum([len(line) for line in open(sys.argv[1])])\n',
    source: /lines of the file opened at line 2 from `sys\.argv\[1\]`/,
    bounded: 'total = sum([x * x for x in range(10)])\nbig = max([len(w) for w in ["a", "bb", "ccc"]])\n',
    unknown: 'def total(xs):\n    return sum([x * 2 for x in xs])\n',
    unknownSilent: true,
  },
  {
    rule: 'MW402',
    data: 'import csv\nimport sys\n\nout = ""\nwith open(sys.argv[1]) as f:\n    for row in csv.reader(f):\n        out += row[0]\nprint(out)\n',
    source: /csv\.reader/,
    bounded: 's = ""\nfor i in range(10):\n    s += str(i)\nprint(s)\n',
    unknown: 'def render(items):\n    html = ""\n    for it in items:\n        html += "<li>" + it + "</li>"\n    return html\n',
    unknownSilent: true,
  },
  {
    rule: 'MW403',
    data: 'import csv\nimport sys\nfrom functools import cache\n\nclass Row:\n    def __init__(self, r):\n        self.r = r\n\n    @cache\n    def total(self, k):\n        return float(self.r[k])\n\nfor r in csv.reader(open(sys.argv[1])):\n    print(Row(r).total(1))\n',
    source: /a `Row` is made per element of rows from csv\.reader/,
    bounded: 'from functools import lru_cache\n\nclass Row:\n    @lru_cache(maxsize=256)\n    def total(self, k):\n        return k\n',
    unknown: 'from functools import lru_cache\n\nclass Point:\n    @lru_cache(maxsize=None)\n    def norm(self):\n        return 1\n',
    unknownSilent: true,
  },
  {
    rule: 'MW404',
    data: 'import os\nimport pandas as pd\n\ndf = pd.DataFrame()\nfor name in os.listdir("exports"):\n    df = pd.concat([df, pd.read_csv(name)])\n',
    source: /directory listing from `os\.listdir\("exports"\)`/,
    bounded: 'import pandas as pd\n\ndf = pd.DataFrame()\nfor name in ["jan.csv", "feb.csv"]:\n    df = pd.concat([df, pd.read_csv(name)])\n',
  },
  {
    rule: 'MW405',
    data: 'import csv\nimport sys\n\nwith open(sys.argv[1]) as f:\n    rows = (line.split(",") for line in f)\n    for row in list(rows):\n        print(row)\n',
    source: /lines of the file opened at line 4/,
    bounded: 'for i in list(range(10)):\n    print(i)\n',
  },
  {
    rule: 'MW406',
    data: 'import json\nimport sys\n\nwith open(sys.argv[1]) as f:\n    doc = json.load(f)\nfor e in doc["events"]:\n    print(e)\n',
    source: /the file opened at line 4 from `sys\.argv\[1\]`/,
    bounded: 'import json\n\nwith open("config.json") as f:\n    conf = json.load(f)\nfor h in conf["hosts"]:\n    print(h)\n',
  },
  {
    rule: 'MW407',
    data: 'import numpy as np\nemb = np.load("embeddings.npy")\nprint(emb[:10].mean())\n',
    source: /./,
    bounded: 'import numpy as np\nz = np.load("small.npz")\n',
  },
  {
    rule: 'MW451',
    data: CSV_JS + "let out = '';\nfor (const r of rows) out += `${r.id}\\n`;\nfs.writeFileSync('o.csv', out);\n",
    source: /records parsed at line 3/,
    bounded: "let out = '';\nfor (const w of ['a', 'b', 'c']) out += w;\nconsole.log(out);\n",
    unknown: "export function render(items) {\n  let html = '';\n  for (const it of items) html += it;\n  console.log(html);\n}\n",
  },
  {
    rule: 'MW452',
    data: "let body = Buffer.alloc(0);\nprocess.stdin.on('data', (chunk) => {\n  body = Buffer.concat([body, chunk]);\n});\n",
    source: /every chunk of the stream `process\.stdin`/,
    bounded: "let all = Buffer.alloc(0);\nfor (const p of [Buffer.from('a'), Buffer.from('b')]) all = Buffer.concat([all, p]);\n",
  },
  {
    rule: 'MW453',
    data: CSV_JS + 'Array.from({ length: rows.length }).forEach((_, i) => console.log(i));\n',
    source: /records parsed at line 3/,
    bounded: 'Array.from({ length: 12 }).forEach((_, m) => console.log(m));\n',
    unknown: 'export function ticks(n) {\n  Array.from({ length: n }).forEach((_, i) => console.log(i));\n}\n',
  },
  {
    rule: 'MW454',
    data: "import readline from 'readline';\nconst memo = new Map();\nfunction remember(line) {\n  memo.set(line, line.length);\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) remember(line);\n",
    source: /keys from a readline line|a key per element/,
    bounded: "const memo = new Map();\nexport function init() {\n  memo.set('a', 1);\n  memo.set('b', 2);\n}\n",
    unknown: 'const cache = new Map();\nexport function get(k) {\n  if (!cache.has(k)) cache.set(k, k.repeat(10));\n  return cache.get(k);\n}\n',
  },
  {
    rule: 'MW455',
    data: "import fs from 'fs';\nconst files = fs.readdirSync(process.argv[2]);\nawait Promise.all(files.map(async (f) => fs.promises.readFile(f)));\n",
    source: /a directory listing/,
    bounded: "const urls = ['https://a', 'https://b'];\nawait Promise.all(urls.map(async (u) => fetch(u)));\n",
  },
];

async function ruleFindings(rule: string, text: string) {
  const path = rule >= 'MW450' ? 'job.mts' : 'job.py';
  const r = await lintText({ path, text, config: defaultConfig() });
  return r.findings.filter((f) => f.rule === rule);
}

describe('data scale (MW4xx)', function () {
  this.timeout(60000);
  for (const c of CASES) {
    const meta = findRule(c.rule)!;
    it(`${c.rule}: a data-scale case fires at ${meta.defaultSeverity} and names its source`, async () => {
      const f = await ruleFindings(c.rule, c.data);
      assert.strictEqual(f.length, 1, `${c.rule} on:\n${c.data}`);
      assert.strictEqual(f[0].severity, meta.defaultSeverity);
      assert.match(f[0].message, c.source);
      assert.doesNotMatch(f[0].message, /cannot tell/);
    });
    it(`${c.rule}: a bounded case stays silent`, async () => {
      assert.deepStrictEqual(await ruleFindings(c.rule, c.bounded), []);
    });
    if (c.unknown && c.unknownSilent) {
      it(`${c.rule}: unknown scale stays silent`, async () => {
        assert.deepStrictEqual(await ruleFindings(c.rule, c.unknown!), []);
      });
    } else if (c.unknown) {
      it(`${c.rule}: unknown scale is information only and says why`, async () => {
        const f = await ruleFindings(c.rule, c.unknown!);
        assert.strictEqual(f.length, 1, c.unknown);
        assert.strictEqual(f[0].severity, 'info');
        assert.match(f[0].message, /Memwise cannot tell whether this is data-scale \(.+\)/);
      });
    }
  }
  it('MW402: reading a stream to its end is data-scale; reading up to a length is not', async () => {
    const toEof = await ruleFindings('MW402', 'import sys\n\ndata = b""\nwhile True:\n    chunk = sys.stdin.buffer.read(4096)\n    if not chunk:\n        break\n    data += chunk\n');
    assert.deepStrictEqual(toEof.map((f) => f.severity), ['warning']);
    assert.match(toEof[0].message, /a stream read to its end in the while loop at line 4/);
    const upTo = await ruleFindings('MW402', 'import os\n\ndef read_n(fd, n):\n    data = b""\n    while len(data) < n:\n        data += os.read(fd, n - len(data))\n    return data\n');
    assert.deepStrictEqual(upTo.map((f) => f.severity), ['info']);
  });

  it('MW402: a bytes accumulator at unknown scale is information (no in-place shortcut for bytes)', async () => {
    const f = await ruleFindings('MW402', 'def unpack(length, read_byte):\n    out = b""\n    for _ in range(length):\n        out += read_byte()\n    return out\n');
    assert.deepStrictEqual(f.map((x) => x.severity), ['info']);
    assert.match(f[0].message, /growing bytes.*cannot tell whether this is data-scale \(`length` is only known at run time\)/);
  });

  it('the hover text repeats the evidence with the rule doc below', async () => {
    const [f] = await ruleFindings('MW401', CASES[0].data);
    const md = findingHoverMarkdown(findRule('MW401')!, f.message);
    const evidence = md.indexOf('lines of the file opened at line 2');
    assert.ok(evidence > 0 && evidence < md.indexOf('### What it does') && md.indexOf('### Data scale') > evidence, md);
  });

  it('every MW4xx rule doc says what data-scale means for it', () => {
    for (const c of CASES) assert.ok((findRule(c.rule)!.docs.dataScale ?? '').length > 40, c.rule);
  });
});
