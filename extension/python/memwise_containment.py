"""Memwise helper, containment: what keeps the profiled tree together and keeps the helper out of the script's way.

Imported by memwise_sampler.py (standard library only). Kept apart from the sampler so that line attribution
and containment change independently.

- The channel to Memwise moves to a high, close-on-exec fd, and every write first checks by identity (st_dev,
  st_ino) that the fd is still that pipe: a script that closes fds and opens files must never get Memwise's
  records written into them.
- The process becomes a child subreaper (Linux PR_SET_CHILD_SUBREAPER), so a setsid() + double-forked daemon is
  reparented to the helper instead of to init: it stays in the tree Memwise measures, caps and stops.
- os.execv/os.execve (which every os.exec* goes through) disarm the profiling timer first: an armed ITIMER_PROF
  survives execve and its SIGPROF would kill the exec'd program.
- When the script ends, descendants still running are named (L records) and stopped, or waited for
  (MEMWISE_WAIT_CHILDREN=1).
"""
import os
import sys

try:
    import _signal as signal
except ImportError:  # other implementations
    import signal

# Lowest fd the channel moves to (tried in order: a low RLIMIT_NOFILE refuses the higher ones).
_HIGH_FDS = (1021, 509, 253, 125, 61)
PR_SET_CHILD_SUBREAPER = 36


class Channel(object):
    """The record pipe to Memwise, writable only while it is still the pipe it was at start."""

    def __init__(self, fd):
        self.fd = -1
        self.ident = None
        self.lost = False
        if fd < 0:
            return
        try:
            st = os.fstat(fd)
        except OSError:
            return
        high = fd
        try:
            import fcntl

            for base in _HIGH_FDS:
                if base <= fd:
                    break
                try:
                    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, base)
                    break
                except OSError:
                    continue
        except ImportError:  # Windows: no fcntl; the fd stays where it is
            pass
        if high != fd:
            os.close(fd)
        try:
            os.set_inheritable(high, False)
        except OSError:
            pass
        self.fd = high
        self.ident = (st.st_dev, st.st_ino)
        # Spawned interpreters the sampler re-arms (multiprocessing "spawn") are passed this fd and read its number here.
        os.environ["MEMWISE_FD"] = str(high)

    def usable(self):
        """True while the fd is still our pipe. Once it is not, never again (the script owns that fd now)."""
        # (Forked children share the pipe: the sampler decides which processes write, this only checks the fd.)
        if self.fd < 0 or self.lost:
            return False
        try:
            st = os.fstat(self.fd)
            if (st.st_dev, st.st_ino) == self.ident:
                return True
        except OSError:
            pass
        # Closed, or reused for one of the script's own files: stop quietly. Memwise sees the channel close
        # before the script ends and records one warning for it.
        self.lost = True
        return False


def become_subreaper():
    """Keep orphaned descendants in this process's tree (Linux ≥ 3.4). Returns True when it took effect."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError, ImportError):
        return False


def guard_exec(before_exec, after_failed_exec):
    """Wrap os.execv and os.execve: the other os.exec* functions call these through the os module's globals."""
    for name in ("execv", "execve"):
        original = getattr(os, name, None)
        if original is None or getattr(original, "_memwise_guard", False):
            continue

        def wrapper(*args, _original=original, **kwargs):
            before_exec()
            try:
                return _original(*args, **kwargs)
            except BaseException:
                after_failed_exec()
                raise

        wrapper._memwise_guard = True
        wrapper.__name__ = original.__name__
        wrapper.__doc__ = original.__doc__
        setattr(os, name, wrapper)


def children_of(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as fh:
                out.extend(int(x) for x in fh.read().split())
    except (OSError, ValueError):
        pass
    return out


def descendants():
    """Every live descendant of this process (children first), from /proc."""
    result = []
    todo = [os.getpid()]
    seen = set(todo)
    while todo:
        for c in children_of(todo.pop()):
            if c not in seen:
                seen.add(c)
                result.append(c)
                todo.append(c)
    return result


def command_of(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as fh:
            return b" ".join(p for p in fh.read().split(b"\0") if p).decode("utf-8", "replace")
    except OSError:
        return ""


def _reap(block):
    """Collect exited children (ours and reparented orphans). Returns False when none are left."""
    while True:
        try:
            pid, _status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return False
        except InterruptedError:
            continue
        except OSError:
            return False
        if pid == 0:
            return True
        if block:
            return True


def end_leftovers(write, wait, grace=1.0):
    """After the script: name the descendants still running (L records), then wait for them or stop them."""
    import time

    left = [p for p in descendants() if _alive(p)]
    if not left:
        _reap(False)
        return
    action = "waited" if wait else "stopped"
    write("".join("L\t%d\t%s\t%s\n" % (p, action, command_of(p).replace("\t", " ").replace("\n", " ")) for p in left))
    if wait:
        # Measured until the last one exits: Memwise's poller keeps reading this tree meanwhile.
        while _reap(True):
            pass
        return
    for sig, wait_s in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        for p in descendants():
            try:
                os.kill(p, sig)
            except OSError:
                pass
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            _reap(False)
            if not [p for p in descendants() if _alive(p)]:
                break
            time.sleep(0.01)
    _reap(False)


def _alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def init_sys_path(script, helper_dir):
    """sys.path as `python script.py` would have it: the script's folder first, except under -P/PYTHONSAFEPATH
    or -I, where Python puts no script folder there (and neither should the helper's own folder stay)."""
    if getattr(sys.flags, "safe_path", False) or getattr(sys.flags, "isolated", False):
        if sys.path and os.path.normcase(os.path.abspath(sys.path[0] or ".")) == os.path.normcase(os.path.abspath(helper_dir)):
            del sys.path[0]
        return
    script_dir = os.path.dirname(os.path.abspath(script))
    if sys.path:
        sys.path[0] = script_dir
    else:
        sys.path.insert(0, script_dir)
