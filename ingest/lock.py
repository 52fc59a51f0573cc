"""One writer per output folder: ``.ingest.lock`` in the folder, held by an OS file lock for the
whole run and carrying the owner's pid, host and start time.

The lock is the kernel's (flock on Unix, a byte-range lock on Windows; see ``ingest.platform``), not
the file's existence: the OS drops it when its holder dies, whatever the death, so a lock left by a
killed run is taken over at once and never by guessing whether a pid is still alive (pids are reused,
and a pid on another host means nothing). The ``filelock`` package does the same locking but
truncates the file on every attempt, which would erase the owner line that a refused run prints."""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from ingest import platform
from ingest.errors import EnvironmentFault
from ingest.paths import display

LOCK_NAME = ".ingest.lock"
WAIT_POLL_SECONDS = 0.2


class OutputLock:
    def __init__(self, folder: Path, wait: bool = False, on_wait=None):
        self.path = folder / LOCK_NAME
        self._wait, self._on_wait = wait, on_wait
        self._fh = None

    def acquire(self) -> "OutputLock":
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)  # never truncate: the owner line is read
        except OSError as exc:
            from ingest.errors import describe_os_error

            raise describe_os_error(exc, f"the output folder {display(self.path.parent)}") from None
        fh = os.fdopen(fd, "r+b")
        told = False
        while not platform.try_lock(fh):
            if not self._wait:
                fh.close()
                raise EnvironmentFault(f"output folder {display(self.path.parent)} is in use by another run "
                                       f"({self.owner()}); wait for it or re-run with --wait")
            if not told and self._on_wait:
                self._on_wait(self.owner())
                told = True
            time.sleep(WAIT_POLL_SECONDS)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                             "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}).encode() + b"\n")
        fh.flush()
        self._fh = fh
        return self

    def owner(self) -> str:
        try:
            with open(self.path, "rb") as fh:
                info = json.loads(fh.readline() or b"{}")
            return f"pid {info['pid']} on {info['host']} since {info['since']}"
        except (OSError, ValueError, KeyError, TypeError):
            return "owner unknown"

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing drops the OS lock; the file stays (removing it would race a waiter)
            self._fh = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
