// Iterative traversal of an estree tree: no recursion, so 10,000-deep nesting cannot overflow the stack.
// A node's children are the keys @typescript-eslint/visitor-keys lists for its type (the table the scope
// manager and ESLint walk by, shipped in the parser bundle), in source order; type-only subtrees
// (annotations, interfaces) are skipped: they hold no values.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { loadParser } from './parser';

type Node = TSESTree.Node;

const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'superTypeParameters', 'implements']);
const SKIP_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSModuleDeclaration', 'TSEnumDeclaration', 'TSAbstractMethodDefinition', 'TSIndexSignature']);

/** The value-carrying child keys of each node type, computed once per type from visitor-keys. */
const valueKeys = new Map<string, readonly string[]>();
function valueKeysOf(type: string): readonly string[] {
  let keys = valueKeys.get(type);
  if (!keys) {
    keys = (loadParser().visitorKeys[type] ?? []).filter((k) => !TYPE_KEYS.has(k));
    valueKeys.set(type, keys);
  }
  return keys;
}

function isValueNode(c: unknown): c is Node {
  return !!c && typeof (c as Node).type === 'string' && !SKIP_TYPES.has((c as Node).type);
}

/**
 * Visit every node in document (pre-)order, with its parent, the key under which it sits and its depth
 * (the root is 0).
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined, key: string, depth: number) => void): void {
  // Parallel arrays instead of frame objects: this runs over every node of every file.
  const nodes: Node[] = [root];
  const parents: (Node | undefined)[] = [undefined];
  const keys: string[] = [''];
  const depths: number[] = [0];
  const push = (c: Node, parent: Node, key: string, depth: number) => {
    nodes.push(c);
    parents.push(parent);
    keys.push(key);
    depths.push(depth);
  };
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    enter(node, parents.pop(), keys.pop()!, depth);
    // The children pushed last to first (keys and array elements both backwards), so they are popped in
    // source order. No scratch list: shrinking one by setting its length is a runtime call per node.
    const rec = node as unknown as Record<string, unknown>;
    const childKeys = valueKeysOf(node.type);
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const key = childKeys[k];
      const v = rec[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (isValueNode(v[i])) push(v[i], node, key, depth + 1);
      } else if (isValueNode(v)) push(v, node, key, depth + 1);
    }
  }
}
