import type { PythonRule } from '../ruleContext';
import { replaceNode } from '../ruleContext';
import { calleeOf } from '../syntax';
import { walkedOnce } from '../wholeFileUse';

export const readlinesWholeFile: PythonRule = {
  meta: {
    code: 'MW301',
    name: 'readlines-whole-file',
    language: 'python',
    family: 3,
    defaultSeverity: 'warning',
    summary: 'f.readlines() materialises the whole file as a list only to walk it once.',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `f.readlines()` whose list is only iterated. Silent when the same handle is then written, rewound or truncated (`seek`, `write`, `truncate`): the list is the snapshot an in-place rewrite needs.',
      whyIsThisBad:
        'readlines() holds every line at once: about 50 bytes of str overhead plus the text per line, plus 8 bytes per list slot. A 2 GB log becomes ~3 GB of Python objects. Iterating the file object reads one buffered line at a time in constant memory.',
      example: 'with open("app.log") as f:\n    for line in f.readlines():\n        print(line.rstrip())\n',
      useInstead: 'with open("app.log") as f:\n    for line in f:\n        print(line.rstrip())\n',
      fixSafety: 'Safe when the loop iterates the call directly: iterating a text file yields the same lines. Not offered when the list is stored in a variable.',
    },
  },
  triggers: [{ tokens: ['readlines'], after: /^\s*\(/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || c.last !== 'readlines' || !c.object || (node.childForFieldName('arguments')?.namedChildren.length ?? 0) > 0) return;
        if (node.parent?.type === 'subscript') return; // readlines()[-1]: MW304
        const once = walkedOnce(node);
        if (!once || once.tail) return; // only the last lines are used: MW304
        ctx.report({
          node,
          message: `\`${node.text}\` loads every line into a list (~50 bytes per line plus the text) only to walk it once. Iterate \`${c.object.text}\` directly: one line in memory at a time.`,
          fixes: once.direct ? [{ title: `Iterate \`${c.object.text}\` instead of readlines()`, edits: [replaceNode(node, c.object.text)], safety: 'safe' }] : [],
        });
      },
    };
  },
};
