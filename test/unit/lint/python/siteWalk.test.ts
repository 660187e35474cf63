// facts/siteWalk.ts finds scopes and binding sites by a walk that skips expressions without `lambda`, `for`,
// `yield` or `:=`, in place of SITES_QUERY (kept for trees with syntax errors). It must give exactly the query's
// captures, in the query's order, for every stretch the collection asks about (a definition, a class header, a
// class member, a run of module statements), on hand-written edge cases and on every Python corpus file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Node, Query } from 'web-tree-sitter';
import { loadPython, pythonQuery } from '../../../../extension/src/core/lint/python/parser';
import { ExpressionWords, runCaptures, SITES_QUERY, siteCaptures } from '../../../../extension/src/core/lint/python/facts/siteWalk';
import { topLevelChunks } from '../../../../extension/src/core/lint/python/facts/readUnits';
import { decodeSite, type BindingSite } from '../../../../extension/src/core/lint/python/facts/scopes';
import { PYTHON_CORPORA, pythonFiles, ROOT } from './pythonCorpora';

const EDGE_CASES = [
  'x = y = [a for a in b]\n',
  '[x for x in y][0] = 1\n',
  '(lambda: 1)().attr = 2\n',
  'def f(a=lambda q: q, *, b=[i for i in range(3)]) -> (lambda: int):\n    return a\n',
  'def g():\n    x = yield 1\n    y: int\n    z: int = (w := 3)\n    s = f"{(v := 4)} {[k for k in s]}"\n    t += 1\n    u = v == w\n',
  '@dec(lambda: 1)\n@other([c for c in d])\nclass A(Base, meta=lambda: M):\n    x = 1\n    def m(self):\n        self.y = [e for e in self.x]\n        return lambda: self.y\n',
  'class B(namedtuple("B", [f for f in "ab"])):\n    pass\n',
  'for i, j in pairs:\n    with open(i) as fh, open(j) as gh:\n        total += 1\nelse:\n    done = True\n',
  'while (n := next(it)):\n    acc = acc + n\nelse:\n    acc = 0\n',
  'try:\n    a = 1\nexcept (E, F) as e:\n    b = 2\nelse:\n    c = 3\nfinally:\n    d = 4\n',
  'match cmd:\n    case [x, y]:\n        z = x\n    case {"k": v} if (w := v):\n        z = w\n',
  'async def h():\n    async for r in rows:\n        out = r\n    async with lock as l:\n        return [await q for q in l]\n',
  'if a:\n    b = 1\nelif c:\n    d = 2\nelse:\n    e = (yield)\n',
  'print(x)  # for lambda yield\nformat = before = 1\nforx = lambdax = 2\n',
  'data = {k: v for k, v in items}; gen = (g for g in data); st = {s for s in data}\n',
  'def outer():\n    def inner():\n        nonlocal x\n        x = 1\n    return inner\n',
  'x = [1for y in z]\n',
  'x = [1jfor y in z]; w = [0x1for v in u]\n',
  'value = cond and (lambda: 1) or None\nother = a if b else (c := d)\n',
  'a = 1; b = [c for c in d]; e = 2\nf = g\ndef h(): pass\ni = 3;\nj = lambda: 4\n',
];

/**
 * Every stretch FactCollection collects separately (collection.ts): definitions, class parts and members, module runs
 * (with the index of their first statement among the root's named children: walked statement by statement).
 */
function stretches(root: Node, text: string): [Node, number, number, number, number?][] {
  const out: [Node, number, number, number, number?][] = [];
  for (const c of topLevelChunks(root, text)) {
    if (!c.isDef) {
      out.push([root, c.start, c.end, -1, c.index]);
      continue;
    }
    out.push([c.node, c.start, c.end, -1]);
    const cls = c.node.type === 'decorated_definition' ? c.node.childForFieldName('definition') : c.node;
    const body = cls?.type === 'class_definition' ? cls.childForFieldName('body') : null;
    if (cls && body) {
      out.push([c.node, c.start, cls.startIndex, -1]);
      out.push([c.node, cls.startIndex, body.startIndex, cls.id]);
      for (const m of body.namedChildren) if (m) out.push([m, m.startIndex, m.endIndex, -1]);
    }
  }
  return out;
}

