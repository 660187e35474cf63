"""Memwise profiler helper: runs the user's script as __main__ and records which code was running.

Usage (spawned by Memwise, never by hand):  python memwise_helper.py SCRIPT [ARGS...]
memwise_helper.py is only the entry point; it imports this module so its bytecode comes from __pycache__
(see there why).
Settings arrive in the environment:
  MEMWISE_FD        file descriptor (a pipe to Memwise) for the records below
  MEMWISE_INTERVAL  location sampling interval in seconds (CPU time; default 0.01)
  MEMWISE_TRACE     "1" to add tracemalloc top allocation sites near the peak

Why this design (figures in docs/run-file.md): memory itself is measured from OUTSIDE by Memwise's /proc
poller, because an in-process sampler is blind during GC pauses and gets the GIL only 25-60 times a
second. This helper only answers "which line is running", from a SIGPROF CPU-time timer whose handler
runs in the main thread between bytecodes (no extra thread competing for the GIL). Samples are kept in
array.array (flat C storage: tuples per sample pinned pymalloc arenas) and flushed to the pipe every
~0.1 s; on SIGTERM (how Memwise stops a tree at the memory cap) the rest is flushed before exiting.

Records written to MEMWISE_FD, one per line, tab-separated:
  V executable version    sent first: sys.executable and the Python version (Memwise runs no separate probe)
  F id file function      a code location (sent once per code object)
  S t id line hwm rss     a sample: monotonic time (same clock as Memwise), location id, line, and the
                          process's VmHWM and VmRSS then (bytes; 0 = unknown), which place memory between samples
  R role pid              a child process's multiprocessing name (children re-armed after fork/spawn)
Records from child processes (re-armed below) end with one more field, the child's pid, on F and S;
every write is at most PIPE_BUF bytes and ends a record, so processes sharing the pipe never interleave.
  P t vmhwm               the process's own VmHWM at exit (covers the last poll interval)
  E json                  the uncaught exception (message + frames in the user's files)
  T json                  tracemalloc top sites (only with MEMWISE_TRACE=1)
  W text                  a warning to show the user
  X t                     the script is calling os.exec*: the channel closes with the exec, nothing more follows
  L pid action command    a descendant still running when the script ended ("stopped" or "waited" for)

Containment (channel fd, subreaper, exec guard, leftovers) lives in memwise_containment.py, child re-arming in
memwise_children.py, the long-call look-back in memwise_callsite.py; memwise_trace.py (--trace) and
memwise_script_error.py (an uncaught exception) are loaded only when needed.
"""
import array
import os
import sys
import time

import memwise_containment as _containment

try:
    # The C module behind `signal`: the same functions and constants, without importing enum (which costs
    # ~1 ms of start-up and ~0.3 MB resident in every profiled run). A script that imports signal itself
    # sees the same handlers.
    import _signal as signal
except ImportError:  # other implementations
    import signal

# Imports are kept to a minimum (json, runpy, tracemalloc, traceback are loaded only when needed):
# everything the helper loads is resident memory the profile attributes to the script.

_PID = os.getpid()
# The channel: moved to a high close-on-exec fd, writes checked by identity (see memwise_containment).
_CHANNEL = _containment.Channel(int(os.environ.get("MEMWISE_FD", "-1")))
_FD = _CHANNEL.fd  # the channel's fd number now (children re-armed by memwise_children inherit or are passed it)
_ROOT_PID = _PID  # the helper's own process; re-armed children update _PID, never this
_WAIT_CHILDREN = os.environ.get("MEMWISE_WAIT_CHILDREN") == "1"
_INTERVAL = float(os.environ.get("MEMWISE_INTERVAL", "0.01"))
_TRACE = os.environ.get("MEMWISE_TRACE") == "1"
_tracer = []  # memwise_trace, imported only with MEMWISE_TRACE=1
# Memwise's own files (this module and the memwise_helper.py entry point) are never the user's code.
_HELPER_DIR = os.path.dirname(os.path.abspath(__file__))
_HELPER_DIR_REAL = os.path.normcase(os.path.realpath(_HELPER_DIR))

