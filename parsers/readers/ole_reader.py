"""An OLE2 file goes to the reader of what its streams hold, whatever it is named: a Word document
to LibreOffice and the .docx reader (office_reader.py), a workbook to the spreadsheet reader
(sheet_reader.py). This module stands above both, so neither reader knows the other."""
from __future__ import annotations

from pathlib import Path

from parsers.errors import ParseError
from parsers.readers.office_reader import LABELS, read_word_legacy
from parsers.readers.ole_streams import encrypted_error, ole_kind
from parsers.readers.sheet_reader import read_sheets, read_sheets_converted
from schemas.blocks import Document

XLS_LABEL = "Excel 97-2003 .xls"


def read_ole_word(path: Path, source: str, ext_format: str) -> Document:
    """A file named .doc or .wps (``ext_format``)."""
    what = LABELS.get(f".{ext_format}", ext_format)
    kind = ole_kind(path)
    if kind == "encrypted":
        raise encrypted_error(what)
    if kind == "sheet":  # a workbook named .doc: read what it is
        return read_sheets(path, source, "xls", XLS_LABEL)
    if kind == "unknown":
        raise ParseError(f"recognised as an OLE2 (Office 97-2003) file named {path.suffix or 'without extension'}, "
                         f"but it holds no Word document stream: damaged or another program's file; "
                         f"open it in the program that made it and save it as .docx")
    # WPS 文字 saves Word 97-2003 streams: LibreOffice converts it as .doc
    return read_word_legacy(path, source, ext_format, suffix=".doc")


def read_ole_sheet(path: Path, source: str) -> Document:
    """A file named .xls or .et: calamine reads BIFF; a WPS 表格 file it cannot read is converted to
    .xlsx by LibreOffice; a Word document named .xls is read as one."""
    wps = path.suffix.lower() in (".et", ".ett")
    label = "WPS 表格 .et" if wps else XLS_LABEL
    kind = ole_kind(path)
    if kind == "encrypted":
        raise encrypted_error(label)
    if kind == "word":
        return read_word_legacy(path, source, "doc", suffix=".doc")
    try:
        doc = read_sheets(path, source, "xls", label)
    except ParseError:
        if not wps:
            raise
        doc = read_sheets_converted(path, source, label)
    doc.format = "et" if wps else "xls"
    return doc
