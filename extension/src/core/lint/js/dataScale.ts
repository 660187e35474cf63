// The JS/TS side of the data-scale question (see ../scaleAnswer.ts): is this value or loop as large as the
// program's input, and where does the data come from? Answered from the value facts (parsed records, file
// lines, directory listings, readline and stream handlers) and a few shapes (literals, small bounds). The
// interface is small on purpose so a richer value analysis can answer it later without touching the rules.
import { combineScales, withInput, type ScaleAnswer } from '../scaleAnswer';
import { jsLiteralInputOf } from './literalInput';
import { STREAMED_RECORDS, type BindingInfo, type FileFacts, type Node } from './ruleContext';

export interface JsDataScale {
  ofValue(expr: Node): ScaleAnswer;
  /** A loop statement, or the iteration call (`xs.forEach(…)`, `stream.on('data', …)`) facts.enclosingLoop returns. */
  ofLoop(loop: Node): ScaleAnswer;
  /** Is a count (`n`, `xs.length`, a literal) data-sized? */
  ofCount(n: Node): ScaleAnswer;
}

/** Loop bounds and array lengths up to this count as bounded. */
const SMALL = 100_000;
const SAME_SIZE_METHODS = new Set(['map', 'filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'concat', 'flat', 'flatMap', 'entries', 'keys', 'values']);

function line(n: Node): string {
  return n.loc ? ` at line ${n.loc.start.line}` : '';
}

function short(text: string, max = 30): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

class FactsJsDataScale implements JsDataScale {
  constructor(private readonly facts: FileFacts, private readonly textOf: (n: Node) => string) {}

  ofLoop(loop: Node): ScaleAnswer {
    switch (loop.type) {
      case 'ForOfStatement':
      case 'ForInStatement':
        return this.ofValue(loop.right);
      case 'ForStatement':
        return loop.test ? this.ofBound(loop.test) : { scale: 'unknown', why: `the for loop${line(loop)} has no end condition` };
      case 'WhileStatement':
      case 'DoWhileStatement':
        return { scale: 'unknown', why: `the while loop${line(loop)} runs a number of times set at run time` };
      case 'CallExpression': {
        const callee = loop.callee;
        if (callee.type !== 'MemberExpression') break;
        const m = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
        if (m === 'on' || m === 'once') return withInput({ scale: 'data', source: `every chunk of the stream \`${short(this.textOf(callee.object))}\`${line(loop)}` }, jsLiteralInputOf(this.facts, callee.object));
        return this.ofValue(callee.object);
      }
      default:
        break;
    }
    return { scale: 'unknown', why: 'the loop is not one Memwise can size' };
  }

  /** `i < n`, `i < xs.length`, `i <= 10`. */
  private ofBound(test: Node): ScaleAnswer {
    if (test.type === 'BinaryExpression' && (test.operator === '<' || test.operator === '<=')) return this.ofCount(test.right);
    return { scale: 'unknown', why: `\`${short(this.textOf(test))}\` is only known at run time` };
  }

  /** A count: a literal, `xs.length`, or a name bound to one. */
  ofCount(n: Node, depth = 0): ScaleAnswer {
    if (n.type === 'Literal' && typeof n.value === 'number') {
      return n.value <= SMALL ? { scale: 'bounded', why: `${n.raw} is a small fixed count` } : { scale: 'data', source: `a count of ${n.raw}` };
    }
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && (n.property.name === 'length' || n.property.name === 'size')) return this.ofValue(n.object, depth + 1);
    if (n.type === 'Identifier' && depth < 6) {
      const b = this.facts.binding(n);
      if (b && b.init && this.fixedAfterInit(b)) return this.ofCount(b.init, depth + 1);
    }
    return { scale: 'unknown', why: `\`${short(this.textOf(n))}\` is only known at run time` };
  }

  /**
   * The binding keeps its initialiser: a `const`, or a `let` never written again (`let size = 8` read only as a
   * loop bound is as fixed as `const size = 8`). A `var` may be declared again, so it is not taken as fixed.
   */
  private fixedAfterInit(b: BindingInfo): boolean {
    if (b.kind === 'const') return true;
    return b.kind === 'let' && !b.refs.some((r) => isWrite(this.facts, r));
  }

  /** An array (or Set) that starts empty is as large as the loops that push (or add) into it. */
  private ofFilled(name: string, refs: readonly Node[], depth: number): ScaleAnswer {
    const answers: ScaleAnswer[] = [];
    for (const r of refs) {
      const m = this.facts.parent(r);
      const call = m && this.facts.parent(m);
      if (m?.type !== 'MemberExpression' || call?.type !== 'CallExpression' || call.callee !== m || m.computed || m.property.type !== 'Identifier' || !/^(push|unshift|splice|add)$/.test(m.property.name)) continue;
      const loops = loopsAround(this.facts, call);
      if (!loops.length) answers.push({ scale: 'bounded', why: 'one push outside any loop' });
      else if (depth < 8) answers.push(combineScales(loops.map((l) => this.ofLoop(l))));
      else answers.push({ scale: 'unknown', why: `\`${name}\` is traced too far` }); // filled in a loop: never "bounded" unseen
    }
    const a = combineScales(answers);
    if (a.scale === 'data') return withInput({ scale: 'data', source: `\`${name}\`, filled from ${a.source}` }, a.input);
    return answers.length ? a : { scale: 'bounded', why: `\`${name}\` starts empty and is not filled in a loop` };
  }

  private ofParam(id: Node, depth: number): ScaleAnswer {
    const fn = this.facts.parent(id);
    if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return this.unknownOrigin(id);
    const index = fn.params.indexOf(id as (typeof fn.params)[number]);
    const calls = index >= 0 ? this.facts.callsOf(fn) : undefined;
    const args = (calls ?? []).map((c) => (c.type === 'CallExpression' || c.type === 'NewExpression' ? c.arguments[index] : undefined));
    if (!args.length || args.some((a) => !a || a.type === 'SpreadElement')) return this.unknownOrigin(id);
    return combineScales(args.map((a) => this.ofValue(a as Node, depth + 1)));
  }

  private unknownOrigin(e: Node): ScaleAnswer {
    return { scale: 'unknown', why: `nothing shows where \`${short(this.textOf(e))}\` comes from or how large it gets` };
  }

  ofValue(expr: Node, depth = 0): ScaleAnswer {
    const e = expr.type === 'TSAsExpression' || expr.type === 'TSNonNullExpression' ? expr.expression : expr.type === 'AwaitExpression' ? expr.argument : expr;
    const source = this.facts.dataCollectionSource(e);
    // Records of a stream only say they are many: where a fill is traced through its loops, that says more.
    if (source && !source.startsWith(STREAMED_RECORDS)) return withInput({ scale: 'data', source }, jsLiteralInputOf(this.facts, e));
    const traced = depth > 6 ? { scale: 'unknown' as const, why: `\`${short(this.textOf(e))}\` is traced too far` } : this.traced(e, depth);
    return traced.scale !== 'data' && source ? withInput({ scale: 'data', source }, jsLiteralInputOf(this.facts, e)) : traced;
  }

  private traced(e: Node, depth: number): ScaleAnswer {
    switch (e.type) {
      case 'ArrayExpression':
        // `[...regions]`: a copy of one collection is as large as it.
        if (e.elements.length === 1 && e.elements[0]?.type === 'SpreadElement') return this.ofValue(e.elements[0].argument, depth + 1);
        if (e.elements.some((x) => x?.type === 'SpreadElement')) break;
        return { scale: 'bounded', why: `a literal of ${e.elements.length} item${e.elements.length === 1 ? '' : 's'}` };
      case 'ObjectExpression':
      case 'Literal':
      case 'TemplateLiteral':
        return { scale: 'bounded', why: 'a literal' };
      case 'CallExpression': {
        const c = e.callee;
        if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') {
          const m = c.property.name;
          if (c.object.type === 'Identifier' && c.object.name === 'Object' && /^(keys|values|entries)$/.test(m) && e.arguments[0]) return this.ofValue(e.arguments[0], depth + 1);
          if (SAME_SIZE_METHODS.has(m)) return this.ofValue(c.object, depth + 1);
          // JSON.parse of a file's content: the whole document, as large as the file.
          if (m === 'parse' && c.object.type === 'Identifier' && c.object.name === 'JSON' && e.arguments[0] && /\breadFile(Sync)?\s*\(/.test(this.textOf(e.arguments[0]))) {
            return { scale: 'data', source: `the document parsed from the file read${line(e)}` };
          }
          // Array.from({ length: n }) has n elements.
          const a = e.arguments[0];
          if (m === 'from' && c.object.type === 'Identifier' && c.object.name === 'Array' && a?.type === 'ObjectExpression' && a.properties[0]?.type === 'Property') return this.ofCount(a.properties[0].value as Node, depth + 1);
        }
        // A local function's result: as large as what it returns.
        const fnBinding = c.type === 'Identifier' ? this.facts.binding(c) : undefined;
        const fn = fnBinding?.kind === 'function' ? this.facts.parent(fnBinding.id) : undefined;
        if (fn?.type === 'FunctionDeclaration') {
          const rets = this.facts.returnedValues(fn);
          if (rets.length) return combineScales(rets.map((r) => this.ofValue(r, depth + 1)));
        }
        break;
      }
      case 'Identifier': {
        const b = this.facts.binding(e);
        if (b && isEmptyArrayOrSet(b.init)) return this.ofFilled(b.name, b.refs, depth);
        // A parameter: as large as the largest argument its in-file call sites pass.
        if (b?.kind === 'param') return this.ofParam(b.id, depth);
        if (b?.init && this.fixedAfterInit(b)) return this.ofValue(b.init, depth + 1);
        break;
      }
      default:
        break;
    }
    return { scale: 'unknown', why: `nothing shows where \`${short(this.textOf(e))}\` comes from or how large it gets` };
  }
}

/** `ref` is written (assigned, updated, destructured into, a for-in/of target), not only read. */
function isWrite(facts: FileFacts, ref: Node): boolean {
  const p = facts.parent(ref);
  if (!p) return false;
  switch (p.type) {
    case 'AssignmentExpression':
    case 'AssignmentPattern':
      return p.left === ref;
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'Property':
      return p.value === ref && facts.parent(p)?.type === 'ObjectPattern';
    case 'ForInStatement':
    case 'ForOfStatement':
      return p.left === ref;
    default:
      return false;
  }
}

/** `[]` or `new Set()` with nothing in it yet. */
function isEmptyArrayOrSet(init: Node | undefined): boolean {
  if (init?.type === 'ArrayExpression') return init.elements.length === 0;
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Set' && init.arguments.length === 0;
}

/** Today's answers, from one file's value facts. */
export function jsDataScale(facts: FileFacts, textOf: (n: Node) => string): JsDataScale {
  return new FactsJsDataScale(facts, textOf);
}

/** The loops that repeat `node` up to (not including) the one holding `stopAt`, innermost first; iteration callbacks count. */
export function loopsAround(facts: FileFacts, node: Node, stopAt?: Node): Node[] {
  const out: Node[] = [];
  for (let l = facts.enclosingLoop(node, stopAt); l && out.length < 20; l = facts.enclosingLoop(l, stopAt)) out.push(l);
  return out;
}

/** Data if any loop is, bounded if all are, else unknown. */
export function combineJsLoops(ds: JsDataScale, loops: readonly Node[]): ScaleAnswer {
  return combineScales(loops.map((l) => ds.ofLoop(l)));
}
