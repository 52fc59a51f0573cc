"""The Ray engine: the run's documents parsed by workers of a Ray cluster, with the local engine's guarantees.

Each worker is a Ray actor holding one CPU (and the memory limit as Ray's ``memory`` resource, so the
scheduler never packs more workers on a node than it can hold). It imports the pipeline once, then parses
one document at a time, so a document's clock starts when it is handed to an idle, warm worker (a task
waiting in Ray's queue is not counted against its limit):

- time limit: a document over ``--timeout`` has its worker killed (``ray.kill``: the process ends, as
  ``ray.cancel(force=True)`` does for a task) and becomes a failed row; a new worker takes the place;
- memory limit: a watchdog in the worker reads its resident size every 50 ms while it parses and returns a
  failed row once the size passes ``--memory-limit``; that worker is then killed and replaced (Ray's
  ``memory`` resource only places workers; an address-space rlimit cannot be used: a Ray worker maps
  gigabytes of shared memory before it parses anything);
- a worker that dies (a crash in a library, the OS's OOM killer, its node lost) is a transient failure:
  the document is retried once on another worker, then it is a failed row with the reason;
- a worker is replaced after ``--docs-per-worker`` documents, and after any transient failure.

Paths are read where they are: every node must see the inputs at the same path (a shared filesystem);
object-store URIs (s3://, gs://) are not supported. Each worker checks what it parsed; results come back to the
driver, which writes the same tables, manifest and commit as the local engine.
"""
from __future__ import annotations

import importlib
import logging
import os
import signal
import socket
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import ray
from ray.exceptions import GetTimeoutError, RayError, RayTaskError

from ingest import PARSER_VERSION, __version__, platform
from ingest.errors import EnvironmentFault
from ingest.pipeline import Parsed, failed_extraction, is_transient, parse_and_check
from schemas.records import Extraction

POLL_SECONDS = 0.05
START_SECONDS = 300.0  # no worker started by then: the cluster has no free CPU or memory for one
MB = 1024 * 1024
CRASHED_TWICE = ("worker crashed twice: the parser died on two workers (out of memory, a fault in a library, "
                 "or its node was lost)")


class Parser:
    """One Ray worker: parses one document at a time, with a watchdog on its own resident size."""

    def __init__(self, options, memory_mb: int, plugins: tuple[str, ...]):
        from ingest.worker_warmup import warm

        warm()  # imports, dictionaries and first-use patterns before the first document, not during it

        for module in plugins:  # formats, checks or readers a caller registers in its workers too
            importlib.import_module(module)
        self.options, self.memory_mb = options, memory_mb

    def ready(self) -> tuple[str, str, str, int]:
        return __version__, PARSER_VERSION, socket.gethostname(), os.getpid()

    def parse(self, path: str, sha256: str, cwd: str, id_name: str | None = None) -> Parsed | Extraction:
        if not os.path.isabs(path):
            try:
                os.chdir(cwd)  # one document at a time in this process: the run's folder, as on the driver
            except OSError:
                return failed_extraction(path, sha256, f"cannot read file: the folder {cwd} does not exist on "
                                                       f"{socket.gethostname()} (the inputs must be on a shared "
                                                       "filesystem, at the same path on every node)")
        box: list[Parsed] = []
        worker = threading.Thread(target=lambda: box.append(parse_and_check(Path(path), self.options, sha256, id_name)),
                                  daemon=True)
        worker.start()
        limit = self.memory_mb * MB
        while worker.is_alive():
            worker.join(POLL_SECONDS)
            if limit and worker.is_alive() and platform.resident_bytes(os.getpid()) > limit:
                # The parse cannot be stopped from here: the driver kills this worker on a transient row.
                return failed_extraction(path, sha256, f"memory limit exceeded: over {self.memory_mb} MB",
                                         transient=True)
        return box[0]


@dataclass
class _Slot:
    actor: object
    ready_ref: object | None  # until the worker has started
    created: float
    task: tuple | None = None  # (index, path, sha256, id_name)
    attempt: int = 0
    ref: object | None = None
    started: float = 0.0
    done: int = 0


