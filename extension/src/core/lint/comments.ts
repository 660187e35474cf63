// Light tokenizers that find comments without a parser, so suppressions work even when a front end is
// missing or a file does not parse. They know strings (so `"#"` or `'//'` inside a string is not a
// comment), Python triple quotes, JS template literals with `${}` nesting and JS regex literals.

export interface SourceComment {
  /** Offset of `#`, `//` or `/*`. */
  start: number;
  /** Offset just past the comment (end of line or past the closing star-slash). */
  end: number;
  text: string;
  block: boolean;
}

/** The next character that can start a Python comment or string. */
const PY_OPENER = /[#"']/g;
/** A line end, which ends a comment. */
const LINE_END = /[\n\r]/g;

/**
 * Every `#` comment outside strings. Runs on every keystroke of a file that holds a `noqa`, so it jumps from one
 * `#`/quote to the next with a regex search instead of looking at every character.
 */
export function pythonComments(src: string): SourceComment[] {
  const out: SourceComment[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    PY_OPENER.lastIndex = i;
    const m = PY_OPENER.exec(src);
    if (!m) break;
    i = m.index;
    if (src.charCodeAt(i) === 35 /* # */) {
      LINE_END.lastIndex = i;
      const e = LINE_END.exec(src);
      const j = e ? e.index : n;
      out.push({ start: i, end: j, text: src.slice(i, j), block: false });
      i = j;
    } else {
      i = skipPythonString(src, i);
    }
  }
  return out;
}

/**
 * What ends or escapes inside a string opened by `"`, `'`, `"""` or `'''`: a backslash and the character after it
 * (skipped together), the closing quote(s), and for a one-quote string a line end. A search for the next of these
 * visits exactly the characters a character-by-character walk would stop at.
 */
const STRING_STOPS: Record<string, RegExp> = {
  '"': /\\[\s\S]?|"|\n/g,
  "'": /\\[\s\S]?|'|\n/g,
  '"""': /\\[\s\S]?|"""/g,
  "'''": /\\[\s\S]?|'''/g,
};

/** Past the string literal whose quote is at `i` (an unterminated one: its line end, or the end for triple quotes). */
function skipPythonString(src: string, i: number): number {
  const q = src[i];
  const triple = src[i + 1] === q && src[i + 2] === q;
  const re = STRING_STOPS[triple ? q + q + q : q];
  re.lastIndex = i + (triple ? 3 : 1);
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const c = m[0].charCodeAt(0);
    if (c === 92 /* \\ */) continue;
    // the closing quote(s), or a line end: unterminated, stop there so one typo does not hide the rest
    return c === 10 ? m.index : m.index + m[0].length;
  }
  return src.length;
}

const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

export function jsComments(src: string): SourceComment[] {
  const out: SourceComment[] = [];
  const n = src.length;
  // Brace depth per open template `${`; when a `}` closes it we resume scanning the template text.
  const templates: number[] = [];
  let depth = 0;
  let prev = ''; // last significant character, to tell a regex from a division
  let prevWord = '';
  let i = 0;
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = i;
      while (j < n && src[j] !== '\n' && src[j] !== '\r') j++;
      out.push({ start: i, end: j, text: src.slice(i, j), block: false });
      i = j;
      continue;
    }
    if (c === '/' && d === '*') {
      const close = src.indexOf('*/', i + 2);
      const j = close < 0 ? n : close + 2;
      out.push({ start: i, end: j, text: src.slice(i, j), block: true });
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      prev = c;
      prevWord = '';
      continue;
    }
    if (c === '`' || (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth)) {
      if (c === '}') templates.pop();
      i = skipTemplate(src, i + 1, templates, depth);
      prev = '`';
      prevWord = '';
      continue;
    }
    if (c === '/') {
      const regexAllowed = prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || REGEX_AFTER_WORDS.has(prevWord);
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          const r = src[j];
          if (r === '\\') j += 2;
          else if (r === '[') (inClass = true), j++;
          else if (r === ']') (inClass = false), j++;
          else if (r === '/' && !inClass) break;
          else j++;
        }
        i = j + 1;
        prev = ')'; // a regex literal is a value
        prevWord = '';
        continue;
      }
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (isWordChar(src.charCodeAt(i))) {
      let j = i;
      while (j < n && isWordChar(src.charCodeAt(j))) j++;
      prevWord = src.slice(i, j);
      prev = 'a';
      i = j;
      continue;
    }
    if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') {
      prev = c;
      prevWord = '';
    }
    i++;
  }
  return out;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/** Scan template text from `i`; returns the offset after the closing backtick, or after `${` (pushing the depth). */
function skipTemplate(src: string, i: number, templates: number[], depth: number): number {
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && src[i + 1] === '{') {
      templates.push(depth);
      return i + 2;
    } else i++;
  }
  return n;
}
