import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { REDUCERS, SHORT_CIRCUIT_REDUCERS } from '../library/derived';
import { dataScaleFrom } from '../dataScale';
import { calleeOf, positionalArgs } from '../syntax';
import { dataScaleNote, inputOf } from '../../scaleAnswer';
import { DATA_FOLLOWED } from '../dataScaleText';

const rangeOf = (n: Node) => ({ startLine: n.startPosition.row, startColumn: n.startPosition.column, endLine: n.endPosition.row, endColumn: n.endPosition.column });

export const listComprehensionInAggregate: PythonRule = {
  meta: {
    code: 'MW401', name: 'list-comprehension-in-aggregate', language: 'python', family: 4, defaultSeverity: 'info',
    summary: 'A list comprehension passed to sum/any/all/min/max builds a list that a generator would not.',
    fixable: true, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `sum([...])`, `any([...])`, `all([...])`, `min([...])`, `max([...])` with a list comprehension argument (like Ruff C419), also beside keyword arguments (`max([...], default=0)`, `key=`).',
      whyIsThisBad: 'The whole list (8 bytes per slot plus every element) exists before the aggregate starts; a generator feeds one element at a time, and any/all can stop early.',
      example: 'total = sum([len(line) for line in open("app.log")])\n',
      useInstead: 'total = sum(len(line) for line in open("app.log"))\n',
      dataScale: `The comprehension walks data: the lines of a file, csv rows, a DataFrame, a directory listing, query results, a list or dict filled in a loop over those (a \`defaultdict\` or an empty \`Counter()\` also through its values: \`d[k].append(x)\`, \`d[k] += n\`), one list of a dict whose lists grow that way (\`d[k]\`, a value of \`d.items()\` or \`d.values()\`: a group of the data), or a \`Counter\` of those (its pairs, \`most_common()\`, \`items()\`: one entry per distinct element). Over a literal, a small \`range()\` (its bound a literal, or a name assigned one once and never rebound), one record's or one csv row's fields, the command line (\`sys.argv\`) or a configuration file the list is a few slots and nothing is reported, and neither is an iterable that cannot be traced: below data scale this is the style point Ruff's C419 makes. ${DATA_FOLLOWED}`,
      ruffTwin: 'C419',
      fixSafety: 'Safe for sum/min/max. Unsafe for any/all: a generator stops at the first decisive element, so side effects of later elements no longer happen.',
    },
  },
  // Data scale looks at the whole scope (module-level loops span chunks), so findings are not reused across edits.
  cacheable: false,
  triggers: [{ tokens: REDUCERS, after: /^\s*\(\s*\[/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || c.object || !REDUCERS.includes(c.full ?? '')) return;
        const args = positionalArgs(node);
        const argList = node.childForFieldName('arguments');
        // One positional argument, the comprehension; keywords may follow (`max([…], default=0)`, `key=`).
        if (args.length !== 1 || args[0].type !== 'list_comprehension' || !argList || argList.namedChildren[0]?.id !== args[0].id) return;
        const comp = args[0];
        const inner = comp.text.slice(1, -1);
        const scale = dataScaleFrom(ctx.facts).ofLoop(comp);
        // Below data scale the list is a few slots: a style point Ruff's C419 already makes, so stay quiet.
        if (scale.scale !== 'data') return;
        ctx.report({
          node: comp,
          scale: 'data',
          input: inputOf(scale),
          message: `\`${c.full}()\` gets a fully built list: every element is held at once (8 bytes per slot plus the objects). Pass a generator expression instead.${dataScaleNote(scale)}`,
          // Alone, the brackets become the call's parentheses (`sum(x for x in xs)`); beside keywords, parentheses.
          fixes: [{ title: 'Use a generator expression', edits: [{ range: rangeOf(argList.namedChildren.length === 1 ? argList : comp), newText: `(${inner})` }], safety: SHORT_CIRCUIT_REDUCERS.has(c.full ?? '') ? 'unsafe' : 'safe' }],
        });
      },
    };
  },
};
