// Legacy octal in sloppy-mode scripts. Node runs `'\033[1m'` (ANSI colours in older CLIs) and `010` in a CommonJS
// script that is not strict, but TypeScript's parser rejects both in every file, so the line was skipped with a
// "syntax error" notice about valid code (bunyan's `bin/bunyan`). Where the file is a sloppy script, the literal
// the parser points at is rewritten to a same-length equivalent before parsing again: offsets, lines and columns
// are unchanged, and a 3-digit escape keeps its value (`\033` becomes `\x1b`). In a module, a `.mjs`/`.ts` file or
// under "use strict" they are real syntax errors, and the notice stays.

const OCTAL_MESSAGE = /^Octal (escape sequences|literals) are not allowed/;
const SLOPPY_EXTENSIONS = /(\.js|\.cjs|\.jsx|\/[^./\\]+)$/i;

/** The text with the legacy octal literal at the parse error rewritten, or undefined when it is not one to accept. */
export function acceptLegacyOctal(text: string, path: string, error: unknown): string | undefined {
  const err = error as { message?: unknown; index?: unknown };
  if (typeof err?.message !== 'string' || typeof err.index !== 'number' || !OCTAL_MESSAGE.test(err.message)) return undefined;
  if (!SLOPPY_EXTENSIONS.test(path.replace(/\\/g, '/')) || !isSloppyScript(text)) return undefined;
  const at = err.index;
  if (text[at] === '\\') {
    const digits = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4))?.[0];
    if (!digits) return undefined;
    const value = parseInt(digits, 8);
    // `\033` → `\x1b` (same value); a shorter escape becomes an escaped backslash and filler of its length.
    const same = digits.length === 3 && value <= 0xff ? `\\x${value.toString(16).padStart(2, '0')}` : `\\\\${'0'.repeat(digits.length - 1)}`;
    return text.slice(0, at) + same + text.slice(at + 1 + digits.length);
  }
  const literal = /^0[0-7]+\b/.exec(text.slice(at, at + 24))?.[0];
  if (!literal) return undefined;
  // `010` → ` 8`: the decimal value, right-aligned in the literal's width.
  return text.slice(0, at) + String(parseInt(literal, 8)).padStart(literal.length, ' ') + text.slice(at + literal.length);
}

/** No `import`/`export` statement and no "use strict" directive at the top: Node runs it as a sloppy script. */
function isSloppyScript(text: string): boolean {
  if (/^\s*(import\s*[\w{*'"]|export\s)/m.test(text)) return false;
  const body = text.replace(/^#!.*\n/, '');
  return !/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use strict['"]/.test(body);
}
