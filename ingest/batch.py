"""Parsing in worker processes that a hostile file cannot take down with it.

Each document is parsed in a worker with a hard time limit (the supervisor kills a worker that
overruns) and a memory limit (an address-space rlimit in the worker, and the supervisor watching
its resident size while it works: a limit checked only between pages is not a limit). A killed
or crashed worker becomes a failed document and a new worker takes its place; workers are
recycled after a number of documents so that memory a library leaks never accumulates.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ingest import platform
from ingest.pipeline import Parsed, RunOptions, failed_extraction, is_transient, parse_and_check
from schemas.records import Extraction

POLL_SECONDS = 0.05
# Told (path, seconds) as each document comes back from its worker: the batch UI names the slowest.
_observers: list[Callable[[str, float], None]] = []


@contextmanager
def observe(callback: Callable[[str, float], None]):
    """Within the block, ``callback(path, seconds)`` hears how long each document took in its worker."""
    _observers.append(callback)
    try:
        yield
    finally:
        _observers.remove(callback)


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0
    memory_mb: int = 2048
    tasks_per_worker: int = 200
    start_method: str | None = None  # None: the platform's (see ingest.platform)


# The memory limit is on resident size, watched by the supervisor. The worker's own address-space cap is a
# backstop at a multiple of it: an OCR runtime (onnxruntime) reserves about twice the address space it uses
# (arenas, thread stacks, mapped models), and a cap at the limit itself failed its allocations on pages a
# document of ~1 GB resident could read.
ADDRESS_SPACE_FACTOR = 2


def _worker_main(conn: Connection, memory_mb: int) -> None:
    platform.ignore_interrupts()
    platform.limit_own_memory(memory_mb * ADDRESS_SPACE_FACTOR)
    from ingest.worker_warmup import warm

    warm()  # a no-op where the fork server preloaded it; a spawned worker (Windows, macOS) warms here
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        path, sha256, id_name, options = task
        conn.send(parse_and_check(Path(path), options, sha256, id_name))


AT_CAP_SECONDS = 2.0  # a worker held this long at its address-space cap has run out of memory


class _Slot:
    def __init__(self, context, limits: Limits):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, limits.memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple | None = None
        self.started = 0.0
        self.done = 0
        self.at_cap_since: float | None = None

    def over_memory(self, megabytes: int) -> bool:
        """Resident size over the limit, or the address space held at the worker's own cap: a parser
        whose allocations fail there can spin in C code instead of raising MemoryError."""
        rss, vms = platform.memory_bytes(self.process.pid)
        limit = megabytes * 1024 * 1024
        if rss > limit:
            return True
        if vms < 0.97 * limit * ADDRESS_SPACE_FACTOR:
            self.at_cap_since = None
            return False
        now = time.monotonic()
        self.at_cap_since = self.at_cap_since or now
        return now - self.at_cap_since > AT_CAP_SECONDS

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def retire(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(2)
        self.kill()


def parse_in_workers(tasks: Iterable[tuple[int, Path, str, str | None]], options: RunOptions, jobs: int,
                     limits: Limits = Limits()) -> Iterator[tuple[int, Parsed | Extraction]]:
    """Yield (index, result) for each (index, path, sha256) task, in completion order: what the worker
    parsed and checked (``Parsed``), or a failed extraction when the worker overran a limit or died (the
fourth item of a task, when given, is the name its doc_id hashes: see ``extract_file``). A task of None means "nothing to
    start yet" (the caller is waiting for an earlier document before dispatching more)."""
    context = platform.worker_context(limits.start_method, preload=["ingest.worker_warmup"])
    pending = iter(tasks)
    slots: list[_Slot] = []
    exhausted = False
    try:
        while True:
            while not exhausted and (len(slots) < jobs or any(s.task is None for s in slots)):
                try:
                    task = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                if task is None:
                    break
                index, path, sha, id_name = task
                slot = next((s for s in slots if s.task is None), None)
                if slot is None:
                    slot = _Slot(context, limits)
                    slots.append(slot)
                slot.task, slot.started, slot.at_cap_since = task, time.monotonic(), None
                slot.conn.send((str(path), sha, id_name, options))
            busy = [s for s in slots if s.task is not None]
            if not busy:
                if exhausted:
                    return
                continue
            ready = wait([s.conn for s in busy], timeout=POLL_SECONDS)
            for slot in busy:
                result = _collect(slot, ready, limits)
                if result is None:
                    continue
                for observer in _observers:
                    observer(str(slot.task[1]), time.monotonic() - slot.started)
                yield slot.task[0], result
                slot.task = None
                if not slot.process.is_alive() or slot.done >= limits.tasks_per_worker or is_transient(result):
                    _replace(slots, slot, context, limits)
    finally:
        for slot in slots:
            slot.retire()


def _collect(slot: _Slot, ready: list, limits: Limits) -> Parsed | Extraction | None:
    index, path, sha, _name = slot.task
    if slot.conn in ready:
        try:
            result = slot.conn.recv()
            slot.done += 1
            return result
        except (EOFError, OSError):
            slot.kill()
            return failed_extraction(path, sha, "worker crashed: the parser died (out of memory or a fault in a library)",
                                     transient=True)
    elapsed = time.monotonic() - slot.started
    if limits.seconds and elapsed > limits.seconds:
        slot.kill()
        return failed_extraction(path, sha, f"time limit exceeded: parsing took over {limits.seconds:g} s", transient=True)
    if limits.memory_mb and slot.over_memory(limits.memory_mb):
        slot.kill()
        return failed_extraction(path, sha, f"memory limit exceeded: over {limits.memory_mb} MB", transient=True)
    return None


def _replace(slots: list[_Slot], slot: _Slot, context, limits: Limits) -> None:
    slot.retire()
    slots[slots.index(slot)] = _Slot(context, limits)
