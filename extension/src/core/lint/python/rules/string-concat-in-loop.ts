import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { combineLoops, dataScaleFrom, loopsGrowing } from '../dataScale';
import { ALGEBRAIC_CALLEES, ELEMENT_FILLS, FUNCTION_EVALUATIONS, METHOD_EVALUATIONS } from '../library/derived';
import { calleeOf, enclosingLoop, positionalArgs, unwrap } from '../syntax';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { DATA_FOLLOWED } from '../dataScaleText';

let cachedText = '';
let cachedNames = new Set<string>();

/** Names assigned a string literal somewhere in the file (`s = ""`), computed once per text. */
function stringInitialised(text: string): Set<string> {
  if (text !== cachedText) {
    cachedText = text;
    cachedNames = new Set();
    // `s = ""`, `a, b = '', ''`, `x = y = b""`: every name left of the `=` signs on that line.
    const re = /=[ \t]*(?:[rRbBfFuU]{0,2}["']|str\(|bytes\()/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const prev = text.charCodeAt(m.index - 1);
      if (prev === 61 || prev === 33 || prev === 60 || prev === 62) continue; // ==, !=, <=, >=
      const left = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
      if (/[(\[{"'#]/.test(left)) continue; // keyword argument, subscript or string: not a plain assignment
      for (const n of left.split(/[=,:]/)) if (/^\s*\w+\s*$/.test(n)) cachedNames.add(n.trim());
    }
  }
  return cachedNames;
}

/** A file naming one of the library's algebraic callees or their modules (`LpVariable`, `lpSum`, `pulp`): only there can a `+=` add one. */
const ALGEBRAIC_WORD = new RegExp(String.raw`\b(?:${[...new Set([...ALGEBRAIC_CALLEES].map((c) => c.split('.')[0]))].join('|')})\b`);

let cachedAlgebraicText = '';
let cachedAlgebraic = new Set<string>();

/**
 * Names that hold a modelling object of the library model's `algebraic` callees (PuLP's variables and expressions),
 * or a container of them, computed once per text: bound from such a call, from arithmetic on or an item of such a
 * value (`formula = players_var[p] * pts`), as a loop target over such a container (`for i, v in enumerate(vars)`,
 * `.values()`, `.items()`), or a list that `.append`s one. A few rounds settle chains written in any order.
 */
function algebraicNames(root: Node, text: string): Set<string> {
  // Keyed by the lint's text, as stringInitialised is: `root.text` would slice the whole file again on every `+=`.
  if (text === cachedAlgebraicText) return cachedAlgebraic;
  cachedAlgebraicText = text;
  const names = new Set<string>();
  cachedAlgebraic = names;
  const sites = root.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'call']);
  for (let round = 0, before = -1; round < 4 && names.size !== before; round++) {
    before = names.size;
    for (const site of sites) {
      if (!site) continue;
      if (site.type === 'call') {
        const c = calleeOf(site);
        if (c && ELEMENT_FILLS.has(c.last) && c.object?.type === 'identifier' && isAlgebraic(positionalArgs(site)[0] ?? null, names)) names.add(c.object.text);
        continue;
      }
      const left = site.childForFieldName('left');
      const right = site.childForFieldName('right');
      if (site.type !== 'for_statement') {
        if (left?.type === 'identifier' && isAlgebraic(right, names)) names.add(left.text);
        continue;
      }
      // `for v in vars`, `for v in d.values()`: v; `for i, v in enumerate(vars)`, `for k, v in d.items()`: the second
      const iter = unwrap(right);
      const call = iter?.type === 'call' ? calleeOf(iter) : null;
      const walk = !call ? 'itself' : FUNCTION_EVALUATIONS.get(call.full ?? '') === 'enumerated' ? 'enumerated' : call.object ? METHOD_EVALUATIONS.get(call.last) : undefined;
      const over = walk === 'itself' ? iter : walk === 'enumerated' ? positionalArgs(iter!)[0] : walk === 'record-values' || walk === 'record-pairs' ? call!.object : null;
      if (!over || !isAlgebraic(over, names)) continue;
      const target = walk === 'enumerated' || walk === 'record-pairs' ? left?.namedChild(1) : left;
      if (target?.type === 'identifier') names.add(target.text);
    }
  }
  return names;
}

/** Is this expression such a modelling object (see algebraicNames), by its syntax? */
function isAlgebraic(node: Node | null, names: ReadonlySet<string>, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 20) return false;
  switch (n.type) {
    case 'identifier':
      return names.has(n.text);
    case 'call':
      return ALGEBRAIC_CALLEES.has(calleeOf(n)?.full ?? '');
    case 'subscript':
      return isAlgebraic(n.childForFieldName('value'), names, depth + 1);
    case 'unary_operator':
      return isAlgebraic(n.childForFieldName('argument'), names, depth + 1);
    case 'binary_operator': {
      const op = n.childForFieldName('operator')?.text;
      return (op === '*' || op === '+' || op === '-' || op === '/') && (isAlgebraic(n.childForFieldName('left'), names, depth + 1) || isAlgebraic(n.childForFieldName('right'), names, depth + 1));
    }
    case 'list':
      return n.namedChildren.some((c) => isAlgebraic(c, names, depth + 1));
    case 'list_comprehension':
      return isAlgebraic(n.childForFieldName('body'), names, depth + 1);
    default:
      return false;
  }
}

export const stringConcatInLoop: PythonRule = {
  meta: {
    code: 'MW402', name: 'string-concat-in-loop', language: 'python', family: 4, defaultSeverity: 'info',
    summary: '`s += piece` in a loop copies the growing string each time.',
    fixable: false, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `s += ...` inside a loop when `s` is a string. A name started as `""` that is then added PuLP variables or expressions (`total += players[p] * points`, the variables from `LpVariable.dicts`, `LpVariable`, `lpSum`, directly, through names, items, arithmetic, a loop over a list or dict of them) holds an expression after the first `+=` (str\'s `+` hands over to the variable), not a growing string, and is not reported.',
      whyIsThisBad: 'str is immutable: each += may copy the whole accumulated text, so building an n-byte string costs O(n²) bytes copied and leaves large intermediate strings for the allocator. Collect pieces in a list and `"".join()` them once (Python FAQ).',
      example: 'import sys\n\nout = ""\nfor line in open(sys.argv[1]):\n    out += line.upper()\n',
      useInstead: 'import sys\n\nparts = []\nfor line in open(sys.argv[1]):\n    parts.append(line.upper())\nout = "".join(parts)\n',
      dataScale: `One of the loops that repeat the \`+=\` (those outside the string's initial assignment, and outside any loop that empties or replaces it somewhere in its body: a word built from characters and reset with \`word = ""\` at each separator only grows to one word) walks data: a file's lines, csv rows, a DataFrame, a stream read in a while loop, a directory listing, query results, or a list or dict filled from those (a \`defaultdict\` or an empty \`Counter()\` also through its values: \`d[k].append(x)\`, \`d[k] += n\`), one list of a dict whose lists grow that way (\`d[k]\`, a value of \`d.items()\` or \`d.values()\`: a group of the data). Over a literal, a \`range()\` up to 100,000 (its bound a literal, or a name assigned one once in the file and never rebound: \`SIZE = 8\`), one record's or one csv row's fields or the command line (\`sys.argv\`) the string stays small and nothing is reported. ${DATA_FOLLOWED} A str built in a loop whose size cannot be traced (the lines of a command's output, \`subprocess.run(…).stdout.split("\\n")\`, are among those) is not reported either: CPython usually grows a local str in place, so the cost only shows at data scale. bytes has no such shortcut, so a bytes accumulator in such a loop is reported as information, saying why.`,
    },
  },
  // Whether the target is a string is a FileFacts answer (reused across edits like MW1xx); data scale looks at the
  // whole scope (module-level loops span chunks), so a visit that gets that far is evaluated again after each edit.
  cacheable: true,
  triggers: [{ tokens: ['+='], before: /(\w+)\s*$/, filter: (text, _at, before) => !!before && stringInitialised(text).has(before[1]), type: 'augmented_assignment' }],
  create(ctx) {
    return {
      augmented_assignment(node) {
        if (ctx.facts.parts(node).op !== '+=') return;
        const left = ctx.facts.parts(node).left;
        if (!left || left.type !== 'identifier' || !enclosingLoop(node)) return;
        const before = ctx.facts.factOf(left);
        if (!before || (before.k !== 'str' && before.k !== 'text')) return;
        ctx.untracked();
        // `total = ""` then `total += players_var[p] * points`: str's + hands over to the PuLP variable's __radd__,
        // so from the first turn on the name holds an expression, not a str.
        if (ALGEBRAIC_WORD.test(ctx.text) && isAlgebraic(ctx.facts.parts(node).right, algebraicNames(node.tree.rootNode, ctx.text))) return;
        const loops = loopsGrowing(node, left.text);
        if (!loops.length) return; // reset on every iteration: it never grows past one piece
        const scale = combineLoops(dataScaleFrom(ctx.facts), loops);
        // CPython resizes a local str in place on += most of the time, so below data scale this is noise and an
        // unknown scale is not reported. bytes has no such shortcut: an unknown scale is shown as information.
        const isBytes = new RegExp(`(^|[^\\w.])${left.text}\\s*=\\s*[bB][rR]?["']`).test(ctx.text);
        if (scale.scale === 'bounded' || (scale.scale === 'unknown' && !isBytes)) return;
        const note = scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale);
        ctx.report({ node, scale: scale.scale, input: inputOf(scale), message: `\`${left.text} += …\` in a loop copies the growing ${isBytes ? 'bytes' : 'string'} on every iteration (O(n²) bytes copied). Append pieces to a list and ${isBytes ? 'b' : ''}\"\".join() them once.${note}` });
      },
    };
  },
};
