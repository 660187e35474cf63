// A memory cgroup around the profiled process tree, where the machine gives Memwise a writable one (Linux).
// The kernel then accounts for every process of the tree, including ones that left it (setsid + double fork
// from a Node script, which has no subreaper), enforces a hard memory limit, and lets Memwise kill everything
// in it. cgroup v2 and v1 share this one interface and differ only in file names:
//   v2: memory.peak, memory.max, cgroup.kill, memory.events (oom_kill)        — untested on the dev machine (v1 only)
//   v1: memory.max_usage_in_bytes, memory.limit_in_bytes, memory.oom_control (oom_kill); no cgroup.kill, so
//       kill = SIGKILL every pid in cgroup.procs until it is empty
// Where none is writable (no root, a read-only /sys/fs/cgroup in a container, no delegation), the profiler
// keeps its process-tree containment (subreaper + /proc) and the run says why. See docs/run-file.md.
import * as fs from 'fs';
import * as path from 'path';

export type CgroupVersion = 'v2' | 'v1';

/** A directory Memwise may create its cgroup in. */
export interface CgroupParent {
  version: CgroupVersion;
  dir: string;
}

interface Layout {
  peak: string;
  limit: string;
  /** v2 only: writing "1" kills every process in the cgroup at once. */
  kill?: string;
  /** The file and key counting the kernel's OOM kills inside the cgroup. */
  oomFile: string;
}

const LAYOUT: Record<CgroupVersion, Layout> = {
  v2: { peak: 'memory.peak', limit: 'memory.max', kill: 'cgroup.kill', oomFile: 'memory.events' },
  v1: { peak: 'memory.max_usage_in_bytes', limit: 'memory.limit_in_bytes', oomFile: 'memory.oom_control' },
};

const NAME_PREFIX = 'memwise-';

/**
 * Where this process's own cgroups are (pure: from /proc/self/cgroup and /proc/self/mountinfo texts): the
 * cgroup v2 one first, then the cgroup v1 memory controller's. Only candidates; whether they are writable is
 * found by trying.
 */
export function cgroupParents(procCgroup: string, mountinfo: string): CgroupParent[] {
  const mounts = mountinfo
    .split('\n')
    .map((line) => {
      const [pre, post] = line.split(' - ');
      if (!post) return undefined;
      const f = pre.split(' ');
      const [fstype, , superOptions = ''] = post.split(' ');
      return { root: unescapeMount(f[3]), point: unescapeMount(f[4]), fstype, options: superOptions.split(',') };
    })
    .filter((m): m is NonNullable<typeof m> => !!m);
  const under = (mount: { root: string; point: string }, cgPath: string) => {
    const rel = mount.root !== '/' && (cgPath === mount.root || cgPath.startsWith(mount.root + '/')) ? cgPath.slice(mount.root.length) : cgPath;
    return path.join(mount.point, rel);
  };
  const out: CgroupParent[] = [];
  for (const line of procCgroup.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, id, controllers, cgPath] = m;
    if (id === '0' && controllers === '') {
      const mount = mounts.find((x) => x.fstype === 'cgroup2');
      if (mount) out.unshift({ version: 'v2', dir: under(mount, cgPath) });
    } else if (controllers.split(',').includes('memory')) {
      const mount = mounts.find((x) => x.fstype === 'cgroup' && x.options.includes('memory'));
      if (mount) out.push({ version: 'v1', dir: under(mount, cgPath) });
    }
  }
  return out;
}

/** The version of an explicitly named parent directory (MEMWISE_CGROUP_PARENT), from the files it holds. */
export function parentAt(dir: string): CgroupParent | undefined {
  if (fs.existsSync(path.join(dir, 'cgroup.controllers'))) return { version: 'v2', dir };
  if (fs.existsSync(path.join(dir, 'memory.limit_in_bytes'))) return { version: 'v1', dir };
  return undefined;
}

/** A cgroup created without the files Memwise needs (no memory controller for it, or a kernel too old). */
class MissingFile extends Error {}

export interface OpenResult {
  box?: CgroupBox;
  /** Why no cgroup is used (each candidate tried, with its error), when none is. */
  reason?: string;
  /** Set when something went wrong after a cgroup was created, or an explicitly named parent failed. */
  warning?: string;
}

