"""Word .docx (Office Open XML): a zip holding ``word/document.xml``."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe


def read_docx(path, source):
    from parsers.readers.docx_reader import read_docx as read  # python-docx loads only for a .docx

    return read(path, source)


def _sniff(p: Probe) -> bool:
    return p.zip_members is not None and "word/document.xml" in p.zip_members


FORMAT = register(Format(
    name="docx", extensions=(".docx",), label="Word .docx", line_word="段", priority=10, sniff=_sniff,
    read=lambda path, source, options: read_docx(path, source)))
