import type { PythonRule } from '../ruleContext';
import { wrapFix } from '../ruleContext';
import type { Node } from 'web-tree-sitter';
import { textAgainstNumber, updateAgainstNumber, type TextNumberPair } from '../numericText';
import { isNumberLiteral } from '../syntax';

export const repeatedNumericText: PythonRule = {
  meta: {
    code: 'MW101',
    name: 'repeated-numeric-text',
    language: 'python',
    family: 1,
    defaultSeverity: 'warning',
    summary: 'Data text multiplied by a number: Python repeats the string instead of scaling a number.',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Flags `text * n` where the text was parsed from data (a CSV field, a split part, a line, argv) and `n` is a number. One mistake is one finding: what the repetition yields is not followed further, so `C * 1024 * 1024` is reported once, and `shares = lots * LOT` then `beta * shares` only at the first product.',
      whyIsThisBad:
        'A field like `"250"` is a str until converted. `row[1] * 1000` does not give 250000: it builds a new string 1000 times longer (`"250250250…"`). Over millions of rows memory grows about 1000× (a 3-character field becomes ~3 KB instead of a 24-byte float), which is how a 5 GB job reached 130 GB.',
      example: 'import csv\n\nwith open("requests.csv") as f:\n    for row in csv.reader(f):\n        micros = row[1] * 1000\n',
      useInstead: 'import csv\n\nwith open("requests.csv") as f:\n    for row in csv.reader(f):\n        micros = float(row[1]) * 1000\n',
      fixSafety: 'Unsafe: wrapping the field in float() or int() changes the result (a number instead of a repeated string), which is the intent but changes behaviour.',
    },
  },
  cacheable: true,
  sourceOps: ['binary_operator', 'augmented_assignment'],
  create(ctx) {
    const report = (node: Node, pair: TextNumberPair) => {
      if (pair.number.type === 'float') {
        ctx.report({
          node,
          message: `\`${pair.text.text}\` is text from ${pair.src.label}; \`* ${pair.number.text}\` raises TypeError (a str cannot be scaled), and the field is held as a ~50-byte str instead of a 24-byte float. Convert with float() first.`,
          fixes: [wrapFix(pair.text, 'float')],
        });
        return;
      }
      const n = isNumberLiteral(pair.number) ? pair.number.text : `\`${pair.number.text}\``;
      ctx.report({
        node,
        message: `\`${pair.text.text}\` is text from ${pair.src.label}; \`* ${pair.number.text}\` repeats the string ${n} times (${n} × the field's length in bytes per row, instead of a 24-byte float). Convert with float() or int() first.`,
        fixes: [wrapFix(pair.text, 'float'), wrapFix(pair.text, 'int')],
      });
    };
    return {
      binary_operator(node) {
        if (ctx.facts.parts(node).op !== '*') return;
        const pair = textAgainstNumber(ctx.facts, ctx.facts.parts(node).left, ctx.facts.parts(node).right);
        if (pair) report(node, pair);
      },
      augmented_assignment(node) {
        // `value *= 1000` where value is still text
        if (ctx.facts.parts(node).op !== '*=') return;
        const left = ctx.facts.parts(node).left;
        const pair = updateAgainstNumber(ctx.facts, left, ctx.facts.parts(node).right);
        if (pair && pair.text.id === left?.id) report(node, pair);
      },
    };
  },
};
