"""The reader registry: a file's format is sniffed from its content (an extension may lie), and
one function per format turns it into a ``Document`` of blocks."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from parsers.errors import ParseError
from parsers.readers.docx_reader import read_docx
from parsers.readers.limits import LIMITS
from parsers.readers.pdf_reader import read_pdf
from parsers.readers.text_reader import read_text
from schemas.blocks import Document

SUPPORTED_EXTENSIONS = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md"}

Reader = Callable[[Path, str, "str | None"], Document]
READERS: dict[str, Reader] = {
    "docx": lambda path, source, password: read_docx(path, source),
    "pdf": lambda path, source, password: read_pdf(path, source, password),
    "txt": lambda path, source, password: read_text(path, source, markdown=False),
    "md": lambda path, source, password: read_text(path, source, markdown=True),
}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def sniff_format(path: Path, head: bytes) -> str:
    """The format the bytes say, with the extension deciding only among text kinds."""
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ParseError("legacy Word/WPS binary (.doc/.wps) is not supported yet: save it as .docx")
    by_extension = SUPPORTED_EXTENSIONS.get(path.suffix.lower())
    return by_extension if by_extension in ("txt", "md") else "txt"


def read_document(path: Path, source: str, password: str | None = None) -> Document:
    size = path.stat().st_size
    if size == 0:
        raise ParseError("empty file (0 bytes)")
    if size > LIMITS.max_file_bytes:
        raise ParseError(f"file of {size} bytes is larger than the limit of {LIMITS.max_file_bytes}")
    with path.open("rb") as fh:
        head = fh.read(2048)
    fmt = sniff_format(path, head)
    claimed = SUPPORTED_EXTENSIONS.get(path.suffix.lower())
    if claimed in ("docx", "pdf") and fmt not in ("docx", "pdf"):
        try:  # a text file behind a binary extension is still read; anything else is named for what it claims
            return READERS[fmt](path, source, password)
        except ParseError as exc:
            raise ParseError(f"not a valid .{claimed}: the content is neither .{claimed} nor text") from exc
    return READERS[fmt](path, source, password)
