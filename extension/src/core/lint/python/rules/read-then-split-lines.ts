import type { PythonRule } from '../ruleContext';
import { calleeOf, positionalArgs, stringValue, unwrap } from '../syntax';
import { walkedOnce } from '../wholeFileUse';
import { moduleFunction, outputsOf } from '../inFileFunctions';
import type { Node } from 'web-tree-sitter';
import { METHOD_EVALUATIONS, SEPARATOR_SPLITS, methodsEvaluatedAs } from '../library/derived';

/** Methods reading a whole file as one text (`f.read()`, `p.read_text()`) and splitting one into lines (library model). */
const WHOLE_READS = methodsEvaluatedAs('read-file', 'read-path');
const LINE_SPLITS = [...SEPARATOR_SPLITS, ...methodsEvaluatedAs('split-lines')];

/** `x.split("\n")` / `x.split("\r\n")` / `x.splitlines()`. */
function lineSplit(call: Node): boolean {
  const c = calleeOf(call);
  const args = positionalArgs(call);
  if (c && METHOD_EVALUATIONS.get(c.last) === 'split-lines') return args.length === 0;
  if (!c || !SEPARATOR_SPLITS.includes(c.last)) return false;
  const sep = stringValue(args[0] ?? null);
  return sep === '\n' || sep === '\r\n';
}

/** A whole read: `f.read()` takes no argument (`size=` bounds it); `read_text` only keywords (encoding, errors). */
function wholeRead(call: Node, method: string): boolean {
  const args = call.childForFieldName('arguments');
  return METHOD_EVALUATIONS.get(method) === 'read-file' ? !args?.namedChildren.some((c) => c && c.type !== 'comment') : positionalArgs(call).length === 0;
}

