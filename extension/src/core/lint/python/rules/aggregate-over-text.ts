import type { PythonRule } from '../ruleContext';
import { AGGREGATE_CALL_TOKENS, TEXT_JOINING_AGGREGATES } from '../library/derived';
import { aggregateOverText, columnAggregate } from '../numericText';
import { calleeOf } from '../syntax';

export const aggregateOverTextRule: PythonRule = {
  meta: {
    code: 'MW104',
    name: 'aggregate-over-text',
    language: 'python',
    family: 1,
    defaultSeverity: 'warning',
    summary: 'sum()/max()/min()/statistics over text values parsed from data.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Flags `sum`, `max`, `min` and `statistics` functions whose values are unconverted text from data, also `max()`/`min()` of values given as separate arguments when each is such text (`max(slowest.get(path, ms), ms)`; a `d.get(k, default)` is the dict\'s value or the default). `max()`/`min()` over text named as dates, timestamps, names or ids (the same words MW152 excuses in JS/TS) or over single characters (for separate arguments: any one of them so named) are not reported: ISO dates and names order correctly as text, and the newest date or first name is what the code asks for. That is a dict (or its `keys()`) whose stored keys are all so named (`totals[row["date"]]`, `seen[ts]`, `spend[customer]`), a comprehension of such a value (`min(r["date"] for r in rows)`), or a list named so (`max(dates)`; a dict\'s own name describes its values, not its keys). `sum()` of them still is.',
      whyIsThisBad:
        '`max` and `min` compare strings alphabetically ("9" > "10"), `sum` raises TypeError, and the list behind them holds every value as a ~50-byte str instead of an 8-byte float in an array.',
      example: 'import csv\n\nwith open("prices.csv") as f:\n    prices = [row[2] for row in csv.reader(f)]\nprint(max(prices))\n',
      useInstead: 'import csv\n\nwith open("prices.csv") as f:\n    prices = [float(row[2]) for row in csv.reader(f)]\nprint(max(prices))\n',
    },
  },
  cacheable: true,
  triggers: [{ tokens: AGGREGATE_CALL_TOKENS, after: /^\s*\(/, type: 'call', where: 'sources' }],
  create(ctx) {
    return {
      call(node) {
        const col = columnAggregate(ctx.facts, node);
        if (col) {
          ctx.report({
            node,
            message: `\`${col.column.text}\` holds text from ${col.src.label}; \`.${col.method}()\` ${TEXT_JOINING_AGGREGATES.has(col.method) ? 'concatenates the strings into one ever-growing str' : 'compares or fails on strings'} instead of adding numbers. Convert the column with pd.to_numeric() or a numeric dtype first.`,
          });
          return;
        }
        const src = aggregateOverText(ctx.facts, node);
        if (!src) return;
        const name = calleeOf(node)?.full ?? 'aggregate';
        ctx.report({
          node,
          message: `${name}() runs over text from ${src.label}: strings compare alphabetically or fail to add, and each value is kept as a ~50-byte str. Convert with float() or int() when parsing.`,
        });
      },
    };
  },
};
