// MW251: csv-parse / PapaParse / d3-dsv records kept as text and then used as numbers.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, RuleMeta } from '../../types';
import type { JsRule, JsRuleContext, JsVisitors, TabularParseInfo } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW251',
  name: 'untyped-tabular-parse',
  language: 'js',
  family: 2,
  defaultSeverity: 'warning',
  summary: 'Tabular data parsed without casting is kept as text and then used as numbers.',
  fixable: true,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags a csv-parse call without `cast`, a `Papa.parse` without `dynamicTyping`, or a d3-dsv parse without a row function, whose records are kept and whose fields are later used as numbers without conversion: in arithmetic (`r.qty * r.price`, a sort comparator `a.n - b.n`), added with `+` or `+=` to a number, compared with a number, or passed to `Math.*`. A field converted where it is used (`Number(r.n)`, `parseFloat`, `parseInt`, unary `+` or `-`, or an in-file helper that returns one of these) is not such a use, however often the records are walked: a parse whose every numeric use is converted is not reported (the message names the first use that is not converted). A comparison that MW152 leaves alone (two texts with nothing in the file saying they hold numbers, such as two timestamps; a version; a single character) is not a use as a number either, nor is arithmetic on a piece of a field cut by position (`d.date.substring(4, 6) - 1`: a date stamp parsed, which a cast would break).',
    whyIsThisBad:
      'Every field stays a string: "1532" costs a heap string (about 20–40 bytes plus the record slot) where a number would be a small integer or an 8-byte double, so a million-row table takes several times the memory it needs. Worse, each numeric use re-converts the text — or concatenates it (`+`) or compares it lexically. Casting at the parse converts once, at the source.',
    example: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst records = parse(fs.readFileSync('orders.csv'), { columns: true });\nconst big = records.filter((r) => r.quantity * r.price > 1000);\nconsole.log(big.length);\n",
    useInstead: "import { parse } from 'csv-parse/sync';\nimport fs from 'fs';\nconst records = parse(fs.readFileSync('orders.csv'), { columns: true, cast: true });\nconst big = records.filter((r) => r.quantity * r.price > 1000);\nconsole.log(big.length);\n",
    fixSafety: 'Unsafe: `cast: true` / `dynamicTyping: true` / `d3.autoType` convert every numeric-looking column, including ones meant to stay text (zip codes with leading zeros, ids). Review the columns before applying.',
  },
};

function castFix(ctx: JsRuleContext, call: TSESTree.CallExpression, info: TabularParseInfo): Fix | undefined {
  const title = `Add ${info.castOption} to the parse`;
  if (info.library === 'd3-dsv') {
    const callee = call.callee;
    if (call.arguments.length !== 1 || callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'd3') return undefined;
    const end = ctx.rangeOf(call.arguments[0]);
    return { title, safety: 'unsafe', edits: [{ range: { startLine: end.endLine, startColumn: end.endColumn, endLine: end.endLine, endColumn: end.endColumn }, newText: ', d3.autoType' }] };
  }
  if (info.options) {
    const r = ctx.rangeOf(info.options);
    const at = { startLine: r.startLine, startColumn: r.startColumn + 1, endLine: r.startLine, endColumn: r.startColumn + 1 };
    const empty = info.options.properties.length === 0;
    return { title, safety: 'unsafe', edits: [{ range: at, newText: empty ? ` ${info.castOption} ` : ` ${info.castOption},` }] };
  }
  // No options argument: append one after the input (only for `parse(input)` shapes).
  if (call.arguments.length === 1) {
    const end = ctx.rangeOf(call.arguments[0]);
    return { title, safety: 'unsafe', edits: [{ range: { startLine: end.endLine, startColumn: end.endColumn, endLine: end.endLine, endColumn: end.endColumn }, newText: `, { ${info.castOption} }` }] };
  }
  return undefined;
}

type MessageId = 'textKept';

export const untypedTabularParse: JsRule<MessageId> = {
  meta,
  messages: {
    textKept:
      '{{library}} keeps every field as text (a heap string per field instead of a number), and line {{useLine}} uses them as numbers without converting them, so every use coerces, concatenates or compares the text. Add {{castOption}} so numbers are converted once at parse time.',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const found = ctx.facts.untypedParseNumericUse(node);
        if (!found) return;
        const { info, use } = found;
        const useLine = ctx.rangeOf(use).startLine + 1;
        const fix = castFix(ctx, node, info);
        ctx.report({
          node,
          messageId: 'textKept',
          data: { library: info.library, useLine, castOption: info.castOption },
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};
