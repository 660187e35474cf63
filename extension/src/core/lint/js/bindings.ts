// Bindings from @typescript-eslint/scope-manager: which declaration every identifier refers to is the scope
// manager's answer (the library ESLint and typescript-eslint resolve scopes with); this module only turns its
// variables, definitions and references into the value analysis's Bindings, each with how it got its values
// (Def): an initialiser or a `for…of` element with the destructuring path to the name, a parameter, an
// import, a function, or a later `x = v` assignment. Anything else that writes the name (`x += 1`, `x++`,
// `[x] = pair`, `for (x of xs)`) makes it opaque, so a stale fact is never claimed.
import type { Definition, ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { BindingTables } from './analysis';
import type { BindingInfo } from './ruleContext';
import { FN_TYPES, normSource, propertyKey } from './factTypes';
import type { Binding, Def, Fn, Node, Step } from './factTypes';

/**
 * `parents` holds every node the value walk visits (astWalk.ts); identifiers outside it (in type annotations,
 * interfaces, enums, namespaces) are not values and are left out, as before.
 */
export function bindingTables(sm: ScopeManager, program: TSESTree.Program, parents: Map<Node, Node>): BindingTables {
  const t = { refBinding: new Map<TSESTree.Identifier, Binding>(), declBinding: new Map<TSESTree.Identifier, Binding>(), allBindings: [] as Binding[], moduleVars: new Map<string, Binding>() };
  const writes = new Set<TSESTree.Identifier>();
  for (const scope of sm.scopes) {
    for (const v of scope.variables) {
      let defs = v.defs;
      if (!defs.every((d) => isValueDef(d, parents))) defs = defs.filter((d) => isValueDef(d, parents));
      if (!defs.length) continue;
      const first = defs[0];
      const id = first.name as TSESTree.Identifier;
      // A class declaration's name is two variables (outside the class and inside it), one declaration: one binding.
      let b = t.declBinding.get(id);
      if (!b) {
        b = { name: v.name, kind: kindOf(first)!, id, init: initOf(first, parents), refs: [], assignments: [], defs: defs.map((d) => defOf(d, parents)) };
        t.allBindings.push(b);
        for (const d of defs) t.declBinding.set(d.name as TSESTree.Identifier, b);
      }
      for (const r of v.references) {
        // `init` marks the declaration's own identifier (`const x = …`, a parameter's default, `for (const x of …)`).
        const rid = r.identifier;
        if (r.init || rid.type !== 'Identifier' || !parents.has(rid)) continue;
        b.refs.push(rid);
        t.refBinding.set(rid, b);
        if (r.isWrite()) writes.add(rid);
      }
    }
  }
  // Each binding's references in document order (the scope manager lists them scope by scope), so `refs`
  // and the later assignments keep the order the code has.
  for (const b of t.allBindings) {
    if (!inDocumentOrder(b.refs)) b.refs.sort(byStart);
    if (!writes.size) continue;
    for (const id of b.refs) {
      if (!writes.has(id)) continue;
      const parent = parents.get(id);
      if (parent?.type === 'AssignmentExpression' && parent.left === id && parent.operator === '=') {
        b.assignments.push(parent.right);
        b.defs.push({ k: 'expr', expr: parent.right, path: [] });
      } else b.defs.push({ k: 'opaque' });
    }
  }
  if (!inDocumentOrder(t.allBindings.map((b) => b.id))) t.allBindings.sort((x, y) => byStart(x.id, y.id));
  const top = sm.scopes.find((s) => s.block === program && (s.type === 'module' || s.type === 'function')) ?? sm.globalScope;
  for (const v of top?.variables ?? []) {
    const d = v.defs.find((x) => isValueDef(x, parents));
    const b = d && t.declBinding.get(d.name as TSESTree.Identifier);
    if (b) t.moduleVars.set(b.name, b);
  }
  return t;
}

/** A definition of a value the walk visited (not a type, enum, namespace or declared-only signature). */
function isValueDef(d: Definition, parents: Map<Node, Node>): boolean {
  return kindOf(d) !== undefined && parents.has(d.name);
}

const byStart = (x: Node, y: Node) => x.range[0] - y.range[0];

function inDocumentOrder(ids: Node[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1].range[0] > ids[i].range[0]) return false;
  return true;
}

