import type { PythonRule } from '../ruleContext';
import { wrapFix } from '../ruleContext';
import { ORDERING, textAgainstNumber as rawPair, textColumnAgainstNumber } from '../numericText';
import type { FileFacts } from '../facts/fileFacts';
import type { Node as TsNode } from 'web-tree-sitter';
import type { TextNumberPair } from '../numericText';

/** Comparisons in one read unit looked at when asking whether a value was compared before. */
const MAX_COMPARISONS = 400;

/** `x * 100 > 0` is reported once, at the repetition (MW101). */
function textAgainstNumber(facts: FileFacts, a: TsNode | null, b: TsNode | null) {
  const p = rawPair(facts, a, b);
  return p && p.text.type === 'binary_operator' ? null : p;
}

/** The text-against-number pair this rule reports at `node` (the first ordering pair that is one), or null. */
function reportedPair(facts: FileFacts, node: TsNode): { pair: TextNumberPair; op: string } | null {
  for (const p of facts.pairs(node)) {
    if (!ORDERING.has(p.op)) continue;
    const pair = textAgainstNumber(facts, p.left, p.right);
    if (pair) return { pair, op: p.op };
  }
  return null;
}

/**
 * The unit a value's comparisons are gathered in: the function around `node`, or its top-level statement. It is
 * also the editor's read unit (its text changes with any edit inside it), so a reused finding stays right.
 */
function unitOf(node: TsNode): TsNode {
  let top = node;
  for (let n: TsNode | null = node; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (n.parent?.type === 'module') top = n;
  }
  return top;
}

/**
 * The other comparisons of the same value (the same expression, from the same source) with a number in the
 * unit: `flag = input()` then `if flag == 1: … elif flag == 2:` is one mistake, reported once at its first
 * comparison, which lists the later ones.
 */
function sameValueComparisons(facts: FileFacts, node: TsNode, pair: TextNumberPair): { earlier: boolean; later: number[] } {
  const later: number[] = [];
  const stack: TsNode[] = [unitOf(node)];
  for (let seen = 0; stack.length && seen < MAX_COMPARISONS * 20; seen++) {
    const n = stack.pop()!;
    if (n.type === 'comparison_operator' && n.id !== node.id && !(n.startIndex <= node.startIndex && n.endIndex >= node.endIndex)) {
      const other = reportedPair(facts, n)?.pair;
      if (other && other.src.node.id === pair.src.node.id && other.text.text === pair.text.text) {
        if (n.startIndex < node.startIndex) return { earlier: true, later };
        later.push(n.startPosition.row + 1);
      }
    }
    for (let k = n.namedChildCount - 1; k >= 0; k--) {
      const c = n.namedChild(k);
      if (c) stack.push(c);
    }
  }
  return { earlier: false, later };
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
      whatItDoes:
        'Flags `<`, `>`, `<=`, `>=`, `==`, `!=` between text parsed from data and a number. One value compared several times in a function (`flag = input()`, then `if flag == 1: … elif flag == 2:`) is reported once, at its first comparison, and the message names the lines of the others.',
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
          const others = sameValueComparisons(ctx.facts, node, pair);
          if (others.earlier) return;
          const also = others.later.length ? ` It is compared with a number again at line${others.later.length > 1 ? 's' : ''} ${others.later.join(', ')}.` : '';
          ctx.report({
            node,
            message: `\`${pair.text.text}\` is text from ${pair.src.label}; comparing it with a number ${p.op === '==' || p.op === '!=' ? 'is never equal' : 'raises TypeError'}, and the value stays a ~50-byte str. Convert with float() or int() first.${also}`,
            fixes: [wrapFix(pair.text, 'float'), wrapFix(pair.text, 'int')],
          });
          return;
        }
      },
    };
  },
};
