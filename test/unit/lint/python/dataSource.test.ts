// FileFacts.dataSourceOf: the provenance question MW4xx rules can ask ("is this data, and read from what?").
import * as assert from 'assert';
import { runRules, SITES_QUERY } from '../../../../extension/src/core/lint/python/engine';
import { loadPython, parsePython, pythonQuery } from '../../../../extension/src/core/lint/python/parser';
import { pythonRules } from '../../../../extension/src/core/lint/python/rules/index';

const TEXT = `import csv

def load(path):
    with open(path) as f:
        return list(csv.reader(f))

def main(path, names):
    rows = load(path)
    for row in rows:
        print(row)
    for n in names:
        print(n)
`;

describe('FileFacts.dataSourceOf', () => {
  it('names the reader behind a value that holds data, across a helper, and nothing for other values', async () => {
    const loaded = await loadPython();
    const tree = parsePython(loaded, TEXT);
    try {
      const run = runRules(tree, TEXT, { sites: pythonQuery(loaded, SITES_QUERY) }, pythonRules, (r) => r.meta.defaultSeverity);
      const at = (needle: string) => tree.rootNode.descendantForIndex(TEXT.indexOf(needle));
      const rows = run.facts.dataSourceOf(at('rows:'));
      assert.deepStrictEqual(rows && [rows.kind, rows.label, rows.node.text], ['csv', 'csv.reader', 'csv.reader(f)']);
      assert.strictEqual(run.facts.dataSourceOf(at('names:')), null);
    } finally {
      tree.delete();
    }
  });
});
