// Scopes and references for one file, in one iterative pass (no recursion, so 10,000-deep nesting cannot
// overflow the stack): every binding with how it got its values (Def), every identifier resolved to its
// binding, parents, function returns, and the class member table. @typescript-eslint/scope-manager was
// considered and not used: its visitor recurses over the tree, and it builds reference objects for every
// type and every read we never ask about (docs/architecture.md).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeTable } from './analysis';
import { walk } from './astWalk';
import { newClassTable, noteClassMember } from './classSlots';
import { FN_TYPES, normSource } from './factTypes';
import type { Binding, Def, Fn, Node, Scope, Step } from './factTypes';

export function resolveScopes(program: TSESTree.Program): ScopeTable {
  const t = {
    nodes: [] as Node[],
    parents: new Map<Node, Node>(),
    refBinding: new Map<TSESTree.Identifier, Binding>(),
    declBinding: new Map<TSESTree.Identifier, Binding>(),
    allBindings: [] as Binding[],
    returns: new Map<Fn, Node[]>(),
    yields: new Map<Fn, TSESTree.YieldExpression[]>(),
    moduleScope: { fnLevel: true, vars: new Map(), isModule: true } as Scope,
    ...newClassTable(),
  };
  const refs: { id: TSESTree.Identifier; scope: Scope }[] = [];
  const declIds = new Set<Node>();
  const scopeOf = new Map<Node, Scope>();
  const fnStack: Fn[] = [];
  const classStack: Node[] = [];
  let scope: Scope = t.moduleScope;

  const fnScope = (s: Scope): Scope => {
    let c = s;
    while (!c.fnLevel && c.parent) c = c.parent;
    return c;
  };
  const declare = (target: Scope, id: TSESTree.Identifier, kind: Binding['kind'], def: Def, init?: TSESTree.Expression) => {
    declIds.add(id);
    let b = target.vars.get(id.name);
    if (!b) {
      b = { name: id.name, kind, id, init, refs: [], assignments: [], defs: [], scope: target };
      target.vars.set(id.name, b);
      t.allBindings.push(b);
    }
    b.defs.push(def);
    t.declBinding.set(id, b);
  };
  const declarePattern = (target: Scope, pattern: Node, kind: Binding['kind'], mk: (path: Step[]) => Def, init?: TSESTree.Expression) => {
    // Explicit work list: destructuring can nest, but never recursively on the JS stack.
    const work: { p: Node; path: Step[] }[] = [{ p: pattern, path: [] }];
    while (work.length) {
      const { p, path } = work.pop()!;
      if (p.type === 'Identifier') declare(target, p, kind, mk(path), path.length === 0 ? init : undefined);
      else if (p.type === 'ArrayPattern') p.elements.forEach((e, i) => e && work.push({ p: e, path: e.type === 'RestElement' ? [...path, { rest: true }] : [...path, { index: i }] }));
      else if (p.type === 'ObjectPattern') {
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') work.push({ p: prop.argument, path: [...path, { rest: true }] });
          else {
            const k = prop.key.type === 'Identifier' && !prop.computed ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : undefined;
            work.push({ p: prop.value, path: k === undefined ? [...path, { key: '\0' }] : [...path, { key: k }] });
          }
        }
      } else if (p.type === 'AssignmentPattern') work.push({ p: p.left, path });
      else if (p.type === 'RestElement') work.push({ p: p.argument, path });
      else if (p.type === 'TSParameterProperty') work.push({ p: p.parameter, path });
    }
  };

  walk(
    program,
    (node, parent, key) => {
      t.nodes.push(node);
      if (parent) {
        t.parents.set(node, parent);
      }
      switch (node.type) {
        case 'ImportDeclaration': {
          const source = normSource(String(node.source.value));
          for (const s of node.specifiers) {
            const imported = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)) : s.type === 'ImportDefaultSpecifier' ? 'default' : '*';
            declare(t.moduleScope, s.local, 'import', { k: 'import', source, imported });
          }
          break;
        }
        case 'VariableDeclaration': {
          const target = node.kind === 'var' ? fnScope(scope) : scope;
          const kind = node.kind === 'var' ? 'var' : node.kind === 'let' ? 'let' : 'const';
          const inForOf = parent && (parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && key === 'left';
          for (const d of node.declarations) {
            if (inForOf) {
              const loop = parent as TSESTree.ForOfStatement | TSESTree.ForInStatement;
              declarePattern(target, d.id, kind, (path) => (loop.type === 'ForOfStatement' ? { k: 'iter', expr: loop.right, path } : { k: 'opaque' }));
            } else if (d.init) {
              const init = d.init;
              declarePattern(target, d.id, kind, (path) => ({ k: 'expr', expr: init, path }), init);
            } else declarePattern(target, d.id, kind, () => ({ k: 'opaque' }));
          }
          break;
        }
        case 'FunctionDeclaration':
          if (node.id) declare(scope, node.id, 'function', { k: 'fn', fn: node });
          break;
        case 'ClassDeclaration':
          if (node.id) declare(scope, node.id, 'class', { k: 'opaque' });
          break;
        case 'Identifier': {
          if (declIds.has(node) || !parent) break;
          if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) break;
          if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && key === 'key' && !parent.computed) break;
          if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement' || parent.type === 'MetaProperty') break;
          if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') break;
          if (parent.type === 'ExportSpecifier' && key === 'exported') break;
          if (parent.type === 'JSXAttribute' || key === 'name' && parent.type.startsWith('JSX')) break;
          refs.push({ id: node, scope });
          break;
        }
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
      // Open a scope for the node's children.
      if (FN_TYPES.has(node.type)) {
        const fn = node as Fn;
        fnStack.push(fn);
        t.returns.set(fn, fn.type === 'ArrowFunctionExpression' && fn.expression ? [fn.body] : []);
        scope = { parent: scope, fnLevel: true, vars: new Map(), isModule: false };
        scopeOf.set(node, scope);
        if (fn.type === 'FunctionExpression' && fn.id) declare(scope, fn.id, 'function', { k: 'fn', fn });
        fn.params.forEach((p, index) => declarePattern(scope, p, 'param', (path) => ({ k: 'param', fn, index, path })));
      } else if (node.type === 'BlockStatement' || node.type === 'ForStatement' || node.type === 'ForOfStatement' || node.type === 'ForInStatement' || node.type === 'SwitchStatement' || node.type === 'CatchClause' || node.type === 'StaticBlock') {
        scope = { parent: scope, fnLevel: node.type === 'StaticBlock', vars: new Map(), isModule: false };
        scopeOf.set(node, scope);
        if (node.type === 'CatchClause' && node.param) declarePattern(scope, node.param, 'catch', () => ({ k: 'opaque' }));
      }
    },
    (node) => {
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') classStack.pop();
      if (scopeOf.has(node)) scope = scope.parent ?? scope;
      if (FN_TYPES.has(node.type)) fnStack.pop();
    },
  );

  for (const { id, scope: s } of refs) {
    let c: Scope | undefined = s;
    while (c) {
      const b = c.vars.get(id.name);
      if (b) {
        b.refs.push(id);
        t.refBinding.set(id, b);
        const parent = t.parents.get(id);
        if (parent?.type === 'AssignmentExpression' && parent.left === id && parent.operator === '=') {
          b.assignments.push(parent.right);
          b.defs.push({ k: 'expr', expr: parent.right, path: [] });
        } else if (parent?.type === 'AssignmentExpression' && parent.left === id) {
          b.defs.push({ k: 'opaque' });
        }
        break;
      }
      c = c.parent;
    }
  }
  // Assignments via destructuring (`[a, b] = x`) and `x++`: mark opaque so we never claim a stale fact.
  for (const n of t.nodes) {
    if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier') t.refBinding.get(n.argument)?.defs.push({ k: 'opaque' });
    if (n.type === 'AssignmentExpression' && n.left.type !== 'Identifier' && n.left.type !== 'MemberExpression') {
      walk(n.left, (x) => {
        if (x.type === 'Identifier') t.refBinding.get(x)?.defs.push({ k: 'opaque' });
      });
    }
  }
  return t;
}