_monotonic = time.monotonic
_ts = array.array("d")
_locs = array.array("i")
_lines = array.array("i")
_hwms = array.array("q")
_rsss = array.array("q")
_code_ids = {}
_user_file = {}
_pending_defs = []
_last_flush = [0.0]

# The stdlib (and lib-dynload under it); site-packages/dist-packages are recognised by name below.
_system_roots = tuple(
    sorted(
        {
            os.path.normcase(os.path.realpath(p))
            for p in (os.path.dirname(os.__file__),)
            if p
        }
    )
)


def _is_user_file(filename):
    """True for the user's own source files: not the stdlib, site-packages, frozen modules or this helper."""
    known = _user_file.get(filename)
    if known is not None:
        return known
    ok = True
    if not filename or filename.startswith("<"):
        ok = False
    else:
        real = os.path.normcase(os.path.realpath(filename))
        if os.path.dirname(real) == _HELPER_DIR_REAL:
            ok = False
        elif "site-packages" in real or "dist-packages" in real:
            ok = False
        else:
            for root in _system_roots:
                if real.startswith(root + os.sep):
                    ok = False
                    break
    _user_file[filename] = ok
    return ok


def _write(text):
    if os.getpid() != _PID or not _CHANNEL.usable():
        return
    data = text.encode("utf-8", "replace")
    try:
        while data:
            # Whole records of at most PIPE_BUF bytes: atomic on a pipe shared with re-armed children.
            cut = len(data) if len(data) <= 4096 else data.rfind(b"\n", 0, 4096) + 1 or 4096
            n = os.write(_CHANNEL.fd, data[:cut])
            data = data[n:]
    except OSError:
        pass


def _flush():
    if not _ts and not _pending_defs:
        return
    parts = []
    for d in _pending_defs:
        parts.append(d)
    del _pending_defs[:]
    suffix = _child_suffix()
    if _child[0] and not _child[1]:
        _send_role()
    # Whole samples only: a SIGTERM handler that runs inside a SIGPROF one may find a sample half appended.
    for i in range(min(len(_ts), len(_locs), len(_lines), len(_hwms), len(_rsss))):
        parts.append("S\t%.6f\t%d\t%d\t%d\t%d%s\n" % (_ts[i], _locs[i], _lines[i], _hwms[i], _rsss[i], suffix))
    # Resize in place: the arrays keep one small buffer instead of reallocating.
    del _ts[:]
    del _locs[:]
    del _lines[:]
    del _hwms[:]
    del _rsss[:]
    _write("".join(parts))


def _record(frame, late=False):
    """Store the innermost frame that belongs to the user's files (`late`: the sample came several timer
    intervals late, so a long uninterruptible call may have run on an earlier line; see memwise_callsite)."""
    f = frame
    while f is not None and not _is_user_file(f.f_code.co_filename):
        f = f.f_back
    if f is None:
        return
    code = f.f_code
    cid = _code_ids.get(code)
    if cid is None:
        cid = len(_code_ids)
        _code_ids[code] = cid
        name = getattr(code, "co_qualname", code.co_name)
        _pending_defs.append("F\t%d\t%s\t%s%s\n" % (cid, os.path.abspath(code.co_filename).replace("\t", " "), name, _child_suffix()))
    now = _monotonic()
    line = _call_site(frame, f) if late else None
    _ts.append(now)
    _locs.append(cid)
    _lines.append(line or f.f_lineno or _line_near(code, f.f_lasti))
    hwm, rss = _mem_now()
    _hwms.append(hwm)
    _rsss.append(rss)
    if _TRACE:
        _tracer[0].tick(now)
    # A re-armed child sends each sample at once: it dies of SIGTERM's default action (no handler to flush
    # in, see memwise_children._default_sigterm), and a worker samples little (~100 short writes a second at most).
    if _child[0] or now - _last_flush[0] >= 0.1:
        _last_flush[0] = now
        _flush()


