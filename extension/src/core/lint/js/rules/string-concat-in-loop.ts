// MW451: a string built with `+=` in a loop and then written out whole.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { combineJsLoops, jsDataScale, loopsAround } from '../dataScale';
import { type BindingInfo, type FileFacts, type JsRule, type JsRuleContext, type JsVisitors, type Node, snippet } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW451',
  name: 'string-concat-in-loop',
  language: 'js',
  family: 4,
  defaultSeverity: 'info',
  summary: 'Output built with `str +=` in a loop is held whole in memory before it is written.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `out += …` inside a loop when `out` starts as a string outside the loop and is later written in one piece (`fs.writeFileSync`, `stream.write`, `res.send`, `console.log`…), also inside a `+` or a template, or returned to an in-file caller that writes it. A use after `out` is rebound to another value (`body = JSON.parse(body)`) is not a write of the string, whatever the new value is; a rebinding to a trimmed or sliced copy of the same text (`out = out.slice(0, -1)`) still is, and so is a rebinding on one branch only.',
    whyIsThisBad:
      'The whole output lives in memory until the end: V8 keeps the pieces as a rope, then flattens it into one contiguous string when it is written (a second full copy), and one string cannot exceed ~512 MB. Writing each piece to a stream, or collecting pieces into an array and joining once, keeps memory bounded.',
    example: "import fs from 'fs';\nconst rows = JSON.parse(fs.readFileSync('rows.json', 'utf8'));\nlet csv = '';\nfor (const r of rows) {\n  csv += `${r.id},${r.total}\\n`;\n}\nfs.writeFileSync('out.csv', csv);\n",
    useInstead: "import fs from 'fs';\nconst rows = JSON.parse(fs.readFileSync('rows.json', 'utf8'));\nconst out = fs.createWriteStream('out.csv');\nfor (const r of rows) {\n  out.write(`${r.id},${r.total}\\n`);\n}\nout.end();\n",
    dataScale: 'A loop that repeats the `+=` walks data: parsed records, the lines of a file, a directory listing, a readline or stream handler, or a bound past 100,000. Over a literal array or a small fixed count (a literal, or a `const` or a `let` never assigned again after its literal initialiser), or in a loop that stops once the string reaches such a length (`while (code.length < 8)`), the output stays small and nothing is reported; when the loop cannot be sized, the finding is information only and says so.',
    fixSafety: 'No automatic fix: the right sink (a write stream, an array and join) depends on the code around it.',
  },
};

const SINKS = new Set(['writeFileSync', 'writeFile', 'appendFileSync', 'write', 'end', 'send', 'log', 'info']);

/** A string literal or template, or a `+` with one (`'region\t' + days.join('\t') + '\n'`). */
function isStringInit(init: Node | undefined): boolean {
  if (init?.type === 'BinaryExpression' && init.operator === '+') return isStringInit(init.left) || isStringInit(init.right);
  return !!init && ((init.type === 'Literal' && typeof init.value === 'string') || init.type === 'TemplateLiteral');
}

type MessageId = 'builtWhole';

export const stringConcatInLoop: JsRule<MessageId> = {
  meta,
  messages: {
    builtWhole:
      '`{{target}}` is built with += inside a loop and written out in one piece: the whole output is held in memory (and flattened into one more copy when written). Write each piece to a stream instead.{{scaleNote}}',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    const reported = new Set<unknown>();
    return {
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (node.operator !== '+=' || node.left.type !== 'Identifier') return;
        const b = facts.binding(node.left);
        if (!b || reported.has(b) || (b.kind !== 'let' && b.kind !== 'var') || !isStringInit(b.init)) return;
        const declLoop = facts.enclosingLoop(b.id);
        const loop = facts.enclosingLoop(node);
        if (!loop || loop === declLoop) return;
        // The loop must not also contain the declaration (a per-iteration buffer is fine).
        for (let p = facts.parent(b.id); p; p = facts.parent(p)) if (p === loop) return;
        if (!b.refs.some((r) => !reboundBefore(facts, b, r) && writtenWhole(facts, r, 0))) return;
        const loops = loopsAround(facts, node).filter((l) => !(l.range[0] <= b.id.range[0] && b.id.range[1] <= l.range[1]));
        const sizes = jsDataScale(facts, ctx.textOf);
        if (loops.some((l) => lengthCapped(l, b, sizes))) return;
        const scale = combineJsLoops(sizes, loops);
        if (scale.scale === 'bounded') return;
        reported.add(b);
        ctx.report({
          node,
          scale: scale.scale,
          input: inputOf(scale),
          messageId: 'builtWhole',
          data: { target: snippet(ctx, node.left), scaleNote: scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale) },
        });
      },
    };
  },
};

/**
 * `while (code.length < 8) { … code += hash[5]; }`: the loop stops once the string reaches a small fixed
 * length, so the output is bounded however many times the loop runs (a search that keeps a few hits).
 */
