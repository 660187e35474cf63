// An exception inside a Python rule is never read as "no finding": the dispatcher reports it as an `internal`
// notice naming the rule and the position, keeps the other rules' findings, and rethrows in strict mode.
import * as assert from 'assert';
import { runRules, SITES_QUERY } from '../../../../extension/src/core/lint/python/engine';
import { loadPython, parsePython, pythonQuery } from '../../../../extension/src/core/lint/python/parser';
import { RuleError, describeFailure } from '../../../../extension/src/core/lint/python/ruleDispatch';
import type { PythonRule } from '../../../../extension/src/core/lint/python/ruleContext';
import { pythonRules } from '../../../../extension/src/core/lint/python/rules/index';

/** A rule that throws on every call whose callee is `boom`, and reports nothing otherwise. */
const throwing: PythonRule = {
  meta: { ...pythonRules[0].meta, code: 'MW999', name: 'throws-on-boom' },
  triggers: [{ tokens: ['boom'], type: 'call' }],
  create: () => ({
    call(node) {
      if (node.childForFieldName('function')?.text === 'boom') throw new Error('rule bug');
    },
  }),
};

const TEXT = 'import sys\n\nx = sys.argv[1] * 1000\nboom(x)\n';

async function run(strict: boolean, exhaustive = false) {
  const loaded = await loadPython();
  const tree = parsePython(loaded, TEXT);
  try {
    const rules = [...pythonRules, throwing];
    return runRules(tree, TEXT, { sites: pythonQuery(loaded, SITES_QUERY) }, rules, (r) => r.meta.defaultSeverity, undefined, false, { strict, exhaustive });
  } finally {
    tree.delete();
  }
}

describe('Python rule dispatcher', () => {
  it('reports a throwing rule with its code and position, and keeps the other findings', async () => {
    for (const exhaustive of [false, true]) {
      const r = await run(false, exhaustive);
      assert.deepStrictEqual(
        r.failures.map((f) => [f.rule, f.phase, f.line, f.column, f.message]),
        [['MW999', 'visit', 3, 0, 'rule bug']],
      );
      assert.strictEqual(describeFailure(r.failures[0]), 'rule MW999 failed at 4:1 (rule bug); its findings for this file are incomplete');
      assert.deepStrictEqual(r.findings.map((f) => `${f.range.startLine}:${f.rule}`), ['2:MW101']);
    }
  });

  it('rethrows in strict mode, naming the rule and position', async () => {
    await assert.rejects(run(true), (e: unknown) => e instanceof RuleError && /rule MW999 failed at 4:1 \(rule bug\)/.test(e.message));
  });

  it('fails a rule that returns onEnd without declaring readsWholeFile: the text gate would skip its files', async () => {
    const ender: PythonRule = { meta: { ...pythonRules[0].meta, code: 'MW998', name: 'ends' }, create: () => ({ onEnd() {} }) };
    const loaded = await loadPython();
    const tree = parsePython(loaded, TEXT);
    try {
      const r = runRules(tree, TEXT, { sites: pythonQuery(loaded, SITES_QUERY) }, [...pythonRules, ender], (x) => x.meta.defaultSeverity, undefined, false, { strict: false });
      assert.deepStrictEqual(r.failures.map((f) => [f.rule, f.phase]), [['MW998', 'create']]);
      assert.match(describeFailure(r.failures[0]), /readsWholeFile/);
      const declared = runRules(tree, TEXT, { sites: pythonQuery(loaded, SITES_QUERY) }, [...pythonRules, { ...ender, readsWholeFile: true }], (x) => x.meta.defaultSeverity, undefined, false, { strict: true });
      assert.deepStrictEqual(declared.failures, []);
    } finally {
      tree.delete();
    }
  });
});

