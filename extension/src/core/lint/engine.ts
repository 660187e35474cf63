// The lint engine: picks the front end by file extension (required lazily, so linting only Python never
// loads TypeScript and activation loads neither), applies configuration and suppressions, and never
// throws: whatever goes wrong becomes a Notice naming the file.
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from './catalog';
import { isRuleEnabled, severityFor, type ResolvedConfig } from './config';
import { hasNoExtension, languageOf, shebangLanguage } from './languages';
import { applySuppressions, parseSuppressions, unusedSuppressionFindings, type Suppression } from './suppressions';
import { UNUSED_DISABLE, UNUSED_NOQA } from './suppressionRules';
import type { Finding, IncrementalEdit, LanguageLinter, LintLanguage, Notice, RuleMeta, Severity } from './types';
import { rulesLeftToRuff } from './ruffConfig';
import { generatedByContent, projectRoot, vendoredReasonCached, type VendoredReason } from './vendored';
import { weighLiteralInput } from './literalInputSize';

export interface LintTextRequest {
  path: string;
  text: string;
  config: ResolvedConfig;
  /** `state` of the previous result for this document, for an incremental re-parse. */
  previous?: unknown;
  edits?: IncrementalEdit[];
  /** The workspace folder, for the vendored-folder conventions when the file is not in a git repository. */
  root?: string;
  /** The CLI's current folder: a literal input path (`open("data/x.csv")`) may be relative to it (literalInputSize.ts). */
  cwd?: string;
  /** Front end to use when the path does not say (a notebook's program is Python under a .ipynb path). */
  language?: LintLanguage;
  /**
   * The text's suppression comments when the caller already has them (a notebook keeps them per cell, so a
   * keystroke does not scan every cell's comments again); fresh objects, as parseSuppressions returns.
   */
  suppressions?: Suppression[];
}

export interface LintTextResult {
  findings: Finding[];
  notices: Notice[];
  /** Pass back as `previous`; call `dispose` when the document closes or a newer state replaces it. */
  state?: { dispose?(): void };
  /** How many findings suppression comments hid. */
  suppressed: number;
  /** Set when the file is vendored/generated code: its findings are shown at information severity only. */
  vendored?: VendoredReason;
}

