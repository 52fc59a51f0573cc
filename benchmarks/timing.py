"""Timing a command as a whole process, on one core, as a user would start it.

``one_core()`` pins this process (and so its children) to one core where the OS can; ``measure()``
runs a command and returns its wall time and, on Linux, the CPU time of its whole process tree:
this process becomes a child subreaper, so workers that outlive their parent (a forkserver and its
children) are reaped here and their CPU counted. On a shared machine the CPU figure is the steadier
one; wall is what a user waits."""
from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float | None  # user + system of the command and every descendant; None where not measurable
    returncode: int


_ALL_CORES: set[int] = set()


def one_core() -> str:
    """Run this process and its children on one core; says which (or why not)."""
    pin = getattr(os, "sched_setaffinity", None)
    if pin is None:
        return "not pinned (this OS has no sched_setaffinity)"
    _ALL_CORES.update(os.sched_getaffinity(0))
    core = min(_ALL_CORES)
    pin(0, {core})
    return f"pinned to core {core}"


def all_cores() -> None:
    """Undo ``one_core`` (a batch run with several workers is measured on every core)."""
    if _ALL_CORES:
        os.sched_setaffinity(0, _ALL_CORES)


def child_env(root: Path) -> dict[str, str]:
    """The environment of a measured command: the project on the path, bytecode cached as an installed
    package has it (a session may set PYTHONDONTWRITEBYTECODE, which would recompile every module on
    every start), one thread for numerical libraries."""
    env = dict(os.environ, PYTHONPATH=str(root), OMP_NUM_THREADS="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _subreaper() -> bool:
    if sys.platform != "linux":
        return False
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def measure(command: list[str], env: dict[str, str], cwd: Path) -> Timing:
    reaper = _subreaper()
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not reaper:
        proc.wait()
        return Timing(time.perf_counter() - start, None, proc.returncode)
    cpu, wall, code = 0.0, None, -1
    while True:  # reap the command and every orphan it left (forkserver, workers) until none is left
        try:
            pid, status, usage = os.wait4(-1, 0)
        except ChildProcessError:
            break
        cpu += usage.ru_utime + usage.ru_stime
        if pid == proc.pid:
            wall, code = time.perf_counter() - start, os.waitstatus_to_exitcode(status)
            proc.returncode = code
    return Timing(wall if wall is not None else time.perf_counter() - start, cpu, code)


def best(timings: list[Timing]) -> Timing:
    """The least disturbed of several runs (the fastest wall; the smallest CPU)."""
    cpus = [t.cpu for t in timings if t.cpu is not None]
    return Timing(min(t.wall for t in timings), min(cpus) if cpus else None, max(t.returncode for t in timings))
