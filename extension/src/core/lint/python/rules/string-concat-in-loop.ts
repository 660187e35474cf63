import type { PythonRule } from '../ruleContext';
import { combineLoops, dataScaleFrom, loopsGrowing } from '../dataScale';
import { enclosingLoop } from '../syntax';
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

export const stringConcatInLoop: PythonRule = {
  meta: {
    code: 'MW402', name: 'string-concat-in-loop', language: 'python', family: 4, defaultSeverity: 'info',
    summary: '`s += piece` in a loop copies the growing string each time.',
    fixable: false, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `s += ...` inside a loop when `s` is a string. A name started as `""` that is then added PuLP variables or expressions (`total += players[p] * points`, the variables from `LpVariable.dicts`, `LpVariable`, `lpSum`, directly, through names, items, arithmetic, a loop over a list or dict of them, an attribute, or a helper\'s parameter and return, as any value is followed) holds an expression after the first `+=` (str\'s `+` hands over to the variable), not a growing string, and is not reported.',
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
        // `total = ""` then `total += players_var[p] * points`: str's + hands over to a modelling object's __radd__
        // (facts: `algebraic`), so from the first turn on the name holds an expression, not a str.
        if (ctx.facts.factOf(ctx.facts.parts(node).right)?.k === 'algebraic') return;
        ctx.untracked();
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
