import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// The core is shared by the CLI, the unit tests and the extension; importing `vscode` there would break
// the first two. Read the sources (not the transpiled output) so type-only imports are caught too.
const repo = path.resolve(__dirname, '..', '..', '..');
const coreDir = path.join(repo, 'extension', 'src', 'core');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

export function importsVscode(text: string): boolean {
  return /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]vscode['"]/.test(text);
}

describe('core/ stays free of the editor', () => {
  it('detects the import forms it guards against', () => {
    assert.ok(importsVscode(`import * as vscode from 'vscode';`));
    assert.ok(importsVscode(`import type { Uri } from "vscode";`));
    assert.ok(importsVscode(`const v = require('vscode');`));
    assert.ok(importsVscode(`await import('vscode')`));
    assert.ok(!importsVscode(`import * as path from 'path'; // not vscode-languageserver`));
  });

  it('no file under extension/src/core imports vscode', () => {
    const files = sources(coreDir);
    assert.ok(files.length > 0, `no sources found under ${coreDir}`);
    const offenders = files.filter((f) => importsVscode(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders.map((f) => path.relative(repo, f)), []);
  });
});