function byQuery(q: Query, within: Node, start: number, end: number, skipId: number): string[] {
  return q
    .captures(within, { startIndex: start * 2, endIndex: end * 2 })
    .filter((c) => c.node.startIndex >= start && c.node.startIndex < end && c.node.id !== skipId)
    .map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}`);
}

/** Compares the walk with the query on every stretch of `text`; returns how many captures matched (0 for a tree with errors). */
async function compare(text: string, label: string): Promise<number> {
  const loaded = await loadPython();
  const q = pythonQuery(loaded, SITES_QUERY);
  const tree = loaded.parser.parse(text);
  if (!tree) throw new Error('no tree');
  try {
    if (tree.rootNode.hasError) return 0; // the collection asks the query then
    const words = new ExpressionWords(text);
    let n = 0;
    for (const [within, start, end, skip, run] of stretches(tree.rootNode, text)) {
      if (end <= start) continue;
      const want = byQuery(q, within, start, end, skip);
      const got = (run === undefined ? siteCaptures(within, start, end, words, skip) : runCaptures(within.namedChildren, run, end, words)).map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}`);
      assert.deepStrictEqual(got, want, `${label} [${start}, ${end})`);
      n += want.length;
    }
    return n;
  } finally {
    tree.delete();
  }
}

describe('python binding-site walk (facts/siteWalk.ts)', () => {
  it('gives the query captures on hand-written edge cases', async () => {
    let n = 0;
    for (const [i, text] of EDGE_CASES.entries()) n += await compare(text, `edge case ${i}`);
    assert.ok(n > 100, `edge cases captured ${n}`);
  });

  it('enters an expression that holds a comprehension, lambda, walrus or yield, and only needs the word', async () => {
    // Each of these sites sits inside an expression the walk would skip without its word.
    const loaded = await loadPython();
    for (const [text, name] of [
      ['f(a, [b for b in c])\n', 'scope.comp'],
      ['f(a, key=lambda r: r)\n', 'scope.lambda'],
      ['f(a, (b := c))\n', 'site.named_expression'],
      ['x = f((yield))\n', 'yield'],
    ] as const) {
      const tree = loaded.parser.parse(text)!;
      const caps = siteCaptures(tree.rootNode, 0, text.length, new ExpressionWords(text), -1).map((c) => c.name);
      tree.delete();
      assert.ok(caps.includes(name), `${text.trim()}: ${caps.join(' ')}`);
    }
  });

  it('gives the query captures on every Python corpus file', async function () {
    this.timeout(300_000);
    let files = 0;
    let n = 0;
    for (const dir of PYTHON_CORPORA) {
      for (const rel of pythonFiles(dir)) {
        n += await compare(fs.readFileSync(path.join(ROOT, rel), 'utf8'), rel);
        files++;
      }
    }
    assert.ok(files > 300 && n > 5000, `${files} files, ${n} captures`);
  });
});

describe('python binding-site decoding (facts/scopes.ts): a plain name target read from the text', () => {
  const TARGETS = [
    'x = 1\ny: int = 2\nz: int\nw  \t= 3\nv += 1\nu //= 2\nt **= 3\ns @= m\nr >>= 1\n',
    'a, b = 1, 2\na.b = 1\na[0] = 1\n(a) = 1\n[a] = [1]\na \\\n= 1\ncafé = 1\na.b += 1\n*a, b = c\n',
    'None = 1\nTrue = 2\nprint = 3\nmatch = 4\ntype = 5\ncase = 6\nexec = 7\nasync = 8\n_ = 9\n__x1 = 10\n',
    'x = y = z = 1\nf(x=1)\nclass A:\n    n: int = 0\n    def m(self):\n        self.k = 1\n        k += self.k\n',
    'self.a = 1\nself.b: int = 2\nself.c += 3\nself .d = 4\nself.e.f = 5\nself.g[0] = 6\nmyself.h = 7\nself.i, self.j = 8, 9\nself.print = 10\nself. k = 11\n',
  ];

  async function compareDecoding(text: string, label: string): Promise<number> {
    const loaded = await loadPython();
    const q = pythonQuery(loaded, '(assignment) @assignment (augmented_assignment) @augmented_assignment');
    const tree = loaded.parser.parse(text);
    if (!tree) throw new Error('no tree');
    try {
      let n = 0;
      for (const c of q.captures(tree.rootNode)) {
        const kind = c.name as 'assignment' | 'augmented_assignment';
        const bindings = (site: BindingSite) => decodeSite(site).map((b) => `${b.name} ${b.path.join(',')} ${b.effect}`);
        assert.deepStrictEqual(bindings({ kind, node: c.node, text }), bindings({ kind, node: c.node }), `${label} at ${c.node.startIndex}`);
        n++;
      }
      return n;
    } finally {
      tree.delete();
    }
  }

  it('binds what the tree says, on edge cases and every Python corpus file', async function () {
    this.timeout(300_000);
    let n = 0;
    for (const [i, text] of TARGETS.entries()) n += await compareDecoding(text, `edge case ${i}`);
    for (const dir of PYTHON_CORPORA) for (const rel of pythonFiles(dir)) n += await compareDecoding(fs.readFileSync(path.join(ROOT, rel), 'utf8'), rel);
    assert.ok(n > 5000, `${n} sites`);
  });
});
