"""Python-level test of memwise_sampler's SIGPROF handler when it is itself interrupted (issue 17).

Python runs a second pending SIGPROF nested, at the first instruction of the running handler, before the handler
marks itself busy. The nested call must leave the sample to the outer one: it would name the helper's own frame,
where the long-call look-back cannot find the user's line (a Pool worker's allocation went to the next line).
Run by the project's test command through test/unit/profile/pythonHelper.test.ts."""
import os
import signal
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "extension", "python"))
os.environ.pop("MEMWISE_FD", None)  # no channel: records stay in the sampler's arrays
import memwise_sampler as S  # noqa: E402


def helper_frame():
    """A live frame running in the sampler's own module, as the outer handler's frame is."""
    namespace = {}
    exec(compile("import sys\ndef grab():\n    return sys._getframe()\n", S.__file__, "exec"), S.__dict__, namespace)
    return namespace["grab"]()


class NestedSigprofTest(unittest.TestCase):
    def setUp(self):
        S._last_flush[0] = float("inf")  # keep samples in the arrays (a flush would empty them)
        del S._ts[:], S._lines[:]

    def test_a_nested_call_on_the_helpers_own_frame_takes_no_sample(self):
        before = S._last_cpu[0]
        S._on_sigprof(signal.SIGPROF, helper_frame())
        self.assertEqual(len(S._ts), 0)
        self.assertEqual(S._last_cpu[0], before, "the outer call must still see the whole CPU time since the last sample")

    def test_a_call_on_user_code_takes_the_sample(self):
        S._on_sigprof(signal.SIGPROF, sys._getframe())
        self.assertEqual(len(S._ts), 1)
        self.assertEqual(S._lines[0], sys._getframe().f_lineno - 2)


if __name__ == "__main__":
    unittest.main()
