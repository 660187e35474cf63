// The indexOf searches of nameSearch.ts replace one regex per name in the facts (textScans.ts, collection.ts): each
// must give exactly the positions its regex matches, on hand-picked edge cases and on random text made of the
// characters those regexes look at (word characters, dots, brackets, `=`, spaces, backslashes, non-ASCII space);
// likewise the definition-line indexes of definitionLines.ts.
import * as assert from 'assert';
import { defLines, eachClassLine, selfBindingNames } from '../../../../extension/src/core/lint/python/facts/definitionLines';
import { callsIn, indentedDefs } from '../../../../extension/src/core/lint/python/chunkCalls';
import { classSegments } from '../../../../extension/src/core/lint/python/hotCode';
import { TextScans } from '../../../../extension/src/core/lint/python/facts/textScans';
import type { Node } from 'web-tree-sitter';
import { anyMethodCall, callPositions, declarationStarts, defPositions, mayBeBound, mayBeBoundInTargets, methodCallPositions, referencePositions, selfMentions, selfTargetPositions, textPositions, TextWords, type Searched } from '../../../../extension/src/core/lint/python/facts/nameSearch';

/** The regexes the facts used (and still use for names that are not plain words), with the offset of the reported position. */
const REGEX: Record<string, (name: string) => { re: RegExp; offset: (m: RegExpExecArray) => number }> = {
  call: (n) => ({ re: new RegExp(`(?<![\\w.])${n}\\s*\\(`, 'g'), offset: () => 0 }),
  ref: (n) => ({ re: new RegExp(`(?<![\\w.])${n}\\b(?!\\s*[(=\\w.])`, 'g'), offset: () => 0 }),
  mcall: (n) => ({ re: new RegExp(`\\.\\s*${n}\\s*\\(`, 'g'), offset: (m) => m[0].indexOf(n) }),
  selfBind: (n) => ({ re: new RegExp(`\\bself\\.${n}(?=\\s*[=+\\-*/%@&|^<>:,)\\]}#\\\\]|\\s+in\\b)`, 'g'), offset: () => 0 }),
  def: (n) => ({ re: new RegExp(`\\bdef[\\s\\\\]+${n}(?!\\w)`, 'g'), offset: () => 0 }),
};

function byRegex(kind: string, text: string, name: string, from = 0, to = text.length): number[] {
  const { re, offset } = REGEX[kind](name);
  const out: number[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(m.index + offset(m));
  return out;
}

/**
 * The search's positions, on the text itself or on `words` (TextWords of the text, shared by several questions so
 * that each goes on from where an earlier one stopped searching); `most`: stop after that many.
 */
function bySearch(kind: string, text: string, name: string, from = 0, to = text.length, words?: TextWords, most = Infinity): number[] {
  const out: number[] = [];
  const visit = (at: number) => {
    out.push(at);
    return out.length < most;
  };
  const src: Searched = words ?? text;
  const plain =
    kind === 'call' ? callPositions(src, name, visit)
    : kind === 'ref' ? referencePositions(src, name, visit)
    : kind === 'mcall' ? methodCallPositions(src, name, visit)
    : kind === 'selfBind' ? selfTargetPositions(text, selfMentions(text), name, from, to, visit)
    : defPositions(src, name, from, to, visit);
  assert.ok(plain, `${name} is a plain name`);
  return out;
}

const boundRegex = (name: string) => new RegExp(`\\b${name}\\b[^\\n=()]*(?:=(?!=)|\\bin\\b)|\\bas\\s+${name}\\b`);
/** textScans.ts maybeBound's last alternative: a target of a `for` or of a bracketed unpacking. */
const targetsRegex = (name: string) => new RegExp(`(?:\\bfor\\s|^[ \\t]*[([])[\\w \\t,()[\\]*]{0,120}\\b${name}\\b[\\w \\t,()[\\]*]{0,120}(?:\\bin\\b|=(?!=))`, 'm');

/** `rounds` texts of 2 to `maxParts` + 1 pieces of `alphabet`, the same ones for the same seed. */
function* randomTexts(alphabet: readonly string[], seed: number, rounds: number, maxParts: number): Generator<string> {
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let round = 0; round < rounds; round++) {
    const parts: string[] = [];
    for (let i = 2 + rand(maxParts); i > 0; i--) parts.push(alphabet[rand(alphabet.length)]);
    yield parts.join('');
  }
}

