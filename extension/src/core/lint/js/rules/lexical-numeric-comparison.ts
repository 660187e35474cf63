// MW152: comparing parsed text with a number (or two numeric texts) orders by characters, not value.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type JsRule, type JsRuleContext, type JsVisitors, type Node, isNonNumericLiteral, snippet, wrapInNumberFix } from '../ruleContext';
import { fieldName, textComparisonExcused } from '../textOrder';

/**
 * `names.sort((a, b) => (a < b ? -1 : 1))`: a comparator's element parameters say nothing, the sorted list's name
 * does (`names`, `cities`: sorted as text on purpose; `amounts` is not excused).
 */
function sortedListName(ctx: JsRuleContext, n: Node): string | undefined {
  const b = n.type === 'Identifier' ? ctx.facts.binding(n) : undefined;
  const fn = b?.kind === 'param' ? ctx.facts.parent(b.id) : undefined;
  const call = fn && ctx.facts.parent(fn);
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || call.callee.type !== 'MemberExpression') return undefined;
  const m = fieldName(call.callee);
  return m === 'sort' || m === 'toSorted' ? fieldName(call.callee.object) : undefined;
}

const meta: RuleMeta = {
  code: 'MW152',
  name: 'lexical-numeric-comparison',
  language: 'js',
  family: 1,
  defaultSeverity: 'warning',
  summary: 'Parsed text compared with a number, or with other text the file treats as numbers, orders by characters, not by value.',
  fixable: true,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `<`, `>`, `<=`, `>=` where a side is text from parsed data and the other side is a number (a field of a `JSON.parse` document counts: JSON keeps numbers as numbers), and `===`/`!==` between such text and a number. Text compared with other text (another record\'s same field, a variable that took its value, a query parameter) is flagged only where the file shows the text holds numbers, because text sorts text correctly otherwise (ISO timestamps, names, codes, whatever the field is called): the same field or value is converted somewhere (`Number()`, `parseInt()`, `parseFloat()`, unary `+`), used in arithmetic (`-`, `*`, `/`, `%`, `++`, `Math.*`), compared with or added to a number (a sum), formatted with `toFixed`, given a numeric text default (`?? \'0\'`), or declared `number` in a TypeScript interface or type (a claim, not a conversion, but the author\'s word that the data holds numbers); failing all of those, its name names a quantity or a unit (`price`, `population`, `units_sold`, `temp_c`, `durationMs`; a unit abbreviation after another word: `surge_cm`, `gustMph`, `depth_m`), except a unit after a timestamp or an id (`ts_ms`, `epoch_s`, `created_at_ms`): equal-width timestamps order correctly as text. So `a.total > b.total` after `sum + Number(r.total)` is flagged, and `r.takenAt > newest` or `b.start > a.start` with the text only printed or sliced is not. Comparisons whose order cannot differ or that compare versions on purpose are left alone too: single characters (`c >= \'0\'`), version strings and parts (`major < 18`, `v >= \'1.2.0\'`), a command-line argument checked against a literal, and two dates, names or ids compared as text (`placedAt`, `ts < since`). An environment variable or a command-line argument that is not converted is text: compared with a number the code computes (a loop or retry counter, also one passed on by the function\'s own retry as `attempt + 1`; a length; a position from `indexOf`; a clock reading) it is reported, also when it has a number default (`process.env.MAX_RETRIES || 3` is text whenever the variable is set). `Number(…)`/`parseInt(…)` around it, default included, is the conversion.',
    whyIsThisBad:
      'Two strings compare character by character: `"900" > "1000"` is true, so a "max" that once took a text value keeps the wrong winner, and sorts and filters on text fields go wrong. Text against a number compares only by converting the text again on every comparison (an empty field counts as 0; `attempt < "10"` is still numeric, so the order goes wrong only once the other side is text too), and `===` between text and a number is always false. Each kept text field also costs 20–40 bytes more than a number. Convert once with `Number()`.',
    example: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('latency.csv'), { columns: true });\nlet slowest = rows[0];\nfor (const row of rows) {\n  if (row.ms > slowest.ms) slowest = row;\n}\n",
    useInstead: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('latency.csv'), { columns: true, cast: true });\nlet slowest = rows[0];\nfor (const row of rows) {\n  if (row.ms > slowest.ms) slowest = row;\n}\n",
    fixSafety: 'The fix wraps the text side in `Number(...)`; the comparison then orders by value, which changes results exactly where they were wrong.',
  },
};

type MessageId = 'alwaysUnequal' | 'textVersusText' | 'textVersusNumber';

export const lexicalNumericComparison: JsRule<MessageId> = {
  meta,
  messages: {
    alwaysUnequal: '`{{text}}` is text ({{what}}); `{{op}}` against the number `{{other}}` is always {{result}}. Convert with Number() first (and keep the number, not the text).',
    textVersusText: '`{{left}}` and `{{right}}` are both text ({{what}}); `{{op}}` compares them character by character ("900" > "1000"), not by value. Convert with Number() first.',
    textVersusNumber:
      '`{{text}}` is text ({{what}}); `{{op}}` with the number `{{other}}` re-converts it on every comparison (an empty field counts as 0) and turns lexical ("900" > "1000") as soon as the other side is text too. Convert once with Number() and keep the 8-byte number.',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    return {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        if (node.left.type === 'PrivateIdentifier') return;
        const relational = node.operator === '<' || node.operator === '>' || node.operator === '<=' || node.operator === '>=';
        const strict = node.operator === '===' || node.operator === '!==';
        if ((!relational && !strict) || isNonNumericLiteral(node.left) || isNonNumericLiteral(node.right)) return;
        const lt = facts.textOrigin(node.left);
        const rt = facts.textOrigin(node.right);
        if (!lt && !rt) return;
        const textSide = lt ? node.left : node.right;
        const otherSide = lt ? node.right : node.left;
        const what = (lt ?? rt)!.what;
        if (strict) {
          if ((lt && rt) || !facts.isNumeric(otherSide) || otherSide.type === 'Identifier' && facts.textOrigin(otherSide)) return;
          ctx.report({
            node,
            messageId: 'alwaysUnequal',
            data: { text: snippet(ctx, textSide), what, op: node.operator, other: snippet(ctx, otherSide, 20), result: node.operator === '===' ? 'false' : 'true' },
            fixes: [wrapInNumberFix(ctx, textSide)],
          });
          return;
        }
        // Timestamps, names, versions, single characters, whole lines, a list sorted by name (textOrder.ts).
        if (textComparisonExcused(node.left, node.right, facts, (p) => sortedListName(ctx, p))) return;
        if (lt && rt) {
          ctx.report({
            node,
            messageId: 'textVersusText',
            data: { left: snippet(ctx, node.left), right: snippet(ctx, node.right), what, op: node.operator },
            fixes: [wrapInNumberFix(ctx, node.left), wrapInNumberFix(ctx, node.right)],
          });
          return;
        }
        // A field of a JSON document (`r.value` of JSON.parse records) holds a JSON number when compared so.
        if (!facts.isNumeric(otherSide) && !facts.isJsonValue(otherSide)) return;
        ctx.report({
          node,
          messageId: 'textVersusNumber',
          data: { text: snippet(ctx, textSide), what, op: node.operator, other: snippet(ctx, otherSide, 20) },
          fixes: [wrapInNumberFix(ctx, textSide)],
        });
      },
    };
  },
};
