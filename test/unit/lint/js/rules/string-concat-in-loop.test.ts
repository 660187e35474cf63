// MW451 fires where a string is built with `+=` in a loop over data-sized input and then written out in
// one piece. A loop over a literal list, and a per-iteration buffer declared inside the loop, stay silent.
import { ruleTester } from '../ruleTester';

describe('MW451 string-concat-in-loop', () => {
  ruleTester('MW451', {
    valid: [
      { name: 'a loop over a literal list (bounded)', code: "let out = '';\nfor (const w of ['a', 'b']) out += w;\nconsole.log(out);\n" },
      { name: 'a buffer declared inside the loop, written per iteration', code: "import fs from 'fs';\nfor (const l of fs.readFileSync('in.log', 'utf8').split('\\n')) {\n  let line = '';\n  line += l;\n  fs.appendFileSync('o', line);\n}\n" },
    ],
    invalid: [
      {
        name: 'the lines of a file read whole, rebuilt into one string and written once',
        code: "import fs from 'fs';\nconst lines = fs.readFileSync('in.log', 'utf8').split('\\n');\nlet out = '';\nfor (const l of lines) {\n  out += l.toUpperCase() + '\\n';\n}\nfs.writeFileSync('out.log', out);\n",
        ranges: ["out += l.toUpperCase() + '\\n'"],
        messageIds: ['builtWhole'],
        at: [4, 2],
        message: /^`out` is built with \+= inside a loop and written out in one piece.* Data: file lines at line 2\.$/,
      },
      {
        name: 'a forEach callback over a parsed JSON document',
        code: "const rows = JSON.parse(require('fs').readFileSync('rows.json', 'utf8'));\nlet csv = '';\nrows.forEach((r) => {\n  csv += `${r.id},${r.total}\\n`;\n});\nprocess.stdout.write(csv);\n",
        ranges: ['csv += `${r.id},${r.total}\\n`'],
        messageIds: ['builtWhole'],
        at: [3, 2],
        message: /Data: the document parsed from the file read at line 1\.$/,
      },
    ],
  });
});

// The fifth blind holdout: the output reaches the write inside a `+` or a template, or is returned to a caller
// that writes it (a class method, followed through its in-file call sites); a string may start as `'a' + b`.
const LISTING = "import fs from 'fs';\nconst names = fs.readdirSync('.');\n";

describe('MW451 string-concat-in-loop: flows found by the fifth holdout', () => {
  ruleTester('MW451', {
    valid: [
      { name: 'returned to a caller that only measures it', code: LISTING + "function build() {\n  let out = '';\n  for (const n of names) out += n + '\\n';\n  return out;\n}\nconst size = build().length;\nconsole.log(size);\n" },
      { name: 'a parameter every call site fills with a literal list (bounded)', code: "import fs from 'fs';\nfunction render(rows: string[]) {\n  let out = '';\n  for (const r of rows) out += r + '\\n';\n  return out;\n}\nfs.writeFileSync('r.txt', render(['a', 'b']));\n" },
      { name: 'a piece written per iteration inside a +', code: LISTING + "let out = 'x';\nfor (const n of names) {\n  out += n;\n}\nfor (const n of names) console.log(n + out.length);\n" },
    ],
    invalid: [
      {
        name: 'written as console.log(report + footer)',
        code: LISTING + "let report = `${names.length} entries\\n`;\nfor (const n of names) {\n  report += `${n}\\n`;\n}\nconsole.log(report + 'done');\n",
        ranges: ['report += `${n}\\n`'],
        messageIds: ['builtWhole'],
        at: [4, 2],
      },
      {
        name: 'a Set filled per readline line, copied, sorted and handed to a method (its parameter sized from the call site)',
        code: "import fs from 'fs';\nimport readline from 'readline';\nclass Pivot {\n  render(regions: Iterable<string>): string {\n    let out = 'region\\n';\n    for (const r of regions) out += r + '\\n';\n    return out;\n  }\n}\nasync function load(file: string) {\n  const regions = new Set<string>();\n  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) regions.add(line.split('\\t')[1]);\n  return regions;\n}\nconst regions = await load('in.tsv');\nfs.writeFileSync('out.tsv', new Pivot().render([...regions].sort()));\n",
        ranges: ["out += r + '\\n'"],
        messageIds: ['builtWhole'],
        at: [5, 29],
        message: /Data: `regions`, filled from/,
      },
      {
        name: 'started as a + and returned from a method to writeFileSync',
        code: LISTING + "class Report {\n  render(rows: string[]): string {\n    let out = 'name\\t' + rows.length + '\\n';\n    for (const r of rows) out += r + '\\n';\n    return out;\n  }\n}\nconst report = new Report();\nfs.writeFileSync('r.tsv', report.render(names));\n",
        ranges: ["out += r + '\\n'"],
        messageIds: ['builtWhole'],
        at: [5, 26],
        message: /Data: a directory listing\.$/,
      },
    ],
  });
});

