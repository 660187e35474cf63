import type { Node } from 'web-tree-sitter';
import type { Fix } from '../../types';
import type { PythonRule } from '../ruleContext';
import { ensureImport, replaceNode } from '../ruleContext';
import { calleeOf, positionalArgs, unwrap } from '../syntax';
import { walkedOnce } from '../wholeFileUse';
import { METHOD_EVALUATIONS, methodsEvaluatedAs } from '../library/derived';

/** n for `[-n]` (one line) or `[-n:]` (the last n lines); n is a number literal or a name (`[-count:]`). */
function tailIndex(sub: Node): { n: string; one: boolean; literal: boolean; slice: boolean } | null {
  const subs = sub.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  if (subs.length !== 1) return null;
  const idx = unwrap(subs[0]);
  if (!idx) return null;
  const count = (t: string) => {
    const m = /^-\s*(\d+|[A-Za-z_][\w.]*)$/.exec(t.trim());
    if (!m) return null;
    const literal = /^\d+$/.test(m[1]);
    return { n: literal ? String(parseInt(m[1], 10)) : m[1], one: literal && parseInt(m[1], 10) === 1, literal };
  };
  if (idx.type === 'unary_operator') {
    const c = count(idx.text);
    return c ? { ...c, slice: false } : null;
  }
  if (idx.type === 'slice') {
    const m = /^(.*):$/s.exec(idx.text);
    const c = m ? count(m[1]) : null;
    return c ? { ...c, slice: true } : null;
  }
  return null;
}

export const readlinesLastLine: PythonRule = {
  meta: {
    code: 'MW304',
    name: 'readlines-last-line',
    language: 'python',
    family: 3,
    defaultSeverity: 'warning',
    summary: 'readlines()[-1] loads the whole file to keep its last lines: use deque(f, maxlen=n).',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `f.readlines()[-n]`, `f.readlines()[-n:]`, `f.read().splitlines()[-1]` and `Path.read_text().splitlines()[-1]`, where `n` is a number literal or a name (a module constant `TAIL`, a parameter; the fix is then marked unsafe, since `[-0:]` keeps every line), and a `readlines()` list kept in a name that is only read from its end. These loads are MW304 only: MW301 and MW302 never report them too.',
      whyIsThisBad: 'The whole file is held as a list of lines just to keep the tail. `collections.deque(f, maxlen=n)` streams the file and keeps only the last n lines.',
      example: 'with open("app.log") as f:\n    last = f.readlines()[-1]\n',
      useInstead: 'from collections import deque\n\nwith open("app.log") as f:\n    last = deque(f, maxlen=1)[-1]\n',
      fixSafety: 'Safe: the same line(s) come back (an empty file raises IndexError in both forms); the fix adds the deque import when missing.',
    },
  },
  triggers: [{ tokens: methodsEvaluatedAs('read-lines', 'split-lines'), after: /^\s*\(\s*\)/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !c.object) return;
        let fileExpr: Node | null = null;
        let streamText: string | null = null;
        const kind = METHOD_EVALUATIONS.get(c.last);
        if (kind === 'read-lines' && positionalArgs(node).length === 0) fileExpr = c.object;
        else if (kind === 'split-lines') {
          const recv = unwrap(c.object);
          const rc = recv && recv.type === 'call' ? calleeOf(recv) : null;
          const read = rc ? METHOD_EVALUATIONS.get(rc.last) : undefined;
          if (rc && read === 'read-file' && rc.object && positionalArgs(recv!).length === 0) fileExpr = rc.object;
          // `Path(p).read_text().splitlines()[-1]`: the same whole-file load; the stream is `Path(p).open()`.
          else if (rc && read === 'read-path' && rc.object) streamText = `${rc.object.text}.open()`;
        }
        if (fileExpr) streamText = fileExpr.text;
        if (!streamText) return;
        const sub = node.parent;
        if (sub && sub.type === 'assignment' && kind === 'read-lines' && walkedOnce(node)?.tail) {
          ctx.report({
            node,
            message: `\`${node.text.length > 50 ? node.text.slice(0, 49) + '…' : node.text}\` loads every line of the file, but only the last lines are used. \`deque(${streamText}, maxlen=n)\` streams the file and keeps only those.`,
          });
          return;
        }
        if (!sub || sub.type !== 'subscript' || sub.childForFieldName('value')?.id !== node.id) return;
        const tail = tailIndex(sub);
        if (!tail) return;
        const fixes: Fix[] = [];
        if (kind === 'read-lines' && fileExpr) {
          const root = node.tree.rootNode;
          const repl = tail.slice ? `list(deque(${fileExpr.text}, maxlen=${tail.n}))` : `deque(${fileExpr.text}, maxlen=${tail.n})[-${tail.n}]`;
          // With a variable count the forms differ at 0 (`[-0:]` is every line, maxlen=0 keeps none).
          fixes.push({ title: `Keep only the last ${tail.n} line${tail.one ? '' : 's'} with deque(maxlen=${tail.n})`, edits: [...ensureImport(ctx.text, root, 'collections', 'deque'), replaceNode(sub, repl)], safety: tail.literal ? 'safe' : 'unsafe' });
        }
        const last = tail.one ? 'one' : tail.literal ? tail.n : `\`${tail.n}\``;
        ctx.report({
          node: sub,
          message: `\`${sub.text.length > 50 ? sub.text.slice(0, 49) + '…' : sub.text}\` loads every line of the file to keep the last ${last}. \`deque(${streamText}, maxlen=${tail.n})\` streams the file and keeps only ${tail.one ? 'that line' : 'those lines'}.`,
          fixes,
        });
      },
    };
  },
};
