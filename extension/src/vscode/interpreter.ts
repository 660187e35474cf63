// Which interpreter runs a profiled script in VS Code, in the documented order; every decision is logged.
//   1. the Python extension's selected interpreter (@vscode/python-extension), when ms-python is installed;
//   2. memwise.pythonPath (machine-scoped; ignored in untrusted workspaces by VS Code itself);
//   3. python3 / python on PATH (resolved by the core's findInterpreter).
// Node scripts: memwise.nodePath, then node on PATH.
import * as vscode from 'vscode';
import { scriptKind } from '../core/profile/interpreter';

export async function pickInterpreter(script: vscode.Uri, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const kind = scriptKind(script.fsPath);
  const config = vscode.workspace.getConfiguration('memwise', script);
  if (kind === 'node') {
    const nodePath = config.get<string>('nodePath')?.trim();
    if (nodePath) {
      log.info(`Interpreter: memwise.nodePath = ${nodePath}`);
      return nodePath;
    }
    log.info('Interpreter: memwise.nodePath is not set; using node on PATH.');
    return undefined;
  }
  const fromExtension = await pythonExtensionInterpreter(script, log);
  if (fromExtension) return fromExtension;
  const pythonPath = config.get<string>('pythonPath')?.trim();
  if (pythonPath) {
    log.info(`Interpreter: memwise.pythonPath = ${pythonPath}`);
    return pythonPath;
  }
  log.info('Interpreter: memwise.pythonPath is not set; trying python3, then python on PATH.');
  return undefined;
}

async function pythonExtensionInterpreter(script: vscode.Uri, log: vscode.LogOutputChannel): Promise<string | undefined> {
  if (!vscode.extensions.getExtension('ms-python.python')) {
    log.info('Interpreter: the Python extension (ms-python.python) is not installed; skipping it.');
    return undefined;
  }
  try {
    const { PythonExtension } = await import('@vscode/python-extension');
    const api = await PythonExtension.api();
    const active = api.environments.getActiveEnvironmentPath(script);
    const env = await api.environments.resolveEnvironment(active);
    const exe = env?.executable.uri?.fsPath;
    if (exe) {
      log.info(`Interpreter: selected in the Python extension: ${exe}`);
      return exe;
    }
    log.info(`Interpreter: the Python extension's environment ${active.path} has no executable; falling back.`);
  } catch (err) {
    log.warn(`Interpreter: could not ask the Python extension (${err instanceof Error ? err.message : String(err)}); falling back.`);
  }
  return undefined;
}
