// One file's scope table: an iterative pass over the tree (no recursion, so 10,000-deep nesting cannot
// overflow the stack) records the nodes in document order, parents, function returns and yields and the class
// member table; @typescript-eslint/scope-manager then resolves scopes and references (bindings.ts turns its
// variables into the analysis's bindings). The scope manager's visitor recurses, a few stack frames per level
// of nesting, so a tree deeper than MAX_ANALYSED_DEPTH is refused with NestingTooDeep before it is called
// (runJsRules reports it as a notice naming the skipped rules), and a stack overflow inside it, should the
// caller's stack be nearly full, becomes the same refusal rather than an internal error or silence.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeTable } from './analysis';
import { walk } from './astWalk';
import { bindingTables } from './bindings';
import { newClassTable, noteClassMember } from './classSlots';
import { FN_TYPES } from './factTypes';
import type { Fn, Node } from './factTypes';
import { loadParser } from './parser';

/**
 * The deepest tree the scope manager is handed. Measured by bench/jsScopeDepth.mjs in Node's default stack
 * (the CLI's main thread; VS Code forks the extension host without a larger one): typescript-estree itself
 * stops parsing at 650–950 levels of estree nesting, while the shipped scope manager overflows only past
 * 4,000 (about 2,100 unbundled, as the tests run it). So this bound leaves it more than half the stack, and
 * only refuses files that a larger stack (the CLI's 4 MB lint workers) managed to parse.
 */
export const MAX_ANALYSED_DEPTH = 1000;

/** The file is nested deeper than the scope analysis handles: its rules are skipped, with a notice. */
export class NestingTooDeep extends Error {
  constructor(readonly depth: number | undefined) {
    super(depth === undefined ? 'nested too deeply for the scope analysis (it ran out of stack)' : `nested ${depth} levels deep, over the ${MAX_ANALYSED_DEPTH} levels the scope analysis handles`);
  }
}

export function resolveScopes(program: TSESTree.Program): ScopeTable {
  const t = {
    nodes: [] as Node[],
    parents: new Map<Node, Node>(),
    returns: new Map<Fn, Node[]>(),
    yields: new Map<Fn, TSESTree.YieldExpression[]>(),
    ...newClassTable(),
  };
  const fnStack: Fn[] = [];
  const classStack: Node[] = [];
  let maxDepth = 0;
  walk(
    program,
    (node, parent, key, depth) => {
      t.nodes.push(node);
      if (parent) t.parents.set(node, parent);
      if (depth > maxDepth) maxDepth = depth;
      switch (node.type) {
        case 'ReturnStatement':
          if (node.argument && fnStack.length) t.returns.get(fnStack[fnStack.length - 1])?.push(node.argument);
          break;
        case 'YieldExpression':
          if (fnStack.length) {
            const fn = fnStack[fnStack.length - 1];
            let ys = t.yields.get(fn);
            if (!ys) t.yields.set(fn, (ys = []));
            ys.push(node);
          }
          break;
        case 'MethodDefinition':
        case 'PropertyDefinition':
        case 'MemberExpression':
          if (classStack.length) noteClassMember(t, node, parent, key, classStack[classStack.length - 1]);
          break;
      }
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') classStack.push(node);
      if (FN_TYPES.has(node.type)) {
        const fn = node as Fn;
        fnStack.push(fn);
        t.returns.set(fn, fn.type === 'ArrowFunctionExpression' && fn.expression ? [fn.body] : []);
      }
    },
    (node) => {
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') classStack.pop();
      if (FN_TYPES.has(node.type)) fnStack.pop();
    },
  );
  if (maxDepth > MAX_ANALYSED_DEPTH) throw new NestingTooDeep(maxDepth);
  let scopeManager;
  try {
    // No library globals (`lib: []`): a name the file does not declare stays unresolved, which is how the
    // evaluator recognises `JSON`, `Number`, `process`…; a CommonJS script's top level is a function scope
    // (`globalReturn`), so its `var`s resolve; implied strict mode keeps `eval` from making scopes dynamic.
    scopeManager = loadParser().analyze(program, { sourceType: program.sourceType, globalReturn: program.sourceType === 'script', impliedStrict: true, lib: [], jsxPragma: null });
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new NestingTooDeep(undefined);
    throw e;
  }
  return { ...t, ...bindingTables(scopeManager, program, t.parents) };
}
