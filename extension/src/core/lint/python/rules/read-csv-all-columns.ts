import type { Node } from 'web-tree-sitter';
import { METHOD_EVALUATIONS, TABLE_READERS, lastWords } from '../library/derived';
import type { PythonRule } from '../ruleContext';
import { insertAt } from '../ruleContext';
import { calleeOf, enclosingOfType, hasSplat, keywordArg, stringValue, unwrap } from '../syntax';

/** A column as a selection names it: a label, or a position (`header=None` numbers the columns 0, 1, …). */
type Column = string | number;

/** `["a", "b"]` → the names, else null; with `positions`, `[0, 1]` → the positions too. */
function columnList(node: Node | null, positions = false): Column[] | null {
  const n = unwrap(node);
  if (!n || n.type !== 'list') return null;
  const out: Column[] = [];
  for (const c of n.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (positions && c.type === 'integer' && /^\d+$/.test(c.text)) {
      out.push(Number(c.text));
      continue;
    }
    const s = stringValue(c);
    if (s === null) return null;
    out.push(s);
  }
  return out.length ? out : null;
}

/** The column list of `name[[...]]` (also `.loc[:, [...]]`), else null; `positions` after `header=None`. */
function selection(expr: Node | null, name: string | null, positions: boolean): Column[] | null {
  let e = unwrap(expr);
  // `df[["a", "b"]].copy()`: the copy keeps the same narrowing.
  const copied = e && e.type === 'call' ? calleeOf(e) : null;
  if (copied && METHOD_EVALUATIONS.get(copied.last) === 'receiver' && copied.object && (e!.childForFieldName('arguments')?.namedChildCount ?? 0) === 0) e = unwrap(copied.object);
  if (!e || e.type !== 'subscript') return null;
  const value = unwrap(e.childForFieldName('value'));
  const subs = e.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  if (!value) return null;
  const target = value.type === 'attribute' && value.childForFieldName('attribute')?.text === 'loc' ? unwrap(value.childForFieldName('object')) : value;
  if (name === null ? target?.type !== 'call' : (target?.type !== 'identifier' && target?.type !== 'attribute') || target.text !== name) return null;
  if (subs.length === 1) return columnList(subs[0], positions);
  if (subs.length === 2 && subs[0].type === 'slice' && subs[0].text === ':') return columnList(subs[1], positions);
  return null;
}

/** The statement after `stmt`, skipping comments; the last statement of a `with` block continues after the block. */
function nextStatement(stmt: Node): Node | null {
  for (let s: Node | null = stmt, i = 0; s && i < 50; i++) {
    let next = s.nextNamedSibling;
    while (next && next.type === 'comment') next = next.nextNamedSibling;
    if (next) return next;
    const block: Node | null = s.parent;
    s = block?.type === 'block' && block.parent?.type === 'with_statement' ? block.parent : null;
  }
  return null;
}

/** Is `name` mentioned after `stmt` in its function (or module)? Mentions in strings or comments count too. */
function mentionedAfter(stmt: Node, name: string, text: string): boolean {
  const scope = enclosingOfType(stmt, ['function_definition']);
  const rest = text.slice(stmt.endIndex, scope ? scope.endIndex : text.length);
  return new RegExp(`(?<![\\w.])${name}\\b`).test(rest);
}

/**
 * Columns the call's other options name (`index_col="Date"`, `parse_dates=["Date"]`): usecols= must keep them, or
 * pandas rejects the call. Null when an option names columns by position or by an expression (usecols= would
 * shift or hide what it points at) or `names=` renames them: then no fix is offered.
 */
function columnsOptionsNeed(call: Node): Column[] | null {
  if (keywordArg(call, 'names') || keywordArg(call, 'converters')) return null;
  const out: Column[] = [];
  for (const opt of ['index_col', 'parse_dates']) {
    const v = unwrap(keywordArg(call, opt));
    if (!v || v.type === 'true' || v.type === 'false' || v.type === 'none') continue;
    const one = stringValue(v);
    if (one !== null) {
      out.push(one);
      continue;
    }
    const many = columnList(v);
    if (!many) return null;
    out.push(...many);
  }
  return out;
}

