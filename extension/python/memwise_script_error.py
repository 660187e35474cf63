"""Memwise helper: the script's uncaught exception, sent to Memwise (an E record) and printed as Python would.

Imported by memwise_sampler.py only when the script fails, so a run that succeeds never loads json or
traceback (every module the helper loads is resident memory the profile charges to the script).
"""
import json
import os
import traceback

import memwise_sampler as S


def report(exc):
    """Send the exception with the frames in the user's files, then print the traceback without the
    helper's and runpy's frames."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if S._is_user_file(code.co_filename):
            frames.append({"file": os.path.abspath(code.co_filename), "line": tb.tb_lineno, "function": getattr(code, "co_qualname", code.co_name)})
        tb = tb.tb_next
    message = "%s: %s" % (type(exc).__name__, exc) if str(exc) else type(exc).__name__
    S._write("E\t%s\n" % json.dumps({"message": message, "type": type(exc).__name__, "frames": frames}))
    tb = exc.__traceback__
    while tb is not None and not S._is_user_file(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb)