/**
 * Creates a fresh cgroup for one profile run in the first parent that allows it, with `hardLimitBytes` as
 * its kernel-enforced memory limit. Never throws: no box means today's process-tree containment.
 */
export function openCgroupBox(parents: CgroupParent[], hardLimitBytes: number | undefined, explicit = false): OpenResult {
  const tried: string[] = [];
  let odd: string | undefined;
  for (const parent of parents) {
    try {
      return { box: CgroupBox.create(parent, hardLimitBytes) };
    } catch (err) {
      const e = err as Error & { afterCreate?: boolean; code?: string };
      tried.push(`${parent.version} ${parent.dir}: ${e.code ?? e.message}`);
      // Created, then unusable: removed again. The usual cases (an old kernel without memory.peak, a v2 parent
      // that cannot hand out its memory controller) only go in `reason`; a limit the kernel refused is odd.
      if (e.afterCreate && !(e instanceof MissingFile) && !odd) odd = tried[tried.length - 1];
    }
  }
  if (!parents.length) return { reason: 'no cgroup with a memory controller found for this process' };
  const reason = `no usable cgroup (${tried.join('; ')})`;
  if (explicit) return { reason, warning: `MEMWISE_CGROUP_PARENT could not be used: ${reason}; the run used process-tree containment` };
  return odd ? { reason, warning: `the cgroup Memwise created could not be used (${odd}); it was removed and the run used process-tree containment` } : { reason };
}


export class CgroupBox {
  private readonly files: Layout;
  private removed = false;

  private constructor(
    readonly version: CgroupVersion,
    /** The cgroup's directory. */
    readonly dir: string,
    /** The kernel-enforced limit written, if any. */
    readonly hardLimitBytes: number | undefined,
  ) {
    this.files = LAYOUT[version];
  }

