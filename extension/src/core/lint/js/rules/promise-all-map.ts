// MW455: `await Promise.all(records.map(async …))` starts one promise per data row at once.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type JsRule, type JsRuleContext, type JsVisitors, snippet } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW455',
  name: 'promise-all-map',
  language: 'js',
  family: 4,
  defaultSeverity: 'warning',
  summary: '`Promise.all(data.map(async …))` over a whole data set keeps every pending task and result alive at once.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `Promise.all(x.map(…))` where `x` is a data-sized collection: parsed CSV records (cast or not, and records copied out of them), the lines of a file, or a directory listing.',
    whyIsThisBad:
      'All n tasks start at once: n promises, n closures, n in-flight buffers or sockets, and the array of n results are alive together until the last one settles. For a 1M-row file that is gigabytes, and usually file-descriptor or connection exhaustion first. Process in fixed-size batches or with a small concurrency limit.',
    example: "import fs from 'fs';\nconst files = fs.readdirSync('uploads');\nconst sizes = await Promise.all(files.map(async (f) => (await fs.promises.readFile('uploads/' + f)).length));\nconsole.log(sizes.length);\n",
    useInstead: "import fs from 'fs';\nconst files = fs.readdirSync('uploads');\nconst sizes = [];\nfor (let i = 0; i < files.length; i += 16) {\n  const batch = files.slice(i, i + 16);\n  sizes.push(...(await Promise.all(batch.map(async (f) => (await fs.promises.readFile('uploads/' + f)).length))));\n}\nconsole.log(sizes.length);\n",
    dataScale: 'The mapped collection is a whole data set: parsed records, the lines of a file, or a directory listing. Over a literal array, a handful of URLs or any collection Memwise cannot trace to data, nothing is reported.',
    fixSafety: 'No automatic fix: the batch size is a choice.',
  },
};

type MessageId = 'allAtOnce';

export const promiseAllMap: JsRule<MessageId> = {
  meta,
  messages: {
    allAtOnce:
      '`Promise.{{method}}` over `{{source}}.map(…)` starts a task per element of a data-sized collection at once: every pending promise, its buffers and every result stay in memory together. Process in batches or with a concurrency limit. Data: {{from}}.',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const c = node.callee;
        if (c.type !== 'MemberExpression' || c.object.type !== 'Identifier' || c.object.name !== 'Promise' || c.property.type !== 'Identifier' || (c.property.name !== 'all' && c.property.name !== 'allSettled')) return;
        const arg = node.arguments[0];
        if (arg?.type !== 'CallExpression' || arg.callee.type !== 'MemberExpression' || arg.callee.property.type !== 'Identifier' || arg.callee.property.name !== 'map') return;
        const source = arg.callee.object;
        const from = ctx.facts.dataCollectionSource(source);
        if (!from) return;
        ctx.report({
          node,
          scale: 'data',
          messageId: 'allAtOnce',
          data: { method: c.property.name, source: snippet(ctx, source, 30), from },
        });
      },
    };
  },
};
