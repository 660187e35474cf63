import * as assert from 'assert';
import { parseFromWebview } from '../../../extension/src/core/webviewProtocol';

describe('webviewProtocol: messages from the webview are validated', () => {
  it('accepts the known shapes', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview({ type: 'openSource', file: '/w/a.py', line: 3 }), { type: 'openSource', file: '/w/a.py', line: 3 });
    assert.deepStrictEqual(parseFromWebview({ type: 'openSource', file: '/w/nb.ipynb', line: 2, cell: 4 }), { type: 'openSource', file: '/w/nb.ipynb', line: 2, cell: 4 });
    assert.strictEqual(parseFromWebview({ type: 'openSource', file: '/w/nb.ipynb', line: 2, cell: -1 }), undefined);
    assert.strictEqual(parseFromWebview({ type: 'openSource', file: '/w/nb.ipynb', line: 2, cell: '3' }), undefined);
    assert.deepStrictEqual(parseFromWebview({ type: 'compare', runFilePath: '/w/.memwise/runs/run-1.json' }), { type: 'compare', runFilePath: '/w/.memwise/runs/run-1.json' });
    assert.deepStrictEqual(parseFromWebview({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepStrictEqual(parseFromWebview({ type: 'export', format: 'json' }), { type: 'export', format: 'json' });
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.deepStrictEqual(parseFromWebview({ type: 'exportPng', dataUrl: png }), { type: 'exportPng', dataUrl: png });
  });

  it('drops extra fields (only the validated ones reach the extension)', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'openSource', file: 'a.py', line: 1, command: 'rm -rf /' }), { type: 'openSource', file: 'a.py', line: 1 });
  });

  const invalid: [string, unknown][] = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['unknown type', { type: 'runCommand', command: 'x' }],
    ['no type', { file: 'a.py', line: 1 }],
    ['openSource without file', { type: 'openSource', line: 1 }],
    ['openSource with empty file', { type: 'openSource', file: '', line: 1 }],
    ['openSource with a NUL in the path', { type: 'openSource', file: 'a\0.py', line: 1 }],
    ['openSource with line 0', { type: 'openSource', file: 'a.py', line: 0 }],
    ['openSource with fractional line', { type: 'openSource', file: 'a.py', line: 1.5 }],
    ['openSource with line as text', { type: 'openSource', file: 'a.py', line: '3' }],
    ['openSource with a huge path', { type: 'openSource', file: 'a'.repeat(5000), line: 1 }],
    ['compare without path', { type: 'compare' }],
    ['compare with a number', { type: 'compare', runFilePath: 42 }],
    ['export of an unknown format', { type: 'export', format: 'exe' }],
    ['exportPng that is not a PNG data URL', { type: 'exportPng', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' }],
    ['exportPng with junk after the prefix', { type: 'exportPng', dataUrl: 'data:image/png;base64,<script>' }],
    ['exportPng too large', { type: 'exportPng', dataUrl: 'data:image/png;base64,' + 'A'.repeat(33 * 1024 * 1024) }],
  ];
  for (const [what, raw] of invalid) {
    it(`ignores ${what}`, () => assert.strictEqual(parseFromWebview(raw), undefined));
  }
});
