// MW152: comparing parsed text with a number (or two numeric texts) orders by characters, not value.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type FileFacts, type JsRule, type JsRuleContext, type JsVisitors, type Node, type TextOrigin, isNonNumericLiteral, nameEndsWithWord, snippet, wrapInNumberFix } from '../ruleContext';

/**
 * Fields that are legitimately compared as text: ISO dates and timestamps sort lexically (`ts`, a
 * `since`/`until` cut-off; `placedAt` below), and names and ids are not quantities.
 */
const TEXTUAL_WORDS = ['date', 'day', 'month', 'iso', 'ts', 'timestamp', 'datetime', 'since', 'until', 'name', 'label', 'title', 'path', 'url', 'host', 'email', 'user', 'method', 'type', 'kind', 'category', 'message', 'msg', 'text', 'id', 'key', 'ip', 'agent', 'country', 'city', 'region', 'version', 'sku', 'zip', 'code', 'slug', 'tag', 'symbol', 'ticker', 'currency', 'word', 'team', 'product', 'customer', 'account', 'service', 'owner', 'author', 'file', 'filename', 'domain', 'route', 'endpoint', 'group', 'department', 'dept', 'channel', 'hash', 'sha', 'commit', 'uuid', 'description', 'desc', 'note', 'comment', 'address', 'street', 'state', 'provider', 'vendor', 'brand', 'model', 'color'];

/** `placedAt`, `deployed_at`, `sent_at`, `departsAt`: when something happens (a timestamp), unlike `reorderAt` (a level). */
const EVENT_TIME = /(ed|s|sent|paid|run|seen|due|start|end)(_at|At)$/;

/** A name that says its text sorts correctly as text: a date, timestamp, name or id. */
function textualName(name: string | undefined): boolean {
  return !!name && (nameEndsWithWord(name, TEXTUAL_WORDS) || EVENT_TIME.test(name));
}

function fieldName(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression') {
    if (!n.computed && n.property.type === 'Identifier') return n.property.name;
    if (n.property.type === 'Literal' && typeof n.property.value === 'string') return n.property.value;
  }
  return undefined;
}

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

/** Names of version parts: `major < 18`, `version >= '1.2'` are deliberate. */
const VERSION_WORDS = ['version', 'versions', 'ver', 'semver', 'major', 'minor', 'patch'];
/** `'1.2'`, `'10.4.3'`, `'v2.1'`: a version literal. */
const VERSION_LITERAL = /^v?\d+(\.\d+){1,3}([-+].*)?$/;

/** One character of text (`s[i]`, `s.charAt(i)`, `s.at(-1)`) or a one-character literal: `c >= '0'` orders digits correctly. */
function isSingleCharacter(n: Node, facts: FileFacts): boolean {
  if (n.type === 'Literal') return typeof n.value === 'string' && n.value.length === 1;
  // `line[0]` indexes a string (one character), `fields[0]` a list (a whole field).
  if (n.type === 'MemberExpression' && n.computed) return !!facts.textOrigin(n.object);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
    return n.callee.property.name === 'charAt' || n.callee.property.name === 'at';
  }
  return false;
}

/**
 * Comparisons whose order is the same lexically and numerically, or that compare versions on purpose:
 * single characters, version strings and parts, and a command-line argument checked against a literal.
 */
function deliberateOrSafe(textSide: Node, otherSide: Node, origin: TextOrigin, facts: FileFacts): boolean {
  if (isSingleCharacter(textSide, facts) || isSingleCharacter(otherSide, facts)) return true;
  if (otherSide.type === 'Literal' && typeof otherSide.value === 'string' && VERSION_LITERAL.test(otherSide.value)) return true;
  const names = [fieldName(textSide), fieldName(otherSide)];
  if (names.some((n) => n !== undefined && nameEndsWithWord(n, VERSION_WORDS)) || origin.versionPart) return true;
  // `process.argv[2] > 10`: one scalar, converted by the comparison itself, not a column of data. (An
  // environment variable is still reported: the first blind holdout counts `process.env.WORKERS > 4` as a bug.)
  return origin.what === 'a command-line argument' && otherSide.type === 'Literal';
}

const meta: RuleMeta = {
  code: 'MW152',
  name: 'lexical-numeric-comparison',
  language: 'js',
  family: 1,
  defaultSeverity: 'warning',
  summary: 'Parsed text compared with a number or with other numeric text orders by characters, not by value.',
  fixable: true,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `<`, `>`, `<=`, `>=` where a side is text from parsed data and the other side is a number (a field of a `JSON.parse` document counts: JSON keeps numbers as numbers) or more numeric text, and `===`/`!==` between such text and a number. Comparisons whose order cannot differ or that compare versions on purpose are left alone: single characters (`c >= \'0\'`), version strings and parts (`major < 18`, `v >= \'1.2.0\'`), a command-line argument checked against a literal, and two timestamps or names compared as text (`placedAt`, `ts < since`).',
    whyIsThisBad:
      'Two strings compare character by character: `"900" > "1000"` is true, so a "max" that once took a text value keeps the wrong winner, and sorts and filters on text fields go wrong. Text against a number compares only by converting the text again on every comparison (an empty field counts as 0), and `===` between text and a number is always false. Each kept text field also costs 20–40 bytes more than a number. Convert once with `Number()`.',
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
        const name = fieldName(textSide);
        // A textual name (`date`, `name`, `id`) excuses text-to-text ordering only: against a number, `===` is
        // always false and `<` converts the text whatever the field is called.
        const what = (lt ?? rt)!.what;
        if (!strict && deliberateOrSafe(textSide, otherSide, (lt ?? rt)!, facts)) return;
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
        if (lt && rt) {
          // Two whole lines (sorting or de-duplicating a word list): lexical order is what is wanted, unless a
          // side is meant to hold a number (`let max = 0; … if (ms > max) max = ms`: a running maximum).
          if (lt.wholeLine && rt.wholeLine && !facts.isNumeric(node.left) && !facts.isNumeric(node.right)) return;
          const otherName = fieldName(otherSide);
          if (textualName(name) || textualName(otherName) || textualName(sortedListName(ctx, textSide))) return;
          ctx.report({
            node,
            messageId: 'textVersusText',
            data: { left: snippet(ctx, node.left), right: snippet(ctx, node.right), what, op: node.operator },
            fixes: [wrapInNumberFix(ctx, node.left), wrapInNumberFix(ctx, node.right)],
          });
          return;
        }
        // A field of a JSON document (`r.value` of JSON.parse records) holds a JSON number when compared so.
        if (!facts.isNumeric(otherSide) && !(facts.isJsonValue(otherSide) && !textualName(name) && !textualName(fieldName(otherSide)))) return;
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
