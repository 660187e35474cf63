// MW151, continued (the first file is full): flow classes found by an adversarial audit of multi-function
// programs, each invalid case missed by the engine before its fix, each valid case a converted look-alike.
import { ruleTester } from '../ruleTester';

describe('MW151 concatenated-numeric-text: flows found by the flow-class audit', () => {
  ruleTester('MW151', {
    valid: [
      { name: "iterating an array literal of tuples whose data parts are converted", code: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [Number(f[1]), Number(f[2])]]) sum += a;\n  console.log(sum);\n}\n" },
    ],
    invalid: [
      {
        name: "iterating an array literal whose first tuple holds numbers and a later one split text: every element is joined, not the first one's fact",
        code: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [f[1], f[2]]]) sum += a;\n  console.log(sum);\n}\n",
        ranges: ["sum += a"], messageIds: ["textIntoRunningNumber"], at: [4, 44],
        message: /^`a` is text/,
        output: "import { readFileSync } from 'fs';\nfor (const line of readFileSync('p.txt', 'utf8').split('\\n')) {\n  const f = line.split(',');\n  let sum = 0;\n  for (const [a] of [[1, 2], [f[1], f[2]]]) sum += Number(a);\n  console.log(sum);\n}\n",
      },
    ],
  });
});
