// Value facts for one JS/TS file: where each value comes from (parsed text, a whole file, a number…),
// answered on demand with memoisation and a depth cap. Unknown stays unknown: rules only speak when a
// fact is established. Scopes are resolved by a small iterative pass (no recursion over the tree).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walk } from './astWalk';
import { WholeFileWalks } from './wholeFileWalks';
import { type LibraryHost, moduleCall, tabularRecords } from './libraryCalls';
import type { BindingInfo, FileFacts, TabularParseInfo, TextOrigin } from './ruleContext';
import { ARITH_OPS, ARRAY_MEMBERS, ELEM_CALLBACK, FN_TYPES, ITERATION_METHODS, LIST_ELEM, LIST_SAME, LOOP_TYPES, MAX_DEPTH, NUM, NUMERIC_GLOBAL_CALLS, RELATIONAL, TEXT_METHODS, isStringLiteral, normSource, propName, unwrap } from './factTypes';
import type { Binding, Call, Def, Fact, Fn, Node, Scope, Step, ThisSlot } from './factTypes';


export class JsFileFacts implements FileFacts {
  /** @internal shared with the analyses in this folder */
  readonly parents = new Map<Node, Node>();
  /** @internal shared with the analyses in this folder */
  readonly refBinding = new Map<TSESTree.Identifier, Binding>();
  /** @internal shared with the analyses in this folder */
  readonly declBinding = new Map<TSESTree.Identifier, Binding>();
  private readonly allBindings: Binding[] = [];
  /** @internal shared with the analyses in this folder */
  readonly returns = new Map<Fn, Node[]>();
  private readonly memo = new Map<Node, Fact | undefined>();
  private readonly bindingMemo = new Map<Binding, Fact | undefined>();
  private readonly pending = new Set<unknown>();
  /** @internal shared with the analyses in this folder */
  readonly tabular = new Map<Call, TabularParseInfo>();
  /** Every tabular parse call, cast or not (a cast parse of a whole file still holds it twice). */
  /** @internal shared with the analyses in this folder */
  readonly parseCalls = new Map<Call, TabularParseInfo['library']>();
  private moduleScope!: Scope;
  private readonly lib: LibraryHost = {
    factOf: (node, depth) => this.factOf(node, depth),
    noteParse: (call, library, info) => {
      this.parseCalls.set(call, library);
      if (info && !this.tabular.has(call)) this.tabular.set(call, info);
    },
  };
  private readonly classProps = new Map<Node, Map<string, ThisSlot>>();
  private readonly thisSlot = new Map<Node, ThisSlot>();
  /** Plain methods of each class by name, and the class each `this.<name>` is written in: `this.load()` returns what load returns. */
  private readonly classMethods = new Map<Node, Map<string, Fn>>();
  private readonly thisClass = new Map<Node, Node>();
  private readonly slotMemo = new Map<ThisSlot, Fact | undefined>();
  private readonly numberMapMemo = new Map<Binding, boolean>();
  /** Every node in document order, for the rule visitors. */
  readonly nodes: Node[] = [];
  private numericUses?: Map<Call, Node>;
  private walkedOnce?: Map<Call, { how: string; split: Node }>;

  /** Cheap text gates: a file that never names a tabular parser or a file read cannot have MW2xx/MW3xx facts. */
  private readonly mayParseTables: boolean;
  private readonly mayReadFiles: boolean;

  constructor(program: TSESTree.Program, text?: string) {
    this.mayParseTables = text === undefined || /csv|papa|d3|dsv/i.test(text);
    this.mayReadFiles = text === undefined || text.includes('readFile');
    this.resolveScopes(program);
  }

  // ---------- scopes ----------

