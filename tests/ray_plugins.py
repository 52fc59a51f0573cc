"""Test-only formats that misbehave on purpose, imported by the test and by every Ray worker
(RayEngine(plugins=...)): a document that hangs, one whose reader kills its own worker process, one that
eats memory. Each reads its file as text lines otherwise."""
from __future__ import annotations

import os
import time
from pathlib import Path

from ingest import platform
from parsers import formats
from schemas.blocks import Document, Paragraph, Provenance

NAMES = ("test-hang", "test-crash", "test-greedy")


def _lines(path: Path, source: str, name: str) -> Document:
    text = path.read_text("utf-8")
    blocks = [Paragraph(t, Provenance(source, None, i + 1)) for i, t in enumerate(text.splitlines()) if t.strip()]
    return Document(source, name, blocks)


def _hang(path: Path, source: str, options) -> Document:
    path.with_suffix(".pid").write_text(str(os.getpid()))  # the test checks this worker is gone afterwards
    while True:
        time.sleep(1)


def _crash(path: Path, source: str, options) -> Document:
    """Kill this worker (SIGKILL) on every attempt listed in the file's first line ("crash 1" dies on the
    first attempt only); each attempt leaves a line in FILE.attempts."""
    attempts = path.with_suffix(".attempts")
    with open(attempts, "a") as fh:
        fh.write(f"{os.getpid()}\n")
    dying = {int(n) for n in path.read_text("utf-8").splitlines()[0].split()[1:]}
    if len(attempts.read_text().splitlines()) in dying:
        platform.kill_self()
    return _lines(path, source, "test-crash")


def _greedy(path: Path, source: str, options) -> Document:
    hoard = []
    for _ in range(200):  # up to 4 GB, 20 MB at a time, each page written: fast, so no time limit comes first
        hoard.append(b"x" * (20 * 1024 * 1024))
    return _lines(path, source, "test-greedy")


def _format(name: str, extension: str, read) -> formats.Format:
    return formats.Format(name=name, extensions=(extension,), label=name, priority=20, read=read,
                          sniff=lambda probe: probe.extension == extension)


for _fmt in (_format("test-hang", ".hang", _hang), _format("test-crash", ".crash", _crash),
             _format("test-greedy", ".greedy", _greedy)):
    formats.register(_fmt)


def unregister() -> None:
    for name in NAMES:
        formats.unregister(name)
