// MW453: `Array.from({ length: n })` / `new Array(n).fill()` built only to loop n times.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { jsDataScale } from '../dataScale';
import { type JsRule, type JsRuleContext, type JsVisitors, type Node, snippet } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW453',
  name: 'materialized-range',
  language: 'js',
  family: 4,
  defaultSeverity: 'info',
  summary: 'An n-element array is allocated only to iterate n times.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: "Flags `Array.from({ length: n })`, `new Array(n).fill(…)`, `Array(n).fill(…)` and `[...Array(n)]` when the array is only iterated: `.forEach(…)` on it, a `.map(…)` whose result is dropped, or `for (… of …)` over it.",
    whyIsThisBad:
      'The array exists only to count: n slots (8 bytes each, plus the holes-to-packed transition of `fill`) are allocated and filled before the first iteration. For n in the millions that is tens of MB of garbage for nothing. A plain `for (let i = 0; i < n; i++)` loop allocates nothing.',
    example: "const n = 1_000_000;\nArray.from({ length: n }).forEach((_, i) => {\n  console.log(i);\n});\n",
    useInstead: "const n = 1_000_000;\nfor (let i = 0; i < n; i++) {\n  console.log(i);\n}\n",
    dataScale: 'n is data-sized: the length of parsed records, file lines or a directory listing, or a number past 100,000. `Array.from({ length: 10 })` is ten slots and is not reported; an n that cannot be traced gives an information-level finding that says so.',
    fixSafety: 'No automatic fix.',
  },
};

/** The n of `Array.from({ length: n })`, `new Array(n)`, `Array(n).fill()`, `[...Array(n)]`. */
function countOf(n: Node): Node | undefined {
  if (n.type === 'ArrayExpression' && n.elements[0]?.type === 'SpreadElement') return countOf(n.elements[0].argument);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier') {
    if (n.callee.property.name === 'fill') return countOf(n.callee.object);
    const a = n.arguments[0];
    if (a?.type === 'ObjectExpression' && a.properties[0]?.type === 'Property') return a.properties[0].value as Node;
  }
  if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee.type === 'Identifier' && n.callee.name === 'Array') return n.arguments[0] as Node | undefined;
  return undefined;
}

function isRangeArray(n: Node): boolean {
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.object.name === 'Array' && n.callee.property.type === 'Identifier' && n.callee.property.name === 'from') {
    const a = n.arguments[0];
    return n.arguments.length === 1 && a?.type === 'ObjectExpression' && a.properties.length === 1 && a.properties[0].type === 'Property' && a.properties[0].key.type === 'Identifier' && a.properties[0].key.name === 'length';
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === 'fill') {
    const o = n.callee.object;
    return (o.type === 'NewExpression' || o.type === 'CallExpression') && o.callee.type === 'Identifier' && o.callee.name === 'Array' && o.arguments.length === 1;
  }
  if (n.type === 'ArrayExpression' && n.elements.length === 1 && n.elements[0]?.type === 'SpreadElement') {
    const s = n.elements[0].argument;
    return (s.type === 'NewExpression' || s.type === 'CallExpression') && s.callee.type === 'Identifier' && s.callee.name === 'Array' && s.arguments.length === 1;
  }
  return false;
}

type MessageId = 'countOnly';

export const materializedRange: JsRule<MessageId> = {
  meta,
  messages: {
    countOnly:
      '`{{array}}` allocates and fills a whole array only to count iterations (8+ bytes per element, all garbage afterwards). Use a plain for (let i = 0; i < n; i++) loop.{{scaleNote}}',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    const check = (arr: Node) => {
      if (!isRangeArray(arr)) return;
      const p = facts.parent(arr);
      let iteratedOnly = false;
      if (p?.type === 'ForOfStatement' && p.right === arr) iteratedOnly = true;
      if (p?.type === 'MemberExpression' && p.object === arr && p.property.type === 'Identifier') {
        const call = facts.parent(p);
        if (call?.type === 'CallExpression' && call.callee === p) {
          if (p.property.name === 'forEach') iteratedOnly = true;
          if (p.property.name === 'map' && facts.parent(call)?.type === 'ExpressionStatement') iteratedOnly = true;
        }
      }
      if (!iteratedOnly) return;
      const n = countOf(arr);
      const scale = n ? jsDataScale(facts, ctx.textOf).ofCount(n) : { scale: 'unknown' as const, why: 'its length is not visible' };
      if (scale.scale === 'bounded') return;
      ctx.report({
        node: arr,
        scale: scale.scale,
        input: inputOf(scale),
        messageId: 'countOnly',
        data: { array: snippet(ctx, arr), scaleNote: scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale) },
      });
    };
    return {
      CallExpression: (node: TSESTree.CallExpression) => check(node),
      ArrayExpression: (node: TSESTree.ArrayExpression) => check(node),
    };
  },
};
