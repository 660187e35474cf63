import type { PythonRule } from '../ruleContext';
import { wrapFix } from '../ruleContext';
import { ORDERING, textAgainstNumber as rawPair, textColumnAgainstNumber } from '../numericText';
import type { FileFacts } from '../facts/fileFacts';
import type { Node as TsNode } from 'web-tree-sitter';

/** `x * 100 > 0` is reported once, at the repetition (MW101). */
function textAgainstNumber(facts: FileFacts, a: TsNode | null, b: TsNode | null) {
  const p = rawPair(facts, a, b);
  return p && p.text.type === 'binary_operator' ? null : p;
}

export const textNumberComparison: PythonRule = {
  meta: {
    code: 'MW103',
    name: 'text-number-comparison',
    language: 'python',
    family: 1,
    defaultSeverity: 'warning',
    summary: 'Data text compared with a number.',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Flags `<`, `>`, `<=`, `>=`, `==`, `!=` between text parsed from data and a number.',
      whyIsThisBad:
        'Ordering comparisons raise TypeError and equality is always False, so filters silently keep or drop everything. It also shows the numeric field is held as a str (~50 bytes) rather than a number.',
      example: 'import sys\n\nfor line in sys.stdin:\n    fields = line.split()\n    if fields[2] > 500:\n        print(line)\n',
      useInstead: 'import sys\n\nfor line in sys.stdin:\n    fields = line.split()\n    if int(fields[2]) > 500:\n        print(line)\n',
      fixSafety: 'Unsafe: converting changes which rows pass the comparison (that is the point).',
    },
  },
  cacheable: true,
  sourceOps: ['comparison_operator'],
  create(ctx) {
    return {
      comparison_operator(node) {
        for (const p of ctx.facts.pairs(node)) {
          if (!ORDERING.has(p.op)) continue;
          const col = textColumnAgainstNumber(ctx.facts, p.left, p.right);
          if (col) {
            ctx.report({ node, message: `\`${col.text.text}\` is a text column from ${col.src.label} (one ~50-byte str per cell); comparing it with a number raises TypeError. Convert it with pd.to_numeric() or read it with a numeric dtype.` });
            return;
          }
          const pair = textAgainstNumber(ctx.facts, p.left, p.right);
          if (!pair) continue;
          ctx.report({
            node,
            message: `\`${pair.text.text}\` is text from ${pair.src.label}; comparing it with a number ${p.op === '==' || p.op === '!=' ? 'is never equal' : 'raises TypeError'}, and the value stays a ~50-byte str. Convert with float() or int() first.`,
            fixes: [wrapFix(pair.text, 'float'), wrapFix(pair.text, 'int')],
          });
          return;
        }
      },
    };
  },
};
