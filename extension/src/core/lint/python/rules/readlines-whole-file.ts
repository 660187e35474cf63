import type { PythonRule } from '../ruleContext';
import { replaceNode } from '../ruleContext';
import { calleeOf } from '../syntax';
import { walkedOnce } from '../wholeFileUse';
import { METHOD_EVALUATIONS, methodsEvaluatedAs } from '../library/derived';

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
      whatItDoes:
        'Reports `f.readlines()` whose list is only walked once (a `for`, a comprehension, enumerate/zip/map/filter): right where it is made, through a local name, through `self.<attr>` walked by one method that runs once per load, returned to in-file callers that each walk it once, or passed to an in-file function that walks it once. A method runs once per load when the file calls it at one place (by name, on any receiver; the name in a comment or a string, or an argparse option spelt the same, `args.claims` of `args = parser.parse_args()`, is neither a call nor another use) and that place runs once: outside any loop, or inside loops that build a new instance of the class on every turn whose `__init__` is the load (`for p in paths: log = LogFile(p); log.errors()`, the name bound only there, in a block holding the call; or `LogFile(p).errors()`); a `self.report()` call inside another method (`run()`) runs as often as that method, so the file\'s calls of that one are checked the same way (a method the file never calls is the class\'s entry point, taken to run once). `len(f.readlines())` (the lines made only to be counted) is one pass too. A list that is also indexed, sliced, passed to len(), walked twice, read through another name than `self` or kept is not reported, nor one whose walking method is called from two places, in a loop on one instance, through a method called twice, or is a property or otherwise decorated. A load only read from its end (`f.readlines()[-1]`, `[-n:]` with a literal or a constant `n`) is MW304 only, never also MW301. Silent when the same handle is then written, rewound or truncated (`seek`, `write`, `truncate`), or the path it was opened from is opened again for writing after the read (`with open(path, "w")`), also when the handle is never named (`open(path).readlines()`): the list is the snapshot an in-place rewrite needs.',
      whyIsThisBad:
        'readlines() holds every line at once: about 50 bytes of str overhead plus the text per line, plus 8 bytes per list slot. A 2 GB log becomes ~3 GB of Python objects. Iterating the file object reads one buffered line at a time in constant memory.',
      example: 'with open("app.log") as f:\n    for line in f.readlines():\n        print(line.rstrip())\n',
      useInstead: 'with open("app.log") as f:\n    for line in f:\n        print(line.rstrip())\n',
      fixSafety: 'Safe when the loop iterates the call directly: iterating a text file yields the same lines. Not offered when the list is stored in a variable.',
    },
  },
  triggers: [{ tokens: methodsEvaluatedAs('read-lines'), after: /^\s*\(/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || METHOD_EVALUATIONS.get(c.last) !== 'read-lines' || !c.object || (node.childForFieldName('arguments')?.namedChildren.length ?? 0) > 0) return;
        if (node.parent?.type === 'subscript') return; // readlines()[-1]: MW304
        const once = walkedOnce(node);
        if (!once || once.tail) return; // only the last lines are used: MW304
        // Counted lines are worth a finding only from a file the analysis saw opened (not a test's StringIO)
        if (once.counted && ctx.facts.factOf(c.object)?.k !== 'file') return;
        ctx.report({
          node,
          message: once.counted
            ? `\`${node.text}\` loads every line into a list (~50 bytes per line plus the text) only to count them. Count while iterating, \`sum(1 for _ in ${c.object.text})\`: one line in memory at a time.`
            : `\`${node.text}\` loads every line into a list (~50 bytes per line plus the text) only to walk it once. Iterate \`${c.object.text}\` directly: one line in memory at a time.`,
          fixes: once.direct ? [{ title: `Iterate \`${c.object.text}\` instead of readlines()`, edits: [replaceNode(node, c.object.text)], safety: 'safe' }] : [],
        });
      },
    };
  },
};