@dataclass
class _Pool:
    """The workers of one run and the documents waiting for one."""

    settings: object
    size: int
    plugins: tuple[str, ...]
    slots: list[_Slot] = field(default_factory=list)
    queue: deque = field(default_factory=deque)  # (task, attempt) waiting for an idle worker
    cwd: str = field(default_factory=os.getcwd)

    def __post_init__(self):
        memory = self.settings.limits.memory_mb
        self.actor_class = ray.remote(Parser).options(
            num_cpus=1, max_restarts=0, max_task_retries=0, scheduling_strategy="SPREAD",
            **({"memory": memory * MB} if memory else {}))

    def run(self, tasks: Iterator) -> Iterator[tuple[int, Parsed | Extraction]]:
        pending, exhausted = iter(tasks), False
        try:
            while True:
                exhausted = self._fill(pending, exhausted)
                self._dispatch()
                if exhausted and not self.queue and all(s.task is None for s in self.slots):
                    return
                yield from self._wait()
        finally:
            for slot in self.slots:
                _kill(slot.actor)

    def _fill(self, pending: Iterator, exhausted: bool) -> bool:
        """Take tasks while a worker could start one now; a None task means the runner waits."""
        busy = sum(1 for s in self.slots if s.task is not None)
        while not exhausted and len(self.queue) < self.size - busy:
            task = next(pending, StopIteration)
            if task is StopIteration:
                return True
            if task is None:
                break
            self.queue.append((task, 0))
        return exhausted

    def _dispatch(self) -> None:
        idle = [s for s in self.slots if s.ready_ref is None and s.task is None]
        while self.queue and idle:
            slot = idle.pop()
            (index, path, sha, id_name), attempt = self.queue.popleft()
            slot.task, slot.attempt, slot.started = (index, path, sha, id_name), attempt, time.monotonic()
            slot.ref = slot.actor.parse.remote(os.fspath(path), sha, self.cwd, id_name)
        starting = sum(1 for s in self.slots if s.ready_ref is not None)
        for _ in range(min(len(self.queue) - starting, self.size - len(self.slots))):
            actor = self.actor_class.remote(self.settings.options, self.settings.limits.memory_mb, self.plugins)
            self.slots.append(_Slot(actor, actor.ready.remote(), time.monotonic()))

    def _wait(self) -> Iterator[tuple[int, Parsed | Extraction]]:
        refs = [s.ref for s in self.slots if s.ref is not None] + \
               [s.ready_ref for s in self.slots if s.ready_ref is not None]
        if not refs:
            return
        ready, _ = ray.wait(refs, num_returns=1, timeout=POLL_SECONDS)
        if ready:
            ready, _ = ray.wait(refs, num_returns=len(refs), timeout=0)
        ready = set(ready)
        for slot in list(self.slots):
            if slot.ready_ref is not None:
                self._started(slot, slot.ready_ref in ready)
            elif slot.ref is not None:
                result = self._collect(slot, slot.ref in ready)
                if result is not None:
                    yield result

    def _started(self, slot: _Slot, ready: bool) -> None:
        if ready:
            try:
                version, parser_version, _host, _pid = ray.get(slot.ready_ref)
            except RayError as exc:
                raise EnvironmentFault(f"a Ray worker could not start: {_first_line(exc)}") from None
            if (version, parser_version) != (__version__, PARSER_VERSION):
                raise EnvironmentFault(f"the Ray workers run notice-ingest {version} ({parser_version}), this "
                                       f"command {__version__} ({PARSER_VERSION}): install the same version on "
                                       "every node")
            slot.ready_ref = None
        elif time.monotonic() - slot.created > START_SECONDS and all(s.ready_ref is not None for s in self.slots):
            raise EnvironmentFault(f"no Ray worker started within {START_SECONDS:g} s: the cluster has no free CPU, "
                                   f"or no node with {self.settings.limits.memory_mb} MB of memory free "
                                   "(--memory-limit)")

    def _collect(self, slot: _Slot, ready: bool) -> tuple[int, Parsed | Extraction] | None:
        index, path, sha, _name = slot.task
        limits = self.settings.limits
        if ready:
            try:
                result = ray.get(slot.ref, timeout=60)
            except RayTaskError as exc:  # raised outside parse_and_check's boundary: ours, not the document's
                result = failed_extraction(path, sha, f"internal error: {_first_line(exc)}", transient=True)
            except (RayError, GetTimeoutError):  # the worker died: a crash, the OOM killer, a lost node
                self._retire(slot)
                if slot.attempt == 0:
                    self.queue.appendleft((slot.task, 1))
                    return None
                return index, failed_extraction(path, sha, CRASHED_TWICE, transient=True)
            slot.done += 1
            slot.task = slot.ref = None
            if is_transient(result) or slot.done >= limits.tasks_per_worker:
                self._retire(slot)
            return index, result
        if limits.seconds and time.monotonic() - slot.started > limits.seconds:
            self._retire(slot)
            return index, failed_extraction(path, sha, f"time limit exceeded: parsing took over {limits.seconds:g} s",
                                            transient=True)
        return None

    def _retire(self, slot: _Slot) -> None:
        _kill(slot.actor)
        self.slots.remove(slot)


