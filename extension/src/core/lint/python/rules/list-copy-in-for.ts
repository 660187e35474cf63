import type { Node } from 'web-tree-sitter';
import { LAZY_FUNCTIONS, LISTING_FUNCTIONS, LISTING_METHODS, NAME_LISTS, STREAMING_FUNCTIONS, methodsEvaluatedAs } from '../library/derived';
import type { PythonRule } from '../ruleContext';
import { dataScaleFrom } from '../dataScale';
import { calleeOf, positionalArgs, unwrap } from '../syntax';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { DATA_FOLLOWED } from '../dataScaleText';

/** Methods that only read a dict or list (library model): `d.get(k)`, `d.items()`, `d.copy()`… */
const READERS = new Set(methodsEvaluatedAs('dict-get', 'record-pairs', 'record-values', 'record-keys', 'record-counts', 'receiver'));

/**
 * Does the loop body change `name`: a method call on it other than a read (`append`, `pop`, `sort`…), an assignment
 * to it or to one of its items or attributes (`d[k] = v`, `d[k] += 1`), or a `del`? Reading `d[k]` or `d.get(k)` does not.
 */
function modifies(body: Node, name: string): boolean {
  if (!body.text.includes(name)) return false;
  const target = (n: Node | null): boolean => {
    if (!n) return false;
    if (n.type === 'identifier') return n.text === name;
    if (n.type === 'subscript' || n.type === 'attribute') return target(n.childForFieldName(n.type === 'subscript' ? 'value' : 'object'));
    return n.namedChildren.some((c) => target(c));
  };
  for (const n of body.descendantsOfType(['call', 'assignment', 'augmented_assignment', 'delete_statement'])) {
    if (!n) continue;
    if (n.type === 'call') {
      const c = calleeOf(n);
      if (c?.object && unwrap(c.object)?.text === name && !READERS.has(c.last)) return true;
    } else if (n.type === 'delete_statement' ? target(n) : target(n.childForFieldName('left'))) return true;
  }
  return false;
}

export const listCopyInFor: PythonRule = {
  meta: {
    code: 'MW405', name: 'list-copy-in-for', language: 'python', family: 4, defaultSeverity: 'info',
    summary: '`for x in list(iterable)` copies the iterable only to walk it (PERF101).',
    fixable: true, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `for x in list(y)` where y is a range, a file, a generator (of an in-file generator function, or of a method of an in-file class whose body yields: `obj.rows()`, `self.errors()`) or iterator (a directory listing such as `Path(d).glob("*.log")`, `itertools.islice(rows, n)`: as large as rows unless n is a small literal) or a name the loop body does not modify (reading it, `d[k]` or `d.get(k)`, is no change; calling any other method on it, assigning to it or to an item, or `del`, is). A name that holds neither a list nor a file (a dict, whose keys the copy takes, or a query cursor) is reported only when it holds data. A whole file or csv reader copied this way is reported once, as MW303 (list-of-file), which then offers this fix.',
      whyIsThisBad: 'list() materialises every element (8 bytes per slot plus the elements for lazy iterables) before the first iteration; iterating y directly needs none of it.',
      example: 'import sys\n\nwith open(sys.argv[1]) as f:\n    lines = (line.rstrip("\\n") for line in f)\n    for line in list(lines):\n        print(line)\n',
      useInstead: 'import sys\n\nwith open(sys.argv[1]) as f:\n    lines = (line.rstrip("\\n") for line in f)\n    for line in lines:\n        print(line)\n',
      dataScale: `The copied iterable holds data: a file's lines, csv rows, a DataFrame, a directory listing, query results, a range past 100,000, or a list filled from those. \`list(range(10))\`, a literal, one csv row or a configuration file's lines are a few slots and are not reported; an iterable that cannot be traced gives an information-level finding that says so. ${DATA_FOLLOWED}`,
      ruffTwin: 'PERF101',
      fixSafety: 'Unsafe: if the body changes the iterable, the copy was protecting the loop.',
    },
  },
  // Data scale looks at the whole scope (module-level loops span chunks), so findings are not reused across edits.
  cacheable: false,
  triggers: [{ tokens: ['list'], before: /\bfor\b[^\n]*\bin\s+$/, after: /^\s*\(/, type: 'for_statement' }],
  create(ctx) {
    return {
      for_statement(node) {
        const right = unwrap(node.childForFieldName('right'));
        if (!right || right.type !== 'call') return;
        const c = calleeOf(right);
        if (!c || c.object || c.full !== 'list') return;
        const args = positionalArgs(right);
        if (args.length !== 1) return;
        const arg = unwrap(args[0])!;
        let ok = false;
        // a lazy iterable, or a fresh list nothing else holds (`os.listdir(d)`: the body cannot change it)
        if (arg.type === 'call') {
          const ac = calleeOf(arg);
          const full = ac?.full ?? '';
          // A directory listing is a fresh list or a generator (`Path(d).glob("*.log")`, `d.iterdir()`) nothing else holds.
          ok = LAZY_FUNCTIONS.has(full) || STREAMING_FUNCTIONS.has(full) || NAME_LISTS.has(full) || LISTING_FUNCTIONS.has(full) || (!!ac?.object && LISTING_METHODS.has(ac.last)) || ctx.facts.generatorCall(arg);
        }
        else if (arg.type === 'generator_expression') ok = true;
        else if (arg.type === 'identifier') {
          const body = node.childForFieldName('body');
          // The value question only when the body leaves the name alone (this rule's findings are not reused: every
          // re-lint asks again). A list or a file, as before; any other name (a dict's keys, a cursor, a generator
          // pipeline) only when its value is known to hold data.
          const readOnly = !!body && !modifies(body, arg.text);
          const f = readOnly ? ctx.facts.factOf(arg) : null;
          ok = (!!f && (f.k === 'file' || f.k === 'seq')) || (readOnly && dataScaleFrom(ctx.facts).ofValue(arg).scale === 'data');
        }
        if (!ok) return;
        const scale = dataScaleFrom(ctx.facts).ofValue(arg);
        if (scale.scale === 'bounded') return;
        ctx.report({ node: right, scale: scale.scale, input: inputOf(scale), message: `\`${right.text.length > 40 ? right.text.slice(0, 39) + '…' : right.text}\` copies every element into a new list before the loop starts. Iterate \`${arg.text.length > 30 ? arg.text.slice(0, 29) + '…' : arg.text}\` directly.${scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale)}`, fixes: [{ title: 'Iterate without the list() copy', edits: [{ range: { startLine: right.startPosition.row, startColumn: right.startPosition.column, endLine: right.endPosition.row, endColumn: right.endPosition.column }, newText: arg.text }], safety: 'unsafe' }] });
      },
    };
  },
};
