"""Python-level tests of extension/python/memwise_containment.py (stdlib unittest, real fds and processes).
Run by the project's test command through test/unit/profile/pythonHelper.test.ts."""
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "extension", "python"))
import memwise_containment as c  # noqa: E402


class ChannelTest(unittest.TestCase):
    def test_moves_to_a_high_close_on_exec_fd(self):
        r, w = os.pipe()
        os.set_inheritable(w, True)
        ch = c.Channel(w)
        self.assertGreater(ch.fd, 60)
        self.assertFalse(os.get_inheritable(ch.fd))
        with self.assertRaises(OSError):
            os.fstat(w)  # the low fd was given back to the script
        self.assertTrue(ch.usable())
        os.write(ch.fd, b"ok")
        self.assertEqual(os.read(r, 2), b"ok")
        os.close(ch.fd)
        os.close(r)

    def test_stops_for_good_when_the_fd_becomes_another_file(self):
        r, w = os.pipe()
        ch = c.Channel(w)
        with tempfile.TemporaryFile() as fh:
            os.dup2(fh.fileno(), ch.fd)  # the script reused the number for its own file
            self.assertFalse(ch.usable())
            os.close(ch.fd)
        self.assertFalse(ch.usable())
        os.close(r)

    def test_closed_fd_is_not_usable(self):
        r, w = os.pipe()
        ch = c.Channel(w)
        os.close(ch.fd)
        self.assertFalse(ch.usable())
        os.close(r)


class ExecGuardTest(unittest.TestCase):
    def test_exec_calls_the_hook_first_and_rearms_on_failure(self):
        calls = []
        saved = os.execv, os.execve
        try:
            c.guard_exec(lambda: calls.append("before"), lambda: calls.append("failed"))
            c.guard_exec(lambda: calls.append("twice"), lambda: None)  # idempotent: wrapped once
            with self.assertRaises(OSError):
                os.execv("/nonexistent/program", ["x"])
            self.assertEqual(calls, ["before", "failed"])
        finally:
            os.execv, os.execve = saved

    def test_execvp_goes_through_the_guard(self):
        # In a child: arm ITIMER_PROF with a SIGPROF handler, guard exec, exec a program that burns CPU.
        code = (
            "import os, signal, sys\n"
            "sys.path.insert(0, %r)\n"
            "import memwise_containment as c\n"
            "signal.signal(signal.SIGPROF, lambda *a: None)\n"
            "signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)\n"
            "c.guard_exec(lambda: signal.setitimer(signal.ITIMER_PROF, 0, 0), lambda: None)\n"
            "os.execvp(sys.executable, [sys.executable, '-c', 'import time\\nend=time.time()+0.3\\nwhile time.time()<end: pass\\nprint(\"alive\")'])\n"
        ) % os.path.dirname(c.__file__)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
        self.assertEqual(out.returncode, 0, out)
        self.assertEqual(out.stdout.strip(), b"alive")


@unittest.skipUnless(sys.platform.startswith("linux"), "Linux only")
class SubreaperAndLeftoversTest(unittest.TestCase):
    def test_orphans_are_reparented_to_the_subreaper_then_stopped_and_named(self):
        code = (
            "import os, sys, time\n"
            "sys.path.insert(0, %r)\n"
            "import memwise_containment as c\n"
            "assert c.become_subreaper()\n"
            "if os.fork() == 0:\n"
            "    os.setsid()\n"
            "    if os.fork() == 0:\n"
            "        time.sleep(60)\n"
            "    os._exit(0)\n"
            "time.sleep(0.3)\n"
            "kids = [k for k in c.descendants() if c._alive(k)]  # the exited middle child is a zombie until reaped\n"
            "print(len(kids), os.getpid() == int(open('/proc/%%d/stat' %% kids[0]).read().rsplit(')', 1)[1].split()[1]))\n"
            "records = []\n"
            "c.end_leftovers(records.append, wait=False, grace=0.2)\n"
            "print(''.join(records).split('\\t')[2])\n"
            "print(c.descendants())\n"
        ) % os.path.dirname(c.__file__)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30, text=True)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.splitlines(), ["1 True", "stopped", "[]"])

    def test_sys_path_follows_safe_path(self):
        code = (
            "import sys\n"
            "sys.path.insert(0, %r)\n"
            "import memwise_containment as c\n"
            "c.init_sys_path('/somewhere/script.py', %r)\n"
            "print(sys.path[0])\n"
        ) % (os.path.dirname(c.__file__), os.path.dirname(c.__file__))
        plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
        self.assertEqual(plain.stdout.strip(), "/somewhere")
        if sys.version_info >= (3, 11):
            safe = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, timeout=30)
            self.assertNotIn(safe.stdout.strip(), ("/somewhere", os.path.dirname(c.__file__)))


if __name__ == "__main__":
    unittest.main()
