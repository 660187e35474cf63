// Reads the memory of a whole process tree from OUTSIDE the profiled program. An external poller keeps
// sampling while the target sits in a 300 ms GC pause or a long C call (an in-process sampler is blind
// then), and it needs no cooperation from the target. One implementation per OS behind one interface.
import * as fs from 'fs';
import * as os from 'os';

export interface ProcessReading {
  pid: number;
  ppid: number;
  /** Resident set size now, bytes. */
  rssBytes: number;
  /** Peak resident set size since the previous reading (exact when `exactIntervalPeaks`), bytes. */
  intervalPeakBytes: number;
  command: string;
}

export interface ProcessTreeSampler {
  /** How peaks are obtained, recorded in the run file as `sampling.peakMethod`. */
  readonly peakMethod: string;
  /** One reading of every live process in the tree rooted at `rootPid` (empty when the root is gone). */
  read(rootPid: number): ProcessReading[];
  /** Release what the sampler holds open (file descriptors); reading again reopens them. */
  dispose(): void;
}

export interface SamplerOptions {
  /**
   * Reset each process's VmHWM after reading it (Linux: write "5" to /proc/PID/clear_refs) so the next
   * VmHWM is the exact peak of the next interval. Trade-off: the target's own VmHWM / ru_maxrss is reset
   * too. Default true — see docs/run-file.md.
   */
  exactIntervalPeaks?: boolean;
  /** Rescan all of /proc for new children every this many reads (known tree pids are read every time). */
  rescanEvery?: number;
  /** More pids of the run found on each rescan: the processes of its cgroup, even ones that left the tree. */
  extraPids?: () => number[];
}

export function createProcessTreeSampler(options: SamplerOptions = {}, platform: NodeJS.Platform = process.platform): ProcessTreeSampler {
  if (platform === 'linux') return new LinuxProcSampler(options);
  // macOS: proc_pid_rusage(RUSAGE_INFO_V4).ri_phys_footprint / ri_lifetime_max_phys_footprint;
  // Windows: GetProcessMemoryInfo PeakWorkingSetSize + a Job object for the tree. Both need a native
  // helper, so they are not wired up yet.
  throw new Error(
    `Memwise profiling is not supported on ${platform} yet: the memory sampler reads Linux's /proc. ` +
      'Run the profiler on Linux (or WSL) for now.',
  );
}

/** Open per-process files, reused every tick: one pread/write per file instead of open + fstat + reads + close. */
interface ProcFiles {
  /** /proc/PID/status (read from offset 0 each time: the kernel regenerates it). */
  status: number;
  /** /proc/PID/clear_refs, or -1 when it cannot be opened (another user's process): not retried. */
  clearRefs: number;
}

/** Linux: /proc/PID/status for VmRSS and VmHWM; children found from /proc/PID/stat's ppid. */
export class LinuxProcSampler implements ProcessTreeSampler {
  readonly peakMethod: string;
  private readonly exact: boolean;
  private readonly rescanEvery: number;
  private readonly extraPids: () => number[];
  private reads = 0;
  private known = new Map<number, { ppid: number; command: string }>();
  private readonly hasChildrenFile: boolean;
  private files = new Map<number, ProcFiles>();
  // status is ~1.5 KB; grown if a kernel ever makes it longer.
  private buf = Buffer.alloc(4096);

  constructor(options: SamplerOptions = {}) {
    this.exact = options.exactIntervalPeaks !== false;
    this.rescanEvery = Math.max(1, options.rescanEvery ?? 5);
    this.extraPids = options.extraPids ?? (() => []);
    this.peakMethod = this.exact ? 'linux-vmhwm-clear_refs' : 'linux-vmhwm';
    this.hasChildrenFile = fs.existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
  }

  read(rootPid: number): ProcessReading[] {
    const rescan = this.reads++ % this.rescanEvery === 0;
    // A rescan keeps the pids already known even when they left the tree: an orphan reparented to init (its
    // parent exited, no subreaper held it) is still the script's and still counted.
    const pids = rescan || !this.known.has(rootPid) ? [...new Set([...this.discover(rootPid), ...this.known.keys(), ...this.extraPids()])] : [...this.known.keys()];
    const out: ProcessReading[] = [];
    for (const pid of pids) {
      // On a rescan also refresh the command line: a launcher (e.g. a pyenv shim) may have exec'd since.
      if (rescan) {
        const k = this.known.get(pid);
        if (k) k.command = readCommand(pid) || k.command;
      }
      const r = this.readOne(pid);
      if (r) out.push(r);
      else {
        this.known.delete(pid);
        this.close(pid);
      }
    }
    return out;
  }

