// `memwise lint [PATH...]`: lint Python and JS/TS files; exit 0 clean, 1 findings, 2 usage/internal errors.
import * as fs from 'fs';
import * as path from 'path';
import { EXIT, UsageError, type CliIO, parseCommandArgs } from './io';
import type { Notice } from '../core/lint/types';
import type { LintReport } from '../core/report/reportTypes';

const HELP = `Usage: memwise lint [PATH...] [options]

Lint Python (.py, .pyi), Jupyter notebooks (.ipynb; code cells as one program, findings as
file.ipynb:cell N:LINE:COL) and JavaScript/TypeScript (.js .mjs .cjs .jsx .ts .tsx .mts .cts) files for memory
antipatterns. Folders are searched recursively, honouring .gitignore and skipping node_modules, .git,
venv, .venv, __pycache__, dist and build. Vendored, generated and minified files (vendor/, third_party/,
static/**/lib/, jquery*.js, *.min.js, linguist-vendored in .gitattributes, "@generated" headers…) are
skipped and counted. The default PATH is the current folder.

Options:
  --format FORMAT   text (default), json, sarif, github or markdown
  --select CODES    only these rules or prefixes, comma-separated (e.g. MW1,MW301); replaces the config's select
  --ignore CODES    skip these rules or prefixes, added to the config's ignore
  --diff [BASE]     only findings on lines added or changed since BASE (default: the merge base with
                    origin/HEAD, main or master). Use --diff=BASE when BASE could be mistaken for a path.
  --output FILE     write the report to FILE instead of standard output
  --include-vendored  lint vendored, generated and minified files too (config: include-vendored = true)
  --small-input-bytes SIZE  a data finding (MW2xx-MW4xx) whose input is a file named by a literal path and
                    smaller than SIZE is shown as information (default 64KiB; 0 = off; config: small-input-bytes)
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

/** `--small-input-bytes 0`, `65536`, `64KiB`: a usage error names the flag and the accepted forms. */
function smallInputFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '0') return 0;
  const { parseSize } = require('../core/lint/config') as typeof import('../core/lint/config');
  const n = parseSize(value);
  if (n === undefined) throw new UsageError(`--small-input-bytes: expected a size like 65536 or 64KiB (0 turns it off), got "${value}".`);
  return n;
}

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { rest, diff } = takeDiff(argv, io.cwd);
  const parsed = parseCommandArgs('lint', rest, {
    format: { type: 'string', default: 'text' },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    'include-vendored': { type: 'boolean' },
    'small-input-bytes': { type: 'string' },
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
  const { allRules } = require('../core/lint/catalog') as typeof import('../core/lint/catalog');
  const { unknownSelectorMessages } = require('../core/lint/selectorCheck') as typeof import('../core/lint/selectorCheck');
  const unknown = [...unknownSelectorMessages(select, '--select: '), ...unknownSelectorMessages(ignore, '--ignore: ')];
  if (unknown.length) throw new UsageError(unknown.join('\n'));

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

  const includeVendored = v['include-vendored'] === true;
  const smallInputBytes = smallInputFlag(v['small-input-bytes'] as string | undefined);
  const run = await lintPaths({
    paths,
    cwd: io.cwd,
    includeVendored,
    // The command only waits for the run: its thread lints too, beside the worker threads.
    lintOnThisThread: true,
    overrides: [{ settings: { select: select.length ? select : undefined, ignore, includeVendored: includeVendored || undefined, smallInputBytes }, where: 'command line:' }],
  });
  for (const e of run.errors) io.err(`memwise lint: ${e}`);
  if (run.vendored.length) {
    const { describeSkipped } = require('../core/lint/vendored') as typeof import('../core/lint/vendored');
    io.err(`memwise lint: ${describeSkipped(run.vendored.map((x) => x.reason))}`);
  }
  if (run.errors.length && run.results.length === 0) return EXIT.usage;
  if (configUsageError(run.notices, run.results, io)) return EXIT.usage;

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

/**
 * A configuration mistake that would make the check meaningless (an unknown rule code in `select`): print it
 * and stop with exit 2 rather than report "All checks passed!" over rules that never ran.
 */
function configUsageError(notices: readonly Notice[], results: readonly { notices: readonly Notice[] }[], io: CliIO): boolean {
  const bad = [...new Set([...notices, ...results.flatMap((r) => r.notices)].filter((n) => n.usageError).map((n) => n.message))];
  for (const m of bad) io.err(`memwise lint: ${m}`);
  return bad.length > 0;
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
