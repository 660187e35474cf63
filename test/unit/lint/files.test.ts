import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectFiles } from '../../../extension/src/core/lint/files';

describe('lint file discovery', () => {
  it('recurses, honours nested .gitignore files and skips default folders', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-files-'));
    const files = ['a.py', 'b.ts', 'c.txt', 'types.d.ts', 'gen/out.py', 'sub/keep.js', 'sub/skip.js', 'node_modules/x/i.js', '.venv/lib/v.py', '__pycache__/p.py', 'build/b.py', 'sub/deep/d.mjs', 'nb/.ipynb_checkpoints/a-checkpoint.ipynb', 'nb/a.ipynb'];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '');
    }
    fs.writeFileSync(path.join(root, '.gitignore'), 'gen/\n');
    fs.writeFileSync(path.join(root, 'sub', '.gitignore'), 'skip.js\n');
    const got = collectFiles(['.'], root).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepStrictEqual(got, ['a.py', 'b.ts', 'nb/a.ipynb', 'sub/deep/d.mjs', 'sub/keep.js']);
  });

  it('reports missing paths and keeps explicitly named files even if ignored', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-files-'));
    fs.writeFileSync(path.join(root, '.gitignore'), '*.py\n');
    fs.writeFileSync(path.join(root, 'x.py'), '');
    const r = collectFiles(['x.py', 'missing.py'], root);
    assert.deepStrictEqual(r.files, [path.join(root, 'x.py')]);
    assert.deepStrictEqual(r.errors, ['missing.py: no such file or directory']);
  });
});
