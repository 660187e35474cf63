import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { wrapFix } from '../ruleContext';
import { textAgainstNumber as rawPair } from '../numericText';
import type { FileFacts } from '../facts/fileFacts';
import type { Node as TsNode } from 'web-tree-sitter';

/** Operands that can hold data text themselves (a repetition `x * 100` is MW101's, reported there). */
const OPERANDS = new Set(['identifier', 'subscript', 'call', 'attribute', 'parenthesized_expression']);

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
      whatItDoes: 'Flags `+`, `-`, `+=` and `-=` between text parsed from data and a number. The result of a repetition already reported as MW101 (`line_total = price * qty`, then `total += line_total`) is not reported again.',
      whyIsThisBad:
        'The field was never converted, so the numbers stay as str objects in memory (about 50 bytes each plus the row lists holding them) and the arithmetic raises TypeError at run time, often only after the whole file has been loaded.',
      example: 'total = 0\nwith open("sizes.txt") as f:\n    for line in f:\n        name, size = line.split(",")\n        total += size\n',
      useInstead: 'total = 0\nwith open("sizes.txt") as f:\n    for line in f:\n        name, size = line.split(",")\n        total += int(size)\n',
      fixSafety: 'Unsafe: converting with float()/int() changes behaviour (it may raise on malformed fields).',
    },
  },
  cacheable: true,
  sourceOps: ['binary_operator', 'augmented_assignment'],
  create(ctx) {
    const report = (node: Node, text: Node, label: string, op: string) =>
      ctx.report({
        node,
        message: `\`${text.text}\` is text from ${label}; \`${op}\` with a number fails or keeps the value as a str (~50 bytes instead of an 8-byte number in an array or a 24-byte float). Convert with float() or int() where it is parsed.`,
        fixes: [wrapFix(text, 'float'), wrapFix(text, 'int')],
      });
    const dataText = (n: Node | null) => {
      if (!n || !OPERANDS.has(n.type)) return null;
      const f = ctx.facts.factOf(n);
      return f && f.k === 'text' ? { node: n, label: f.src.label } : null;
    };
    return {
      binary_operator(node) {
        const op = ctx.facts.parts(node).op;
        if (op !== '+' && op !== '-') return;
        const { left, right } = ctx.facts.parts(node);
        const pair = textAgainstNumber(ctx.facts, left, right);
        if (pair) report(node, pair.text, pair.src.label, op);
        else if (op === '-') {
          // str has no `-`: data text on either side fails whatever the other side is.
          const t = dataText(left) ?? dataText(right);
          if (t) report(node, t.node, t.label, op);
        }
      },
      augmented_assignment(node) {
        const op = ctx.facts.parts(node).op;
        if (op !== '+=' && op !== '-=') return;
        const left = ctx.facts.parts(node).left;
        const right = ctx.facts.parts(node).right;
        if (!left || !right) return;
        // `total += row[1]`: the left side's value is the one before this statement.
        const fr = ctx.facts.factOf(right);
        const before = ctx.facts.valueBeforeUpdate(left);
        if (fr && fr.k === 'text' && ((before && before.k === 'num') || (op === '-=' && OPERANDS.has(right.type)))) report(node, right, fr.src.label, op);
        else if (before && before.k === 'text' && ((fr && fr.k === 'num') || op === '-=')) report(node, left, before.src.label, op);
      },
    };
  },
};
