"""Which line made a long C call? Used by memwise_sampler.py when a SIGPROF sample arrives late.

Why this exists (issue 17, figures in docs/run-file.md): Python runs a signal handler only at an "eval
breaker" check, and in 3.11+ those sit at RESUME (function entry), CALL (after the call returns),
CALL_FUNCTION_EX and backward jumps. A long operation with no check inside it -- `big = b"a" * N`, a
numpy `a * b + a` (BINARY_OP), a big slice -- keeps the timer's signal pending until the next check,
which is usually on the NEXT line. The sample then names that next line, and it was charged the memory.

So when a sample comes late (the process used several timer intervals of CPU since the previous one),
this module looks at the bytecode that ran without a check just before the current position (the
"check-free window") and names the line of the heavy operation in it, when there is good evidence:
  * the innermost frame has just been entered (RESUME), so the caller's CALL has not run yet and the
    time must have gone into an operation before it: the latest heavy operation of the window;
  * otherwise the current CALL itself may have been the long one, so an earlier line is only named when
    the value it stored is large (>= 1 MiB, sys.getsizeof) or already deleted again (a spike).
Measured on bytes, numpy, pandas and json workloads (bench/attribution.mjs); the one known miss is a
cheap operation that stores a large value right before a slow C-function call on the next line.

Loaded only after the first late sample (never in a run without one), standard library only.
"""
import opcode
import sys

_op = opcode.opmap
_CACHE = _op.get("CACHE", -1)
_EXTENDED_ARG = opcode.EXTENDED_ARG
_RESUME = _op["RESUME"]
# Instructions that run pending signal handlers (ceval's CHECK_EVAL_BREAKER): a window never crosses one.
_CHECKS = {
    _op[n]
    for n in (
        "RESUME",
        "CALL",
        "CALL_FUNCTION_EX",
        "JUMP_BACKWARD",
        "POP_JUMP_BACKWARD_IF_FALSE",
        "POP_JUMP_BACKWARD_IF_TRUE",
        "POP_JUMP_BACKWARD_IF_NONE",
        "POP_JUMP_BACKWARD_IF_NOT_NONE",
        "ENTER_EXECUTOR",
    )
    if n in _op
}
# Operations that can run for a long time in C without a check (arithmetic on big operands, subscripts
# and slices, comparisons, string building, container merges, unpacking).
_HEAVY = {
    _op[n]
    for n in (
        "BINARY_OP",
        "BINARY_SUBSCR",
        "BINARY_SLICE",
        "STORE_SUBSCR",
        "STORE_SLICE",
        "COMPARE_OP",
        "CONTAINS_OP",
        "BUILD_STRING",
        "FORMAT_VALUE",
        "LIST_EXTEND",
        "SET_UPDATE",
        "DICT_UPDATE",
        "DICT_MERGE",
        "UNPACK_SEQUENCE",
        "UNPACK_EX",
    )
    if n in _op
}
_STORE_NAME = {_op[n] for n in ("STORE_NAME", "STORE_GLOBAL") if n in _op}
_STORE_FAST = _op.get("STORE_FAST", -1)
_LARGE = 1 << 20
_MISSING = object()
_cache = {}


def _instructions(code):
    """[(offset, opcode, arg, line)] of a code object, CACHE entries skipped; cached per code object."""
    ins = _cache.get(code)
    if ins is not None:
        return ins
    raw = code.co_code
    lines = {}
    for start, end, line in code.co_lines():
        for off in range(start, end, 2):
            lines[off] = line
    ins = []
    ext = 0
    for off in range(0, len(raw), 2):
        op, arg = raw[off], raw[off + 1] | ext
        if op == _CACHE:
            continue
        if op == _EXTENDED_ARG:
            ext = arg << 8
            continue
        ext = 0
        ins.append((off, op, arg, lines.get(off)))
    if len(_cache) > 512:
        _cache.clear()
    _cache[code] = ins
    return ins


def _stored_value(frame, code, op, arg):
    try:
        if op in _STORE_NAME:
            name = code.co_names[arg]
            value = frame.f_locals.get(name, _MISSING)
            if value is _MISSING:
                value = frame.f_globals.get(name, _MISSING)
            return value
        if op == _STORE_FAST and arg < len(code.co_varnames):
            return frame.f_locals.get(code.co_varnames[arg], _MISSING)
    except Exception:  # noqa: BLE001 - a frame being torn down; no evidence
        pass
    return None


def _big_or_gone(frame, code, op, arg):
    value = _stored_value(frame, code, op, arg)
    if value is _MISSING:
        return True  # stored and deleted again inside the window: a short-lived (spike) value
    if value is None:
        return False
    try:
        return sys.getsizeof(value) >= _LARGE
    except Exception:  # noqa: BLE001 - a user type whose __sizeof__ fails
        return False


def call_site_line(frame, user_frame, is_user_file):
    """The line that most likely made the long uninterruptible call, or None to keep the sampled line."""
    target = None
    pending_call = False  # True: target's current CALL has not run yet (its callee was just entered)
    top = _instructions(frame.f_code)
    here = _find(top, frame.f_lasti)
    if here is not None and top[here][1] == _RESUME:
        caller = frame.f_back
        if frame is user_frame:  # a user function was just entered: look at its caller, if that is user code too
            target = caller if caller is not None and is_user_file(caller.f_code.co_filename) else None
        elif caller is user_frame:  # a library function was just entered from the user's line
            target = caller
        pending_call = True
    elif frame is user_frame:
        target = frame
    if target is None:
        return None
    code = target.f_code
    ins = _instructions(code)
    q = _find(ins, target.f_lasti)
    if q is None:
        return None
    current = ins[q][3]
    latest = None
    k = q - 1
    while k >= 0 and ins[k][1] not in _CHECKS:
        off, op, arg, line = ins[k]
        if op in _HEAVY and line and line != current:
            nxt = ins[k + 1] if k + 1 < len(ins) else None
            stores = nxt is not None and (nxt[1] in _STORE_NAME or nxt[1] == _STORE_FAST)
            if stores and _big_or_gone(target, code, nxt[1], nxt[2]):
                return line
            if pending_call and latest is None:
                latest = line
        k -= 1
    return latest


def _find(ins, lasti):
    lo, hi = 0, len(ins) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        off = ins[mid][0]
        if off == lasti:
            return mid
        if off < lasti:
            lo = mid + 1
        else:
            hi = mid - 1
    return hi if hi >= 0 else None
