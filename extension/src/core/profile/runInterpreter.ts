// The interpreter that ran a profiled script, as the run file records it: for Python, what the helper reported
// in its first record (no separate probe process); a missing report means the executable could not run the helper.
import type { HelperChannel } from './helperChannel';
import { noInterpreterError, type Interpreter } from './interpreter';
import type { LogLine } from './runFileTypes';

/**
 * The interpreter that ran the script. Python: from the helper's first record (`V`); when it never came, the
 * executable is not a Python 3 that can run the helper, and the error says which setting or flag to fix.
 */
export function resolvedInterpreter(
  kind: 'python' | 'node',
  script: string,
  exe: string,
  nodeInterp: Interpreter | undefined,
  channel: Pick<HelperChannel, 'interpreter'>,
  end: { exitCode: number | null; signal: NodeJS.Signals | null; logs: LogLine[]; stopped: boolean },
  log: (message: string) => void,
): Interpreter {
  if (nodeInterp) return nodeInterp;
  const reported = channel.interpreter;
  if (reported && !reported.version.startsWith('3.')) {
    throw noInterpreterError(kind, script, [`${exe}: it is Python ${reported.version}; Memwise needs Python 3`]);
  }
  if (!reported) {
    if (end.stopped) return { kind, path: exe, version: '' }; // cancelled before the helper started
    const said = end.logs
      .filter((l) => l.stream === 'stderr')
      .slice(-3)
      .map((l) => l.text.trim())
      .join(' ')
      .slice(0, 300);
    const how = end.signal ? `killed by ${end.signal}` : `exit code ${end.exitCode}`;
    throw noInterpreterError(kind, script, [`${exe} did not start Memwise's Python helper (${how}${said ? `: ${said}` : ', no output'}); is it a Python 3 interpreter?`]);
  }
  log(`Interpreter: ${exe} → ${reported.path} (Python ${reported.version})`);
  return { kind, path: reported.path || exe, version: reported.version };
}
