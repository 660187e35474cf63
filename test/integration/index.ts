// Suite entry loaded by the VS Code extension host (extensionTestsPath points at
// the compiled out/test/integration/index.js). The same entry serves the
// code-server browser run and the desktop @vscode/test-electron run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The extension host forwards console.log arguments joined by commas, without printf
  // formatting, so the reporter's "%s passing" lines would arrive unformatted. Format first.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60000,
    color: false, // output is forwarded as plain text to the harness
    reporter: 'spec', // suite names and the final "N passing" line
    grep: process.env.MEMWISE_TEST_GREP || undefined, // --grep in the harness
  });

  // This file compiles to out/test/integration/index.js; the tests to suite/*.test.js beside it.
  const suiteDir = path.join(__dirname, 'suite');
  const files = (fs.readdirSync(suiteDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(suiteDir, f));

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
