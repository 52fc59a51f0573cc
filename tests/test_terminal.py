"""What a person at a terminal sees (issue 14): the batch's progress line, one line on Ctrl-C, and a
closed pipe ending quietly. Each command runs on a pseudo-terminal, as in a shell window; Ctrl-C is the
byte a keyboard sends (the terminal turns it into SIGINT for the whole foreground process group)."""
from __future__ import annotations

import os
import select
import shutil
import sys
import time

import pytest

from tests.conftest import ROOT, SAMPLES

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals on Windows")

ENV = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
CTRL_C = b"\x03"
SAFETY_SECONDS = 240  # a hung command fails the test instead of hanging the suite (not a timing assertion)


def in_terminal(argv: list[str], interrupt_when: str | None = None) -> tuple[str, int]:
    """Run ``argv`` with a pseudo-terminal as its controlling terminal and standard streams; type
    Ctrl-C once ``interrupt_when`` has appeared in what it printed. Returns (all it printed, exit status)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a new session whose terminal is the pty
        try:
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, ENV)
        finally:
            os._exit(127)
    printed, typed = b"", False
    deadline = time.monotonic() + SAFETY_SECONDS
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: every process holding the terminal has ended
                break
            if not chunk:
                break
            printed += chunk
            if interrupt_when and not typed and interrupt_when.encode() in printed:
                os.write(fd, CTRL_C)
                typed = True
        else:
            os.kill(pid, 9)
            pytest.fail(f"{argv} did not end: {printed[-2000:]!r}")
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    if interrupt_when:
        assert typed, f"never saw {interrupt_when!r}: {printed[-2000:]!r}"
    return printed.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def _copies(folder, sample: str, n: int):
    folder.mkdir()
    data = (SAMPLES / sample).read_bytes()
    for i in range(n):
        (folder / f"n{i:02d}{(SAMPLES / sample).suffix}").write_bytes(data + f"\n% {i}\n".encode())
    return folder


def test_progress_line_shows_count_rate_time_left_and_failures(tmp_path):
    folder = _copies(tmp_path / "in", "sanmenxia_2020_targets.md", 3)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    printed, status = in_terminal([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(tmp_path / "out"),
                                   "--jobs", "1"])
    assert status == 1  # one file failed
    assert "4/4" in printed and "file/s" in printed and "failed 1" in printed  # count, rate, failures so far
    assert "<00:00" in printed or "<" in printed.split("4/4", 1)[1]  # the time left
    assert "failures by reason:" in printed and "1 × not a valid .docx" in printed
    assert "slowest files:" in printed and "Traceback" not in printed


def test_no_progress_line_when_not_a_terminal(tmp_path):
    import subprocess

    folder = _copies(tmp_path / "in", "sanmenxia_2020_targets.md", 2)
    proc = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(tmp_path / "out"),
                           "--jobs", "1"], env=ENV, capture_output=True, text=True, timeout=SAFETY_SECONDS)
    assert proc.returncode == 0 and proc.stderr == ""
    assert "file/s" not in proc.stdout and "files: 2  ok: 2" in proc.stdout


def test_ctrl_c_stops_the_workers_and_prints_one_line(tmp_path):
    folder = _copies(tmp_path / "in", "sanmenxia_2020_targets.pdf", 30)
    printed, status = in_terminal([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(tmp_path / "out"),
                                   "--jobs", "2"], interrupt_when="/30")
    assert status == 130, printed
    assert "Traceback" not in printed and "KeyboardInterrupt" not in printed
    told = [line for line in printed.splitlines() if "interrupted" in line]
    assert len(told) == 1 and "of 30 documents done" in told[0] and "left" in told[0] and "re-run" in told[0]
    assert not list((tmp_path / "out").glob("*/part-*.parquet"))  # nothing half-written is published


def test_ctrl_c_then_the_same_command_resumes(tmp_path):
    folder = _copies(tmp_path / "in", "sanmenxia_2020_targets.pdf", 12)
    command = [sys.executable, "-m", "ingest", "run", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"]
    in_terminal(command, interrupt_when="/12")
    printed, status = in_terminal(command)
    assert status == 0 and "files: 12  ok: 12" in printed and "Traceback" not in printed


def test_check_into_head_ends_quietly(tmp_path):
    if shutil.which("bash") is None or shutil.which("head") is None:
        pytest.skip("needs bash and head")
    folder = _copies(tmp_path / "in", "sanmenxia_2020_targets.md", 20)  # far more than a pipe's buffer
    files = " ".join(str(p) for p in sorted(folder.iterdir()))
    printed, status = in_terminal(["bash", "-c", f"set -o pipefail; {sys.executable} -m ingest check {files} "
                                                 "--format json | head -n 3"])
    assert status == 141  # the reader went away: the exit status a pipe expects, and nothing else
    assert "Traceback" not in printed and "BrokenPipe" not in printed and "Exception ignored" not in printed
    assert len([line for line in printed.splitlines() if line.strip()]) == 3
