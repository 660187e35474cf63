// `memwise lint [PATH...]`: lint Python and JS/TS files; exit 0 clean, 1 findings, 2 usage/internal errors.
import * as fs from 'fs';
import * as path from 'path';
import { EXIT, UsageError, type CliIO, parseCommandArgs } from './io';
import type { LintReport } from '../core/report/reportTypes';

const HELP = `Usage: memwise lint [PATH...] [options]

Lint Python (.py, .pyi), Jupyter notebooks (.ipynb; code cells as one program, findings as
file.ipynb:cell N:LINE:COL) and JavaScript/TypeScript (.js .mjs .cjs .jsx .ts .tsx .mts .cts) files for memory
antipatterns. Folders are searched recursively, honouring .gitignore and skipping node_modules, .git,
venv, .venv, __pycache__, dist and build. The default PATH is the current folder.

Options:
  --format FORMAT   text (default), json, sarif, github or markdown
  --select CODES    only these rules or prefixes, comma-separated (e.g. MW1,MW301); replaces the config's select
  --ignore CODES    skip these rules or prefixes, added to the config's ignore
  --diff [BASE]     only findings on lines added or changed since BASE (default: the merge base with
                    origin/HEAD, main or master). Use --diff=BASE when BASE could be mistaken for a path.
  --output FILE     write the report to FILE instead of standard output
  -h, --help        show this help

Configuration: [tool.memwise] in the nearest pyproject.toml (see docs/configuration.md).
Exit codes: 0 no findings, 1 findings, 2 usage or internal error.`;

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

function codes(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[\s,]+/)).map((c) => c.trim().toUpperCase()).filter(Boolean);
}

/** `--diff` takes an optional value; util.parseArgs has no optional values, so peel it off first. */
function takeDiff(argv: string[], cwd: string): { rest: string[]; diff?: { base?: string } } {
  const rest: string[] = [];
  let diff: { base?: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--diff=')) diff = { base: a.slice(7) || undefined };
    else if (a === '--diff') {
      const next = argv[i + 1];
      // The next word is the base unless it is an option or an existing path.
      if (next !== undefined && !next.startsWith('-') && !fs.existsSync(path.resolve(cwd, next))) {
        diff = { base: next };
        i++;
      } else diff = {};
    } else rest.push(a);
  }
  return { rest, diff };
}

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { rest, diff } = takeDiff(argv, io.cwd);
  const parsed = parseCommandArgs('lint', rest, {
    format: { type: 'string', default: 'text' },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const format = v.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${v.format}"; use one of ${FORMATS.join(', ')}.`);
  const select = codes(v.select);
  const ignore = codes(v.ignore);
  const paths = parsed.positionals.length ? parsed.positionals : ['.'];

  // required lazily (not import()) so the transpiled test tree resolves them too; the bundle inlines them.
  const { lintPaths } = require('../core/lint/lintRun') as typeof import('../core/lint/lintRun');
  const { allRules, isKnownSelector } = require('../core/lint/catalog') as typeof import('../core/lint/catalog');
  for (const c of [...select, ...ignore]) {
    if (!isKnownSelector(c)) io.err(`memwise lint: warning: unknown rule code or prefix '${c}' (run "memwise rule" for the list).`);
  }

  let changed: import('../core/git/changedLines').ChangedLines | undefined;
  let touchesChange: typeof import('../core/git/changedLines').touchesChange | undefined;
  if (diff) {
    const git = require('../core/git/changedLines') as typeof import('../core/git/changedLines');
    touchesChange = git.touchesChange;
    const { GitError } = require('../core/git/runGit') as typeof import('../core/git/runGit');
    try {
      changed = git.changedLines(io.cwd, diff.base);
    } catch (err) {
      if (err instanceof GitError) throw new UsageError(`--diff: ${err.message}`);
      throw err;
    }
  }

  const run = await lintPaths({
    paths,
    cwd: io.cwd,
    overrides: [{ settings: { select: select.length ? select : undefined, ignore }, where: 'command line:' }],
  });
  for (const e of run.errors) io.err(`memwise lint: ${e}`);
  if (run.errors.length && run.results.length === 0) return EXIT.usage;

  const display = (abs: string) => {
    const rel = path.relative(io.cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  };
  const report: LintReport = {
    files: run.results.map((r) => ({
      file: display(r.path),
      // Notebooks: git sees the .ipynb JSON, so a finding is matched by its place in that file (fileRange).
      findings: changed && touchesChange ? r.findings.filter((f) => touchesChange!(changed!, r.path, (f.fileRange ?? f.range).startLine, (f.fileRange ?? f.range).endLine)) : r.findings,
      notices: r.notices,
    })),
    rules: allRules(),
    notices: run.notices,
    cwd: io.cwd,
    toolVersion: toolVersion(),
  };
  for (const n of run.notices) io.err(`memwise lint: ${n.message}`);
  for (const f of report.files) for (const n of f.notices) if (n.kind !== 'skipped' || format === 'text') io.err(`memwise lint: ${n.message}`);

  const text = await render(format, report);
  if (v.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(io.cwd, v.output)), { recursive: true });
      fs.writeFileSync(path.resolve(io.cwd, v.output), text + '\n');
    } catch (err) {
      throw new UsageError(`cannot write --output ${v.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else if (text) io.out(text);

  const internal = report.files.some((f) => f.notices.some((n) => n.kind === 'internal'));
  const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
  if (run.errors.length || internal) return EXIT.usage;
  return findings > 0 ? EXIT.findings : EXIT.ok;
}

async function render(format: Format, report: LintReport): Promise<string> {
  switch (format) {
    case 'json':
      return (require('../core/report/json') as typeof import('../core/report/json')).formatJson(report);
    case 'sarif':
      return (require('../core/report/sarif') as typeof import('../core/report/sarif')).formatSarif(report);
    case 'github':
      return (require('../core/report/github') as typeof import('../core/report/github')).formatGithub(report);
    case 'markdown':
      return (require('../core/report/markdown') as typeof import('../core/report/markdown')).formatMarkdown(report);
    default:
      return (require('../core/report/text') as typeof import('../core/report/text')).formatText(report);
  }
}

function toolVersion(): string {
  try {
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
