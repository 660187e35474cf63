// Quick fixes are real edits: apply them to the text and re-lint to prove the finding is gone.
import * as assert from 'assert';
import { applyEdits, lintPython } from './lintHelpers';

interface FixCase {
  rule: string;
  code: string;
  title: RegExp;
  expected?: string;
  safety: 'safe' | 'unsafe';
}

const cases: FixCase[] = [
  {
    rule: 'MW101',
    code: 'import csv\nfor row in csv.reader(open("a")):\n    x = row[1] * 1000\n',
    title: /float/,
    expected: 'import csv\nfor row in csv.reader(open("a")):\n    x = float(row[1]) * 1000\n',
    safety: 'unsafe',
  },
  { rule: 'MW102', code: 'total = 0\nfor line in open("x"):\n    total += line\n', title: /int/, expected: 'total = 0\nfor line in open("x"):\n    total += int(line)\n', safety: 'unsafe' },
  { rule: 'MW103', code: 'import sys\nfor l in sys.stdin:\n    if l.split()[2] > 5:\n        pass\n', title: /float/, safety: 'unsafe' },
  {
    rule: 'MW301',
    code: 'with open("a") as f:\n    for line in f.readlines():\n        print(line)\n',
    title: /Iterate/,
    expected: 'with open("a") as f:\n    for line in f:\n        print(line)\n',
    safety: 'safe',
  },
  {
    rule: 'MW304',
    code: '"""Doc."""\nimport sys\n\nwith open(sys.argv[1]) as f:\n    last = f.readlines()[-1]\n',
    title: /deque/,
    expected: '"""Doc."""\nimport sys\nfrom collections import deque\n\nwith open(sys.argv[1]) as f:\n    last = deque(f, maxlen=1)[-1]\n',
    safety: 'safe',
  },
  {
    rule: 'MW304',
    code: 'from collections import deque\nwith open("a") as f:\n    tail = f.readlines()[-3:]\n',
    title: /deque/,
    expected: 'from collections import deque\nwith open("a") as f:\n    tail = list(deque(f, maxlen=3))\n',
    safety: 'safe',
  },
  { rule: 'MW401', code: 'import sys\nn = sum([len(x) for x in open(sys.argv[1])])\n', title: /generator/, expected: 'import sys\nn = sum(len(x) for x in open(sys.argv[1]))\n', safety: 'safe' },
  {
    rule: 'MW203',
    code: 'import pandas as pd\ndf = pd.read_csv("a.csv", sep=";")\ndf = df[["user", "amount"]]\n',
    title: /usecols/,
    expected: 'import pandas as pd\ndf = pd.read_csv("a.csv", sep=";", usecols=["user", "amount"])\ndf = df[["user", "amount"]]\n',
    safety: 'safe',
  },
  { rule: 'MW405', code: 'for i in list(range(3_000_000)):\n    print(i)\n', title: /list/, expected: 'for i in range(3_000_000):\n    print(i)\n', safety: 'unsafe' },
  { rule: 'MW407', code: 'import numpy as np\na = np.load("a.npy")\n', title: /mmap/, expected: 'import numpy as np\na = np.load("a.npy", mmap_mode="r")\n', safety: 'unsafe' },
];

describe('python quick fixes', function () {
  this.timeout(30000);
  for (const c of cases) {
    it(`${c.rule}: ${c.title} removes the finding`, async () => {
      const before = await lintPython(c.code, c.rule);
      assert.strictEqual(before.length, 1, `expected one ${c.rule} finding`);
      const fix = before[0].fixes.find((f) => c.title.test(f.title));
      assert.ok(fix, `no fix matching ${c.title}: ${before[0].fixes.map((f) => f.title).join(', ')}`);
      assert.strictEqual(fix.safety, c.safety);
      const fixed = applyEdits(c.code, fix.edits);
      if (c.expected !== undefined) assert.strictEqual(fixed, c.expected);
      const after = await lintPython(fixed, c.rule);
      assert.deepStrictEqual(after.map((f) => f.rule), [], `still flagged after fix:\n${fixed}`);
      const all = await lintPython(fixed);
      assert.ok(!all.some((f) => /^MW[123]/.test(f.rule) && f.rule !== c.rule && !before.some((b) => b.rule === f.rule)) || c.rule === 'MW401', 'fix introduced a core finding');
    });
  }
});
