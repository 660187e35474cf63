// localNames.ts shadowedIn: which mentions of a name inside a function are another scope's (a nested function or
// lambda with its own local of the name), on real parse trees. Every mention of `rows` in TEXT is marked by the
// comment at the end of its line: `# own` (the nested function's own local) or `# outer` (the outer function's).
import * as assert from 'assert';
import type { Node } from 'web-tree-sitter';
import { shadowedIn } from '../../../../extension/src/core/lint/python/localNames';
import { loadPython, parsePython } from '../../../../extension/src/core/lint/python/parser';

const TEXT = `def load(path, limit=10):
    rows = read(path)  # outer

    def by_param(rows):  # own
        return rows[0]  # own

    def by_assignment():
        first = rows[0]  # own
        rows = [first]  # own
        return rows  # own

    def closure(i):
        return rows[i]  # outer

    def by_loop():
        for rows in chunks():  # own
            print(rows)  # own

    def declared():
        nonlocal rows  # outer
        rows = []  # outer

    def default(n=len(rows)):  # outer
        return n

    def by_comprehension():
        print(rows)  # outer
        return [r for rows in chunks() for r in rows]  # outer outer

    def by_nested_def():
        def rows():  # own
            return 1
        return rows()  # own

    def deeper():
        def inner():
            return rows[1]  # outer
        return inner

    def deeper_own(rows):  # own
        def inner():
            return rows[1]  # own
        return inner

    key = lambda rows: rows[0]  # own own
    pick = lambda i: rows[i]  # outer
    return rows  # outer
`;

describe('localNames.shadowedIn: mentions of a nested function’s own local', () => {
  it('tells the nested functions’ and lambdas’ own `rows` from the outer one', async () => {
    const loaded = await loadPython();
    const tree = parsePython(loaded, TEXT);
    try {
      const scope = tree.rootNode.namedChild(0)!;
      const memo = new Map<number, boolean>();
      const found: string[] = [];
      const expected: string[] = [];
      const lines = TEXT.split('\n');
      const mentions = scope.descendantsOfType('identifier').filter((n): n is Node => !!n && n.text === 'rows');
      for (const id of mentions) found.push(`${id.startPosition.row + 1}:${shadowedIn(id, scope, memo) ? 'own' : 'outer'}`);
      lines.forEach((line, i) => {
        for (const m of (line.split('#')[1] ?? '').trim().split(/\s+/).filter(Boolean)) expected.push(`${i + 1}:${m}`);
      });
      // the comprehension's own `for rows` target and its read are the comprehension's scope, which this does not
      // model: both stay the outer name's (as before), so that line says `outer outer`.
      assert.ok(found.length >= 20, String(found.length));
      assert.deepStrictEqual(found, expected);
    } finally {
      tree.delete();
    }
  });
});