/** The lines of a split are walked once: iterated right there, or bound to a name read once (not a tail read). */
function walkedOnceWhole(split: Node): boolean {
  const use = walkedOnce(split);
  return !!use && !use.tail;
}

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
      whatItDoes: 'Reports `f.read().split("\\n")`, `f.read().splitlines()` and `p.read_text().splitlines()` (a path however it reached `p`: `Path(...)`, a parameter declared `Path`, a path passed by every caller) whose lines are only iterated or only counted (`len(f.read().splitlines())`), also when the text is first kept in a name used only for that split (reported at the read). A call of an in-file helper that returns such a whole read (`load_text(path).splitlines()`, where `load_text` returns `f.read()`) is split the same way. `f.read().splitlines()[-1]` and other tail reads are MW304 only, never also MW302. Silent when the same handle or path is written back afterwards (`write`, `write_text`, `truncate`): an in-place rewrite needs the lines whole.',
      whyIsThisBad:
        'The whole text is read into one string and then copied into a list of line strings: peak memory is about twice the file plus ~50 bytes per line. Iterating the open file keeps one line at a time.',
      example: 'from pathlib import Path\n\nfor line in Path("app.log").read_text().splitlines():\n    print(line)\n',
      useInstead: 'from pathlib import Path\n\nwith Path("app.log").open() as f:\n    for line in f:\n        print(line.rstrip("\\n"))\n',
    },
  },
  triggers: [
    // (`read_text(encoding="utf-8")`: keyword arguments of the read are allowed, the rule checks which)
    { tokens: LINE_SPLITS, before: new RegExp(String.raw`\.\s*(?:${WHOLE_READS.join('|')})\s*\([^()\n]*\)\s*\.\s*$`), after: /^\s*\(/, type: 'call' },
    // `text = f.read()` … `for line in text.split("\n")`: reported at the read
    { tokens: WHOLE_READS, before: /\w\s*=\s*[^=\n]*\.\s*$/, after: /^\s*\(/, type: 'call' },
    // `load_text(path).splitlines()`: the whole text returned by an in-file helper
    { tokens: LINE_SPLITS, before: /\)\s*\.\s*$/, after: /^\s*\(/, type: 'call' },
  ],
  create(ctx) {
    /** `name = f.read()` whose only later use is `name.split("\n")`/`name.splitlines()`, iterated: that split call. */
    const splitOfRead = (read: Node): Node | null => {
      const assign = read.parent;
      const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
      if (!assign || !left || left.type !== 'identifier') return null;
      let scope: Node | null = assign;
      for (let i = 0; scope && i < 200 && scope.type !== 'function_definition' && scope.type !== 'module'; i++) scope = scope.parent;
      const from = assign.endIndex;
      const rest = ctx.text.slice(from, scope ? scope.endIndex : ctx.text.length);
      const name = left.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const uses = [...rest.matchAll(new RegExp(`(?<![\\w.])${name}\\b`, 'g'))];
      if (uses.length !== 1) return null;
      const m = new RegExp(`^${name}\\s*\\.\\s*(${LINE_SPLITS.join('|')})\\s*\\(`).exec(rest.slice(uses[0].index!));
      if (!m) return null;
      const id = read.tree.rootNode.descendantForIndex(from + uses[0].index! + m[0].lastIndexOf(m[1]));
      const call = id?.parent?.parent;
      return call && call.type === 'call' && lineSplit(call) && walkedOnceWhole(call) ? call : null;
    };
    /** The in-file function `name` called by `call`, when every value it returns is a whole read (`return f.read()`): one such read. */
    const helperReadingWhole = (call: Node, name: string): Node | null => {
      const fn = moduleFunction(call.tree.rootNode, name);
      if (!fn || fn.parent?.type === 'decorated_definition') return null; // a decorator may change what is returned
      const { yields, returns } = outputsOf(fn);
      if (yields.length || !returns.length) return null;
      for (const r of returns) {
        const v = unwrap(r.namedChild(0));
        const vc = v?.type === 'call' ? calleeOf(v) : null;
        if (!v || !vc?.object || !WHOLE_READS.includes(vc.last) || !wholeRead(v, vc.last)) return null;
        const f = ctx.facts.factOf(vc.object);
        if (!f || f.k !== (METHOD_EVALUATIONS.get(vc.last) === 'read-file' ? 'file' : 'path')) return null;
      }
      return unwrap(returns[0].namedChild(0));
    };
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !c.object) return;
        const kind = METHOD_EVALUATIONS.get(c.last);
        if (kind === 'read-file' || kind === 'read-path') {
          if (!wholeRead(node, c.last)) return;
          // The split is found from the text around the read: asked first, it spares the value question for the
          // many reads that are not split (every re-lint asks again, this rule's findings are not reused).
          const split = splitOfRead(node);
          if (!split) return;
          // `f.read()` of an open text file, `p.read_text()` of a path (a parameter declared `Path`, a helper's
          // `Path(...)`, `base / "x.txt"`): followed by the value analysis, not by how the receiver is written.
          const f = ctx.facts.factOf(c.object);
          if (!f || f.k !== (kind === 'read-file' ? 'file' : 'path')) return;
          ctx.report({
            node,
            message: `\`${node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text}\` reads the whole file into one string, which is then copied into a list of lines (\`${split.text.length > 40 ? split.text.slice(0, 39) + '…' : split.text}\`) only to walk it once: about twice the file at peak. Iterate the open file line by line instead.`,
          });
          return;
        }
        const args = positionalArgs(node);
        if (kind === 'split-lines') {
          if (args.length) return;
        } else if (SEPARATOR_SPLITS.includes(c.last)) {
          const sep = stringValue(args[0] ?? null);
          if (sep !== '\n' && sep !== '\r\n') return;
        } else return;
        const recv = unwrap(c.object);
        if (!recv || recv.type !== 'call') return;
        const rc = calleeOf(recv);
        const helper = rc && !rc.object && rc.full ? helperReadingWhole(recv, rc.full) : null;
        if (!rc || (!helper && (!WHOLE_READS.includes(rc.last) || !wholeRead(recv, rc.last)))) return;
        if (node.parent?.type === 'subscript') return; // [-1]: MW304
        const use = walkedOnce(node);
        if (!use) return;
        const shown = node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text;
        const why = use.counted ? 'only to count them. Count while iterating the open file (`sum(1 for _ in f)`) instead.' : 'only to walk it once. Iterate the open file line by line instead.';
        ctx.report({
          node,
          message: helper
            ? `\`${shown}\` splits the whole file that ${rc.full}() reads into one string (\`${helper.text}\`), copying it into a list of lines (about twice the file size at peak) ${why}`
            : `\`${shown}\` reads the whole file into one string and then copies it into a list of lines (about twice the file size at peak) ${why}`,
        });
      },
    };
  },
};