def _kill(actor) -> None:
    """End a worker's process; one already gone (its node lost, Ray stopped by Ctrl-C) is no error."""
    try:
        ray.kill(actor, no_restart=True)
    except (RayError, ValueError, ConnectionError):
        pass


def _check_reachable(address: str | None) -> None:
    """A HOST:PORT nobody listens on fails at once: Ray's own client retries it for minutes."""
    if not address or address == "auto" or "://" in address or ":" not in address:
        return
    host, _, port = address.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=10).close()
    except ValueError:
        raise EnvironmentFault(f"--address {address}: expected HOST:PORT, ray://HOST:PORT or auto") from None
    except OSError as exc:
        raise EnvironmentFault(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None


@contextmanager
def _interrupts_ignored():
    """SIGINT ignored while processes are started (they inherit it), then this process's handler again."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "cause", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class RayEngine:
    """``--engine ray [--address ray://HOST:10001 | auto | HOST:6379]``; no address: ``ray.init()``'s choice
    (the cluster in RAY_ADDRESS, else a Ray instance on this machine, started for the run)."""

    name = "ray"

    def __init__(self, address: str | None = None, plugins: tuple[str, ...] = ()):
        self.address, self.plugins, self._owned, self._connected = address, tuple(plugins), False, False

    def connect(self) -> None:
        """Connect (or start Ray here); a program that has called ``ray.init`` itself keeps its connection."""
        if self._connected and ray.is_initialized():
            return
        _check_reachable(self.address or os.environ.get("RAY_ADDRESS"))
        self._connected = True
        if ray.is_initialized():
            return
        extra = {} if self.address or os.environ.get("RAY_ADDRESS") else {"include_dashboard": False}
        try:
            # A Ray instance started here inherits Ctrl-C's "ignore": the terminal sends SIGINT to the whole
            # process group, and it is the driver's to stop the run (one line) and then Ray (shutdown).
            with _interrupts_ignored():
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False, **extra)
        except (ConnectionError, RuntimeError, ValueError, TimeoutError) as exc:
            where = f"the Ray cluster at {self.address}" if self.address else "Ray"
            raise EnvironmentFault(f"cannot start or reach {where}: {_first_line(exc)}") from None
        self._owned = True

    def width(self) -> int:
        """The cluster's CPUs: one worker each."""
        self.connect()
        return max(1, int(ray.cluster_resources().get("CPU", 1)))

    def __call__(self, tasks: Iterator, settings) -> Iterator[tuple[int, Parsed | Extraction]]:
        self.connect()
        size = min(max(settings.jobs, 1), self.width())
        return _Pool(settings, size, self.plugins).run(tasks)

    def close(self) -> None:
        if self._owned and ray.is_initialized():
            ray.shutdown()
        self._owned = self._connected = False