function lengthCapped(loop: Node, b: BindingInfo, sizes: ReturnType<typeof jsDataScale>): boolean {
  const test = loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' || loop.type === 'ForStatement' ? loop.test : null;
  const caps = (t: Node | null): boolean => {
    if (!t) return false;
    if (t.type === 'LogicalExpression' && t.operator === '&&') return caps(t.left) || caps(t.right);
    if (t.type !== 'BinaryExpression' || (t.operator !== '<' && t.operator !== '<=')) return false;
    const len = t.left;
    const ofB = len.type === 'MemberExpression' && !len.computed && len.property.type === 'Identifier' && len.property.name === 'length' && len.object.type === 'Identifier' && b.refs.includes(len.object);
    return ofB && sizes.ofCount(t.right).scale === 'bounded';
  };
  return caps(test);
}

/** String methods whose result is still the whole text (`out = out.trimEnd()` keeps the output alive). */
const TEXT_KEEPING = new Set(['trim', 'trimEnd', 'trimStart', 'trimRight', 'trimLeft', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'toUpperCase', 'toLowerCase', 'padEnd', 'padStart', 'concat', 'normalize']);

/** `rhs` is the text of `b` again: a text-keeping method on it, or a `+`/template with it as a part. */
function keepsText(rhs: Node, b: BindingInfo): boolean {
  const isB = (n: Node) => n.type === 'Identifier' && b.refs.includes(n);
  if (rhs.type === 'CallExpression' && rhs.callee.type === 'MemberExpression' && rhs.callee.property.type === 'Identifier') {
    return isB(rhs.callee.object) && TEXT_KEEPING.has(rhs.callee.property.name);
  }
  if (rhs.type === 'BinaryExpression' && rhs.operator === '+') return isB(rhs.left) || isB(rhs.right) || keepsText(rhs.left, b) || keepsText(rhs.right, b);
  return rhs.type === 'TemplateLiteral' && rhs.expressions.some((e) => isB(e) || keepsText(e, b));
}

/** Statement lists a use can be preceded in. */
function statementList(n: Node): readonly Node[] | undefined {
  if (n.type === 'BlockStatement' || n.type === 'Program' || n.type === 'StaticBlock') return n.body;
  return n.type === 'SwitchCase' ? n.consequent : undefined;
}

/**
 * The use `ref` sees `b` rebound to another value (`body = JSON.parse(body)`): the nearest statement before it in its
 * function that writes `b` is a plain assignment of something other than the text. A rebinding ends the string's
 * life, so later uses (a `console.log(body)` of the parsed object) are not writes of the output. A conditional
 * rebinding or a later `+=` keeps the string alive.
 */
function reboundBefore(facts: FileFacts, b: BindingInfo, ref: Node): boolean {
  const writes = b.refs.filter((r) => {
    const p = facts.parent(r);
    return p?.type === 'AssignmentExpression' && p.left === r;
  });
  if (!writes.length) return false;
  for (let cur: Node = ref, p = facts.parent(ref); p; cur = p, p = facts.parent(p)) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return false;
    const list = statementList(p);
    const at = list ? list.indexOf(cur) : -1;
    for (let i = at - 1; i >= 0; i--) {
      const s = list![i];
      const inside = writes.filter((w) => s.range[0] <= w.range[0] && w.range[1] <= s.range[1]);
      if (!inside.length) continue;
      const last = facts.parent(inside[inside.length - 1]) as TSESTree.AssignmentExpression;
      return s.type === 'ExpressionStatement' && s.expression === last && last.operator === '=' && !keepsText(last.right, b);
    }
  }
  return false;
}

/**
 * The string `value` reaches a writing call in one piece outside any loop: as its argument, inside a `+` or a
 * template (`console.log(report + footer)`), or returned from a function whose in-file callers write it
 * (`fs.writeFileSync(out, pivot.render())`).
 */
function writtenWhole(facts: FileFacts, value: Node, depth: number): boolean {
  let cur = value;
  let p = facts.parent(cur);
  while (p && ((p.type === 'BinaryExpression' && p.operator === '+') || p.type === 'TemplateLiteral' || p.type === 'TSAsExpression' || p.type === 'AwaitExpression')) {
    cur = p;
    p = facts.parent(cur);
  }
  if (p?.type === 'CallExpression' && p.arguments.includes(cur as TSESTree.Expression)) {
    const callee = p.callee;
    const name = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : callee.type === 'Identifier' ? callee.name : '';
    return SINKS.has(name) && !facts.enclosingLoop(p);
  }
  // `const csv = await toCsv(rows); fs.writeFileSync(out, csv)`: a caller keeps the result in a const first.
  if (p?.type === 'VariableDeclarator' && p.init === cur && p.id.type === 'Identifier' && depth > 0 && depth < 3) {
    const b = facts.binding(p.id);
    return !!b && b.kind === 'const' && b.refs.some((r) => writtenWhole(facts, r, depth + 1));
  }
  const returned = (p?.type === 'ReturnStatement' && p.argument === cur) || (p?.type === 'ArrowFunctionExpression' && p.body === cur);
  if (!returned || depth >= 3) return false;
  let fn: Node | undefined = p;
  while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') fn = facts.parent(fn);
  const calls = fn ? facts.callsOf(fn) : undefined;
  return !!calls?.some((c) => writtenWhole(facts, c, depth + 1));
}
