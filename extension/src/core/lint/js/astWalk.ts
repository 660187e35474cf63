// Iterative traversal of an estree tree: no recursion, so 10,000-deep nesting cannot overflow the stack.
// Type-only subtrees (annotations, interfaces) are skipped: they hold no values.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Node = TSESTree.Node;

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'comments', 'tokens', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'superTypeParameters', 'implements']);
const SKIP_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSModuleDeclaration', 'TSEnumDeclaration', 'TSAbstractMethodDefinition', 'TSIndexSignature']);

export interface ChildSlot {
  key: string;
  node: Node;
}

/** Children of a node in source order, with the key they sit under. */
export function childSlots(node: Node): ChildSlot[] {
  const out: ChildSlot[] = [];
  const rec = node as unknown as Record<string, unknown>;
  for (const key in rec) {
    if (SKIP_KEYS.has(key)) continue;
    const v = rec[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof (c as Node).type === 'string' && !SKIP_TYPES.has((c as Node).type)) out.push({ key, node: c as Node });
    } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string' && !SKIP_TYPES.has((v as Node).type)) {
      out.push({ key, node: v as Node });
    }
  }
  return out;
}

/**
 * Visit every node in document (pre-)order. `enter` runs on the way down, `exit` after all children.
 * The parent and the key under which the node sits are passed along.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined, key: string) => void, exit?: (node: Node) => void): void {
  // Parallel arrays instead of frame objects: this runs over every node of every file.
  const nodes: Node[] = [root];
  const parents: (Node | undefined)[] = [undefined];
  const keys: string[] = [''];
  const exiting: boolean[] = [false];
  while (nodes.length) {
    const node = nodes.pop()!;
    const parent = parents.pop();
    const key = keys.pop()!;
    if (exiting.pop()) {
      exit?.(node);
      continue;
    }
    enter(node, parent, key);
    if (exit) {
      nodes.push(node);
      parents.push(parent);
      keys.push(key);
      exiting.push(true);
    }
    // The children in source order (as childSlots lists them), pushed last to first; collected in two
    // scratch arrays rather than one object per child, since this runs for every node of every file.
    const base = kidNodes.length;
    const rec = node as unknown as Record<string, unknown>;
    for (const key in rec) {
      if (SKIP_KEYS.has(key)) continue;
      const v = rec[key];
      if (Array.isArray(v)) {
        for (const c of v) {
          if (c && typeof (c as Node).type === 'string' && !SKIP_TYPES.has((c as Node).type)) {
            kidNodes.push(c as Node);
            kidKeys.push(key);
          }
        }
      } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string' && !SKIP_TYPES.has((v as Node).type)) {
        kidNodes.push(v as Node);
        kidKeys.push(key);
      }
    }
    for (let i = kidNodes.length - 1; i >= base; i--) {
      nodes.push(kidNodes[i]);
      parents.push(node);
      keys.push(kidKeys[i]);
      exiting.push(false);
    }
    kidNodes.length = base;
    kidKeys.length = base;
  }
}

// Scratch space for walk (re-entrant: a nested walk appends after the caller's entries and trims back).
const kidNodes: Node[] = [];
const kidKeys: string[] = [];
