"""The local engine: worker processes on this machine (ingest.batch), or this process with --jobs 0."""
from __future__ import annotations

import os
from typing import Iterator

from ingest.batch import parse_in_workers
from ingest.pipeline import extract_file


class LocalEngine:
    name = "local"

    def width(self) -> int:
        return os.cpu_count() or 1

    def __call__(self, tasks: Iterator, settings) -> Iterator:
        if settings.jobs == 0:  # in this process: no isolation (tests and plug-ins)
            return ((t[0], extract_file(t[1], settings.options, t[2], t[3])) for t in tasks if t is not None)
        return parse_in_workers(tasks, settings.options, settings.jobs, settings.limits)

    def close(self) -> None:
        pass
