// What the editor path keeps from one run to the next. Operations found in hot code are kept per top-level chunk
// (operatorScan.ts): a chunk an edit only moved takes them from the previous run, shifted, and its nodes are looked
// up only when a rule visits them. Whole-text probes are one per regex source (readLog.ts). Every re-lint here
// must equal a fresh lint of the same text, in every field.
import * as assert from 'assert';
import { toIncrementalEdit } from '../../../../extension/src/core/lint/incrementalEdit';
import type { LanguageLintResult } from '../../../../extension/src/core/lint/types';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';
import type { PythonParseState } from '../../../../extension/src/core/lint/python/parser';
import { topLevelChunks } from '../../../../extension/src/core/lint/python/facts/readUnits';
import { operatorsInHotCode, type ChunkOps } from '../../../../extension/src/core/lint/python/operatorScan';
import { loadPython, parsePython } from '../../../../extension/src/core/lint/python/parser';
import { testProbe } from '../../../../extension/src/core/lint/python/facts/readLog';
import { change } from '../textChanges';

const all = { isEnabled: () => true };
const snapshotOf = (r: LanguageLintResult) => (r.state as PythonParseState).snapshot!;
const at = (r: LanguageLintResult) => r.findings.map((f) => `${f.rule}@${f.range.startLine}`);

describe('operations of hot code kept across edits (Python)', () => {
  const results: LanguageLintResult[] = [];
  afterEach(() => {
    for (const r of results.splice(0)) r.state?.dispose?.();
  });

  /** An editor session's second run on `text` (the first records nothing to reuse). */
  async function opened(text: string): Promise<LanguageLintResult> {
    const first = await pythonLinter.lint({ path: 'o.py', text, ...all });
    const second = await pythonLinter.lint({ path: 'o.py', text, ...all, previous: first.state, edits: [] });
    results.push(first, second);
    return second;
  }

  /** `prev`'s text with `from` (its first occurrence) replaced by `to`, re-linted; asserted equal to a fresh lint. */
  async function relint(prev: LanguageLintResult, text: string, from: string, to: string): Promise<{ result: LanguageLintResult; text: string }> {
    const start = text.indexOf(from);
    assert.ok(start >= 0, `${from} is in the text`);
    const after = text.slice(0, start) + to + text.slice(start + from.length);
    const result = await pythonLinter.lint({ path: 'o.py', text: after, ...all, previous: prev.state, edits: [toIncrementalEdit(change(text, start, start + from.length, to))] });
    const fresh = await pythonLinter.lint({ path: 'o.py', text: after, ...all });
    results.push(result, fresh);
    assert.deepStrictEqual(result.findings, fresh.findings);
    assert.deepStrictEqual(result.notices, fresh.notices);
    return { result, text: after };
  }

  it('keeps a moved function’s operations, and looks their node up when its helper changes', async () => {
    const before = 'import sys\n\n\ndef load():\n    return 1\n\n\ndef use():\n    a = load() * 2\n    b = sys.argv[2] * 3\n    return a, b\n';
    const first = await opened(before);
    assert.deepStrictEqual(at(first), ['MW101@9']);
    const useChunk = first.findings.length ? snapshotOf(first).topChunks.findIndex((c) => before.slice(c.start).startsWith('def use')) : -1;
    const kept = snapshotOf(first).ops[useChunk];
    assert.ok(kept && kept.ops.length === 2, 'both operations of use() were found');
    // Two lines added to load(): use() only moves, keeps its operations (the same record), and its first
    // operation is evaluated again (its operand went through load), from a node looked up by the kept position.
    const second = await relint(first, before, '    return 1\n', '    x = 0\n    y = 0\n    return sys.argv[1]\n');
    assert.deepStrictEqual(at(second.result), ['MW101@10', 'MW101@11']);
    assert.strictEqual(snapshotOf(second.result).ops[useChunk], kept);
    assert.strictEqual(second.result.state && (second.result.state as PythonParseState).reusedCandidates, 1);
  });

  it('takes a chunk’s kept operations only for the same hot ranges, else scans its text again', async () => {
    const text = 'import sys\n\n\nclass C:\n    def load(self):\n        self.x = sys.argv[1]\n        return self.x * 2\n\n    def bump(self, v):\n        return v + 1\n';
    const loaded = await loadPython();
    const tree = parsePython(loaded, text);
    results.push({ findings: [], notices: [], state: { dispose: () => tree.delete() } });
    const chunks = topLevelChunks(tree.rootNode, text);
    const ci = chunks.findIndex((c) => text.slice(c.start).startsWith('class C'));
    const cls = chunks[ci];
    const bump = text.indexOf('    def bump');
    const types = new Set(['binary_operator']);
    const scan = (hot: { start: number; end: number }[], carried?: ChunkOps) => {
      const found: string[] = [];
      const kept = operatorsInHotCode(tree.rootNode, text, chunks, (pos) => chunks.findIndex((c) => c.start <= pos && pos < c.end), hot, types, carried ? Object.assign([], { [ci]: carried }) : undefined, (op) => found.push(text.slice(op.start, op.end)));
      return { found, kept: kept[ci] };
    };
    // load() alone is hot: its `self.x * 2`; then bump() too: its `v + 1` is found although load's record was kept.
    const loadOnly = scan([{ start: cls.start + 'class C:\n'.length, end: bump }]);
    assert.deepStrictEqual(loadOnly.found, ['self.x * 2']);
    const both = scan([{ start: cls.start + 'class C:\n'.length, end: bump }, { start: bump, end: cls.end }], loadOnly.kept);
    assert.deepStrictEqual(both.found, ['self.x * 2', 'v + 1']);
    // The same hot ranges take the kept record as it is, without reading the text or the tree again.
    const again = scan([{ start: cls.start + 'class C:\n'.length, end: bump }, { start: bump, end: cls.end }], { key: both.kept!.key, ops: [{ at: 1, start: 0, end: 3, type: 'binary_operator' }] });
    assert.deepStrictEqual(again.found, ['cla']);
  });

  it('shares one probe per regex source, which answers on its own regex whatever walks the asker’s', () => {
    const mine = /\bos\b[^\n=()]*=/g;
    const theirs = new RegExp(mine.source, mine.flags);
    const probe = testProbe(mine);
    assert.strictEqual(testProbe(theirs), probe);
    mine.lastIndex = 20; // a search over the text is under way
    assert.strictEqual(probe.value('import os\nos = 1\n'), 'true');
    assert.strictEqual(probe.value('import os\n'), 'false');
    assert.strictEqual(mine.lastIndex, 20);
    assert.notStrictEqual(testProbe(/\bos\b[^\n=()]*=/), probe, 'other flags, other question');
  });
});
