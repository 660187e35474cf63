// MW301/MW302 across methods: a whole-file load stored in `self.<attr>` by one method and walked by another. The
// list is walked once only when the attribute has no other use and the walking method runs once per load: it is
// called at one place in the file, and that place runs once, or once per instance (a loop that builds a new
// instance on every turn, whose constructor is the load: `for p in paths: log = LogFile(p); log.errors()`).
import type { Node } from 'web-tree-sitter';
import { enclosing, isSelfAttribute, isTailRead, iterates, MAX_CALLER_DEPTH, MAX_USES, methodOf, parentOf, scopeOf, streamedBy, type StreamUse } from './listReads';
import { NAMESPACE_METHODS } from './library/derived';
import { unwrap } from './syntax';

/**
 * `self.lines = f.readlines()` in one method, walked by another (`for line in self.lines`): every mention of
 * `.lines` in the file must be `self.lines` in the same class, either a plain assignment (`self.lines = []` in
 * `__init__`), an emptiness test, a tail read, or the one pass; and the method holding the pass must run once per
 * load (runsOncePerLoad), or the list is walked again. Text matches in prose or on an argparse namespace are no
 * mention (notAMention).
 */
export function attributeUses(assignment: Node, target: Node, depth: number): StreamUse | null {
  const owner = methodOf(assignment);
  const name = target.childForFieldName('attribute')?.text;
  if (!owner || !name) return null;
  const root = assignment.tree.rootNode;
  const text = root.text;
  const re = new RegExp(`\\.\\s*${name}\\b`, 'g');
  let passes = 0;
  let tails = 0;
  let walker: Node | null = null;
  for (let m = re.exec(text), n = 0; m; m = re.exec(text), n++) {
    if (n > MAX_USES) return null;
    const id = root.descendantForIndex(m.index + m[0].length - 1);
    if (notAMention(id)) continue;
    const attr = id?.parent;
    if (!attr || attr.type !== 'attribute' || !isSelfAttribute(attr) || attr.childForFieldName('attribute')?.id !== id!.id) return null;
    const where = methodOf(attr);
    if (!where || where.cls.id !== owner.cls.id) return null;
    const p = parentOf(attr);
    if (!p) return null;
    if (p.type === 'assignment' && p.childForFieldName('left')?.id === attr.id) continue;
    const inMethod = enclosing(attr, where.method, where.method);
    if (inMethod.nested) return null;
    if (iterates(p, attr) || streamedBy(p)) {
      if (inMethod.loop) return null;
      passes++;
      walker = where.method;
    } else if (p.type === 'subscript' && p.childForFieldName('value')?.id === attr.id && isTailRead(p)) tails++;
    else if (!(p.type === 'if_statement' || p.type === 'while_statement' || p.type === 'not_operator' || (p.type === 'boolean_operator' && parentOf(p)?.type !== 'return_statement'))) return null;
  }
  if (passes > 1 || (passes === 0 && !tails)) return null;
  if (passes === 0) return { direct: false, tail: true };
  return walker && runsOncePerLoad(walker, owner, text, depth) ? { direct: false } : null;
}

/** The one call of method `fn` in the file (`self.parse()` / `obj.parse()`), by its name; null for none or several. */
function onlyCall(fn: Node, text: string): { call: Node | null; several: boolean } {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return { call: null, several: true };
  const re = new RegExp(`\\.\\s*${name}\\b`, 'g');
  const root = fn.tree.rootNode;
  let call: Node | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = root.descendantForIndex(m.index + m[0].length - 1);
    if (notAMention(id)) continue;
    const c = id?.parent?.parent;
    // (any other mention, `cb = obj.parse`, may call it anywhere)
    if (call || !c || c.type !== 'call' || c.childForFieldName('function')?.id !== id!.parent!.id) return { call: null, several: true };
    call = c;
  }
  return { call, several: false };
}

/**
 * A text match that lands in a comment or in a string's own text (a docstring's "…of vet claims.\n\nclaims file…"):
 * prose, not a mention of the attribute or method. (An f-string's `{obj.parse()}` is code and still counts.)
 */
function inProse(n: Node | null): boolean {
  return !!n && (n.type === 'comment' || n.type === 'string_content' || n.type === 'string_start' || n.type === 'string_end' || n.type === 'escape_sequence');
}

/** A text match of `.name` that is prose or an argparse option spelt `name` (namespaceOption): no use of the class's. */
function notAMention(id: Node | null): boolean {
  const attr = id?.parent;
  return inProse(id) || (attr?.type === 'attribute' && attr.childForFieldName('attribute')?.id === id!.id && namespaceOption(attr));
}

/**
 * `args.claims` where `args` is bound only to a namespace call of the library model (`parser.parse_args()`), in the
 * nearest function (or the module) around the mention that binds it, and is no parameter on the way: a command-line
 * option spelt like the method, not a bound method that could be called elsewhere.
 */
