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
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    enter(node, parents.pop(), keys.pop()!, depth);
    // The children in source order, pushed last to first; collected in two scratch arrays rather than one
    // object per child, since this runs for every node of every file.
    const base = kidNodes.length;
    const rec = node as unknown as Record<string, unknown>;
    for (const key of valueKeysOf(node.type)) {
      const v = rec[key];
      if (Array.isArray(v)) {
        for (const c of v) {
          if (isValueNode(c)) {
            kidNodes.push(c);
            kidKeys.push(key);
          }
        }
      } else if (isValueNode(v)) {
        kidNodes.push(v);
        kidKeys.push(key);
      }
    }
    for (let i = kidNodes.length - 1; i >= base; i--) {
      nodes.push(kidNodes[i]);
      parents.push(node);
      keys.push(kidKeys[i]);
      depths.push(depth + 1);
    }
    kidNodes.length = base;
    kidKeys.length = base;
  }
}

// Scratch space for walk (re-entrant: a nested walk appends after the caller's entries and trims back).
const kidNodes: Node[] = [];
const kidKeys: string[] = [];
