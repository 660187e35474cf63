// Lazy web-tree-sitter setup for Python. Nothing here runs until the first Python file is linted, so the
// catalog, reporters and the JS front end never pay for the wasm runtime.
import * as fs from 'fs';
import type { Language, Parser, Query, Tree } from 'web-tree-sitter';
import { assetPath } from '../../assets';
import type { IncrementalEdit } from '../types';
import { repairEdit, type CleanBase, type ReuseHistory } from './reuseBase';

interface Loaded {
  parser: Parser;
  language: Language;
  QueryCtor: typeof Query;
}

let loading: Promise<Loaded> | undefined;
const queries = new Map<string, Query>();

/** Loads the runtime and the grammar once per process; later calls reuse them. */
export function loadPython(): Promise<Loaded> {
  if (!loading) {
    loading = (async () => {
      // require() at call time keeps the parser out of module-load of the catalog.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const wts = require('web-tree-sitter') as typeof import('web-tree-sitter');
      // Both wasm files as bytes: given a path, Language.load reads it through `import('fs/promises')`, which
      // starts Node's ES module loader in every lint thread (~10 ms) and cannot run at all in the CLI bundle
      // as the launcher loads it (a vm.Script: cliLauncher.ts).
      await wts.Parser.init({ wasmBinary: fs.readFileSync(assetPath('tree-sitter.wasm')) });
      const language = await wts.Language.load(fs.readFileSync(assetPath('tree-sitter-python.wasm')));
      const parser = new wts.Parser();
      parser.setLanguage(language);
      return { parser, language, QueryCtor: wts.Query };
    })();
    loading.catch(() => {
      loading = undefined; // let a later lint retry (e.g. after `npm run build` created the wasm)
    });
  }
  return loading;
}

/** A compiled query, cached by its source text (compiling costs more than running). */
export function pythonQuery(loaded: Loaded, source: string): Query {
  let q = queries.get(source);
  if (!q) {
    q = new loaded.QueryCtor(loaded.language, source);
    queries.set(source, q);
  }
  return q;
}

/** The parse state a lint result hands back so the next lint of the same document can re-parse incrementally. */
export class PythonParseState {
  /** What the rules left for the next lint after an edit (reuse.ts); plain data, no tree nodes needed. */
  snapshot?: import('./reuse').LintSnapshot;
  /** Whether this text had a syntax error, and the last run whose text had none (reuseBase.ts). */
  broken?: boolean;
  cleanBase?: CleanBase;
  repair?: ReuseHistory['repair'];
  /** How many chunks took their findings from the previous run instead of being evaluated (tests, benchmarks). */
  reused = 0;
  /** How many candidates took their findings from the previous run (a chunk may keep some and evaluate others). */
  reusedCandidates = 0;
  constructor(public tree: Tree, public text: string) {}
  dispose(): void {
    this.snapshot = undefined;
    const clean = this.cleanBase;
    this.cleanBase = undefined;
    try {
      clean?.tree.delete();
    } catch {
      // already deleted
    }
    try {
      this.tree.delete();
    } catch {
      // already deleted
    }
  }
}

/**
 * Parses `text`, reusing `previous` when edits describe how its text became `text`. tree-sitter takes the
 * string as UTF-16, so indices and columns come back in UTF-16 code units, the unit TextRange wants.
 */
export function parsePython(loaded: Loaded, text: string, previous?: unknown, edits?: IncrementalEdit[]): Tree {
  let old: Tree | null = null;
  // After a broken text, from the last clean tree when it is near (reuseBase.ts): error recovery made the broken
  // tree slow to parse again from.
  const repair = previous instanceof PythonParseState && edits && edits.length > 0 ? repairEdit(previous, text) : null;
  if (repair) {
    old = (previous as PythonParseState).cleanBase!.tree.copy();
    old.edit(repair);
  } else if (previous instanceof PythonParseState && edits && edits.length > 0) {
    // Edit a copy: the caller still owns `previous` and disposes it.
    old = previous.tree.copy();
    for (const e of edits) old.edit(e);
  } else if (previous instanceof PythonParseState && previous.text === text) {
    return previous.tree.copy();
  }
  const tree = loaded.parser.parse(text, old);
  old?.delete();
  if (!tree) throw new Error('tree-sitter returned no tree for a Python file');
  return tree;
}
