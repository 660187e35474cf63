// MW452: `buf = Buffer.concat([buf, chunk])` per chunk copies everything received so far, every time.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { combineJsLoops, jsDataScale, loopsAround } from '../dataScale';
import { type JsRule, type JsRuleContext, type JsVisitors, snippet } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW452',
  name: 'buffer-concat-in-loop',
  language: 'js',
  family: 4,
  defaultSeverity: 'warning',
  summary: '`Buffer.concat` of the growing buffer inside a loop or a data handler copies all data on every chunk.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: "Flags `buf = Buffer.concat([buf, chunk])` inside a loop or a `.on('data')` handler.",
    whyIsThisBad:
      'Each call allocates a new buffer the size of everything so far and copies it: N chunks cost O(N²) bytes copied, and the old and new buffers are alive together at each step (2× peak), with garbage collection racing the copies. Push chunks into an array and call `Buffer.concat(chunks)` once at the end.',
    example: "process.stdin.on('data', onData);\nlet body = Buffer.alloc(0);\nfunction onData(chunk) {\n  body = Buffer.concat([body, chunk]);\n}\nconst parts = [];\nlet all = Buffer.alloc(0);\nfor (const part of parts) {\n  all = Buffer.concat([all, part]);\n}\n",
    useInstead: "const chunks = [];\nprocess.stdin.on('data', (chunk) => chunks.push(chunk));\nprocess.stdin.on('end', () => {\n  const body = Buffer.concat(chunks);\n  console.log(body.length);\n});\n",
    dataScale: 'The concat runs once per chunk of data: in a function called from outside (a stream `data` handler or callback), or in a loop over parsed records, file lines, a directory listing or a bound past 100,000. A loop over a literal array or a small fixed count is not reported; a loop that cannot be sized gives an information-level finding that says so.',
    fixSafety: 'No automatic fix: the chunks array and the final concat belong in different places.',
  },
};

type MessageId = 'copiesPerChunk';

export const bufferConcatInLoop: JsRule<MessageId> = {
  meta,
  messages: {
    copiesPerChunk:
      '`{{target}} = Buffer.concat([{{short}}, …])` copies everything received so far on every chunk (O(n²) bytes copied, old and new buffers alive together). Collect chunks in an array and Buffer.concat once at the end.{{scaleNote}}',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const c = node.callee;
        if (c.type !== 'MemberExpression' || c.object.type !== 'Identifier' || c.object.name !== 'Buffer' || c.property.type !== 'Identifier' || c.property.name !== 'concat') return;
        const list = node.arguments[0];
        if (list?.type !== 'ArrayExpression') return;
        const first = list.elements[0];
        const assign = facts.parent(node);
        if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.right !== node) return;
        const target = assign.left;
        if (!first || first.type === 'SpreadElement' || ctx.textOf(first) !== ctx.textOf(target)) return;
        // Inside a loop, or a callback that runs per chunk (a data handler or any function called repeatedly).
        const loop = facts.enclosingLoop(node);
        const inHandler = !loop && isInsideFunctionDeclaredOutside(ctx, node, target);
        if (!loop && !inHandler) return;
        const scale = loop ? combineJsLoops(jsDataScale(facts, ctx.textOf), loopsAround(facts, node)) : { scale: 'data' as const, source: `every chunk passed to the handler that appends to \`${snippet(ctx, target, 20)}\`` };
        if (scale.scale === 'bounded') return;
        ctx.report({
          node,
          scale: scale.scale,
          input: inputOf(scale),
          messageId: 'copiesPerChunk',
          data: { target: snippet(ctx, target), short: snippet(ctx, target, 20), scaleNote: scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale) },
        });
      },
    };
  },
};

/** A handler function appending to a variable that lives outside it: called per chunk. */
function isInsideFunctionDeclaredOutside(ctx: JsRuleContext, node: TSESTree.Node, target: TSESTree.Node): boolean {
  if (target.type !== 'Identifier') return false;
  const b = ctx.facts.binding(target);
  if (!b) return false;
  let fn: TSESTree.Node | undefined;
  for (let p = ctx.facts.parent(node); p; p = ctx.facts.parent(p)) {
    if (p.type === 'ArrowFunctionExpression' || p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') {
      fn = p;
      break;
    }
  }
  if (!fn) return false;
  for (let p = ctx.facts.parent(b.id); p; p = ctx.facts.parent(p)) if (p === fn) return false;
  return true;
}
