// `memwise lint` / `memwise rule` end to end: exit codes, diff mode on a real temporary git
// repository, worker threads, and the commands docs/ci.md tells users to run.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintPaths } from '../../../extension/src/core/lint/lintRun';
import { lintInWorkers } from '../../../extension/src/core/lint/workerPool';
import { repoRoot, runCli } from '../runCli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Memwise Test', '-c', 'user.email=test@memwise.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('memwise lint: exit codes', () => {
  it('0 when clean, 1 with findings, 2 for a missing path or a bad option', async () => {
    assert.strictEqual((await runCli(['lint', 'clean.py'], fixtures)).code, 0);
    const found = await runCli(['lint', 'incident.py'], fixtures);
    assert.strictEqual(found.code, 1);
    assert.match(found.out, /^incident\.py:9:18: MW101 /m);
    assert.match(found.out, /Found \d+ findings? in 1 file/);
    const missing = await runCli(['lint', 'nope.py'], fixtures);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /nope\.py: no such file or directory/);
    const badFormat = await runCli(['lint', '--format', 'xml'], fixtures);
    assert.strictEqual(badFormat.code, 2);
    assert.match(badFormat.err, /unknown --format "xml"; use one of text, json, sarif, github, markdown/);
    const badFlag = await runCli(['lint', '--frobnicate'], fixtures);
    assert.strictEqual(badFlag.code, 2);
  });

  it('--select/--ignore filter by prefix; --output writes the report to a file', async () => {
    const onlyWholeFile = await runCli(['lint', '--format', 'json', '--select', 'MW3', '.'], fixtures);
    const rules = JSON.parse(onlyWholeFile.out).findings.map((f: { rule: string }) => f.rule);
    assert.ok(rules.length > 0 && rules.every((r: string) => r.startsWith('MW3')), rules.join());
    const ignored = await runCli(['lint', '--ignore', 'MW1,MW2', 'incident.py'], fixtures);
    assert.strictEqual(ignored.code, 0, ignored.out);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-out-')), 'nested', 'r.sarif');
    const written = await runCli(['lint', '--format', 'sarif', '--output', out, 'incident.py'], fixtures);
    assert.strictEqual(written.code, 1);
    assert.strictEqual(written.out, '');
    assert.strictEqual(JSON.parse(fs.readFileSync(out, 'utf8')).version, '2.1.0');
  });

  it('config problems are reported once, clearly, and linting continues', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-badcfg-'));
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.memwise]\nseverity = { MW101 = "loud" }\n');
    fs.copyFileSync(path.join(fixtures, 'incident.py'), path.join(dir, 'a.py'));
    fs.copyFileSync(path.join(fixtures, 'incident.py'), path.join(dir, 'b.py'));
    const r = await runCli(['lint', '.'], dir);
    assert.strictEqual(r.code, 1);
    const lines = r.err.split('\n').filter((l) => l.includes("severity.MW101: expected one of error|warning|info|hint, got 'loud'"));
    assert.strictEqual(lines.length, 1, r.err);
    assert.ok(lines[0].includes(path.join(dir, 'pyproject.toml')));
  });

  it('lints many files through worker threads with the same results as in-process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-many-'));
    for (let i = 0; i < 70; i++) fs.copyFileSync(path.join(fixtures, i % 2 ? 'incident.py' : 'clean.py'), path.join(dir, `f${String(i).padStart(2, '0')}.py`));
    const r = await runCli(['lint', '--format', 'json', '.'], dir);
    assert.strictEqual(r.code, 1, r.err);
    const doc = JSON.parse(r.out);
    const single = JSON.parse((await runCli(['lint', '--format', 'json', 'f01.py'], dir)).out).findings.length;
    assert.strictEqual(doc.findings.length, 35 * single);
    assert.strictEqual(new Set(doc.findings.map((f: { file: string }) => f.file)).size, 35);
    const run = await lintPaths({ paths: ['.'], cwd: dir });
    if (os.availableParallelism() > 1) assert.ok(run.workers > 1, `expected worker threads, ran with ${run.workers}`);
    assert.strictEqual(run.results.length, 70);
    assert.ok(run.results.every((x, i) => path.basename(x.path) === `f${String(i).padStart(2, '0')}.py`), 'results keep the input order');
    // The CLI's way: this thread lints the small end of the queue beside the workers; the same results, in order.
    const shared = await lintPaths({ paths: ['.'], cwd: dir, lintOnThisThread: true });
    assert.deepStrictEqual(shared.results, run.results);
    // A lint that throws in this thread costs only its file (an internal notice), like a crashed worker.
    const files = run.results.map((x) => x.path);
    const failing = await lintInWorkers(files, [], 2, undefined, dir, async () => {
      throw new Error('boom');
    });
    const failed = failing.filter((x) => x.notices.some((n) => n.kind === 'internal' && n.message.includes('linting it failed (boom)')));
    assert.ok(failed.length > 0 && failed.length < files.length, `${failed.length} of ${files.length} failed`);
    for (const x of failing) if (!failed.includes(x)) assert.deepStrictEqual(x, run.results[files.indexOf(x.path)]);
  });
});