/**
 * A generator of 0..n-1 from the high bits of the same recurrence as randomTexts (whose low bits cycle through short
 * periods: modulo a small number, its texts draw from part of their alphabet only).
 */
function highBits(seed: number): (n: number) => number {
  return (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
}

/** randomTexts drawing from the whole alphabet. */
function* wideRandomTexts(alphabet: readonly string[], seed: number, rounds: number, maxParts: number): Generator<string> {
  const rand = highBits(seed);
  for (let round = 0; round < rounds; round++) {
    const parts: string[] = [];
    for (let i = 2 + rand(maxParts); i > 0; i--) parts.push(alphabet[rand(alphabet.length)]);
    yield parts.join('');
  }
}

describe('Python facts: name searches give exactly their regexes\' matches', () => {
  it('on edge cases', () => {
    const text = [
      'total(1) x.total(2) _total(3) total (4) total\t\n(5) total2(6)',
      'f(total) total=1 total == 2 total.x total, total) key=total',
      'a.  get  (1) a.get(2) a.getx(3) a .get(4) a.\\\nget(5) .get',
      'self.rows = [] self.rows += 1 self.rows: int self.rows, b = c self.rowsx = 1 xself.rows = 1',
      'for self.rows in x: f(self.rows) self.rows + 1 self.rows\\\n= 1 (self.rows) = 2',
      'def get(self): pass\ndef  get_x(): pass\nundef get(): pass\ndef\\\n get(): pass\ndefget()',
      'for total in xs: pass\nwith f() as total: pass\nas\u00a0total total',
    ].join('\n');
    for (const [kind, name] of [['call', 'total'], ['ref', 'total'], ['mcall', 'get'], ['selfBind', 'rows'], ['def', 'get']]) {
      assert.deepStrictEqual(bySearch(kind, text, name), byRegex(kind, text, name), `${kind} ${name}`);
      assert.ok(byRegex(kind, text, name).length > 0, `${kind} ${name}: the case has matches`);
    }
    assert.deepStrictEqual(bySearch('selfBind', text, 'rows', 100, 200), byRegex('selfBind', text, 'rows', 100, 200), 'within a range');
    for (const name of ['total', 'rows', 'get', 'nothere', 'f', 'in', 'as']) assert.strictEqual(mayBeBound(text, name), boundRegex(name).test(text), `bound ${name}`);
    const found: number[] = [];
    textPositions('self.x self.xy', 'self.x', 0, 14, (at) => found.push(at));
    assert.deepStrictEqual(found, [0, 7]);
  });

  it('returns false (or null) for names that are not plain words, so the caller runs the regex', () => {
    assert.strictEqual(callPositions('é(1)', 'é', () => true), false);
    assert.strictEqual(methodCallPositions('a.b(1)', 'a.b', () => true), false);
    assert.strictEqual(mayBeBound('x = 1', 'x y'), null);
  });

  it('for loop and unpacking targets, on edge cases and on random text', () => {
    const long = 'x'.repeat(115);
    const cases = [
      'for i, (k, v) in items: pass', '(a, b) = pair', '  [a, *b] = xs', 'for\nk in x', 'for\u00a0k in x', 'xfor k in x', '1for k in x',
      '\t(k) == 1', 'f(k) = 1', 'x\r(k, j) = 1', 'x\u2028[k]=1', `for ${long} k in x`, `for ${long}12345 k in x`, `for k ${long}12 in x`, `for k ${long}123456 in x`,
      'for k in', 'for kin x', 'for k inx', '(k)=', '(k)==', 'for k, j =', 'for k.j in x', 'for (k)', 'for k', 'for_k in x',
    ];
    for (const text of cases) for (const name of ['k', 'a', 'b', 'in', 'for']) assert.strictEqual(mayBeBoundInTargets(text, name), targetsRegex(name).test(text), `${name} in ${JSON.stringify(text)}`);
    assert.strictEqual(mayBeBoundInTargets('for k in x', 'k.j'), null);
    const alphabet = ['for', 'for ', ' in ', 'in', 'k', 'kk', 'j', '_', '1', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', '(', ')', '[', ']', ',', '*', '=', '==', '.', ':', 'é', 'x'.repeat(40)];
    let matched = 0;
    for (const text of randomTexts(alphabet, 99, 6000, 30)) {
      for (const name of ['k', 'kk', 'j', 'in']) {
        const want = targetsRegex(name).test(text);
        assert.strictEqual(mayBeBoundInTargets(text, name), want, `${name} in ${JSON.stringify(text)}`);
        if (want) matched++;
      }
    }
    assert.ok(matched > 150, `${matched} texts bind a name`);
  });

  it('on random text made of the characters the regexes look at', () => {
    const alphabet = ['a', 'b', 's', 'e', 'l', 'f', 'd', 'i', 'n', '_', '1', '.', '(', ')', '=', ',', ':', '+', ' ', ' ', '\t', '\n', '\\', '#', '[', ']', '\u00a0', 'é', 'self.', 'def ', 'as ', ' in ', 'ab', 'ab(', '.ab'];
    const names = ['a', 'ab', 'b', 'self', 'in', 'as', 'def', 'f', 'b_1', 'ab_'];
    let seed = 12345;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      const len = 5 + rand(80);
      for (let i = 0; i < len; i++) text += alphabet[rand(alphabet.length)];
      for (const name of names) {
        for (const kind of Object.keys(REGEX)) {
          const from = rand(text.length);
          const to = from + rand(text.length - from + 1);
          const ranged = kind === 'selfBind' || kind === 'def';
          assert.deepStrictEqual(bySearch(kind, text, name, ranged ? from : 0, ranged ? to : text.length), byRegex(kind, text, name, ranged ? from : 0, ranged ? to : text.length), `${kind} ${name} in ${JSON.stringify(text)} [${from}, ${to})`);
          compared++;
        }
        assert.strictEqual(mayBeBound(text, name), boundRegex(name).test(text), `bound ${name} in ${JSON.stringify(text)}`);
      }
    }
    assert.ok(compared > 10000);
  });
});

describe('Python facts: name searches sharing one TextWords give the same positions', () => {
  it('whatever order, ranges and early stops earlier questions had', () => {
    // One TextWords per text, as a file's facts keep it: each question reads what earlier ones found and searches on.
    const alphabet = ['a', 'b', 'ab', 'ab(', 'ab(', ' ab ', '.ab', '.ab (', '.ab(', 'def ', 'def ab', 'def\\\n ab', 'd', 'e', 'f', '_', '1', '.', '(', ')', '=', ' in ', ' ', '\n', 'é', '\u00a0', 'as ', 'for '];
    const names = ['a', 'ab', 'b', 'def', 'f', 'in', 'as'];
    let compared = 0;
    let stopped = 0;
    for (const text of wideRandomTexts(alphabet, 2024, 1500, 70)) {
      const words = new TextWords(text);
      const rand = highBits(text.length);
      for (let q = 0; q < 12; q++) {
        const name = names[rand(names.length)];
        const kind = ['call', 'ref', 'mcall', 'def', 'bound', 'targets'][rand(6)];
        if (kind === 'bound') {
          assert.strictEqual(mayBeBound(words, name), boundRegex(name).test(text), `bound ${name} in ${JSON.stringify(text)}`);
          continue;
        }
        if (kind === 'targets') {
          assert.strictEqual(mayBeBoundInTargets(words, name), targetsRegex(name).test(text), `targets ${name} in ${JSON.stringify(text)}`);
          continue;
        }
        const from = kind === 'def' ? rand(text.length) : 0;
        const to = kind === 'def' ? from + rand(text.length - from + 1) : text.length;
        const most = 1 + rand(2);
        const want = byRegex(kind, text, name, from, to);
        assert.deepStrictEqual(bySearch(kind, text, name, from, to, words, most), want.slice(0, most), `${kind} ${name} (first ${most}) in ${JSON.stringify(text)} [${from}, ${to})`);
        if (want.length > most) stopped++;
        compared++;
      }
    }
    assert.ok(compared > 10000 && stopped > 300 && stopped < compared / 2, `${compared} compared, ${stopped} stopped early`);
  });

  it('for a name among some class header\'s bases', () => {
    // TextScans' questions that read the text only (no tree, no chunks).
    class TextOnly extends TextScans {
      chunkAt() {
        return null;
      }
      units() {
        return [];
      }
    }
    const baseRegex = (name: string) => new RegExp(`^class[ \\t]+\\w+[ \\t]*\\([^)]*\\b${name}\\b`, 'm');
    const alphabet = ['class ', 'class', '\nclass x(', '\nclass\tAB (', 'class A(', '\n', '\r', '\u2028', ' ', '\t', 'A', 'B', 'AB', 'é', '(', ')', ',', '.', '_', '1', 'x', 'x.A', 'B(', 'A)'];
    let named = 0;
    for (const text of wideRandomTexts(alphabet, 99, 4000, 24)) {
      const scans = new TextOnly(null as unknown as Node, text);
      for (const name of ['A', 'B', 'AB', 'x', 'é']) {
        const want = baseRegex(name).test(text);
        assert.strictEqual(scans.namedAmongBases(name), want, `${name} in ${JSON.stringify(text)}`);
        if (want) named++;
      }
    }
    assert.ok(named > 2000, `${named} texts name a base`);
  });

  it('for every occurrence of a text, searched from its rarest character', () => {
    const naive = (text: string, needle: string, from: number, to: number) => {
      const out: number[] = [];
      for (let at = from; at < to; at++) if (text.startsWith(needle, at)) out.push(at);
      return out;
    };
    const alphabet = ['a', 'b', 'x', 'q', 'ab', 'bq', '.', ' ', 'é', 'self.', 'q.q'];
    let found = 0;
    for (const text of wideRandomTexts(alphabet, 7, 3000, 30)) {
      const rand = highBits(text.length);
      for (const needle of ['a', 'ab', 'bq', 'qa', 'aqa', 'self.q', 'q.q', '.x', 'éq', 'abab']) {
        const from = rand(text.length + 1);
        const to = from + rand(text.length - from + 1);
        const got: number[] = [];
        textPositions(text, needle, from, to, (at) => got.push(at));
        const want = naive(text, needle, from, Math.min(to, text.length));
        assert.deepStrictEqual(got, want, `${needle} in ${JSON.stringify(text)} [${from}, ${to})`);
        found += want.length;
      }
    }
    assert.ok(found > 5000, `${found} occurrences`);
  });

  it('for global/nonlocal statements and method calls of a set of names', () => {
    const declRegex = (text: string) => [...text.matchAll(/\b(?:global|nonlocal)[ \t]+\w/g)].map((m) => m.index);
    const alphabet = ['global', 'nonlocal', 'global ', 'nonlocal ', ' ', '\t', '\n', 'x', '_', '1', '.', ',', 'é', 'a', 'parse_args', '.parse_args', '(', ' (', '\u00a0'];
    let declared = 0;
    for (const text of wideRandomTexts(alphabet, 31, 4000, 14)) {
      const want = declRegex(text);
      assert.deepStrictEqual(declarationStarts(text), want, `declarations in ${JSON.stringify(text)}`);
      if (want.length) declared++;
      for (const names of [['parse_args'], ['a', 'x'], ['x']]) {
        const re = new RegExp(String.raw`\.\s*(?:${names.join('|')})\s*\(`);
        assert.strictEqual(anyMethodCall(new TextWords(text), names), re.test(text), `${names} in ${JSON.stringify(text)}`);
      }
    }
    assert.ok(declared > 500, `${declared} texts declare a name`);
    assert.deepStrictEqual(declarationStarts('global nonlocal x\nnonlocal\tglobal y, z'), declRegex('global nonlocal x\nnonlocal\tglobal y, z'));
    assert.strictEqual(anyMethodCall('a.b(1)', ['b', 'c.d']), null);
    assert.strictEqual(anyMethodCall('a.b(1)', []), null);
  });
});

describe('Python facts: definition-line indexes give exactly their regexes\' matches', () => {
  const regexLines = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[1]}`);
  const check = (text: string) => {
    const classes: string[] = [];
    eachClassLine(text, (at, name) => classes.push(`${at}:${name}`));
    assert.deepStrictEqual(classes, regexLines(/^class[ \t]+(\w+)/gm, text), `classes in ${JSON.stringify(text)}`);
    const tops: string[] = [];
    defLines(text, false, (at, name) => tops.push(`${at}:${name}`));
    assert.deepStrictEqual(tops, regexLines(/^(?:async[ \t]+)?def[ \t]+(\w+)/gm, text), `defs in ${JSON.stringify(text)}`);
    const methods: string[] = [];
    defLines(text, true, (at, name) => methods.push(`${at}:${name}`));
    assert.deepStrictEqual(methods, regexLines(/^[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)/gm, text), `methods in ${JSON.stringify(text)}`);
    const bound: string[] = [];
    selfBindingNames(text, (name) => bound.push(name));
    assert.deepStrictEqual(bound, [...text.matchAll(/\bself\.(\w+)(?=\s*[=+\-*/%@&|^<>:,)\]}#\\.[]|\s+in\b)/g)].map((m) => m[1]), `self bindings in ${JSON.stringify(text)}`);
  };

  it('on edge cases', () => {
    check('class A:\n    def f(self): pass\n    async  def g(self): pass\n\tdef h(): pass\nasync def top(): pass\ndef  t2(): pass\n  xdef no(): pass\nclass\tB(A): pass\nclassy = 1\n');
    check('self.self.x = 1\nself.a.b = 2\nself.c in d\nself.d, self.e = f\nxself.g = 1\nself.h\\\n= 1\r\nclass C: pass\u2028def u(): pass');
  });

  it('on random text made of the characters the regexes look at', () => {
    const alphabet = ['class', 'def', 'async', 'self.', ' ', '\t', '\n', '\r', 'a', 'b', '_', '1', '.', '=', ',', '(', ')', ':', ' in ', '[', '\\', '\u2028', 'x'];
    let seed = 777;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const len = 3 + rand(40);
      for (let i = 0; i < len; i++) text += alphabet[rand(alphabet.length)];
      check(text);
    }
  });
});

/** Calls `check` with 5,000 random texts made of `alphabet`'s pieces (up to `maxPieces`) and a range in each. */
function eachRandomText(alphabet: readonly string[], seed: number, maxPieces: number, check: (text: string, start: number, end: number) => void): void {
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let round = 0; round < 5000; round++) {
    let text = '';
    const len = 2 + rand(maxPieces);
    for (let i = 0; i < len; i++) text += alphabet[rand(alphabet.length)];
    const start = rand(text.length + 1);
    check(text, start, start + rand(text.length - start + 1));
  }
}

describe('Python hot code: callsIn gives exactly the matches of its regex', () => {
  // The regex it replaced (chunkCalls.ts), run over the range's text from one character before it to the end of the
  // line where the range ends, as the hot-code call graph always searched it.
  const byRegex = (text: string, start: number, end: number): string[] => {
    const from = Math.max(0, start - 1);
    const lineEnd = text.indexOf('\n', end);
    const stretch = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
    const re = /\b(\w+)[ \t]*\(/g;
    const seen = new Set<string>();
    re.lastIndex = start - from;
    for (let m = re.exec(stretch); m && from + m.index < end; m = re.exec(stretch)) {
      if (from + m.index > 0 && text.charCodeAt(from + m.index - 1) === 46) continue;
      seen.add(m[1]);
    }
    return [...seen];
  };

  it('on edge cases', () => {
    const text = 'f(1) g (2) h\t(3) a.b(4) a. c(5) (6) x((7)) é1(8) 2x(9)\nk\n(10) long_name  (11) tail(';
    for (const [s, e] of [[0, text.length], [1, 20], [2, 30], [5, 6], [24, 60], [text.length - 6, text.length], [0, 0]]) {
      assert.deepStrictEqual(callsIn(text, s, e), byRegex(text, s, e), `[${s}, ${e})`);
    }
    assert.deepStrictEqual(callsIn(text, 0, text.length), ['f', 'g', 'h', 'c', 'x', '1', '2x', 'long_name', 'tail']);
  });

  it('on random text made of the characters the regex looks at', () => {
    const alphabet = ['a', 'b', '_', '1', '(', '((', ')', '.', ' ', ' ', '\t', '\n', 'é', 'ab', 'f(', 'x.y(', '#', '"'];
    eachRandomText(alphabet, 4242, 60, (text, start, end) => assert.deepStrictEqual(callsIn(text, start, end), byRegex(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`));
  });
});