  private resolveScopes(program: TSESTree.Program): void {
    const refs: { id: TSESTree.Identifier; scope: Scope }[] = [];
    const declIds = new Set<Node>();
    const scopeOf = new Map<Node, Scope>();
    const fnStack: Fn[] = [];
    const classStack: Node[] = [];
    let scope: Scope = { fnLevel: true, vars: new Map(), isModule: true };
    this.moduleScope = scope;

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
        this.allBindings.push(b);
      }
      b.defs.push(def);
      this.declBinding.set(id, b);
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
        this.nodes.push(node);
        if (parent) {
          this.parents.set(node, parent);
        }
        switch (node.type) {
          case 'ImportDeclaration': {
            const source = normSource(String(node.source.value));
            for (const s of node.specifiers) {
              const imported = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)) : s.type === 'ImportDefaultSpecifier' ? 'default' : '*';
              declare(this.moduleScope, s.local, 'import', { k: 'import', source, imported });
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
            if (node.argument && fnStack.length) this.returns.get(fnStack[fnStack.length - 1])?.push(node.argument);
            break;
          case 'MethodDefinition':
            if (node.kind === 'method' && !node.computed && !node.static && node.key.type === 'Identifier' && node.value.type === 'FunctionExpression' && classStack.length) {
              const cls = classStack[classStack.length - 1];
              let methods = this.classMethods.get(cls);
              if (!methods) this.classMethods.set(cls, (methods = new Map()));
              methods.set(node.key.name, node.value);
            }
            break;
          case 'MemberExpression':
            // `this.rows` inside a class: one slot per (class, property), like a variable shared by the methods.
            if (node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier' && classStack.length) {
              const prop = node.property.name;
              const cls = classStack[classStack.length - 1];
              this.thisClass.set(node, cls);
              let props = this.classProps.get(cls);
              if (!props) this.classProps.set(cls, (props = new Map()));
              let slot = props.get(prop);
              if (!slot) props.set(prop, (slot = { assigned: [], refs: [] }));
              slot.refs.push(node);
              this.thisSlot.set(node, slot);
              if (parent?.type === 'AssignmentExpression' && key === 'left') {
                if (parent.operator === '=') slot.assigned.push(parent.right);
                else slot.opaque = true;
              }
            }
            break;
        }
        if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') classStack.push(node);
        // Open a scope for the node's children.
        if (FN_TYPES.has(node.type)) {
          const fn = node as Fn;
          fnStack.push(fn);
          this.returns.set(fn, fn.type === 'ArrowFunctionExpression' && fn.expression ? [fn.body] : []);
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
          this.refBinding.set(id, b);
          const parent = this.parents.get(id);
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
    for (const n of this.nodes) {
      if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier') this.refBinding.get(n.argument)?.defs.push({ k: 'opaque' });
      if (n.type === 'AssignmentExpression' && n.left.type !== 'Identifier' && n.left.type !== 'MemberExpression') {
        walk(n.left, (x) => {
          if (x.type === 'Identifier') this.refBinding.get(x)?.defs.push({ k: 'opaque' });
        });
      }
    }
  }

  // ---------- FileFacts ----------

  parent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  binding(id: TSESTree.Identifier): BindingInfo | undefined {
    return this.refBinding.get(id) ?? this.declBinding.get(id);
  }

  moduleBindings(): BindingInfo[] {
    return [...this.moduleScope.vars.values()];
  }

  textOrigin(expr: Node): TextOrigin | undefined {
    const f = this.factOf(expr, 0);
    return f?.t === 'text' ? f.origin : undefined;
  }

