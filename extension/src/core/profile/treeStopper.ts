// Stops every process of a profiled tree: its process group, and each pid the poller ever saw in the tree
// (children that left the group with setsid, orphans reparented away from it). SIGTERM first, then SIGKILL
// after a grace period, and the caller awaits the SIGKILL follow-up: a CLI that exits before it would leave a
// process that ignores SIGTERM running (the timer used to be unref'd and lost that race).
// With a cgroup around the tree, everything in it is stopped too, even what left the tree unseen, and the
// SIGKILL round ends with the cgroup empty (cgroup.kill on v2; SIGKILL per listed pid until empty on v1).
import * as fs from 'fs';
import type { CgroupBox } from './cgroupBox';

export class TreeStopper {
  /** Every pid seen in the tree (the root excluded), with its start time to tell a reused pid apart. */
  private readonly seen = new Map<number, string>();
  private stopping?: Promise<void>;

  constructor(
    private readonly rootPid: number,
    private readonly ownGroup: boolean,
    private readonly box?: CgroupBox,
  ) {}

  /** Remember a pid of the tree (called for every reading of the poller). */
  track(pid: number): void {
    if (pid !== this.rootPid && !this.seen.has(pid)) this.seen.set(pid, startTime(pid));
  }

  /** Pids still running that the tree once held, or that are in its cgroup (the root excluded). */
  survivors(): number[] {
    const seen = [...this.seen.keys()].filter((p) => this.isSame(p) && running(p));
    const boxed = (this.box?.pids() ?? []).filter((p) => p !== this.rootPid && !seen.includes(p));
    return [...seen, ...boxed];
  }

  /** SIGTERM now, SIGKILL after `graceMs` unless all are gone sooner; resolves once SIGKILL went out. */
  stop(graceMs: number): Promise<void> {
    // One stop at a time; a later call (more processes found holding the pipes) starts another round.
    if (this.stopping) return this.stopping;
    this.signalAll('SIGTERM');
    const round = (async () => {
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline && this.anyRunning()) await sleep(20);
      this.signalAll('SIGKILL');
      if (this.box) await this.box.killAll(1000);
      // SIGKILL cannot be caught; give the kernel a moment to tear the processes down.
      const gone = Date.now() + 1000;
      while (Date.now() < gone && this.anyRunning()) await sleep(10);
      this.stopping = undefined;
    })();
    this.stopping = round;
    return round;
  }

  private anyRunning(): boolean {
    return (this.rootPid > 0 && running(this.rootPid)) || this.survivors().length > 0;
  }

  private isSame(pid: number): boolean {
    const t = this.seen.get(pid);
    return t !== undefined && t !== '' && startTime(pid) === t;
  }

  private signalAll(sig: NodeJS.Signals): void {
    const kill = (p: number) => {
      try {
        process.kill(p, sig);
      } catch {
        /* already gone */
      }
    };
    if (this.rootPid > 0) kill(this.ownGroup ? -this.rootPid : this.rootPid);
    if (this.ownGroup && this.rootPid > 0) kill(this.rootPid); // the root may have left its group too
    for (const p of this.seen.keys()) if (this.isSame(p)) kill(p);
    this.box?.signal(sig);
  }
}

/** Field 22 of /proc/PID/stat (start time in clock ticks): a pid reused by another process has another one. */
function startTime(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Alive and not a zombie (a zombie holds no memory and cannot be killed further). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
