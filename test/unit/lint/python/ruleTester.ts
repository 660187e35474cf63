// A RuleTester in the style of typescript-eslint's: each rule's test file lists `valid` code that must give no
// finding of the rule and `invalid` code with the exact findings (rule code as the message id, 1-based ranges)
// and, where the rule has a fix, the fixed text. Cases run through the real front end (tree-sitter, every rule
// enabled, strict mode so a rule that throws fails the case) in both the fast path and exhaustive mode, then
// through the engine's own suppression pass, so a `# noqa: MW…` case is tested the way users see it.
// `today` records how the case did on the engine before the v2 analysis (commit 27cfc42): 'missed' or
// 'false alarm' when it failed there, otherwise why it is kept (a guard for a flow that already worked).
import * as assert from 'assert';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import { applySuppressions, parseSuppressions } from '../../../../extension/src/core/lint/suppressions';
import type { Finding } from '../../../../extension/src/core/lint/types';
import { applyEdits } from './lintHelpers';

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ValidCase {
  name: string;
  code: string;
  today: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after applying the first fix of every finding of the rule (omit when the rule offers none here). */
  output?: string;
  /** The safety of those fixes (docs/rules.md "Fix safety"), checked when given. */
  safety?: 'safe' | 'unsafe';
  /** The data scale every finding claims (a data-scale finding, or `unknown`: shown as information), checked when given. */
  scale?: 'data' | 'unknown';
  /** Text every finding's message must contain (the reason an information finding gives), checked when given. */
  messageIncludes?: string;
  /**
   * Whether every finding's input is program source (a line counter's `.py` files, the script itself), which the
   * engine shows as information (literalInputSize.ts); checked when given.
   */
  sourceCode?: boolean;
}

async function run(code: string, rule: string, exhaustive: boolean): Promise<Finding[]> {
  const r = await pythonLinter.lint({ path: 'case.py', text: code, isEnabled: (c) => c === rule }, { exhaustive, strict: true });
  r.state?.dispose?.();
  return applySuppressions(r.findings.filter((f) => f.rule === rule), parseSuppressions(code, 'python')).kept;
}

const shape = (f: Finding): ExpectedFinding => ({ messageId: f.rule, line: f.range.startLine + 1, column: f.range.startColumn + 1, endLine: f.range.endLine + 1, endColumn: f.range.endColumn + 1 });

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule} (RuleTester)`, () => {
    for (const mode of ['fast path', 'exhaustive'] as const) {
      describe(mode, () => {
        for (const c of cases.valid) {
          it(`valid: ${c.name}`, async () => {
            assert.deepStrictEqual((await run(c.code, rule, mode === 'exhaustive')).map(shape), []);
          });
        }
        for (const c of cases.invalid) {
          it(`invalid: ${c.name}`, async () => {
            const found = await run(c.code, rule, mode === 'exhaustive');
            assert.deepStrictEqual(found.map(shape), c.errors);
            const fixes = found.flatMap((f) => (f.fixes[0] ? f.fixes[0].edits : []));
            if (c.output !== undefined) assert.strictEqual(applyEdits(c.code, fixes), c.output);
            else assert.deepStrictEqual(fixes, [], 'a fix was offered: give its output');
            if (c.scale !== undefined) assert.deepStrictEqual([...new Set(found.map((f) => f.scale))], [c.scale]);
            for (const f of c.messageIncludes !== undefined ? found : []) assert.ok(f.message.includes(c.messageIncludes!), f.message);
            if (c.sourceCode !== undefined) assert.deepStrictEqual([...new Set(found.map((f) => !!f.input?.sourceCode))], [c.sourceCode], JSON.stringify(found.map((f) => f.input)));
            if (c.safety !== undefined) assert.deepStrictEqual([...new Set(found.map((f) => f.fixes[0]?.safety))], [c.safety]);
          });
        }
      });
    }
  });
}