export interface LintFileResult extends LintTextResult {
  path: string;
  /** Number of lines linted (0 when skipped), for throughput figures. */
  lines: number;
  /** Not linted because it is generated or minified (see vendored.ts); the run counts these. */
  skippedAsVendored?: VendoredReason;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Lower a severity to at most `cap` (a configured `hint` stays a hint). */
function capSeverity(s: Severity, cap: Severity): Severity {
  return SEVERITY_RANK[s] > SEVERITY_RANK[cap] ? cap : s;
}

const frontEnds = new Map<LintLanguage, LanguageLinter>();

/** Use a given front end for a language (embedding, and tests of the engine's own error handling). */
export function registerFrontEnd(language: LintLanguage, linter: LanguageLinter | undefined): void {
  if (linter) frontEnds.set(language, linter);
  else frontEnds.delete(language);
}

/** Load a front end on first use. Throws a readable error if it is missing or fails to load. */
export function loadFrontEnd(language: LintLanguage): LanguageLinter {
  let linter = frontEnds.get(language);
  if (!linter) {
    // require() inside try: esbuild bundles these lazily and tolerates a front end that is not there yet.
    try {
      linter =
        language === 'python'
          ? (require('./python/index') as { pythonLinter: LanguageLinter }).pythonLinter
          : (require('./js/index') as { jsLinter: LanguageLinter }).jsLinter;
    } catch (err) {
      throw new Error(`cannot load the ${language} front end: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    if (!linter || typeof linter.lint !== 'function') throw new Error(`the ${language} front end does not export a linter`);
    frontEnds.set(language, linter);
  }
  return linter;
}

let ruleIndexOf: { rules: RuleMeta[]; index: Map<string, RuleMeta> } | undefined;

/** Rules by code, built once per catalog (allRules() is computed once; this runs on every keystroke). */
function ruleIndex(): Map<string, RuleMeta> {
  const rules = allRules();
  if (ruleIndexOf?.rules !== rules) ruleIndexOf = { rules, index: new Map(rules.map((r) => [r.code, r])) };
  return ruleIndexOf.index;
}

export async function lintText(req: LintTextRequest): Promise<LintTextResult> {
  // Config notices are the caller's to show once per configuration, not once per file.
  const notices: Notice[] = [];
  // A script without an extension (`bin/tool`) is linted when its `#!` line names node or python.
  const language = req.language ?? languageOf(req.path) ?? (hasNoExtension(req.path) ? shebangLanguage(req.text) : undefined);
  if (!language) {
    notices.push({ kind: 'skipped', message: `${req.path}: not a Python or JavaScript/TypeScript file (by its extension, or for a script without one its #! line); skipped.` });
    return { findings: [], notices, suppressed: 0 };
  }
  const text = req.text.charCodeAt(0) === 0xfeff ? req.text.slice(1) : req.text;
  if (text.includes('\u0000')) {
    notices.push({ kind: 'skipped', message: `${req.path}: looks binary (contains NUL bytes); skipped.` });
    return { findings: [], notices, suppressed: 0 };
  }
  const rules = ruleIndex();
  const enabled = (code: string) => isRuleEnabled(req.config, code, rules.get(code));
  let raw: Finding[] = [];
  let state: LintTextResult['state'];
  try {
    const linter = loadFrontEnd(language);
    const result = await linter.lint({ path: req.path, text, isEnabled: enabled, previous: req.previous, edits: req.edits });
    raw = result.findings;
    state = result.state;
    notices.push(...result.notices);
  } catch (err) {
    notices.push({
      kind: 'internal',
      message: `${req.path}: the ${language === 'python' ? 'Python' : 'JavaScript/TypeScript'} linter failed (${err instanceof Error ? err.message : String(err)}); no findings for this file. Please report this with the file if you can.`,
    });
    return { findings: [], notices, suppressed: 0 };
  }
  try {
    // Someone else's code in the editor: still linted (the user opened it), but only as information.
    const vendored = req.config.includeVendored ? undefined : vendoredReasonCached(req.path, req.root, text);
    const leftToRuff = language === 'python' ? rulesLeftToRuff(req.path) : new Set<string>();
    // A relative input path may be relative to the repository the script sits in (script collections run from
    // their root: `open("./Tarot Reader/tarot.txt")`); looked up only when a finding names an input.
    const repository = raw.some((f) => f.input) ? projectRoot(path.dirname(path.resolve(req.path))) : undefined;
    const selected = raw
      .filter((f) => enabled(f.rule) && !leftToRuff.has(f.rule))
      .map((f) => {
        let severity = severityFor(req.config, f.rule, rules.get(f.rule)?.defaultSeverity ?? f.severity);
        if (f.scale === 'unknown' || vendored) severity = capSeverity(severity, 'info');
        // A small or large input file beside the script changes how the finding is shown (literalInputSize.ts);
        // the literal itself is the engine's, never part of what reporters and the editor get.
        return weighLiteralInput({ ...f, severity }, rules.get(f.rule)?.family, req.config.smallInputBytes, { file: req.path, folders: [req.root, req.cwd, req.config.root, repository] });
      })
      .map(({ input: _input, ...f }) => f);
    // Given suppressions are in the coordinates of req.text: not usable once a BOM was taken off.
    const suppressions = req.suppressions && text === req.text ? req.suppressions : parseSuppressions(text, language);
    const { kept, suppressed } = applySuppressions(selected, suppressions);
    const unusedCode = language === 'python' ? UNUSED_NOQA : UNUSED_DISABLE;
    if (enabled(unusedCode)) {
      const unused = unusedSuppressionFindings(text, language, suppressions).map((f) => ({
        ...f,
        severity: severityFor(req.config, f.rule, rules.get(f.rule)?.defaultSeverity ?? f.severity),
      }));
      kept.push(...unused);
    }
    kept.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.rule.localeCompare(b.rule));
    return { findings: kept, notices, state, suppressed: suppressed.length, ...(vendored ? { vendored } : {}) };
  } catch (err) {
    notices.push({ kind: 'internal', message: `${req.path}: applying suppressions failed (${err instanceof Error ? err.message : String(err)}); showing unfiltered findings.` });
    return { findings: raw, notices, state, suppressed: 0 };
  }
}

/**
 * Read and lint one file from disk: skips binary, non-UTF-8 and oversized files with a notice. `cwd`: the CLI's
 * current folder, one more place a literal input path may be relative to (literalInputSize.ts).
 */
export async function lintFile(file: string, config: ResolvedConfig, cwd?: string): Promise<LintFileResult> {
  const skip = (message: string): LintFileResult => ({
    path: file,
    findings: [],
    notices: [{ kind: 'skipped', message: `${file}: ${message}` }],
    suppressed: 0,
    lines: 0,
  });
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return skip('not a regular file; skipped.');
    if (stat.size > config.maxFileSize) {
      return skip(`${formatBytes(stat.size)} is over the ${formatBytes(config.maxFileSize)} limit; skipped (raise max-file-size in [tool.memwise] to lint it).`);
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return skip(`cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); skipped.`);
  }
  if (bytes.subarray(0, 8192).includes(0)) return skip('looks binary (contains NUL bytes); skipped.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('is not valid UTF-8; skipped (save it as UTF-8 to lint it).');
  }
  // Generated and minified files found in a folder walk are someone else's output: skip them, counted by the caller.
  const generated = config.includeVendored ? undefined : generatedByContent(file, text);
  if (generated) return { path: file, findings: [], notices: [], suppressed: 0, lines: 0, skippedAsVendored: generated };
  // A notebook is JSON around its cells: the notebook reader builds the program and maps findings back.
  const result = isNotebookPath(file) ? await lintNotebookText(file, text, config) : await lintText({ path: file, text, config, cwd });
  result.state?.dispose?.();
  // indexOf finds line breaks several times faster than a charCodeAt loop (a cold lint of a big tree counts ~10M characters).
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { ...result, state: undefined, path: file, lines };
}

import { formatBytes } from '../bytes';
import { isNotebookPath } from '../notebook/notebookFile';
import { lintNotebookText } from '../notebook/notebookLint';
export { formatBytes };