function namespaceOption(attr: Node): boolean {
  const recv = unwrap(attr.childForFieldName('object'));
  if (recv?.type !== 'identifier') return false;
  for (let scope = scopeOf(attr); scope; scope = scope.type === 'module' ? null : scopeOf(scope)) {
    const params = scope.childForFieldName('parameters');
    if (params && new RegExp(`(?<![\\w.])${recv.text}(?![\\w])`).test(params.text)) return false;
    const bindings = bindingsOf(recv.text, scope);
    if (!bindings) return false;
    if (!bindings.length) continue;
    return bindings.every((b) => {
      const right = b.type === 'assignment' && b.childForFieldName('left')?.text === recv.text ? unwrap(b.childForFieldName('right')) : null;
      const callee = right?.type === 'call' ? right.childForFieldName('function') : null;
      return callee?.type === 'attribute' && NAMESPACE_METHODS.has(callee.childForFieldName('attribute')?.text ?? '');
    });
  }
  return false;
}

/**
 * Does the walking method `fn` run once per load of the list that `owner` (the loading method) stores? It is
 * called at one place in the file, and there outside any loop; or inside loops that each build the instance it
 * is called on (`log = LogFile(p)`, the name bound once in that function, in a block holding the call) when the
 * load is that class's `__init__`, so every instance walks its own list once. A `self.fn()` call in another method
 * runs as often as that method: when the file calls that method, it must itself run once (one level per step, at
 * most MAX_CALLER_DEPTH). Decorated methods (properties, caches) and calls in nested functions never count.
 */
function runsOncePerLoad(fn: Node, owner: { method: Node; cls: Node }, text: string, depth: number): boolean {
  if (depth >= MAX_CALLER_DEPTH || fn.parent?.type === 'decorated_definition') return false;
  const { call } = onlyCall(fn, text);
  const scope = call ? scopeOf(call) : null;
  if (!call || !scope) return false;
  const where = enclosing(call, scope, scope);
  if (where.nested) return false;
  if (where.loop) return builtEachTurn(call, scope, owner);
  // `self.report()` in `run()`: as often as `run()` runs, when the file calls it (a method the file never calls is
  // an entry point of the class, run once by its user)
  const recv = call.childForFieldName('function')?.childForFieldName('object');
  const caller = recv?.type === 'identifier' && recv.text === 'self' ? methodOf(call) : null;
  if (!caller || caller.cls.id !== owner.cls.id || caller.method.id === owner.method.id) return true;
  if (caller.method.childForFieldName('name')?.text === '__init__') return true; // once per instance
  const up = onlyCall(caller.method, text);
  return !up.several && (!up.call || runsOncePerLoad(caller.method, owner, text, depth + 1));
}

/**
 * `log = LogFile(p)` then `log.errors()` in the same turn of every loop around the call (or `LogFile(p).errors()`),
 * the list loaded by LogFile's `__init__`: each turn walks a new instance's list once.
 */
function builtEachTurn(call: Node, scope: Node, owner: { method: Node; cls: Node }): boolean {
  if (owner.method.childForFieldName('name')?.text !== '__init__') return false;
  const recv = unwrap(call.childForFieldName('function')?.childForFieldName('object') ?? null);
  const clsName = owner.cls.childForFieldName('name')?.text;
  // `LogFile(p).errors()`: a new instance at every call
  if (recv?.type === 'call' && recv.childForFieldName('function')?.text === clsName) return true;
  if (!recv || recv.type !== 'identifier' || !clsName) return false;
  const bindings = bindingsOf(recv.text, scope);
  if (!bindings || bindings.length !== 1) return false;
  const b = bindings[0];
  const right = b.childForFieldName('right');
  if (b.type !== 'assignment' || right?.type !== 'call' || right.childForFieldName('function')?.text !== clsName) return false;
  const block = parentOf(b)?.parent; // assignment → expression_statement → block
  if (!block || b.endIndex > call.startIndex || call.endIndex > block.endIndex) return false;
  const where = enclosing(call, scope, b);
  return !where.loop && !where.nested;
}

/**
 * Every statement of `scope` that binds `name` (assignments to it alone, and any other target holding it: a
 * `for`, `with`, unpacking, an augmented assignment, a walrus); null when there are too many to be simple.
 */
function bindingsOf(name: string, scope: Node): Node[] | null {
  const out: Node[] = [];
  const cursor = scope.walk();
  try {
    for (;;) {
      const n = cursor.currentNode;
      const t = n.type;
      if (t === 'assignment' || t === 'augmented_assignment' || t === 'for_statement' || t === 'for_in_clause' || t === 'with_item' || t === 'named_expression') {
        const target = t === 'with_item' ? n.childForFieldName('value')?.namedChild(1) : t === 'named_expression' ? n.childForFieldName('name') : n.childForFieldName('left');
        if (target && (target.text === name || new RegExp(`(?<![\\w.])${name}(?![\\w(])`).test(target.text))) {
          out.push(n);
          if (out.length > MAX_USES) return null;
        }
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent() || cursor.currentNode.id === scope.id) return out;
    }
  } finally {
    cursor.delete();
  }
}
