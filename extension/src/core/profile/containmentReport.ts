// What a run records about how well its process tree was contained: warnings, and the descendants left running
// when the script ended (docs/run-file.md, "Containment: what holds, and where").
import type { HelperChannel } from './helperChannel';
import type { LeftoverProcess } from './runFileTypes';

/** The helper's `L` records, plus the strays only the runner saw (Node scripts, early escapes), one line each. */
export function leftoverProcesses(channel: HelperChannel, strays: number[], commandOf: (pid: number) => string, action: LeftoverProcess['action']): LeftoverProcess[] {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');
  const out = channel.leftovers.map((l) => ({ ...l, command: oneLine(l.command) }));
  for (const pid of strays) if (!out.some((l) => l.pid === pid)) out.push({ pid, command: oneLine(commandOf(pid)), action });
  return out;
}

/** What the user should know about how well the tree was contained in this run. */
export function containmentWarnings(kind: 'python' | 'node', channel: HelperChannel, end: { exitCode: number | null; stopped: boolean; processes: number }): string[] {
  const w: string[] = [];
  if (kind === 'python' && channel.interpreter && end.exitCode !== null && !end.stopped && !channel.exitPeak && channel.execAt === undefined) {
    w.push("the script closed or replaced Memwise's channel (fd) before it ended, so line attribution stopped there; the memory timeline is complete");
  }
  if (kind === 'node' && end.processes > 1 && process.platform === 'linux') {
    w.push('Node scripts run without a child subreaper: a descendant that detaches (setsid + double fork) before the poller sees it leaves the measured tree; Python scripts keep such descendants in the tree');
  }
  return w;
}
