// Suppression comments for both languages, applied by the engine after the front end ran:
//   Python  `# noqa`, `# noqa: MW101, E501` (beside Ruff/flake8 codes), file-level `# memwise: noqa[: MW101]`
//   JS/TS   `// memwise-disable-line [MW351]`, `// memwise-disable-next-line [MW351]`,
//           `/* memwise-disable [MW351] */` (from there to `/* memwise-enable */` or the end of the file)
import { jsComments, pythonComments } from './comments';
import { UNUSED_DISABLE, UNUSED_NOQA } from './suppressionRules';
import type { Finding, LintLanguage, TextRange } from './types';

export interface SuppressionCode {
  code: string;
  used: boolean;
}

export interface Suppression {
  /** What the user wrote, for messages: `# noqa`, `memwise-disable-next-line`… */
  directive: string;
  fileLevel: boolean;
  /** 0-based inclusive line span the directive covers. */
  fromLine: number;
  toLine: number;
  /** Listed codes, or undefined for "everything". */
  codes?: SuppressionCode[];
  usedAll: boolean;
  /** The directive's own text, where unused-suppression findings point. */
  range: TextRange;
  /** Offsets of the code list (to rewrite it) and of the text to delete to remove the directive. */
  codesSpan?: [number, number];
  removeSpan: [number, number];
  /** Python bare `# noqa` may serve other tools, so it is never reported as unused. */
  reportable: boolean;
}

const CODE = /[A-Za-z]+[0-9]+/y;

/** Parse `MW101, E501 F401` at `at`; returns the codes and the span they occupy. */
function parseCodeList(text: string, at: number): { codes: string[]; start: number; end: number } | undefined {
  const codes: string[] = [];
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const start = i;
  let end = i;
  for (;;) {
    CODE.lastIndex = i;
    const m = CODE.exec(text);
    if (!m) break;
    codes.push(m[0].toUpperCase());
    end = i + m[0].length;
    i = end;
    const sep = /^[\s,]*/.exec(text.slice(i))![0];
    if (sep.includes('\n')) break;
    i += sep.length;
  }
  return codes.length ? { codes, start, end } : undefined;
}

class LineIndex {
  private starts: number[] = [0];
  constructor(private text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo] };
  }
  range(start: number, end: number): TextRange {
    const a = this.pos(start);
    const b = this.pos(end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }
  /** Span to delete so a comment disappears: trailing comment → with its leading spaces; own line → the whole line. */
  removal(start: number, end: number): [number, number] {
    const line = this.pos(start).line;
    const lineStart = this.starts[line];
    const before = this.text.slice(lineStart, start);
    let lineEnd = this.text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = this.text.length;
    const after = this.text.slice(end, lineEnd).trim();
    if (before.trim() === '' && after === '') return [lineStart, Math.min(lineEnd + 1, this.text.length)];
    let s = start;
    while (s > lineStart && (this.text[s - 1] === ' ' || this.text[s - 1] === '\t')) s--;
    return [s, end];
  }
}

export function parseSuppressions(text: string, language: LintLanguage): Suppression[] {
  // Most files have no directive at all: skip the comment scan (this runs on every keystroke).
  if (language === 'python' ? !/noqa/i.test(text) : !text.includes('memwise-')) return [];
  const lines = new LineIndex(text);
  return language === 'python' ? pythonSuppressions(text, lines) : jsSuppressions(text, lines);
}

function pythonSuppressions(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  for (const c of pythonComments(text)) {
    const file = /#\s*memwise\s*:\s*noqa\b/i.exec(c.text);
    if (file) {
      const at = c.start + file.index;
      let end = at + file[0].length;
      const rest = /^\s*:/.exec(text.slice(end, c.end));
      const list = rest ? parseCodeList(text.slice(0, c.end), end + rest[0].length) : undefined;
      if (list) end = list.end;
      const wholeComment = file.index === 0;
      out.push({
        directive: '# memwise: noqa',
        fileLevel: true,
        fromLine: 0,
        toLine: Number.MAX_SAFE_INTEGER,
        codes: list?.codes.map((code) => ({ code, used: false })),
        usedAll: false,
        range: lines.range(at, end),
        codesSpan: list && [list.start, list.end],
        removeSpan: wholeComment && end >= c.end - trailingSpace(c.text) ? lines.removal(c.start, c.end) : [at, end],
        reportable: true,
      });
      continue;
    }
    const re = /#\s*noqa\b/gi;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      const at = c.start + m.index;
      let end = at + m[0].length;
      const colon = /^:\s*/.exec(text.slice(end, c.end));
      const list = colon ? parseCodeList(text.slice(0, c.end), end + 1) : undefined;
      if (list) end = list.end;
      const line = lines.pos(at).line;
      out.push({
        directive: list ? '# noqa:' : '# noqa',
        fileLevel: false,
        fromLine: line,
        toLine: line,
        codes: list?.codes.map((code) => ({ code, used: false })),
        usedAll: false,
        range: lines.range(at, end),
        codesSpan: list && [list.start, list.end],
        removeSpan: m.index === 0 && end >= c.end - trailingSpace(c.text) ? lines.removal(c.start, c.end) : [at, end],
        reportable: !!list,
      });
    }
  }
  return out;
}

