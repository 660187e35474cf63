// Evidence that a piece of text is meant to hold a number. Two texts compared with each other (`a.start >
// b.start`, `r.takenAt > newest`) order lexically, which is wrong only when the text holds numbers: dates,
// names and codes compare as text on purpose, whatever the field is called. So text against text is a finding
// only where this file treats the same field, or the same value, as a number somewhere: converts it (Number,
// parseInt, parseFloat, BigInt, unary + or -), does arithmetic on it (- * / % ++ …, Math.*), compares it with a
// number or a JSON value, adds it to a number (a sum), formats it as one (`toFixed`), gives it a numeric text
// default (`?? '0'`), or declares it a number (`ms: number` in an interface or type: not a conversion, but the
// author's word that the data holds numbers). A field and the variables its value passes through (`const ms =
// r.ms`, `{ ms } = r`, `{ ms }` stored into a record, `newest = r.takenAt`), and the elements of one list
// (`xs.filter((ms) => …)`, `xs.reduce((s, ms) => s + ms, 0)`, `for (const ms of xs)`) and a parameter with
// the arguments of its in-file calls are one key: evidence
// for one is evidence for all of them. Where the code shows nothing, a name that names a quantity or a unit
// (`population`, `units_sold`, `temp_c`, `weightG`: textualNames.ts) is the last, weakest evidence; it keeps
// the sort-by-field and running-maximum bugs the earlier blind holdouts expect, which nothing else in the code shows.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { quantityName } from '../textualNames';
import type { Analysis } from './analysis';
import { callsOf } from './callSites';
import { indexOfRangeAt } from '../rangeSearch';
import { linkGroups, statementSpans, summarizeStatement } from './statementLinks';
import { ARITH_OPS, ELEM_CALLBACK, NUMERIC_GLOBAL_CALLS, RELATIONAL, propName, propertyKey, unwrap } from './factTypes';
import type { Binding, Node } from './factTypes';

/** The keys of one file joined by value flow, and which of them are used as numbers. */
export class NumericEvidence {
  private readonly parent = new Map<unknown, unknown>();
  /** Every key that flows to or from another. */
  private readonly linked = new Set<unknown>();
  private evident = new Set<unknown>();
  /** One key per list variable for its elements. */
  private readonly elemKeys = new Map<Binding, object>();

  /** Top-level statement spans, and the statement group (statementLinks.ts) of each. */
  private readonly spans: { start: number; end: number }[] = [];
  private readonly groups: number[] = [];

  constructor(
    private readonly fx: Analysis,
    private readonly isJsonValue: (expr: Node) => boolean,
  ) {
    const program = fx.nodes[0];
    if (program?.type === 'Program') {
      this.spans = statementSpans(program);
      this.groups = linkGroups(program.body.map(summarizeStatement));
    }
    for (const b of fx.allBindings) this.linkDefs(b);
    for (const n of fx.nodes) this.visit(n);
    if (program?.type === 'Program') for (const st of program.body) this.declaredNumbers(st);
    // The weakest evidence, for the whole key: a field or variable named as a quantity or unit.
    for (const k of this.linked) if (quantityName(keyName(k))) this.evident.add(k);
    const roots = new Set<unknown>();
    for (const k of this.evident) roots.add(this.find(k));
    this.evident = roots;
  }

  /**
   * Does this file use the value of `expr` (its field, or the variable's value and the fields it came from) as a
   * number? Failing that, the weakest evidence: its name names a quantity or a unit (`population`, `temp_c`).
   */
  has(expr: Node): boolean {
    const k = this.keyOf(expr);
    if (k !== undefined && this.evident.has(this.find(k))) return true;
    const e = unwrap(expr);
    return quantityName(e.type === 'Identifier' ? e.name : e.type === 'MemberExpression' ? propName(e) : undefined);
  }

  /** A field by name (`f:amount`), or a variable's binding. */
  private keyOf(expr: Node): unknown {
    let e = unwrap(expr);
    // `r.ms || 0`, `m.get(k) ?? '0'`: the value is the left side's.
    while (e.type === 'LogicalExpression' && e.operator !== '&&') e = unwrap(e.left);
    if (e.type === 'MemberExpression') {
      const name = propName(e);
      return name === undefined ? undefined : this.fieldKey(e, name);
    }
    return e.type === 'Identifier' ? this.fx.refBinding.get(e) ?? this.fx.declBinding.get(e) : undefined;
  }

