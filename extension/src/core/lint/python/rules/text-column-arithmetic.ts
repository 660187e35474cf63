import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { ARRAY_MODULES } from '../library/derived';

const ARITH = new Set(['*', '+', '-', '/', '//', '%', '**']);

export const textColumnArithmetic: PythonRule = {
  meta: {
    code: 'MW105',
    name: 'text-column-arithmetic',
    language: 'python',
    family: 1,
    defaultSeverity: 'warning',
    summary: 'Arithmetic on a numpy array or pandas column that holds text.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Flags arithmetic with a number on a numpy array or pandas column read as str/object.',
      whyIsThisBad:
        'An object column stores one Python str per cell (~50+ bytes) instead of 8 bytes; `* 1000` repeats every string 1000 times and other operators fail. Read the column as a number (`dtype={"col": float}`, `pd.to_numeric`, `.astype(float)`).',
      example: 'import pandas as pd\n\ndf = pd.read_csv("requests.csv", dtype=str)\ndf["us"] = df["duration_ms"] * 1000\n',
      useInstead: 'import pandas as pd\n\ndf = pd.read_csv("requests.csv", dtype={"path": str})\ndf["us"] = df["duration_ms"] * 1000\n',
    },
  },
  cacheable: true,
  sourceOps: ['binary_operator'],
  appliesTo: ARRAY_MODULES,
  create(ctx) {
    // Only text read from data: a column made text on purpose (`.astype(str)`) and joined is string code.
    const isTextColumn = (n: Node | null) => {
      const f = n ? ctx.facts.factOf(n) : null;
      return f && (f.k === 'series' || f.k === 'array') && f.text && f.src ? f : null;
    };
    // A column of unknown dtype is evidence of a number for `*`, `-`, `/`, but not for `+`, which also
    // joins strings (`df["host"] + ":" + df["port"]`).
    const isNumberish = (n: Node | null, op: string) => {
      const f = n ? ctx.facts.factOf(n) : null;
      return !!f && (f.k === 'num' || (op !== '+' && (f.k === 'series' || f.k === 'array') && !f.text));
    };
    return {
      binary_operator(node) {
        // No text column can exist in this file (callFacts.ts mayHoldTextColumns): nothing to evaluate.
        if (!ctx.facts.mayHoldTextColumns) return;
        const op = ctx.facts.parts(node).op ?? '';
        if (!ARITH.has(op)) return;
        const l = ctx.facts.parts(node).left;
        const r = ctx.facts.parts(node).right;
        const tl = isTextColumn(l);
        const tr = tl ? null : isTextColumn(r);
        const col = tl ? l : tr ? r : null;
        const other = tl ? r : l;
        const f = tl ?? tr;
        if (!col || !f || !isNumberish(other, op)) return;
        const kind = f.k === 'series' ? 'pandas column' : 'numpy array';
        const from = f.src ? ` from ${f.src.label}` : '';
        ctx.report({
          node,
          message: `\`${col.text}\` is a text ${kind}${from} (one ~50-byte Python str per cell instead of 8 bytes); \`${op} ${other?.text}\` ${op === '*' ? 'repeats every string' : 'fails or works on strings'}. Convert with pd.to_numeric() / .astype(float) or read it with a numeric dtype.`,
        });
      },
    };
  },
};
