// What a run records about how well its process tree was contained: warnings, and the descendants left running
// when the script ended (docs/run-file.md, "Containment: what holds, and where").
import type { CgroupBox } from './cgroupBox';
import type { HelperChannel } from './helperChannel';
import type { Containment, LeftoverProcess } from './runFileTypes';

/** The helper's `L` records, plus the strays only the runner saw (Node scripts, early escapes), one line each. */
export function leftoverProcesses(channel: HelperChannel, strays: number[], commandOf: (pid: number) => string, action: LeftoverProcess['action']): LeftoverProcess[] {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');
  const out = channel.leftovers.map((l) => ({ ...l, command: oneLine(l.command) }));
  for (const pid of strays) if (!out.some((l) => l.pid === pid)) out.push({ pid, command: oneLine(commandOf(pid)), action });
  return out;
}

/** What the user should know about how well the tree was contained in this run. */
export function containmentWarnings(kind: 'python' | 'node', channel: HelperChannel, end: { exitCode: number | null; stopped: boolean; processes: number; cgroup: boolean }): string[] {
  const w: string[] = [];
  if (kind === 'python' && channel.interpreter && end.exitCode !== null && !end.stopped && !channel.exitPeak && channel.execAt === undefined) {
    w.push("the script closed or replaced Memwise's channel (fd) before it ended, so line attribution stopped there; the memory timeline is complete");
  }
  if (kind === 'node' && end.processes > 1 && process.platform === 'linux' && !end.cgroup) {
    w.push('Node scripts run without a child subreaper: a descendant that detaches (setsid + double fork) before the poller sees it leaves the measured tree; Python scripts keep such descendants in the tree');
  }
  return w;
}

/** Moves `pid` into the cgroup; when the kernel refuses (and the helper did not get in either), the run goes on without it. */
export function joinOrDrop(box: CgroupBox, pid: number, warnings: string[]): CgroupBox | undefined {
  try {
    box.join(pid);
    return box;
  } catch (err) {
    if (box.pids().includes(pid)) return box;
    warnings.push(`the profiled process could not join the cgroup ${box.dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}); the run used process-tree containment`);
    return undefined;
  }
}

/**
 * At the end of a run: kills whatever is still in the cgroup (nothing of the tree outlives the run), reads the
 * kernel's figures, removes it, and returns the run's `containment` field (or why there was no cgroup).
 */
export async function closeCgroup(box: CgroupBox | undefined, reason: string | undefined, warnings: string[]): Promise<Containment> {
  if (!box) return reason ? { method: 'process-tree', reason } : { method: 'process-tree' };
  await box.killAll();
  const c: Containment = { method: box.version === 'v2' ? 'cgroup-v2' : 'cgroup-v1', cgroup: box.dir };
  if (box.hardLimitBytes !== undefined) c.hardLimitBytes = box.hardLimitBytes;
  const peak = box.peakBytes();
  if (peak !== undefined) c.cgroupPeakBytes = peak;
  const oom = box.oomKills();
  if (oom) c.oomKills = oom;
  if (!(await box.remove())) warnings.push(`the cgroup ${box.dir} could not be removed; remove it with rmdir once it is empty`);
  return c;
}
