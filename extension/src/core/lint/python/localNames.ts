// Which scope a mention of a name belongs to, read from the tree: whether an identifier binds the name or reads it,
// and whether a nested function (or lambda) has its own local of that name, which hides the enclosing one. A
// function binding `rows` anywhere in its body (a parameter, an assignment, a `for` target…) reads its own `rows`
// everywhere in that body, unless it declares it `global` or `nonlocal`.
import type { Node } from 'web-tree-sitter';

/** Parents that bind an identifier child (or a pattern holding it) rather than read it. */
const BINDING_PARENTS = new Set([
  'assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'named_expression', 'as_pattern_target',
  'global_statement', 'nonlocal_statement', 'parameters', 'lambda_parameters', 'default_parameter', 'typed_parameter',
  'typed_default_parameter', 'list_splat_pattern', 'dictionary_splat_pattern', 'dotted_name', 'aliased_import',
  'delete_statement', 'function_definition', 'class_definition', 'except_clause', 'case_pattern', 'keyword_pattern',
]);
/** Patterns that pass a binding on to their own parent (`a, n = …`, `for (i, n) in …`). */
const PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list']);
/** Scopes of their own that a walk of a function's names steps over (their names are theirs). */
const NESTED_SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);
/** Identifiers of one name looked at in one function at most (past it the function is taken not to bind it: its mentions stay reads). */
const MAX_MENTIONS = 2000;

/** True when the identifier `id` is read there, not bound (assigned, a target, a parameter, imported…). */
export function isRead(id: Node): boolean {
  let child = id;
  let p = id.parent;
  for (let i = 0; p && PATTERNS.has(p.type) && i < 20; i++) {
    child = p;
    p = p.parent;
  }
  if (!p || !BINDING_PARENTS.has(p.type)) return true;
  // Inside these the identifier is read unless it is the bound part.
  if (p.type === 'assignment' || p.type === 'augmented_assignment' || p.type === 'for_statement' || p.type === 'for_in_clause') return p.childForFieldName('left')?.id !== child.id;
  if (p.type === 'named_expression') return p.childForFieldName('name')?.id !== child.id;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.id !== child.id;
  if (p.type === 'function_definition' || p.type === 'class_definition') return p.childForFieldName('name')?.id !== child.id;
  return false;
}

/**
 * Does the identifier `id` name a variable? The attribute of `stats.trips` and the keyword of `f(trips=…)` are
 * spelt like a variable but are not one: `trips` there is no mention of a local `trips`.
 */
export function namesVariable(id: Node): boolean {
  const p = id.parent;
  if (p?.type === 'attribute') return p.childForFieldName('attribute')?.id !== id.id;
  if (p?.type === 'keyword_argument') return p.childForFieldName('name')?.id !== id.id;
  return true;
}

/** The function or lambda whose scope `id` is in (a `def`'s name is its enclosing scope's), below `stop`; null at `stop`. */
function ownFunction(id: Node, stop: Node): Node | null {
  let n = id.parent;
  if (n && n.type === 'function_definition' && n.childForFieldName('name')?.id === id.id) n = n.parent;
  for (; n && n.id !== stop.id; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') return n;
  return null;
}

/**
 * Does `fn` (a function or lambda) bind `name` in its own scope, not declared `global`/`nonlocal` there? Its own
 * name, decorators and annotations are outside it; mentions inside functions and classes nested in it are theirs, and
 * a comprehension's `for` targets the comprehension's.
 */
function bindsOwnLocal(fn: Node, name: string): boolean {
  let binds = false;
  let seen = 0;
  const stack = [fn.childForFieldName('body'), fn.childForFieldName('parameters')].filter((c): c is Node => !!c);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier') {
      if (n.text !== name) continue;
      if (++seen > MAX_MENTIONS) return false;
      const p = n.parent?.type;
      if (p === 'global_statement' || p === 'nonlocal_statement') return false;
      if (!isRead(n)) binds = true;
      continue;
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (!c || (n.type === 'for_in_clause' && n.childForFieldName('left')?.id === c.id)) continue;
      // a nested scope binds only its name here (`def rows():`); what fn evaluates of it (its parameters' defaults,
      // its decorators, outside it) reads names
      if (NESTED_SCOPES.has(c.type)) {
        const own = c.childForFieldName('name');
        if (own) stack.push(own);
        continue;
      }
      stack.push(c);
    }
  }
  return binds;
}

/**
 * Is the identifier `id`, inside `scope`, a mention of another scope's `name`: of a function or lambda nested in
 * `scope` that has its own local of that name (between `id` and `scope`, the innermost one that binds it)?
 * `memo` keeps each nested function's answer for one caller's walk.
 */
export function shadowedIn(id: Node, scope: Node, memo: Map<number, boolean>): boolean {
  for (let fn = ownFunction(id, scope); fn; fn = ownFunction(fn, scope)) {
    // a default value or a decorator of fn is read in the scope around it
    const body = fn.childForFieldName('body');
    const params = fn.childForFieldName('parameters');
    const inScope = (body && id.startIndex >= body.startIndex && id.endIndex <= body.endIndex) || (params && id.startIndex >= params.startIndex && id.endIndex <= params.endIndex && !isDefaultValue(id, params));
    if (!inScope) continue;
    let own = memo.get(fn.id);
    if (own === undefined) memo.set(fn.id, (own = bindsOwnLocal(fn, id.text)));
    if (own) return true;
  }
  return false;
}

/** Is `id` inside a parameter's default value (or annotation), which the enclosing scope evaluates? */
function isDefaultValue(id: Node, params: Node): boolean {
  for (let n = id.parent, child = id; n && n.id !== params.id; child = n, n = n.parent) {
    if ((n.type === 'default_parameter' || n.type === 'typed_default_parameter') && n.childForFieldName('name')?.id !== child.id) return true;
    if ((n.type === 'typed_parameter' || n.type === 'typed_default_parameter') && child.type === 'type') return true;
  }
  return false;
}
