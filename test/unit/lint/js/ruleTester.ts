// A RuleTester in the style of typescript-eslint's: `valid` code stays silent for the rule, `invalid` code
// gives exactly the listed findings (the source text each range covers and each one's message id, the start
// of the first, optionally a message pattern) and, where the rule has a fix, the text after applying the
// first fix of the first finding.
// Every case is a real typescript-estree parse through the whole JS front end, linted strictly.
import * as assert from 'assert';
import { applyEdits, findings, textAt } from './jsLintHelpers';

export interface InvalidCase {
  name: string;
  code: string;
  /** `.ts` unless said otherwise: most flows are TypeScript's. */
  path?: string;
  /** Exact source text of each finding's range, in order. */
  ranges: string[];
  /** The message id of each finding, in the same order. */
  messageIds: string[];
  /** 0-based [line, column] of the first finding. */
  at: [number, number];
  /** What the first finding's message says. */
  message?: RegExp;
  /** The code after applying the first finding's first fix. */
  output?: string;
  /** Whether every finding's input is program source (the script's own file), which the engine shows as information; checked when given. */
  sourceCode?: boolean;
}

export interface ValidCase {
  name: string;
  code: string;
  path?: string;
}

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const got = await findings(c.code, rule, c.path ?? 'flow.ts');
        assert.deepStrictEqual(got.map((f) => textAt(c.code, f.range)), [], `unexpected ${rule} in:\n${c.code}`);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const got = await findings(c.code, rule, c.path ?? 'flow.ts');
        assert.deepStrictEqual(got.map((f) => textAt(c.code, f.range)), c.ranges, `in:\n${c.code}`);
        assert.deepStrictEqual(got.map((f) => f.messageId), c.messageIds);
        assert.deepStrictEqual([got[0].range.startLine, got[0].range.startColumn], c.at);
        if (c.message) assert.match(got[0].message, c.message);
        if (c.sourceCode !== undefined) assert.deepStrictEqual([...new Set(got.map((f) => !!f.input?.sourceCode))], [c.sourceCode]);
        if (c.output !== undefined) {
          const fix = got[0].fixes[0];
          assert.ok(fix, `${rule} offers a fix`);
          assert.strictEqual(applyEdits(c.code, fix.edits), c.output);
        }
      });
    }
  });
}
