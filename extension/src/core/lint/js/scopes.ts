// One file's scope table: an iterative pass over the tree (no recursion, so 10,000-deep nesting cannot
// overflow the stack) records the nodes in document order, parents, function returns and yields and the class
// member table; @typescript-eslint/scope-manager then resolves scopes and references (bindings.ts turns its
// variables into the analysis's bindings). The scope manager's visitor recurses, a few stack frames per level
// of nesting, so a tree deeper than MAX_ANALYSED_DEPTH is refused with NestingTooDeep before it is called
// (runJsRules reports it as a notice naming the skipped rules), and a stack overflow inside it, should the
// caller's stack be nearly full, becomes the same refusal rather than an internal error or silence.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { BindingTables, WalkTable } from './analysis';
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

const CLASS_TYPES: ReadonlySet<string> = new Set(['ClassDeclaration', 'ClassExpression']);

/**
 * The value walk's tables. Throws NestingTooDeep for a tree the scope manager would not be handed, so a
 * file is refused before any rule runs.
 */
export function walkTree(program: TSESTree.Program): WalkTable {
  const t = {
    nodes: [] as Node[],
    parents: new Map<Node, Node>(),
    returns: new Map<Fn, Node[]>(),
    yields: new Map<Fn, TSESTree.YieldExpression[]>(),
    ...newClassTable(),
  };
  let maxDepth = 0;
  // The innermost function or class around a node, read up the parents (a node's parents are recorded
  // before its children are visited): only returns, yields and class members ask.
  const enclosing = (node: Node, types: ReadonlySet<string>): Node | undefined => {
    let p = t.parents.get(node);
    while (p && !types.has(p.type)) p = t.parents.get(p);
    return p;
  };
  walk(program, (node, parent, key, depth) => {
    t.nodes.push(node);
    if (parent) t.parents.set(node, parent);
    if (depth > maxDepth) maxDepth = depth;
    switch (node.type) {
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        t.returns.set(node, node.type === 'ArrowFunctionExpression' && node.expression ? [node.body] : []);
        break;
      case 'ReturnStatement':
        if (node.argument) t.returns.get(enclosing(node, FN_TYPES) as Fn)?.push(node.argument);
        break;
      case 'YieldExpression': {
        const fn = enclosing(node, FN_TYPES) as Fn | undefined;
        if (fn) {
          let ys = t.yields.get(fn);
          if (!ys) t.yields.set(fn, (ys = []));
          ys.push(node);
        }
        break;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'MemberExpression': {
        // Only `this.x` among member expressions: the class lookup is skipped for every other one.
        if (node.type === 'MemberExpression' && node.object.type !== 'ThisExpression') break;
        const cls = enclosing(node, CLASS_TYPES);
        if (cls) noteClassMember(t, node, parent, key, cls);
        break;
      }
    }
  });
  if (maxDepth > MAX_ANALYSED_DEPTH) throw new NestingTooDeep(maxDepth);
  return t;
}

/** Bindings, references and how each binding got its values, from the scope manager (after walkTree). */
export function resolveBindings(program: TSESTree.Program, parents: Map<Node, Node>): BindingTables {
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
  return bindingTables(scopeManager, program, parents);
}
