// Is a mention of `self.<attr>` a binding target? The class-wide summary of `self.<attr>` collects every member
// that binds it (collection.ts), found by a text search whose matches are mostly reads (`f(self.x)`,
// `self.x + 1`, `if self.x:`). Collecting a member runs the sites query over all of it; asking the tree about
// the one mention costs a few node steps. Only mentions that are plainly not targets are left out; anything
// unusual (a parse error on the way up) counts as a target, so no member that binds the attribute is skipped.
import type { Node } from 'web-tree-sitter';

/** Nodes a target sits in on its way up to its binding site (`a, self.x = …`, `for (self.x, b) in …`). */
const TARGET_LISTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern', 'list_splat']);

/** Binding sites whose `left` field holds their targets (scopes.ts readBindings). */
const LEFT_TARGET_SITES = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);

/**
 * Could the text `self.<attr>` at `at` (inside `within`) be a target that scopes.ts reads as a binding of
 * `self.<attr>`? False only when the tree shows it is not one: not the attribute `self.<attr>` itself (a comment,
 * a string, `x.self.attr`), or an attribute that is not the target of an assignment, update, loop or `with … as`.
 */
export function mayBindSelfAttr(within: Node, at: number, attr: string): boolean {
  const id = within.descendantForIndex(at);
  if (!id || id.type !== 'identifier') return false;
  const attribute = id.parent;
  if (!attribute || attribute.type !== 'attribute') return hasError(attribute);
  if (attribute.childForFieldName('object')?.id !== id.id || attribute.childForFieldName('attribute')?.text !== attr) return false;
  let t: Node = attribute;
  for (let i = 0; i < 100; i++) {
    const p = t.parent;
    if (!p) return false;
    const type = p.type;
    if (TARGET_LISTS.has(type)) {
      t = p;
      continue;
    }
    if (LEFT_TARGET_SITES.has(type)) return p.childForFieldName('left')?.id === t.id;
    // `with open(p) as self.f:` (and `except … as`, which binds nothing but costs only a collection)
    if (type === 'as_pattern_target' || type === 'as_pattern') return true;
    return hasError(p);
  }
  return true;
}

/** A parse error right here: the tree's shape says nothing, so count the mention as a possible target. */
function hasError(n: Node | null): boolean {
  return !!n && (n.type === 'ERROR' || n.isError || n.isMissing);
}
