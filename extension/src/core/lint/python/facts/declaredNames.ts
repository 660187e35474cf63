// `global x` / `nonlocal x` in a function: its reads and stores of x are the module's (or the enclosing
// function's) x. A read in the declaring function looks x up there (`total += row[2]` adds to the module's
// `total = 0`); the module's x also joins the plain assignments of x in every function that declares it global
// (`LIMIT = int(LIMIT)` in `setup()`), so a read elsewhere is not taken for the text it started as. Augmented
// updates (`total += v`) stay out of that join: their value is the one before, updated, which would meet itself.
// (A nonlocal rebinding is not joined into the enclosing function's own reads: a documented limit.)
import type { Node } from 'web-tree-sitter';
import { namesOf, scopeAt, type Binding, type Scope } from './scopes';

/** Does the file declare any name global or nonlocal? (Files that do not skip the rest.) */
export const DECLARES = /\b(?:global|nonlocal)[ \t]+\w/;

/** At most this many declarations of one name are followed (more: the module's value is unknown). */
const MAX_DECLARATIONS = 10;

interface Declarations {
  readonly root: Scope;
  declarationsOf(name: string): Node[];
  ensureAt(pos: number): void;
}

/** Whether `scope` (a function) declares `name` global or nonlocal. */
export function declarationIn(a: Declarations, scope: Scope, name: string): 'global' | 'nonlocal' | null {
  for (const st of a.declarationsOf(name)) {
    if (st.startIndex < scope.start || st.startIndex >= scope.end || scopeAt(a.root, st.startIndex) !== scope) continue;
    return st.type === 'global_statement' ? 'global' : 'nonlocal';
  }
  return null;
}

/** The plain bindings of module-level `name` made inside functions that declare it global; null when too many. */
export function globalRebinds(a: Declarations, name: string): Binding[] | null {
  const decls = a.declarationsOf(name);
  if (decls.length > MAX_DECLARATIONS) return null;
  const out: Binding[] = [];
  for (const st of decls) {
    if (st.type !== 'global_statement') continue;
    a.ensureAt(st.startIndex);
    for (const b of namesOf(scopeAt(a.root, st.startIndex)).get(name) ?? []) if (b.site.kind !== 'augmented_assignment') out.push(b);
  }
  return out;
}