  /**
   * A field by name, within the group of top-level statements that `at` belongs to: values travel between
   * groups only through module-level names (statementLinks.ts), so a field of that name in an unrelated group
   * is other data, and the editor's re-lint of one group (incrementalLint.ts) gets the same answer as a full lint.
   */
  private fieldKey(at: Node, name: string): string {
    return `f:${this.groups[indexOfRangeAt(this.spans, at.range[0])] ?? -1}:${name}`;
  }

  /** The elements of the list variable `list` names, as one key. */
  private elemKey(list: Node): object | undefined {
    const b = list.type === 'Identifier' ? this.fx.refBinding.get(list) : undefined;
    if (!b) return undefined;
    let k = this.elemKeys.get(b);
    if (!k) this.elemKeys.set(b, (k = {}));
    return k;
  }

  private find(k: unknown): unknown {
    let root = k;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression: later questions walk one step.
    for (let cur = k; cur !== root; ) {
      const next = this.parent.get(cur);
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private link(a: unknown, b: unknown): void {
    if (a === undefined || b === undefined) return;
    this.linked.add(a).add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  /** `const ms = r.ms`, `const { ms } = r`, `let v = other`, `newest = r.takenAt`: the variable holds that field's value. */
  private linkDefs(b: Binding): void {
    for (const d of b.defs) {
      if (d.k !== 'expr' && d.k !== 'iter') continue;
      const last = d.path[d.path.length - 1];
      if (last && 'key' in last) this.link(b, this.fieldKey(b.id, last.key));
      else if (d.path.length === 0 && d.k === 'expr') this.link(b, this.keyOf(d.expr));
      else if (d.path.length === 0) this.link(b, this.elemKey(unwrap(d.expr)));
    }
    // `see(v)` called as `p.see(r.watts)`: the parameter holds what its in-file call sites pass.
    for (const d of b.defs) {
      if (d.k !== 'param' || d.path.length) continue;
      for (const site of callsOf(this.fx, d.fn, 0) ?? []) {
        const arg = site.arguments[d.index];
        if (arg && arg.type !== 'SpreadElement') this.link(b, this.keyOf(arg));
      }
    }
  }

  /** The other side of a comparison or `+` that makes this side a number: a number, a JSON value, or a running total. */
  private numberLike(other: Node, op: string): boolean {
    if (this.fx.isNumeric(other)) return true;
    if (op === '+') return this.fx.isNumericReduceAccumulator(other);
    return RELATIONAL.has(op) && this.isJsonValue(other);
  }

  /** `r.ms.toFixed(1)`: formatted as a number; `xs.filter((ms) => …)`: the callback's element is an element of xs. */
  private methodCall(n: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const m = propName(callee);
    if (m === 'toFixed' || m === 'toPrecision' || m === 'toExponential') return this.mark(callee.object);
    const cb = n.arguments[0];
    if (!m || (cb?.type !== 'ArrowFunctionExpression' && cb?.type !== 'FunctionExpression')) return;
    const list = this.elemKey(unwrap(callee.object));
    if (!list) return;
    const params = ELEM_CALLBACK.has(m) ? [cb.params[0]] : m === 'reduce' || m === 'reduceRight' ? [cb.params[1]] : m === 'sort' || m === 'toSorted' ? cb.params : [];
    for (const p of params) if (p?.type === 'Identifier') this.link(this.fx.declBinding.get(p), list);
  }

  /** `interface Row { ms: number }`, `type Row = { ms: number }` at the top level (also exported). */
  private declaredNumbers(st: Node): void {
    if ((st.type === 'ExportNamedDeclaration' || st.type === 'ExportDefaultDeclaration') && st.declaration) return this.declaredNumbers(st.declaration);
    const members = st.type === 'TSInterfaceDeclaration' ? st.body.body : st.type === 'TSTypeAliasDeclaration' && st.typeAnnotation.type === 'TSTypeLiteral' ? st.typeAnnotation.members : [];
    for (const m of members) {
      if (m.type === 'TSPropertySignature' && !m.computed && m.key.type === 'Identifier' && m.typeAnnotation?.typeAnnotation.type === 'TSNumberKeyword') this.evident.add(this.fieldKey(st, m.key.name));
    }
  }

  /** `x ?? '0'`: its left side, and where the value goes (`{ min: x ?? '0' }`, `const min = x ?? '0'`). */
  private markValue(n: Node): void {
    this.mark(n);
    const p = this.fx.parents.get(n);
    if (p?.type === 'Property' && p.value === n) {
      const key = propertyKey(p);
      if (key !== undefined) this.evident.add(this.fieldKey(p, key));
    } else if (p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier') this.mark(p.id);
    else if (p?.type === 'AssignmentExpression' && p.right === n) this.mark(p.left);
  }

  private mark(operand: Node): void {
    const k = this.keyOf(operand);
    if (k !== undefined) this.evident.add(k);
  }

  private visit(n: Node): void {
    const fx = this.fx;
    switch (n.type) {
      case 'Property':
        // `{ ms }`, `{ ms: m[3] }` into a record: the record's field holds that value.
        if (n.value.type !== 'AssignmentPattern' && fx.parents.get(n)?.type === 'ObjectExpression') {
          const key = propertyKey(n);
          if (key !== undefined) this.link(this.fieldKey(n, key), this.keyOf(n.value));
        }
        return;
      case 'AssignmentExpression':
        if (n.operator === '=' && n.left.type === 'MemberExpression') this.link(this.keyOf(n.left), this.keyOf(n.right));
        // `total += r.ms` on a number: a sum; `-=`, `*=`…: arithmetic.
        else if (n.operator !== '=' && (n.operator !== '+=' || fx.isNumeric(n.left))) this.mark(n.right);
        return;
      case 'UnaryExpression':
        if (n.operator === '+' || n.operator === '-') this.mark(n.argument);
        return;
      case 'UpdateExpression':
        this.mark(n.argument);
        return;
      case 'LogicalExpression':
        // `params.get('min') ?? '0'`: a default of numeric text says the value is a number written as text.
        if (n.operator !== '&&' && n.right.type === 'Literal' && typeof n.right.value === 'string' && NUMERIC_TEXT.test(n.right.value)) this.markValue(n);
        return;
      case 'BinaryExpression':
        if (n.left.type === 'PrivateIdentifier') return;
        if (ARITH_OPS.has(n.operator)) {
          this.mark(n.left);
          this.mark(n.right);
        } else if (RELATIONAL.has(n.operator) || n.operator === '===' || n.operator === '!==' || n.operator === '+') {
          // Compared with a number, or added to one.
          if (this.numberLike(n.right, n.operator)) this.mark(n.left);
          if (this.numberLike(n.left, n.operator)) this.mark(n.right);
        }
        return;
      case 'CallExpression':
        if (isNumberConversion(fx, n) || isMathCall(fx, n)) {
          for (const a of n.arguments) if (a.type !== 'SpreadElement') this.mark(a);
        } else if (n.callee.type === 'MemberExpression') this.methodCall(n, n.callee);
        return;
      case 'PropertyDefinition':
        if (n.typeAnnotation?.typeAnnotation.type === 'TSNumberKeyword' && !n.computed && n.key.type === 'Identifier') this.evident.add(this.fieldKey(n, n.key.name));
        return;
      default:
        return;
    }
  }
}

/** The name of a key: a field's, or a variable's. */
function keyName(k: unknown): string | undefined {
  if (typeof k === 'string') return k.slice(k.indexOf(':', 2) + 1);
  return k && typeof k === 'object' && 'name' in k && typeof k.name === 'string' ? k.name : undefined;
}

/** `'0'`, `'25'`, `'1.5'`: a number written as text. */
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/** `Number(x)`, `parseInt(x)`, `parseFloat(x)`, `BigInt(x)`, `Number.parseFloat(x)` (not shadowed by a local name). */
function isNumberConversion(fx: Analysis, n: TSESTree.CallExpression): boolean {
  const c = n.callee;
  if (c.type === 'Identifier') return !fx.refBinding.has(c) && NUMERIC_GLOBAL_CALLS.has(c.name);
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Number' && !fx.refBinding.has(c.object);
}

function isMathCall(fx: Analysis, n: TSESTree.CallExpression): boolean {
  const c = n.callee;
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Math' && !fx.refBinding.has(c.object);
}
