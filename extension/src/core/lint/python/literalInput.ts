// Which file a data finding's input is, when the program names it with a string literal: `open("words.txt")`,
// `Path("data.csv").read_text()`, `pd.read_csv("data.csv")`, `csv.reader(open("x.csv"))`, or a handle or
// reader kept in a name first (`with open("x") as f: f.readlines()`). The path may be kept in a name bound
// once, passed the same literal by every in-file call, or joined to the script's folder (literalNames.ts).
// The engine weighs that file (literalInputSize.ts); this module only reads the tree and the value facts,
// never the disk. Anything else (a path from argv, an f-string, a name bound twice) has no literal input:
// the finding stays as it is.
import type { Node } from 'web-tree-sitter';
import type { LiteralInput } from '../types';
import type { FileFacts } from './facts/fileFacts';
import type { TextSource } from './facts/factTypes';
import { COPYING_FUNCTIONS, FOLDER_FUNCTIONS, FUNCTION_EVALUATIONS, METHOD_EVALUATIONS, PATH_CONSTRUCTORS, PATH_JOINS, PATH_PROPERTIES, wholeReaders } from './library/derived';
import { calleeOf, positionalArgs, stringValue, unwrap } from './syntax';
import { literalPathOfName } from './literalNames';
import { sourceCodeInputOf } from './sourceCodeInput';

/** Functions whose first argument is the file or path they read. */
const READERS_OF_ARG: ReadonlySet<string> = new Set([
  ...[...FUNCTION_EVALUATIONS].filter(([, e]) => e === 'open-file' || e === 'compressed-open' || e === 'csv-reader' || e === 'csv-dict-reader' || e === 'numpy-load' || e === 'pandas-read').map(([f]) => f),
  ...wholeReaders('table'),
  ...wholeReaders('array'),
  ...wholeReaders('document'),
  ...PATH_CONSTRUCTORS,
  'file', // Python 2's open(); such scripts are still linted (their readlines() findings are real)
]);
/** Methods that read (or open) their receiver: the receiver is the file or path. */
const READS_RECEIVER: ReadonlySet<string> = new Set(['read-lines', 'read-line', 'read-file', 'read-path', 'path-open']);
/** Source kinds whose reader call names a file (not a split of text already in hand, not a regex, not input()). */
const FILE_KINDS: ReadonlySet<TextSource['kind']> = new Set(['file', 'csv', 'pandas', 'numpy']);
const MAX_DEPTH = 5;

/** The literal input behind an expression: a string literal, a reader or path call, or a name holding one. */
export function literalInputOf(facts: FileFacts, expr: Node | null, depth = 0): LiteralInput | undefined {
  const n = unwrap(expr);
  if (!n || depth > MAX_DEPTH) return undefined;
  if (n.type === 'call' && !PATH_JOINS.has(calleeOf(n)?.full ?? '')) return literalInputOfCall(facts, n, depth);
  if (n.type === 'identifier' || n.type === 'attribute') {
    let src: TextSource | null = null;
    try {
      src = facts.dataSourceOf(n);
    } catch {
      return undefined; // the facts could not answer: no evidence, the finding stays as it is
    }
    if (src && src.node.id !== n.id) return literalInputOfSource(facts, src, depth + 1) ?? sourceCodeInputOf(n);
    // Not a handle the facts know (a binary `open(p, "rb")` holds no text): a name bound once to the path itself
    // (`filename = "pi_digits.txt"`) or to a reader of it (`f = open(filepath, "rb")`).
    // Else a file picked by a source-code extension (a line counter over `.py` files): sourceCodeInput.ts.
    return n.type === 'identifier' ? literalPathOfName(n, (e) => literalInputOf(facts, e, depth + 1)) ?? sourceCodeInputOf(n) : undefined;
  }
  return literalPathOf(n, depth) ?? sourceCodeInputOf(n);
}

/**
 * A path written in the code: a string literal, `os.path.join` of literals, or of the script's own folder and
 * literals (`os.path.join(os.path.dirname(__file__), "words.txt")`, `Path(__file__).parent / "words.txt"`),
 * which is the folder the engine looks in first. Names bound once to such a path are followed by the caller.
 */
