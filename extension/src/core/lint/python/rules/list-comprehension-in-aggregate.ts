import type { PythonRule } from '../ruleContext';
import { calleeOf, positionalArgs } from '../syntax';

export const listComprehensionInAggregate: PythonRule = {
  meta: {
    code: 'MW401', name: 'list-comprehension-in-aggregate', language: 'python', family: 4, defaultSeverity: 'info',
    summary: 'A list comprehension passed to sum/any/all/min/max builds a list that a generator would not.',
    fixable: true, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `sum([...])`, `any([...])`, `all([...])`, `min([...])`, `max([...])` with a list comprehension argument (like Ruff C419).',
      whyIsThisBad: 'The whole list (8 bytes per slot plus every element) exists before the aggregate starts; a generator feeds one element at a time, and any/all can stop early.',
      example: 'total = sum([len(line) for line in open("app.log")])\n',
      useInstead: 'total = sum(len(line) for line in open("app.log"))\n',
      fixSafety: 'Safe for sum/min/max. Unsafe for any/all: a generator stops at the first decisive element, so side effects of later elements no longer happen.',
    },
  },
  cacheable: true,
  triggers: [{ tokens: ['sum', 'any', 'all', 'min', 'max'], after: /^\s*\(\s*\[/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || c.object || !/^(sum|any|all|min|max)$/.test(c.full ?? '')) return;
        const args = positionalArgs(node);
        const argList = node.childForFieldName('arguments');
        if (args.length !== 1 || args[0].type !== 'list_comprehension' || argList?.namedChildren.length !== 1) return;
        const comp = args[0];
        const inner = comp.text.slice(1, -1);
        ctx.report({
          node: comp,
          message: `\`${c.full}()\` gets a fully built list: every element is held at once (8 bytes per slot plus the objects). Pass a generator expression instead.`,
          fixes: [{ title: 'Use a generator expression', edits: [{ range: { startLine: argList!.startPosition.row, startColumn: argList!.startPosition.column, endLine: argList!.endPosition.row, endColumn: argList!.endPosition.column }, newText: `(${inner})` }], safety: c.full === 'any' || c.full === 'all' ? 'unsafe' : 'safe' }],
        });
      },
    };
  },
};
