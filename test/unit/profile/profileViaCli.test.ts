// The editor's out-of-process profile: the real CLI as a child process, events as ndjson on fd 3.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { profileViaCli } from '../../../extension/src/core/profile/profileViaCli';
import type { ProfileEvent } from '../../../extension/src/core/profile/runFileTypes';
import { running, tempDir, waitForFile } from './processHelpers';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const fixtures = path.join(repo, 'test', 'fixtures', 'profile');

describe('profiling out of process (the extension\'s path)', function () {
  this.timeout(60000);

  it('streams start, samples with locations and log lines, then the saved run', async () => {
    const runsDir = tempDir('via-cli');
    const events: ProfileEvent[] = [];
    const messages: string[] = [];
    const { run, runPath } = await profileViaCli({
      script: path.join(fixtures, 'request_log.py'),
      args: ['100000'],
      cwd: fixtures,
      runsDir,
      keep: 5,
      onEvent: (e) => events.push(e),
      log: (m) => messages.push(m),
    });
    assert.strictEqual(run.exitCode, 0);
    assert.ok(runPath && fs.existsSync(runPath) && path.dirname(runPath) === runsDir);
    assert.strictEqual(events[0].type, 'start');
    assert.ok(events.some((e) => e.type === 'sample' && e.location), 'live samples carry the running line');
    assert.deepStrictEqual(events.filter((e) => e.type === 'log').map((e) => (e as { line: { text: string } }).line.text), ['loaded 100000 rows', 'converted 100000 rows']);
    assert.strictEqual(events.at(-1)?.type, 'end');
    assert.ok(messages.some((m) => m.startsWith('Profiling: ')), 'the CLI\'s log messages arrive as message events');
    assert.ok(run.sampling!.achievedHz > 50);
  });

  it('cancel stops the whole tree and returns the saved run marked cancelled', async () => {
    const runsDir = tempDir('via-cli-cancel');
    const pidFile = path.join(runsDir, 'pid');
    const ac = new AbortController();
    const result = profileViaCli({ script: path.join(fixtures, 'hostile', 'term_ignoring_child.py'), args: [pidFile], cwd: runsDir, runsDir, keep: 5, memoryCapBytes: 4 * 1024 ** 3, signal: ac.signal });
    const child = Number(await waitForFile(pidFile));
    ac.abort();
    const { run, runPath } = await result;
    assert.strictEqual(run.cancelled, true);
    assert.ok(runPath && fs.existsSync(runPath));
    assert.ok(!running(child), 'the SIGTERM-ignoring child survived the cancel');
  });

  it('without a runs dir nothing is saved and the run itself comes down the wire (the estimate samples)', async () => {
    const cwd = tempDir('via-cli-nosave');
    const { run, runPath } = await profileViaCli({ script: path.join(fixtures, 'hostile', 'sleeper_child.py'), args: ['0.1'], cwd });
    assert.strictEqual(runPath, undefined);
    assert.strictEqual(run.exitCode, 0);
    assert.deepStrictEqual(run.logs.map((l) => l.text), ['parent done']);
    assert.deepStrictEqual(fs.readdirSync(cwd), []);
  });

  it("keeps the extension host's own variables (ELECTRON_RUN_AS_NODE, VSCODE_*) out of the script's environment", async () => {
    // The mocha process stands in for the extension host: the variables an Electron or code-server host carries.
    const cwd = tempDir('via-cli-env');
    const script = path.join(cwd, 'env.py');
    fs.writeFileSync(script, 'import json, os\nprint(json.dumps(sorted(k for k in os.environ if k.startswith(("ELECTRON", "VSCODE", "MEMWISE_UNSET", "HOSTENV_")))))\n');
    const host = { ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ATTACH_CONSOLE: '1', VSCODE_IPC_HOOK: '/tmp/vscode-ipc.sock', VSCODE_NLS_CONFIG: '{}', VSCODE_PORTABLE: '/opt/code-data', HOSTENV_USER_VAR: 'kept' };
    const saved = Object.fromEntries(Object.keys(host).map((k) => [k, process.env[k]]));
    Object.assign(process.env, host);
    try {
      const { run } = await profileViaCli({ script, args: [], cwd, env: { HOSTENV_FROM_SETTINGS: 'kept' } });
      assert.strictEqual(run.exitCode, 0, JSON.stringify(run.logs));
      const seen = JSON.parse(run.logs.find((l) => l.stream === 'stdout')!.text) as string[];
      // None of the host's or the CLI's own variables get through; the user's and the settings' ones do.
      assert.deepStrictEqual(seen, ['HOSTENV_FROM_SETTINGS', 'HOSTENV_USER_VAR', 'VSCODE_PORTABLE']);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('a script that cannot be profiled rejects with the CLI\'s reason', async () => {
    await assert.rejects(
      profileViaCli({ script: path.join(fixtures, 'request_log.py'), args: [], cwd: fixtures, runsDir: tempDir('via-cli-bad'), keep: 1, interpreter: '/nonexistent/python9' }),
      /python9/,
    );
  });
});
