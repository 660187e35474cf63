// The command line a user would have typed ("python3 script.py --rows 10"), recovered from the command the
// profiler really ran (the interpreter, Memwise's helper or preload flags, the script, its arguments). The
// profile view's header shows this one, live and after the run: the helper is an implementation detail.
import { formatArgs } from '../profile/launchConfig';

/** `command`: what was spawned; `script`: the profiled script (absolute or as given). */
export function userCommandLine(command: readonly string[], script: string, opts: { cwd?: string; interpreterPath?: string } = {}): string {
  const cmd = Array.isArray(command) ? command : [];
  const at = cmd.findIndex((c) => c === script || (!!script && (c.endsWith('/' + script) || script.endsWith('/' + c) || c.endsWith('\\' + script))));
  if (at < 0) return cmd.length ? cmd.join(' ') : script;
  const args = cmd.slice(at + 1);
  const exe = opts.interpreterPath || cmd[0] || '';
  const interp = exe.replace(/^.*[\\/]/, '');
  const cwd = opts.cwd;
  const shown = cwd && script.startsWith(cwd) ? script.slice(cwd.length).replace(/^[\\/]/, '') : script;
  // Quoted as a shell needs them, so the header can be copied and run.
  return [interp, shown, formatArgs(args)].filter(Boolean).join(' ');
}
