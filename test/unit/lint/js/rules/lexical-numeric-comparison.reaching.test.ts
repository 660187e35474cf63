// MW152, round 12 of the public-code review (JS/TS): a variable converted in place (`at = +at`) is a number at
// every read after the conversion, also inside a callback created after it. The valid case was reported on the
// engine before the fix; the invalid look-alike converts into another name, so the text is still compared.
import { ruleTester } from '../ruleTester';

describe("MW152 lexical-numeric-comparison: conversions in place (round 12)", () => {
  ruleTester("MW152", {
    valid: [
      { name: "a split field rebound with unary plus before the callback that compares it", code: "import { readFileSync } from 'fs';\nexport function firstBus(path: string) {\n  let [at, ids] = readFileSync(path, 'utf8').split('\\n');\n  at = +at;\n  return ids.split(',').map((id) => {\n    let t = 0;\n    while (t < at) t += Number(id);\n    return t;\n  });\n}\n" },
    ],
    invalid: [
      {
        name: "converted into another name: the compared variable still holds the text",
        code: "import { readFileSync } from 'fs';\nexport function firstBus(path: string) {\n  let [at, ids] = readFileSync(path, 'utf8').split('\\n');\n  const start = +at;\n  return ids.split(',').map((id) => {\n    let t = 0;\n    while (t < at) t += Number(id);\n    return t + start;\n  });\n}\n",
        ranges: ["t < at"], messageIds: ["textVersusNumber"], at: [6, 11],
        message: /^`at` is text/,
        output: "import { readFileSync } from 'fs';\nexport function firstBus(path: string) {\n  let [at, ids] = readFileSync(path, 'utf8').split('\\n');\n  const start = +at;\n  return ids.split(',').map((id) => {\n    let t = 0;\n    while (t < Number(at)) t += Number(id);\n    return t + start;\n  });\n}\n",
      },
    ],
  });
});

// Round 13 (realrepos13js): regex groups mapped by index, `(v, i) => (i === 0 ? v : parseInt(v))`, then
// compared with a loop counter: numbers after the whole match.
describe('MW152 lexical-numeric-comparison: elements a map callback picks by index', () => {
  const code = (mapper: string) => `import { readFileSync } from 'fs';\nconst re = /^(\\d+)x(\\d+)$/;\nfor (const cut of readFileSync('input.txt', 'utf8').split('\\n')) {\n  const [line, width, height] = Array.from(re.exec(cut)!).map(${mapper});\n  for (let w = 0; w < width; w++) console.log(line, w, height);\n}\n`;
  ruleTester('MW152', {
    valid: [{ name: 'groups converted by index', code: code('(v, i) => (i === 0 ? v : parseInt(v))') }],
    invalid: [
      {
        name: 'an index test whose branches are both text: still text',
        code: code('(v, i) => (i === 0 ? v : v.trim())'),
        ranges: ['w < width'], messageIds: ['textVersusNumber'], at: [4, 18],
        message: /^`width` is text/,
        output: code('(v, i) => (i === 0 ? v : v.trim())').replace('w < width', 'w < Number(width)'),
      },
    ],
  });
});
