import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { NUMERIC_USE_CALL_TOKENS, functionsEvaluatedAs, lastWords } from '../library/derived';
import { numericUseSources, numericUseVisitors } from '../numericText';

export const readCsvTextDtype: PythonRule = {
  meta: {
    code: 'MW202',
    name: 'read-csv-text-dtype',
    language: 'python',
    family: 2,
    defaultSeverity: 'warning',
    summary: 'pd.read_csv(dtype=str|object, or a column mapped to str/object) whose text columns are then used as numbers.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `pd.read_csv(..., dtype=str)` (or `object`) when a column of the result is later used as a number or converted to one, in any function the frame reaches. A mapping (`dtype={"amount": str}`) is reported only when a column it names as text is used as a number; its other columns, and text columns used as text, are clean.',
      whyIsThisBad:
        'dtype=str makes every cell a Python str object (~50–60 bytes) in an object column instead of 8 bytes in a float64/int64 column: 6–8× the memory, and arithmetic either fails or repeats strings.',
      example: 'import pandas as pd\n\ndf = pd.read_csv("requests.csv", dtype=str)\ntotal = pd.to_numeric(df["bytes"]).sum()\n',
      useInstead: 'import pandas as pd\n\ndf = pd.read_csv("requests.csv", dtype={"path": str, "bytes": "int64"})\ntotal = df["bytes"].sum()\n',
    },
  },
  cacheable: true,
  sourceOps: ['binary_operator', 'augmented_assignment', 'comparison_operator'],
  triggers: [{ tokens: NUMERIC_USE_CALL_TOKENS, after: /^\s*\(/, type: 'call', where: 'sources' }],
  appliesTo: lastWords(functionsEvaluatedAs('pandas-read')),
  create(ctx) {
    // Reported at every numeric use; the engine keeps the first report of each loader.
    const visit = (node: Node) => {
      for (const src of numericUseSources(ctx.facts, node)) {
        if (src.kind !== 'pandas') continue;
        ctx.report({
          node: src.node,
          message: src.label.includes('dtype={')
            ? `\`${src.label}\` stores that column as one ~50-byte Python str per cell, and it is used as a number later. Give it a numeric dtype (e.g. "float64") so each cell takes 8 bytes.`
            : 'read_csv with dtype=str/object stores every cell as a ~50-byte Python str, and a column is used as a number later. Give numeric columns a numeric dtype (e.g. dtype={"duration_ms": "float64"}) so each cell takes 8 bytes.',
        });
      }
    };
    return numericUseVisitors(visit);
  },
};
