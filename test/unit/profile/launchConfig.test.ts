// launch.json configurations → the arguments, cwd and env "Profile this script" uses (issue 16).
import * as assert from 'assert';
import { formatArgs, launchChoicesFor, readsArguments, splitArgs, substituteVariables } from '../../../extension/src/core/profile/launchConfig';

const ctx = { workspaceFolder: '/w/proj', file: '/w/proj/etl/run.py', env: { DATA: '/data' }, userHome: '/home/u' };

describe('launch.json configurations for a script', () => {
  it('keeps only launch configurations (debugpy/python/node) whose program is the script', () => {
    const configs = [
      { name: 'Current file', type: 'debugpy', request: 'launch', program: '${file}', args: ['x'] },
      { name: 'ETL', type: 'debugpy', request: 'launch', program: '${workspaceFolder}/etl/run.py', args: ['--in', '${env:DATA}/a.csv', '${fileBasenameNoExtension}'], cwd: '${workspaceFolder}/etl', env: { MODE: 'sample', N: 3 } },
      { name: 'ETL relative', type: 'python', program: './etl/../etl/run.py', args: '--rows 10 "two words"' },
      { name: 'Attach', type: 'debugpy', request: 'attach', program: '${workspaceFolder}/etl/run.py' },
      { name: 'Other', type: 'node', request: 'launch', program: '${workspaceFolder}/etl/other.js' },
      { name: 'Chrome', type: 'chrome', request: 'launch', program: '${workspaceFolder}/etl/run.py' },
      'garbage',
      null,
    ];
    const got = launchChoicesFor('/w/proj/etl/run.py', configs, ctx);
    assert.deepStrictEqual(
      got.map((c) => [c.name, c.args, c.cwd, c.env]),
      [
        ['ETL', ['--in', '/data/a.csv', 'run'], '/w/proj/etl', { MODE: 'sample', N: '3' }],
        ['ETL relative', ['--rows', '10', 'two words'], undefined, undefined],
      ],
    );
    assert.deepStrictEqual(launchChoicesFor('/w/proj/etl/run.py', undefined, ctx), []);
    assert.deepStrictEqual(launchChoicesFor('/w/proj/etl/run.py', { configurations: [] }, ctx), []);
  });

  it('node configurations match JavaScript scripts', () => {
    const got = launchChoicesFor('/w/proj/etl/other.js', [{ name: 'Other', type: 'node', request: 'launch', program: '${workspaceFolder}/etl/other.js', args: ['--fast'] }], { ...ctx, file: '/w/proj/etl/other.js' });
    assert.deepStrictEqual(got.map((c) => c.args), [['--fast']]);
  });

  it('substitutes the variables that exist outside a debug session and lists the others', () => {
    const unresolved: string[] = [];
    assert.strictEqual(substituteVariables('${workspaceFolderBasename}|${relativeFile}|${fileDirname}|${userHome}|${env:NOPE}|${input:size}', ctx, unresolved), 'proj|etl/run.py|/w/proj/etl|/home/u||${input:size}');
    assert.deepStrictEqual(unresolved, ['${input:size}']);
  });

  it('splits and formats argument lines like a shell, round trip', () => {
    assert.deepStrictEqual(splitArgs(`a "b c" 'd e' f\\ g "h\\"i" ''`), ['a', 'b c', 'd e', 'f g', 'h"i', '']);
    for (const args of [['--rows', '10'], ['two words', "it's", '', '$HOME', 'a"b']]) assert.deepStrictEqual(splitArgs(formatArgs(args)), args);
  });

  it('knows which scripts read their command line', () => {
    for (const yes of ['import sys\nn = int(sys.argv[1])', 'import argparse', 'from sys import argv', 'import click', 'const n = process.argv[2];', "import { parseArgs } from 'node:util';", "require('yargs')"]) assert.ok(readsArguments(yes), yes);
    for (const no of ['import sys\nsys.exit(1)', 'print("argv")', 'const x = require("fs");']) assert.ok(!readsArguments(no), no);
  });
});
