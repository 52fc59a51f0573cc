"""Word-processor formats read through LibreOffice: Word 97-2003 .doc and WPS 文字 .wps (OLE2
files holding a ``WordDocument`` stream), RTF, OpenDocument text. OLE2 files named as
spreadsheets (.xls, .et) belong to the spreadsheet formats; the reader checks the streams."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file (.doc .wps .xls .et)

SHEET_EXTENSIONS = (".xls", ".et", ".xlt", ".ett")
ODT_MIME = b"mimetypeapplication/vnd.oasis.opendocument.text"


def _sniff_ole_word(p: Probe) -> bool:
    return p.head.startswith(OLE_MAGIC) and p.extension not in SHEET_EXTENSIONS


def _sniff_rtf(p: Probe) -> bool:
    return p.head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def _sniff_odt(p: Probe) -> bool:
    if p.zip_members is None:
        return False
    return ODT_MIME in p.head[:256] or ("content.xml" in p.zip_members and p.extension in (".odt", ".ott"))


def read_word_legacy(path, source, kind: str):
    from parsers.readers.office_reader import read_word_legacy as read  # loaded only for these formats

    return read(path, source, kind)


def _read_ole(path, source, options):
    from parsers.readers.ole_reader import read_ole_word  # what the streams hold decides the reader

    return read_ole_word(path, source, "wps" if path.suffix.lower() in (".wps", ".wpt") else "doc")


DOC = register(Format(
    name="doc", extensions=(".doc", ".wps"), label="Word 97-2003 / WPS 文字 (.doc/.wps)", line_word="段",
    priority=20, sniff=_sniff_ole_word, read=_read_ole))
RTF = register(Format(
    name="rtf", extensions=(".rtf",), label="RTF", line_word="段", priority=20, sniff=_sniff_rtf,
    read=lambda path, source, options: read_word_legacy(path, source, "rtf")))
ODT = register(Format(
    name="odt", extensions=(".odt",), label="OpenDocument text (.odt)", line_word="段", priority=20,
    sniff=_sniff_odt, read=lambda path, source, options: read_word_legacy(path, source, "odt")))
