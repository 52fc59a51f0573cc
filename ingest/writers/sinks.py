"""The output contract: a ``Sink`` receives every extraction of a run, in input order.

``open`` before the first, ``add`` for each, ``close`` at the end: ``close(completed=False)`` when
the run stopped early, so a sink can keep the previous output whole. Sinks are registered by name
(``register``); ``ingest run`` writes to the table sinks, ``ingest check --format NAME`` to a report
sink. A database or a web page is one more sink."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from ingest.paths import terminal_safe
from ingest.writers.atomic import write_text_atomic
from schemas.records import Extraction

TABLES, REPORT = "tables", "report"


class Sink(Protocol):
    def open(self) -> None: ...

    def add(self, extraction: Extraction) -> None: ...

    def close(self, completed: bool = True) -> list[Path]:
        """Finish (or, not completed, abandon) the output; the files written."""


@dataclass(frozen=True)
class SinkType:
    name: str
    kind: str  # TABLES: writes into a folder; REPORT: one document to a file or standard output
    make: Callable[[Path | None], Sink]  # the destination: a folder, a file, or None for standard output
    description: str = ""


_SINKS: dict[str, SinkType] = {}


def register(sink_type: SinkType) -> SinkType:
    _SINKS[sink_type.name] = sink_type
    return sink_type


def unregister(name: str) -> None:
    _SINKS.pop(name, None)


def get(name: str) -> SinkType:
    return _SINKS[name]


def names(kind: str) -> list[str]:
    return sorted(n for n, s in _SINKS.items() if s.kind == kind)


class TextReportSink:
    """A report rendered from all the extractions when the run ends (a report is one document)."""

    def __init__(self, render: Callable[[list[Extraction]], str], destination: Path | None,
                 terminal: Callable[[str], str] = terminal_safe):
        self._render, self._destination, self._terminal = render, destination, terminal
        self._results: list[Extraction] = []

    def open(self) -> None:
        self._results = []

    def add(self, extraction: Extraction) -> None:
        self._results.append(extraction)

    def close(self, completed: bool = True) -> list[Path]:
        if not completed:
            return []
        text = self._render(self._results)
        if self._destination is None:
            print(self._terminal(text), file=sys.stdout)  # no control or bidi character reaches a terminal raw
            return []
        write_text_atomic(self._destination, text)
        return [self._destination]


def report(name: str, render: Callable[[list[Extraction]], str], description: str = "",
           terminal: Callable[[str], str] = terminal_safe) -> SinkType:
    """Register a report format from a function that renders extractions to text; ``terminal`` makes
    the text safe to print (control characters escaped in the report's own syntax)."""
    return register(SinkType(name, REPORT, lambda destination: TextReportSink(render, destination, terminal),
                             description))
