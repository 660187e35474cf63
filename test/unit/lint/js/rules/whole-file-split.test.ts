// MW351 fires only where the whole file is provably used as one forward stream: one walk, no index other
// than the header line, no sort or other method that needs the array whole, not returned to an unknown
// caller, not printed whole, and not walked again per iteration of an outer loop.
import { ruleTester } from '../ruleTester';

const READ = "import fs from 'fs';\nconst lines = fs.readFileSync('big.log', 'utf8').split('\\n');\n";

describe('MW351 whole-file-split', () => {
  ruleTester('MW351', {
    valid: [
      { name: 'the last line is indexed', code: READ + 'console.log(lines[lines.length - 2]);\nfor (const l of lines) console.log(l);\n' },
      { name: 'a random line is indexed', code: READ + 'const i = Math.floor(Math.random() * 10);\nconsole.log(lines[i]);\n' },
      { name: 'sorted before the walk', code: READ + 'lines.sort();\nfor (const l of lines) console.log(l);\n' },
      { name: 'walked twice', code: READ + 'for (const l of lines) console.log(l);\nfor (const l of lines) console.log(l.length);\n' },
      { name: 'printed whole', code: READ + 'console.log(lines);\n' },
      { name: 'searched once per item of another list', code: READ + "for (const id of ['a', 'b']) console.log(lines.find((l) => l.startsWith(id)));\n" },
      { name: 'returned from an exported function (an unknown caller)', code: "import fs from 'fs';\nexport function load(p: string) {\n  return fs.readFileSync(p, 'utf8').split('\\n');\n}\n" },
    ],
    invalid: [
      {
        name: 'one for…of walk',
        code: READ + 'for (const l of lines) console.log(l.toUpperCase());\n',
        ranges: ["fs.readFileSync('big.log', 'utf8')"],
        messageIds: ['walkedOnce'],
        at: [1, 14],
        message: /holds the whole file in memory/,
      },
      {
        name: 'the header line, then one walk',
        code: READ + "const header = lines[0];\nfor (const l of lines.slice(1)) console.log(header, l);\n",
        ranges: ["fs.readFileSync('big.log', 'utf8')"],
        messageIds: ['walkedOnce'],
        at: [1, 14],
        message: /holds the whole file in memory/,
      },
      {
        name: 'one index walk bounded by lines.length',
        code: READ + 'for (let i = 0; i < lines.length; i++) console.log(lines[i]);\n',
        ranges: ["fs.readFileSync('big.log', 'utf8')"],
        messageIds: ['walkedOnce'],
        at: [1, 14],
        message: /holds the whole file in memory/,
      },
    ],
  });
});

// Flow classes the third blind holdout (test/fixtures/js-holdout3-*) found unfollowed: get-or-create Maps and
// object maps, [key, value] pairs, class instances and their methods' parameters, callbacks handed to local
// helpers, promise executors, recursive call sites, and the look-alikes that must stay silent.
describe('MW351 whole-file-split: flows found by the third holdout', () => {
  ruleTester('MW351', {
    valid: [
      { name: "one array walked again for every item of another list", path: 'flow.js', code: "const fs = require('fs');\nconst lines = fs.readFileSync('a.log', 'utf8').split('\\n');\nfor (const name of ['x', 'y']) {\n  for (const line of lines) console.log(name, line);\n}\n" },
    ],
    invalid: [
      {
        name: "a helper's file text, trimEnd() and split in a loop over files, each array walked once",
        path: 'flow.js',
        code: "const fs = require('fs');\nfunction readText(file) {\n  return fs.readFileSync(file, 'utf8');\n}\nfor (const name of fs.readdirSync('logs')) {\n  const lines = readText('logs/' + name).trimEnd().split('\\n');\n  for (const line of lines) console.log(line.length);\n}\n",
        ranges: ["fs.readFileSync(file, 'utf8')"],
        messageIds: ["walkedOnce"],
        at: [2, 9],
        message: /split into lines/,
      },
    ],
  });
});
