// Scripts without an extension (a Node CLI's `bin/tool`, a Python `scripts/run`) are linted by their `#!` line.
// Found by the round-12 JS/TS review of public code: mbostock/ndjson-cli's eight tools and the `bin/` entry
// points of node-bunyan, csv-parser and mapshaper were never linted, and naming one on the command line printed
// "not a Python or JavaScript/TypeScript file; skipped" followed by "All checks passed! (1 file linted)".
import * as assert from 'assert';
import * as path from 'path';
import { collectFiles } from '../../../extension/src/core/lint/files';
import { shebangLanguage } from '../../../extension/src/core/lint/languages';
import { runCli } from '../runCli';
import { tempTree } from '../tempTree';

const NODE_TOOL = "#!/usr/bin/env node\nconst fs = require('fs');\nlet total = 0;\nfor (const line of fs.readFileSync(process.argv[2], 'utf8').split('\\n')) {\n  total += line.split(',')[1];\n}\nconsole.log(total);\n";
const PY_TOOL = "#!/usr/bin/python3\nimport sys\nfor line in open(sys.argv[1]).readlines():\n    print(line.strip())\n";
const TS_TOOL = "#!/usr/bin/env -S npx tsx\nconst sizes: number[] = [];\nfor (const a of process.argv.slice(2)) sizes.push(a.length);\nconsole.log(sizes);\n";

const project = (files: Record<string, string>) => tempTree(files, 'memwise-scripts-');

describe('scripts without an extension, by their #! line', () => {
  it('names the interpreter, not its folder or arguments', () => {
    assert.strictEqual(shebangLanguage('#!/usr/bin/env node\n'), 'js');
    assert.strictEqual(shebangLanguage('#!/usr/bin/env -S node --max-old-space-size=4096\n'), 'js');
    assert.strictEqual(shebangLanguage('#!/usr/local/bin/node'), 'js');
    assert.strictEqual(shebangLanguage('#!/usr/bin/env -S npx tsx\n'), 'js');
    assert.strictEqual(shebangLanguage('#! /usr/bin/env python3\n'), 'python');
    assert.strictEqual(shebangLanguage('#!/usr/bin/python3.11 -u\n'), 'python');
    assert.strictEqual(shebangLanguage('#!/bin/bash\nnode x.js\n'), undefined);
    assert.strictEqual(shebangLanguage('#!/usr/bin/env bash\n'), undefined);
    assert.strictEqual(shebangLanguage('# node\n'), undefined);
  });

  it('are found when a folder is linted; shell scripts, Makefiles and dotted names are not', () => {
    const root = project({ 'bin/tool': NODE_TOOL, 'scripts/run': PY_TOOL, 'bin/deploy': '#!/bin/sh\necho hi\n', Makefile: 'all:\n\tnode x\n', LICENSE: 'MIT\n', 'notes.txt': '#!/usr/bin/env node\n', 'bin/empty': '' });
    const got = collectFiles(['.'], root).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepStrictEqual(got, ['bin/tool', 'scripts/run']);
  });

  it('are linted by the front end their interpreter names (a Node tool, a Python script, a tsx script)', async () => {
    const root = project({ 'bin/tool': NODE_TOOL, 'scripts/run': PY_TOOL, 'bin/check': TS_TOOL });
    const r = await runCli(['lint', '.', '--format', 'json'], root);
    const report = JSON.parse(r.out) as { findings: { file: string; line: number; rule: string }[]; notices: unknown[] };
    assert.deepStrictEqual(
      report.findings.map((f) => [f.file, f.line, f.rule]),
      [
        ['bin/tool', 5, 'MW151'],
        ['bin/tool', 4, 'MW351'],
        ['scripts/run', 3, 'MW301'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
    );
    assert.deepStrictEqual(report.notices, [], 'the TypeScript script run by tsx parses as TypeScript');
    const text = await runCli(['lint', '.'], root);
    assert.match(text.out, /\(3 files linted\)/);
  });

  it('a file named on the command line that is not code is counted as skipped, never as a clean lint', async () => {
    const root = project({ LICENSE: 'MIT\n', 'bin/tool': NODE_TOOL.replace("line.split(',')[1]", "Number(line.split(',')[1])") });
    const alone = await runCli(['lint', 'LICENSE'], root);
    assert.doesNotMatch(alone.out, /All checks passed/);
    assert.match(alone.out, /^Nothing linted: 1 file skipped \(see the messages above\)\.$/m);
    assert.match(alone.err, /LICENSE: not a Python or JavaScript\/TypeScript file/);
    const both = await runCli(['lint', 'LICENSE', 'bin/tool', '--select', 'MW151'], root);
    assert.match(both.out, /^All checks passed! \(1 file linted, 1 skipped\)$/m);
  });
});
