"""The format contract: one module per input format declares a ``Format``; the registry in
``parsers.formats`` holds them. Nothing outside the registry and the format modules knows a
format's name."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from schemas.blocks import Document


@dataclass(frozen=True)
class ReadOptions:
    """What a user may set for reading: passed unchanged to every format's ``read``."""

    password: str | None = None  # user password of an encrypted PDF
    ocr: str = "auto"  # auto: OCR pages without a usable text layer; off; force: OCR every page
    threads: int = 1  # threads an OCR engine may use (one per worker: workers must not fight over cores)


@dataclass(frozen=True)
class Probe:
    """What a format may look at to recognise a file: its first bytes, the names of its members
    when it is a zip (None otherwise), and its extension (lower case, with the dot)."""

    head: bytes
    zip_members: frozenset[str] | None
    extension: str


class Reader(Protocol):
    def __call__(self, path: Path, source: str, options: ReadOptions) -> Document: ...


@dataclass(frozen=True)
class Format:
    """An input format. ``sniff`` says whether the probe is this format: content wins over the
    extension, formats without magic bytes (plain text) look at the extension too. Lower
    ``priority`` is asked first, so magic-byte formats come before the text fallback."""

    name: str
    extensions: tuple[str, ...]
    read: Reader
    sniff: Callable[[Probe], bool]
    label: str  # what the file is called in messages: "Word .docx", "PDF"
    priority: int = 50
    # Where a record sits inside a file of this format, as a person would say it: 第{n}段 / 第{n}行.
    line_word: str = "行"
