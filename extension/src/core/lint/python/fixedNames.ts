// A name bound once and never rebound (`SIZE = 8` at module level, `n = 8` in a function, `IP = r"\d+…"`) is as
// fixed as what it is bound to: `range(SIZE)` is bounded just like `range(8)` (data scale), and `re.findall(IP, …)`
// uses that pattern (MW305). Python has no `const`, so "never rebound" is checked on the whole file: the one binding
// site is `name = <value>`, and every other mention of the name is a read. Any other binding of the name anywhere
// (another assignment, `+=`, a `for` target, a parameter, `global`, an import, `del`…) and the name is not taken as
// fixed, even where that other binding is a different function's local: a miss is cheaper than a wrong answer.
import type { Node, Tree } from 'web-tree-sitter';
import { isRead } from './localNames';

/** Files that mention the name more often than this are not checked (each mention asks the tree for a node). */
const MAX_MENTIONS = 200;

/** Per tree, per name: its one binding's assignment (whatever its value), or null. */
const cache = new WeakMap<Tree, Map<string, Node | null>>();

/** The nearest scope holding `node`: a function, class, lambda or comprehension body, or the module. */
function scopeOf(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) {
    if (/^(function_definition|class_definition|lambda|module)$|_comprehension$|^generator_expression$/.test(n.type)) return n;
  }
  return null;
}

/** The `name = <value>` statement's assignment (annotated too: `SIZE: Final = 8`) when `id` is its left side. */
function plainAssignment(id: Node): Node | null {
  const a = id.parent;
  if (a?.type !== 'assignment' || a.childForFieldName('left')?.id !== id.id || a.parent?.type !== 'expression_statement') return null;
  return a.childForFieldName('right') ? a : null;
}

/** The one binding site of `name` in the file when it is `name = <value>` and every other mention reads it. */
function onlyBinding(tree: Tree, name: string): Node | null {
  const text = tree.rootNode.text;
  const re = new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g');
  let site: Node | null = null;
  let mentions = 0;
  for (const m of text.matchAll(re)) {
    if (++mentions > MAX_MENTIONS) return null;
    const n = tree.rootNode.descendantForIndex(m.index!, m.index! + name.length);
    if (n?.type !== 'identifier' || n.text !== name) continue; // in a string or comment
    if (isRead(n)) continue;
    const a = plainAssignment(n);
    if (!a || site) return null;
    site = a;
  }
  return site;
}

/**
 * What the name `id` always holds where it is read, or null: its one binding in the file is `name = <value>`, in the
 * reading scope before the read or in a scope around it (not a class body, whose names its methods do not see, and
 * not another function).
 */
export function fixedValue(id: Node): Node | null {
  if (id.type !== 'identifier') return null;
  let byName = cache.get(id.tree);
  if (!byName) cache.set(id.tree, (byName = new Map()));
  let site = byName.get(id.text);
  if (site === undefined) byName.set(id.text, (site = onlyBinding(id.tree, id.text)));
  if (!site) return null;
  const siteScope = scopeOf(site);
  const useScope = scopeOf(id);
  if (!siteScope || !useScope) return null;
  // Read in the same scope: only after the binding. Read in a nested function or comprehension: the enclosing
  // scope's name (no other binding exists to shadow it), except a class body's, which nested functions do not see.
  if (siteScope.id === useScope.id) {
    if (site.startIndex > id.startIndex) return null;
  } else if (siteScope.type === 'class_definition' || id.startIndex < siteScope.startIndex || id.endIndex > siteScope.endIndex) return null;
  return site.childForFieldName('right');
}

/** The integer literal the name `id` always holds where it is read (see fixedValue), or null. */
export function fixedInteger(id: Node): Node | null {
  const v = fixedValue(id);
  return v?.type === 'integer' ? v : null;
}
