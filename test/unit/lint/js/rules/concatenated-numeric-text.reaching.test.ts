// MW151, round 12 of the public-code review (JS/TS): a variable converted in place (`n = Number(n)`, `t = +t`)
// is a number at every read its conversion reaches, and a Set's `.size` is a count. Each valid case was
// reported on the engine before the fix; each invalid case is a look-alike where the text still reaches the sum.
import { ruleTester } from '../ruleTester';

describe('MW151 concatenated-numeric-text: conversions in place and Set sizes (round 12)', () => {
  ruleTester('MW151', {
    valid: [
      { name: "a `let` destructured from a regex match, converted in place before every read", code: "import { readFileSync } from 'fs';\nconst re = /(?<dir>[NSEW])(?<n>\\d+)/;\nlet x = 0;\nfor (const line of readFileSync('moves.txt', 'utf8').split('\\n')) {\n  let { dir, n } = line.match(re)!.groups!;\n  n = Number(n);\n  if (dir === 'E') x += n;\n  else x -= n;\n}\nconsole.log(x);\n" },
      { name: "a split field rebound with unary plus, then read inside a callback created after the conversion", code: "import { readFileSync } from 'fs';\nfor (const block of readFileSync('in.txt', 'utf8').split('\\n\\n')) {\n  let [start, rest] = block.split('\\n');\n  start = +start;\n  const ends = rest.split(',').map((step) => start + Number(step));\n  console.log(ends);\n}\n" },
      { name: "a parameter rebound to its number before the running sum", code: "import { readFileSync } from 'fs';\nlet total = 0;\nfunction add(v: string | number) {\n  v = parseInt(String(v), 10);\n  total += v;\n}\nfor (const l of readFileSync('a', 'utf8').split('\\n')) add(l.split(' ')[1]);\nconsole.log(total);\n" },
      { name: "the size of a Set filled with the characters of split lines is a count", code: "import { readFileSync } from 'fs';\nlet total = 0;\nlet group = new Set();\nfor (const line of readFileSync('answers.txt', 'utf8').split('\\n')) {\n  if (!line) {\n    total += group.size;\n    group = new Set();\n  } else line.split('').forEach((c) => group.add(c));\n}\nconsole.log(total);\n" },
    ],
    invalid: [
      {
        name: "converted only on one branch: the text still reaches the sum",
        code: "import { readFileSync } from 'fs';\nlet x = 0;\nfor (const line of readFileSync('moves.txt', 'utf8').split('\\n')) {\n  let [dir, n] = line.split(' ');\n  if (dir === 'E') n = Number(n);\n  x += n;\n}\nconsole.log(x);\n",
        ranges: ["x += n"], messageIds: ["textIntoRunningNumber"], at: [5, 2],
        message: /^`n` is text/,
        output: "import { readFileSync } from 'fs';\nlet x = 0;\nfor (const line of readFileSync('moves.txt', 'utf8').split('\\n')) {\n  let [dir, n] = line.split(' ');\n  if (dir === 'E') n = Number(n);\n  x += Number(n);\n}\nconsole.log(x);\n",
      },
      {
        name: "converted after the read: the read still sees the text",
        code: "import { readFileSync } from 'fs';\nlet x = 0;\nfor (const line of readFileSync('moves.txt', 'utf8').split('\\n')) {\n  let [dir, n] = line.split(' ');\n  x += n;\n  n = Number(n);\n  console.log(dir, n);\n}\nconsole.log(x);\n",
        ranges: ["x += n"], messageIds: ["textIntoRunningNumber"], at: [4, 2],
        message: /^`n` is text/,
        output: "import { readFileSync } from 'fs';\nlet x = 0;\nfor (const line of readFileSync('moves.txt', 'utf8').split('\\n')) {\n  let [dir, n] = line.split(' ');\n  x += Number(n);\n  n = Number(n);\n  console.log(dir, n);\n}\nconsole.log(x);\n",
      },
      {
        name: "rebound to text again later in the loop that holds the read: the loop carries the text back",
        code: "import { readFileSync } from 'fs';\nconst fields = readFileSync('a', 'utf8').split(',');\nlet v = fields[0];\nv = Number(v);\nlet total = 0;\nfor (const f of fields) {\n  total += v;\n  v = f;\n}\nconsole.log(total);\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [6, 2],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nconst fields = readFileSync('a', 'utf8').split(',');\nlet v = fields[0];\nv = Number(v);\nlet total = 0;\nfor (const f of fields) {\n  total += Number(v);\n  v = f;\n}\nconsole.log(total);\n",
      },
      {
        name: "read in a function declaration, which is hoisted and may run before the conversion",
        code: "import { readFileSync } from 'fs';\nconst parts = readFileSync('a', 'utf8').split(',');\nlet v = parts[1];\nlet total = 0;\nfunction add() {\n  total += v;\n}\nadd();\nv = Number(v);\nadd();\nconsole.log(total);\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [5, 2],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nconst parts = readFileSync('a', 'utf8').split(',');\nlet v = parts[1];\nlet total = 0;\nfunction add() {\n  total += Number(v);\n}\nadd();\nv = Number(v);\nadd();\nconsole.log(total);\n",
      },
      {
        name: "a record's own `size` field from split text is a field, not a Set's count",
        code: "import { readFileSync } from 'fs';\nlet total = 0;\nfor (const line of readFileSync('files.txt', 'utf8').split('\\n')) {\n  const [name, size] = line.split(' ');\n  const rec = { name, size };\n  total += rec.size;\n}\nconsole.log(total);\n",
        ranges: ["total += rec.size"], messageIds: ["textIntoRunningNumber"], at: [5, 2],
        message: /^`rec\.size` is text/,
        output: "import { readFileSync } from 'fs';\nlet total = 0;\nfor (const line of readFileSync('files.txt', 'utf8').split('\\n')) {\n  const [name, size] = line.split(' ');\n  const rec = { name, size };\n  total += Number(rec.size);\n}\nconsole.log(total);\n",
      },
      {
        name: "rebound to text in a listener that may run between the conversion and the read",
        code: "import { readFileSync } from 'fs';\nconst parts = readFileSync('a', 'utf8').split(',');\nlet v = parts[0];\nlet total = 0;\nprocess.on('SIGHUP', () => {\n  v = parts[1];\n});\nexport async function tick() {\n  v = Number(v);\n  await new Promise((r) => setTimeout(r, 10));\n  total += v;\n  return total;\n}\n",
        ranges: ["total += v"], messageIds: ["textIntoRunningNumber"], at: [10, 2],
        message: /^`v` is text/,
        output: "import { readFileSync } from 'fs';\nconst parts = readFileSync('a', 'utf8').split(',');\nlet v = parts[0];\nlet total = 0;\nprocess.on('SIGHUP', () => {\n  v = parts[1];\n});\nexport async function tick() {\n  v = Number(v);\n  await new Promise((r) => setTimeout(r, 10));\n  total += Number(v);\n  return total;\n}\n",
      },
    ],
  });
});

