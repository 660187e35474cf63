import type { PythonRule } from '../ruleContext';
import { calleeOf, positionalArgs, stringValue, unwrap } from '../syntax';
import { walkedOnce } from '../wholeFileUse';
import { callSitesOf, outputsOf } from '../inFileFunctions';
import { scopeOf } from '../listReads';
import { referencePositions } from '../facts/nameSearch';
import type { Node } from 'web-tree-sitter';
import { METHOD_EVALUATIONS, SEPARATOR_SPLITS, methodsEvaluatedAs } from '../library/derived';
import { onlyLaterUse, WHOLE_READS, wholeRead } from '../wholeReads';

/** Methods splitting a text into lines (library model). */
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
      whatItDoes: 'Reports `f.read().split("\\n")`, `f.read().splitlines()` and `p.read_text().splitlines()` (a path however it reached `p`: `Path(...)`, a parameter declared `Path`, a path passed by every caller) whose lines are only iterated or only counted (`len(f.read().splitlines())`), also when the text is first kept in a name used only for that split (reported at the read). A whole read returned by an in-file helper (`load_text` returns `f.read()`) whose every call in the file is split into lines walked once (`for line in load_text(path).splitlines()`) is reported once, at the `f.read()` inside the helper (where the fix goes), never at the callers; a helper whose text is also used whole (parsed, indexed, kept, passed around as a value) is silent. `f.read().splitlines()[-1]` and other tail reads are MW304 only, never also MW302. Silent when the same handle or path is written back afterwards (`write`, `write_text`, `truncate`), or the path the text was read from is opened again for writing after the read (`with open(path, "w")`, `open(path, "w").write(…)`, `Path(path).write_text(…)`), also when the read handle is never named (`text = open(path).read()`): an in-place rewrite needs the lines whole.',
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
    // `return f.read()` in a helper whose callers split it (`load_text(path).splitlines()`): reported at the read
    { tokens: WHOLE_READS, before: /\breturn\s[^=\n]*\.\s*$/, after: /^\s*\(/, type: 'call' },
  ],
  create(ctx) {
    /** `name = f.read()` whose only later use is `name.split("\n")`/`name.splitlines()`, iterated: that split call. */
    const splitOfRead = (read: Node): Node | null => {
      const use = onlyLaterUse(read, ctx.text);
      if (!use) return null;
      const m = new RegExp(`^${use.name}\\s*\\.\\s*(${LINE_SPLITS.join('|')})\\s*\\(`).exec(ctx.text.slice(use.at));
      if (!m) return null;
      const id = read.tree.rootNode.descendantForIndex(use.at + m[0].lastIndexOf(m[1]));
      const call = id?.parent?.parent;
      return call && call.type === 'call' && lineSplit(call) && walkedOnceWhole(call) ? call : null;
    };
    /**
     * `return f.read()` in a module-level helper whose every return is a whole read of a file or path, and every
     * in-file use a call split into lines that are walked once (`for line in load_text(p).splitlines()`): the
     * first such split, reported at the read, where the fix goes (as a text kept in a name used only for the
     * split is). A helper also used whole (parsed, indexed, passed on as a value) or never called: null.
     */
    const splitOfHelperRead = (read: Node): Node | null => {
      const ret = read.parent;
      const fn = ret?.type === 'return_statement' ? scopeOf(ret) : null;
      const name = fn?.childForFieldName('name')?.text;
      if (!fn || fn.type !== 'function_definition' || !name || fn.parent?.type !== 'module') return null; // decorated or nested: not a plain helper
      const { yields, returns } = outputsOf(fn);
      if (yields.length || !returns.length) return null;
      for (const r of returns) {
        const v = unwrap(r.namedChild(0));
        const vc = v?.type === 'call' ? calleeOf(v) : null;
        if (!v || !vc?.object || !WHOLE_READS.includes(vc.last) || !wholeRead(v, vc.last)) return null;
        const f = ctx.facts.factOf(vc.object);
        if (!f || f.k !== (METHOD_EVALUATIONS.get(vc.last) === 'read-file' ? 'file' : 'path')) return null;
      }
      const calls = callSitesOf(read.tree.rootNode, ctx.text, name);
      if (!calls?.length) return null;
      let values = 0; // mentions as a value (`map(load_text, paths)`): the text goes where it is not followed
      referencePositions(ctx.text, name, () => {
        values++;
        return false;
      });
      if (values) return null;
      for (const call of calls) {
        const attr = call.parent;
        const split = attr?.type === 'attribute' && attr.childForFieldName('object')?.id === call.id ? attr.parent : null;
        if (!split || split.type !== 'call' || !lineSplit(split) || split.parent?.type === 'subscript' || !walkedOnceWhole(split)) return null;
      }
      return calls[0].parent!.parent;
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
          const kept = splitOfRead(node);
          const split = kept ?? splitOfHelperRead(node);
          if (!split) return;
          // `f.read()` of an open text file, `p.read_text()` of a path (a parameter declared `Path`, a helper's
          // `Path(...)`, `base / "x.txt"`): followed by the value analysis, not by how the receiver is written.
          const f = ctx.facts.factOf(c.object);
          if (!f || f.k !== (kind === 'read-file' ? 'file' : 'path')) return;
          const shownRead = node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text;
          const shownSplit = split.text.length > 40 ? split.text.slice(0, 39) + '…' : split.text;
          ctx.report({
            node,
            message: kept
              ? `\`${shownRead}\` reads the whole file into one string, which is then copied into a list of lines (\`${shownSplit}\`) only to walk it once: about twice the file at peak. Iterate the open file line by line instead.`
              : `\`${shownRead}\` reads the whole file into one string, which the callers copy into a list of lines (\`${shownSplit}\`) only to walk it once: about twice the file at peak. Have the helper yield the open file's lines instead.`,
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
        if (!rc || !WHOLE_READS.includes(rc.last) || !wholeRead(recv, rc.last)) return;
        if (node.parent?.type === 'subscript') return; // [-1]: MW304
        const use = walkedOnce(node);
        if (!use) return;
        const shown = node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text;
        const why = use.counted ? 'only to count them. Count while iterating the open file (`sum(1 for _ in f)`) instead.' : 'only to walk it once. Iterate the open file line by line instead.';
        ctx.report({
          node,
          message: `\`${shown}\` reads the whole file into one string and then copies it into a list of lines (about twice the file size at peak) ${why}`,
        });
      },
    };
  },
};
