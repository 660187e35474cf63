// Suite entry loaded by the VS Code extension host (extensionTestsPath points at
// the compiled out/test/integration/index.js). The same entry serves the
// code-server browser run and the desktop @vscode/test-electron run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * Suites that need a special workbench carry a tag in their name and run only in that workbench:
 * `@untrusted` (workspace trust on, folder not trusted: `runCodeServer.mjs --untrusted`) and
 * `@multi-root` (a .code-workspace with two folders: `--multi-root`). Without --grep, the mode picks them.
 */
export const MODE_TAGS = ['@untrusted', '@multi-root'] as const;

function defaultGrep(): { grep: string; invert: boolean } {
  if (!vscode.workspace.isTrusted) return { grep: '@untrusted', invert: false };
  if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1) return { grep: '@multi-root', invert: false };
  return { grep: MODE_TAGS.join('|'), invert: true };
}

export function run(): Promise<void> {
  // The extension host forwards console.log arguments joined by commas, without printf
  // formatting, so the reporter's "%s passing" lines would arrive unformatted. Format first.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const explicit = process.env.MEMWISE_TEST_GREP; // --grep in the harness
  const { grep, invert } = explicit ? { grep: explicit, invert: false } : defaultGrep();
  console.log(`[memwise-test] workspace ${vscode.workspace.isTrusted ? 'trusted' : 'UNTRUSTED'}, ${vscode.workspace.workspaceFolders?.length ?? 0} folder(s); running tests ${invert ? 'not ' : ''}matching /${grep}/`);
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60000,
    color: false, // output is forwarded as plain text to the harness
    reporter: 'spec', // suite names and the final "N passing" line
    grep,
    invert,
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
