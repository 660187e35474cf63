// The profile webview is untrusted input: it may make the extension open only files the shown run (or
// live profile) names, and a reloaded panel may reopen only run/estimate files the extension showed.
import * as assert from 'assert';
import type { ProfileEvent, RunFile } from '../../../extension/src/core/profile/runFileTypes';
import { filesNamedByRun, mayOpenSource, noteLiveEvent, parsePanelState, rememberShownFile } from '../../../extension/src/core/webviewPaths';

const run: RunFile = {
  schema: 'memwise.run/1',
  peakBytes: 1,
  samples: { t: [0], rss: [1] },
  locations: [{ file: '/w/loc.py', line: 2, function: 'f' }],
  processes: [],
  lines: [{ file: '/w/lines.py', line: 3, function: 'g', growthBytes: 10, samples: 1 }],
  functions: [{ file: 'rel/funcs.py', function: 'h', growthBytes: 10, samples: 1 }],
  logs: [{ t: 0, stream: 'stdout', text: '/etc/passwd' }],
  exitCode: 1,
  durationS: 1,
  stoppedAtCap: false,
  startedAt: '2026-01-01T00:00:00Z',
  script: '/w/script.py',
  cwd: '/w',
  command: ['/usr/bin/python3', '/w/script.py', '/w/data.csv'],
  interpreter: { kind: 'python', path: '/usr/bin/python3', version: '3.11' },
  platform: { os: 'linux', release: '6', arch: 'x64', totalMemBytes: 1, cpus: 2 },
  trace: { overheadNote: '', top: [{ file: '/w/trace.py', line: 1, function: 'k', sizeBytes: 1, count: 1 }] },
  error: { message: 'boom', frames: [{ file: '/w/frame.py', line: 9, function: 'main' }] },
};

describe('webviewPaths: the files a profile webview may name', () => {
  it('a run names its script, table rows, functions, locations, trace and traceback files', () => {
    assert.deepStrictEqual(new Set(filesNamedByRun(run)), new Set(['/w/lines.py', 'rel/funcs.py', '/w/loc.py', '/w/trace.py', '/w/frame.py', '/w/script.py']));
  });

  it('openSource: only files the shown run names, compared exactly', () => {
    const shown = { kind: 'run', run } as const;
    for (const f of filesNamedByRun(run)) assert.ok(mayOpenSource(f, shown), f);
    for (const f of ['/etc/passwd', '/w/data.csv', '/usr/bin/python3', '/w/../etc/passwd', '/w/lines.py/', '/w/Lines.py', 'funcs.py', '']) {
      assert.strictEqual(mayOpenSource(f, shown), false, `${f} (printed by the script or in its command line, not a source the run names)`);
    }
  });

  it('openSource during a live profile: the script and the files the streamed samples pointed at, nothing else', () => {
    const files = new Set<string>();
    const events: ProfileEvent[] = [
      { type: 'start', pid: 1, command: ['/usr/bin/python3', '/w/script.py', '/home/u/.ssh/id_rsa'], startedAt: '' },
      { type: 'sample', t: 0.1, rss: 1, peak: 1 },
      { type: 'sample', t: 0.2, rss: 1, peak: 1, location: { file: '/w/module.py', line: 4, function: 'f' } },
      { type: 'log', line: { t: 0.3, stream: 'stdout', text: '/etc/shadow' } },
    ];
    for (const e of events) noteLiveEvent(files, e);
    const shown = { kind: 'live', script: '/w/script.py', files } as const;
    assert.ok(mayOpenSource('/w/script.py', shown));
    assert.ok(mayOpenSource('/w/module.py', shown));
    for (const f of ['/etc/shadow', '/home/u/.ssh/id_rsa', '/usr/bin/python3', '/w/other.py']) assert.strictEqual(mayOpenSource(f, shown), false, f);
  });

  it('openSource from an estimate or the empty view: nothing', () => {
    assert.strictEqual(mayOpenSource('/w/script.py', { kind: 'other' }), false);
  });

  it('a reloaded panel reopens only a .json file the extension showed', () => {
    const shown = ['/w/.memwise/runs/run-1.json', '/w/.memwise/estimates/e-1.json'];
    assert.deepStrictEqual(parsePanelState({ runFilePath: shown[0] }, shown), { runFilePath: shown[0] });
    assert.deepStrictEqual(parsePanelState({ estimateFilePath: shown[1] }, shown), { estimateFilePath: shown[1] });
    assert.deepStrictEqual(parsePanelState({ runFilePath: shown[0], extra: 'x' }, shown), { runFilePath: shown[0] });
    const refused: unknown[] = [
      undefined,
      null,
      'run-1.json',
      [shown[0]],
      {},
      { runFilePath: '/etc/passwd' }, // never shown
      { runFilePath: '/w/.memwise/runs/run-2.json' }, // plausible, but never shown
      { estimateFilePath: '/home/u/.aws/credentials.json' },
      { runFilePath: 42 },
      { runFilePath: 'w/.memwise/runs/run-1.json' }, // relative
      { runFilePath: shown[0] + '\0' },
    ];
    for (const raw of refused) assert.deepStrictEqual(parsePanelState(raw, shown), {}, JSON.stringify(raw));
    // A shown path that is not JSON (cannot happen through the extension) is still refused.
    assert.deepStrictEqual(parsePanelState({ runFilePath: '/w/notes.txt' }, ['/w/notes.txt']), {});
  });

  it('remembers shown files newest last, without duplicates, bounded', () => {
    let list: string[] = [];
    for (let i = 0; i < 60; i++) list = rememberShownFile(list, `/r/${i}.json`, 50);
    assert.strictEqual(list.length, 50);
    assert.strictEqual(list[0], '/r/10.json');
    list = rememberShownFile(list, '/r/20.json', 50);
    assert.strictEqual(list.at(-1), '/r/20.json');
    assert.strictEqual(list.filter((f) => f === '/r/20.json').length, 1);
  });
});
