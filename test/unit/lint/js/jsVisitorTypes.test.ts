// The rule visitor map is typed per node type (as typescript-eslint's RuleListener): a misspelled node type,
// or a handler that expects another node, does not compile. `npm run typecheck` fails if either
// `@ts-expect-error` below stops being an error; the runtime part checks that every handler key of every
// shipped rule is a real estree node type.
import * as assert from 'assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES } from '@typescript-eslint/typescript-estree';
import type { JsRuleContext, JsVisitors } from '../../../../extension/src/core/lint/js/ruleContext';
import { jsRules } from '../../../../extension/src/core/lint/js/rules/index';

export function misspelled(_ctx: JsRuleContext): JsVisitors {
  return {
    BinaryExpression() {},
    // @ts-expect-error — no such node type
    CallExpresion() {},
  };
}

export function wrongNode(_ctx: JsRuleContext): JsVisitors {
  return {
    // @ts-expect-error — a BinaryExpression handler does not get a CallExpression
    BinaryExpression(_node: TSESTree.CallExpression) {},
  };
}

describe('JS/TS rule visitor typing', () => {
  it('every shipped rule only listens to real node types', () => {
    const known = new Set<string>(Object.values(AST_NODE_TYPES));
    const ctx = { facts: {}, path: 'a.js', text: '' } as unknown as JsRuleContext;
    for (const rule of jsRules) {
      for (const key of Object.keys(rule.create(ctx))) assert.ok(known.has(key), `${rule.meta.code} listens to unknown node type ${key}`);
    }
  });
});