_busy = [False]
_OWN_GLOBALS = globals()


def _on_sigprof(signum, frame):
    if frame is not None and frame.f_globals is _OWN_GLOBALS:
        # A SIGPROF that arrived while this handler (or other helper code) had just started: Python runs it
        # nested, at the outer call's first instruction, before _busy is set. The outer call takes the sample;
        # this one would name the helper's own frame, where the long-call look-back cannot see the user's line
        # (issue 17: a Pool worker's allocation charged to the next line, about 1 run in 300 under load).
        return
    if os.getpid() != _PID:
        return  # a forked child inherited the handler but not the timer; stay silent
    if _busy[0]:
        return  # the timer fired while a previous sample (or a --trace snapshot) was still being taken
    _busy[0] = True
    try:
        cpu = _process_time()
        late = cpu - _last_cpu[0] > _LATE_CPU
        _last_cpu[0] = cpu
        _record(frame, late)
    finally:
        _busy[0] = False


# ---- where a sample lands: long C calls and line 0 (issue 17) -----------------------------------------
_process_time = time.process_time
_last_cpu = [0.0]
# A sample this much CPU time after the previous one was held back by a long call without a signal check.
# MEMWISE_CALLSITE=0 turns the call-site naming off (bench/attribution.mjs measures both ways).
_LATE_CPU = 2.5 * _INTERVAL if os.environ.get("MEMWISE_CALLSITE") != "0" else float("inf")
_callsite = []


def _import_own(name):
    """Import one of Memwise's helper modules after the script's folder replaced ours as sys.path[0]."""
    module = sys.modules.get(name)
    if module is None:
        sys.path.insert(0, _HELPER_DIR)
        try:
            module = __import__(name)
        finally:
            sys.path.remove(_HELPER_DIR)
    return module


def _call_site(frame, user_frame):
    """The line of the long call that delayed this sample, when it was not the sampled line (else None)."""
    try:
        if not _callsite:
            _callsite.append(_import_own("memwise_callsite").call_site_line)
        return _callsite[0](frame, user_frame, _is_user_file)
    except Exception:  # noqa: BLE001 - never let attribution break the script
        return None


_status_fd = [None]


def _mem_now():
    """(VmHWM, VmRSS) in bytes from /proc/self/status, one pread (~15 us); (0, 0) where there is none.
    Memwise's poller resets VmHWM at each of its reads, so a rise of VmHWM between two samples says the
    memory arrived between them, even when it was freed again before the second one (a spike)."""
    fd = _status_fd[0]
    if fd is None:
        try:
            fd = os.open("/proc/%d/status" % os.getpid(), os.O_RDONLY)
        except OSError:
            fd = -1
        _status_fd[0] = fd
    if fd < 0:
        return 0, 0
    try:
        data = os.pread(fd, 4096, 0)
        i = data.find(b"VmHWM:")
        j = data.find(b"VmRSS:")
        return int(data[i + 6 : data.find(b"kB", i)]) * 1024, int(data[j + 6 : data.find(b"kB", j)]) * 1024
    except (OSError, ValueError):
        return 0, 0


def _line_near(code, lasti):
    """A line number for an instruction that has none (line 0): a module's first instruction (RESUME) has
    no line in 3.11+, and a sample landing there (a signal pending while the script was being compiled,
    or a user module being imported) read as "line 0". The next instruction with a line is running next."""
    try:
        for start, _end, line in code.co_lines():
            if line and start >= lasti:
                return line
    except (AttributeError, ValueError):
        pass
    return code.co_firstlineno or 1


