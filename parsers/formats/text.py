"""Plain text and Markdown. Text has no magic bytes: these formats come last (by priority)
and look at the extension, and a file named .docx or .pdf whose bytes are text still reads
as text. Binary content (NUL bytes in the head) is never taken for text."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe


def read_text(path, source, markdown: bool):
    from parsers.readers.text_reader import read_text as read  # charset detection loads only for text

    return read(path, source, markdown=markdown)


BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def looks_textual(p: Probe) -> bool:
    if p.head.startswith(BINARY_MAGIC):
        return False
    head = p.head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    return b"\x00" not in head


def _sniff_txt(p: Probe) -> bool:
    return looks_textual(p)


def _sniff_md(p: Probe) -> bool:
    return looks_textual(p) and p.extension in MARKDOWN.extensions


MARKDOWN = register(Format(
    name="md", extensions=(".md", ".markdown"), label="Markdown", priority=80,
    sniff=_sniff_md, read=lambda path, source, options: read_text(path, source, markdown=True)))

# Plain text also takes a text file behind any other extension (a .docx that is really text).
TEXT = register(Format(
    name="txt", extensions=(".txt",), label="plain text", priority=90, sniff=_sniff_txt,
    read=lambda path, source, options: read_text(path, source, markdown=False)))
