import type { PythonRule } from '../ruleContext';
import { calleeOf, positionalArgs, stringValue, unwrap } from '../syntax';
import { walkedOnce } from '../wholeFile';

export const readThenSplitLines: PythonRule = {
  meta: {
    code: 'MW302',
    name: 'read-then-split-lines',
    language: 'python',
    family: 3,
    defaultSeverity: 'warning',
    summary: 'f.read().splitlines() / Path.read_text().splitlines() holds the file twice to walk its lines once.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `f.read().split("\\n")`, `f.read().splitlines()` and `Path(...).read_text().splitlines()` whose lines are only iterated.',
      whyIsThisBad:
        'The whole text is read into one string and then copied into a list of line strings: peak memory is about twice the file plus ~50 bytes per line. Iterating the open file keeps one line at a time.',
      example: 'from pathlib import Path\n\nfor line in Path("app.log").read_text().splitlines():\n    print(line)\n',
      useInstead: 'from pathlib import Path\n\nwith Path("app.log").open() as f:\n    for line in f:\n        print(line.rstrip("\\n"))\n',
    },
  },
  triggers: [{ tokens: ['split', 'splitlines'], before: /\.\s*(?:read|read_text)\s*\(\s*\)\s*\.\s*$/, after: /^\s*\(/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !c.object) return;
        const args = positionalArgs(node);
        if (c.last === 'splitlines') {
          if (args.length) return;
        } else if (c.last === 'split') {
          const sep = stringValue(args[0] ?? null);
          if (sep !== '\n' && sep !== '\r\n') return;
        } else return;
        const recv = unwrap(c.object);
        if (!recv || recv.type !== 'call') return;
        const rc = calleeOf(recv);
        if (!rc || (rc.last !== 'read' && rc.last !== 'read_text') || positionalArgs(recv).length) return;
        if (node.parent?.type === 'subscript') return; // [-1]: MW304
        if (!walkedOnce(node, ctx.text)) return;
        ctx.report({
          node,
          message: `\`${node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text}\` reads the whole file into one string and then copies it into a list of lines (about twice the file size at peak) only to walk it once. Iterate the open file line by line instead.`,
        });
      },
    };
  },
};
