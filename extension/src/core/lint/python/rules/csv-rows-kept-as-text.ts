import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { CSV_MODULES, NUMERIC_USE_CALL_TOKENS, functionsEvaluatedAs, lastWords } from '../library/derived';
import { numericUseSources, numericUseVisitors } from '../numericText';

export const csvRowsKeptAsText: PythonRule = {
  meta: {
    code: 'MW201',
    name: 'csv-rows-kept-as-text',
    language: 'python',
    family: 2,
    defaultSeverity: 'warning',
    summary: 'csv rows are kept in a collection while their numeric fields are still text.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports a `csv.reader`/`csv.DictReader` whose rows are stored (appended, `list()`-ed, copied by a comprehension, also copied whole into a record such as `Fill(*row)` or `Rec(**rec)`) and whose fields are later used as numbers (a record\'s fields also by its own methods, through `self`, when it is stored where it is built: `[Fill(*row) for row in reader]`, `fills.append(Fill(*row))`, `by_id[k] = Fill(*row)`, or a name appended in the same loop). A tuple, list or dict display of the row\'s own fields (`jobs.append((row[0], row[3]))`, `{"fee": row[3]}`) keeps those fields as text, so it counts as a stored row. A record of a class built field by field (`Fill(row[0], float(row[1]))`, also `Fill(row[0], row[3])`) is a new value, not a kept row: the numeric use of a field it kept as text is reported where it happens (MW1xx).',
      whyIsThisBad:
        'Every stored row is a list of str objects: a 4-byte number like "1234" costs ~53 bytes as a str, plus 8 bytes of list slot, versus 8 bytes in an array.array or a numpy column. Kept for millions of rows, that is gigabytes, and the later numeric use shows the fields were meant to be numbers.',
      example: 'import csv\n\nrows = []\nwith open("requests.csv") as f:\n    for row in csv.reader(f):\n        rows.append(row)\ntotal = sum(float(r[1]) for r in rows)\n',
      useInstead: 'import csv\n\nrows = []\nwith open("requests.csv") as f:\n    for row in csv.reader(f):\n        rows.append((row[0], float(row[1])))\ntotal = sum(r[1] for r in rows)\n',
      knownProblems: 'Only rows whose fields are used as numbers in the same file are reported.',
    },
  },
  cacheable: true,
  sourceOps: ['binary_operator', 'augmented_assignment', 'comparison_operator'],
  triggers: [{ tokens: NUMERIC_USE_CALL_TOKENS, after: /^\s*\(/, type: 'call', where: 'sources' }],
  appliesTo: [...CSV_MODULES, ...lastWords(functionsEvaluatedAs('csv-reader'))],
  create(ctx) {
    // Reported at every numeric use of stored rows; the engine keeps the first report of each reader.
    const visit = (node: Node) => {
      for (const src of numericUseSources(ctx.facts, node)) {
        if (src.kind !== 'csv' || !src.storedInRow) continue; // rows, not a lone field (MW1xx reports its use)
        const use = node.text.length > 40 ? node.text.slice(0, 39) + '…' : node.text;
        ctx.report({
          node: src.node,
          message: `Rows from this ${src.label} are kept in memory with every field as text, yet a field is used as a number later (\`${use}\`). Each numeric field costs ~50 bytes as a str instead of 8–24 as a number: convert fields while reading, before storing the row.`,
        });
      }
    };
    return numericUseVisitors(visit);
  },
};