function trailingSpace(s: string): number {
  return s.length - s.trimEnd().length;
}

function jsSuppressions(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  const openRegions: Suppression[] = [];
  for (const c of jsComments(text)) {
    const body = c.block ? c.text.slice(2, -2) : c.text.slice(2);
    const bodyStart = c.start + 2;
    const m = /^\s*memwise-(disable-next-line|disable-line|disable|enable)\b/.exec(body);
    if (!m) continue;
    const kind = m[1];
    const startLine = lines.pos(c.start).line;
    const endLine = lines.pos(Math.max(c.start, c.end - 1)).line;
    if (kind === 'enable') {
      for (const r of openRegions.splice(0)) r.toLine = startLine;
      continue;
    }
    // Codes end at ` -- reason`, like ESLint directive descriptions.
    const dashes = body.indexOf('--', m[0].length);
    const listText = text.slice(0, bodyStart + (dashes < 0 ? body.length : dashes));
    const list = parseCodeList(listText, bodyStart + m[0].length);
    const s: Suppression = {
      directive: `memwise-${kind}`,
      fileLevel: kind === 'disable',
      fromLine: kind === 'disable-next-line' ? endLine + 1 : startLine,
      toLine: kind === 'disable-next-line' ? endLine + 1 : kind === 'disable-line' ? startLine : Number.MAX_SAFE_INTEGER,
      codes: list?.codes.map((code) => ({ code, used: false })),
      usedAll: false,
      range: lines.range(c.start, c.end),
      codesSpan: list && [list.start, list.end],
      removeSpan: lines.removal(c.start, c.end),
      reportable: true,
    };
    if (kind === 'disable') openRegions.push(s);
    out.push(s);
  }
  return out;
}

/** Drop suppressed findings; marks which directives and codes were used. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): { kept: Finding[]; suppressed: Finding[] } {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    let hit = false;
    for (const s of suppressions) {
      const line = f.range.startLine;
      if (line < s.fromLine || line > s.toLine) continue;
      if (!s.codes) {
        s.usedAll = true;
        hit = true;
      } else {
        const code = s.codes.find((c) => c.code === f.rule);
        if (code) {
          code.used = true;
          hit = true;
        }
      }
    }
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}

const MEMWISE_CODE = /^MW\d+$/;

/** Findings for directives (or their Memwise codes) that suppressed nothing. Call after applySuppressions. */
export function unusedSuppressionFindings(text: string, language: LintLanguage, suppressions: Suppression[]): Finding[] {
  const rule = language === 'python' ? UNUSED_NOQA : UNUSED_DISABLE;
  const name = language === 'python' ? 'unused-noqa' : 'unused-disable-directive';
  const out: Finding[] = [];
  // Built on first use: most texts have no unused directive, and this runs on every keystroke.
  let index: LineIndex | undefined;
  const lines = { range: (start: number, end: number) => (index ??= new LineIndex(text)).range(start, end) };
  for (const s of suppressions) {
    if (!s.reportable) continue;
    // A directive that lists this very rule is how users keep a deliberate suppression.
    if (s.codes?.some((c) => c.code === rule)) continue;
    let message: string;
    let edit: { range: TextRange; newText: string };
    if (!s.codes) {
      if (s.usedAll) continue;
      message = `Unused \`${s.directive}\` directive: it suppresses no Memwise finding. Remove it.`;
      edit = { range: lines.range(s.removeSpan[0], s.removeSpan[1]), newText: '' };
    } else {
      const unused = s.codes.filter((c) => !c.used && MEMWISE_CODE.test(c.code)).map((c) => c.code);
      if (unused.length === 0) continue;
      const remaining = s.codes.filter((c) => !unused.includes(c.code)).map((c) => c.code);
      message = `Unused suppression for ${unused.join(', ')} in \`${s.directive}\`: no such finding ${s.fileLevel ? 'in this file' : 'on this line'}. Remove ${unused.length > 1 ? 'them' : 'it'}.`;
      edit =
        remaining.length === 0
          ? { range: lines.range(s.removeSpan[0], s.removeSpan[1]), newText: '' }
          : { range: lines.range(s.codesSpan![0], s.codesSpan![1]), newText: remaining.join(', ') };
    }
    out.push({
      rule,
      name,
      severity: 'warning',
      message,
      range: s.range,
      fixes: [{ title: 'Remove unused suppression', edits: [edit], safety: 'safe' }],
    });
  }
  return out;
}
