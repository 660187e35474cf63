import type { PythonRule } from '../ruleContext';
import { isOpenCall, lastWords, moduleDotBefore, moduleWords, wholeReaders } from '../library/derived';
import { insertAt } from '../ruleContext';
import type { Node } from 'web-tree-sitter';
import { calleeOf, enclosingOfType, hasSplat, keywordArg, positionalArgs, stringValue, unwrap } from '../syntax';

/** `np.load` and its spellings (library model: whole-file array reads). */
const ARRAY_FILE_READERS = wholeReaders('array');

/**
 * The values the path argument may hold: itself, or for a name the right sides of its assignments and `with … as`
 * items in its scope, and for a parameter the arguments of the in-file calls of its function. Bindings out of sight
 * (a `for` target, an import, a global) add nothing: the rule still reports. `wide` is called before the tree is
 * read outside the function holding `arg` (module code, call sites): reads FileFacts does not track.
 */
function pathValues(arg: Node, wide: () => void, depth = 0): Node[] {
  if (arg.type !== 'identifier') return [arg];
  const fn = enclosingOfType(arg, ['function_definition']);
  if (!fn) wide();
  const scope = fn?.childForFieldName('body') ?? arg.tree.rootNode;
  const out: Node[] = [];
  for (const n of scope.descendantsOfType(['assignment', 'as_pattern'])) {
    if (!n || enclosingOfType(n, ['function_definition', 'lambda'])?.id !== fn?.id) continue;
    if (n.type === 'assignment' && n.childForFieldName('left')?.text === arg.text) out.push(n.childForFieldName('right') ?? n);
    if (n.type === 'as_pattern' && n.childForFieldName('alias')?.text === arg.text && n.namedChild(0)) out.push(n.namedChild(0)!);
  }
  const params = fn?.childForFieldName('parameters')?.namedChildren ?? [];
  const at = params.findIndex((p) => p?.text === arg.text);
  const name = fn?.childForFieldName('name')?.text;
  if (at >= 0 && name && fn?.parent?.type === 'module') {
    wide();
    for (const call of arg.tree.rootNode.descendantsOfType('call')) {
      if (call?.childForFieldName('function')?.text !== name) continue;
      const given = keywordArg(call, arg.text) ?? positionalArgs(call)[at];
      // A name passed in (`read(handle)`) is followed once more, into the caller's scope.
      if (given) out.push(...(given.type === 'identifier' && depth < 2 ? pathValues(given, wide, depth + 1) : [given]));
    }
  }
  return out;
}

/** A value np.load cannot memory-map or that is no .npy file: an open file handle, or a path not ending in .npy. */
function notMappable(v: Node): boolean {
  const p = stringValue(v);
  if (p !== null) return !p.endsWith('.npy');
  if (/npz/i.test(v.text)) return true;
  // mmap_mode needs a file name: numpy refuses an open handle ("Memmap cannot use existing file handles").
  const c = v.type === 'call' ? calleeOf(v) : null;
  return !!c && isOpenCall(c.full, c.last);
}

/**
 * Is `call` in the branch of an `if`/`elif` that tests its path name for another extension
 * (`if log_file.endswith(".npz"): data = np.load(log_file)`)? Then the file there is no .npy: nothing to map.
 */
function guardedAsOtherExtension(call: Node, path: Node): boolean {
  if (path.type !== 'identifier') return false;
  const test = new RegExp(`(?<![\\w.])${path.text}\\s*\\.\\s*endswith\\s*\\(\\s*(?:f?['"]([^'"]*)['"])`);
  for (let n: Node | null = call, up = call.parent; up && up.type !== 'function_definition' && up.type !== 'module'; n = up, up = up.parent) {
    if (up.type !== 'if_statement' && up.type !== 'elif_clause') continue;
    // only the branch the test guards, not its `else`
    if (up.childForFieldName('consequence')?.id !== n.id) continue;
    const ext = test.exec(up.childForFieldName('condition')?.text ?? '')?.[1];
    if (ext !== undefined && ext !== '' && !/\.?npy$/.test(ext)) return true;
  }
  return false;
}

/**
 * Is the load the context manager of a `with` (`with np.load(path) as archive:`)? An array is none: only the NpzFile
 * of an .npz archive is, so the path is no .npy file, whatever it is named.
 */
function isContextManager(call: Node): boolean {
  let n: Node = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent?.type === 'as_pattern' ? n.parent.parent : n.parent;
  return p?.type === 'with_item';
}

export const npLoadWithoutMmap: PythonRule = {
  meta: {
    code: 'MW407', name: 'np-load-without-mmap', language: 'python', family: 4, defaultSeverity: 'info',
    summary: 'np.load of a .npy file without mmap_mode reads the whole array into memory.',
    fixable: true, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `np.load(path)` without `mmap_mode=` (except for .npz archives and open file handles, which cannot be memory-mapped, also a path the enclosing `if` tests for another extension: `if path.endswith(".npz"): np.load(path)`, and a load used as the context manager of a `with` (`with np.load(path) as archive:`), which only an .npz archive can be).',
      whyIsThisBad: 'The whole array is read into RAM even if the code touches a slice. With mmap_mode="r" the OS pages in only what is used and can drop it again under pressure.',
      example: 'import numpy as np\n\nemb = np.load("embeddings.npy")\nprint(emb[:10].mean())\n',
      useInstead: 'import numpy as np\n\nemb = np.load("embeddings.npy", mmap_mode="r")\nprint(emb[:10].mean())\n',
      dataScale: 'A .npy file holds an array saved from data, so every np.load of one counts as data-scale; .npz archives (which cannot be memory-mapped) and calls that already pass mmap_mode are not reported.',
      fixSafety: 'Unsafe: the result becomes a read-only memmap; code that writes into the array would fail.',
    },
  },
  cacheable: true,
  triggers: [{ tokens: lastWords(ARRAY_FILE_READERS), before: moduleDotBefore(ARRAY_FILE_READERS), after: /^\s*\(/, type: 'call' }],
  appliesTo: moduleWords(ARRAY_FILE_READERS),
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !ARRAY_FILE_READERS.includes(c.full ?? '') || keywordArg(node, 'mmap_mode') || hasSplat(node)) return;
        const args = positionalArgs(node);
        if (args.length !== 1) return;
        // Module code and call sites elsewhere in the file are read from the tree, not through FileFacts: after an
        // edit such a visit is evaluated again (ctx.untracked), the others are reused.
        if (pathValues(unwrap(args[0]) ?? args[0], () => ctx.untracked()).some(notMappable)) return;
        if (guardedAsOtherExtension(node, unwrap(args[0]) ?? args[0])) return;
        if (isContextManager(node)) return;
        const close = node.childForFieldName('arguments')?.lastChild;
        ctx.report({
          node,
          message: '`np.load` without mmap_mode reads the whole array into memory. Pass mmap_mode="r" to map the file and page in only the parts you use.',
          fixes: close && close.type === ')' ? [{ title: 'Memory-map with mmap_mode="r"', edits: [insertAt(close.startPosition.row, close.startPosition.column, ', mmap_mode="r"')], safety: 'unsafe' }] : [],
        });
      },
    };
  },
};