export const readCsvAllColumns: PythonRule = {
  meta: {
    code: 'MW203',
    name: 'read-csv-all-columns',
    language: 'python',
    family: 2,
    defaultSeverity: 'warning',
    summary: 'pd.read_csv loads every column, then a few are selected right away: pass usecols=.',
    fixable: true,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `pd.read_csv(...)` without `usecols=` whose result is immediately narrowed to a list of columns. Without a header row (`header=None`, no `names=`) pandas numbers the columns 0, 1, …, so a selection by position (`df[[0, 2]]`) counts too, and usecols= takes the same positions.',
      whyIsThisBad:
        'pandas parses and stores every column before the selection throws most away; peak memory is the whole table. With `usecols=` the parser skips the other columns, so peak memory scales with the columns you keep.',
      example: 'import pandas as pd\n\ndf = pd.read_csv("events.csv")\ndf = df[["user", "amount"]]\n',
      useInstead: 'import pandas as pd\n\ndf = pd.read_csv("events.csv", usecols=["user", "amount"])\n',
      fixSafety: 'Safe: the selection stays in place, so column order and content are unchanged; only the parse skips unused columns. Columns that `index_col=` or `parse_dates=` name are kept in usecols=; no fix is offered when they name columns by position or `names=`/`converters=` are given.',
    },
  },
  triggers: [{ tokens: lastWords([...TABLE_READERS.keys()]), after: /^\s*\(/, type: 'call' }],
  appliesTo: lastWords([...TABLE_READERS.keys()]),
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        const param = TABLE_READERS.get(c?.full ?? '');
        if (!c || !param) return;
        if (keywordArg(node, 'usecols') || keywordArg(node, 'columns') || keywordArg(node, 'chunksize') || keywordArg(node, 'iterator') || hasSplat(node)) return;
        let cols: Column[] | null = null;
        // Without a header row pandas numbers the columns, so `t[[0, 1]]` selects by position, as usecols=[0, 1] does.
        const positions = unwrap(keywordArg(node, 'header'))?.type === 'none' && !keywordArg(node, 'names');
        const parent = node.parent;
        if (parent && parent.type === 'subscript') cols = selection(parent, null, positions);
        else if (parent && parent.type === 'assignment' && /^(identifier|attribute)$/.test(parent.childForFieldName('left')?.type ?? '')) {
          // `df = read_csv(…)` or `self.df = read_csv(…)`, narrowed by the next statement (also right after a `with`).
          const name = parent.childForFieldName('left')!.text;
          const stmt = parent.parent;
          const next = stmt?.type === 'expression_statement' ? nextStatement(stmt) : null;
          const inner = next?.type === 'expression_statement' ? next.namedChild(0) : null;
          if (inner && inner.type === 'assignment') {
            cols = selection(inner.childForFieldName('right'), name, positions);
            // Narrowed into another name: only when the whole frame is not read afterwards (an attribute may be read
            // by any method), or usecols= would take away columns that later code needs.
            const into = inner.childForFieldName('left')?.text;
            if (cols && into !== name && (parent.childForFieldName('left')!.type !== 'identifier' || mentionedAfter(next!, name, ctx.text))) cols = null;
          }
        }
        if (!cols) return;
        const args = node.childForFieldName('arguments');
        const close = args?.lastChild;
        const fixes = [];
        const needed = columnsOptionsNeed(node);
        if (needed) cols = [...new Set([...cols, ...needed])];
        if (needed && args && close && close.type === ')') {
          const isEmpty = args.namedChildren.filter((x) => x && x.type !== 'comment').length === 0;
          fixes.push({
            title: `Read only ${cols.length} column${cols.length === 1 ? '' : 's'} with ${param}=`,
            edits: [insertAt(close.startPosition.row, close.startPosition.column, `${isEmpty ? '' : ', '}${param}=${JSON.stringify(cols).replace(/,/g, ', ')}`)],
            safety: 'safe' as const,
          });
        }
        ctx.report({
          node,
          message: `${c.last} parses and stores every column, then only ${cols.map((x) => JSON.stringify(x)).join(', ')} ${cols.length === 1 ? 'is' : 'are'} kept: peak memory is the whole table. Pass ${param}=${JSON.stringify(cols)}${needed ? '' : ' plus the columns its other options name (by position or renamed here)'} so the other columns are never stored.`,
          fixes,
        });
      },
    };
  },
};
