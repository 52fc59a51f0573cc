"""Word-processor files other than .docx (.doc, .wps, .rtf, .odt): converted to .docx by
LibreOffice (libreoffice.py), then read by the .docx reader, so tables, merged cells and list
numbers come out as they do from Word's own format. OLE2 files (.doc, .wps, .xls, .et, and
password-protected Office files of any extension) are told apart by their stream names."""
from __future__ import annotations

from pathlib import Path

import olefile

from parsers.errors import ParseError
from parsers.readers.docx_reader import read_docx
from parsers.readers.libreoffice import convert
from parsers.safety import check_xml_parts, check_zip
from schemas.blocks import Document

WORD_STREAMS = {"worddocument"}
SHEET_STREAMS = {"workbook", "book"}
ENCRYPTED_STREAMS = {"encryptioninfo", "encryptedpackage"}
LABELS = {".doc": "Word 97-2003 .doc", ".wps": "WPS 文字 .wps", ".rtf": "RTF", ".odt": "OpenDocument .odt"}


def ole_kind(path: Path) -> str:
    """word, sheet, encrypted or unknown, from the OLE2 directory's stream names."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            names = {entry[0].lower() for entry in ole.listdir(streams=True, storages=False) if entry}
    except Exception:  # olefile raises OSError, ValueError, IndexError… for damaged directories
        return "unknown"
    if names & ENCRYPTED_STREAMS:
        return "encrypted"
    if names & WORD_STREAMS:
        return "word"
    if names & SHEET_STREAMS:
        return "sheet"
    return "unknown"


def encrypted_error(what: str) -> ParseError:
    return ParseError(f"recognised as a password-protected Office file ({what}): open it in Word/WPS/Excel, "
                      "remove the password and save it again")


def read_word_legacy(path: Path, source: str, ext_format: str) -> Document:
    """.doc/.wps (OLE2), .rtf or .odt through LibreOffice; ``ext_format`` is doc, wps, rtf or odt."""
    what = LABELS.get(f".{ext_format}", ext_format)
    suffix = f".{ext_format}"
    if ext_format in ("doc", "wps"):
        kind = ole_kind(path)
        if kind == "encrypted":
            raise encrypted_error(what)
        if kind == "sheet":
            from parsers.readers.sheet_reader import read_sheets  # a workbook named .doc: read what it is
            return read_sheets(path, source, "xls", "Excel 97-2003 .xls")
        if kind == "unknown":
            raise ParseError(f"recognised as an OLE2 (Office 97-2003) file named {path.suffix or 'without extension'}, "
                             f"but it holds no Word document stream: damaged or another program's file; "
                             f"open it in the program that made it and save it as .docx")
        suffix = ".doc"  # WPS 文字 saves Word 97-2003 streams: LibreOffice converts it as .doc
    if ext_format == "odt":
        infos = check_zip(path, what)
        check_xml_parts(path, infos, what)
    converted = convert(path, "docx", what, suffix=suffix)
    try:
        doc = read_docx(converted, source)
    except ParseError as exc:
        raise ParseError(f"recognised as {what}; LibreOffice converted it, but the result cannot be read ({exc}): "
                         f"open it in Word/WPS and save it as .docx") from exc
    doc.format = ext_format
    return doc