describe('Python hot code: indentedDefs gives exactly the matches of its regex', () => {
  // The regex the method index ran (chunkCalls.ts), over the text from `start` to the end of the line holding `end`,
  // keeping matches whose line break is before `end`.
  const byRegex = (text: string, start: number, end: number): string[] => {
    const lineEnd = text.indexOf('\n', end);
    const stretch = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
    const re = /\n[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)/g;
    const seen = new Set<string>();
    for (let m = re.exec(stretch); m && start + m.index < end; m = re.exec(stretch)) seen.add(m[1]);
    return [...seen];
  };

  it('on edge cases', () => {
    const text = 'class A:\n    def f(self): pass\n\tasync  def g(): pass\n  async def  h_1(x): def x\n    define = 1\n    def\n    def (\n   xasync def no()\nasync def top(): pass\n    def f(): pass\n    def tail';
    for (const [s, e] of [[0, text.length], [9, 20], [8, 9], [0, 8], [30, 60], [text.length - 9, text.length], [0, 0]]) {
      assert.deepStrictEqual(indentedDefs(text, s, e), byRegex(text, s, e), `[${s}, ${e})`);
    }
    assert.deepStrictEqual(indentedDefs(text, 0, text.length), ['f', 'g', 'h_1', 'tail']);
  });

  it('on random text made of the characters the regex looks at', () => {
    const alphabet = ['\n', ' ', '\t', 'def', 'def ', 'async', 'async ', 'a', '_1', '(', 'é', 'de', 'f', ':', '\n    def ', '\n  async def '];
    eachRandomText(alphabet, 777, 40, (text, start, end) => assert.deepStrictEqual(indentedDefs(text, start, end), byRegex(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`));
  });
});

describe('Python hot code: classSegments splits a class where its regex did', () => {
  // The regex hotCode.ts ran over the class's text: a segment starts at each match's line, except after a decorator.
  const byRegex = (text: string, start: number, end: number): number[] => {
    const body = text.slice(start, end);
    const starts = [0];
    const re = /\n[ \t]+(?:@|(?:async[ \t]+)?def\b)/g;
    let prevDecorator = false;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (!prevDecorator) starts.push(m.index + 1);
      prevDecorator = m[0].trimStart().startsWith('@');
    }
    return starts;
  };

  it('on random text made of the characters the regex looks at', () => {
    const alphabet = ['\n', ' ', '\t', 'def', 'async', 'a', '@', '(', 'é', 'de', 'f', ':', '\n    def ', '\n  async def ', '\n  @'];
    eachRandomText(alphabet, 99, 40, (text, start, end) => assert.deepStrictEqual(classSegments(text, { start, end }).starts, byRegex(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`));
  });
});
