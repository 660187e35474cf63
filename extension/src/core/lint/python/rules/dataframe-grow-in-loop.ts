import type { Node } from 'web-tree-sitter';
import type { PythonRule, PythonRuleContext } from '../ruleContext';
import type { Fact } from '../facts/factTypes';
import { EMPTY_FRAMES, FRAME_COPIES, FRAME_COPY_METHODS, lastWords, moduleWords } from '../library/derived';
import { combineLoops, dataScaleFrom, loopsBetween } from '../dataScale';
import { calleeOf, enclosingLoop, enclosingOfType, positionalArgs, unwrap } from '../syntax';
import { dataScaleNote, inputOf, unknownScaleNote } from '../../scaleAnswer';
import { DATA_FOLLOWED } from '../dataScaleText';

/** A receiver that looks like a DataFrame: a pandas module call, or named `df`/`…frame…`. */
const FRAME_RECEIVER = new RegExp(String.raw`^(?:${moduleWords(FRAME_COPIES).join('|')})\.|\bdf\b|frame`, 'i');

/**
 * A receiver the value facts know holds DataFrames (`sales = pd.DataFrame()`): a frame, or a list of frames, which is
 * how the facts read `sales.append(day)` (a list's append). `xs = xs.append(x)` on a real list would store None, so
 * an append assigned back to its receiver is a DataFrame's.
 */
function holdsFrames(f: Fact | null): boolean {
  return f?.k === 'frame' || (f?.k === 'seq' && f.of?.k === 'frame');
}

/**
 * `results = pd.DataFrame()` before the loop, `results = results.append({...})` in it: the value the facts give at
 * the append joins the frame with what every turn appended (a dict, a Series, a part of unknown kind), which is no
 * frame. What the name holds where the outermost loop around the append starts is: its last assignment in the same
 * function (or module) that ends before that loop: an empty frame (`pd.DataFrame()`) or one the facts know.
 */
function frameBeforeLoops(ctx: PythonRuleContext, call: Node, name: string): boolean {
  let outer = enclosingLoop(call);
  for (let l = outer; l; l = enclosingLoop(l)) outer = l;
  if (!outer) return false;
  const scope = enclosingOfType(outer, ['function_definition', 'module']) ?? outer.tree.rootNode;
  let last: Node | null = null;
  for (const a of scope.descendantsOfType('assignment')) {
    if (!a || a.endIndex > outer.startIndex) break;
    if (a.childForFieldName('left')?.text !== name) continue;
    if ((enclosingOfType(a, ['function_definition', 'module']) ?? a.tree.rootNode).id === scope.id) last = a;
  }
  const right = unwrap(last?.childForFieldName('right') ?? null);
  if (!right) return false;
  // (the facts read `pd.DataFrame()` as an empty container waiting to be filled, like `[]`)
  return (right.type === 'call' && EMPTY_FRAMES.has(calleeOf(right)?.full ?? '')) || holdsFrames(ctx.facts.factOf(right));
}

export const dataframeGrowInLoop: PythonRule = {
  meta: {
    code: 'MW404', name: 'dataframe-grow-in-loop', language: 'python', family: 4, defaultSeverity: 'warning',
    summary: '`df = pd.concat([df, x])` or `df = df.append(x)` in a loop copies the whole frame each time.',
    fixable: false, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports concatenating or appending to the same DataFrame inside a loop: `df = pd.concat([df, x])`, or `df = df.append(x)` where the receiver is named like a frame (`df`, `…frame…`) or is known to hold one (`sales = pd.DataFrame()`, `pd.read_csv(…)`), also where the loop starts, whatever is appended (a dict, a Series, a part of unknown kind).',
      whyIsThisBad: 'Each concat allocates a new frame holding all rows so far: n iterations copy O(n²) rows and peak memory is about twice the final frame. Collect the pieces in a list and concat once (pandas docs).',
      example: 'import glob\nimport sys\n\nimport pandas as pd\n\ndf = pd.DataFrame()\nfor path in glob.glob(sys.argv[1]):\n    df = pd.concat([df, pd.read_csv(path)])\n',
      useInstead: 'import glob\nimport sys\n\nimport pandas as pd\n\nparts = [pd.read_csv(path) for path in glob.glob(sys.argv[1])]\ndf = pd.concat(parts)\n',
      dataScale: `The loop runs once per piece of data: over a directory listing or glob, the rows of a file or frame, query results, or a list filled from those. A loop over a literal list of three files copies three times and is not reported, nor is a \`range()\` up to 100,000 (its bound a literal, or a name assigned one once in the file and never rebound: \`N = 8\`); a loop whose length cannot be traced gives an information-level finding that says so. ${DATA_FOLLOWED}`,
    },
  },
  // Data scale looks at the whole scope (module-level loops span chunks), so findings are not reused across edits.
  cacheable: false,
  triggers: [
    { tokens: lastWords(FRAME_COPIES), after: /^\s*\(/, type: 'call' },
    { tokens: FRAME_COPY_METHODS, before: /(\w+)\s*=\s*(\w+)\s*\.\s*$/, filter: (_t, _a, m) => !!m && m[1] === m[2], after: /^\s*\(/, type: 'call' },
  ],
  appliesTo: [...moduleWords(FRAME_COPIES), ...lastWords([...EMPTY_FRAMES])],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c) return;
        const isConcat = FRAME_COPIES.includes(c.full ?? '');
        const isAppend =
          FRAME_COPY_METHODS.includes(c.last) && !!c.object && (FRAME_RECEIVER.test(c.object.text) || holdsFrames(ctx.facts.factOf(c.object)) || (c.object.type === 'identifier' && frameBeforeLoops(ctx, node, c.object.text)));
        if (!isConcat && !isAppend) return;
        const assign = node.parent;
        if (!assign || assign.type !== 'assignment') return;
        const target = assign.childForFieldName('left')?.text;
        if (!target || !enclosingLoop(node)) return;
        if (isConcat) {
          const first = unwrap(positionalArgs(node)[0] ?? null);
          if (!first || (first.type !== 'list' && first.type !== 'tuple') || !first.namedChildren.some((x) => x?.text === target)) return;
        } else if (c.object!.text !== target) return;
        const scale = combineLoops(dataScaleFrom(ctx.facts), loopsBetween(node, null));
        if (scale.scale === 'bounded') return;
        ctx.report({ node, scale: scale.scale, input: inputOf(scale), message: `\`${target} = ${isConcat ? 'pd.concat([...])' : `${target}.append(...)`}\` in a loop copies every row so far on each iteration (O(n²) copying, ~2× the final frame at peak). Collect pieces in a list and call pd.concat once after the loop.${scale.scale === 'data' ? dataScaleNote(scale) : unknownScaleNote(scale)}` });
      },
    };
  },
};
