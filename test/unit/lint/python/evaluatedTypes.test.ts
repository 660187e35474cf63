// summaries.ts stops a join (a function's returns, a parameter's call-site arguments) at the first expression whose
// node type the evaluator does not look into, without evaluating the rest: that is lossless only if every such type
// really evaluates to unknown. This walks every named node of code with many expression kinds and checks it.
import * as assert from 'assert';
import { runRules, SITES_QUERY } from '../../../../extension/src/core/lint/python/engine';
import { EVALUATED_TYPES, unknownByType } from '../../../../extension/src/core/lint/python/facts/evaluatedTypes';
import { loadPython, parsePython, pythonQuery } from '../../../../extension/src/core/lint/python/parser';
import { pythonRules } from '../../../../extension/src/core/lint/python/rules/index';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

const TEXT = `import sys, csv

async def fetch(x):
    return await x

def pick(line, limit=3, *rest, flag=True, **kw):
    parts = line.split(",")
    ok = not parts and parts[0] > "a" or flag is None
    key = lambda r: r[1]
    mixed = {1, 2} | {x for x in parts}
    gen = (p for p in parts if p)
    s = f"{parts[0]!r:>10}" + b"raw".decode()
    t = parts[0] if parts else ...
    del mixed
    assert parts, "empty"
    y = [*parts, *rest]
    z = {**kw, "a": 1}
    w = parts[1:2:1]
    return (yield parts[0]) if limit else -limit ** 2 @ 3

print(pick(sys.argv[1]) > 1, True, False, None, 1j, type(sys).__name__, [i for i in range(3)])
`;

describe('evaluated node types (the joins\' early stop)', () => {
  it('every named node of a type the evaluator does not look into evaluates to unknown', async () => {
    const loaded = await loadPython();
    const tree = parsePython(loaded, TEXT);
    try {
      const run = runRules(tree, TEXT, { sites: pythonQuery(loaded, SITES_QUERY) }, pythonRules, (r) => r.meta.defaultSeverity, undefined, false, { strict: true });
      const checked = new Set<string>();
      const cursor = tree.rootNode.walk();
      try {
        for (;;) {
          if (cursor.nodeIsNamed) {
            const n = cursor.currentNode;
            if (unknownByType(n)) {
              checked.add(n.type);
              assert.strictEqual(run.facts.factOf(n), null, `${n.type} \`${n.text.slice(0, 40)}\``);
            }
          }
          if (cursor.gotoFirstChild()) continue;
          let done = false;
          while (!done && !cursor.gotoNextSibling()) done = !cursor.gotoParent();
          if (done) break;
        }
      } finally {
        cursor.delete();
      }
      for (const t of ['comparison_operator', 'not_operator', 'lambda', 'await', 'true', 'false', 'none', 'set', 'conditional_expression'].filter((t) => !EVALUATED_TYPES.has(t))) {
        assert.ok(checked.has(t), `the sample holds a ${t}`);
      }
      assert.ok(checked.size >= 15, [...checked].join(', '));
    } finally {
      tree.delete();
    }
  });

  it('a helper with one return the evaluator cannot answer is unknown to its callers, as when every return is evaluated', async () => {
    const text = 'import sys\n\ndef first(line, strict):\n    if strict:\n        return line.split()[0] > "m"\n    return line.split()[0]\n\nprint(first(sys.argv[1], False) > 5)\n';
    const known = 'import sys\n\ndef first(line, strict):\n    if strict:\n        return line.split()[1]\n    return line.split()[0]\n\nprint(first(sys.argv[1], False) > 5)\n';
    const lint = async (t: string) => {
      const r = await pythonLinter.lint({ path: 'returns.py', text: t, isEnabled: () => true }, { strict: true });
      r.state?.dispose?.();
      return r.findings.map((f) => f.rule);
    };
    assert.deepStrictEqual(await lint(text), []);
    assert.deepStrictEqual(await lint(known), ['MW103'], 'with every return text, the comparison is reported');
  });
});
