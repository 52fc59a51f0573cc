"""Pausing Python's cycle collector while one document is worked on.

Reading, extracting and checking a document make hundreds of thousands of short-lived objects (lxml's
element proxies, lines, records) and no reference cycles worth collecting: the collector, run every 700
allocations, would only walk them (about 5% of a PDF notice's time). Reference counting frees everything as
it goes; the collector runs again as soon as the outermost pause ends."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
