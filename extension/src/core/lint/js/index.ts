// The JS/TS front end: parse with typescript-estree (loaded on first use), build value facts, run the
// rules' visitors in one pass (ruleRun.ts); in the editor, re-parse and re-lint only what an edit can
// change (incrementalLint.ts). Nothing here throws on bad input: parse errors, minified and huge files
// become notices.
import { strictRules } from '../ruleDispatch';
import type { LanguageLinter, LanguageLintRequest, LanguageLintResult, Notice } from '../types';
import { JsLintState, lintIncrementally, lintKey } from './incrementalLint';
import { acceptLegacyOctal } from './legacyOctal';
import { looksMinified } from './minified';
import { parseJs, type Program } from './parser';
import { runJsRules, sortOwned } from './ruleRun';
import { jsRules } from './rules/index';

/** Files above this are skipped (the Python front end uses the same default). */
export const MAX_JS_BYTES = 5 * 1024 * 1024;
/** Syntax errors are blanked out line by line (keeping offsets) this many times before giving up. */
const MAX_ERROR_RECOVERIES = 8;
/** Legacy octal literals accepted in one sloppy script (each costs a parse). */
const MAX_LEGACY_OCTALS = 64;

interface ParseFailure {
  lineNumber?: number;
  message: string;
}

function parseFailure(e: unknown): ParseFailure {
  const err = e as { lineNumber?: number; message?: string };
  return { lineNumber: typeof err?.lineNumber === 'number' ? err.lineNumber : undefined, message: String(err?.message ?? e).split('\n')[0] };
}

/** Replace one (1-based) line's characters with spaces so every other offset is unchanged. */
function blankLine(text: string, lineNumber: number): string | undefined {
  let start = 0;
  for (let l = 1; l < lineNumber; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  if (!line.trim()) return undefined;
  return text.slice(0, start) + line.replace(/[^\r]/g, ' ') + text.slice(end);
}

/** Parse, recovering from syntax errors by blanking the offending lines so the valid parts still get findings. */
export function parseWithRecovery(text: string, path: string, notices: Notice[]): Program | undefined {
  let current = text;
  let octals = 0;
  for (let attempt = 0; attempt <= MAX_ERROR_RECOVERIES; attempt++) {
    try {
      return parseJs(current, path);
    } catch (e) {
      if (e instanceof RangeError) {
        notices.push({ kind: 'parse-error', message: `${path}: too deeply nested to parse (${e.message}); skipped.` });
        return undefined;
      }
      // `'\033['` in a sloppy script is valid Node: accepted as it is, without a notice or a skipped line.
      const accepted = octals < MAX_LEGACY_OCTALS ? acceptLegacyOctal(current, path, e) : undefined;
      if (accepted !== undefined) {
        current = accepted;
        octals++;
        attempt--;
        continue;
      }
      const f = parseFailure(e);
      if (!notices.some((n) => n.kind === 'parse-error')) notices.push({ kind: 'parse-error', message: `${path}${f.lineNumber ? `:${f.lineNumber}` : ''}: ${f.message}. Lines with syntax errors are skipped; the rest is linted.` });
      const next = f.lineNumber ? blankLine(current, f.lineNumber) : undefined;
      if (!next) return undefined;
      current = next;
    }
  }
  return undefined;
}

export async function lintJs(request: LanguageLintRequest): Promise<LanguageLintResult> {
  const notices: Notice[] = [];
  const { text, path } = request;
  if (text.length > MAX_JS_BYTES) {
    notices.push({ kind: 'skipped', message: `${path}: ${(text.length / 1048576).toFixed(1)} MB is over the ${MAX_JS_BYTES / 1048576} MB lint limit; skipped.` });
    return { findings: [], notices };
  }
  if (looksMinified(text)) {
    notices.push({ kind: 'skipped', message: `${path}: looks minified or generated (very long lines); skipped.` });
    return { findings: [], notices };
  }
  const rules = jsRules.filter((r) => request.isEnabled(r.meta.code));
  if (!rules.length) return { findings: [], notices };
  const key = lintKey(path, text, rules);
  const strict = strictRules(request);
  // In the editor, the previous lint of the document lets an edit re-parse and re-lint only what it can
  // change (incrementalLint.ts); the result is the same as the full lint below.
  let state = request.previous instanceof JsLintState ? lintIncrementally(request.previous, text, path, key, rules, notices, strict) : undefined;
  if (!state) {
    const program = parseWithRecovery(text, path, notices);
    if (!program) return { findings: [], notices };
    const run = runJsRules(program, text, path, rules, notices, strict);
    state = new JsLintState(text, program, key, run.findings, []);
    // A recovered parse is not the text's own tree, and a failed rule's findings are partial: neither is
    // a base for the next edit.
    if (!run.complete || notices.some((n) => n.kind === 'parse-error')) state.consumed = true;
  }
  return { findings: sortOwned([...state.findings]).map((f) => f.finding), notices, state };
}

export const jsLinter: LanguageLinter = {
  language: 'js',
  rules: jsRules.map((r) => r.meta),
  lint: lintJs,
};