  isNumeric(expr: Node): boolean {
    const e = unwrap(expr);
    const f = this.factOf(e, 0);
    if (f?.t === 'num') return true;
    if (e.type === 'Identifier') {
      const b = this.refBinding.get(e);
      // TypeScript says so: `latencyMs: number`.
      if (b && b.id.typeAnnotation?.typeAnnotation.type === 'TSNumberKeyword') return true;
      if (b) return b.defs.some((d) => d.k === 'expr' && d.path.length === 0 && this.factOf(d.expr, 1)?.t === 'num');
    }
    // `hours[person]` where the file stores numbers under every key (`hours[p] = hours[p] || 0`).
    if (e.type === 'MemberExpression' && e.computed && e.object.type === 'Identifier') {
      const b = this.refBinding.get(e.object);
      if (b && this.holdsNumbersByKey(b)) return true;
    }
    if (e.type === 'LogicalExpression' && (e.operator === '||' || e.operator === '??')) return this.factOf(e.right, 0)?.t === 'num';
    // `.length` of anything (string, array) and `.size` of a Set/Map are counts.
    if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && (e.property.name === 'length' || e.property.name === 'size')) return true;
    if (e.type === 'ConditionalExpression') return this.isNumeric(e.consequent) && this.isNumeric(e.alternate);
    return false;
  }

  /**
   * An object map (`const totals = {}`) whose keyed assignments (`totals[k] = …`) store numbers: at least one
   * stores a number (`totals[k] = totals[k] || 0`) and none stores anything known not to be one.
   */
  private holdsNumbersByKey(b: Binding): boolean {
    const memo = this.numberMapMemo.get(b);
    if (memo !== undefined) return memo;
    this.numberMapMemo.set(b, false); // re-entrant questions while deciding: not (yet) known
    const init = b.init && unwrap(b.init);
    let numeric = false;
    if (init?.type === 'ObjectExpression' && init.properties.length === 0) {
      for (const ref of b.refs) {
        const m = this.parents.get(ref);
        const a = m && this.parents.get(m);
        if (m?.type !== 'MemberExpression' || m.object !== ref || !m.computed || a?.type !== 'AssignmentExpression' || a.left !== m || a.operator !== '=') continue;
        const right = unwrap(a.right);
        const f = this.factOf(right, 0);
        if (f?.t === 'num') numeric = true;
        else if (f || right.type === 'TemplateLiteral' || (right.type === 'Literal' && typeof right.value !== 'number')) {
          numeric = false;
          break;
        }
      }
    }
    this.numberMapMemo.set(b, numeric);
    return numeric;
  }

  isNumericReduceAccumulator(expr: Node): boolean {
    return this.reduceAccumulator(expr) === 'numeric';
  }

  /** `acc` of `xs.reduce((acc, x) => …, init)`: 'numeric' with a numeric init, 'first' with no init (it starts as xs[0]). */
  reduceAccumulator(expr: Node): 'numeric' | 'first' | undefined {
    const e = unwrap(expr);
    if (e.type !== 'Identifier') return undefined;
    const b = this.refBinding.get(e);
    const def = b?.defs[0];
    if (!b || b.kind !== 'param' || def?.k !== 'param' || def.index !== 0 || def.path.length) return undefined;
    const call = this.parents.get(def.fn);
    if (call?.type !== 'CallExpression' || call.arguments[0] !== def.fn || call.callee.type !== 'MemberExpression') return undefined;
    const m = propName(call.callee);
    if (m !== 'reduce' && m !== 'reduceRight') return undefined;
    if (call.arguments.length === 1) return 'first';
    return this.isNumeric(call.arguments[1]) ? 'numeric' : undefined;
  }

  enclosingLoop(node: Node, stopAt?: Node): Node | undefined {
    let child = node;
    let cur = this.parents.get(node);
    for (let i = 0; cur && i < 10000; i++) {
      if (cur === stopAt) return undefined;
      if (LOOP_TYPES.has(cur.type)) {
        // The iterable/initialiser of a loop runs once; only its body (and test/update) repeat.
        const once = ((cur.type === 'ForOfStatement' || cur.type === 'ForInStatement') && cur.right === child) || (cur.type === 'ForStatement' && cur.init === child);
        if (!once) return cur;
      }
      if (FN_TYPES.has(cur.type)) {
        const call = this.parents.get(cur);
        if (call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.arguments.includes(cur as TSESTree.Expression)) {
          const m = propName(call.callee);
          if (m && ITERATION_METHODS.has(m)) return call;
          if ((m === 'on' || m === 'once') && isStringLiteral(call.arguments[0]) && ['data', 'line', 'record', 'readable'].includes(String((call.arguments[0] as TSESTree.Literal).value))) return call;
        }
        return undefined;
      }
      child = cur;
      cur = this.parents.get(cur);
    }
    return undefined;
  }

  isDataCollection(expr: Node): boolean {
    const f = this.factOf(expr, 0);
    if (f?.t !== 'list' || f.batch) return false;
    if (f.big) return true;
    const e = f.elem;
    if (e?.t === 'text') return !!(e.origin.parseCall || e.origin.readCall);
    if (e?.t === 'list') return e.elem?.t === 'text' && !!(e.elem.origin.parseCall || e.elem.origin.readCall);
    return false;
  }

  dataCollectionSource(expr: Node): string | undefined {
    if (!this.isDataCollection(expr)) return undefined;
    const f = this.factOf(expr, 0);
    if (f?.t !== 'list') return undefined;
    const e = f.elem?.t === 'list' ? f.elem.elem : f.elem;
    const origin = e?.t === 'text' ? e.origin : undefined;
    const call = origin?.parseCall ?? origin?.readCall;
    const at = call?.loc ? ` at line ${call.loc.start.line}` : '';
    if (f.big) return `${f.big}${at}`;
    return origin ? `${origin.parseCall ? 'records parsed' : 'lines of the file read'}${at}` : 'a collection built from parsed data';
  }

  untypedParseNumericUse(call: Call): { info: TabularParseInfo; use: Node } | undefined {
    if (!this.mayParseTables) return undefined;
    // Uses are found from the use sites back to their parse call (a callback API's records are only
    // known once its callback parameter is evaluated), so compute them all once per file.
    if (!this.numericUses) this.numericUses = this.computeNumericUses();
    const use = this.numericUses.get(call);
    const info = this.tabular.get(call);
    return use && info ? { info, use } : undefined;
  }

  wholeFileWalkedOnce(call: Call): { how: string; split: Node } | undefined {
    if (!this.mayReadFiles) return undefined;
    if (!this.walkedOnce) this.walkedOnce = new WholeFileWalks(this).compute();
    return this.walkedOnce.get(call);
  }

  // ---------- fact evaluation ----------

  factOf(node: Node, depth: number): Fact | undefined {
    if (this.memo.has(node)) return this.memo.get(node);
    if (depth > MAX_DEPTH || this.pending.has(node)) return undefined;
    this.pending.add(node);
    let f: Fact | undefined;
    try {
      f = this.evaluate(node, depth + 1);
    } finally {
      this.pending.delete(node);
    }
    this.memo.set(node, f);
    return f;
  }

  private evaluate(n: Node, d: number): Fact | undefined {
    switch (n.type) {
      case 'Literal':
        return typeof n.value === 'number' || typeof n.value === 'bigint' ? NUM : undefined;
      case 'Identifier':
        return this.identifierFact(n, d);
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
      case 'AwaitExpression':
        return n.type === 'AwaitExpression' ? (n.argument ? this.factOf(n.argument, d) : undefined) : this.factOf(n.expression, d);
      case 'MemberExpression':
        return this.memberFact(n, d);
      case 'CallExpression':
        return this.callFact(n, d);
      case 'NewExpression': {
        const c = n.callee.type === 'Identifier' && !this.refBinding.has(n.callee) ? n.callee.name : undefined;
        if (c === 'URLSearchParams') return { t: 'query', what: 'a URLSearchParams value' };
        if (c === 'URL') return { t: 'obj', props: new Map([['searchParams', { t: 'query', what: 'a URL query parameter' } as Fact]]) };
        if (c === 'Number') return NUM;
        return undefined;
      }
      case 'UnaryExpression':
        return n.operator === '-' || n.operator === '+' || n.operator === '~' ? NUM : undefined;
      case 'UpdateExpression':
        return NUM;
      case 'BinaryExpression':
        if (ARITH_OPS.has(n.operator)) return NUM;
        if (n.operator === '+' && this.factOf(n.left, d)?.t === 'num' && this.factOf(n.right, d)?.t === 'num') return NUM;
        return undefined;
      case 'LogicalExpression':
        if (n.operator === '&&') return undefined;
        return this.joinEither(this.factOf(n.left, d), this.factOf(n.right, d), n.right);
      case 'ConditionalExpression':
        return this.joinEither(this.factOf(n.consequent, d), this.factOf(n.alternate, d), n.alternate);
      case 'AssignmentExpression':
        return n.operator === '=' ? this.factOf(n.right, d) : undefined;
      case 'SequenceExpression':
        return this.factOf(n.expressions[n.expressions.length - 1], d);
      case 'ArrayExpression': {
        if (n.elements.length === 1 && n.elements[0]?.type === 'SpreadElement') return this.factOf(n.elements[0].argument, d);
        let elem: Fact | undefined;
        for (const e of n.elements) {
          if (!e) continue;
          const ef = e.type === 'SpreadElement' ? (this.factOf(e.argument, d) as { elem?: Fact } | undefined)?.elem : this.factOf(e, d);
          if (!ef) return { t: 'list' };
          elem = elem ?? ef;
        }
        return { t: 'list', elem };
      }
      case 'ObjectExpression': {
        const props = new Map<string, Fact | undefined>();
        for (const p of n.properties) {
          if (p.type !== 'Property' || p.computed) continue;
          const k = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
          if (k !== undefined && p.value.type !== 'AssignmentPattern') props.set(k, this.factOf(p.value, d));
        }
        return { t: 'obj', props };
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { t: 'fn', fn: n };
      default:
        return undefined;
    }
  }

  /** `a || b`, `c ? a : b`: text if either side is data text (the bug shows when it is); numbers if both are. */
  private joinEither(a: Fact | undefined, b: Fact | undefined, right: Node): Fact | undefined {
    if (a?.t === 'text') return a;
    if (b?.t === 'text' && (a === undefined || a.t === 'num')) return b;
    if (b?.t === 'num' && (a === undefined || a.t === 'num')) return NUM; // `x ?? 0`: meant as a number
    if (a?.t === 'list' && b?.t === 'list') return a.elem ? a : b;
    if (a?.t === 'list' && right.type === 'ArrayExpression' && right.elements.length === 0) return a;
    return a && b && a.t === b.t ? a : undefined;
  }

  private identifierFact(id: TSESTree.Identifier, d: number): Fact | undefined {
    const b = this.refBinding.get(id) ?? this.declBinding.get(id);
    if (!b) {
      if (id.name === 'Papa') return { t: 'mod', source: 'papaparse', path: [] };
      if (id.name === 'd3') return { t: 'mod', source: 'd3', path: [] };
      if (id.name === 'fs') return { t: 'mod', source: 'fs', path: [] };
      if (id.name === 'readline') return { t: 'mod', source: 'readline', path: [] };
      if (id.name === 'NaN' || id.name === 'Infinity') return NUM;
      return undefined;
    }
    return this.bindingFact(b, d);
  }

  bindingFact(b: Binding, d: number): Fact | undefined {
    if (this.bindingMemo.has(b)) return this.bindingMemo.get(b);
    if (this.pending.has(b) || d > MAX_DEPTH) return undefined;
    this.pending.add(b);
    let result: Fact | undefined;
    try {
      result = this.computeBindingFact(b, d);
    } finally {
      this.pending.delete(b);
    }
    this.bindingMemo.set(b, result);
    return result;
  }

  private computeBindingFact(b: Binding, d: number): Fact | undefined {
    const facts: Fact[] = [];
    let unknown = false;
    let emptyList = false;
    for (const def of b.defs) {
      if (def.k === 'opaque') {
        if (b.kind === 'let' || b.kind === 'var') continue; // declared without value, assigned later
        return undefined;
      }
      if (def.k === 'expr' && def.path.length === 0) {
        const e = unwrap(def.expr);
        if (e.type === 'Literal' && (e.value === null)) continue;
        if (e.type === 'Identifier' && e.name === 'undefined') continue;
        if (e.type === 'ArrayExpression' && e.elements.length === 0) {
          emptyList = true;
          continue;
        }
      }
      const f = this.defFact(b, def, d);
      if (!f) unknown = true;
      else facts.push(f);
    }
    if (emptyList) {
      const pushed = this.pushedElemFact(b, d);
      if (pushed === 'unknown') return facts.length ? undefined : { t: 'list' };
      facts.push({ t: 'list', elem: pushed });
    }
    if (unknown || !facts.length) return undefined;
    if (facts.length === 1) return facts[0];
    const text = facts.find((f) => f.t === 'text');
    if (text && facts.every((f) => f.t === 'text' || f.t === 'num')) return text;
    if (facts.every((f) => f.t === 'num')) return NUM;
    if (facts.every((f) => f.t === 'list')) return facts.find((f) => f.t === 'list' && f.elem) ?? facts[0];
    return facts.every((f) => f.t === facts[0].t) ? facts[0] : undefined;
  }

  /** Element fact of everything pushed into a list binding (`rows.push(r)`, `rows[i] = r`); 'unknown' if mixed. */
  private pushedElemFact(b: Binding, d: number): Fact | undefined | 'unknown' {
    let elem: Fact | undefined;
    for (const ref of b.refs) {
      const p = this.parents.get(ref);
      if (p?.type === 'MemberExpression' && p.object === ref) {
        const m = propName(p);
        const call = this.parents.get(p);
        if ((m === 'push' || m === 'unshift') && call?.type === 'CallExpression' && call.callee === p) {
          for (const a of call.arguments) {
            const f = a.type === 'SpreadElement' ? (this.factOf(a.argument, d) as { elem?: Fact } | undefined)?.elem : this.factOf(a, d);
            if (!f) return 'unknown';
            elem = elem ?? f;
          }
        } else if (p.computed && this.parents.get(p)?.type === 'AssignmentExpression' && (this.parents.get(p) as TSESTree.AssignmentExpression).left === p) {
          const f = this.factOf((this.parents.get(p) as TSESTree.AssignmentExpression).right, d);
          if (!f) return 'unknown';
          elem = elem ?? f;
        }
      }
    }
    return elem;
  }

  private defFact(b: Binding, def: Def, d: number): Fact | undefined {
    switch (def.k) {
      case 'expr':
        return this.applyPath(this.factOf(def.expr, d), def.path);
      case 'iter': {
        const f = this.factOf(def.expr, d);
        return this.applyPath(f?.t === 'list' ? f.elem : undefined, def.path);
      }
      case 'import':
        return { t: 'mod', source: def.source, path: def.imported === 'default' || def.imported === '*' ? [] : [def.imported] };
      case 'fn':
        return { t: 'fn', fn: def.fn };
      case 'param':
        if ((b.name === 'req' || b.name === 'request') && def.path.length === 0) return httpRequestFact();
        // Koa: `ctx.query`, `ctx.params`, `ctx.request.query`.
        if (b.name === 'ctx' && def.path.length === 0) {
          const req = httpRequestFact();
          return { t: 'obj', props: new Map<string, Fact | undefined>([...req.props, ['request', req]]) };
        }
        return this.applyPath(this.paramFact(def.fn, def.index, d), def.path);
      default:
        return undefined;
    }
  }

  private applyPath(f: Fact | undefined, path: Step[]): Fact | undefined {
    let cur = f;
    for (const s of path) {
      if (!cur) return undefined;
      if ('rest' in s) continue;
      if (cur.t === 'list' && 'key' in s && (s.key === 'length' || (cur.match && s.key === 'index'))) cur = NUM;
      else if (cur.t === 'list' && 'key' in s && cur.match && s.key === 'input') return undefined;
      else if (cur.t === 'list') cur = cur.elem;
      else if (cur.t === 'obj' && 'key' in s) cur = cur.props.get(s.key);
      else if (cur.t === 'mod' && 'key' in s) cur = { t: 'mod', source: cur.source, path: [...cur.path, s.key] };
      else return undefined;
    }
    return cur;
  }

  /** The fact of parameter `index` of a callback, from the call it is passed to. */
  private paramFact(fn: Fn, index: number, d: number): Fact | undefined {
    const parent = this.parents.get(fn);
    if (parent?.type === 'Property') {
      // Papa.parse(input, { step(results) {...}, complete(results) {...} })
      const obj = this.parents.get(parent);
      const call = obj && this.parents.get(obj);
      const key = parent.key.type === 'Identifier' ? parent.key.name : '';
      if (call?.type === 'CallExpression' && call.arguments[1] === obj && index === 0 && (key === 'step' || key === 'complete' || key === 'chunk')) {
        const result = this.factOf(call, d) ?? this.papaRecordsFor(call, d);
        const records = result?.t === 'obj' ? result.props.get('data') : result;
        if (records?.t === 'list') {
          return { t: 'obj', props: new Map<string, Fact | undefined>([['data', key === 'step' ? records.elem : records]]) };
        }
      }
      return undefined;
    }
    if (parent?.type !== 'CallExpression' || !parent.arguments.includes(fn as TSESTree.Expression)) return this.callSiteArgFact(fn, index, d);
    const argIndex = parent.arguments.indexOf(fn as TSESTree.Expression);
    const callee = parent.callee;
    if (callee.type === 'MemberExpression') {
      const m = propName(callee);
      const obj = this.factOf(callee.object, d);
      if (obj?.t === 'list' && argIndex === 0) {
        // (element, index): the index of a known list is a number
        if (m && ELEM_CALLBACK.has(m)) return index === 0 ? obj.elem : index === 1 ? NUM : undefined;
        if (m === 'sort' || m === 'toSorted') return index <= 1 ? obj.elem : undefined;
        if (m === 'reduce' || m === 'reduceRight') {
          if (index === 1) return obj.elem;
          if (index === 2) return NUM;
          if (index === 0 && parent.arguments[1]) return this.factOf(parent.arguments[1], d);
          if (index === 0 && parent.arguments.length === 1) return obj.elem; // no initial value: starts at the first element
        }
        if ((m === 'on' || m === 'once') && obj.stream) return undefined;
      }
      if (obj?.t === 'list' && obj.stream && (m === 'on' || m === 'once' || m === 'addListener') && argIndex === 1 && index === 0) {
        const ev = parent.arguments[0];
        if (isStringLiteral(ev, 'data') || isStringLiteral(ev, 'line') || isStringLiteral(ev, 'record')) return obj.elem;
      }
    }
    // Library callbacks: csv-parse parse(input, opts, (err, records) => …), fs.readFile(p, enc, (err, data) => …).
    const calleeFact = this.factOf(callee, d);
    if (calleeFact?.t === 'mod' && argIndex === parent.arguments.length - 1 && index === 1) {
      const name = calleeFact.path.join('.');
      const src = calleeFact.source;
      if ((src === 'fs' || src === 'fs-extra' || src === 'graceful-fs') && name === 'readFile') return { t: 'file', read: parent };
      if ((src === 'csv-parse' || src === 'csv') && (name === 'parse' || name === '') && parent.arguments.length >= 2) {
        const opts = parent.arguments.length >= 3 ? parent.arguments[1] : undefined;
        return tabularRecords(this.lib, parent, 'csv-parse', opts, false);
      }
    }
    return undefined;
  }

  /**
   * A local helper's parameter, from what its call sites pass: `function addRow(acc, row) {…}` called only as
   * `addRow(stats, record)`. Known only when the helper is never exported or passed around and every call
   * passes the same kind of value; otherwise unknown.
   */
  private callSiteArgFact(fn: Fn, index: number, d: number): Fact | undefined {
    let id: TSESTree.Identifier | undefined;
    const parent = this.parents.get(fn);
    if (fn.type === 'FunctionDeclaration') id = parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? undefined : fn.id ?? undefined;
    else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') id = parent.id;
    const b = id && this.declBinding.get(id);
    if (!b || !b.refs.length || (b.kind !== 'function' && b.kind !== 'const')) return undefined;
    let out: Fact | undefined;
    for (const ref of b.refs) {
      const call = this.parents.get(ref);
      if (call?.type !== 'CallExpression' || call.callee !== ref) return undefined;
      const arg = call.arguments[index];
      if (!arg || arg.type === 'SpreadElement' || call.arguments.some((a) => a.type === 'SpreadElement')) return undefined;
      const f = this.factOf(arg, d);
      if (!f || (out && out.t !== f.t)) return undefined;
      out = out ?? f;
    }
    return out;
  }

  private papaRecordsFor(call: Call, d: number): Fact | undefined {
    const callee = this.factOf(call.callee, d);
    if (callee?.t !== 'mod' || callee.source !== 'papaparse' || callee.path.join('.') !== 'parse') return undefined;
    return tabularRecords(this.lib, call, 'papaparse', call.arguments[1], false);
  }

  private slotFact(slot: ThisSlot, d: number): Fact | undefined {
    if (this.slotMemo.has(slot)) return this.slotMemo.get(slot);
    if (this.pending.has(slot) || slot.opaque) return undefined;
    this.pending.add(slot);
    let out: Fact | undefined;
    try {
      let emptyList = false;
      let unknown = false;
      const facts: Fact[] = [];
      for (const e of slot.assigned) {
        if (e.type === 'ArrayExpression' && e.elements.length === 0) emptyList = true;
        else if (!(e.type === 'Literal' && e.value === null)) {
          const f = this.factOf(e, d);
          if (f) facts.push(f);
          else unknown = true;
        }
      }
      if (emptyList && !unknown && !facts.length) {
        let elem: Fact | undefined;
        for (const ref of slot.refs) {
          const p = this.parents.get(ref);
          const call = p && this.parents.get(p);
          if (p?.type === 'MemberExpression' && p.object === ref && propName(p) === 'push' && call?.type === 'CallExpression') {
            for (const a of call.arguments) {
              const f = a.type === 'SpreadElement' ? (this.factOf(a.argument, d) as { elem?: Fact } | undefined)?.elem : this.factOf(a, d);
              if (!f) {
                unknown = true;
                break;
              }
              elem = elem ?? f;
            }
          }
        }
        if (!unknown) out = { t: 'list', elem };
      } else if (!unknown && facts.length && facts.every((f) => f.t === facts[0].t)) out = facts[0];
    } finally {
      this.pending.delete(slot);
    }
    this.slotMemo.set(slot, out);
    return out;
  }

  private memberFact(n: TSESTree.MemberExpression, d: number): Fact | undefined {
    const slot = this.thisSlot.get(n);
    if (slot) return this.slotFact(slot, d);
    const name = propName(n);
    if (n.object.type === 'Identifier' && n.object.name === 'process' && !this.refBinding.has(n.object)) {
      if (name === 'argv') return { t: 'list', elem: { t: 'text', origin: { what: 'a command-line argument' } } };
      if (name === 'env') return { t: 'list', elem: { t: 'text', origin: { what: 'an environment variable' } } };
      return undefined;
    }
    const obj = this.factOf(n.object, d);
    if (!obj) {
      if (name === 'searchParams') return { t: 'query', what: 'a URL query parameter' };
      return undefined;
    }
    switch (obj.t) {
      case 'mod':
        return name !== undefined ? { t: 'mod', source: obj.source, path: [...obj.path, name] } : undefined;
      case 'list':
        if (name === 'length') return NUM;
        if (name === 'groups') return obj;
        // A regex match array also carries `index` (a number) and `input` (the whole subject string).
        if (obj.match && name === 'index') return NUM;
        if (obj.match && name === 'input') return undefined;
        if (!n.computed && name && ARRAY_MEMBERS.has(name)) return undefined;
        return obj.elem;
      case 'text':
      case 'file':
        return name === 'length' ? NUM : undefined;
      case 'obj':
        return name !== undefined ? obj.props.get(name) : undefined;
      default:
        return undefined;
    }
  }

  private callFact(n: Call, d: number): Fact | undefined {
    const callee = unwrap(n.callee);
    if (callee.type === 'Identifier' && !this.refBinding.has(callee)) {
      if (NUMERIC_GLOBAL_CALLS.has(callee.name)) return NUM;
      if (callee.name === 'String' && n.arguments[0]) {
        const f = this.factOf(n.arguments[0], d);
        return f?.t === 'file' ? f : undefined;
      }
      if (callee.name === 'require' && isStringLiteral(n.arguments[0])) return { t: 'mod', source: normSource(String((n.arguments[0] as TSESTree.Literal).value)), path: [] };
      return undefined;
    }
    if (callee.type === 'MemberExpression') {
      const m = propName(callee);
      const o = callee.object;
      if (o.type === 'ThisExpression' && m) {
        const method = this.classMethods.get(this.thisClass.get(callee)!)?.get(m);
        if (method) return this.returnFact(method, d);
      }
      if (o.type === 'Identifier' && !this.refBinding.has(o)) {
        if (o.name === 'Math' || (o.name === 'Number' && m !== 'isNaN') || (o.name === 'Date' && m === 'now')) return NUM;
        if (o.name === 'Object' && (m === 'values') && n.arguments[0]) {
          const f = this.factOf(n.arguments[0], d);
          return f?.t === 'list' ? f : undefined;
        }
        if (o.name === 'Array' && m === 'from' && n.arguments.length === 1) {
          const f = this.factOf(n.arguments[0], d);
          return f?.t === 'list' ? { t: 'list', elem: f.elem, big: f.big } : undefined;
        }
      }
      const obj = this.factOf(o, d);
      if (obj?.t === 'mod') return moduleCall(this.lib, { source: obj.source, path: [...obj.path, m ?? '?'] }, n, d);
      if (m === 'split' && n.arguments.length >= 1) {
        if (obj?.t === 'file') return { t: 'list', elem: { t: 'text', origin: { what: 'a line of a file read whole', readCall: obj.read, wholeLine: true } }, big: 'file lines' };
        if (obj && obj.t !== 'text') return undefined;
        return { t: 'list', elem: { t: 'text', origin: { what: obj?.t === 'text' ? `a field split from ${obj.origin.what}` : 'a field of a split string', parseCall: obj?.t === 'text' ? obj.origin.parseCall : undefined } } };
      }
      if ((m === 'match' || m === 'exec') && n.arguments.length === 1) {
        const recv = m === 'match' ? obj : this.factOf(n.arguments[0], d);
        if (recv && recv.t !== 'text') return undefined;
        return { t: 'list', elem: { t: 'text', origin: { what: 'a regex match group' } }, match: true };
      }
      if (m === 'pipe' && n.arguments[0]) return this.factOf(n.arguments[0], d);
      if (!obj) return undefined;
      if (obj.t === 'file' && (m === 'toString' || m === 'trim' || m === 'trimEnd')) return obj;
      if (obj.t === 'text' && m && TEXT_METHODS.has(m)) return obj;
      if (obj.t === 'query' && m === 'get') return { t: 'text', origin: { what: obj.what } };
      if (obj.t === 'query' && m === 'getAll') return { t: 'list', elem: { t: 'text', origin: { what: obj.what } } };
      if (obj.t === 'list' && m) {
        // `slice(i, i + 16)`: a bounded batch, not the data set.
        if (m === 'slice' && n.arguments.length >= 2) return { ...obj, batch: true };
        if (LIST_SAME.has(m)) return obj;
        if (LIST_ELEM.has(m)) return obj.elem;
        if (m === 'read' && obj.stream) return obj.elem;
        if ((m === 'on' || m === 'once' || m === 'pipe') && obj.stream) return m === 'pipe' && n.arguments[0] ? this.factOf(n.arguments[0], d) : obj;
        if (m === 'map' || m === 'flatMap') {
          const cb = n.arguments[0];
          if (cb?.type === 'Identifier' && !this.refBinding.has(cb) && NUMERIC_GLOBAL_CALLS.has(cb.name)) return { t: 'list', elem: NUM, big: obj.big };
          if (cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression')) {
            const r = this.returnFact(cb, d);
            return { t: 'list', elem: m === 'flatMap' && r?.t === 'list' ? r.elem : r, big: obj.big };
          }
          return { t: 'list' };
        }
        if (m === 'flat' && obj.elem?.t === 'list') return obj.elem;
      }
      if (obj.t === 'list' && obj.stream && m === 'pipe' && n.arguments[0]) return this.factOf(n.arguments[0], d);
      if (obj.t === 'fn' && (m === 'call' || m === 'apply')) return this.returnFact(obj.fn, d);
      return undefined;
    }
    const cf = this.factOf(callee, d);
    if (cf?.t === 'mod') return moduleCall(this.lib, cf, n, d);
    if (cf?.t === 'fn') return this.returnFact(cf.fn, d);
    return undefined;
  }

  private returnFact(fn: Fn, d: number): Fact | undefined {
    const rets = this.returns.get(fn) ?? [];
    let out: Fact | undefined;
    for (const r of rets) {
      const f = this.factOf(r, d);
      if (!f) return undefined;
      if (!out) out = f;
      else if (out.t !== f.t) return undefined;
    }
    return out;
  }

  // ---------- derived analyses ----------

  /** First place each untyped parse's text is used as a number without conversion. */
  private computeNumericUses(): Map<Call, Node> {
    const uses = new Map<Call, Node>();
    const note = (operand: Node, at: Node, conversion = false) => {
      const o = this.textOrigin(operand);
      if (!o?.parseCall || uses.has(o.parseCall)) return;
      // `parse(text).map((r) => ({ n: Number(r.n) }))`: converted as it is parsed, no text record is kept.
      if (conversion && this.convertedByMap(o.parseCall)) return;
      uses.set(o.parseCall, at);
    };
    for (const n of this.nodes) {
      if (n.type === 'BinaryExpression') {
        if (ARITH_OPS.has(n.operator) || RELATIONAL.has(n.operator)) {
          note(n.left, n);
          note(n.right, n);
        } else if (n.operator === '+') {
          if (this.isNumeric(n.left) || this.isNumericReduceAccumulator(n.left)) note(n.right, n);
          if (this.isNumeric(n.right)) note(n.left, n);
        } else if ((n.operator === '===' || n.operator === '!==') && (this.isNumeric(n.left) || this.isNumeric(n.right))) {
          note(n.left, n);
          note(n.right, n);
        }
      } else if (n.type === 'AssignmentExpression' && n.operator !== '=') {
        if (n.operator !== '+=' || this.isNumeric(n.left)) note(n.right, n);
      } else if (n.type === 'UnaryExpression' && (n.operator === '-' || n.operator === '+')) {
        // `+field` and Number(field) count too: the kept records still hold the text (as the Python MW201 does).
        note(n.argument, n, true);
      } else if (n.type === 'CallExpression' && n.arguments[0] && this.isConversionCall(n)) {
        note(n.arguments[0], n, true);
      } else if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.object.name === 'Math') {
        for (const a of n.arguments) {
          if (a.type !== 'SpreadElement') note(a, n);
          else {
            const f = this.factOf(a.argument, 0);
            if (f?.t === 'list' && f.elem?.t === 'text' && f.elem.origin.parseCall && !uses.has(f.elem.origin.parseCall)) uses.set(f.elem.origin.parseCall, n);
          }
        }
      }
    }
    // Streamed records count only when they are kept (pushed into an array).
    for (const [call] of [...uses]) {
      const f = this.factOf(call, 0);
      if (f?.t === 'list' && f.stream && !this.streamRecordsKept(call)) uses.delete(call);
    }
    return uses;
  }

  /** The parse result goes straight into `.map(…)`: its records are replaced, not kept. */
  private convertedByMap(call: Call): boolean {
    let cur: Node = call;
    let p = this.parents.get(cur);
    while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
      cur = p;
      p = this.parents.get(cur);
    }
    return p?.type === 'MemberExpression' && p.object === cur && propName(p) === 'map' && this.parents.get(p)?.type === 'CallExpression';
  }

  private isConversionCall(n: Call): boolean {
    const c = n.callee;
    if (c.type === 'Identifier') return !this.refBinding.has(c) && NUMERIC_GLOBAL_CALLS.has(c.name);
    return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Number' && !this.refBinding.has(c.object);
  }

  private streamRecordsKept(call: Call): boolean {
    for (const b of this.allBindings) {
      if (!b.defs.some((d) => d.k === 'expr' && d.expr.type === 'ArrayExpression' && d.expr.elements.length === 0)) continue;
      const f = this.bindingFact(b, 0);
      if (f?.t === 'list' && f.elem?.t === 'list' && f.elem.elem?.t === 'text' && f.elem.elem.origin.parseCall === call) return true;
    }
    return false;
  }

}

/** An HTTP handler's request (`req` in Express/http, `ctx.request` in Koa): query and route parameters are text. */
function httpRequestFact(): { t: 'obj'; props: Map<string, Fact | undefined> } {
  return {
    t: 'obj',
    props: new Map<string, Fact | undefined>([
      ['query', { t: 'list', elem: { t: 'text', origin: { what: 'an HTTP query parameter' } } }],
      ['params', { t: 'list', elem: { t: 'text', origin: { what: 'a URL route parameter' } } }],
    ]),
  };
}
