"""`ingest check` of one file parses in its own process (no worker start-up for a drafter waiting on
one notice) under the same limits a worker has, enforced without signals, rlimits or fork: a watchdog
thread, and faulthandler's C thread where a library holds the GIL. Each case runs in a child process,
since a limit ends the process it guards."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
GUARDED = """
import sys, time
from ingest import platform
say = lambda reason: print("ingest: cannot read notice.pdf:", reason, file=sys.stderr)
with platform.limits_in_process({seconds}, {memory_mb}, on_limit=say, exit_code=2, grace=1.0):
{body}
print("finished")
"""


def _guarded(body: str, seconds: float = 0, memory_mb: int = 0) -> subprocess.CompletedProcess:
    script = GUARDED.format(seconds=seconds, memory_mb=memory_mb, body="\n".join("    " + b for b in body.splitlines()))
    return subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True, text=True, timeout=120)


def test_work_within_the_limits_finishes():
    proc = _guarded("time.sleep(0.2)", seconds=30, memory_mb=4096)
    assert proc.returncode == 0 and proc.stdout.strip() == "finished" and proc.stderr == ""


def test_time_limit_ends_the_process_with_one_line():
    proc = _guarded("time.sleep(60)", seconds=0.5)
    assert proc.returncode == 2 and "finished" not in proc.stdout
    assert proc.stderr.strip() == "ingest: cannot read notice.pdf: time limit exceeded: parsing took over 0.5 s"


def test_memory_limit_ends_the_process_with_one_line():
    proc = _guarded("hog = bytearray(400 * 2**20)\nhog[::4096] = b'x' * len(hog[::4096])\ntime.sleep(60)", memory_mb=200)
    assert proc.returncode == 2 and "memory limit exceeded: over 200 MB" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_library_holding_the_gil_is_ended_by_the_backstop():
    # Catastrophic backtracking in the re module never releases the GIL: the watchdog thread cannot
    # run, faulthandler's thread (C) ends the process one grace second after the limit.
    proc = _guarded("import re\nre.match(r'(a+)+$', 'a' * 60 + 'b')", seconds=0.5)
    assert proc.returncode == 1 and "finished" not in proc.stdout and "Traceback" not in proc.stderr