  dispose(): void {
    for (const pid of [...this.files.keys()]) this.close(pid);
  }

  private close(pid: number): void {
    const f = this.files.get(pid);
    if (!f) return;
    this.files.delete(pid);
    for (const fd of [f.status, f.clearRefs]) {
      if (fd < 0) continue;
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
  }

  /** The process's open files, opened on first use. An fd on /proc/PID pins that process: after it exits,
   *  reads fail (ESRCH) instead of reading a new process that reused the pid. */
  private filesOf(pid: number): ProcFiles | undefined {
    let f = this.files.get(pid);
    if (f) return f;
    let status: number;
    try {
      status = fs.openSync(`/proc/${pid}/status`, 'r');
    } catch {
      return undefined; // exited between discovery and reading
    }
    let clearRefs = -1;
    if (this.exact) {
      try {
        clearRefs = fs.openSync(`/proc/${pid}/clear_refs`, 'w');
      } catch {
        // Not ours to reset (other user) — the readings stay valid, just not per-interval.
      }
    }
    this.files.set(pid, (f = { status, clearRefs }));
    return f;
  }

  private readStatus(fd: number): string | undefined {
    for (;;) {
      const n = fs.readSync(fd, this.buf, 0, this.buf.length, 0);
      if (n < this.buf.length) return this.buf.toString('latin1', 0, n);
      this.buf = Buffer.alloc(this.buf.length * 2);
    }
  }

  private readOne(pid: number): ProcessReading | undefined {
    const files = this.filesOf(pid);
    if (!files) return undefined;
    let text: string | undefined;
    try {
      text = this.readStatus(files.status);
    } catch {
      return undefined; // exited (ESRCH)
    }
    if (!text) return undefined;
    const rss = field(text, 'VmRSS:');
    const hwm = field(text, 'VmHWM:');
    if (rss === undefined) return undefined; // a zombie has no memory lines
    if (files.clearRefs >= 0) {
      try {
        fs.writeSync(files.clearRefs, '5');
      } catch {
        // Exited just now; the next read notices.
      }
    }
    const info = this.known.get(pid) ?? { ppid: Number(field(text, 'PPid:', 1) ?? 0), command: readCommand(pid) };
    this.known.set(pid, info);
    return { pid, ppid: info.ppid, rssBytes: rss, intervalPeakBytes: Math.max(hwm ?? rss, rss), command: info.command };
  }

  /** The root and all its descendants. */
  private discover(rootPid: number): number[] {
    const result = [rootPid];
    if (this.hasChildrenFile) {
      for (let i = 0; i < result.length; i++) result.push(...childrenOf(result[i]));
      return result;
    }
    const parent = new Map<number, number>();
    let entries: string[];
    try {
      entries = fs.readdirSync('/proc');
    } catch {
      return result;
    }
    for (const e of entries) {
      const c = e.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      const pid = Number(e);
      const known = this.known.get(pid);
      if (known) {
        parent.set(pid, known.ppid);
        continue;
      }
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
        // "pid (comm) state ppid ..." — comm may contain spaces and parentheses, so split after the last ')'.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(pid, Number(rest[1]));
      } catch {
        /* exited */
      }
    }
    const inTree = new Set([rootPid]);
    // Parents have lower pids usually, but not always (pid wrap): iterate until no change.
    let changed = true;
    while (changed) {
      changed = false;
      for (const [pid, ppid] of parent) {
        if (!inTree.has(pid) && inTree.has(ppid)) {
          inTree.add(pid);
          result.push(pid);
          changed = true;
        }
      }
    }
    return result;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'latin1').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    }
  } catch {
    /* exited */
  }
  return out;
}

function field(text: string, name: string, scale = 1024): number | undefined {
  const i = text.indexOf(name);
  if (i < 0) return undefined;
  let j = i + name.length;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  let n = 0;
  let any = false;
  for (let c = text.charCodeAt(j); c >= 48 && c <= 57; c = text.charCodeAt(++j)) {
    n = n * 10 + (c - 48);
    any = true;
  }
  return any ? n * scale : undefined;
}

function readCommand(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** Physical RAM, for the default memory cap. */
export function totalMemoryBytes(): number {
  return os.totalmem();
}
