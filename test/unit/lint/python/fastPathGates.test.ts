// The file-level gates of the Python fast path skip work only where it cannot find anything: MW105 and the column
// checks need a call that makes a text column (callFacts.ts mayHoldTextColumns), record classes need their
// words (recordShapes.ts). Each gate is checked at its edge, against exhaustive mode (which never uses them) and
// across an edit that opens the gate (the editor's incremental re-lint must equal a full lint).
import * as assert from 'assert';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import { mayHoldTextColumns } from '../../../../extension/src/core/lint/python/facts/callFacts';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

const show = (f: { rule: string; range: { startLine: number; startColumn: number } }) => `${f.rule}@${f.range.startLine + 1}:${f.range.startColumn + 1}`;

async function both(text: string): Promise<{ fast: string[]; full: string[] }> {
  const out: string[][] = [];
  for (const exhaustive of [false, true]) {
    const r = await pythonLinter.lint({ path: 'gate.py', text, isEnabled: () => true }, { exhaustive, strict: true });
    r.state?.dispose?.();
    out.push(r.findings.map(show));
  }
  return { fast: out[0], full: out[1] };
}

describe('Python fast path: file-level gates', () => {
  it('a text column needs both words of an origin call (pandas read_csv/read_table, numpy array/asarray/loadtxt/genfromtxt/fromiter)', () => {
    assert.strictEqual(mayHoldTextColumns('self.pd()\nx = a * 2\n'), false, 'a method named pd');
    assert.strictEqual(mayHoldTextColumns('import numpy as np\nnp.zeros(3)\nnp_array = 1\n'), false, 'array only inside a longer name');
    assert.strictEqual(mayHoldTextColumns('import pandas\ndf = pandas.read_table(p)\n'), true);
    assert.strictEqual(mayHoldTextColumns('import numpy\na = (numpy) . asarray(xs)\n'), true, 'spaces and parentheses around the dotted name');
    assert.strictEqual(mayHoldTextColumns('import numpy as np\nv = np.fromiter(xs, dtype=str)\n'), true);
  });

  it('MW105 finds the same in fast and exhaustive mode with and without an origin call', async () => {
    const found = await both('import numpy as np\n\nline = open("nums.txt").readline()\narr = np.array(line.split(","))\nprint(arr + 1)\n');
    assert.deepStrictEqual(found.fast, found.full);
    assert.ok(found.fast.includes('MW105@5:7'), found.fast.join(', '));
    // `pd` is only a method here: no text column can exist, and neither mode reports one.
    const gated = await both('import sys\n\n\nclass Pen:\n    def pd(self):\n        return sys.argv[1] * 3\n\n\nPen().pd()\nprint(sys.argv[2] - 1)\n');
    assert.deepStrictEqual(gated.fast, gated.full);
    assert.ok(!gated.fast.some((f) => f.startsWith('MW105')));
    assert.ok(gated.fast.length > 0, 'the text rules still run there');
  });

  it('record classes are still found where their words occur', async () => {
    const found = await both('import csv\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Row:\n    price: float\n\n\nfor r in csv.reader(open("a.csv")):\n    row = Row(r[1])\n    if row.price > 10:\n        print(row)\n');
    assert.deepStrictEqual(found.fast, found.full);
    assert.ok(found.fast.some((f) => f.startsWith('MW103')), found.fast.join(', '));
  });

  it('an edit that writes the origin call makes the re-lint equal a full lint', async () => {
    const before = 'import numpy as np\n\nline = open("nums.txt").readline()\narr = np.asarra(line.split(","))\n\n\ndef scaled():\n    return arr * 2\n';
    const at = before.indexOf('asarra') + 'asarra'.length;
    const after = before.slice(0, at) + 'y' + before.slice(at);
    const enabled = { isEnabled: () => true };
    const first = await pythonLinter.lint({ path: 'e.py', text: before, ...enabled, previous: undefined });
    const opened = await pythonLinter.lint({ path: 'e.py', text: before, ...enabled, previous: first.state, edits: [] });
    first.state?.dispose?.();
    const row = before.slice(0, at).split('\n').length - 1;
    const column = at - (before.lastIndexOf('\n', at - 1) + 1);
    const edit = toIncrementalEdit({ rangeOffset: at, rangeLength: 0, range: { start: { line: row, character: column }, end: { line: row, character: column } }, text: 'y' });
    const next = await pythonLinter.lint({ path: 'e.py', text: after, ...enabled, previous: opened.state, edits: [edit] });
    const full = await pythonLinter.lint({ path: 'e.py', text: after, ...enabled });
    assert.deepStrictEqual(next.findings, full.findings);
    assert.ok(full.findings.map(show).includes('MW105@8:12'), full.findings.map(show).join(', '));
    for (const r of [opened, next, full]) r.state?.dispose?.();
  });

  describe('the text gate before the parse (textGate.ts)', () => {
    /** Findings, notices and whether the one-shot lint parsed the text at all (a gated lint times only the gate). */
    async function oneShot(text: string) {
      const phases = new Map<string, number>();
      const r = await pythonLinter.lint({ path: 'g.py', text, isEnabled: () => true }, { phases, strict: true });
      r.state?.dispose?.();
      return { findings: r.findings.map(show), notices: r.notices, parsed: phases.has('parse'), state: r.state };
    }

    it('leaves a text without any candidate unparsed, and exhaustive mode agrees that it holds nothing', async () => {
      const pure = 'import math\n\n\ndef area(r):\n    return math.pi * r * r\n\n\nprint(area(2) > 3)  # the area\nnote = "circles"\n';
      const r = await oneShot(pure);
      assert.strictEqual(r.parsed, false);
      assert.deepStrictEqual(r.findings, []);
      assert.strictEqual(r.state, undefined, 'no tree, no state to keep');
      assert.deepStrictEqual(await both(pure), { fast: [], full: [] });
    });

    it('parses as soon as a data source, a trigger in code, or code inside an f-string could make a candidate', async () => {
      const cases = [
        'import sys\nn = sys.argv[1]\n',
        'with open("a.txt") as f:\n    text = f.read()\n',
        'import numpy as np\na = np.load("big.npy")\n',
        's = ""\nfor w in words:\n    s += w\n',
        'print(f"{int(input()) * 2}")\n',
        'd = {"k": 1}\nprint(f"{d["k"]} {int(input())}")\n',
      ];
      for (const text of cases) assert.strictEqual((await oneShot(text)).parsed, true, text);
      // A trigger whose own text test fails (`+=` of a list display) makes no candidate: still unparsed.
      assert.strictEqual((await oneShot('rows = []\nfor i in range(3):\n    rows += [i]\n')).parsed, false);
    });

    it('reads no structure: a source word in a comment or string still means a parse (a string the tree reads otherwise cannot mislead it)', async () => {
      for (const text of ['x = 1  # open(p).read()\n', 'note = "csv.reader(f) in a string"\n', 'doc = """\nrows = f.read().split()\n"""\n']) {
        assert.strictEqual((await oneShot(text)).parsed, true, text);
        assert.deepStrictEqual(await both(text), { fast: [], full: [] });
      }
    });

    it('an editor session always parses (its tree is what the next edit reuses)', async () => {
      const pure = 'def double(x):\n    return 2 * x\n';
      const first = await pythonLinter.lint({ path: 'e.py', text: pure, isEnabled: () => true });
      assert.strictEqual(first.state, undefined);
      const phases = new Map<string, number>();
      const session = await pythonLinter.lint({ path: 'e.py', text: pure, isEnabled: () => true, previous: { dispose() {} }, edits: [] }, { phases });
      assert.ok(phases.has('parse'), 'a previous state, even a foreign one, means a parse');
      assert.ok(session.state, 'and a state for the next edit');
      session.state?.dispose?.();
    });

    it('a syntax error is reported where a finding could hide behind it, not in a text where nothing can be found', async () => {
      const broken = 'def f(:\n    pass\n';
      assert.deepStrictEqual((await oneShot(broken)).notices, []);
      const withData = (await oneShot(`import sys\nn = sys.argv[1]\n${broken}`)).notices.filter((n) => n.kind === 'parse-error');
      assert.strictEqual(withData.length, 1);
    });
  });
});

