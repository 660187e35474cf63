// Is the file a data finding reads a program's source code? Line counters and code statistics walk a folder
// (`os.listdir`, `os.walk`, `glob`) and open every `.py`/`.c`/`.java` file, or read the script itself
// (`open(__file__)`). Source files are small by nature (a 10,000-line module is about 400 KB), so whole-file
// reads of them cost nothing, whatever folder is walked. Measured on public repositories (docs/benchmarks.md,
// real code): 11 of 74 correct-but-trivial findings of one round were such line counters.
// The answer is syntactic and conservative: the path's name (or the file name it is joined from) is tested
// against a source-code extension by an `if` around the read, by an earlier `if … : continue`, or by the
// filter of the list the `for` takes it from (`glob("*.py")`, `[f for f in os.listdir(d) if f.endswith(".py")]`).
// The engine shows such findings as information (literalInputSize.ts); nothing is removed.
import type { Node } from 'web-tree-sitter';
import type { LiteralInput } from '../types';
import { SOURCE_EXTENSION_FILTER } from '../sourceExtensions';
import { EXIT_FUNCTIONS, MODULE_ATTRIBUTES, PATH_JOINS } from './library/derived';
import { moduleFunction } from './inFileFunctions';
import { calleeOf, positionalArgs, stringValue, unwrap } from './syntax';
import { assignmentsOf, enclosingScope } from './scopeSites';

const MAX_HOPS = 3;

/** The source-code extension literal in `n`'s text, if any (`".py"`, `"*.cpp"`, `r"\.py$"`, `"py"`). */
function sourceExtensionIn(n: Node): string | null {
  const stack: Node[] = [n];
  for (let i = 0; stack.length && i < 400; i++) {
    const c = stack.pop()!;
    if (c.type === 'string') {
      const v = stringValue(c);
      if (v && SOURCE_EXTENSION_FILTER.test(v)) return v;
      continue;
    }
    for (let k = c.namedChildCount - 1; k >= 0; k--) {
      const x = c.namedChild(k);
      if (x) stack.push(x);
    }
  }
  return null;
}

function mentions(n: Node, names: ReadonlySet<string>): boolean {
  const stack: Node[] = [n];
  for (let i = 0; stack.length && i < 400; i++) {
    const c = stack.pop()!;
    if (c.type === 'identifier' && names.has(c.text)) return true;
    for (let k = c.namedChildCount - 1; k >= 0; k--) {
      const x = c.namedChild(k);
      if (x) stack.push(x);
    }
  }
  return false;
}

function within(node: Node, outer: Node | null): boolean {
  return !!outer && node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}


/**
 * `if not name.endswith(".py"): continue` (or `return`, `raise`, or a script's `sys.exit()` / `quit()`): the
 * statements after it only see source files.
 */
function exitsEarly(stmt: Node): boolean {
  if (stmt.type !== 'if_statement' || stmt.namedChildren.some((c) => c?.type === 'else_clause' || c?.type === 'elif_clause')) return false;
  const cond = unwrap(stmt.childForFieldName('condition'));
  const last = stmt.childForFieldName('consequence')?.lastNamedChild;
  const call = last?.type === 'expression_statement' ? unwrap(last.namedChild(0)) : null;
  const exits = call?.type === 'call' && EXIT_FUNCTIONS.has(call.childForFieldName('function')?.text ?? '');
  return cond?.type === 'not_operator' && (exits || last?.type === 'continue_statement' || last?.type === 'return_statement' || last?.type === 'raise_statement');
}

/** An early exit among the statements of `block` before `child` that tests one of `names` for a source extension. */
function exitGuard(block: Node, child: Node, names: ReadonlySet<string>): string | null {
  for (const s of block.namedChildren) {
    if (!s || s.startIndex >= child.startIndex) break;
    const cond = s.childForFieldName('condition');
    if (exitsEarly(s) && cond && mentions(cond, names)) {
      const ext = sourceExtensionIn(cond);
      if (ext) return ext;
    }
  }
  return null;
}

/** The names a path is built from: itself, and what its one assignment joins (`p = os.path.join(d, f)` → p, d, f). */
function pathNames(id: Node, scope: Node): Set<string> {
  const names = new Set([id.text]);
  const bindings = assignmentsOf(scope, id.text);
  if (bindings.length === 1 && bindings[0].type === 'assignment') {
    const right = unwrap(bindings[0].childForFieldName('right'));
    if (right?.type === 'call' && PATH_JOINS.has(calleeOf(right)?.full ?? '')) for (const a of positionalArgs(right)) if (a.type === 'identifier') names.add(a.text);
    if (right?.type === 'binary_operator') for (const side of [right.childForFieldName('left'), right.childForFieldName('right')]) if (side?.type === 'identifier') names.add(side.text);
  }
  return names;
}

