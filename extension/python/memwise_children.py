"""Memwise profiler helper: re-arms the sampler (memwise_sampler.py) in child processes.

Without this, a Pool worker's memory was charged to the parent's `with Pool(...)` line, because only the
parent sent samples. Forked children (os.fork, multiprocessing "fork", the forkserver's children) re-arm
in an at-fork hook; spawned ones (multiprocessing "spawn" workers, and the forkserver process itself) get a
one-line prelude in their `python -c` program and Memwise's fd in their pass_fds. Their records carry their
pid, so Memwise charges each process's growth to its own lines and names it in the legend (worker N).
Children keep SIGTERM's default action and send each sample at once (see _default_sigterm for why).
Standard library only; multiprocessing is never imported here unless the script imports it.
"""
import os
import sys

import memwise_sampler as S


# SIGTERM was blocked by _before_fork (and not by the script before it): unblock it after the fork.
_unblock_after_fork = [False]


def _before_fork():
    """Block SIGTERM in the forking thread while Memwise's handler is installed; the child inherits the mask.

    Why (the fork-mode Pool hang): the child is born with the parent's handlers, Memwise's Python-level
    SIGTERM handler included, until _after_fork_in_child gives it the default action. A SIGTERM that lands
    in between (Pool.terminate() stopping a worker the loaded machine had not yet run) is caught at C level
    and then dropped: CPython clears tripped signals after a fork, and a handler found reset to SIG_DFL is not
    run. The worker lives on in its task-queue wait and the parent's join() waits forever (20 of 20 children
    SIGTERMed right after os.fork survived, 0 of 20 without Memwise). Blocked, the signal stays pending in
    the kernel, and the default action ends the child the moment it is unblocked.
    """
    _unblock_after_fork[0] = False
    if not hasattr(S.signal, "pthread_sigmask") or S.signal.getsignal(S.signal.SIGTERM) is not S._on_sigterm:
        return
    try:
        old = S.signal.pthread_sigmask(S.signal.SIG_BLOCK, {S.signal.SIGTERM})
    except (OSError, ValueError):
        return
    _unblock_after_fork[0] = S.signal.SIGTERM not in old


def _unblock_sigterm():
    if _unblock_after_fork[0]:
        _unblock_after_fork[0] = False
        S.signal.pthread_sigmask(S.signal.SIG_UNBLOCK, {S.signal.SIGTERM})


def _after_fork_in_child():
    _default_sigterm()
    _unblock_sigterm()  # a SIGTERM sent since the fork now ends the child (default action)
    if S._FD < 0 or not S._ours[0]:
        return
    S._rearm()
    # The interval timer is not inherited across fork; the handler is.
    S.signal.setitimer(S.signal.ITIMER_PROF, S._INTERVAL, S._INTERVAL)
    S._last_cpu[0] = S._process_time()


def _default_sigterm():
    """A child keeps SIGTERM's default action: no Python-level handler of Memwise's in it.

    Why (issue 17, the Pool hang): Pool.terminate() stops idle workers with SIGTERM while they block in a
    semaphore wait (SimpleQueue.get's lock, which the parent holds for good by then). A Python handler only
    runs when the blocking call returns EINTR; a SIGTERM that lands in the short window between the
    worker's last bytecode check and its sem_wait leaves the handler pending and the wait never returns, so
    the worker never dies and the parent's join() waits forever (2 hangs in 120 loaded runs). With the
    default action the kernel ends the process in any state, as it would without Memwise. Children send
    each sample as it is taken instead (see memwise_sampler._record), so there is nothing to flush.
    """
    if hasattr(S.signal, "SIGTERM") and S.signal.getsignal(S.signal.SIGTERM) is S._on_sigterm:
        S.signal.signal(S.signal.SIGTERM, S.signal.SIG_DFL)


def arm_spawned_child():
    """Called by the prelude of a spawned multiprocessing child (see _patch_multiprocessing_util)."""
    if S._FD < 0:
        return
    import atexit

    S._rearm()
    S._start_sampling()
    arm_children()  # the forkserver forks the workers
    atexit.register(S._finish)


class _AfterForkToken:
    """multiprocessing.util.register_after_fork needs a weak-referenceable owner."""


_after_fork_token = _AfterForkToken()


def _register_mp_finalizer(_token):
    # A multiprocessing child leaves through os._exit after its finalizers: flush there.
    util = sys.modules.get("multiprocessing.util")
    if util is not None and S._child[0]:
        util.Finalize(None, S._finish, exitpriority=-100)


def _patch_multiprocessing_util(util):
    original = util.spawnv_passfds
    # Between markers (the legend shows a process's command without it); a failure here never stops the child.
    prelude = (
        "#memwise{\ntry:\n import sys as _s;_s.path.insert(0,%r)\n try:\n  import memwise_children as _m;_m.arm_spawned_child()\n"
        " finally:\n  _s.path.remove(%r)\nexcept Exception:\n pass\n#}memwise\n"
    ) % (S._HELPER_DIR, S._HELPER_DIR)

    def spawnv_passfds(path, args, passfds):
        args = list(args)
        i = args.index("-c") + 1 if "-c" in args[:-1] else 0
        # Workers (spawn_main) and the forkserver that forks them; not the resource tracker.
        if S._FD >= 0 and i and ("spawn_main" in args[i] or "forkserver" in args[i]):
            args[i] = prelude + args[i]
            passfds = tuple(passfds) + (S._FD,)
        return original(path, args, passfds)

    util.spawnv_passfds = spawnv_passfds
    util.register_after_fork(_after_fork_token, _register_mp_finalizer)


class _MultiprocessingHook:
    """Patches multiprocessing.util when (and only if) the script imports it: importing it ourselves would
    cost every profiled run its start-up time and memory."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "multiprocessing.util":
            return None
        sys.meta_path.remove(cls)
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            try:
                _patch_multiprocessing_util(module)
            except Exception as exc:  # noqa: BLE001 - the script keeps running; children go unnamed
                S._write("W\tchild processes will not be sampled: %s\n" % exc)

        spec.loader.exec_module = exec_and_patch
        return spec


def arm_children():
    os.register_at_fork(before=_before_fork, after_in_parent=_unblock_sigterm, after_in_child=_after_fork_in_child)
    if "multiprocessing.util" in sys.modules:
        _patch_multiprocessing_util(sys.modules["multiprocessing.util"])
    else:
        sys.meta_path.insert(0, _MultiprocessingHook)
