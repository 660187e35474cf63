// Extensions of program source files, for both front ends: a file picked by one of them (a line counter's
// `.py` files, a test reading its own `__filename`) is source code, and source files are small by nature.
// Used to show whole-file findings over such files as information (literalInputSize.ts).
// (and `tex`: LaTeX sources are written by hand like code, a book chapter is tens of KB)
const EXTENSIONS = 'py|pyw|pyi|c|cc|cpp|cxx|h|hh|hpp|java|js|jsx|mjs|cjs|ts|tsx|go|rb|cs|php|swift|kt|rs|scala|lua|pl|sh|tex';

/** A file name or literal path ending in a source-code extension (`code.cpp`, `src/app.py`). */
export const SOURCE_FILE = new RegExp(String.raw`\.(?:${EXTENSIONS})$`, 'i');

/**
 * A string that selects source files by extension in a filter: `".py"`, `"*.cpp"`, `"**\/*.py"`, a regex
 * `\.py$`, or `"py"` alone (`name.endswith("py")` is common).
 */
export const SOURCE_EXTENSION_FILTER = new RegExp(String.raw`^(?:\*\*?\/)*\*?(?:\\?\.(?:${EXTENSIONS})\$?|py)$`, 'i');
