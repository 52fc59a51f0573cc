"""Everything that differs between Linux, macOS and Windows, in one place: the start method of
worker processes, a worker's own memory cap, and how the supervisor reads a worker's resident size.

``resource`` exists only on Unix and an address-space limit is enforced only where the kernel does
(Linux); where it is missing the supervisor's watch on resident size (psutil, everywhere) is the limit.
"""
from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import sys
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable

# spawn exists everywhere; forkserver (Unix) starts workers faster by forking a preloaded server.
START_METHOD = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


def worker_context(method: str | None = None, preload: list[str] | None = None):
    """A multiprocessing context for workers; ``method`` overrides the platform's choice."""
    context = mp.get_context(method or START_METHOD)
    if context.get_start_method() == "forkserver" and preload:
        context.set_forkserver_preload(preload)
    return context


def limit_own_memory(megabytes: int) -> bool:
    """Cap this process's address space where the OS allows it; False where it cannot."""
    if not megabytes or sys.platform != "linux":
        return False  # macOS ignores RLIMIT_AS; Windows has no resource module
    try:
        import resource
    except ImportError:
        return False
    limit = megabytes * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        return False
    return True


@lru_cache(maxsize=1)
def _psutil():
    """Imported on first use, by the supervisor only: a worker under an address-space cap keeps
    every megabyte for the document it parses."""
    import psutil

    return psutil


def resident_bytes(pid: int) -> int:
    """A process's resident set size; 0 when it is gone."""
    psutil = _psutil()
    try:
        return psutil.Process(pid).memory_info().rss
    except (psutil.Error, OSError):
        return 0


def memory_bytes(pid: int) -> tuple[int, int]:
    """A process's resident and virtual sizes; (0, 0) when it is gone."""
    psutil = _psutil()
    try:
        info = psutil.Process(pid).memory_info()
        return info.rss, info.vms
    except (psutil.Error, OSError):
        return 0, 0


def peak_resident_mb(pid: int | None = None) -> float:
    """A process's peak resident size in MB (Linux: VmHWM; Windows: peak working set); where the
    OS keeps no peak, its current size."""
    try:
        if sys.platform == "linux":
            with open(f"/proc/{pid or 'self'}/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        info = _psutil().Process(pid).memory_info()
        return getattr(info, "peak_wset", info.rss) / (1024 * 1024)
    except (OSError, _psutil().Error, ValueError):
        return 0.0


def children_peak_mb() -> float:
    """The largest peak resident size among this process's finished children (0 where unknown)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB on Linux


def try_lock(fh) -> bool:
    """Take an exclusive lock on an open file without waiting; False when another process holds it.
    The OS drops the lock when its holder dies, however it dies, so a lock is never stale."""
    if sys.platform == "win32":
        import msvcrt

        fh.seek(LOCK_OFFSET)  # lock a byte past the owner line, which others must still read
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


LOCK_OFFSET = 1 << 20


def kill_self() -> None:
    """Die at once, as SIGKILL does (a test hook for crashes at a chosen step)."""
    import os
    import signal

    if sys.platform == "win32":
        os._exit(137)
    os.kill(os.getpid(), signal.SIGKILL)


def ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to its supervisor (which says what was done), instead of a traceback each."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


# -- limits on work done in this process (``ingest check`` of one file) --------------------------

WATCH_SECONDS = 0.05
BACKSTOP_GRACE = 5.0  # seconds after the time limit when the C-level backstop ends the process


def own_resident_bytes() -> int:
    """This process's resident size, cheaply enough to poll (Linux: one read of /proc; else psutil)."""
    if sys.platform == "linux":
        try:
            with open("/proc/self/statm") as fh:
                return int(fh.read().split()[1]) * _page_size()
        except (OSError, ValueError, IndexError):
            return 0
    return resident_bytes(os.getpid())


@lru_cache(maxsize=1)
def _page_size() -> int:
    return os.sysconf("SC_PAGE_SIZE")


@contextmanager
def limits_in_process(seconds: float, memory_mb: int, on_limit: Callable[[str], None], exit_code: int,
                      grace: float = BACKSTOP_GRACE):
    """Enforce a time and a memory limit on the work inside the block, in this process: a watchdog
    thread polls the clock and the resident size and, past a limit, hands the reason to ``on_limit``
    (one line for the user) and ends the process with ``exit_code``. Where a library holds the GIL
    and the watchdog cannot run, faulthandler's own thread (C, no GIL) ends the process a few
    seconds later (exit 1, silently). Portable: no signals, no rlimit (an address-space cap would
    outlive the block in a long-lived caller), no fork."""
    done = threading.Event()
    deadline = time.monotonic() + seconds if seconds else None
    limit = memory_mb * 1024 * 1024 if memory_mb else None

    def watch() -> None:
        while not done.wait(WATCH_SECONDS):
            reason = None
            if deadline is not None and time.monotonic() > deadline:
                reason = f"time limit exceeded: parsing took over {seconds:g} s"
            elif limit is not None and own_resident_bytes() > limit:
                reason = f"memory limit exceeded: over {memory_mb} MB"
            if reason and not done.is_set():
                try:
                    on_limit(reason)
                    sys.stderr.flush()
                finally:
                    os._exit(exit_code)

    thread = threading.Thread(target=watch, name="ingest-limits", daemon=True)
    backstop = open(os.devnull, "w") if seconds else None
    if backstop is not None:
        faulthandler.dump_traceback_later(seconds + grace, exit=True, file=backstop)
    thread.start()
    try:
        yield
    finally:
        done.set()
        if backstop is not None:
            faulthandler.cancel_dump_traceback_later()
            backstop.close()
        thread.join()