/** The kind of binding a value definition makes; undefined for type-only ones (types, enums, namespaces). */
function kindOf(d: Definition): BindingInfo['kind'] | undefined {
  switch (d.type) {
    case 'Variable':
      return d.parent.kind === 'var' ? 'var' : d.parent.kind === 'let' ? 'let' : 'const';
    case 'Parameter':
      return FN_TYPES.has(d.node.type) ? 'param' : undefined;
    case 'FunctionName':
      return FN_TYPES.has(d.node.type) ? 'function' : undefined;
    case 'ClassName':
      return 'class';
    case 'ImportBinding':
      return 'import';
    case 'CatchClause':
      return 'catch';
    default:
      return undefined;
  }
}

/** `const x = init`: the initialiser of a plain (not destructured, not loop) declaration. */
function initOf(d: Definition, parents: Map<Node, Node>): TSESTree.Expression | undefined {
  if (d.type !== 'Variable' || d.node.id !== d.name || !d.node.init || loopOf(d.parent, parents)) return undefined;
  return d.node.init;
}

/** The `for…of`/`for…in` whose head declares `decl` (`for (const x of xs)`). */
function loopOf(decl: TSESTree.VariableDeclaration, parents: Map<Node, Node>): TSESTree.ForOfStatement | TSESTree.ForInStatement | undefined {
  // The value walk's parents, not `node.parent`: an incremental re-parse moves statements between trees.
  const p = parents.get(decl);
  return (p?.type === 'ForOfStatement' || p?.type === 'ForInStatement') && p.left === decl ? p : undefined;
}

function defOf(d: Definition, parents: Map<Node, Node>): Def {
  switch (d.type) {
    case 'Variable': {
      const loop = loopOf(d.parent, parents);
      const path = () => pathTo(d.name, d.node, parents);
      if (loop) return loop.type === 'ForOfStatement' ? { k: 'iter', expr: loop.right, path: path() } : { k: 'opaque' };
      return d.node.init ? { k: 'expr', expr: d.node.init, path: path() } : { k: 'opaque' };
    }
    case 'Parameter': {
      const fn = d.node as Fn;
      let root: Node = d.name;
      for (let p = parents.get(root); p && p !== fn; p = parents.get(root)) root = p;
      return { k: 'param', fn, index: fn.params.indexOf(root as TSESTree.Parameter), path: pathTo(d.name, fn, parents) };
    }
    case 'FunctionName':
      return { k: 'fn', fn: d.node as Fn };
    case 'ImportBinding':
      return importDef(d.node, parents);
    default:
      return { k: 'opaque' };
  }
}

function importDef(s: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration, parents: Map<Node, Node>): Def {
  if (s.type === 'TSImportEqualsDeclaration') {
    // `import fs = require('fs')` is the module object, like `import * as fs from 'fs'`.
    const ref = s.moduleReference;
    return ref.type === 'TSExternalModuleReference' && ref.expression.type === 'Literal' ? { k: 'import', source: normSource(String(ref.expression.value)), imported: '*' } : { k: 'opaque' };
  }
  const decl = parents.get(s);
  if (decl?.type !== 'ImportDeclaration') return { k: 'opaque' };
  const source = normSource(String(decl.source.value));
  const imported = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)) : s.type === 'ImportDefaultSpecifier' ? 'default' : '*';
  return { k: 'import', source, imported };
}

/**
 * The destructuring path from a declaration's pattern root down to the name (`{ a: [, x] } = v` gives
 * key a, index 1), read upwards through the parents; stops below `top` (the declarator or the function).
 */
function pathTo(name: Node, top: Node, parents: Map<Node, Node>): Step[] {
  const steps: Step[] = [];
  let x = name;
  for (let p = parents.get(x); p && p !== top; x = p, p = parents.get(x)) {
    if (p.type === 'ArrayPattern') steps.push(x.type === 'RestElement' ? { rest: true } : { index: p.elements.indexOf(x as TSESTree.DestructuringPattern) });
    else if (p.type === 'Property' && p.value === x) {
      const k = propertyKey(p);
      steps.push({ key: k ?? '\0' });
    } else if (p.type === 'RestElement' && parents.get(p)?.type === 'ObjectPattern') steps.push({ rest: true });
  }
  return steps.reverse();
}
