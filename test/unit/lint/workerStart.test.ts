// Workers the CLI starts while it walks the folders (lintRun.ts, workerPool.ts startWorkers): a folder with few
// files lints without them; one that failed while booting is replaced by a fresh worker.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintPaths } from '../../../extension/src/core/lint/lintRun';
import { lintInWorkers, startWorkers, useWorkerScript } from '../../../extension/src/core/lint/workerPool';
import { repoRoot } from '../runCli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('lint workers started during the walk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-early-'));
  });
  afterEach(() => {
    useWorkerScript(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a folder of a few files lints in this thread, with the same results as without workers', async () => {
    for (const name of ['a.py', 'b.py', 'c.py']) fs.copyFileSync(path.join(fixtures, 'incident.py'), path.join(dir, name));
    const cli = await lintPaths({ paths: ['.'], cwd: dir, lintOnThisThread: true });
    assert.strictEqual(cli.workers, 0);
    const plain = await lintPaths({ paths: ['.'], cwd: dir, workerThreshold: 0 });
    assert.deepStrictEqual(cli.results, plain.results);
    assert.ok(cli.results.every((r) => r.findings.length > 0));
  });

  it('a worker that failed while booting is not used: the run starts a fresh one and lints every file', async () => {
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('no bundle here');\n");
    useWorkerScript(broken);
    const started = startWorkers(1, [], dir);
    // Let it fail: its error is kept, not thrown at the caller.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    useWorkerScript(undefined);
    const files: string[] = [];
    for (let i = 0; i < 6; i++) {
      files.push(path.join(dir, `f${i}.py`));
      fs.copyFileSync(path.join(fixtures, 'incident.py'), files[i]);
    }
    const results = await lintInWorkers(files, [], 2, undefined, dir, undefined, started);
    assert.deepStrictEqual(results.map((r) => path.basename(r.path)), files.map((f) => path.basename(f)));
    for (const r of results) {
      assert.deepStrictEqual(r.notices.filter((n) => n.kind === 'internal'), [], `${r.path}: ${JSON.stringify(r.notices)}`);
      assert.ok(r.findings.length > 0);
    }
    assert.strictEqual(started.take(), undefined, 'the failed worker was dropped');
  });
});