def _read_vmhwm():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _finish():
    if os.getpid() != _PID:
        return
    timer_left = signal.setitimer(signal.ITIMER_PROF, 0, 0) if hasattr(signal, "setitimer") else None
    _warn_timer_takeover(timer_left)
    _flush()
    if _TRACE:
        _tracer[0].send()  # final counts (skipped snapshots)
    if not _child[0]:
        _write("P\t%.6f\t%d\n" % (_monotonic(), _read_vmhwm()))


_ours = [False]


def _start_sampling():
    if hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF"):
        signal.signal(signal.SIGPROF, _on_sigprof)
        # SA_RESTART: system calls in C extensions are resumed instead of failing with EINTR.
        signal.siginterrupt(signal.SIGPROF, False)
        signal.setitimer(signal.ITIMER_PROF, _INTERVAL, _INTERVAL)
        _ours[0] = True
        _last_cpu[0] = _process_time()
    else:
        # Windows has no setitimer: fall back to a sampling thread (GIL-bound, so a lower achieved rate).
        import threading

        main_id = threading.main_thread().ident

        def loop():
            while True:
                time.sleep(_INTERVAL)
                frame = sys._current_frames().get(main_id)
                if frame is None:
                    return
                _record(frame)

        threading.Thread(target=loop, name="memwise-sampler", daemon=True).start()


def _on_sigterm(signum, frame):
    # Memwise stops the tree with SIGTERM at the memory cap: send what was sampled, then die of SIGTERM as
    # the script would have. A script that installs its own SIGTERM handler replaces this one (fine: its
    # samples are then flushed every 0.1 s anyway). Only the profiled process has it: a SIGTERM that lands
    # just before a blocking wait leaves a Python handler pending (memwise_children._default_sigterm), which
    # Memwise's SIGKILL follow-up bounds here but nothing bounds in a Pool worker.
    if os.getpid() == _PID:
        if frame is not None and not _busy[0]:
            _record(frame)
        _flush()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


# ---- child processes: re-arm the sampler after fork and in spawned interpreters (issue 17) ------------
# Without this, a Pool worker's memory was charged to the parent's `with Pool(...)` line, because only the
# parent sent samples. Forked children (os.fork, multiprocessing "fork", the forkserver's children) re-arm
# in an at-fork hook; spawned ones (multiprocessing "spawn", and the forkserver process itself) get a
# one-line prelude in their `python -c` program and Memwise's fd in their pass_fds. Their records carry
# their pid, so Memwise charges each process's growth to its own lines.
_child = [False, False]  # [this process is a re-armed child, its role record was sent]


def _child_suffix():
    return "\t%d" % _PID if _child[0] else ""


def _send_role():
    mp = sys.modules.get("multiprocessing.process")
    name = mp.current_process().name if mp is not None else ""
    if name and name != "MainProcess":
        _child[1] = True
        _write("R\t%s\t%d\n" % (name.replace("\t", " "), _PID))


def _rearm():
    global _PID
    _PID = os.getpid()
    _child[:] = [True, False]
    del _ts[:]
    del _locs[:]
    del _lines[:]
    del _hwms[:]
    del _rsss[:]
    del _pending_defs[:]
    if _status_fd[0] is not None and _status_fd[0] >= 0:
        os.close(_status_fd[0])  # the parent's /proc/PID/status
    _status_fd[0] = None
    _code_ids.clear()  # ids are per process: the child announces its own
    _last_flush[0] = _monotonic()


def _arm_children():
    if _FD >= 0 and hasattr(os, "register_at_fork"):
        _import_own("memwise_children").arm_children()