function literalPathOf(expr: Node | null, depth: number): LiteralInput | undefined {
  const n = unwrap(expr);
  if (!n || depth > MAX_DEPTH) return undefined;
  if (n.type === 'string') {
    const path = stringValue(n);
    return path ? { path } : undefined;
  }
  if (n.type === 'identifier') return literalPathOfName(n, (e) => literalPathOf(e, depth + 1));
  if (n.type === 'call' && PATH_JOINS.has(calleeOf(n)?.full ?? '')) return joined(positionalArgs(n));
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '/') {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    return left && right && isScriptFolder(left) ? joined([right]) : undefined;
  }
  return undefined;
}

/**
 * The script's own folder: the folder of `__file__` (`os.path.dirname(__file__)`, of `os.path.abspath(__file__)`,
 * `Path(__file__).parent`, `Path(__file__).resolve().parent`): one step up from the file, read through the model.
 */
function isScriptFolder(n: Node): boolean {
  const e = unwrap(n);
  if (!e) return false;
  if (e.type === 'call' && FOLDER_FUNCTIONS.has(calleeOf(e)?.full ?? '')) return namesScriptFile(positionalArgs(e)[0] ?? null);
  if (e.type === 'attribute' && PATH_PROPERTIES[e.childForFieldName('attribute')?.text ?? ''] === 'path') return namesScriptFile(e.childForFieldName('object'));
  return false;
}

/** `__file__`, or a call that keeps it the same file (`os.path.abspath(__file__)`, `Path(__file__).resolve()`). */
function namesScriptFile(n: Node | null, depth = 0): boolean {
  const e = unwrap(n);
  if (!e || depth > 3) return false;
  if (e.type === 'identifier') return e.text === '__file__';
  if (e.type !== 'call') return false;
  const c = calleeOf(e);
  if (c?.object && positionalArgs(e).length === 0) return namesScriptFile(c.object, depth + 1); // Path(__file__).resolve()
  const args = positionalArgs(e);
  return args.length === 1 && !FOLDER_FUNCTIONS.has(c?.full ?? '') && namesScriptFile(args[0], depth + 1);
}

/** The parts of a join, all literals after an optional leading script folder. */
function joined(parts: readonly Node[]): LiteralInput | undefined {
  const rest = parts.length && isScriptFolder(parts[0]) ? parts.slice(1) : parts;
  const values = rest.map((p) => stringValue(unwrap(p)));
  if (!values.length || values.some((v) => !v)) return undefined;
  return { path: values.join('/') };
}

/** The literal input a data source's reader names (`open("x")`, `pd.read_csv("x")`, `csv.reader(f)` with f from `open("x")`). */
export function literalInputOfSource(facts: FileFacts, src: TextSource, depth = 0): LiteralInput | undefined {
  if (!FILE_KINDS.has(src.kind) || src.node.type !== 'call') return undefined;
  return literalInputOfCall(facts, src.node, depth);
}

function literalInputOfCall(facts: FileFacts, call: Node, depth: number): LiteralInput | undefined {
  const c = calleeOf(call);
  if (!c) return undefined;
  if (c.full && READERS_OF_ARG.has(c.full)) return literalInputOf(facts, positionalArgs(call)[0] ?? null, depth + 1);
  // `list(reader)`, `list(csv.reader(f))` (MW303 reports the copy): the rows come from what the copy is made of.
  if (c.full && COPYING_FUNCTIONS.has(c.full) && positionalArgs(call).length === 1) return literalInputOf(facts, positionalArgs(call)[0], depth + 1);
  const kind = METHOD_EVALUATIONS.get(c.last);
  if (c.object && kind && READS_RECEIVER.has(kind)) return literalInputOf(facts, c.object, depth + 1);
  // `f.read().splitlines()`, `Path("x").read_text().split("\n")`: the text's receiver is the read.
  if (c.object && (kind === 'split-lines' || kind === 'split-text')) {
    const receiver = unwrap(c.object);
    return receiver?.type === 'call' ? literalInputOfCall(facts, receiver, depth + 1) : literalInputOf(facts, receiver, depth + 1);
  }
  return undefined;
}