/** The iterable of a `for` whose target binds one of `names`, followed into a name bound once (`files = [...]`). */
function filteredIterable(loop: Node, names: ReadonlySet<string>, scope: Node): string | null {
  const left = loop.childForFieldName('left');
  if (!left || !mentions(left, names)) return null;
  let right = unwrap(loop.childForFieldName('right'));
  for (let hop = 0; right?.type === 'identifier' && hop < MAX_HOPS; hop++) {
    const b = assignmentsOf(scope, right.text);
    right = b.length === 1 && b[0].type === 'assignment' ? unwrap(b[0].childForFieldName('right')) : null;
  }
  if (!right) return null;
  // `for f in list_sources(d)`: an in-file function whose own `if` tests a source-code extension.
  const c = right.type === 'call' ? right.childForFieldName('function') : null;
  const lister = c?.type === 'identifier' ? moduleFunction(right.tree.rootNode, c.text) : null;
  return lister ? extensionTestedIn(lister) : sourceExtensionIn(right);
}

/** A source-code extension tested by an `if` (or a comprehension's `if`) in `fn`'s body. */
function extensionTestedIn(fn: Node): string | null {
  const stack: Node[] = [fn];
  for (let i = 0; stack.length && i < 2000; i++) {
    const c = stack.pop()!;
    if (c.type === 'if_statement' || c.type === 'elif_clause' || c.type === 'if_clause') {
      const cond = c.type === 'if_clause' ? c : c.childForFieldName('condition');
      const ext = cond ? sourceExtensionIn(cond) : null;
      if (ext) return ext;
    }
    for (let k = c.namedChildCount - 1; k >= 0; k--) {
      const x = c.namedChild(k);
      if (x) stack.push(x);
    }
  }
  return null;
}

/** The source-code extension that selects the file `id` names where it is read, or null. */
function sourceExtensionGuarding(id: Node): string | null {
  const scope = enclosingScope(id);
  if (!scope) return null;
  const names = pathNames(id, scope);
  let child: Node = id;
  for (let n = id.parent; n && n.id !== scope.id; child = n, n = n.parent) {
    if ((n.type === 'if_statement' || n.type === 'elif_clause') && within(id, n.childForFieldName('consequence'))) {
      const cond = n.childForFieldName('condition');
      const ext = cond && unwrap(cond)?.type !== 'not_operator' && mentions(cond, names) ? sourceExtensionIn(cond) : null;
      if (ext) return ext;
    }
    if (n.type === 'for_statement' || n.type === 'for_in_clause') {
      const ext = filteredIterable(n, names, scope);
      if (ext) return ext;
    }
    if (n.type === 'block') {
      const ext = exitGuard(n, child, names);
      if (ext) return ext;
    }
  }
  // a script's own top level: `if not fname.endswith(".tex"): quit()` before the read
  return scope.type === 'module' ? exitGuard(scope, child, names) : null;
}

/**
 * The input `expr` names when it is program source: the script itself (`__file__`, `sys.argv[0]`), or a file
 * picked by a source-code extension. `expr` is a path expression (a name, a join, `__file__`).
 */
export function sourceCodeInputOf(expr: Node | null): LiteralInput | undefined {
  const n = unwrap(expr);
  if (!n) return undefined;
  if (n.type === 'identifier' && n.text === '__file__') return { path: '', sourceCode: 'this script itself' };
  // `sys.argv[0]`: the first item of the command line (the model's list-of-text module attribute) is the script.
  if (n.type === 'subscript' && MODULE_ATTRIBUTES.get(n.childForFieldName('value')?.text ?? '')?.holds === 'text-list' && n.childForFieldName('subscript')?.text === '0') return { path: '', sourceCode: 'this script itself' };
  let id: Node | null = n.type === 'identifier' ? n : null;
  if (n.type === 'call' && PATH_JOINS.has(calleeOf(n)?.full ?? '')) {
    const last = positionalArgs(n).at(-1);
    id = last?.type === 'identifier' ? last : null;
  }
  if (!id) return undefined;
  const ext = sourceExtensionGuarding(id);
  return ext ? { path: '', sourceCode: `source code (files picked by \`${ext}\`)` } : undefined;
}
