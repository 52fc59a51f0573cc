"""The format registry: every input format is one module declaring a ``Format``, listed once
here. ``detect`` recognises a file from its content; ``read`` turns it into a ``Document``."""
from __future__ import annotations

import zipfile
from pathlib import Path

from parsers.errors import ParseError
from parsers.formats.base import Format, Probe, ReadOptions
from parsers.readers.limits import LIMITS
from schemas.blocks import Document

HEAD_BYTES = 4096

_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add (or replace) a format; returns it so a module can write ``FORMAT = register(Format(...))``."""
    _FORMATS[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    _FORMATS.pop(name, None)


def formats() -> list[Format]:
    return sorted(_FORMATS.values(), key=lambda f: (f.priority, f.name))


def get(name: str) -> Format | None:
    return _FORMATS.get(name)


def supported_extensions() -> set[str]:
    return {ext for fmt in formats() for ext in fmt.extensions}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in supported_extensions()


def by_extension(path: Path) -> Format | None:
    ext = path.suffix.lower()
    return next((f for f in formats() if ext in f.extensions), None)


def probe(path: Path) -> Probe:
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    members = None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                if len(infos) <= LIMITS.zip_max_members:
                    members = frozenset(i.filename for i in infos)
                else:
                    members = frozenset()
        except (zipfile.BadZipFile, OSError, ValueError):
            members = frozenset()
    return Probe(head=head, zip_members=members, extension=path.suffix.lower())


def detect(path: Path, found: Probe | None = None) -> Format | None:
    """The first format, by priority, whose sniff accepts the file."""
    found = found or probe(path)
    return next((fmt for fmt in formats() if fmt.sniff(found)), None)


def read(path: Path, source: str, options: ReadOptions = ReadOptions()) -> Document:
    """Check the limits that apply before any work, recognise the format, read the file."""
    size = path.stat().st_size
    if size == 0:
        raise ParseError("empty file (0 bytes)")
    if size > LIMITS.max_file_bytes:
        raise ParseError(f"file of {size} bytes is larger than the limit of {LIMITS.max_file_bytes}")
    found = probe(path)
    fmt = detect(path, found)
    claimed = by_extension(path)
    if fmt is None and claimed is not None:
        return claimed.read(path, source, options)  # its reader says what is wrong with the file
    if fmt is None:
        raise ParseError(f"unrecognised content ({found.extension or 'no extension'}): matches no supported format")
    try:
        return fmt.read(path, source, options)
    except ParseError as exc:
        if claimed is not None and claimed.name != fmt.name:
            raise ParseError(f"named as {claimed.label} but the content is {fmt.label}: {exc}") from exc
        raise


__all__ = ["Format", "Probe", "ReadOptions", "register", "unregister", "formats", "get", "detect", "read",
           "is_supported", "supported_extensions", "by_extension"]


# The built-in formats register themselves on import; a plug-in calls ``register`` the same way.
from parsers.formats import docx, html, image, ofd, office, pdf, sheet, text  # noqa: E402,F401