def _run_as_main(script):
    """Run `script` as __main__ the way `python script.py` does (runpy only for directories/zip apps)."""
    if not os.path.isfile(script) or script.endswith((".zip", ".pyz")):
        import runpy

        runpy.run_path(script, run_name="__main__")
        return
    import builtins
    import types

    with open(script, "rb") as fh:
        source = fh.read()
    code = compile(source, script, "exec", dont_inherit=True)
    del source
    module = types.ModuleType("__main__")
    module.__file__ = script
    module.__builtins__ = builtins
    module.__cached__ = None
    module.__spec__ = None
    module.__loader__ = None
    # The entry point stays importable under its own name; the script becomes __main__ (pickle, multiprocessing).
    sys.modules["memwise_helper"] = sys.modules["__main__"]
    sys.modules["__main__"] = module
    exec(code, module.__dict__)


def main():
    # First record: who is running. Memwise reads the interpreter's path and version from here instead of
    # starting the interpreter a second time to ask.
    _write("V\t%s\t%d.%d.%d\n" % (((sys.executable or "").replace("\t", " "),) + tuple(sys.version_info[:3])))
    if sys.version_info[0] < 3:
        sys.stderr.write("Memwise needs Python 3; this is Python %d.%d\n" % tuple(sys.version_info[:2]))
        return 2
    if len(sys.argv) < 2:
        sys.stderr.write("usage: memwise_helper.py SCRIPT [ARGS...]\n")
        return 2
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    _contain_start(script)
    if _TRACE:
        _tracer.append(_import_own("memwise_trace"))
        _tracer[0].start()
    _last_flush[0] = _monotonic()
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_sigterm)
    _start_sampling()
    _arm_children()
    code = 0
    try:
        _run_as_main(script)
    except SystemExit as exc:
        code = exc.code
    except BaseException as exc:  # noqa: BLE001 - report, then exit like Python would
        _import_own("memwise_script_error").report(exc)
        code = 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        _finish()
    return code


# ---- containment hooks (the mechanisms are in memwise_containment.py) ----------------------------------


def _contain_start(script):
    # As `python script.py` would: the script's folder first on sys.path (not under -P / -I).
    _containment.init_sys_path(script, _HELPER_DIR)
    # Orphans (setsid + double fork) are reparented here, so they stay in the tree Memwise measures and stops.
    _containment.become_subreaper()
    _containment.guard_exec(_before_exec, _after_failed_exec)
    # Leftovers are dealt with at the very end: registered first, this atexit handler runs last, after
    # multiprocessing's own one has joined non-daemonic children (as `python script.py` waits for them).
    import atexit

    atexit.register(_contain_end)


def _before_exec():
    if os.getpid() != _PID:
        return  # a forked child exec'ing: it has no timer and no channel of its own
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    _flush()
    _write("X\t%.6f\n" % _monotonic())


def _after_failed_exec():
    if os.getpid() == _PID and _ours[0] and signal.getsignal(signal.SIGPROF) is _on_sigprof:
        signal.setitimer(signal.ITIMER_PROF, _INTERVAL, _INTERVAL)


def _warn_timer_takeover(timer_left):
    """One warning when the script took SIGPROF or the profiling timer, or when no location sample came at all."""
    if not _ours[0]:
        return
    if signal.getsignal(signal.SIGPROF) is not _on_sigprof:
        _write("W\tthe script replaced Memwise's SIGPROF handler, so line attribution stopped early\n")
    elif timer_left is not None and timer_left == (0.0, 0.0):
        _write("W\tthe script disarmed the profiling timer (setitimer(ITIMER_PROF)), so line attribution stopped early\n")
    elif not _code_ids:
        cpu = sum(os.times()[:2])
        if cpu > 5 * _INTERVAL:
            _write("W\tno line samples were taken in %.2f s of CPU time: the script may block SIGPROF; the memory timeline is complete, per-line growth is not\n" % cpu)


def _contain_end():
    # Only the helper's own process: a forked child inherits this atexit hook but not the job.
    if os.getpid() != _ROOT_PID or not sys.platform.startswith("linux"):
        return
    _containment.end_leftovers(_write, _WAIT_CHILDREN)


if __name__ == "__main__":
    sys.exit(main())
