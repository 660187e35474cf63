// Class fields as shared slots: `this.rows` in any method of a class is one slot per (class, property),
// like a variable every method shares. The scope pass records each slot's assignments and reads and each
// class's plain methods; `slotFact` answers what a slot holds (the join of what is assigned, or the element
// of what is pushed into a slot that starts as `[]`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis, ClassTable } from './analysis';
import { addedElemFact, emptyContainerKind, selfAppendElem } from './containers';
import { joinAssigned, textJoin } from './evaluator';
import { isStringLiteral, memberKey, unwrap } from './factTypes';
import type { Fact, Fn, Node, ThisSlot } from './factTypes';

export function newClassTable(): ClassTable {
  return { classProps: new Map(), thisSlot: new Map(), classMethods: new Map(), staticMethods: new Map(), thisClass: new Map() };
}

/** Record a method definition or a `this.<prop>` expression met inside class `cls` (during the scope pass). */
export function noteClassMember(t: ClassTable, node: Node, parent: Node | undefined, key: string, cls: Node): void {
  if (node.type === 'MethodDefinition') {
    // `constructor(private rows: Row[])`: a TypeScript parameter property is a field assigned from the parameter.
    if (node.kind === 'constructor') {
      for (const p of node.value.params) {
        const id = p.type === 'TSParameterProperty' ? (p.parameter.type === 'AssignmentPattern' ? p.parameter.left : p.parameter) : undefined;
        if (id?.type === 'Identifier') slotOf(t, cls, id.name).assigned.push(id);
      }
    }
    const name = memberKey(node);
    if (node.kind === 'method' && name !== undefined && node.value.type === 'FunctionExpression') {
      const table = node.static ? t.staticMethods : t.classMethods;
      let methods = table.get(cls);
      if (!methods) table.set(cls, (methods = new Map()));
      methods.set(name, node.value);
    }
    return;
  }
  // A field declaration (`private rows: Row[] = []`) is the slot's first assignment.
  if (node.type === 'PropertyDefinition') {
    const name = memberKey(node);
    if (node.static || name === undefined) return;
    const slot = slotOf(t, cls, name);
    if (node.value) slot.assigned.push(node.value);
    return;
  }
  const prop = node.type === 'MemberExpression' && node.object.type === 'ThisExpression' ? memberKey(node) : undefined;
  if (node.type !== 'MemberExpression' || prop === undefined) return;
  t.thisClass.set(node, cls);
  const slot = slotOf(t, cls, prop);
  slot.refs.push(node);
  t.thisSlot.set(node, slot);
  if (parent?.type === 'AssignmentExpression' && key === 'left') {
    const assign = parent as TSESTree.AssignmentExpression;
    if (assign.operator === '=') slot.assigned.push(assign.right);
    else slot.opaque = true;
  }
}

function slotOf(t: ClassTable, cls: Node, prop: string): ThisSlot {
  let props = t.classProps.get(cls);
  if (!props) t.classProps.set(cls, (props = new Map()));
  let slot = props.get(prop);
  if (!slot) props.set(prop, (slot = { assigned: [], refs: [] }));
  return slot;
}

export function slotFact(fx: Analysis, slot: ThisSlot, d: number): Fact | undefined {
  if (slot.opaque && !fx.slotMemo.has(slot)) return undefined;
  return fx.ask(slot, fx.slotMemo, () => computeSlotFact(fx, slot, d));
}

function computeSlotFact(fx: Analysis, slot: ThisSlot, d: number): Fact | undefined {
  let out: Fact | undefined;
  let emptyList = false;
  let map = false;
  let set = false;
  let unknown = false;
  let startsAsText = false;
  const facts: Fact[] = [];
  for (const assigned of slot.assigned) {
    const e = unwrap(assigned);
    const kind = emptyContainerKind(fx, e, slot.refs);
    if (kind) {
      emptyList = true;
      map ||= kind === 'map';
      set ||= kind === 'set';
    } else if (isStringLiteral(e)) startsAsText = true;
    else if (!(e.type === 'Literal' && e.value === null)) {
      // `this.rows = this.rows.concat(batch)`: what it appends.
      const appended = selfAppendElem(fx, e, (n) => fx.thisSlot.get(n) === slot, d);
      const f = appended === null ? fx.factOf(e, d) : appended === 'unknown' ? undefined : ({ t: 'list', elem: appended } as Fact);
      if (f) facts.push(f);
      else unknown = true;
    }
  }
  if (emptyList && !unknown && !facts.length) {
    const elem = addedElemFact(fx, slot.refs, d);
    if (elem !== 'unknown') out = map ? { t: 'list', elem, map } : set ? { t: 'list', elem, set } : { t: 'list', elem };
  } else if (!unknown) out = startsAsText ? textJoin(facts) : joinAssigned(facts);
  return out;
}

/** `class Summary extends Base`: the local classes it inherits from, nearest first (a few levels at most). */
function ancestors(fx: Analysis, cls: Node): Node[] {
  const out: Node[] = [];
  let cur: Node | undefined = cls;
  while (out.length < 8 && cur && (cur.type === 'ClassDeclaration' || cur.type === 'ClassExpression') && cur.superClass?.type === 'Identifier') {
    const b = fx.refBinding.get(cur.superClass);
    cur = b?.kind === 'class' ? fx.parents.get(b.id) : undefined;
    if (!cur || out.includes(cur) || cur === cls) break;
    out.push(cur);
  }
  return out;
}

/**
 * The slot `name` of class `cls`, or the one it inherits: a subclass that only reads `this.rows` sees what the
 * base class assigned (a slot the subclass assigns itself is its own).
 */
export function classSlot(fx: Analysis, cls: Node, name: string): ThisSlot | undefined {
  const own = fx.classProps.get(cls)?.get(name);
  if (own?.assigned.length || own?.opaque) return own;
  for (const base of ancestors(fx, cls)) {
    const slot = fx.classProps.get(base)?.get(name);
    if (slot?.assigned.length || slot?.opaque) return slot;
  }
  return own;
}

/** Method `name` of class `cls`, or the one it inherits from a local base class. */
export function classMethod(fx: Analysis, cls: Node, name: string, isStatic = false): Fn | undefined {
  const table = isStatic ? fx.staticMethods : fx.classMethods;
  for (const c of [cls, ...ancestors(fx, cls)]) {
    const m = table.get(c)?.get(name);
    if (m) return m;
  }
  return undefined;
}
