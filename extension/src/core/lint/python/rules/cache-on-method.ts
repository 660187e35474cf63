import type { Node } from 'web-tree-sitter';
import { dataScaleFrom, type ScaleAnswer } from '../dataScale';
import type { PythonRule } from '../ruleContext';
import { positionalArgs, keywordArg, unwrap } from '../syntax';
import { combineScales, dataScaleNote, inputOf } from '../../scaleAnswer';
import type { FileFacts } from '../facts/fileFacts';
import { CACHE_DECORATORS, functionsEvaluatedAs, lastWords, moduleWords } from '../library/derived';

/** `map(Class, rows)`: builtins making one call of a function argument per element (library model). */
const MAPPERS = functionsEvaluatedAs('mapped');
/** `@functools.lru_cache`, `@cache`… after the `@` (library model: caching decorators, dotted or bare). */
const CACHE_DECORATOR_AFTER = new RegExp(String.raw`^\s*(?:${moduleWords([...CACHE_DECORATORS.keys()]).join('|')}\s*\.\s*)?(?:${lastWords([...CACHE_DECORATORS.keys()]).join('|')})\b`);

/** `maxsize` of an lru_cache decorator: a number bounds the cache, None (or `@cache`) does not. */
function isBounded(expr: Node, fnText: string): boolean {
  if (CACHE_DECORATORS.get(fnText) === 'unbounded') return false;
  if (expr.type !== 'call') return true; // bare @lru_cache: maxsize=128
  const max = unwrap(keywordArg(expr, 'maxsize') ?? positionalArgs(expr)[0] ?? null);
  return !max || max.type !== 'none';
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Is `node` inside the iterable of `loop` (`for r in Reader(p).rows()`), which is evaluated once? */
function inIterable(node: Node, loop: Node): boolean {
  const right = loop.type === 'for_statement' ? loop.childForFieldName('right') : loop.namedChildren.find((c) => c?.type === 'for_in_clause')?.childForFieldName('right');
  return !!right && right.startIndex <= node.startIndex && node.endIndex <= right.endIndex;
}

/** The loops and comprehensions around `node` in its function that evaluate it once per element. */
function repeaters(node: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') break;
    if ((n.type === 'for_statement' || n.type === 'while_statement' || COMPREHENSIONS.has(n.type)) && !inIterable(node, n)) out.push(n);
  }
  return out;
}

/** Where instances of the class are made: data-scale when one is made per record of a data loop. */
function instancesScale(facts: FileFacts, root: Node, className: string): ScaleAnswer {
  // `Order(…)`, or `map(Order, rows)`: one instance per element of rows.
  const re = new RegExp(`(?<![\\w.])(?:${className}\\s*\\(|(?:${MAPPERS.join('|')})\\s*\\(\\s*${className}\\s*,)`, 'g');
  const ds = dataScaleFrom(facts);
  let unknown: ScaleAnswer | undefined;
  for (let m = re.exec(root.text); m; m = re.exec(root.text)) {
    const at = root.descendantForIndex(m.index);
    const call = at?.parent?.type === 'call' ? at.parent : at;
    if (!call || call.type !== 'call') continue;
    const mapped = MAPPERS.some((w) => m[0].startsWith(w)) ? positionalArgs(call)[1] : undefined;
    const loops = repeaters(call);
    if (!loops.length && !mapped) continue;
    const a = combineScales([...(mapped ? [ds.ofValue(mapped)] : []), ...loops.map((l) => ds.ofLoop(l))]);
    if (a.scale === 'data') return { scale: 'data', source: `a \`${className}\` is made per element of ${a.source} (line ${call.startPosition.row + 1})` };
    if (a.scale === 'unknown') unknown ??= a;
  }
  return unknown ?? { scale: 'unknown', why: `no loop in this file makes many \`${className}\` instances from data` };
}

export const cacheOnMethod: PythonRule = {
  meta: {
    code: 'MW403', name: 'cache-on-method', language: 'python', family: 4, defaultSeverity: 'warning',
    summary: 'functools.lru_cache/cache on a method keeps every instance alive.',
    fixable: false, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `@lru_cache`/`@cache` on methods (like Ruff B019, pylint W1518).',
      whyIsThisBad: 'The cache is global to the class and its keys include `self`, so every instance ever used (and everything it references) stays in memory for the life of the process.',
      example: 'import csv\nimport sys\nfrom functools import lru_cache\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    @lru_cache(maxsize=None)\n    def total(self, tax):\n        return float(self.row[1]) * (1 + tax)\n\nfor row in csv.reader(open(sys.argv[1])):\n    print(Order(row).total(0.2))\n',
      useInstead: 'import csv\nimport sys\n\nclass Order:\n    def __init__(self, row):\n        self.row = row\n\n    def total(self, tax):\n        return float(self.row[1]) * (1 + tax)\n\nfor row in csv.reader(open(sys.argv[1])):\n    print(Order(row).total(0.2))\n',
      dataScale: 'The cache is unbounded (`@cache`, `@lru_cache(maxsize=None)`) and the class is instantiated once per element of data (inside a loop over a file, csv rows, a DataFrame, a directory listing or query results, followed as for MW401: through the file\'s functions, their parameters and returns, and an instance of a class of the file walked through its `__iter__`) in this file. `@lru_cache()` with a numeric maxsize keeps at most that many instances and is not reported, and neither is a class with no such loop in the file (a frozen dataclass or a few long-lived objects): that is the style point Ruff\'s B019 makes.',
      ruffTwin: 'B019',
    },
  },
  // Data scale looks at the whole scope (module-level loops span chunks), so findings are not reused across edits.
  cacheable: false,
  triggers: [{ tokens: ['@'], after: CACHE_DECORATOR_AFTER, type: 'decorator' }],
  create(ctx) {
    return {
      decorator(node) {
        const expr = node.namedChild(0);
        if (!expr) return;
        const fnText = expr.type === 'call' ? expr.childForFieldName('function')?.text ?? '' : expr.text;
        if (!CACHE_DECORATORS.has(fnText)) return;
        const def = node.parent?.childForFieldName('definition');
        if (!def || def.type !== 'function_definition') return;
        const cls = node.parent?.parent?.parent; // decorated_definition → block → class_definition
        if (!cls || cls.type !== 'class_definition') return;
        const params = def.childForFieldName('parameters')?.namedChildren ?? [];
        const first = params[0];
        if (!first || first.text !== 'self') return;
        if (isBounded(expr, fnText)) return;
        const className = cls.childForFieldName('name')?.text ?? '';
        const scale = instancesScale(ctx.facts, node.tree.rootNode, className);
        // Without a data loop making instances, this is the style point Ruff's B019 makes (and a frozen
        // dataclass or a handful of long-lived objects is the usual case): stay quiet.
        if (scale.scale !== 'data') return;
        ctx.report({ node, scale: 'data', input: inputOf(scale), message: `\`@${fnText}\` on method \`${def.childForFieldName('name')?.text}\` keys the cache on self: every instance it sees stays alive as long as the process. Cache a module-level function of the arguments instead.${dataScaleNote(scale)}` });
      },
    };
  },
};