describe('memwise lint --diff', () => {
  it('keeps findings on added or changed lines and drops those on unchanged lines (real git)', async function () {
    this.timeout(20000);
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-diff-'));
    git(repo, 'init', '-q');
    const incident = fs.readFileSync(path.join(fixtures, 'incident.py'), 'utf8');
    fs.writeFileSync(path.join(repo, 'old.py'), incident);
    fs.writeFileSync(path.join(repo, 'changed.py'), 'print("hello")\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    // changed.py gains the incident (new lines); old.py is untouched; new.py is untracked.
    fs.writeFileSync(path.join(repo, 'changed.py'), 'print("hello")\n' + incident);
    git(repo, 'commit', '-q', '-am', 'add incident');
    fs.writeFileSync(path.join(repo, 'new.py'), incident);

    const all = JSON.parse((await runCli(['lint', '--format', 'json', '.'], repo)).out).findings;
    assert.ok(all.some((f: { file: string }) => f.file === 'old.py'));
    const r = await runCli(['lint', '--format', 'json', '--diff', '.'], repo);
    assert.strictEqual(r.code, 1, r.err);
    const files = new Set(JSON.parse(r.out).findings.map((f: { file: string }) => f.file));
    assert.deepStrictEqual([...files].sort(), ['changed.py', 'new.py']);

    // Only one changed line: the finding on it stays, the others on unchanged lines go.
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'more');
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(repo, 'old.py'), incident.replace('rows = [(row[0], row[1] * 1000) for row in rows]', 'rows = [(row[0], row[1] * 100) for row in rows]'));
    const one = JSON.parse((await runCli(['lint', '--format', 'json', `--diff=${base}`], repo)).out).findings;
    assert.deepStrictEqual(one.map((f: { file: string; line: number }) => `${f.file}:${f.line}`), ['old.py:9']);
  });

  it('says clearly when it is not in a git repository or the base is unknown', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-nogit-'));
    fs.writeFileSync(path.join(dir, 'a.py'), 'x = 1\n');
    const r = await runCli(['lint', '--diff'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--diff: .* is not inside a git repository/);
    git(dir, 'init', '-q');
    const bad = await runCli(['lint', '--diff=no-such-branch'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /unknown git revision 'no-such-branch'/);
  });
});

describe('memwise rule', () => {
  it('prints a rule\'s doc, lists rules, and exits 2 for an unknown code', async () => {
    const one = await runCli(['rule', 'MW101'], fixtures);
    assert.strictEqual(one.code, 0);
    assert.match(one.out, /^MW101 /);
    for (const h of ['What it does:', 'Why is this bad?', 'Example:', 'Use instead:', 'Docs: https://']) assert.ok(one.out.includes(h), h);
    const list = await runCli(['rule'], fixtures);
    assert.match(list.out, /^MW101 /m);
    assert.match(list.out, /^MW901 /m);
    const bad = await runCli(['rule', 'MW000'], fixtures);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /unknown rule "MW000"/);
  });
});

describe('docs/ci.md', () => {
  it('its memwise lint commands run for real against a fixture', async function () {
    this.timeout(30000);
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8');
    const commands = [...doc.matchAll(/^\s*(?:run:\s*|\$\s*)?(npx memwise [^\n#]+|memwise [^\n#]+)$/gm)].map((m) => m[1].replace(/^npx /, '').trim());
    // Shell tails (`|| test $? -eq 1`) are the workflow's business; `${{ github.base_ref }}` is the PR's base branch.
    const lint = commands
      .filter((c) => c.startsWith('memwise lint'))
      .map((c) => c.split(/\s*(?:\|\||&&|\|)\s*/)[0].replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main'));
    assert.ok(lint.length >= 3, `found lint commands: ${JSON.stringify(commands)}`);
    assert.ok(commands.some((c) => /^memwise profile .*--budget/.test(c)), 'ci.md shows a budget check');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-ci-'));
    git(work, 'init', '-q');
    fs.copyFileSync(path.join(fixtures, 'clean.py'), path.join(work, 'clean.py'));
    git(work, 'add', '.');
    git(work, 'commit', '-q', '-m', 'base');
    git(work, 'update-ref', 'refs/remotes/origin/main', 'HEAD'); // what actions/checkout with fetch-depth 0 provides
    fs.copyFileSync(path.join(fixtures, 'incident.py'), path.join(work, 'incident.py'));
    for (const c of lint) {
      const argv = c.split(/\s+/).slice(1).map((a) => a.replace(/^["']|["']$/g, ''));
      const r = await runCli(argv, work);
      // The fixture has a finding on a new file, so every lint command reports it (exit 1).
      assert.strictEqual(r.code, 1, `${c} exited ${r.code}: ${r.err}`);
      const out = argv.indexOf('--output');
      if (out >= 0) assert.ok(fs.existsSync(path.join(work, argv[out + 1])), `${c} wrote no ${argv[out + 1]}`);
    }
  });
});