// The seventh blind holdout's g03_invoice_export.js (a tuning set since): the caller keeps the awaited result in
// a const before writing it.
describe('MW451 string-concat-in-loop: a returned string kept in a const by the caller', () => {
  ruleTester('MW451', {
    valid: [
      {
        name: 'the kept string is only measured, never written whole',
        code: LISTING + "async function render(rows: string[]) {\n  let out = '';\n  for (const r of rows) out += r + '\\n';\n  return out;\n}\nconst text = await render(names);\nconsole.log(text.length);\n",
      },
    ],
    invalid: [
      {
        name: 'awaited into a const, then written with writeFileSync',
        code: LISTING + "async function render(rows: string[]) {\n  let out = '';\n  for (const r of rows) out += r + '\\n';\n  return out;\n}\nconst text = await render(names);\nfs.writeFileSync('out.txt', text);\n",
        ranges: ["out += r + '\\n'"],
        messageIds: ['builtWhole'],
        at: [4, 24],
      },
    ],
  });
});

// Public code (realrepos10, shashanks-06/NodeJS): a request body collected with `+=` is rebound to the parsed
// object, which is logged. A rebinding ends the string's life: uses after it are not writes of the output. And a
// `let` never written after its literal initialiser sizes a loop like a `const` (Eloquent JavaScript's
// chessboard). The valid cases fail on 518ada3; the invalid ones are look-alikes that keep reporting.
const SERVER = "const http = require('http');\nhttp.createServer((req, res) => {\n  let body = '';\n  req.on('data', (chunk) => {\n    body += chunk;\n  });\n  req.on('end', () => {\n";
describe('MW451 string-concat-in-loop: rebinding ends the string, fixed lets', () => {
  ruleTester('MW451', {
    valid: [
      { name: 'a request body rebound to JSON.parse of it, then logged', path: 'server.js', code: SERVER + '    body = JSON.parse(body);\n    console.log(body);\n    res.end("ok");\n  });\n}).listen(8080);\n' },
      { name: 'rebound to any other value before the write', code: LISTING + "let out = '';\nfor (const n of names) out += n + '\\n';\nout = String(names.length);\nconsole.log(out);\n" },
      { name: 'a loop bound by a let never reassigned (a constant)', path: 'board.js', code: "let size = 8;\nlet board = '';\nfor (let y = 0; y < size; y++) {\n  for (let x = 0; x < size; x++) board += (x + y) % 2 ? '#' : ' ';\n  board += '\\n';\n}\nconsole.log(board);\n" },
    ],
    invalid: [
      {
        name: 'rebound only on one branch, then logged',
        path: 'server.js',
        code: SERVER + '    if (req.headers["content-type"] === "application/json") body = JSON.parse(body);\n    console.log(body);\n  });\n}).listen(8080);\n',
        ranges: ['body += chunk'],
        messageIds: ['builtWhole'],
        at: [4, 4],
      },
      {
        name: 'rebound to a trimmed copy of the same text, then written',
        code: LISTING + "let out = '';\nfor (const n of names) out += n + ',';\nout = out.slice(0, -1);\nfs.writeFileSync('o.csv', out);\n",
        ranges: ["out += n + ','"],
        messageIds: ['builtWhole'],
        at: [3, 23],
      },
      {
        name: 'set again before the loop that grows it, then written',
        code: LISTING + "let out = '';\nout = 'name\\n';\nfor (const n of names) out += n + '\\n';\nconsole.log(out);\n",
        ranges: ["out += n + '\\n'"],
        messageIds: ['builtWhole'],
        at: [4, 23],
      },
      {
        name: 'a let bound that is reassigned stays unknown (information)',
        path: 'board.js',
        code: "let size = 8;\nif (process.argv[2]) size = Number(process.argv[2]);\nlet board = '';\nfor (let y = 0; y < size; y++) board += '#\\n';\nconsole.log(board);\n",
        ranges: ["board += '#\\n'"],
        messageIds: ['builtWhole'],
        at: [3, 31],
        message: /`size` is only known at run time/,
      },
    ],
  });
});

// Round 13 (realrepos13js, an Advent-of-Code hash search): the loop runs until the string is 8 characters long.
describe('MW451 string-concat-in-loop: a loop that stops at a fixed length of the string', () => {
  const SEARCH = (test: string) => `import { createHash } from 'crypto';
const door = process.argv[2];
let code = '';
let i = 0;
while (${test}) {
  const h = createHash('md5').update(door + i++).digest('hex');
  if (h.startsWith('00000')) code += h[5];
}
console.log(code);
`;
  ruleTester('MW451', {
    valid: [
      { name: 'while (code.length < 8)', code: SEARCH('code.length < 8') },
      { name: 'a const cap joined with another condition (i < 1e9 && code.length <= LEN)', code: `const LEN = 8;
${SEARCH('i < 1e9 && code.length <= LEN')}` },
    ],
    invalid: [
      {
        name: 'a cap read from the command line: the loop cannot be sized (information)',
        code: SEARCH('code.length < Number(process.argv[3])'),
        ranges: ['code += h[5]'], messageIds: ['builtWhole'], at: [6, 29],
        message: /the while loop at line 5 runs a number of times set at run time/,
      },
      {
        name: 'the length of another string caps nothing',
        code: SEARCH("door.length < 8"),
        ranges: ['code += h[5]'], messageIds: ['builtWhole'], at: [6, 29],
        message: /runs a number of times set at run time/,
      },
    ],
  });
});
