// The CLI as users install it (issue 16: `npm pack` gave no installable CLI). A copy of the working tree
// is packed with the real `npm pack` (its `prepack` builds the CLI), the tarball is installed with
// `npm install --global` into a temporary prefix, and the installed `memwise` bin lints and profiles.
// Then the composite GitHub Action's own `run` steps (action.yml) are run locally with bash, the way the
// runner would: install from the tarball, lint to SARIF, profile under a budget.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../runCli';

interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

const { load } = require('js-yaml') as { load(text: string): unknown };
const lintFixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('the installable CLI and the GitHub Action', function () {
  this.timeout(180000);
  let tmp: string;
  let tarball: string;
  let prefix: string;
  let src: string;
  const env = () => ({ ...process.env, npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-pack-'));
    prefix = path.join(tmp, 'prefix');
    // The working tree as a fresh clone would have it (tracked and new files, nothing ignored), with the
    // installed node_modules linked in so prepack can build offline.
    src = path.join(tmp, 'src');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      if (!fs.existsSync(path.join(repoRoot, f))) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, f), path.join(src, f));
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(src, 'node_modules'), 'dir');
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: src, encoding: 'utf8', env: process.env });
    assert.strictEqual(pack.status, 0, `npm pack failed: ${pack.stderr}`);
    // prepack's build log comes first on stdout; the JSON report is the array after it.
    const info = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[\s*\{/m))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(tmp, info[0].filename);
    packed = info[0].files.map((f) => f.path);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let packed: string[] = [];

  it('npm pack builds the CLI (prepack) and ships only what it runs', () => {
    for (const f of ['dist/cli.js', 'dist/cliMain.js', 'dist/jsParser.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'dist/python/memwise_helper.py', 'dist/python/memwise_sampler.py', 'dist/node/memwise_preload.cjs', 'dist/webview.js', 'package.json', 'README.md']) {
      assert.ok(packed.includes(f), `${f} is in the package: ${packed.join(', ')}`);
    }
    const stray = packed.filter((f) => /__pycache__|\.pyc$|\.map$|\.cache$|^extension\/|^test\/|^out\/|dist\/extension\.js/.test(f));
    assert.deepStrictEqual(stray, []);
  });

  it('npm install --global <tarball> gives a working memwise bin', () => {
    const inst = spawnSync('npm', ['install', '--global', tarball], { encoding: 'utf8', env: env() });
    assert.strictEqual(inst.status, 0, inst.stderr);
    const bin = path.join(prefix, 'bin', 'memwise');
    assert.ok(fs.existsSync(bin), `${bin} exists`);
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.strictEqual(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    const lint = spawnSync(bin, ['lint', 'incident.py'], { cwd: lintFixtures, encoding: 'utf8' });
    assert.strictEqual(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /incident\.py:9:18: MW101 /);
    const work = fs.mkdtempSync(path.join(tmp, 'work-'));
    fs.writeFileSync(path.join(work, 'grow.py'), 'data = bytearray(30 * 1024 * 1024)\nprint("ok")\n');
    const prof = spawnSync(bin, ['profile', 'grow.py', '--no-save', '--budget', '1GB'], { cwd: work, encoding: 'utf8' });
    assert.strictEqual(prof.status, 0, prof.stderr);
    assert.match(prof.stdout, /peak +[\d.]+ MiB/);
  });

  it('the .vsix holds what the extension runs and what its README shows, and no bytecode cache', () => {
    // A developer's tree has one after any profile: the helper caches the sampler's bytecode beside it.
    const cache = path.join(src, 'dist', 'python', '__pycache__');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'memwise_sampler.cpython-311.pyc'), 'stale');
    const vsix = path.join(tmp, 'memwise.vsix');
    const pkg = spawnSync(path.join(src, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { cwd: src, encoding: 'utf8' });
    assert.strictEqual(pkg.status, 0, pkg.stderr + pkg.stdout);
    const list = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
    assert.strictEqual(list.status, 0, list.stderr);
    const entries = list.stdout.split('\n').filter(Boolean).map((e) => e.replace(/^extension\//, ''));
    for (const f of ['dist/extension.js', 'dist/cli.js', 'dist/cliMain.js', 'dist/webview.js', 'dist/python/memwise_helper.py', 'dist/python/memwise_sampler.py', 'dist/node/memwise_preload.cjs', 'dist/tree-sitter-python.wasm', 'docs/rules.md']) {
      assert.ok(entries.includes(f), `${f} is in the .vsix`);
    }
    assert.deepStrictEqual(entries.filter((e) => /__pycache__|\.pyc$|^test\/|^out\/|node_modules\//.test(e)), []);
    // Every relative image or link the README shows resolves inside the package.
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
    assert.ok(images.length > 0, 'the README shows an image');
    for (const img of images) assert.ok(entries.includes(img), `README image ${img} is in the .vsix`);
  });

  it('action.yml: its steps install, lint to SARIF and gate the peak, run locally', () => {
    const action = load(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string; steps: ActionStep[] } };
    assert.strictEqual(action.runs.using, 'composite');
    const work = fs.mkdtempSync(path.join(tmp, 'action-'));
    fs.copyFileSync(path.join(lintFixtures, 'incident.py'), path.join(work, 'incident.py'));
    fs.writeFileSync(path.join(work, 'job.py'), 'import sys\ndata = bytearray(int(sys.argv[1]) * 1024 * 1024)\nprint("held", len(data))\n');
    const runAction = (inputs: Record<string, string>) => {
      const results: { name: string; status: number | null; stderr: string; outputs: string }[] = [];
      for (const step of action.runs.steps) {
        if (step.if && !evalIf(step.if, inputs)) continue;
        if (step.uses) {
          assert.match(step.uses, /^github\/codeql-action\/upload-sarif@v\d/, 'the only action used is the SARIF upload');
          continue;
        }
        assert.strictEqual(step.shell, 'bash');
        const output = path.join(work, `out-${results.length}`);
        fs.writeFileSync(output, '');
        const stepEnv: NodeJS.ProcessEnv = { ...env(), GITHUB_OUTPUT: output };
        for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = expand(v, inputs);
        const cwd = path.resolve(work, expand(step['working-directory'] ?? '.', inputs));
        // What `shell: bash` runs on GitHub's runners: bash --noprofile --norc -eo pipefail {0}.
        const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env: stepEnv, encoding: 'utf8' });
        results.push({ name: step.name, status: r.status, stderr: r.stderr + r.stdout, outputs: fs.readFileSync(output, 'utf8') });
        if (r.status !== 0) break;
      }
      return results;
    };
    const base = { paths: '.', 'sarif-file': 'memwise.sarif', 'upload-sarif': 'true', 'profile-args': '', budget: '', 'working-directory': '.', 'memwise-package': tarball };

    const ok = runAction({ ...base, 'profile-script': 'job.py', 'profile-args': '20', budget: '500MB' });
    assert.deepStrictEqual(ok.map((s) => [s.name, s.status]), [['Install Memwise', 0], ['Lint (SARIF)', 0], ['Memory budget', 0]], JSON.stringify(ok, null, 1));
    assert.match(ok[1].outputs, /findings=true/);
    const sarif = JSON.parse(fs.readFileSync(path.join(work, 'memwise.sarif'), 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'MW101'));
    assert.ok(fs.existsSync(path.join(work, 'memwise-profile.html')));

    const over = runAction({ ...base, 'profile-script': 'job.py', 'profile-args': '200', budget: '50MB' });
    assert.deepStrictEqual(over.map((s) => s.status), [0, 0, 3], 'over the budget: the budget step fails with exit 3');
    assert.match(over[2].stderr, /exceeds the budget/);

    const skipped = runAction({ ...base, 'profile-script': '', paths: 'incident.py' });
    assert.deepStrictEqual(skipped.map((s) => s.name), ['Install Memwise', 'Lint (SARIF)'], 'no profile-script: no budget step');

    const typo = runAction({ ...base, 'profile-script': '', paths: '--select MW7 .' });
    assert.strictEqual(typo[1].status, 2, 'a usage error in lint fails the step');
  });
});

/** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner expands them (this is all action.yml uses). */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return repoRoot;
    if (expr.startsWith('inputs.')) return inputs[expr.slice('inputs.'.length)] ?? '';
    throw new Error(`action.yml uses \${{ ${expr} }}, which this test does not know`);
  });
}

/** The `if:` forms action.yml uses: `inputs.x == 'v'` and `inputs.x != 'v'`. */
function evalIf(cond: string, inputs: Record<string, string>): boolean {
  const m = /^inputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'$/.exec(cond.trim());
  if (!m) throw new Error(`action.yml has an if: this test does not know: ${cond}`);
  return m[2] === '==' ? inputs[m[1]] === m[3] : inputs[m[1]] !== m[3];
}
