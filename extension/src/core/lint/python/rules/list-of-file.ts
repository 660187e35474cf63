import type { PythonRule } from '../ruleContext';
import { calleeOf, positionalArgs } from '../syntax';
import { elementOf } from '../facts/factTypes';
import { dataScaleFrom } from '../dataScale';
import { neededWhole } from '../wholeFileUse';

export const listOfFile: PythonRule = {
  meta: {
    code: 'MW303',
    name: 'list-of-file',
    language: 'python',
    family: 3,
    defaultSeverity: 'warning',
    summary: 'list(f) / list(csv.reader(f)) materialises a whole file.',
    fixable: true,
    defaultEnabled: true,
    supersedes: ['MW405'],
    docs: {
      whatItDoes: 'Reports `list()` over an open text file or a csv reader, unless the list itself is what the code needs: transposed (`zip(*rows)`), sorted, shuffled or sampled, written back to the file it was read from, used as a working data set (read at a position other than the header or the tail: `rows[10472]`, `rows[mid]`; edited in place: `del rows[i]`, `rows[i][0] = float(rows[i][0])`, `rows.remove(r)`, `row.append(flag)` while walking it; kept on `self` where a method of the class does one of these or sorts it), or returned to callers that need it (`def read(self): return list(csv.DictReader(f))` is a reader interface whose callers may index, sort or reuse the rows). A returned list is reported only when its function (module-level, or a method whose name no other function in the file has) has in-file callers and every one of them only walks the result: once or several times one after another, also past a header (`for r in rows[1:]`), directly or in the in-file functions it is passed to, with its len() read only after the first walk; with no caller in the file, or one that indexes it, takes its len() before walking it, walks it inside a loop, prints it or passes it to other code, it is silent. Written back to the file it was read from covers a second handle on the same path too (`with open(path, "w") as f:` after the read). In a `for` header (`for line in list(f):`) this is the one finding: MW405 (list-copy-in-for) stays silent there, and its fix, iterating without the copy, is offered here. A generator of the file that yields rows, copied in a `for` header (`for r in list(rows(path)):`), is reported by MW405 instead (a copy of a generator); kept in a name (`data = list(rows(path))`) it is reported here.',
      whyIsThisBad:
        'list() keeps every line (or every row, as a list of field strings) alive at once: for CSV, about 50 bytes per field plus 56+8 bytes per row list. Looping over the reader processes one row at a time in constant memory.',
      example: 'import csv\n\nwith open("data.csv") as f:\n    rows = list(csv.reader(f))\nfor row in rows:\n    print(row[0])\n',
      useInstead: 'import csv\n\nwith open("data.csv") as f:\n    for row in csv.reader(f):\n        print(row[0])\n',
      fixSafety: "Only in a `for` header, where it is MW405's fix: unsafe, since a body that writes to the file it reads relied on the copy. Elsewhere there is no fix: the list is used after the read, and streaming changes that code.",
    },
  },
  cacheable: true,
  triggers: [{ tokens: ['list'], after: /^\s*\(/, type: 'call', where: 'sources' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || c.object || c.full !== 'list') return;
        const args = positionalArgs(node);
        if (args.length !== 1) return;
        // `list(zip(*csv.reader(f)))`: the splat already unpacks every row into the call, so the rows are needed
        // whole (transposed) before list() sees them; looping over the reader instead is not the fix.
        if (args[0].type === 'call' && args[0].childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'list_splat')) return;
        // A generator of this file that yields rows, (a function or a method of an in-file class), copied in a `for` header only to be walked: MW405's copy, not a
        // file or a reader (`data = list(rows(path))` kept in a name is still this rule's).
        if (args[0].type === 'call' && node.parent?.type === 'for_statement' && node.parent.childForFieldName('right')?.id === node.id && ctx.facts.generatorCall(args[0])) return;
        const f = ctx.facts.factOf(args[0]);
        if (!f) return;
        let what: string | null = null;
        if (f.k === 'file') what = 'every line of the file';
        else if (f.k === 'seq' && !f.stored) {
          const el = elementOf(f);
          const inner = el && (el.k === 'seq' || el.k === 'record') ? el.of : null;
          // A reader over a literal (`csv.reader([line])`, the usual way to parse one csv line) holds a few rows.
          const readerArg = inner && inner.k === 'text' && inner.src.kind === 'csv' ? positionalArgs(inner.src.node)[0] : undefined;
          if (readerArg) {
            ctx.untracked(); // data scale reads the tree beyond FileFacts: evaluated again after each edit
            if (dataScaleFrom(ctx.facts).ofValue(readerArg).scale === 'bounded') return;
          }
          if (inner && inner.k === 'text' && inner.src.kind === 'csv' && !inner.src.stored) what = `every row of the ${inner.src.label} as ${el!.k === 'record' ? 'dicts' : 'lists'} of strings`;
        }
        // transposed, sorted, sampled, written back or returned to callers that need it: the list itself is the
        // point. The use analysis follows the list through calls, returns and attributes anywhere in the tree,
        // which FileFacts does not track: evaluated again after each edit.
        if (!what) return;
        ctx.untracked();
        if (neededWhole(node)) return;
        ctx.report({
          node,
          message: `\`${node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text}\` keeps ${what} in memory at once (~50 bytes per string plus the container's own overhead). Loop over it directly to hold one at a time.`,
        });
      },
    };
  },
};
