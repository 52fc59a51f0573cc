"""Errors of the environment around a run (not of one input file): the output folder cannot be
written, the disk is full, another run holds the folder, the manifest is unreadable. Each is one
line for the user and exit status 3; none is a traceback."""
from __future__ import annotations

import errno

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 3, 130, 141


class EnvironmentFault(Exception):
    """A fault of the environment: printed as one line, exit status 3."""


class Interrupted(Exception):
    """Ctrl-C: the run stopped; ``done`` of ``total`` documents were finished (kept in the manifest)."""

    def __init__(self, done: int, total: int):
        super().__init__(f"{done} of {total}")
        self.done, self.total = done, total


def describe_os_error(exc: OSError, what: str) -> EnvironmentFault:
    """An OSError met while writing outputs, as one line that says what to do."""
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return EnvironmentFault(f"disk full while writing {what}{where}: the previous tables are untouched; "
                                "free some space and re-run")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return EnvironmentFault(f"cannot write {what}{where}: permission denied or read-only file system")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return EnvironmentFault(f"cannot write {what}{where}: a file stands where a folder should be")
    return EnvironmentFault(f"cannot write {what}{where}: {exc.strerror or exc}")
