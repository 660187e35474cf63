// MW153: a numeric `reduce` accumulator that adds parsed text turns into a growing string.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type JsRule, type JsRuleContext, type JsVisitors, isNonNumericLiteral, snippet, wrapInNumberFix } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW153',
  name: 'text-reduce-accumulator',
  language: 'js',
  family: 1,
  defaultSeverity: 'warning',
  summary: 'A `reduce` that starts from a number and adds parsed text builds one long string.',
  fixable: true,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `acc + field` inside a `reduce((acc, x) => …, 0)` callback when `field` is text from parsed data, and `a + b` in a `reduce((a, b) => …)` without an initial value over data text.',
    whyIsThisBad:
      'The first step turns the numeric start value into text (`0 + "12"` is `"012"`), and every later step appends another field: the accumulator becomes a string as long as the whole column, copied again and again while it grows, and the "sum" is garbage. Convert the field with `Number()`.',
    example: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('sales.csv', 'utf8'), { header: true });\nconst revenue = data.reduce((sum, row) => sum + row.amount, 0);\nconsole.log(revenue);\n",
    useInstead: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('sales.csv', 'utf8'), { header: true });\nconst revenue = data.reduce((sum, row) => sum + Number(row.amount), 0);\nconsole.log(revenue);\n",
    fixSafety: 'The fix wraps the field in `Number(...)`, turning the concatenation into the intended sum.',
  },
};

type MessageId = 'accumulatorStartsAsText' | 'textIntoNumericAccumulator';

export const textReduceAccumulator: JsRule<MessageId> = {
  meta,
  messages: {
    accumulatorStartsAsText:
      '`{{field}}` is text ({{what}}) and so is the reduce accumulator `{{acc}}` (it starts as the first element): `+` concatenates them into a string that grows by every element, copied at each step. Convert with Number() and start from 0.',
    textIntoNumericAccumulator:
      '`{{field}}` is text ({{what}}); adding it to the reduce accumulator `{{acc}}` turns the numeric start into a string that grows by every element, copied at each step. Convert with Number() first.',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    return {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        if (node.operator !== '+' || isNonNumericLiteral(node.left) || isNonNumericLiteral(node.right)) return;
        const left = facts.reduceAccumulator(node.left);
        const right = facts.reduceAccumulator(node.right);
        if (!left && !right) return;
        const field = left ? node.right : node.left;
        const origin = facts.textOrigin(field);
        if (!origin) return;
        const acc = left ? node.left : node.right;
        // Without an initial value the accumulator starts as the first element: only data text summed is a bug.
        if ((left ?? right) === 'first' && !facts.textOrigin(acc)) return;
        ctx.report({
          node,
          messageId: (left ?? right) === 'first' ? 'accumulatorStartsAsText' : 'textIntoNumericAccumulator',
          data: { field: snippet(ctx, field), what: origin.what, acc: snippet(ctx, acc, 20) },
          fixes: [wrapInNumberFix(ctx, field)],
        });
      },
    };
  },
};
