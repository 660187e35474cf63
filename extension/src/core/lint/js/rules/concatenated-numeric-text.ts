// MW151: `+`/`+=` between parsed text and a number concatenates instead of adding.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type JsRule, type JsRuleContext, type JsVisitors, type Node, isNonNumericLiteral, nameEndsWithWord, snippet, wrapInNumberFix } from '../ruleContext';

/** Names that say "I hold a number" — used only when the left side of `+=` has no known value. */
export const NUMERIC_WORDS = ['total', 'sum', 'count', 'bytes', 'size', 'ms', 'millis', 'seconds', 'secs', 'duration', 'latency', 'elapsed', 'amount', 'price', 'qty', 'quantity', 'cost', 'revenue', 'sales', 'weight', 'score', 'hits', 'errors', 'requests', 'n'];

function lastName(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') return n.property.name;
  // `totals[key]`: the map's own name says what its values are.
  if (n.type === 'MemberExpression' && n.computed) return lastName(n.object);
  return undefined;
}

const meta: RuleMeta = {
  code: 'MW151',
  name: 'concatenated-numeric-text',
  language: 'js',
  family: 1,
  defaultSeverity: 'warning',
  summary: 'Parsed text added to a number with `+`/`+=` concatenates strings instead of adding.',
  fixable: true,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `+` and `+=` where one side is text that came from parsing data (a CSV field, a split log line, a readline line, `process.argv`, `process.env`, a query parameter) and the other side is a number.',
    whyIsThisBad:
      'JavaScript does not add text to a number: it converts the number to text and concatenates. `total += row.bytes` turns `total` into a string that grows by every field it meets — `"0512" + "2048" + …` — so a running total over a million rows becomes a multi-megabyte string (each `+=` may copy it), and the result is wrong. Converting once with `Number()` keeps an 8-byte number.',
    example: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('requests.csv'), { columns: true });\nlet total = 0;\nfor (const row of rows) {\n  total += row.bytes;\n}\nconsole.log(total);\n",
    useInstead: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst rows = parse(fs.readFileSync('requests.csv'), { columns: true });\nlet total = 0;\nfor (const row of rows) {\n  total += Number(row.bytes);\n}\nconsole.log(total);\n",
    fixSafety: 'The fix wraps the text in `Number(...)`. It changes the result from a concatenated string to the intended sum; an empty or malformed field becomes 0 or NaN instead of extra characters.',
  },
};

const TAIL = 'concatenates strings instead of adding, so the value grows by every field it meets and the result is wrong. Convert with Number() first.';

type MessageId = 'textPlusNumber' | 'textPlusText' | 'textIntoRunningNumber' | 'textPlusJsonValue';

export const concatenatedNumericText: JsRule<MessageId> = {
  meta,
  messages: {
    textPlusNumber: `\`{{text}}\` is text ({{what}}); \`+\` with the number \`{{other}}\` ${TAIL}`,
    textPlusText: `\`{{text}}\` is text ({{what}}); \`+\` with more text ${TAIL}`,
    textIntoRunningNumber: `\`{{text}}\` is text ({{what}}); \`+\` with the running number \`{{other}}\` ${TAIL}`,
    textPlusJsonValue: `\`{{text}}\` is text ({{what}}); \`+\` with \`{{other}}\`, a JSON value (a number there stays a number) whose sum is used as a number, ${TAIL}`,
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    const { facts } = ctx;
    const flag = (node: Node, text: Node, messageId: MessageId, what: string, other?: Node) => {
      ctx.report({
        node,
        messageId,
        data: { text: snippet(ctx, text), what, other: other ? snippet(ctx, other, 20) : '' },
        fixes: [wrapInNumberFix(ctx, text)],
      });
    };
    return {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        if (node.operator !== '+' || isNonNumericLiteral(node.left) || isNonNumericLiteral(node.right)) return;
        if (facts.isNumericReduceAccumulator(node.left)) return; // MW153 reports reduce accumulators
        const lt = facts.textOrigin(node.left);
        const rt = facts.textOrigin(node.right);
        if (rt && !lt && facts.isNumeric(node.left)) return flag(node, node.right, 'textPlusNumber', rt.what, node.left);
        if (lt && !rt && facts.isNumeric(node.right)) return flag(node, node.left, 'textPlusNumber', lt.what, node.right);
        if (lt && rt && (inNumericContext(ctx, node) || storedThenUsedAsNumber(ctx, node))) return flag(node, node.left, 'textPlusText', lt.what);
        const target = assignedName(ctx, node);
        // A JSON value (its numbers stay numbers) plus text, where the sum is meant as a number: used as one
        // (`const allowed = loan.loanDays + graceDays; … elapsed - allowed`) or stored under a numeric name.
        const jsonSide = rt && !lt ? node.left : lt && !rt ? node.right : undefined;
        if (jsonSide && facts.isJsonValue(jsonSide) && (inNumericContext(ctx, node) || storedThenUsedAsNumber(ctx, node) || (!!target && !target.same && nameEndsWithWord(target.name, NUMERIC_WORDS)))) {
          return jsonSide === node.left ? flag(node, node.right, 'textPlusJsonValue', rt!.what, node.left) : flag(node, node.left, 'textPlusJsonValue', lt!.what, node.right);
        }
        // `this.total = this.total + field`, `const sum = a + b`: the target's name says it holds a number.
        if (!target || !nameEndsWithWord(target.name, NUMERIC_WORDS)) return;
        if (rt && !lt && target.same === node.left) return flag(node, node.right, 'textIntoRunningNumber', rt.what, node.left);
        if (lt && rt && !target.same) return flag(node, node.left, 'textPlusText', lt.what);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (node.operator !== '+=') return;
        const rt = facts.textOrigin(node.right);
        if (!rt || facts.textOrigin(node.left)) return;
        const leftName = lastName(node.left);
        const numericLeft = facts.isNumeric(node.left) || (!isKnownNonNumber(ctx, node.left) && leftName !== undefined && nameEndsWithWord(leftName, NUMERIC_WORDS));
        if (!numericLeft) return;
        flag(node, node.right, 'textIntoRunningNumber', rt.what, node.left);
      },
    };
  },
};

