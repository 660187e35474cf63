// The profiled script's environment when the editor starts it: the user's environment, not the extension
// host's. The host carries variables that only make sense inside VS Code (ELECTRON_RUN_AS_NODE turns any
// Electron app the script starts into plain Node; VSCODE_IPC_HOOK*, VSCODE_NLS_CONFIG, VSCODE_PID and the
// like point child programs at the editor's own sockets and settings). VS Code's integrated terminal and tasks
// leave the same two families out, so a script profiled from the editor sees what it sees in the terminal.

/** Host-only variables: every ELECTRON_* and VSCODE_* one, except those VS Code itself passes on to terminals. */
const HOST_ONLY = /^(ELECTRON_.+|VSCODE_(?!(PORTABLE|SHELL_LOGIN|ENV_REPLACE|ENV_APPEND|ENV_PREPEND)$).+)$/;

/** Variables the CLI needs for itself and must not pass to the script (comma-separated names). */
export const UNSET_FOR_SCRIPT = 'MEMWISE_UNSET_FOR_SCRIPT';

/** The environment for the CLI child the editor starts: host-only variables out, Node mode for Electron in. */
export function cliChildEnvironment(host: NodeJS.ProcessEnv, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(host)) if (!HOST_ONLY.test(k)) env[k] = v;
  Object.assign(env, extra);
  // Electron (the desktop extension host's executable) runs the CLI as plain Node with this; Node ignores it.
  // The CLI removes it again before it starts the script.
  env.ELECTRON_RUN_AS_NODE = '1';
  env[UNSET_FOR_SCRIPT] = 'ELECTRON_RUN_AS_NODE';
  return env;
}

/** In the CLI: remove what the editor set only for the CLI itself (see cliChildEnvironment). */
export function dropCliOnlyVariables(env: NodeJS.ProcessEnv): void {
  const names = env[UNSET_FOR_SCRIPT];
  if (names === undefined) return;
  for (const name of names.split(',')) if (name) delete env[name.trim()];
  delete env[UNSET_FOR_SCRIPT];
}