// Round 13 (realrepos13js, an Advent-of-Code claim parser): `exec(...)` groups mapped with
// `(v, i) => (i === 0 ? v : parseInt(v))` keep the whole match as text at 0 and numbers after it.
const CLAIM = (mapper: string, use: string) =>
  `import { readFileSync } from 'fs';\nconst re = /^#(\\d+) @ (\\d+),(\\d+): (\\d+)x(\\d+)$/;\nconst grid: number[][] = [];\nfor (const cut of readFileSync('input.txt', 'utf8').split('\\n')) {\n  const [line, id, left, top, width] = Array.from(re.exec(cut)!).map(${mapper});\n  for (let w = 0; w < 3; w++) ${use};\n}\n`;

describe('MW151 concatenated-numeric-text: elements a map callback picks by index', () => {
  ruleTester('MW151', {
    valid: [
      { name: 'groups after the whole match converted by index (i === 0 ? v : parseInt(v))', code: CLAIM('(v, i) => (i === 0 ? v : parseInt(v))', 'grid[left + w] = []') },
      { name: 'the same with the test reversed (i > 0 ? Number(v) : v)', code: CLAIM('(v, i) => (i > 0 ? Number(v) : v)', 'grid[top + w] = []') },
    ],
    invalid: [
      {
        name: 'an index test whose branches are both text (i === 0 ? v : v.trim()): the groups are still text',
        code: CLAIM('(v, i) => (i === 0 ? v : v.trim())', 'grid[left + w] = []'),
        ranges: ['left + w'], messageIds: ['textPlusNumber'], at: [5, 35],
        message: /^`left` is text/,
        output: CLAIM('(v, i) => (i === 0 ? v : v.trim())', 'grid[Number(left) + w] = []'),
      },
      {
        name: 'a conditional on the value, not its position (v ? v : parseInt(v)): the join keeps text',
        code: CLAIM('(v) => (v.length > 3 ? v : parseInt(v))', 'grid[left + w] = []'),
        ranges: ['left + w'], messageIds: ['textPlusNumber'], at: [5, 35],
        message: /^`left` is text/,
        output: CLAIM('(v) => (v.length > 3 ? v : parseInt(v))', 'grid[Number(left) + w] = []'),
      },
    ],
  });
});
