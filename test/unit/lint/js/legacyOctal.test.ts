// Legacy octal in sloppy-mode scripts (`'\033[1m'`, `010`) is valid Node, though TypeScript's parser rejects it
// everywhere. Found by the round-12 JS/TS review: bunyan's `bin/bunyan` got "Octal escape sequences are not
// allowed" and its colour function was skipped. A CommonJS script keeps every line and gets no notice; a module,
// an `.mjs`/`.ts` file or a "use strict" script keeps the notice, since there the literal is a real syntax error.
import * as assert from 'assert';
import { lint } from './jsLintHelpers';

// An MW151 bug on the line that holds the escape: it is found only when that line is parsed, not blanked.
const SCRIPT = "const fs = require('fs');\nlet total = 0;\nfor (const line of fs.readFileSync(process.argv[2], 'utf8').split('\\n')) {\n  total += line.split(',')[1]; console.log('\\033[1m' + total + '\\033[0m', 010);\n}\n";

describe('legacy octal literals in sloppy-mode scripts', () => {
  for (const file of ['tool.js', 'tool.cjs', 'bin/tool']) {
    it(`are accepted in ${file}: no notice, and the line holding them is linted`, async () => {
      const r = await lint(SCRIPT, file, 'MW151');
      assert.deepStrictEqual(r.notices, []);
      assert.deepStrictEqual(
        r.findings.map((f) => [f.rule, f.range.startLine, f.range.startColumn]),
        [['MW151', 3, 2]],
      );
    });
  }

  const strict: [string, string, string][] = [
    ['an .mjs module', 'tool.mjs', SCRIPT],
    ['a TypeScript file', 'tool.ts', SCRIPT],
    ['a script under "use strict"', 'tool.js', `'use strict';\n${SCRIPT}`],
    ['a .js file with an import', 'tool.js', `import path from 'path';\n${SCRIPT}`],
  ];
  for (const [what, file, code] of strict) {
    it(`stay a syntax error in ${what}: the notice names it and the line is skipped`, async () => {
      const r = await lint(code, file, 'MW151');
      assert.strictEqual(r.notices.length, 1);
      assert.match(r.notices[0].message, /Octal (escape sequences|literals) are not allowed\. .*Lines with syntax errors are skipped/);
      assert.deepStrictEqual(r.findings, []);
    });
  }
});
