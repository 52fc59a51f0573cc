"""Engines: what parses a run's documents. The runner lists, hashes and orders the inputs, stores each
result in the manifest and hands it to the sinks; an engine only turns the task stream into results (a
worker's ``Parsed``: the extraction checked in the worker; or an ``Extraction`` the runner checks), so the
tables are the same whichever engine ran.

An engine is called with the run's tasks, each ``(index, path, sha256, id_name)`` (``id_name``: what the
document's id hashes, see ``pipeline.extract_file``) or ``None`` ("nothing to start
yet": the runner waits for an earlier document before it dispatches more), and yields ``(index,
result)`` in completion order, one for every task: a document that fails, overruns its time or memory
limit or kills its worker is a failed extraction with the reason, never a missing one.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional, Protocol, Union

from ingest.engines.local import LocalEngine
from ingest.errors import EnvironmentFault

if TYPE_CHECKING:
    from ingest.pipeline import Parsed
    from ingest.runner import RunSettings
    from schemas.records import Extraction

Task = Optional[tuple[int, Path, str, Optional[str]]]
Result = Union["Parsed", "Extraction"]
NAMES = ("local", "ray")
RAY_MISSING = "--engine ray needs Ray, which is not installed: pip install 'notice-ingest[ray]'"


class Engine(Protocol):
    name: str

    def width(self) -> int:
        """How many documents it parses at once (the default for --jobs)."""

    def __call__(self, tasks: Iterator[Task], settings: RunSettings) -> Iterator[tuple[int, Result]]:
        """(index, result) for every task, in completion order."""

    def close(self) -> None:
        """Release what the engine started (a Ray instance started for the run)."""


def make(name: str, address: str | None = None, plugins: tuple[str, ...] = ()) -> Engine:
    """The engine called ``name``. Ray is imported here, only for ``ray``; without it, one line saying what
    to install (an EnvironmentFault)."""
    if name == "local":
        return LocalEngine()
    if name == "ray":
        try:
            from ingest.engines.ray_engine import RayEngine
        except ImportError as exc:
            if getattr(exc, "name", None) == "ray" or "ray" in str(exc).split("'"):
                raise EnvironmentFault(RAY_MISSING) from None
            raise EnvironmentFault(f"--engine ray: Ray cannot be imported ({exc}): "
                                   "pip install 'notice-ingest[ray]'") from None
        return RayEngine(address, plugins)
    raise ValueError(f"unknown engine {name!r}; known: {', '.join(NAMES)}")
