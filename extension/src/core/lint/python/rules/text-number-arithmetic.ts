import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { wrapFix } from '../ruleContext';
import { textAgainstNumber as rawPair } from '../numericText';
import type { FileFacts } from '../facts/fileFacts';
import type { Node as TsNode } from 'web-tree-sitter';

/** Like textAgainstNumber, but `x * 100 > 0` is reported once, at the repetition (MW101). */
function textAgainstNumber(facts: FileFacts, a: TsNode | null, b: TsNode | null) {
  const p = rawPair(facts, a, b);
  return p && p.text.type === 'binary_operator' ? null : p;
}

export const textNumberArithmetic: PythonRule = {
  meta: {
    code: 'MW102',
    name: 'text-number-arithmetic',
    language: 'python',
    family: 1,
    defaultSeverity: 'warning',
    summary: 'Data text added to or subtracted from a number.',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Flags `+`, `-`, `+=` and `-=` between text parsed from data and a number.',
      whyIsThisBad:
        'The field was never converted, so the numbers stay as str objects in memory (about 50 bytes each plus the row lists holding them) and the arithmetic raises TypeError at run time, often only after the whole file has been loaded.',
      example: 'total = 0\nwith open("sizes.txt") as f:\n    for line in f:\n        name, size = line.split(",")\n        total += size\n',
      useInstead: 'total = 0\nwith open("sizes.txt") as f:\n    for line in f:\n        name, size = line.split(",")\n        total += int(size)\n',
      fixSafety: 'Unsafe: converting with float()/int() changes behaviour (it may raise on malformed fields).',
    },
  },
  sourceOps: ['binary_operator', 'augmented_assignment'],
  create(ctx) {
    const report = (node: Node, text: Node, label: string, op: string) =>
      ctx.report({
        node,
        message: `\`${text.text}\` is text from ${label}; \`${op}\` with a number fails or keeps the value as a str (~50 bytes instead of an 8-byte number in an array or a 24-byte float). Convert with float() or int() where it is parsed.`,
        fixes: [wrapFix(text, 'float'), wrapFix(text, 'int')],
      });
    return {
      binary_operator(node) {
        const op = ctx.facts.parts(node).op;
        if (op !== '+' && op !== '-') return;
        const pair = textAgainstNumber(ctx.facts, ctx.facts.parts(node).left, ctx.facts.parts(node).right);
        if (pair) report(node, pair.text, pair.src.label, op);
      },
      augmented_assignment(node) {
        const op = ctx.facts.parts(node).op;
        if (op !== '+=' && op !== '-=') return;
        const left = ctx.facts.parts(node).left;
        const right = ctx.facts.parts(node).right;
        if (!left || !right) return;
        // `total += row[1]`: the left side's value is the one before this statement.
        const fr = ctx.facts.factOf(right);
        const before = left.type === 'identifier' || left.type === 'subscript' ? ctx.facts.factOf(left) : null;
        if (fr && fr.k === 'text' && before && before.k === 'num') report(node, right, fr.src.label, op);
        else if (fr && fr.k === 'num' && before && before.k === 'text') report(node, left, before.src.label, op);
      },
    };
  },
};