  static create(parent: CgroupParent, hardLimitBytes: number | undefined): CgroupBox {
    const files = LAYOUT[parent.version];
    removeStaleSiblings(parent.dir);
    if (parent.version === 'v2') {
      // Without the memory controller in the parent there is no memory.peak/memory.max in a child: not worth it.
      const controllers = readText(path.join(parent.dir, 'cgroup.controllers')) ?? '';
      if (!controllers.split(/\s+/).includes('memory')) throw Object.assign(new Error('the memory controller is not available here'), { code: 'no memory controller' });
    }
    const dir = path.join(parent.dir, `${NAME_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    fs.mkdirSync(dir); // EACCES / EROFS / ENOENT: not writable here, nothing to clean up
    const box = new CgroupBox(parent.version, dir, hardLimitBytes);
    try {
      if (parent.version === 'v2' && !fs.existsSync(path.join(dir, files.peak))) {
        // The parent may offer the controller without handing it to its children yet. EBUSY when the parent
        // holds processes itself (cgroup v2's "no internal processes" rule): then this parent cannot be used.
        try {
          fs.writeFileSync(path.join(parent.dir, 'cgroup.subtree_control'), '+memory');
        } catch (err) {
          throw new MissingFile(`cannot enable the memory controller for ${dir} (${(err as NodeJS.ErrnoException).code})`);
        }
      }
      for (const f of ['cgroup.procs', files.peak, files.limit, ...(files.kill ? [files.kill] : [])]) {
        if (!fs.existsSync(path.join(dir, f))) throw new MissingFile(`${dir} has no ${f} (not a memory cgroup)`);
      }
      if (hardLimitBytes !== undefined) fs.writeFileSync(path.join(dir, files.limit), String(Math.round(hardLimitBytes)));
      return box;
    } catch (err) {
      box.rmdirNow();
      throw Object.assign(err as Error, { afterCreate: true });
    }
  }

  /** The file a process writes its own pid to, to join (the helper and the Node preload do, before the script runs). */
  get procsFile(): string {
    return path.join(this.dir, 'cgroup.procs');
  }

  /** Moves `pid` into the cgroup (its future children are born in it). Throws when the kernel refuses. */
  join(pid: number): void {
    fs.writeFileSync(this.procsFile, String(pid));
  }

  /** Every process in the cgroup now (zombies leave it as they die). */
  pids(): number[] {
    const text = readText(this.procsFile);
    return text ? text.split('\n').filter(Boolean).map(Number) : [];
  }

  /** The kernel's high-water mark of the cgroup's memory (anonymous + page cache + kernel memory), bytes. */
  peakBytes(): number | undefined {
    const n = Number(readText(path.join(this.dir, this.files.peak))?.trim());
    return Number.isFinite(n) && n > 0 ? n : undefined;
  }

  /** How many processes the kernel's OOM killer killed inside the cgroup (the hard limit was hit). */
  oomKills(): number {
    const m = /^oom_kill (\d+)$/m.exec(readText(path.join(this.dir, this.files.oomFile)) ?? '');
    return m ? Number(m[1]) : 0;
  }

  /** Sends `sig` to every process in the cgroup. */
  signal(sig: NodeJS.Signals): void {
    for (const pid of this.pids()) {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
  }

  /**
   * Kills every process in the cgroup and resolves once it is empty (or after `timeoutMs`). v2: cgroup.kill,
   * atomic even against fork. v1: SIGKILL every listed pid, again until the list is empty (a process forking
   * meanwhile is caught on the next pass).
   */
  async killAll(timeoutMs = 2000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    if (this.files.kill) {
      try {
        fs.writeFileSync(path.join(this.dir, this.files.kill), '1');
      } catch {
        /* fall through to the pid loop */
      }
    }
    for (;;) {
      const pids = this.pids();
      if (!pids.length) return true;
      if (Date.now() > end) return false;
      this.signal('SIGKILL');
      await sleep(10);
    }
  }

  /** Kills what is left and removes the cgroup; safe to call more than once. Resolves false when it stays. */
  async remove(): Promise<boolean> {
    if (this.removed) return true;
    await this.killAll();
    for (let i = 0; i < 50; i++) {
      if (this.rmdirNow()) return (this.removed = true);
      await sleep(20); // EBUSY while the last process is still being torn down
    }
    return false;
  }

  /** Synchronous last resort (process 'exit'): SIGKILL what is listed and try rmdir once. */
  removeSync(): void {
    if (this.removed) return;
    this.signal('SIGKILL');
    this.removed = this.rmdirNow();
  }

  private rmdirNow(): boolean {
    try {
      fs.rmdirSync(this.dir);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT';
    }
  }
}

/** Empty cgroups left by a Memwise that was SIGKILLed (its pid is gone): rmdir only succeeds on empty ones. */
function removeStaleSiblings(parentDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parentDir).filter((n) => n.startsWith(NAME_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const owner = Number(/^memwise-(\d+)-/.exec(name)?.[1]);
    if (!owner || owner === process.pid || fs.existsSync(`/proc/${owner}`)) continue;
    try {
      fs.rmdirSync(path.join(parentDir, name));
    } catch {
      /* still holds processes, or not ours to remove */
    }
  }
}

/** mountinfo escapes spaces, tabs, newlines and backslashes as octal. */
function unescapeMount(s: string | undefined): string {
  return (s ?? '').replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The kernel's limit sits this far above the user's cap, so Memwise's graceful stop at the cap comes first. */
export function hardLimitFor(capBytes: number): number {
  return capBytes + Math.max(64 * 1024 * 1024, Math.round(capBytes / 10));
}

/**
 * The cgroup for one profile run: none when `mode` or MEMWISE_CGROUP is 'off', or this is not Linux; the directory named by
 * MEMWISE_CGROUP_PARENT when set (a delegated subtree); else next to this process's own cgroup (v2 first).
 */
export function openRunCgroup(mode: 'auto' | 'off', capBytes: number, env: NodeJS.ProcessEnv = process.env): OpenResult {
  if (mode === 'off' || env.MEMWISE_CGROUP === 'off') return { reason: 'turned off by --no-cgroup or MEMWISE_CGROUP=off' };
  if (process.platform !== 'linux') return { reason: `cgroups are Linux-only (this is ${process.platform})` };
  const named = env.MEMWISE_CGROUP_PARENT;
  if (named) {
    const parent = parentAt(named);
    if (!parent) {
      const reason = `MEMWISE_CGROUP_PARENT=${named} is not a cgroup v2 directory or a cgroup v1 memory controller directory`;
      return { reason, warning: `${reason}; the run used process-tree containment` };
    }
    return openCgroupBox([parent], hardLimitFor(capBytes), true);
  }
  const parents = cgroupParents(readText('/proc/self/cgroup') ?? '', readText('/proc/self/mountinfo') ?? '');
  return openCgroupBox(parents, hardLimitFor(capBytes));
}
