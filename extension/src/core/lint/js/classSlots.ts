// Class fields as shared slots: `this.rows` in any method of a class is one slot per (class, property),
// like a variable every method shares. The scope pass records each slot's assignments and reads and each
// class's plain methods; `slotFact` answers what a slot holds (the join of what is assigned, or the element
// of what is pushed into a slot that starts as `[]`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Analysis, ClassTable } from './analysis';
import { propName } from './factTypes';
import type { Fact, Node, ThisSlot } from './factTypes';

export function newClassTable(): ClassTable {
  return { classProps: new Map(), thisSlot: new Map(), classMethods: new Map(), thisClass: new Map() };
}

/** Record a method definition or a `this.<prop>` expression met inside class `cls` (during the scope pass). */
export function noteClassMember(t: ClassTable, node: Node, parent: Node | undefined, key: string, cls: Node): void {
  if (node.type === 'MethodDefinition') {
    if (node.kind === 'method' && !node.computed && !node.static && node.key.type === 'Identifier' && node.value.type === 'FunctionExpression') {
      let methods = t.classMethods.get(cls);
      if (!methods) t.classMethods.set(cls, (methods = new Map()));
      methods.set(node.key.name, node.value);
    }
    return;
  }
  if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression' || node.computed || node.property.type !== 'Identifier') return;
  const prop = node.property.name;
  t.thisClass.set(node, cls);
  let props = t.classProps.get(cls);
  if (!props) t.classProps.set(cls, (props = new Map()));
  let slot = props.get(prop);
  if (!slot) props.set(prop, (slot = { assigned: [], refs: [] }));
  slot.refs.push(node);
  t.thisSlot.set(node, slot);
  if (parent?.type === 'AssignmentExpression' && key === 'left') {
    const assign = parent as TSESTree.AssignmentExpression;
    if (assign.operator === '=') slot.assigned.push(assign.right);
    else slot.opaque = true;
  }
}

export function slotFact(fx: Analysis, slot: ThisSlot, d: number): Fact | undefined {
  if (fx.slotMemo.has(slot)) return fx.slotMemo.get(slot);
  if (fx.pending.has(slot) || slot.opaque) return undefined;
  fx.pending.add(slot);
  let out: Fact | undefined;
  try {
    let emptyList = false;
    let unknown = false;
    const facts: Fact[] = [];
    for (const e of slot.assigned) {
      if (e.type === 'ArrayExpression' && e.elements.length === 0) emptyList = true;
      else if (!(e.type === 'Literal' && e.value === null)) {
        const f = fx.factOf(e, d);
        if (f) facts.push(f);
        else unknown = true;
      }
    }
    if (emptyList && !unknown && !facts.length) {
      let elem: Fact | undefined;
      for (const ref of slot.refs) {
        const p = fx.parents.get(ref);
        const call = p && fx.parents.get(p);
        if (p?.type === 'MemberExpression' && p.object === ref && propName(p) === 'push' && call?.type === 'CallExpression') {
          for (const a of call.arguments) {
            const f = a.type === 'SpreadElement' ? (fx.factOf(a.argument, d) as { elem?: Fact } | undefined)?.elem : fx.factOf(a, d);
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
    fx.pending.delete(slot);
  }
  fx.slotMemo.set(slot, out);
  return out;
}
