// Loads typescript-estree lazily and parses one JS/TS file into an ESTree Program.
// From a bundle (dist/extension.js, dist/cli.js) the parser lives in the separate dist/jsParser.js bundle,
// required at run time on first use; from the transpiled test tree (out/…) `./parserEntry` is a plain
// module next to this one, which resolves typescript-estree from node_modules.
import * as path from 'path';
import type { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { assetPath } from '../../assets';
import { loadWithCodeCache } from '../../codeCache';
import { shebangRunsTypeScript } from '../languages';
import type { TextRange } from '../types';

export type Program = TSESTree.Program;
export type Node = TSESTree.Node;

interface EstreeModule {
  parse(text: string, options: Record<string, unknown>): Program;
  /** @typescript-eslint/scope-manager's analyze, bundled with the parser (scopes.ts). */
  analyze: typeof analyze;
  /** Each node type's child keys, in source order (astWalk.ts). */
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
}

let loaded: EstreeModule | undefined;
let loadMs = 0;

/** True when this module runs unbundled (tests); a bundle is a single file, so `__filename` names the bundle. */
function runningUnbundled(): boolean {
  return path.basename(__filename).startsWith('parser.') && path.basename(__dirname) === 'js';
}

/** Saves the parser bundle's code cache once the first file is parsed (codeCache.ts); then unset. */
let saveCodeCache: (() => void) | undefined;

/**
 * The estree module, loaded on first call: from the test tree with a non-literal `require` (which keeps
 * esbuild from inlining it), from a bundle with V8's code cache (a third of the compile time).
 */
export function loadParser(): EstreeModule {
  if (loaded) return loaded;
  const started = performance.now();
  if (runningUnbundled()) {
    const dynamicRequire: NodeRequire = require;
    loaded = dynamicRequire('./parserEntry') as EstreeModule;
  } else {
    const bundle = loadWithCodeCache(assetPath('jsParser.js'));
    loaded = bundle.exports as EstreeModule;
    saveCodeCache = bundle.saveCache;
  }
  loadMs = performance.now() - started;
  return loaded;
}

/** Milliseconds the first load took (0 before it happened), for the benchmark and diagnostics. */
export function parserLoadMs(): number {
  return loadMs;
}

const JSX_EXTENSIONS = new Set(['.jsx', '.tsx']);
export const JS_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'];

export function parseJs(text: string, filePath: string): Program {
  const ext = path.extname(filePath).toLowerCase();
  try {
    // A script without an extension (`bin/tool`, linted by its `#!` line): TypeScript would guess its kind from
    // the name, so it is named as what its interpreter runs.
    if (!JS_EXTENSIONS.includes(ext)) return parseOnce(text, `${filePath}${shebangRunsTypeScript(text) ? '.ts' : '.js'}`, ext);
    return parseOnce(text, filePath, ext);
  } finally {
    // After the first parse the cache also holds the parser functions it compiled.
    const save = saveCodeCache;
    saveCodeCache = undefined;
    save?.();
  }
}

function parseOnce(text: string, filePath: string, ext: string): Program {
  return loadParser().parse(text, {
    loc: true,
    range: true,
    // No `comment: true`: collecting comments re-scans the whole file, and nothing reads them (suppression
    // comments are found in the text by core/lint/comments.ts).
    comment: false,
    jsx: JSX_EXTENSIONS.has(ext),
    // With a known extension TypeScript picks the script kind from filePath itself (.js allows JSX, .ts does not).
    filePath,
    suppressDeprecatedPropertyWarnings: true,
  });
}

/** estree `loc` is 1-based lines and 0-based UTF-16 columns; TextRange is 0-based for both. */
export function rangeOfLoc(loc: TSESTree.SourceLocation): TextRange {
  return { startLine: loc.start.line - 1, startColumn: loc.start.column, endLine: loc.end.line - 1, endColumn: loc.end.column };
}
