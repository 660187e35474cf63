"""Memwise profiler helper, entry point:  python memwise_helper.py SCRIPT [ARGS...]  (spawned by Memwise).

The work is done by memwise_sampler.py (records, format and design notes are there). It is imported rather
than run as this script because Python compiles a script on every start but loads an imported module from
its cached bytecode: compiling the ~400-line sampler took ~1.4 ms and left ~1.5 MB of compiler memory resident
in the profiled process, where every profile counted it as the script's. From the cache it costs ~40 KB.
"""
import os
import sys

# Join the run's cgroup (MEMWISE_CGROUP_PROCS, set by Memwise when one is writable) before anything else, so the
# script and every process it starts are born in it. Memwise also moves this process from outside; the
# variable is removed so the script's environment stays its own.
_cgroup_procs = os.environ.pop("MEMWISE_CGROUP_PROCS", "")
if _cgroup_procs:
    try:
        with open(_cgroup_procs, "w") as _fh:
            _fh.write(str(os.getpid()))
    except OSError:
        pass  # Memwise's own move decides, and says so in the run when neither worked

_here = os.path.dirname(os.path.abspath(__file__))
if not sys.path or sys.path[0] != _here:
    sys.path.insert(0, _here)  # python -P / PYTHONSAFEPATH leave the script's folder off sys.path
# The bytecode cache goes to Memwise's own folder (dist/python/__pycache__), so it is written even when
# PYTHONDONTWRITEBYTECODE is set: that setting keeps .pyc files out of the user's source trees, which this is
# not. Restored before the script runs; an unwritable folder just means compiling each time, as before.
_dont_write = sys.dont_write_bytecode
sys.dont_write_bytecode = False
try:
    import memwise_sampler
finally:
    sys.dont_write_bytecode = _dont_write

if __name__ == "__main__":
    sys.exit(memwise_sampler.main())