/** The name a `+` result is stored under, and whether the target also appears as the left operand (`x = x + …`). */
function assignedName(ctx: JsRuleContext, node: TSESTree.BinaryExpression): { name: string; same?: Node } | undefined {
  const p = ctx.facts.parent(node);
  if (p?.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier') return { name: p.id.name };
  if (p?.type === 'AssignmentExpression' && p.operator === '=' && p.right === node) {
    const name = lastName(p.left);
    if (!name) return undefined;
    const same = ctx.textOf(p.left) === ctx.textOf(node.left) ? node.left : undefined;
    return { name, same };
  }
  return undefined;
}

/** The left side is initialised with a string, array or object: `+=` there is legitimate text building. */
function isKnownNonNumber(ctx: JsRuleContext, left: Node): boolean {
  if (left.type !== 'Identifier') return false;
  const b = ctx.facts.binding(left);
  const init = b?.init;
  return !!init && (init.type === 'TemplateLiteral' || (init.type === 'Literal' && typeof init.value === 'string') || init.type === 'ArrayExpression' || init.type === 'ObjectExpression');
}

/**
 * `const allowed = a + b; … elapsed - allowed`: the sum is stored in a variable that is never reassigned and
 * is used as a number (arithmetic other than `+`, compared with a number, passed to Math, `.toFixed`). Using
 * it as a key or an index is not taken as numeric here: a joined key (`counts[a + b]`) is common.
 */
function storedThenUsedAsNumber(ctx: JsRuleContext, node: Node): boolean {
  const p = ctx.facts.parent(node);
  if (p?.type !== 'VariableDeclarator' || p.init !== node || p.id.type !== 'Identifier') return false;
  const b = ctx.facts.binding(p.id);
  if (!b || b.assignments.length || (b.kind !== 'const' && b.kind !== 'let')) return false;
  return b.refs.some((ref) => {
    const use = ctx.facts.parent(ref);
    if (use?.type === 'BinaryExpression') {
      const other = use.left === ref ? use.right : use.left;
      return ['-', '*', '/', '%', '**'].includes(use.operator) || (['<', '>', '<=', '>='].includes(use.operator) && ctx.facts.isNumeric(other));
    }
    if (use?.type === 'CallExpression' && use.arguments.includes(ref) && use.callee.type === 'MemberExpression' && use.callee.object.type === 'Identifier' && use.callee.object.name === 'Math') return true;
    return use?.type === 'MemberExpression' && use.object === ref && !use.computed && use.property.type === 'Identifier' && use.property.name === 'toFixed';
  });
}

/** `(a + b) / 2`, `Math.max(a + b, …)`, `(a + b) > 10`: the concatenation is meant as a sum. */
function inNumericContext(ctx: JsRuleContext, node: Node): boolean {
  const p = ctx.facts.parent(node);
  if (!p) return false;
  if (p.type === 'BinaryExpression') return ['-', '*', '/', '%', '**', '<', '>', '<=', '>='].includes(p.operator);
  if (p.type === 'CallExpression' && p.callee.type === 'MemberExpression' && p.callee.object.type === 'Identifier' && p.callee.object.name === 'Math') return true;
  if (p.type === 'MemberExpression' && p.object === node && !p.computed && p.property.type === 'Identifier' && p.property.name === 'toFixed') return true;
  // `sum += a + b` where `sum` is a number.
  if (p.type === 'AssignmentExpression' && p.right === node && (p.operator === '+=' || p.operator === '-=') && ctx.facts.isNumeric(p.left)) return true;
  // An index or a count: `items.slice(offset, offset + limit)`, `arr[i + off]`.
  if (p.type === 'MemberExpression' && p.computed && p.property === node) return true;
  if (p.type === 'CallExpression' && p.arguments.includes(node as TSESTree.Expression) && p.callee.type === 'MemberExpression' && !p.callee.computed && p.callee.property.type === 'Identifier') {
    return ['slice', 'substring', 'substr', 'splice', 'repeat', 'padStart', 'padEnd', 'at', 'toFixed'].includes(p.callee.property.name);
  }
  return false;
}
